/** Plain-text tables for benchmark output (ASCII cells only, so widths line up). */
export function renderTable(headers: string[], rows: Array<Array<string | number>>, rightAligned: ReadonlySet<number> = new Set()): string {
  const cells = [headers, ...rows.map((r) => r.map(String))];
  const widths = headers.map((_, c) => Math.max(...cells.map((r) => (r[c] ?? '').length)));
  const line = (r: string[]) =>
    r
      .map((cell, c) => (rightAligned.has(c) ? cell.padStart(widths[c]) : cell.padEnd(widths[c])))
      .join('  ')
      .trimEnd();
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

export function fixed(value: number | null | undefined, digits = 2): string {
  return value === null || value === undefined || Number.isNaN(value) ? '—' : value.toFixed(digits);
}

/** "ok" / "MISS" against a target, or "" when there is no number or no target. */
export function verdict(value: number | null | undefined, target: number | undefined, direction: 'min' | 'max'): string {
  if (value === null || value === undefined || target === undefined) return '';
  return (direction === 'min' ? value >= target : value < target) ? 'ok' : 'MISS';
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
