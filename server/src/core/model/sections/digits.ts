/**
 * Model section for `stray-digits`: the contexts where digits legitimately occur in
 * the corpus (the character before and after a number), with counts.
 */
import type { CorpusDocument } from '../types';
import type { Lexicon } from '../../lexicon';

export interface DigitsSection {
  /** Character (or short string) right before a number → count. */
  before: Record<string, number>;
  /** Character (or short string) right after a number → count. */
  after: Record<string, number>;
}

export function emptyDigits(): DigitsSection {
  return { before: {}, after: {} };
}

export function learnDigits(_docs: CorpusDocument[], _lexicon: Lexicon): DigitsSection {
  return emptyDigits();
}
