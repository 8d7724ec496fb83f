/**
 * Character classes for Chinese text, shared by rules and model sections. Kept
 * small and stable: other rules import it. Every helper takes a string position
 * or a single code point string and is surrogate-aware, so a character outside
 * the BMP (𠮷) is one character, never two halves.
 */
import { isHanChar } from './han';

const LATIN_LETTER = /[A-Za-z]/;
const ALNUM = /^[A-Za-z0-9\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]$/;
/** Full-width (CJK) punctuation, brackets, quotes and the ellipsis/dash marks. */
const CJK_PUNCT =
  /^[\u3001-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65\u2018\u2019\u201c\u201d\u2014\u2026\u00b7\u2015\u2e3a\u2e3b\ufe30-\ufe4f]$/u;

/** Is `ch` full-width Chinese punctuation (，。、；：？！“”‘’（）《》【】〔〕……——·～ …)? */
export function isCjkPunct(ch: string | undefined): boolean {
  return ch !== undefined && ch !== '' && CJK_PUNCT.test(ch);
}

/** Han or full-width punctuation: the characters that make a context “Chinese”. */
export function isCjk(ch: string | undefined): boolean {
  return isHanChar(ch) || isCjkPunct(ch);
}

export function isAsciiDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch.length === 1 && ch >= '0' && ch <= '9';
}

export function isLatinLetter(ch: string | undefined): boolean {
  return ch !== undefined && ch.length === 1 && LATIN_LETTER.test(ch);
}

/** ASCII letter or digit (also full-width ones, which behave the same in running text). */
export function isAlnum(ch: string | undefined): boolean {
  return ch !== undefined && ch !== '' && ALNUM.test(ch);
}

/** The code point starting at `i` (one or two UTF-16 units), or undefined past the end. */
export function charAt(text: string, i: number): string | undefined {
  if (i < 0 || i >= text.length) return undefined;
  const code = text.codePointAt(i)!;
  // A low surrogate on its own: step back to the pair's start.
  if (code >= 0xdc00 && code <= 0xdfff && i > 0) {
    const prev = text.codePointAt(i - 1)!;
    if (prev > 0xffff) return String.fromCodePoint(prev);
  }
  return String.fromCodePoint(code);
}

/** The code point ending just before `i` (so `charBefore(t, i)` is the left neighbour of position i). */
export function charBefore(text: string, i: number): string | undefined {
  if (i <= 0 || i > text.length) return undefined;
  const low = text.charCodeAt(i - 1);
  if (low >= 0xdc00 && low <= 0xdfff && i >= 2) {
    const high = text.charCodeAt(i - 2);
    if (high >= 0xd800 && high <= 0xdbff) return text.slice(i - 2, i);
  }
  return text[i - 1];
}

/** The first non-space code point before `i` on the same line, or undefined. */
export function previousVisible(text: string, i: number): string | undefined {
  let j = i;
  while (j > 0) {
    const ch = charBefore(text, j)!;
    if (ch === '\n' || ch === '\r') return undefined;
    if (ch !== ' ' && ch !== '\t' && ch !== '\u3000') return ch;
    j -= ch.length;
  }
  return undefined;
}

/** The first non-space code point at or after `i` on the same line, or undefined. */
export function nextVisible(text: string, i: number): string | undefined {
  let j = i;
  while (j < text.length) {
    const ch = charAt(text, j)!;
    if (ch === '\n' || ch === '\r') return undefined;
    if (ch !== ' ' && ch !== '\t' && ch !== '\u3000') return ch;
    j += ch.length;
  }
  return undefined;
}
