/**
 * Model section for the house style: punctuation width, spacing between Chinese and
 * digits/Latin, dash forms. Counts, not verdicts: rules decide from the proportions.
 */
import type { CorpusDocument } from '../types';
import type { Lexicon } from '../../lexicon';

export interface StyleSection {
  /** Punctuation marks next to Chinese text: full-width vs half-width counts. */
  punctuation: { fullWidth: number; halfWidth: number };
  /** Junctions between a Han character and a digit or Latin letter. */
  spacing: { hanDigitSpaced: number; hanDigitTight: number; hanLatinSpaced: number; hanLatinTight: number };
  /** Dash usage: a single — between numbers as a range mark. */
  dashes: { rangeSingleDash: number; rangeTilde: number };
}

export function emptyStyle(): StyleSection {
  return {
    punctuation: { fullWidth: 0, halfWidth: 0 },
    spacing: { hanDigitSpaced: 0, hanDigitTight: 0, hanLatinSpaced: 0, hanLatinTight: 0 },
    dashes: { rangeSingleDash: 0, rangeTilde: 0 },
  };
}

export function learnStyle(_docs: CorpusDocument[], _lexicon: Lexicon): StyleSection {
  return emptyStyle();
}
