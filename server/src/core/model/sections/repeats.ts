/**
 * Model section for `duplicate-word`: repeated strings (AA, ABAB, …) that the corpus
 * uses legitimately, with how often, so a newsroom's own reduplications and names
 * are learned rather than listed in code.
 */
import type { CorpusDocument } from '../types';
import type { Lexicon } from '../../lexicon';

export interface RepeatsSection {
  /** Repeated span with its context, e.g. "胡强强" → count. */
  legitimate: Record<string, number>;
}

export function emptyRepeats(): RepeatsSection {
  return { legitimate: {} };
}

export function learnRepeats(_docs: CorpusDocument[], _lexicon: Lexicon): RepeatsSection {
  return emptyRepeats();
}
