/**
 * Findings → LSP diagnostics. The fix data rides on the diagnostic (as vscode-eslint
 * does), already converted to ranges of the version it was computed for, so the
 * code-action handler needs no server-side state. The evidence stays on the server,
 * which answers hovers from its latest lint: on a draft with a thousand findings it
 * would double what every keystroke sends.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import type { TextModel } from '../core/text';
import type { Finding, FixKind, Severity } from '../core/types';
import { fixKindOf } from '../core/fixes';
import { toRange, toWireEdits } from './edits';
import { arrayOf, fits, isInteger, isRange, isString, object } from './guard';
import type { WireTextEdit } from './protocol';

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
  return {
    range: toRange(text, finding.offset, finding.length),
    severity: SEVERITY[finding.severity],
    source: SOURCE,
    code: finding.rule,
    codeDescription: { href: ruleDocsUrl(finding.rule) },
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

let docsBase: string | undefined;

/**
 * Where a rule's documentation lives: docs/rules.md in the repository named by the
 * package.json, else the copy shipped beside the bundle.
 */
export function ruleDocsUrl(rule: string): string {
  docsBase ??= computeDocsBase();
  return `${docsBase}#${rule}`;
}

function computeDocsBase(): string {
  const root = packageRoot();
  if (root) {
    try {
      const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { repository?: string | { url?: string } };
      const url = typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url;
      const web = url ? repositoryWebUrl(url) : undefined;
      if (web) return `${web}/blob/HEAD/docs/rules.md`;
    } catch {
      // Fall through to the packaged copy.
    }
  }
  return pathToFileURL(path.join(root ?? path.resolve(__dirname, '..'), 'docs', 'rules.md')).href;
}

export function repositoryWebUrl(url: string): string | undefined {
  const github = /^github:(.+)$/.exec(url) ?? /^([\w.-]+\/[\w.-]+)$/.exec(url);
  if (github) return `https://github.com/${github[1].replace(/\.git$/, '')}`;
  const web = /^(?:git\+)?(https?:\/\/[^\s]+?)(?:\.git)?\/?$/.exec(url);
  if (web) return web[1];
  const ssh = /^(?:git\+ssh:\/\/)?git@([^:/]+)[:/](.+?)(?:\.git)?$/.exec(url);
  if (ssh) return `https://${ssh[1]}/${ssh[2]}`;
  return undefined;
}

/** The folder holding jiaodui's package.json (dist/.. when bundled, the repo root from sources). */
function packageRoot(): string | undefined {
  let dir = __dirname;
  for (;;) {
    try {
      const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: string };
      if (pkg.name === 'jiaodui') return dir;
    } catch {
      // Not here; go up.
    }
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}
