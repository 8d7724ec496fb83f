/**
 * How characters build words in the lexicon: how many established words each
 * character ends, and how many nouns it ends and starts. Lexicon.suffixProductivity
 * and Lexicon.nounAffixes read these counts, made in one scan of the lexicon's
 * entries on first use.
 */
import type { LexiconColumns } from './lexicon-format';

/** Per code unit: established words it ends; established nouns it ends and starts. */
export interface AffixCounts {
  suffix: Int32Array;
  nounSuffix: Int32Array;
  nounPrefix: Int32Array;
}

/** Words of two to four characters this frequent count as established. */
const ESTABLISHED_FREQ = 20;

/** Counts over the entries: words of two to four characters with frequency ≥ 20, nouns being those tagged n…. */
export function countAffixes({ units, starts, freqs, posIds, posNames }: LexiconColumns): AffixCounts {
  const suffix = new Int32Array(0x10000);
  const nounSuffix = new Int32Array(0x10000);
  const nounPrefix = new Int32Array(0x10000);
  const isNoun = posNames.map((pos) => pos.startsWith('n'));
  for (let entry = 0; entry < starts.length; entry++) {
    const start = starts[entry];
    // Each word is followed by WORD_END, then the next word.
    const end = (entry + 1 < starts.length ? starts[entry + 1] : units.length) - 1;
    const length = end - start;
    if (length < 2 || length > 4 || freqs[entry] < ESTABLISHED_FREQ) continue;
    const last = units[end - 1];
    suffix[last]++;
    if (isNoun[posIds[entry]]) {
      nounSuffix[last]++;
      nounPrefix[units[start]]++;
    }
  }
  return { suffix, nounSuffix, nounPrefix };
}
