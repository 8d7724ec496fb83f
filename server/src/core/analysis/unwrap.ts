/**
 * Unwrapping: PDF extractions and pasted copy break every visual line, so a name or
 * a phrase cut by a hard wrap is joined again before the finders read it.
 */
import type { TextModel } from '../text';

/** Line ends after which a line break is a real paragraph end, never a wrap. */
const CLOSING = /[。！？!?…；;：:”’」』）)》】]$/;
/** Line starts that begin a block of their own (headings, bullets, datelines). */
const BLOCK_START = /^[#■□▶【—●◆·]/;
/** Shorter lines are headlines, masthead fields or bylines, not wrapped prose. */
const MIN_WRAPPED_LINE = 12;

export interface Unwrapped {
  /** The text with hard wraps removed; other line breaks stay as "\n". */
  text: string;
  /** offsets[i] is the offset in the original text of text[i]. */
  offsets: Int32Array;
}

/** Each document's unwrapped text, kept while its TextModel lives: name-consistency and numbering-sequence both read it. */
const byDocument = new WeakMap<TextModel, Unwrapped>();

/** The document's masked text unwrapped, made once per TextModel (see unwrap). */
export function unwrapDocument(document: TextModel): Unwrapped {
  let result = byDocument.get(document);
  if (!result) byDocument.set(document, (result = unwrap(document.masked)));
  return result;
}

/**
 * Removes hard wraps: a line of at least a dozen characters that does not end a
 * sentence, followed (across at most one blank line) by a line of prose, continues
 * on that line. PDF extractions wrap every visual line, and a name or phrase cut by
 * a wrap (吕柱表 / 示) is still one name or phrase.
 */
export function unwrap(text: string): Unwrapped {
  const lines: Array<{ start: number; end: number; next: number }> = [];
  // Without \r, each line end is the next \n, found natively rather than unit by unit.
  const newlinesOnly = !text.includes('\r');
  for (let start = 0; start <= text.length;) {
    let end = newlinesOnly ? text.indexOf('\n', start) : start;
    if (end < 0) end = text.length;
    else if (!newlinesOnly) while (end < text.length && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13) end++;
    let next = end;
    if (next < text.length) next += text.charCodeAt(next) === 13 && text.charCodeAt(next + 1) === 10 ? 2 : 1;
    lines.push({ start, end, next });
    if (next === end) break;
    start = next;
  }
  // Kept ranges of the original text; each is followed by "\n" unless it wraps.
  const pieces: Array<{ start: number; end: number; newline: boolean }> = [];
  for (let l = 0; l < lines.length; l++) {
    const { start, end, next } = lines[l];
    const body = text.slice(start, end).trim();
    let k = l + 1;
    while (k < lines.length && k <= l + 2 && isBlankLine(text, lines[k].start, lines[k].end)) k++;
    const following = k < lines.length && k <= l + 2 ? text.slice(lines[k].start, lines[k].end).trim() : '';
    const wraps =
      next > end && body.length >= MIN_WRAPPED_LINE && !BLOCK_START.test(body) && !CLOSING.test(body) && following !== '' && !BLOCK_START.test(following);
    if (wraps) {
      // Drop the break and the blank line; trim the trailing blanks and the continuation's indent.
      let trimmed = end;
      while (trimmed > start && isInlineBlank(text.charCodeAt(trimmed - 1))) trimmed--;
      pieces.push({ start, end: trimmed, newline: false });
      let i = lines[k].start;
      while (i < lines[k].end && isInlineBlank(text.charCodeAt(i))) i++;
      lines[k] = { ...lines[k], start: i };
      l = k - 1;
      continue;
    }
    pieces.push({ start, end, newline: next > end });
  }
  const parts: string[] = [];
  // Each kept character and each kept line break takes the place of at least one original character.
  const offsets = new Int32Array(text.length);
  let length = 0;
  for (const piece of pieces) {
    parts.push(text.slice(piece.start, piece.end));
    for (let i = piece.start; i < piece.end; i++) offsets[length++] = i;
    if (piece.newline) {
      parts.push('\n');
      offsets[length++] = piece.end;
    }
  }
  return { text: parts.join(''), offsets: offsets.subarray(0, length) };
}

function isInlineBlank(code: number): boolean {
  return code === 32 || code === 9 || code === 0x3000;
}

function isBlankLine(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (!isInlineBlank(text.charCodeAt(i))) return false;
  return true;
}
