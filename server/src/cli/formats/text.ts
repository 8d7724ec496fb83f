/**
 * Human output, in the manner of eslint-stylish: the path, then one line per
 * finding (line:column, severity, message, rule), then a summary. Columns are
 * aligned by display width, since a Chinese character takes two terminal cells.
 */
import type { FileResult, Summary } from '../report';
import type { LintMode } from '../lint-files';

export interface TextFormatOptions {
  color: boolean;
  mode: LintMode;
  /** --max-warnings: the summary says when the warnings exceed it. */
  maxWarnings?: number;
}

const SEVERITY_LABEL = { error: 'error', warning: 'warning', info: 'info', hint: 'hint' } as const;

function paint(enabled: boolean) {
  const wrap = (open: number, close: number) => (s: string) => (enabled ? `\u001b[${open}m${s}\u001b[${close}m` : s);
  return {
    red: wrap(31, 39),
    yellow: wrap(33, 39),
    cyan: wrap(36, 39),
    green: wrap(32, 39),
    dim: wrap(2, 22),
    bold: wrap(1, 22),
    underline: wrap(4, 24),
  };
}

/* eslint-disable regexp/no-dupe-characters-character-class -- whole Unicode blocks are listed for the reader; that some overlap a script class is harmless */
const WIDE =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff00-\uff60\uffe0-\uffe6\u2e80-\u2fff\u3100-\u31ff\ufe30-\ufe4f]/u;
/* eslint-enable regexp/no-dupe-characters-character-class */

/** Terminal cells: East Asian wide and fullwidth characters take two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    width += cp >= 0x1100 && WIDE.test(ch) ? 2 : 1;
  }
  return width;
}

function padEnd(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

/** `1 file`, `2 files`, `2 fixes`: English plurals for the bilingual messages. */
export function plural(n: number, word: string): string {
  if (n === 1) return `${n} ${word}`;
  return `${n} ${word}${/(?:s|x|z|ch|sh)$/.test(word) ? 'es' : 's'}`;
}

/** What a file's block counts toward the summary: safe fixes left for --fix, suggestions left for review. */
export interface BlockCounts {
  fixable: number;
  suggestions: number;
}

/**
 * One file's block (path, a line per applied fix in fix modes, a line per finding, a
 * blank line); '' when it has neither.
 */
export function textFileBlock(result: FileResult, color: boolean, mode: LintMode = 'lint'): { text: string } & BlockCounts {
  const applied = result.applied ?? [];
  if (result.error !== undefined || (result.diagnostics.length === 0 && applied.length === 0)) return { text: '', fixable: 0, suggestions: 0 };
  const c = paint(color);
  const out: string[] = [c.underline(result.path)];
  let fixable = 0;
  let suggestions = 0;
  // What was changed first, at its place in the text as it was; then what remains, in the fixed text.
  const changedLabel = mode === 'fix' ? '已修复' : '将修复';
  const rows = [
    ...applied.map((a) => ({
      where: `${a.range.start.line + 1}:${a.range.start.character + 1}`,
      label: c.green(changedLabel.padEnd(5)),
      message: `${quote(a.old)} → ${quote(a.new)}`,
      rule: a.rule,
    })),
    ...result.diagnostics.map((d) => {
      const colour = d.severity === 'error' ? c.red : d.severity === 'warning' ? c.yellow : d.severity === 'info' ? c.cyan : c.dim;
      return {
        where: `${d.range.start.line + 1}:${d.range.start.character + 1}`,
        label: colour(SEVERITY_LABEL[d.severity].padEnd(7)),
        message: d.message.replace(/\s*[\r\n]\s*/g, ' '),
        rule: d.rule,
      };
    }),
  ];
  for (const d of result.diagnostics) {
    if (d.fixes[0]?.kind === 'safe') fixable++;
    else if (d.fixes.length > 0) suggestions++;
  }
  let whereWidth = 0;
  let messageWidth = 0;
  for (const row of rows) {
    whereWidth = Math.max(whereWidth, row.where.length);
    messageWidth = Math.max(messageWidth, displayWidth(row.message));
  }
  messageWidth = Math.min(80, messageWidth);
  if (applied.length > 0 && result.diagnostics.length > 0) {
    // The two blocks count lines differently (before and after fixing): say so.
    out.push(c.dim(`  ${changedLabel} ${applied.length} 处（位置按修复前）；余下 ${result.diagnostics.length} 处（位置按修复后）`));
  }
  for (const row of rows) out.push(`  ${c.dim(row.where.padEnd(whereWidth))}  ${row.label}  ${padEnd(row.message, messageWidth)}  ${c.dim(row.rule)}`);
  out.push('', '');
  return { text: out.join('\n'), fixable, suggestions };
}

/** A changed span, quoted, with line breaks and tabs made visible; long ones shortened in the middle. */
function quote(text: string): string {
  const visible = text.replace(/\r\n|\n|\r/g, '⏎').replace(/\t/g, '⇥');
  const chars = [...visible];
  const shown = chars.length > 24 ? `${chars.slice(0, 10).join('')}…${chars.slice(-10).join('')}` : visible;
  return `“${shown}”`;
}

/** Why --max-warnings failed the run, or undefined when it did not. */
export function tooManyWarnings(summary: Summary, maxWarnings: number | undefined): string | undefined {
  if (maxWarnings === undefined || summary.warnings <= maxWarnings) return undefined;
  return `警告 ${summary.warnings} 处，超过 --max-warnings ${maxWarnings}（${plural(summary.warnings, 'warning')}, more than --max-warnings ${maxWarnings}）`;
}

/** The closing lines: what was fixed (fix modes) and the totals. */
export function textSummary(summary: Summary, counts: BlockCounts & { fixed: number; changedFiles: number }, options: TextFormatOptions): string {
  const c = paint(options.color);
  const out: string[] = [];
  const total = summary.errors + summary.warnings + summary.infos;
  const { fixable, suggestions, fixed, changedFiles: files } = counts;
  if (options.mode !== 'lint') {
    out.push(
      options.mode === 'fix'
        ? c.green(`已修复 ${fixed} 处，改写 ${files} 个文件（fixed ${plural(fixed, 'problem')} in ${plural(files, 'file')}）`)
        : c.green(`可修复 ${fixed} 处，涉及 ${files} 个文件；未写入任何文件（dry run: ${plural(fixed, 'fix')} in ${plural(files, 'file')}, nothing written）`),
    );
  }
  if (summary.failed > 0) {
    // A run that could not read an input failed, whatever it found in the rest: never a ✔.
    out.push(
      c.bold(
        c.red(
          `✖ ${summary.failed} 个输入未能检查（原因见上方错误），已检查 ${summary.files} 个文件（${plural(summary.failed, 'input')} could not be linted, see the errors above; ${plural(summary.files, 'file')} linted）`,
        ),
      ),
    );
  }
  if (total === 0) {
    if (summary.failed === 0) out.push(c.green(`✔ 检查了 ${summary.files} 个文件，未发现问题（${plural(summary.files, 'file')}, no problems）`));
    else if (summary.files > 0) out.push(`  已检查的文件未发现问题（no problems in the files linted）`);
  } else {
    const line = `✖ 共 ${total} 处问题：错误 ${summary.errors}，警告 ${summary.warnings}，提示 ${summary.infos}（${plural(total, 'problem')}: ${plural(summary.errors, 'error')}, ${plural(summary.warnings, 'warning')}, ${plural(summary.infos, 'info')}）`;
    out.push(c.bold(summary.errors > 0 ? c.red(line) : c.yellow(line)));
    if (fixable > 0 && options.mode === 'lint') out.push(`  其中 ${fixable} 处可用 --fix 自动修复（${fixable} fixable with --fix）`);
    if (suggestions > 0)
      out.push(
        `  另有 ${suggestions} 处修改建议，需人工确认，或用 --fix --fix-type safe,suggestion 一并应用（${plural(suggestions, 'suggestion')}: review them, or apply with --fix-type suggestion）`,
      );
  }
  const warningsOver = tooManyWarnings(summary, options.maxWarnings);
  if (warningsOver) out.push(c.bold(c.red(`✖ ${warningsOver}`)));
  return `${out.join('\n')}\n`;
}

export function formatText(results: readonly FileResult[], summary: Summary, options: TextFormatOptions): string {
  const out: string[] = [];
  if (options.mode === 'fix-dry-run') {
    for (const result of results) if (result.diff) out.push(result.diff.replace(/\n$/, ''), '\n\n');
  }
  let fixable = 0;
  let suggestions = 0;
  for (const result of results) {
    const block = textFileBlock(result, options.color, options.mode);
    out.push(block.text);
    fixable += block.fixable;
    suggestions += block.suggestions;
  }
  const fixed = results.reduce((n, r) => n + (r.fixedCount ?? 0), 0);
  const changedFiles = results.filter((r) => r.changed).length;
  out.push(textSummary(summary, { fixable, suggestions, fixed, changedFiles }, options));
  return out.join('');
}
