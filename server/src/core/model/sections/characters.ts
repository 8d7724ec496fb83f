/**
 * Model section for `traditional-char`: words the corpus writes in a Traditional
 * form on purpose (names, quoted titles), which must stay.
 */
import type { CorpusDocument } from '../types';
import type { Lexicon } from '../../lexicon';

export interface CharactersSection {
  /** Words containing Traditional characters that the corpus uses → count. */
  traditionalAllowed: Record<string, number>;
}

export function emptyCharacters(): CharactersSection {
  return { traditionalAllowed: {} };
}

export function learnCharacters(_docs: CorpusDocument[], _lexicon: Lexicon): CharactersSection {
  return emptyCharacters();
}
