/** Finding adjacent repeats of Han units (AA, ABAB, ABCABC…) in a text. */
import { isHanIdeograph, isHanIdeographRun, isHighSurrogate } from '../han';

export interface Repeat {
  /** Offset of the first copy. */
  start: number;
  /** Length of one copy. */
  unit: number;
  /** How many copies in a row (2 for a doubling, 3 for a tripling…): the span is [start, start + copies * unit). */
  copies: number;
}

/** Longest unit looked for: a doubled place name (…自治州…自治州) can run to ten characters. */
export const MAX_UNIT = 10;

/**
 * Repeats are made of Han ideographs (analysis/han.ts), 〇 excluded: 二〇〇八 is a
 * year, not a doubled 〇. Positions are UTF-16 offsets, but a repeat starts and ends
 * on whole characters: a character from Extension B or later (𠮷) is one character
 * of two units, and a repeat of it is a repeat of one character.
 */

/**
 * Every adjacent repeat of a Han unit, leftmost first; at one position the shortest
 * unit wins, a run of copies is one repeat (服务服务服务: three copies), and a
 * repeat overlapping one already found is dropped.
 */
export function findRepeats(text: string, maxUnit = MAX_UNIT): Repeat[] {
  const repeats: Repeat[] = [];
  let coveredUntil = 0;
  const next = nextOccurrences(text);
  for (let i = 0; i < text.length - 1; i++) {
    // A low surrogate is the second half of a character begun at i - 1: never a start.
    if (!isHanIdeograph(text.codePointAt(i)!)) continue;
    // Only a unit that brings the same character round again can repeat: follow its next occurrences.
    for (let j = next[i]; j >= 0; j = next[j]) {
      const unit = j - i;
      if (unit > maxUnit || i + 2 * unit > text.length) break;
      let same = true;
      for (let k = 1; k < unit; k++) {
        if (text.charCodeAt(i + k) !== text.charCodeAt(i + unit + k)) {
          same = false;
          break;
        }
      }
      if (!same || !isHanIdeographRun(text, i, i + 2 * unit)) continue;
      // ABAB where the unit itself is a repeat (AAAA) is two AA repeats, not one.
      if (unit > 1 && isUniform(text, i, unit)) continue;
      if (i < coveredUntil) break;
      let copies = 2;
      while (i + (copies + 1) * unit <= text.length && text.startsWith(text.slice(i, i + unit), i + copies * unit)) copies++;
      repeats.push({ start: i, unit, copies });
      coveredUntil = i + copies * unit;
      break;
    }
  }
  return repeats;
}

/** Scratch for nextOccurrences: next[i] is where text[i] occurs again, or -1. */
let next = new Int32Array(1024);
/** Per code unit, base + the position it was last seen at; below base (0 included) means not in this text. */
const lastSeen = new Float64Array(0x10000);
let base = 1;

function nextOccurrences(text: string): Int32Array {
  if (next.length < text.length) next = new Int32Array(Math.max(text.length, next.length * 2));
  const from = base;
  base += text.length + 1;
  for (let i = text.length - 1; i >= 0; i--) {
    const code = text.charCodeAt(i);
    const seen = lastSeen[code];
    next[i] = seen >= from ? seen - from : -1;
    lastSeen[code] = from + i;
  }
  return next;
}

/** Is text[start, start + unit) one character written over and over (AA, 𠮷𠮷)? */
function isUniform(text: string, start: number, unit: number): boolean {
  const first = text.codePointAt(start)!;
  const width = first > 0xffff ? 2 : 1;
  if (unit % width !== 0) return false;
  for (let k = width; k < unit; k += width) if (text.codePointAt(start + k) !== first) return false;
  return true;
}

/** A unit of one character: one UTF-16 unit, or a surrogate pair (𠮷). */
export function isOneCharacter(text: string, start: number, unit: number): boolean {
  return unit === 1 || (unit === 2 && isHighSurrogate(text.charCodeAt(start)));
}
