/**
 * A general Chinese lexicon: jieba's dictionary (word, frequency, part of speech),
 * prepared at build time into `dist/lexicon.txt` and loaded as plain data. The
 * corpus is far too small to know the language; the lexicon knows that 卫生院 and
 * 院长 are words and that 度纠 is not.
 *
 * The file is sorted by UTF-16 code unit and looked up by binary search over its
 * line starts, with a memo of the words asked for. Building a Map of 300,000
 * entries cost ~0.4 s on every start; indexing the lines costs a few milliseconds,
 * which is what a pre-commit hook linting one draft can afford.
 */

export interface LexiconEntry {
  freq: number;
  pos: string;
}

/** First line of a prepared lexicon: marks it sorted and carries the totals. */
export const LEXICON_HEADER = '#jiaodui-lexicon';

const MEMO_LIMIT = 200_000;
const NOT_FOUND = -1;
/**
 * After this many binary searches the caller is plainly linting a lot (a corpus,
 * a language server session): index every word once, as a Map, and stop searching.
 */
const SEARCHES_BEFORE_INDEX = 40_000;

export class Lexicon {
  /** `word freq pos` lines, sorted by word; the header line, if any, removed. */
  private readonly source: string;
  private readonly lineStarts: Int32Array;
  /** word → line start, or NOT_FOUND. */
  private readonly memo = new Map<string, number>();
  readonly maxWordLength: number;
  /** Sum of all frequencies, for log-probabilities in the segmenter. */
  readonly total: number;
  private suffixCounts?: Map<string, number>;
  private index?: Map<string, number>;
  private searches = 0;

  private constructor(source: string, maxWordLength: number, total: number) {
    this.source = source;
    this.maxWordLength = maxWordLength;
    this.total = total;
    const starts: number[] = [];
    for (let at = 0; at < source.length; ) {
      starts.push(at);
      const end = source.indexOf('\n', at);
      if (end < 0) break;
      at = end + 1;
    }
    if (starts.length > 0 && starts[starts.length - 1] >= source.length) starts.pop();
    this.lineStarts = Int32Array.from(starts);
  }

  /**
   * Parses `word freq pos` lines. A prepared file (see scripts/build-lexicon) opens
   * with the header and is already sorted; any other text (tests, house word lists)
   * is sorted here.
   */
  static parse(text: string): Lexicon {
    if (text.startsWith(LEXICON_HEADER)) {
      const headerEnd = text.indexOf('\n');
      const header = text.slice(0, headerEnd < 0 ? text.length : headerEnd);
      const total = Number(/\btotal=(\d+)/.exec(header)?.[1] ?? 0);
      const max = Number(/\bmax=(\d+)/.exec(header)?.[1] ?? 1);
      return new Lexicon(headerEnd < 0 ? '' : text.slice(headerEnd + 1), max, total);
    }
    return Lexicon.fromLines(text.split('\n'));
  }

  /** A lexicon from a word list, for tests and house dictionaries. */
  static fromWords(words: Iterable<[string, number, string?]>): Lexicon {
    const lines: string[] = [];
    for (const [word, freq, pos] of words) lines.push(`${word} ${freq} ${pos ?? 'n'}`);
    return Lexicon.fromLines(lines);
  }

  /** The prepared-file form of these lines: header + sorted, deduplicated lines. */
  static prepare(lines: Iterable<string>): string {
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

  private static fromLines(lines: Iterable<string>): Lexicon {
    return Lexicon.parse(Lexicon.prepare(lines));
  }

  get size(): number {
    return this.lineStarts.length;
  }

  /** Start of the word's line, or NOT_FOUND. */
  private find(word: string): number {
    if (this.index) return this.index.get(word) ?? NOT_FOUND;
    const memo = this.memo.get(word);
    if (memo !== undefined) return memo;
    if (++this.searches > SEARCHES_BEFORE_INDEX) {
      this.buildIndex();
      return this.index!.get(word) ?? NOT_FOUND;
    }
    let low = 0;
    let high = this.lineStarts.length - 1;
    let found = NOT_FOUND;
    while (low <= high) {
      const mid = (low + high) >> 1;
      const start = this.lineStarts[mid];
      const key = this.source.slice(start, this.source.indexOf(' ', start));
      if (key === word) {
        found = start;
        break;
      }
      if (key < word) low = mid + 1;
      else high = mid - 1;
    }
    if (this.memo.size >= MEMO_LIMIT) this.memo.clear();
    this.memo.set(word, found);
    return found;
  }

  private buildIndex(): void {
    const index = new Map<string, number>();
    for (const start of this.lineStarts) index.set(this.source.slice(start, this.source.indexOf(' ', start)), start);
    this.index = index;
    this.memo.clear();
  }

  private freqAt(start: number, wordLength: number): number {
    const from = start + wordLength + 1;
    return Number(this.source.slice(from, this.source.indexOf(' ', from)));
  }

  private posAt(start: number, wordLength: number): string {
    const from = this.source.indexOf(' ', start + wordLength + 1) + 1;
    const end = this.source.indexOf('\n', from);
    return this.source.slice(from, end < 0 ? this.source.length : end);
  }

  get(word: string): LexiconEntry | undefined {
    const at = this.find(word);
    if (at === NOT_FOUND) return undefined;
    return { freq: this.freqAt(at, word.length), pos: this.posAt(at, word.length) };
  }

  /** Frequency of the word, 0 when unknown. */
  freq(word: string): number {
    const at = this.find(word);
    return at === NOT_FOUND ? 0 : this.freqAt(at, word.length);
  }

  pos(word: string): string | undefined {
    const at = this.find(word);
    return at === NOT_FOUND ? undefined : this.posAt(at, word.length);
  }

  /**
   * True when the lexicon knows the word with at least `minFreq` occurrences.
   * jieba's dictionary carries noise entries of frequency 1–5 (局局长, 度度), so
   * callers deciding legitimacy pass a threshold.
   */
  has(word: string, minFreq = 1): boolean {
    return this.freq(word) >= minFreq;
  }

  /** Every entry, in sorted order (a full scan: for learning, not for linting). */
  *entries(): IterableIterator<[string, LexiconEntry]> {
    for (const start of this.lineStarts) {
      const a = this.source.indexOf(' ', start);
      const word = this.source.slice(start, a);
      yield [word, { freq: this.freqAt(start, word.length), pos: this.posAt(start, word.length) }];
    }
  }

  /** Every word tagged with this part of speech (e.g. 'ns', place names); scans the whole lexicon. */
  wordsWithPos(pos: string): string[] {
    const words: string[] = [];
    for (const [word, entry] of this.entries()) if (entry.pos === pos) words.push(word);
    return words;
  }

  /**
   * How many established words (two to four characters, frequency ≥ 20) end with
   * this character: 局, 院, 度 end hundreds of words, so “医保局” reads as a
   * compound even though the dictionary lacks it. Built once, on first use.
   */
  suffixProductivity(char: string): number {
    if (!this.suffixCounts) {
      const counts = new Map<string, number>();
      for (const start of this.lineStarts) {
        const space = this.source.indexOf(' ', start);
        const length = space - start;
        if (length < 2 || length > 4 || this.freqAt(start, length) < 20) continue;
        const last = this.source[space - 1];
        counts.set(last, (counts.get(last) ?? 0) + 1);
      }
      this.suffixCounts = counts;
    }
    return this.suffixCounts.get(char) ?? 0;
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
