/**
 * Model section for `stray-digits`: the Han characters the corpus writes right
 * before and right after a number (年, 月, 个, 第, 约 …), with counts, so the rule
 * knows which neighbours make a number a quantity, a date or an ordinal; and how
 * often the corpus carries layout page markers (“7 / 88”), for the evidence shown.
 */
import type { CorpusDocument } from '../corpus';
import type { Lexicon } from '../../lexicon';
import { INLINE_MARKER, isPageMarkerLine } from '../../analysis/page-marker';

export interface DigitsSection {
  /** Han character right before a number (one space allowed between) → count. */
  before: Record<string, number>;
  /** Han character right after a number (one space allowed between) → count. */
  after: Record<string, number>;
  /** Page markers seen in the corpus: on a line of their own, and inside running text. */
  pageMarkers: { ownLine: number; inline: number };
}

export function emptyDigits(): DigitsSection {
  return { before: {}, after: {}, pageMarkers: { ownLine: 0, inline: 0 } };
}

/** A number as running text writes it: digits with an optional decimal part. */
const NUMBER = /[0-9\uff10-\uff19]+(?:[.．][0-9\uff10-\uff19]+)?/g;
const HAN = /^\p{Script=Han}$/u;
const LATIN = /[A-Za-z]/;

export function learnDigits(docs: CorpusDocument[], _lexicon: Lexicon): DigitsSection {
  const section = emptyDigits();
  for (const doc of docs) {
    const lines = doc.text.masked.split(/\r\n|\r|\n/);
    for (const line of lines) {
      if (isPageMarkerLine(line)) {
        section.pageMarkers.ownLine++;
        continue;
      }
      // Blank out inline markers so their digits are not learned as numbers.
      let prose = line;
      for (const m of line.matchAll(INLINE_MARKER)) {
        section.pageMarkers.inline++;
        prose = prose.slice(0, m.index!) + ' '.repeat(m[0].length) + prose.slice(m.index! + m[0].length);
      }
      for (const m of prose.matchAll(NUMBER)) {
        const start = m.index!;
        const end = start + m[0].length;
        const before = neighbour(prose, start, -1);
        const after = neighbour(prose, end, 1);
        // Model numbers and English text (5G, COVID-19) say nothing about Chinese numbers.
        if (LATIN.test(prose[start - 1] ?? '') || LATIN.test(prose[end] ?? '')) continue;
        if (before && HAN.test(before)) section.before[before] = (section.before[before] ?? 0) + 1;
        if (after && HAN.test(after)) section.after[after] = (section.after[after] ?? 0) + 1;
      }
    }
  }
  return section;
}

/** The character next to a number on one side, looking past a single space. */
function neighbour(line: string, at: number, direction: -1 | 1): string | undefined {
  let i = direction < 0 ? at - 1 : at;
  if (line[i] === ' ' || line[i] === '\u3000') i += direction;
  if (i < 0 || i >= line.length) return undefined;
  const code = line.codePointAt(direction < 0 && i > 0 && /[\udc00-\udfff]/.test(line[i]) ? i - 1 : i)!;
  return String.fromCodePoint(code);
}
