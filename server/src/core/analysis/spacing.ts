/**
 * Where a Han character meets a number or a Latin word, with or without a space:
 * cjk-spacing reports the spaced ones the house does not write, the style learner
 * counts both with this same scanner.
 */
import { charAt, charBefore } from './cjk';
import { isHanChar } from './han';
import { findRangeSites } from './punctuation';

export type JunctionKind = 'digit' | 'latin';

/** Where a Han character meets a number or a Latin word, with or without a space between. */
export interface SpacingJunction {
  kind: JunctionKind;
  spaced: boolean;
  /** The Han character and the whole token, with the space between them (if any). */
  start: number;
  end: number;
  /** Offset of the single space, when spaced. */
  space: number;
}

/** A token (a Latin word, number or code) starts with a letter or digit and goes on with these too. */
const TOKEN_MARK_CODES = new Set([...".%+-/_#&'’"].map((ch) => ch.charCodeAt(0)));
/** A mark between two digits that may make them a range (findRangeSites decides). */
const MAY_BE_RANGE = /\d[~～\-—–]\d/;
/** Where a token could start. */
const HAS_TOKEN = /[A-Za-z0-9]/;
/** Two blanks, a tab or an ideographic space between visible characters: the line is laid out, not typed. */
const LAYOUT = /\S(?:[ \u3000]{2,}|\t|\u3000)\S/;

/** Marks a token may not end on (they belong to the sentence). */
const TRAILING_MARK_CODES = new Set([...".'’-/_#&+"].map((ch) => ch.charCodeAt(0)));

/** LAYOUT needs a tab, an ideographic space or two spaces in the line text[start, end). */
function mayBeLaidOut(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code === 9 || code === 0x3000 || (code === 32 && i + 1 < end && text.charCodeAt(i + 1) === 32)) return true;
  }
  return false;
}

/**
 * The token text[start, end): Latin when it has a letter, a number when it reads
 * \d+(?:\.\d+)?%? or is a range of two such (its mark in `rangeMarks`), else code.
 * A range is one number whatever its mark (2-3, 2～3, 2024—2025), so the fix of 2-3
 * to 2～3 (punctuation-form) moves no junction; a code (邮发代号 1-20) stays a code.
 */
function classify(text: string, start: number, end: number, rangeMarks: ReadonlySet<number> | undefined): JunctionKind | 'code' {
  for (let i = start; i < end; i++) if (isLetterCode(text.charCodeAt(i))) return 'latin';
  let i = readNumber(text, start, end);
  if (i === start) return 'code';
  if (rangeMarks?.has(i)) {
    const second = readNumber(text, i + 1, end);
    if (second > i + 1) i = second;
  }
  return i === end ? 'digit' : 'code';
}

/** The end of the number \d+(?:\.\d+)?%? at text[start], or start when there is none. */
function readNumber(text: string, start: number, end: number): number {
  let i = start;
  while (i < end && isDigitCode(text.charCodeAt(i))) i++;
  if (i === start) return start;
  if (i + 1 < end && text.charCodeAt(i) === 0x2e && isDigitCode(text.charCodeAt(i + 1))) {
    i += 2;
    while (i < end && isDigitCode(text.charCodeAt(i))) i++;
  }
  if (i < end && text.charCodeAt(i) === 0x25) i++;
  return i;
}

function isLineBreak(code: number): boolean {
  return code === 10 || code === 13;
}

function isDigitCode(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

function isLetterCode(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

function isAlnumCode(code: number): boolean {
  return isDigitCode(code) || isLetterCode(code);
}

/** The characters a token goes on with: letters, digits and .%+-/_#&'’. */
function isTokenCode(code: number): boolean {
  return isAlnumCode(code) || TOKEN_MARK_CODES.has(code);
}

function isTrailingCode(code: number): boolean {
  return TRAILING_MARK_CODES.has(code);
}

/** 324.99 万 65 岁: a numeral unit closing one number before the next one starts; the space keeps them apart. */
function followsQuantity(text: string, hanStart: number, han: string): boolean {
  if (!/[万亿千百兆]/.test(han)) return false;
  const before = text[hanStart - 1] === ' ' ? text[hanStart - 2] : text[hanStart - 1];
  return before !== undefined && /[0-9]/.test(before);
}

/** The junctions of one token text[start, end): with the Han character before it and after it, tight or across one space. */
function addJunctions(junctions: SpacingJunction[], text: string, kind: JunctionKind, start: number, end: number): void {
  // Only a space or a character from U+2E80 up (every Han one) can start a junction: read the code first.
  const leftCode = text.charCodeAt(start - 1);
  if (leftCode >= 0x2e80) {
    const left = charBefore(text, start);
    if (isHanChar(left)) junctions.push({ kind, spaced: false, start: start - left!.length, end, space: -1 });
  } else if (leftCode === 32) {
    const han = charBefore(text, start - 1);
    if (isHanChar(han) && !followsQuantity(text, start - 1 - han!.length, han!))
      junctions.push({ kind, spaced: true, start: start - 1 - han!.length, end, space: start - 1 });
  }
  const rightCode = text.charCodeAt(end);
  if (rightCode >= 0x2e80) {
    const right = charAt(text, end);
    if (isHanChar(right)) junctions.push({ kind, spaced: false, start, end: end + right!.length, space: -1 });
  } else if (rightCode === 32) {
    const han = charAt(text, end + 1);
    if (isHanChar(han)) junctions.push({ kind, spaced: true, start, end: end + 1 + han!.length, space: end });
  }
}

/** Every Han–number and Han–Latin junction in `text`. Shared with the style learner so both count the same thing. */
export function findSpacingJunctions(text: string): SpacingJunction[] {
  const junctions: SpacingJunction[] = [];
  // No Latin letter or digit, no junction: most paragraphs of a Chinese draft stop here.
  if (!HAS_TOKEN.test(text)) return junctions;
  const rangeMarks = MAY_BE_RANGE.test(text) ? new Set(findRangeSites(text).map((site) => site.offset)) : undefined;
  // Lines and tokens are read by code unit: every paragraph with a number in it comes
  // through here, and regex iterators and substrings per line and token were most
  // of what a lint allocated.
  for (let lineStart = 0; lineStart < text.length;) {
    let lineEnd = lineStart;
    while (lineEnd < text.length && !isLineBreak(text.charCodeAt(lineEnd))) lineEnd++;
    const base = lineStart;
    lineStart = lineEnd + 1;
    if (lineEnd === base) continue;
    // LAYOUT needs a tab, an ideographic space or two spaces: most lines have none.
    if (mayBeLaidOut(text, base, lineEnd) && LAYOUT.test(text.slice(base, lineEnd).replace(/^[\s]+|[\s]+$/g, ''))) continue;

    // Tokens in order, each judged against its neighbours as it is read: the one before
    // (where it ended) and the one after (it starts right after a single space).
    let previousEnd = -1;
    for (let p = base; p < lineEnd;) {
      if (!isAlnumCode(text.charCodeAt(p))) {
        p++;
        continue;
      }
      const start = p;
      // A range mark (2～3) goes on with the token as the hyphen does.
      for (p++; p < lineEnd && (isTokenCode(text.charCodeAt(p)) || rangeMarks?.has(p)); p++);
      // The marks a token may not end on belong to the sentence.
      let end = p;
      while (isTrailingCode(text.charCodeAt(end - 1))) end--;
      const kind = classify(text, start, end, rangeMarks);
      const joinedLeft = previousEnd === start - 1 && text.charCodeAt(previousEnd) === 32;
      previousEnd = end;
      if (kind === 'code') continue;
      // A token joined by a single space to another Western token belongs to a phrase or a code: leave it.
      const joinedRight = end === p && text.charCodeAt(end) === 32 && end + 1 < lineEnd && isAlnumCode(text.charCodeAt(end + 1));
      if (joinedLeft || joinedRight) continue;
      addJunctions(junctions, text, kind, start, end);
    }
  }
  return junctions;
}
