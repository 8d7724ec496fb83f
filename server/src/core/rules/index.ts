/**
 * The one registry of rules. The CLI's rule list, the README table, the VS Code
 * settings schema and the docs are all generated from it.
 */
import type { Rule } from '../types';
import { duplicateWord } from './duplicate-word';
import { strayDigits } from './stray-digits';
import { punctuationWidth } from './punctuation-width';
import { pairedPunctuation } from './paired-punctuation';
import { repeatedPunctuation } from './repeated-punctuation';
import { punctuationForm } from './punctuation-form';
import { cjkSpacing } from './cjk-spacing';
import { brokenParagraph } from './broken-paragraph';
import { traditionalChar } from './traditional-char';
import { fixedPhrase } from './fixed-phrase';
import { nameConsistency } from './name-consistency';
import { numberingSequence } from './numbering-sequence';
import { mastheadDate } from './masthead-date';
import { wrongChar } from './wrong-char';

export const RULES: readonly Rule[] = [
  duplicateWord,
  strayDigits,
  punctuationWidth,
  pairedPunctuation,
  repeatedPunctuation,
  punctuationForm,
  cjkSpacing,
  brokenParagraph,
  traditionalChar,
  wrongChar,
  fixedPhrase,
  nameConsistency,
  numberingSequence,
  mastheadDate,
];

export const RULES_BY_ID: ReadonlyMap<string, Rule> = new Map(RULES.map((r) => [r.meta.id, r]));
