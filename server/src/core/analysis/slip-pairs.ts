/**
 * Which pairs of adjacent characters look like a word with one character mistyped: the pair
 * is not a frequent two-character word, but putting a same-sounding or similar-looking
 * character in place of either one makes one (建社 → 建设). Shared by wrong-char (to find
 * suspects cheaply) and its model section (to record the pairs a corpus really writes, 抗疫,
 * so that they are never taken for slips). The frequent words are indexed once, on first use.
 */
import type { Lexicon } from '../lexicon';
import { alikeCodes } from './similar';

/** A two-character word this frequent (jieba) counts as the word a slip may have broken. */
export const SLIP_WORD_MIN_FREQ = 200;

/** Judged pairs kept at most (about 40 bytes each); past it the memory starts afresh. */
const MAX_REMEMBERED_PAIRS = 200_000;

/** A pair of UTF-16 units as one number: set look-ups without building a string per pair. */
const pairKey = (a: number, b: number): number => a * 0x10000 + b;

export class SlipPairs {
  /** The frequent two-character words, as pair keys. */
  private words?: Set<number>;
  /**
   * The same words by character: the second characters of the words starting with code c are
   * seconds[afterStart[c] … afterStart[c + 1]), the first characters of those ending with it
   * firsts[beforeStart[c] … beforeStart[c + 1]), in the lexicon's order.
   */
  private afterStart = new Int32Array(0);
  private seconds = new Uint16Array(0);
  private beforeStart = new Int32Array(0);
  private firsts = new Uint16Array(0);
  /** Pairs already judged: a text repeats its pairs, and each judgement walks dozens of words. */
  private readonly answers = new Map<number, boolean>();

  constructor(private readonly lexicon: Lexicon) {}

  private index(): Set<number> {
    if (!this.words) {
      const words = new Set<number>();
      const codes = this.lexicon.twoCharWordCodes(SLIP_WORD_MIN_FREQ);
      const afterStart = new Int32Array(0x10001);
      const beforeStart = new Int32Array(0x10001);
      for (let k = 0; k < codes.length; k += 2) {
        words.add(pairKey(codes[k], codes[k + 1]));
        afterStart[codes[k] + 1]++;
        beforeStart[codes[k + 1] + 1]++;
      }
      for (let c = 0; c < 0x10000; c++) {
        afterStart[c + 1] += afterStart[c];
        beforeStart[c + 1] += beforeStart[c];
      }
      const seconds = new Uint16Array(codes.length >> 1);
      const firsts = new Uint16Array(codes.length >> 1);
      const afterNext = afterStart.slice(0, 0x10000);
      const beforeNext = beforeStart.slice(0, 0x10000);
      for (let k = 0; k < codes.length; k += 2) {
        seconds[afterNext[codes[k]]++] = codes[k + 1];
        firsts[beforeNext[codes[k + 1]]++] = codes[k];
      }
      this.afterStart = afterStart;
      this.seconds = seconds;
      this.beforeStart = beforeStart;
      this.firsts = firsts;
      this.words = words;
    }
    return this.words;
  }

  /** Is text[i] + text[i + 1] a frequent two-character word? */
  isWordAt(text: string, i: number): boolean {
    return this.index().has(pairKey(text.charCodeAt(i), text.charCodeAt(i + 1)));
  }

  /**
   * Is the pair (a, b) not a frequent word, yet one confusable character away from one?
   * The words starting with a (and ending with b) are few, so each is asked whether its
   * other character is alike to the one written.
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
    if (this.index().has(key)) return false;
    // Codes, not strings: the words' characters are read in place (likeness needs one character on each side).
    const first = a.charCodeAt(0);
    const second = b.charCodeAt(0);
    if (b.length === 1) for (let k = this.afterStart[first]; k < this.afterStart[first + 1]; k++) if (alikeCodes(this.seconds[k], second)) return true;
    if (a.length === 1) for (let k = this.beforeStart[second]; k < this.beforeStart[second + 1]; k++) if (alikeCodes(this.firsts[k], first)) return true;
    return false;
  }
}
