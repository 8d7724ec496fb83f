/** Every injector, one per injection family; the quality benchmark runs them all. */
import type { Injector } from './types';
import { DUPLICATE_WORD_INJECTORS } from './duplicate-word';
import { pageMarkerInjector, strayDigitInjector } from './stray-digits';
import { punctuationWidthInjector, straightQuoteInjector } from './punctuation-width';
import { pairedPunctuationInjector } from './paired-punctuation';
import { repeatedPunctuationInjector } from './repeated-punctuation';
import { brokenSentenceInjector, brokenWordInjector } from './broken-paragraph';
import { traditionalCharInjector } from './traditional-char';
import { cjkSpacingInjector } from './cjk-spacing';
import { fixedPhraseInjector } from './fixed-phrase';
import { nameVariant2Injector, nameVariant3Injector } from './name-consistency';
import { numberingSequenceInjector } from './numbering-sequence';
import { wrongCharContextInjector, wrongCharNonWordInjector, wrongCharRealWordInjector } from './wrong-char';

export const INJECTORS: readonly Injector[] = [
  ...DUPLICATE_WORD_INJECTORS,
  strayDigitInjector,
  pageMarkerInjector,
  punctuationWidthInjector,
  straightQuoteInjector,
  pairedPunctuationInjector,
  repeatedPunctuationInjector,
  brokenSentenceInjector,
  brokenWordInjector,
  traditionalCharInjector,
  cjkSpacingInjector,
  fixedPhraseInjector,
  nameVariant2Injector,
  nameVariant3Injector,
  numberingSequenceInjector,
  wrongCharNonWordInjector,
  wrongCharRealWordInjector,
  wrongCharContextInjector,
];
