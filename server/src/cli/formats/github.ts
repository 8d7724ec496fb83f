/**
 * GitHub Actions workflow commands: one `::error|warning|notice` line per finding,
 * which Actions turns into annotations on the pull request. Lines and columns are
 * 1-based (columns in UTF-16 code units, as the other formats).
 */
import type { FileResult } from '../report';

const LEVEL = { error: 'error', warning: 'warning', info: 'notice', hint: 'notice' } as const;

/** Message data: %, CR and LF would end or corrupt the command. */
export function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Property values additionally must not contain the ':' and ',' that delimit them. */
export function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** One file's annotations, each line ending in a newline ('' when there are none). */
export function githubLines(result: FileResult): string {
  if (result.error !== undefined) return '';
  const lines: string[] = [];
  for (const d of result.diagnostics) {
    const props = [
      `file=${escapeProperty(result.path)}`,
      `line=${d.range.start.line + 1}`,
      `col=${d.range.start.character + 1}`,
      `endLine=${d.range.end.line + 1}`,
      `endColumn=${d.range.end.character + 1}`,
      `title=${escapeProperty(d.rule)}`,
    ];
    lines.push(`::${LEVEL[d.severity]} ${props.join(',')}::${escapeData(d.message)}\n`);
  }
  return lines.join('');
}

export function formatGithub(results: readonly FileResult[]): string {
  return results.map(githubLines).join('');
}
