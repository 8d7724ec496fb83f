/**
 * Which pairs of adjacent characters look like a word with one character mistyped: the pair
 * is not a frequent two-character word, but putting a same-sounding or similar-looking
 * character in place of either one makes one (建社 → 建设). Shared by wrong-char (to find
 * suspects cheaply) and its model section (to record the pairs a corpus really writes, 抗疫,
 * so that they are never taken for slips). Built lazily, once per character met.
 */
import type { Lexicon } from '../lexicon';
import { likeness } from './similar';

/** A two-character word this frequent (jieba) counts as the word a slip may have broken. */
export const SLIP_WORD_MIN_FREQ = 200;

/** Judged pairs kept at most (about 40 bytes each); past it the memory starts afresh. */
const MAX_REMEMBERED_PAIRS = 200_000;

/** A pair of UTF-16 units as one number: set look-ups without building a string per pair. */
const pairKey = (a: number, b: number): number => a * 0x10000 + b;

export class SlipPairs {
  /** The frequent two-character words (as pair keys), and the same words indexed by each character. */
  private words?: Set<number>;
  private readonly after = new Map<number, string>();
  private readonly before = new Map<number, string>();
  /** Pairs already judged: a text repeats its pairs, and each judgement walks dozens of words. */
  private readonly answers = new Map<number, boolean>();

  constructor(private readonly lexicon: Lexicon) {}

  private index(): Set<number> {
    if (!this.words) {
      this.words = new Set();
      for (const word of this.lexicon.twoCharWords(SLIP_WORD_MIN_FREQ)) {
        const a = word.charCodeAt(0);
        const b = word.charCodeAt(1);
        this.words.add(pairKey(a, b));
        this.after.set(a, (this.after.get(a) ?? '') + word[1]);
        this.before.set(b, (this.before.get(b) ?? '') + word[0]);
      }
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
    for (const second of this.after.get(a.charCodeAt(0)) ?? '') if (likeness(second, b)) return true;
    for (const first of this.before.get(b.charCodeAt(0)) ?? '') if (likeness(first, a)) return true;
    return false;
  }
}
