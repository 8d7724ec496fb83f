/**
 * How characters build words in the lexicon: how many established words each
 * character ends, and how many nouns it ends and starts. Lexicon.suffixProductivity
 * and Lexicon.nounAffixes read these counts, made in one scan of the lexicon's lines
 * on first use.
 */

/** Per character: established words it ends; established nouns it ends and starts. */
export interface AffixCounts {
  suffix: Map<string, number>;
  nounSuffix: Map<string, number>;
  nounPrefix: Map<string, number>;
}

/**
 * Counts over the `word freq pos` lines of `source` starting at `lineStarts`: words
 * of two to four characters with frequency ≥ 20 (read by `freqAt`), nouns being
 * those tagged n….
 */
export function countAffixes(source: string, lineStarts: Int32Array, freqAt: (start: number, wordLength: number) => number): AffixCounts {
  const suffix = new Map<string, number>();
  const nounSuffix = new Map<string, number>();
  const nounPrefix = new Map<string, number>();
  for (const start of lineStarts) {
    const space = source.indexOf(' ', start);
    const length = space - start;
    if (length < 2 || length > 4 || freqAt(start, length) < 20) continue;
    const last = source[space - 1];
    suffix.set(last, (suffix.get(last) ?? 0) + 1);
    // The tag follows the frequency: `word freq n…`.
    if (source.charCodeAt(source.indexOf(' ', space + 1) + 1) === 110 /* n */) {
      nounSuffix.set(last, (nounSuffix.get(last) ?? 0) + 1);
      const first = source[start];
      nounPrefix.set(first, (nounPrefix.get(first) ?? 0) + 1);
    }
  }
  return { suffix, nounSuffix, nounPrefix };
}
