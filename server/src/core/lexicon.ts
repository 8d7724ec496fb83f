/**
 * A general Chinese lexicon: jieba's dictionary (word, frequency, part of speech),
 * prepared at build time into `dist/lexicon.bin` (see lexicon-format) and loaded as
 * plain data. The corpus is far too small to know the language; the lexicon knows
 * that 卫生院 and 院长 are words and that 度纠 is not.
 *
 * The entries are columns of typed arrays, sorted by UTF-16 code unit: the words'
 * code units one after another, and per entry its start, frequency and tag. No
 * string or object is made per word: building a Map of 300,000 entries cost ~0.4 s
 * on every start. A lookup is a binary search that compares code units in place,
 * one character at a time, narrowing the range of entries that share the prefix
 * read so far: it makes no substring, and every word starting at a position (what
 * the segmenter asks for) is found in one walk that stops as soon as no word
 * continues the prefix.
 */
import { type AffixCounts, countAffixes } from './lexicon-affixes';
import { LEXICON_HEADER, WORD_END, prepareLexicon, type LexiconColumns } from './lexicon-format';

export interface LexiconEntry {
  freq: number;
  pos: string;
}

const NOT_FOUND = -1;
/** An empty slot of the pair table (the pair U+FFFF U+FFFF is looked up without it). */
const NO_PAIR = 0xffffffff;

function pairHash(key: number): number {
  const h = Math.imul(key, 0x9e3779b1);
  return h ^ (h >>> 15);
}

export class Lexicon {
  /** The words' code units, each word followed by WORD_END, in sorted order. */
  private readonly units: Uint16Array;
  /** Where each entry's word starts in `units`; an entry is named by its index here. */
  private readonly starts: Int32Array;
  private readonly freqs: Float64Array;
  private readonly posIds: Uint8Array;
  private readonly posNames: string[];
  readonly maxWordLength: number;
  /** Sum of all frequencies, for log-probabilities in the segmenter. */
  readonly total: number;
  private affixes?: AffixCounts;
  /**
   * The entries whose word starts with code unit c: [firstLow[c], firstHigh[c]),
   * found by binary search the first time c is asked for (firstKnown[c] = 1).
   */
  private firstLow?: Int32Array;
  private firstHigh?: Int32Array;
  private firstKnown?: Uint8Array;
  /**
   * (first, second) code unit → the entries whose word starts with them, as open
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

  private constructor(columns: LexiconColumns) {
    this.units = columns.units;
    this.starts = columns.starts;
    this.freqs = columns.freqs;
    this.posIds = columns.posIds;
    this.posNames = columns.posNames;
    this.maxWordLength = columns.maxWordLength;
    this.total = columns.total;
  }

  /** A lexicon over columns (see lexicon-format): what the shipped binary file decodes to. */
  static fromColumns(columns: LexiconColumns): Lexicon {
    return new Lexicon(columns);
  }

  /** The columns this lexicon searches, for writing them out (lexicon-format's encodeLexicon). */
  toColumns(): LexiconColumns {
    const { units, starts, freqs, posIds, posNames, total, maxWordLength } = this;
    return { units, starts, freqs, posIds, posNames, total, maxWordLength };
  }

  /**
   * Parses `word freq pos` lines. A prepared file (see lexicon-format) opens with the
   * header and is already sorted; any other text (tests, house word lists) is sorted here.
   */
  static parse(text: string): Lexicon {
    if (!text.startsWith(LEXICON_HEADER)) return Lexicon.parse(prepareLexicon(text.split('\n')));
    const headerEnd = text.indexOf('\n');
    const header = text.slice(0, headerEnd < 0 ? text.length : headerEnd);
    const total = Number(/\btotal=(\d+)/.exec(header)?.[1] ?? 0);
    const max = Number(/\bmax=(\d+)/.exec(header)?.[1] ?? 1);
    const lines = headerEnd < 0 ? [] : text.slice(headerEnd + 1).split('\n');
    if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
    const n = lines.length;
    const starts = new Int32Array(n);
    const freqs = new Float64Array(n);
    const posIds = new Uint8Array(n);
    const posNames: string[] = [];
    const posIndex = new Map<string, number>();
    const units: number[] = [];
    lines.forEach((line, i) => {
      const [word, freq, pos = ''] = line.split(' ');
      starts[i] = units.length;
      for (let k = 0; k < word.length; k++) units.push(word.charCodeAt(k));
      units.push(WORD_END);
      freqs[i] = Number(freq);
      let id = posIndex.get(pos);
      if (id === undefined) {
        id = posNames.push(pos) - 1;
        if (id > 255) throw new Error('lexicon: more than 256 parts of speech');
        posIndex.set(pos, id);
      }
      posIds[i] = id;
    });
    return new Lexicon({ units: Uint16Array.from(units), starts, freqs, posIds, posNames, total, maxWordLength: max });
  }

  get size(): number {
    return this.starts.length;
  }

  /** Index of the word's entry, or NOT_FOUND. */
  private find(word: string): number {
    return this.findIn(word, 0, word.length);
  }

  /** Index of the entry whose word is text[from, to), or NOT_FOUND; no substring is made. */
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
    return this.units[this.starts[low] + length] === WORD_END ? low : NOT_FOUND;
  }

  /**
   * The words that start at text[index], at most `maxLength` characters, shortest
   * first: their lengths go to `lengths` and their frequencies to `freqs`; returns
   * how many. One walk down the sorted entries, stopping where no word goes on.
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
      if (this.units[this.starts[low] + k + 1] === WORD_END) {
        lengths[found] = k + 1;
        freqs[found] = this.freqs[low];
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

  /** Code unit `k` of entry `entry`'s word, or -1 where the word has ended (every word in a narrowed range is at least k long). */
  private codeAt(entry: number, k: number): number {
    const code = this.units[this.starts[entry] + k];
    return code === WORD_END ? -1 : code;
  }

  /** First entry in [low, high) whose code unit `k` is ≥ c. */
  private lowerBound(low: number, high: number, k: number, c: number): number {
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.codeAt(mid, k) < c) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  /** First entry in [low, high) whose code unit `k` is > c. */
  private upperBound(low: number, high: number, k: number, c: number): number {
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.codeAt(mid, k) <= c) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  /** Finds, once per code unit, the entries whose word starts with it. */
  private firstRange(code: number): void {
    if (!this.firstKnown) {
      this.firstLow = new Int32Array(0x10000);
      this.firstHigh = new Int32Array(0x10000);
      this.firstKnown = new Uint8Array(0x10000);
    }
    if (this.firstKnown[code] === 1) return;
    const low = this.lowerBound(0, this.starts.length, 0, code);
    this.firstLow![code] = low;
    this.firstHigh![code] = this.upperBound(low, this.starts.length, 0, code);
    this.firstKnown[code] = 1;
  }

  /** Every two-character word occurring at least `minFreq` times, in one scan of the entries. */
  twoCharWords(minFreq: number): string[] {
    const codes = this.twoCharWordCodes(minFreq);
    const words: string[] = [];
    for (let k = 0; k < codes.length; k += 2) words.push(String.fromCharCode(codes[k], codes[k + 1]));
    return words;
  }

  /**
   * The same words as code units, first and second of each word in turn: wrong-char's
   * suspect index reads them on every start, and a string per word cost more than the scan.
   */
  twoCharWordCodes(minFreq: number): Uint16Array {
    const { units, starts, freqs } = this;
    const codes = new Uint16Array(2 * starts.length);
    let found = 0;
    // Each word is followed by WORD_END, so a two-unit word is one whose next entry starts three units on.
    const last = starts.length - 1;
    for (let i = 0; i < last; i++) {
      const start = starts[i];
      if (starts[i + 1] - start === 3 && freqs[i] >= minFreq) {
        codes[found++] = units[start];
        codes[found++] = units[start + 1];
      }
    }
    if (last >= 0 && units.length - starts[last] === 3 && freqs[last] >= minFreq) {
      codes[found++] = units[starts[last]];
      codes[found++] = units[starts[last] + 1];
    }
    return codes.slice(0, found);
  }

  /**
   * True when some word starting with text[from, to) is tagged `pos` (and written at least
   * `minFreq` times): the tags of the words sharing the prefix are read in place, without
   * building a list of tagged words.
   */
  hasPrefixWithPos(text: string, from: number, to: number, pos: string, minFreq = 0): boolean {
    if (to <= from) return false;
    const id = this.posNames.indexOf(pos);
    if (id < 0) return false;
    const code = text.charCodeAt(from);
    this.firstRange(code);
    let low = this.firstLow![code];
    let high = this.firstHigh![code];
    for (let k = 1; k < to - from && low < high; k++) {
      const c = text.charCodeAt(from + k);
      low = this.lowerBound(low, high, k, c);
      high = this.upperBound(low, high, k, c);
    }
    for (let entry = low; entry < high; entry++) if (this.posIds[entry] === id && this.freqs[entry] >= minFreq) return true;
    return false;
  }

  /** The word of entry `entry`. */
  private wordOf(entry: number): string {
    const start = this.starts[entry];
    let end = start;
    while (this.units[end] !== WORD_END) end++;
    return String.fromCharCode(...this.units.subarray(start, end));
  }

  get(word: string): LexiconEntry | undefined {
    const entry = this.find(word);
    if (entry === NOT_FOUND) return undefined;
    return { freq: this.freqs[entry], pos: this.posNames[this.posIds[entry]] };
  }

  /** Frequency of the word, 0 when unknown. */
  freq(word: string): number {
    const entry = this.find(word);
    return entry === NOT_FOUND ? 0 : this.freqs[entry];
  }

  pos(word: string): string | undefined {
    const entry = this.find(word);
    return entry === NOT_FOUND ? undefined : this.posNames[this.posIds[entry]];
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
    for (let entry = 0; entry < this.starts.length; entry++) yield [this.wordOf(entry), { freq: this.freqs[entry], pos: this.posNames[this.posIds[entry]] }];
  }

  /**
   * How many established words (two to four characters, frequency ≥ 20) end with
   * this character: 局, 院, 度 end hundreds of words, so “医保局” reads as a
   * compound even though the dictionary lacks it. Built once, on first use.
   */
  suffixProductivity(char: string): number {
    return char.length === 1 ? this.affixCounts().suffix[char.charCodeAt(0)] : 0;
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
    if (char.length !== 1) return { ending: 0, starting: 0 };
    return { ending: counts.nounSuffix[char.charCodeAt(0)], starting: counts.nounPrefix[char.charCodeAt(0)] };
  }

  private affixCounts(): AffixCounts {
    this.affixes ??= countAffixes(this.toColumns());
    return this.affixes;
  }
}
