/**
 * Findings → LSP diagnostics. The fix data rides on the diagnostic (as vscode-eslint
 * does), already converted to ranges of the version it was computed for, so the
 * code-action handler needs no server-side state. The evidence stays on the server,
 * which answers hovers from its latest lint: on a draft with a thousand findings it
 * would double what every keystroke sends.
 */
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import { fixKindOf, type Finding, type FixKind, type Severity, type TextModel } from '../core';
import { toRange, toWireEdits } from './edits';
import { arrayOf, fits, isInteger, isRange, isString, object } from './guard';
import type { WireTextEdit } from './protocol';
import { ruleDocsUrl } from '../node/package-info';

export const SOURCE = 'jiaodui';

export interface DiagnosticData {
  rule: string;
  /** The document version the ranges below belong to. */
  version: number;
  /** What “allow ‘X’ in this project” adds to the house dictionary. */
  subject: string;
  fixes: Array<{ title: string; kind: FixKind; edits: WireTextEdit[] }>;
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toDiagnostic(finding: Finding, text: TextModel, version: number): Diagnostic {
  const data: DiagnosticData = {
    rule: finding.rule,
    version,
    subject: finding.subject ?? text.raw.slice(finding.offset, finding.offset + finding.length),
    fixes: finding.fixes.map((fix) => ({ title: fix.title, kind: fixKindOf(fix), edits: toWireEdits(text, fix.edits) })),
  };
  const docs = ruleDocsUrl(finding.rule);
  return {
    range: toRange(text, finding.offset, finding.length),
    severity: SEVERITY[finding.severity],
    source: SOURCE,
    code: finding.rule,
    ...(docs ? { codeDescription: { href: docs } } : {}),
    message: finding.message,
    data,
  };
}

/**
 * What a diagnostic of ours looks like when the client sends it back. Clients echo
 * diagnostics with fields dropped or mangled (a fix of null, no range); one that does
 * not fit exactly is skipped by the code actions, never fatal for the request.
 */
const OUR_DIAGNOSTIC = object({
  source: (v, at) => (v === SOURCE ? undefined : `${at} 不是 ${SOURCE}`),
  range: isRange,
  data: object({
    rule: isString,
    version: isInteger,
    subject: isString,
    fixes: arrayOf(object({ title: isString, edits: arrayOf(object({ range: isRange, newText: isString })) })),
  }),
});

export function isOurs(diagnostic: unknown): diagnostic is Diagnostic & { data: DiagnosticData } {
  return fits(OUR_DIAGNOSTIC, diagnostic);
}

/** The one diagnostic a document too large to lint live gets, at its first line. */
export function tooLargeDiagnostic(bytes: number, limit: number): Diagnostic {
  const mb = (n: number) => (n / (1024 * 1024)).toFixed(1);
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Information,
    source: SOURCE,
    code: 'document-too-large',
    message: `文档较大（${mb(bytes)} MB，超过 jiaodui.maxLiveSize 设定的 ${mb(limit)} MB），未作实时校对；可调大该设置，或运行“jiaodui: 校对工作区”/命令行 jiaodui lint 检查。`,
  };
}
