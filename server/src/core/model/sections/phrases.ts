/**
 * Model section for `fixed-phrase`: long phrases the corpus repeats (and curated
 * standard formulations), with counts and where they were seen.
 */
import type { CorpusDocument } from '../types';
import type { Lexicon } from '../../lexicon';

export interface PhraseEntry {
  phrase: string;
  count: number;
  /** 'corpus' when learned, or the curated source's name. */
  source: string;
}

export interface PhrasesSection {
  phrases: PhraseEntry[];
}

export function emptyPhrases(): PhrasesSection {
  return { phrases: [] };
}

export function learnPhrases(_docs: CorpusDocument[], _lexicon: Lexicon): PhrasesSection {
  return emptyPhrases();
}
