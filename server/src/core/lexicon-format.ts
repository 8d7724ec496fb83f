/**
 * The lexicon's file format: `word freq pos` lines, sorted by UTF-16 code unit, after
 * a header carrying the totals. scripts/build-lexicon.mjs writes it at build time;
 * prepareLexicon writes it for any other word list (tests, house dictionaries).
 */

/** First line of a prepared lexicon: marks it sorted and carries the totals. */
export const LEXICON_HEADER = '#jiaodui-lexicon';

/** The prepared-file form of `word freq pos` lines: the header, then the lines sorted by UTF-16 code unit, one per word (the highest frequency wins). */
export function prepareLexicon(lines: Iterable<string>): string {
  const byWord = new Map<string, string>();
  let total = 0;
  let max = 1;
  for (const line of lines) {
    const [word, freqText, pos] = line.trim().split(' ');
    const freq = Number(freqText);
    if (!word || !(freq > 0)) continue;
    const previous = byWord.get(word);
    if (previous !== undefined) {
      const previousFreq = Number(previous.split(' ')[1]);
      if (previousFreq >= freq) continue;
      total -= previousFreq;
    }
    byWord.set(word, `${word} ${freq} ${pos || 'x'}`);
    total += freq;
    if (word.length > max) max = word.length;
  }
  const words = [...byWord.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return `${LEXICON_HEADER} total=${total} max=${max}\n${words.map((w) => byWord.get(w)).join('\n')}\n`;
}
