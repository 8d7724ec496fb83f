/**
 * Which pairs of adjacent characters look like a word with one character mistyped: the pair
 * is not a frequent two-character word, but putting a same-sounding or similar-looking
 * character in place of either one makes one (建社 → 建设). Shared by wrong-char (to find
 * suspects cheaply) and its model section (to record the pairs a corpus really writes, 抗疫,
 * so that they are never taken for slips). The frequent words are indexed once, on first use.
 */
import type { Lexicon } from '../lexicon';
import { confusablesOf } from './similar';

/** A two-character word this frequent (jieba) counts as the word a slip may have broken. */
export const SLIP_WORD_MIN_FREQ = 200;

/** Judged pairs kept at most (about 40 bytes each); past it the memory starts afresh. */
const MAX_REMEMBERED_PAIRS = 200_000;

/** A pair of UTF-16 units as one number: set look-ups without building a string per pair. */
const pairKey = (a: number, b: number): number => a * 0x10000 + b;

export class SlipPairs {
  /** The frequent two-character words, as pair keys. */
  private words?: Set<number>;
  /** Pairs already judged: a text repeats its pairs, and each judgement walks dozens of words. */
  private readonly answers = new Map<number, boolean>();

  constructor(private readonly lexicon: Lexicon) {}

  private index(): Set<number> {
    if (!this.words) {
      this.words = new Set();
      const codes = this.lexicon.twoCharWordCodes(SLIP_WORD_MIN_FREQ);
      for (let k = 0; k < codes.length; k += 2) this.words.add(pairKey(codes[k], codes[k + 1]));
    }
    return this.words;
  }

  /** Is text[i] + text[i + 1] a frequent two-character word? */
  isWordAt(text: string, i: number): boolean {
    return this.index().has(pairKey(text.charCodeAt(i), text.charCodeAt(i + 1)));
  }

  /**
   * Is the pair (a, b) not a frequent word, yet one confusable character away from one?
   * Each character's confusables are few (a dozen or two), so each is put in place of the
   * other's partner and the pair looked up: far fewer look-ups than walking every frequent
   * word that starts with a (or ends with b) and asking whether its other character is alike.
   */
  suspicious(a: string, b: string): boolean {
    const key = pairKey(a.charCodeAt(0), b.charCodeAt(0));
    let answer = this.answers.get(key);
    if (answer === undefined) {
      if (this.answers.size >= MAX_REMEMBERED_PAIRS) this.answers.clear();
      this.answers.set(key, (answer = this.judge(key, a, b)));
    }
    return answer;
  }

  private judge(key: number, a: string, b: string): boolean {
    const words = this.index();
    if (words.has(key)) return false;
    // Confusables are single characters other than the one asked for (likeness's pairs).
    const first = a.charCodeAt(0);
    for (const { char } of confusablesOf(b)) if (char.length === 1 && words.has(pairKey(first, char.charCodeAt(0)))) return true;
    const second = b.charCodeAt(0);
    for (const { char } of confusablesOf(a)) if (char.length === 1 && words.has(pairKey(char.charCodeAt(0), second))) return true;
    return false;
  }
}
