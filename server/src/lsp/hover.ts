/**
 * Hover on a finding: what the rule checks, the message, why (the standard's clause or
 * the learned evidence), the fixes on offer and a link to the rule's documentation.
 */
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver';
import { RULES_BY_ID, type Finding } from '../core';
import { ruleDocsUrl } from '../node/package-info';
import { toRange } from './edits';
import { errorText, type GuardLog } from './guard';
import type { LintResult } from './linting';

export function hoverAt(result: LintResult, position: Position, log?: GuardLog): Hover | null {
  const offset = result.text.offsetAt(position);
  const hits = result.findings.filter((f) => (f.length === 0 ? offset === f.offset : offset >= f.offset && offset <= f.offset + f.length));
  // Each finding on its own: one that cannot be described is left out of the hover, not the others.
  const described = hits.flatMap((f) => {
    try {
      return [describe(f)];
    } catch (error) {
      log?.error(`jiaodui：无法显示 ${f.rule} 的说明：${errorText(error)}`);
      return [];
    }
  });
  if (described.length === 0) return null;
  const start = Math.min(...hits.map((f) => f.offset));
  const end = Math.max(...hits.map((f) => f.offset + f.length));
  return {
    contents: { kind: MarkupKind.Markdown, value: described.join('\n\n---\n\n') },
    range: toRange(result.text, start, end - start),
  };
}

export function describe(finding: Finding): string {
  const meta = RULES_BY_ID.get(finding.rule)?.meta;
  const lines: string[] = [];
  lines.push(`**jiaodui · ${meta?.docs.summary ? `${escape(meta.docs.summary)}（${finding.rule}）` : finding.rule}**`);
  lines.push('', escape(finding.message));
  if (meta?.docs.why) lines.push('', `**为什么：** ${escape(meta.docs.why)}`);
  if (finding.evidence) lines.push('', `**依据：** ${escape(finding.evidence)}`);
  if (meta?.docs.reference) lines.push('', `**参考：** ${escape(meta.docs.reference)}`);
  if (finding.fixes.length > 0) lines.push('', `**修复：** ${finding.fixes.map((f) => escape(f.title)).join('；')}`);
  const docs = ruleDocsUrl(finding.rule);
  if (docs) lines.push('', `[规则说明](${docs})`);
  return lines.join('\n');
}

/** Markdown-escape text from rules and the corpus (it may hold * _ [ ] etc.). */
function escape(text: string): string {
  return text.replace(/([\\`*_{}[\]()#+!|<>~])/g, '\\$1');
}
