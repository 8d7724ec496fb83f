/**
 * Model section for `name-consistency`: person and organisation names the corpus
 * writes, with counts, and accepted short forms.
 */
import type { CorpusDocument } from '../types';
import type { Lexicon } from '../../lexicon';

export interface NameEntry {
  name: string;
  kind: 'person' | 'organisation';
  count: number;
}

export interface NamesSection {
  names: NameEntry[];
  /** Short form → full form, both accepted. */
  shortForms: Record<string, string>;
}

export function emptyNames(): NamesSection {
  return { names: [], shortForms: {} };
}

export function learnNames(_docs: CorpusDocument[], _lexicon: Lexicon): NamesSection {
  return emptyNames();
}
