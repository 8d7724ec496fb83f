/**
 * A general Chinese lexicon: jieba's dictionary (word, frequency, part of speech),
 * prepared at build time into `dist/lexicon.txt` and loaded as plain data. The
 * corpus is far too small to know the language; the lexicon knows that 卫生院 and
 * 院长 are words and that 度纠 is not.
 *
 * The file is sorted by UTF-16 code unit and looked up by binary search over its
 * line starts. Building a Map of 300,000 entries cost ~0.4 s on every start;
 * indexing the lines costs a few milliseconds, which is what a pre-commit hook
 * linting one draft can afford. The search compares code units in place, one
 * character at a time, narrowing the range of lines that share the prefix read so
 * far: a lookup makes no substring, and every word starting at a position (what
 * the segmenter asks for) is found in one walk that stops as soon as no word
 * continues the prefix.
 */
import { type AffixCounts, countAffixes } from './lexicon-affixes';
import { LEXICON_HEADER, prepareLexicon } from './lexicon-format';

export interface LexiconEntry {
  freq: number;
  pos: string;
}

const NOT_FOUND = -1;
/** Code unit of the space that ends each word in its line; read as "the word ended here". */
const SPACE = 32;
/** An empty slot of the pair table (the pair U+FFFF U+FFFF is looked up without it). */
const NO_PAIR = 0xffffffff;

function pairHash(key: number): number {
  const h = Math.imul(key, 0x9e3779b1);
  return h ^ (h >>> 15);
}

export class Lexicon {
  /** `word freq pos` lines, sorted by word; the header line, if any, removed. */
  private readonly source: string;
  private readonly lineStarts: Int32Array;
  readonly maxWordLength: number;
  /** Sum of all frequencies, for log-probabilities in the segmenter. */
  readonly total: number;
  private affixes?: AffixCounts;
  /**
   * The lines whose word starts with code unit c: [firstLow[c], firstHigh[c]),
   * found by binary search the first time c is asked for (firstKnown[c] = 1).
   */
  private firstLow?: Int32Array;
  private firstHigh?: Int32Array;
  private firstKnown?: Uint8Array;
  /**
   * (first, second) code unit → the lines whose word starts with them, as open
   * addressing over typed arrays: the second step of every lookup, found by binary
   * search once per pair of characters and then read back.
   */
  private pairKeys = new Uint32Array(1024).fill(NO_PAIR);
  private pairLow = new Int32Array(1024);
  private pairHigh = new Int32Array(1024);
  private pairCount = 0;
  /** The range narrowSecond found (two numbers, returned without allocating). */
  private rangeLow = 0;
  private rangeHigh = 0;
  /** Line start → part of speech, so a tag is sliced out of the source once. */
  private readonly posCache = new Map<number, string>();

  private constructor(source: string, maxWordLength: number, total: number) {
    this.source = source;
    this.maxWordLength = maxWordLength;
    this.total = total;
    // Straight into a typed array, doubling as it fills: this runs on every start.
    let starts = new Int32Array(1 << 16);
    let count = 0;
    for (let at = 0; at < source.length;) {
      if (count === starts.length) {
        const grown = new Int32Array(count * 2);
        grown.set(starts);
        starts = grown;
      }
      starts[count++] = at;
      const end = source.indexOf('\n', at);
      if (end < 0) break;
      at = end + 1;
    }
    this.lineStarts = starts.slice(0, count);
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

  private static fromLines(lines: Iterable<string>): Lexicon {
    return Lexicon.parse(prepareLexicon(lines));
  }

  get size(): number {
    return this.lineStarts.length;
  }

  /** Start of the word's line, or NOT_FOUND. */
  private find(word: string): number {
    return this.findIn(word, 0, word.length);
  }

  /** Start of the line whose word is text[from, to), or NOT_FOUND; no substring is made. */
  private findIn(text: string, from: number, to: number): number {
    const length = to - from;
    if (length <= 0) return NOT_FOUND;
    const code = text.charCodeAt(from);
    this.firstRange(code);
    let low = this.firstLow![code];
    let high = this.firstHigh![code];
    if (length >= 2 && low < high) {
      this.narrowSecond(code, text.charCodeAt(from + 1), low, high);
      low = this.rangeLow;
      high = this.rangeHigh;
    }
    for (let k = 2; k < length && low < high; k++) {
      const c = text.charCodeAt(from + k);
      low = this.lowerBound(low, high, k, c);
      high = this.upperBound(low, high, k, c);
    }
    if (low >= high) return NOT_FOUND;
    // The range holds the words starting with text[from, to); the shortest, first, may be it.
    const start = this.lineStarts[low];
    return this.source.charCodeAt(start + length) === SPACE ? start : NOT_FOUND;
  }

  /**
   * The words that start at text[index], at most `maxLength` characters, shortest
   * first: their lengths go to `lengths` and their frequencies to `freqs`; returns
   * how many. One walk down the sorted lines, stopping where no word goes on.
   */
  wordsAt(text: string, index: number, maxLength: number, lengths: Int32Array, freqs: Float64Array): number {
    const limit = Math.min(maxLength, text.length - index, lengths.length, freqs.length);
    if (limit <= 0) return 0;
    const code = text.charCodeAt(index);
    this.firstRange(code);
    let low = this.firstLow![code];
    let high = this.firstHigh![code];
    let found = 0;
    for (let k = 0; low < high;) {
      const start = this.lineStarts[low];
      if (this.source.charCodeAt(start + k + 1) === SPACE) {
        lengths[found] = k + 1;
        freqs[found] = this.freqAt(start, k + 1);
        found++;
      }
      if (++k >= limit) break;
      const c = text.charCodeAt(index + k);
      if (k === 1) {
        this.narrowSecond(code, c, low, high);
        low = this.rangeLow;
        high = this.rangeHigh;
      } else {
        low = this.lowerBound(low, high, k, c);
        high = this.upperBound(low, high, k, c);
      }
    }
    return found;
  }

  /** Narrows [low, high), the lines whose word starts with `first`, to those going on with `second`. */
  private narrowSecond(first: number, second: number, low: number, high: number): void {
    const key = ((first << 16) | second) >>> 0;
    if (key === NO_PAIR) {
      this.rangeLow = this.lowerBound(low, high, 1, second);
      this.rangeHigh = this.upperBound(this.rangeLow, high, 1, second);
      return;
    }
    const mask = this.pairKeys.length - 1;
    let slot = pairHash(key) & mask;
    for (let stored = this.pairKeys[slot]; stored !== NO_PAIR; stored = this.pairKeys[slot]) {
      if (stored === key) {
        this.rangeLow = this.pairLow[slot];
        this.rangeHigh = this.pairHigh[slot];
        return;
      }
      slot = (slot + 1) & mask;
    }
    const narrowedLow = this.lowerBound(low, high, 1, second);
    const narrowedHigh = this.upperBound(narrowedLow, high, 1, second);
    this.pairKeys[slot] = key;
    this.pairLow[slot] = narrowedLow;
    this.pairHigh[slot] = narrowedHigh;
    if (++this.pairCount * 2 > this.pairKeys.length) this.growPairs();
    this.rangeLow = narrowedLow;
    this.rangeHigh = narrowedHigh;
  }

  private growPairs(): void {
    const { pairKeys: keys, pairLow: lows, pairHigh: highs } = this;
    this.pairKeys = new Uint32Array(keys.length * 2).fill(NO_PAIR);
    this.pairLow = new Int32Array(keys.length * 2);
    this.pairHigh = new Int32Array(keys.length * 2);
    const mask = this.pairKeys.length - 1;
    for (let old = 0; old < keys.length; old++) {
      if (keys[old] === NO_PAIR) continue;
      let slot = pairHash(keys[old]) & mask;
      while (this.pairKeys[slot] !== NO_PAIR) slot = (slot + 1) & mask;
      this.pairKeys[slot] = keys[old];
      this.pairLow[slot] = lows[old];
      this.pairHigh[slot] = highs[old];
    }
  }

  /** Code unit `k` of line `line`'s word, or -1 where the word has ended (every line in a narrowed range is at least k long). */
  private codeAt(line: number, k: number): number {
    const code = this.source.charCodeAt(this.lineStarts[line] + k);
    return code === SPACE ? -1 : code;
  }

  /** First line in [low, high) whose code unit `k` is ≥ c. */
  private lowerBound(low: number, high: number, k: number, c: number): number {
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.codeAt(mid, k) < c) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  /** First line in [low, high) whose code unit `k` is > c. */
  private upperBound(low: number, high: number, k: number, c: number): number {
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.codeAt(mid, k) <= c) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  /** Finds, once per code unit, the lines whose word starts with it. */
  private firstRange(code: number): void {
    if (!this.firstKnown) {
      this.firstLow = new Int32Array(0x10000);
      this.firstHigh = new Int32Array(0x10000);
      this.firstKnown = new Uint8Array(0x10000);
    }
    if (this.firstKnown[code] === 1) return;
    const low = this.lowerBound(0, this.lineStarts.length, 0, code);
    this.firstLow![code] = low;
    this.firstHigh![code] = this.upperBound(low, this.lineStarts.length, 0, code);
    this.firstKnown[code] = 1;
  }

  /**
   * Every two-character word occurring at least `minFreq` times, in one scan of the lines
   * (wrong-char's suspect index reads it once per linter).
   */
  twoCharWords(minFreq: number): string[] {
    const words: string[] = [];
    for (const start of this.lineStarts) {
      if (this.source.charCodeAt(start + 2) === SPACE && this.freqAt(start, 2) >= minFreq) words.push(this.source.slice(start, start + 2));
    }
    return words;
  }

  /**
   * True when some word starting with text[from, to) is tagged `pos`: the words
   * sharing the prefix are read in place, without building a list of tagged words.
   */
  hasPrefixWithPos(text: string, from: number, to: number, pos: string): boolean {
    if (to <= from) return false;
    const code = text.charCodeAt(from);
    this.firstRange(code);
    let low = this.firstLow![code];
    let high = this.firstHigh![code];
    for (let k = 1; k < to - from && low < high; k++) {
      const c = text.charCodeAt(from + k);
      low = this.lowerBound(low, high, k, c);
      high = this.upperBound(low, high, k, c);
    }
    if (low >= high) return false;
    // The lines of the range are one stretch of the source: search it for “ pos⏎”, the tag ending a line.
    const regionEnd = high < this.lineStarts.length ? this.lineStarts[high] : this.source.length;
    const needle = ` ${pos}\n`;
    for (let hit = this.source.indexOf(needle, this.lineStarts[low]); hit >= 0 && hit < regionEnd; hit = this.source.indexOf(needle, hit + 1)) {
      const lineStart = this.source.lastIndexOf('\n', hit) + 1;
      if (this.source.indexOf(' ', this.source.indexOf(' ', lineStart) + 1) === hit) return true;
    }
    // The source's last line may lack its newline.
    if (regionEnd === this.source.length && !this.source.endsWith('\n')) {
      const lastStart = this.lineStarts[this.lineStarts.length - 1];
      const tag = this.source.indexOf(' ', this.source.indexOf(' ', lastStart) + 1) + 1;
      return tag > 0 && this.source.startsWith(pos, tag) && tag + pos.length === this.source.length;
    }
    return false;
  }

  private freqAt(start: number, wordLength: number): number {
    const from = start + wordLength + 1;
    // Frequencies are plain digits: read them in place, and leave anything else to Number().
    let value = 0;
    for (let i = from; ; i++) {
      const code = this.source.charCodeAt(i);
      if (code === SPACE) return i > from && i - from <= 15 ? value : Number(this.source.slice(from, i));
      if (code < 48 || code > 57) break;
      value = value * 10 + (code - 48);
    }
    return Number(this.source.slice(from, this.source.indexOf(' ', from)));
  }

  private posAt(start: number, wordLength: number): string {
    let pos = this.posCache.get(start);
    if (pos === undefined) {
      const from = this.source.indexOf(' ', start + wordLength + 1) + 1;
      const end = this.source.indexOf('\n', from);
      pos = this.source.slice(from, end < 0 ? this.source.length : end);
      this.posCache.set(start, pos);
    }
    return pos;
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

  /**
   * How many established words (two to four characters, frequency ≥ 20) end with
   * this character: 局, 院, 度 end hundreds of words, so “医保局” reads as a
   * compound even though the dictionary lacks it. Built once, on first use.
   */
  suffixProductivity(char: string): number {
    return this.affixCounts().suffix.get(char) ?? 0;
  }

  /**
   * How a character builds nouns: how many established nouns (two to four
   * characters, frequency ≥ 20, tagged n…) end with it and how many start with it.
   * A head like 部, 市, 队 ends many nouns and starts few (外交部, 市|长), so an
   * organisation the dictionary lacks (生态环境部) still reads as one; 提, 新, 国
   * start as many as they end. Built in the same scan as suffixProductivity.
   */
  nounAffixes(char: string): { ending: number; starting: number } {
    const counts = this.affixCounts();
    return { ending: counts.nounSuffix.get(char) ?? 0, starting: counts.nounPrefix.get(char) ?? 0 };
  }

  private affixCounts(): AffixCounts {
    this.affixes ??= countAffixes(this.source, this.lineStarts, (start, length) => this.freqAt(start, length));
    return this.affixes;
  }
}
