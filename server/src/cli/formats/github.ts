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

export function formatGithub(results: readonly FileResult[]): string {
  const lines: string[] = [];
  for (const result of results) {
    if (result.error !== undefined) continue;
    for (const d of result.diagnostics) {
      const props = [
        `file=${escapeProperty(result.path)}`,
        `line=${d.range.start.line + 1}`,
        `col=${d.range.start.character + 1}`,
        `endLine=${d.range.end.line + 1}`,
        `endColumn=${d.range.end.character + 1}`,
        `title=${escapeProperty(d.rule)}`,
      ];
      lines.push(`::${LEVEL[d.severity]} ${props.join(',')}::${escapeData(d.message)}`);
    }
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}
