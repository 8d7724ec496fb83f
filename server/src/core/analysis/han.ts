/**
 * Which characters are Han, on code points. The one definition every rule, finder
 * and learner uses: a draft may name a person with a character from Extension B or
 * later (𠮷, 𡒄), which JavaScript stores as two UTF-16 units, so a test on single
 * units would see two non-Han halves and break words, boundaries and context windows
 * around it.
 *
 * Han here is every CJK Unified Ideographs block (the main block, Extension A, and
 * Extensions B–I, which fill the Supplementary and Tertiary Ideographic Planes), the
 * two Compatibility Ideographs blocks, and 〇.
 *
 * 〇 (U+3007, IDEOGRAPHIC NUMBER ZERO) is decided deliberately: it is Han by script
 * and is written inside Chinese text (二〇二五年), so for “is this Chinese text”
 * questions (spacing, punctuation width, joining wrapped lines) it is Han, as the
 * regular expressions' \p{Script=Han} have always said. But it is a digit, never part
 * of a word: word logic (repetition, where 二〇〇八 must not read as a doubled 〇)
 * asks isHanIdeograph, which leaves it out. Radicals (⺀–⿕) and the iteration marks
 * (々 〻) are neither: they do not stand for a word.
 */

/** 〇: Han by script, a digit by use. */
export const IDEOGRAPHIC_ZERO = 0x3007;

/** A Han ideograph: any CJK Unified Ideographs block or Compatibility Ideographs; not 〇. */
export function isHanIdeograph(code: number): boolean {
  if (code < 0x3400) return false;
  if (code <= 0x9fff) return code <= 0x4dbf || code >= 0x4e00; // Extension A, URO
  if (code < 0x10000) return code >= 0xf900 && code <= 0xfaff; // Compatibility Ideographs
  // Planes 2 (SIP: Extensions B–F, I and Compatibility Supplement) and 3 (TIP: G, H) hold only ideographs.
  return code >= 0x20000 && code <= 0x3ffff;
}

/** A Han character of Chinese text: an ideograph or 〇. */
export function isHan(code: number): boolean {
  return code === IDEOGRAPHIC_ZERO || isHanIdeograph(code);
}

/** isHan of every UTF-16 code unit, as a table for hot loops that index by charCodeAt: surrogate halves are never Han. */
export const HAN_CODES: Uint8Array = (() => {
  // The BMP ranges of isHan, filled natively: asking isHan of each of the 65,536 units
  // cost every start several milliseconds of unoptimised code (the test checks they agree).
  const table = new Uint8Array(0x10000);
  table.fill(1, 0x3400, 0x4dc0); // Extension A
  table.fill(1, 0x4e00, 0xa000); // URO
  table.fill(1, 0xf900, 0xfb00); // Compatibility Ideographs
  table[IDEOGRAPHIC_ZERO] = 1;
  return table;
})();

export function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

export function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** The code point starting at `i`, or -1 outside the text (a lone low surrogate reads as itself, never Han). */
export function codePointAt(text: string, i: number): number {
  return i < 0 || i >= text.length ? -1 : text.codePointAt(i)!;
}

/** The code point ending just before `end`, or -1 at the start (surrogate-aware). */
export function codePointBefore(text: string, end: number): number {
  if (end <= 0 || end > text.length) return -1;
  const low = text.charCodeAt(end - 1);
  if (isLowSurrogate(low) && end >= 2 && isHighSurrogate(text.charCodeAt(end - 2))) return text.codePointAt(end - 2)!;
  return low;
}

/** Is the code point starting at `i` a Han character? */
export function isHanAt(text: string, i: number): boolean {
  return isHan(codePointAt(text, i));
}

/** Is the code point ending just before `end` a Han character? */
export function isHanBefore(text: string, end: number): boolean {
  return isHan(codePointBefore(text, end));
}

/** Is `ch` (one code point as a string) a Han character? */
export function isHanChar(ch: string | undefined): boolean {
  return ch !== undefined && ch !== '' && isHan(ch.codePointAt(0)!);
}

/** Is every code point of text[start, end) a Han ideograph (〇 excluded)? */
export function isHanIdeographRun(text: string, start: number, end: number): boolean {
  for (let i = start; i < end;) {
    const code = text.codePointAt(i)!;
    if (!isHanIdeograph(code)) return false;
    i += code > 0xffff ? 2 : 1;
  }
  return true;
}

/**
 * The Han window around a span: up to `max` Han characters (code points) right before
 * `start`, as an offset. Messages quote it so the editor sees the word, not a fragment.
 */
export function hanWindowStart(text: string, start: number, max: number, han: (code: number) => boolean = isHan): number {
  let from = start;
  for (let n = 0; n < max && from > 0; n++) {
    const code = codePointBefore(text, from);
    if (!han(code)) break;
    from -= code > 0xffff ? 2 : 1;
  }
  return from;
}

/** Up to `max` Han characters (code points) right after `end`, as the offset where they stop. */
export function hanWindowEnd(text: string, end: number, max: number, han: (code: number) => boolean = isHan): number {
  let to = end;
  for (let n = 0; n < max && to < text.length; n++) {
    const code = text.codePointAt(to)!;
    if (!han(code)) break;
    to += code > 0xffff ? 2 : 1;
  }
  return to;
}

/** The Han characters (at most `max`) right before `start`. */
export function hanContextBefore(text: string, start: number, max: number, han: (code: number) => boolean = isHan): string {
  return text.slice(hanWindowStart(text, start, max, han), start);
}

/** The Han characters (at most `max`) right after `end`. */
export function hanContextAfter(text: string, end: number, max: number, han: (code: number) => boolean = isHan): string {
  return text.slice(end, hanWindowEnd(text, end, max, han));
}
