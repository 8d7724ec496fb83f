/**
 * Model section for `traditional-char` and `broken-paragraph`: the Traditional forms
 * the corpus writes on purpose (a name, a quoted title), with counts, and the shape
 * of the corpus's lines — how long a headline, byline or label runs, so that a longer
 * line left without a sentence end reads as cut prose rather than a heading.
 */
import type { CorpusDocument } from '../corpus';
import type { Lexicon } from '../../lexicon';
import { segment } from '../../segmenter';
import { hanWindowEnd, hanWindowStart } from '../../analysis/han';
import { traditionalTables } from '../../analysis/traditional-chars';
import { isHeadlineShaped, isSelfContainedLine, trimLine } from '../../analysis/sentence-break';
import { displayWidth, hardWrapWidth, WRAP_SLACK } from '../../analysis/line-width';
import { isPageMarkerLine } from '../../analysis/page-marker';

export interface LineShape {
  /** How many lines were measured. */
  count: number;
  /** Median and 90th-percentile display width (a Han character counts 1, ASCII ½). */
  p50: number;
  p90: number;
}

export interface CharactersSection {
  /** Words containing Traditional characters that the corpus uses → count. */
  traditionalAllowed: Record<string, number>;
  /** Stand-alone lines without any clause or sentence mark: headlines, labels, bylines, masthead fields. */
  headlines: LineShape;
}

/** Headlines are rarely wider than this; the fallback when no corpus was learned. */
export const DEFAULT_HEADLINE_P90 = 22;
/** Widest line still measured as a headline: anything wider is prose that lost its punctuation. */
const HEADLINE_CEILING = 40;

export function emptyCharacters(): CharactersSection {
  return { traditionalAllowed: {}, headlines: { count: 0, p50: 0, p90: 0 } };
}

export function learnCharacters(docs: CorpusDocument[], lexicon: Lexicon): CharactersSection {
  const section = emptyCharacters();
  const widths: number[] = [];
  for (const doc of docs) {
    const masked = doc.text.masked;
    for (const word of traditionalWords(masked, lexicon)) section.traditionalAllowed[word] = (section.traditionalAllowed[word] ?? 0) + 1;
    const lines = masked.split(/\r\n|\r|\n/);
    // In a hard-wrapped document a full-width line is cut prose, whatever its marks.
    const wrapWidth = hardWrapWidth(lines.map((l) => displayWidth(l.trimEnd())));
    for (let i = 0; i < lines.length; i++) {
      const line = trimLine(lines[i]);
      if (!line || isPageMarkerLine(line) || !/\p{Script=Han}/u.test(line)) continue;
      if (wrapWidth !== null && displayWidth(lines[i].trimEnd()) >= wrapWidth - WRAP_SLACK) continue;
      // Only lines that stand alone between blank lines or as a short stack (two-line heads).
      const alone = !trimLine(lines[i - 1] ?? '') || !trimLine(lines[i + 1] ?? '');
      if (!alone || !isHeadlineShaped(line, HEADLINE_CEILING)) continue;
      if (isSelfContainedLine(line) && !/^#/.test(line)) continue;
      widths.push(displayWidth(line.replace(/^#+\s*/, '')));
    }
  }
  if (widths.length > 0) {
    widths.sort((a, b) => a - b);
    const at = (q: number) => widths[Math.min(widths.length - 1, Math.floor(q * widths.length))];
    section.headlines = { count: widths.length, p50: at(0.5), p90: at(0.9) };
  }
  return section;
}

/**
 * The Traditional-only spans of a text, each widened to the words around it in the
 * Simplified reading (鍾南山 → the span 鍾 inside the token 钟南山 gives 鍾南山).
 * The rule computes the same key for a suspect and looks it up.
 */
export function traditionalWords(text: string, lexicon: Lexicon): string[] {
  const { findTraditional } = traditionalTables();
  const words: string[] = [];
  for (let i = findTraditional(text, 0); i >= 0;) {
    const key = traditionalKey(text, i, lexicon);
    if (!key) break;
    words.push(key.word);
    i = findTraditional(text, Math.max(key.end, i + 1));
  }
  return words;
}

/** The key under which a Traditional span at `index` is remembered, and where it ends. */
export function traditionalKey(text: string, index: number, lexicon: Lexicon): { word: string; start: number; end: number } | null {
  const { convert, traditionalOnly } = traditionalTables();
  let start = index;
  let end = index;
  const codeLength = (i: number) => (text.codePointAt(i)! > 0xffff ? 2 : 1);
  while (end < text.length && traditionalOnly.has(String.fromCodePoint(text.codePointAt(end)!))) end += codeLength(end);
  if (end === start) return null;
  // Widen to the Han neighbours (at most three each side) and segment the Simplified reading.
  const left = hanWindowStart(text, start, 3);
  const right = hanWindowEnd(text, end, 3);
  const original = text.slice(left, right);
  const simplified = convert(original);
  if (simplified.length !== original.length) return { word: text.slice(start, end), start, end };
  for (const token of segment(lexicon, simplified)) {
    const s = left + token.start;
    const e = left + token.end;
    if (e <= start || s >= end) continue;
    start = Math.min(start, s);
    end = Math.max(end, e);
  }
  return { word: text.slice(start, end), start, end };
}
