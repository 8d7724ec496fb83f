/**
 * The context tier of wrong-char: a real-word swap (在 for 再, 作 for 做), where both
 * spellings are words and the dictionary cannot tell. The newsroom's archive can: the model
 * counts which neighbours each member of a vetted pair (analysis/context-pairs.ts) is
 * written with. A member is suspected only where the archive never writes it between these
 * two neighbours, writes its partner there at least CONTEXT_MIN_SUPPORT times, and the
 * neighbours on each side favour the partner by a wide likelihood ratio. With a small
 * archive (or the default model) the counts are thin, so the tier rarely speaks.
 */
import type { Lexicon } from '../../lexicon';
import { isHan } from '../../analysis/han';
import { contextPartnersOf } from '../../analysis/context-pairs';
import { CONTEXT_MAX_WRITTEN_WORD_FREQ, CONTEXT_MIN_LOG_RATIO, CONTEXT_MIN_SUPPORT, CONTEXT_SMOOTHING } from './thresholds';
import { countOf, countSize, type Counts } from '../../model/count-columns';

export interface ContextSwap {
  /** Offset of the suspect character in the text. */
  at: number;
  written: string;
  intended: string;
  /** The written character with its neighbours (L X R), and the same with the partner. */
  writtenContext: string;
  intendedContext: string;
  /** How often the archive writes the partner between the same neighbours. */
  support: number;
  /** Natural-log likelihood ratio of the partner over the written character, from each neighbour. */
  ratio: number;
}

export class ContextTier {
  /**
   * Is there anything to judge with? (an older model, or a corpus without the pairs)
   * Decided once: a for-in over the counts lists every key, and paragraphs ask it each.
   */
  readonly empty: boolean;

  constructor(
    private readonly counts: Counts,
    private readonly lexicon: Lexicon,
  ) {
    this.empty = countSize(counts) === 0;
  }

  private count(key: string): number {
    return countOf(this.counts, key) ?? 0;
  }

  /** The swap suspected at text[i], if any (text[i] a pair member between two Han neighbours). */
  judge(text: string, i: number): ContextSwap | null {
    const written = text[i];
    const partners = contextPartnersOf(written);
    if (!partners || i === 0 || i + 1 >= text.length) return null;
    const left = text[i - 1];
    const right = text[i + 1];
    if (!isHan(left.charCodeAt(0)) || !isHan(right.charCodeAt(0))) return null;
    if (this.count(left + written + right) > 0) return null;
    // The written character makes a word with a neighbour (制定 beside 制订, 作出 beside
    // 做出): a variant or another word in its own right, not a typing slip.
    if (this.lexicon.freq(left + written) >= CONTEXT_MAX_WRITTEN_WORD_FREQ || this.lexicon.freq(written + right) >= CONTEXT_MAX_WRITTEN_WORD_FREQ) return null;
    let best: ContextSwap | null = null;
    for (const intended of partners) {
      const support = this.count(left + intended + right);
      if (support < CONTEXT_MIN_SUPPORT) continue;
      const ratio = this.logRatio(left, written, right, intended);
      if (ratio < CONTEXT_MIN_LOG_RATIO || (best && ratio <= best.ratio)) continue;
      best = { at: i, written, intended, writtenContext: left + written + right, intendedContext: left + intended + right, support, ratio };
    }
    return best;
  }

  /**
   * log P(intended | left, right) / P(written | left, right), each neighbour taken as
   * independent evidence given the middle character (naive Bayes over the two bigrams),
   * add-CONTEXT_SMOOTHING counts so that an unseen bigram is rare, not impossible.
   */
  private logRatio(left: string, written: string, right: string, intended: string): number {
    const a = CONTEXT_SMOOTHING;
    const ux = this.count(written) + a;
    const uy = this.count(intended) + a;
    return (
      Math.log(uy / ux) +
      Math.log((this.count(left + intended) + a) / uy) -
      Math.log((this.count(left + written) + a) / ux) +
      Math.log((this.count(intended + right) + a) / uy) -
      Math.log((this.count(written + right) + a) / ux)
    );
  }
}
