/**
 * Building fixes (after ESLint's lib/linter/rule-fixer.js): rules say what to change
 * with these instead of hand-built edit literals, and a range that is not a range
 * (negative, reversed, not an integer) fails where it is made, in the rule that made
 * it, instead of as a silent no-op or a mangled draft at apply time.
 * Ranges are [start, end) in UTF-16 code units, as Finding offsets are.
 */
import type { Fix, FixKind, TextEdit } from './types';

export type Range = readonly [start: number, end: number];

function checked(range: Range): Range {
  const [start, end] = range;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start) {
    throw new RangeError(`invalid fix range [${start}, ${end})`);
  }
  return range;
}

function checkedOffset(offset: number): number {
  if (!Number.isInteger(offset) || offset < 0) throw new RangeError(`invalid fix offset ${offset}`);
  return offset;
}

export const fixer = {
  /** Replaces text[start, end) with `text`. */
  replaceTextRange(range: Range, text: string): TextEdit {
    const [start, end] = checked(range);
    return { offset: start, length: end - start, newText: text };
  },
  /** Deletes text[start, end). */
  removeRange(range: Range): TextEdit {
    const [start, end] = checked(range);
    return { offset: start, length: end - start, newText: '' };
  },
  /** Inserts `text` right after the range (at its end). */
  insertTextAfterRange(range: Range, text: string): TextEdit {
    return { offset: checked(range)[1], length: 0, newText: text };
  },
  /** Inserts `text` right before the range (at its start). */
  insertTextBeforeRange(range: Range, text: string): TextEdit {
    return { offset: checked(range)[0], length: 0, newText: text };
  },
  /** Inserts `text` at one offset. */
  insertTextAt(offset: number, text: string): TextEdit {
    return { offset: checkedOffset(offset), length: 0, newText: text };
  },
};

/** A fix: its quick-fix title, its edits (one or several, non-overlapping), and a kind when it differs from the rule's. */
export function makeFix(title: string, edits: TextEdit | readonly TextEdit[], kind?: FixKind): Fix {
  const list = Array.isArray(edits) ? [...(edits as readonly TextEdit[])] : [edits as TextEdit];
  const sorted = [...list].sort((a, b) => a.offset - b.offset);
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i].offset < sorted[i - 1].offset + sorted[i - 1].length) throw new RangeError(`overlapping edits in fix “${title}”`);
  }
  return kind ? { title, edits: list, kind } : { title, edits: list };
}
