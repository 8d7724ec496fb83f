/**
 * Page markers that a PDF or layout export leaves in the text: “7 / 88” (page /
 * total), on a line of its own or dropped into a sentence. Shared by stray-digits,
 * which reports them, by broken-paragraph, which leaves a break across a marker to
 * stray-digits, and by the digits learner, which must not learn them as numbers.
 */

/** A whole line that is nothing but a page marker. */
const MARKER_LINE = /^[ \t\u3000]*(\d{1,4})[ \t]*\/[ \t]*(\d{1,4})[ \t\u3000]*$/;

/** A page marker inside running text: spaced on both sides of the slash, as layout exports write it. */
export const INLINE_MARKER = /(?<![\d./:-])(\d{1,4}) \/ (\d{1,4})(?![\d./:%-])/g;

/** Page n of a document of `total` pages: a marker, not a fraction or a date. */
export function isPlausiblePage(page: number, total: number): boolean {
  return total >= 2 && page >= 1 && page <= total;
}

/** The page and total when the whole line is a page marker. */
export function parseMarkerLine(line: string): { page: number; total: number } | null {
  const m = MARKER_LINE.exec(line);
  if (!m) return null;
  const page = Number(m[1]);
  const total = Number(m[2]);
  return isPlausiblePage(page, total) ? { page, total } : null;
}

export function isPageMarkerLine(line: string): boolean {
  return parseMarkerLine(line) !== null;
}
