/**
 * A general Chinese lexicon: jieba's dictionary (word, frequency, part of speech),
 * prepared at build time into `dist/lexicon.txt` and loaded as plain data. The
 * corpus is far too small to know the language; the lexicon knows that 卫生院 and
 * 院长 are words and that 度纠 is not.
 */

export interface LexiconEntry {
  freq: number;
  pos: string;
}

export class Lexicon {
  private readonly entries: Map<string, number>;
  private readonly posNames: string[];
  readonly maxWordLength: number;
  /** Sum of all frequencies, for log-probabilities in the segmenter. */
  readonly total: number;

  constructor(entries: Map<string, number>, posNames: string[], maxWordLength: number, total: number) {
    this.entries = entries;
    this.posNames = posNames;
    this.maxWordLength = maxWordLength;
    this.total = total;
  }

  /** Parses the `word freq pos` lines that `scripts/build-lexicon` writes. */
  static parse(text: string): Lexicon {
    const entries = new Map<string, number>();
    const posIndex = new Map<string, number>();
    const posNames: string[] = [];
    let maxWordLength = 1;
    let total = 0;
    let lineStart = 0;
    while (lineStart < text.length) {
      let lineEnd = text.indexOf('\n', lineStart);
      if (lineEnd < 0) lineEnd = text.length;
      const a = text.indexOf(' ', lineStart);
      const b = text.indexOf(' ', a + 1);
      if (a > lineStart && b > a && b < lineEnd) {
        const word = text.slice(lineStart, a);
        const freq = Number(text.slice(a + 1, b));
        const pos = text.slice(b + 1, lineEnd);
        let p = posIndex.get(pos);
        if (p === undefined) {
          p = posNames.length;
          posNames.push(pos);
          posIndex.set(pos, p);
        }
        entries.set(word, freq * 64 + p);
        total += freq;
        if (word.length > maxWordLength) maxWordLength = word.length;
      }
      lineStart = lineEnd + 1;
    }
    return new Lexicon(entries, posNames, maxWordLength, total);
  }

  /** A lexicon from a word list, for tests and house dictionaries. */
  static fromWords(words: Iterable<[string, number, string?]>): Lexicon {
    const lines: string[] = [];
    for (const [word, freq, pos] of words) lines.push(`${word} ${freq} ${pos ?? 'n'}`);
    return Lexicon.parse(lines.join('\n'));
  }

  private suffixCounts?: Map<string, number>;

  /**
   * How many established words (two to four characters, frequency ≥ 20) end with
   * this character: 局, 院, 度 end hundreds of words, so “医保局” reads as a
   * compound even though the dictionary lacks it. Built once, on first use.
   */
  suffixProductivity(char: string): number {
    if (!this.suffixCounts) {
      const counts = new Map<string, number>();
      for (const [word, packed] of this.entries) {
        if (word.length < 2 || word.length > 4 || packed < 20 * 64) continue;
        const last = word[word.length - 1];
        counts.set(last, (counts.get(last) ?? 0) + 1);
      }
      this.suffixCounts = counts;
    }
    return this.suffixCounts.get(char) ?? 0;
  }

  get size(): number {
    return this.entries.size;
  }

  get(word: string): LexiconEntry | undefined {
    const packed = this.entries.get(word);
    if (packed === undefined) return undefined;
    return { freq: Math.floor(packed / 64), pos: this.posNames[packed % 64] };
  }

  /** Frequency of the word, 0 when unknown. */
  freq(word: string): number {
    const packed = this.entries.get(word);
    return packed === undefined ? 0 : Math.floor(packed / 64);
  }

  pos(word: string): string | undefined {
    const packed = this.entries.get(word);
    return packed === undefined ? undefined : this.posNames[packed % 64];
  }

  /**
   * True when the lexicon knows the word with at least `minFreq` occurrences.
   * jieba's dictionary carries noise entries of frequency 1–5 (局局长, 度度), so
   * callers deciding legitimacy pass a threshold.
   */
  has(word: string, minFreq = 1): boolean {
    return this.freq(word) >= minFreq;
  }

  /** Lengths of lexicon words that start at `index` in `text`, shortest first. */
  wordsStartingAt(text: string, index: number, minFreq = 1, maxLength = this.maxWordLength): number[] {
    const lengths: number[] = [];
    const limit = Math.min(maxLength, text.length - index);
    for (let len = 1; len <= limit; len++) {
      if (this.has(text.slice(index, index + len), minFreq)) lengths.push(len);
    }
    return lengths;
  }

  /** Lengths of lexicon words that end just before `end` in `text`, shortest first. */
  wordsEndingAt(text: string, end: number, minFreq = 1, maxLength = this.maxWordLength): number[] {
    const lengths: number[] = [];
    const limit = Math.min(maxLength, end);
    for (let len = 1; len <= limit; len++) {
      if (this.has(text.slice(end - len, end), minFreq)) lengths.push(len);
    }
    return lengths;
  }
}
