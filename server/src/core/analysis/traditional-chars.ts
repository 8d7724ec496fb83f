/**
 * The Traditional → Simplified tables of OpenCC (opencc-js), prepared once per
 * process: the converter, and the set of characters that are Traditional only.
 * A character counts as Traditional only when OpenCC converts it, no Simplified
 * character converts to it, and no OpenCC phrase keeps it unchanged — 乾 (乾隆),
 * 於 (a surname), 徵 (宫商角徵羽) are valid Simplified in some words, so they are
 * left alone. Shared by traditional-char and the learner of the characters section.
 */
import { ConverterFactory } from 'opencc-js/core';
import CJK_Compatibility_Ideographs from 'opencc-js/dict/CJK_Compatibility_Ideographs';
import TSCharacters from 'opencc-js/dict/TSCharacters';
import TSPhrases from 'opencc-js/dict/TSPhrases';

/**
 * OpenCC's `t` → `cn` (the preset's `t2s` configuration, what `Converter({ from: 't',
 * to: 'cn' })` of 'opencc-js/t2cn' builds): compatibility ideographs normalised first,
 * then the phrase and character tables of `Locale.to.cn`. Only these three of the
 * preset's dictionaries are imported: the preset module also carries the Hong Kong,
 * Taiwan and Japanese tables, which this conversion never reads.
 */
export const T2S_NORMALIZATION: readonly (readonly string[])[] = [[CJK_Compatibility_Ideographs]];
/** The dictionary groups of `Locale.to.cn`: phrases take precedence over characters. */
export const T2S_CONVERSION: readonly (readonly string[])[] = [[TSPhrases, TSCharacters]];

type DictLike = string | readonly (readonly [string, string])[];

let converter: ((text: string) => string) | undefined;

/** Phrase-aware Traditional → Simplified conversion (OpenCC `t` → `cn`), built on first use. */
export function toSimplified(text: string): string {
  converter ??= ConverterFactory(...T2S_NORMALIZATION, ...T2S_CONVERSION);
  return converter(text);
}

export interface TraditionalTables {
  /** Phrase-aware Traditional → Simplified conversion (OpenCC t2s). */
  convert(text: string): string;
  /** Characters that only Traditional text uses. */
  traditionalOnly: ReadonlySet<string>;
  /** Offset of the first Traditional-only character at or after `from`, or -1. */
  findTraditional(text: string, from: number): number;
}

let tables: TraditionalTables | undefined;

/**
 * The tables, when `text` could need them: building them costs tens of
 * milliseconds, which a one-draft lint without a single Traditional character
 * should not pay. Undefined means the text has no character OpenCC converts.
 */
export function traditionalTablesFor(text: string): TraditionalTables | undefined {
  return tables ?? (mayContainTraditional(text) ? traditionalTables() : undefined);
}

interface Candidates {
  /** Per BMP code unit: OpenCC converts it on its own. */
  bmp: Uint8Array;
  astral: ReadonlySet<string>;
}

let candidates: Candidates | undefined;

/**
 * Every character OpenCC's dictionaries convert on its own: a superset of the
 * Traditional-only ones, read straight from the dictionaries without building the
 * converter or checking the phrases.
 */
function candidateCharacters(): Candidates {
  if (!candidates) {
    const bmp = new Uint8Array(0x10000);
    const astral = new Set<string>();
    for (const group of T2S_CONVERSION) {
      for (const dict of group) {
        for (const [from] of dictEntries(dict)) {
          if (from.length === 1) bmp[from.charCodeAt(0)] = 1;
          else if (from.length === 2 && from.codePointAt(0)! > 0xffff) astral.add(from);
        }
      }
    }
    candidates = { bmp, astral };
  }
  return candidates;
}

/** Could findTraditional find anything in `text`? Reads the characters it would read, against the superset. */
function mayContainTraditional(text: string): boolean {
  const { bmp, astral } = candidateCharacters();
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x3400) continue;
    if (bmp[code] === 1) return true;
    if (astral.size > 0 && code >= 0xd800 && code <= 0xdbff && astral.has(String.fromCodePoint(text.codePointAt(i)!))) return true;
  }
  return false;
}

export function traditionalTables(): TraditionalTables {
  if (tables) return tables;
  const convert = toSimplified;
  const singles = new Map<string, string>();
  const phrases: Array<[string, string]> = [];
  for (const group of T2S_CONVERSION) {
    for (const dict of group) {
      for (const [from, to] of dictEntries(dict)) {
        if ([...from].length === 1) singles.set(from, to);
        else phrases.push([from, to]);
      }
    }
  }
  const simplifiedOutputs = new Set<string>();
  for (const to of singles.values()) for (const ch of to) simplifiedOutputs.add(ch);
  const keptInPhrases = new Set<string>();
  for (const [from, to] of phrases) {
    const a = [...from];
    const b = [...to];
    if (a.length !== b.length) continue;
    a.forEach((ch, i) => {
      if (b[i] === ch) keptInPhrases.add(ch);
    });
  }
  const traditionalOnly = new Set<string>();
  for (const [from, to] of singles) {
    if (to === from || simplifiedOutputs.has(from) || keptInPhrases.has(from)) continue;
    if (convert(from) === from) continue;
    traditionalOnly.add(from);
  }
  // A flag per BMP code unit: scanning a text is then one array read per character.
  const bmp = new Uint8Array(0x10000);
  let astral = false;
  for (const ch of traditionalOnly) {
    if (ch.length === 1) bmp[ch.charCodeAt(0)] = 1;
    else astral = true;
  }
  const findTraditional = (text: string, from: number): number => {
    for (let i = from; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code < 0x3400) continue;
      if (bmp[code] === 1) return i;
      if (astral && code >= 0xd800 && code <= 0xdbff && traditionalOnly.has(String.fromCodePoint(text.codePointAt(i)!))) return i;
    }
    return -1;
  };
  tables = { convert, traditionalOnly, findTraditional };
  return tables;
}

function* dictEntries(dict: DictLike): Generator<[string, string]> {
  if (typeof dict !== 'string') {
    for (const [from, to] of dict) yield [from, to.split(' ')[0]];
    return;
  }
  for (const entry of dict.split('|')) {
    const space = entry.indexOf(' ');
    if (space <= 0) continue;
    const to = entry.slice(space + 1).split(' ')[0];
    if (to) yield [entry.slice(0, space), to];
  }
}
