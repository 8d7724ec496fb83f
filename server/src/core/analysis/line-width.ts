/**
 * How wide a line of a draft is as printed (a Han character 1, an ASCII character ½),
 * and the width a hard-wrapped document (a PDF extraction) breaks its lines at: the
 * facts behind telling a wrapped line from an ended one.
 */

/** Display width: a Han character or full-width mark counts 1, an ASCII character ½. */
export function displayWidth(line: string, start = 0, end = line.length): number {
  let width = 0;
  for (let i = start; i < end; i++) width += unitWidth(line.charCodeAt(i));
  return width;
}

/** The width one UTF-16 unit adds: ½ for ASCII and Latin, 1 for Han, full-width marks and dashes; a low surrogate adds nothing (its pair counted once). */
function unitWidth(code: number): number {
  if (code >= 0xdc00 && code <= 0xdfff) return 0;
  return code < 0x2e80 && !(code >= 0x2010 && code <= 0x2027) ? 0.5 : 1;
}

/** displayWidth(line) > max, reading only as far as needed: a long paragraph line is over at once. */
export function widthExceeds(line: string, max: number): boolean {
  let width = 0;
  for (let i = 0; i < line.length; i++) {
    width += unitWidth(line.charCodeAt(i));
    if (width > max) return true;
  }
  return false;
}

/**
 * Share of lines a hard-wrapped text may have beyond its wrap width (a URL, a table
 * row, an unbreakable run); more means the lines were never wrapped.
 */
const WRAP_OVERFLOW_SHARE = 0.15;

/** A line this close to the wrap width (indented first lines, a hanging mark) was wrapped, not ended. */
export const WRAP_SLACK = 2.5;

/**
 * The width a hard-wrapped document (a PDF extraction) breaks its lines at, if it
 * has one: many lines share the same display width, give or take half a character.
 * `widths` are the display widths of the document's lines (0 for blank ones).
 */
export function hardWrapWidth(widths: readonly number[]): number | null {
  const counts = new Map<number, number>();
  let measured = 0;
  for (const width of widths) {
    if (width < 6) continue;
    measured++;
    const bucket = Math.floor(width);
    counts.set(bucket, (counts.get(bucket) ?? 0) + 1);
  }
  let best: number | null = null;
  let bestCount = 0;
  for (const [bucket, count] of counts) {
    if (bucket < 12) continue;
    const near = count + (counts.get(bucket - 1) ?? 0);
    if (near > bestCount || (near === bestCount && best !== null && bucket > best)) {
      best = bucket;
      bestCount = near;
    }
  }
  if (best === null || bestCount < Math.max(8, 0.3 * measured)) return null;
  // A wrapped text has no line much wider than its wrap: a round-up whose sub-headlines
  // happen to share a width has its long paragraphs between them.
  let wider = 0;
  for (const width of widths) if (width > best + 1 + WRAP_SLACK) wider++;
  if (wider > WRAP_OVERFLOW_SHARE * measured) return null;
  return best;
}
