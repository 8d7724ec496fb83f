/**
 * Which pairs of adjacent characters look like a word with one character mistyped: the pair
 * is not a frequent two-character word, but putting a same-sounding or similar-looking
 * character in place of either one makes one (建社 → 建设). Shared by wrong-char (to find
 * suspects cheaply) and its model section (to record the pairs a corpus really writes, 抗疫,
 * so that they are never taken for slips). Built lazily, once per character met.
 */
import type { Lexicon } from '../lexicon';
import { confusablesOf } from './similar';

/** A two-character word this frequent (jieba) counts as the word a slip may have broken. */
export const SLIP_WORD_MIN_FREQ = 200;

export class SlipPairs {
  /** first → the seconds of frequent two-character words starting with it. */
  private readonly seconds = new Map<string, Set<string>>();
  /** a → the b such that (a′, b) is a frequent word for some confusable a′ of a. */
  private readonly leftSlip = new Map<string, Set<string>>();
  /** a → the b such that (a, b′) is a frequent word for some confusable b′ of b. */
  private readonly rightSlip = new Map<string, Set<string>>();

  constructor(private readonly lexicon: Lexicon) {}

  /** The characters that follow `first` in a frequent two-character word. */
  secondsAfter(first: string): Set<string> {
    let set = this.seconds.get(first);
    if (!set) this.seconds.set(first, (set = new Set(this.lexicon.secondsAfter(first, SLIP_WORD_MIN_FREQ))));
    return set;
  }

  /** Is the pair (a, b) not a frequent word, yet one confusable character away from one? */
  suspicious(a: string, b: string): boolean {
    const direct = this.secondsAfter(a);
    if (direct.has(b)) return false;
    let left = this.leftSlip.get(a);
    if (!left) {
      left = new Set();
      for (const { char } of confusablesOf(a)) for (const second of this.secondsAfter(char)) left.add(second);
      this.leftSlip.set(a, left);
    }
    if (left.has(b)) return true;
    let right = this.rightSlip.get(a);
    if (!right) {
      right = new Set();
      for (const second of direct) for (const { char } of confusablesOf(second)) right.add(char);
      this.rightSlip.set(a, right);
    }
    return right.has(b);
  }
}
