/**
 * Adjacent repetition in Chinese text (AA, ABAB, ABCABC…) and the judgement of
 * whether a repetition is language or a typo. Chinese reduplicates on purpose
 * (常常, 一项项, 实实在在, 研究研究), and word boundaries repeat a character by
 * accident of spelling (卫生院|院长, 工作|作为), so the judgement asks the lexicon
 * and the learned corpus, never a list of strings. `duplicate-word` reports what
 * this module cannot explain; `learnRepeats` uses the same judgement to learn
 * which unexplained repeats a corpus uses again and again (names, place names).
 */
import type { Lexicon } from '../../lexicon';
import { codePointAt, codePointBefore, isHanIdeograph } from '../han';
import { isFunctionWord, isHeadOfCompound, isWordBoundary } from './boundary';
import { isOneCharacter, type Repeat } from './find';
import type { RepeatEvidence, RepeatReason } from './reasons';
import type { Story } from './story';
import {
  isAdjectiveReduplication,
  isDistributiveNoun,
  inForeignName,
  isQuotedCoinage,
  isFramedGivenName,
  isGivenName,
  isMeasureWord,
  isStandaloneMeasure,
  isTentativeContext,
} from './reduplication';
import { AUXILIARY_VERBS, BROKEN_WORD_FREQ, CHINESE_DIGITS, LISTED_REDUPLICATION_FREQ, NUMERALS, VERB_FREQ, WORD_FREQ } from './thresholds';
import {
  anyOpenedWordFreq,
  brokenWordFreq,
  coveredByLongerWord,
  endsKnownWord,
  openedWordFreq,
  readAsOneWord,
  readInsideLongerWord,
  sidesOf,
  wordAcrossMiddle,
} from './words';

export { describeSlip } from './describe';
export { findRepeats, MAX_UNIT, type Repeat } from './find';
export { REPEAT_REASONS, type RepeatEvidence, type RepeatReason } from './reasons';
export type { Story } from './story';

/**
 * Why the repeat is language, or null for a slip. `evidence` is what the learned
 * corpus repeats; `story`, the document around the paragraph, lets units the
 * lexicon lacks count when the story writes them elsewhere.
 */
export function explainRepeat(text: string, repeat: Repeat, lexicon: Lexicon, evidence?: RepeatEvidence, story?: Story): RepeatReason | null {
  const { start, unit } = repeat;
  if (inNumberInCharacters(text, start, repeat.copies * unit)) return 'number';
  // “买买买”: one character's copies filling a quotation on their own are a coinage quoted as such, not a slip in running text.
  if (isOneCharacter(text, start, unit) && fillsQuotation(text, start, repeat.copies * unit)) return 'coined-name';
  // Three or more copies are never reduplication in running text (哈哈哈 is a dictionary word).
  if (repeat.copies > 2 && !lexicon.has(text.slice(start, start + repeat.copies * unit), 1)) return null;
  const end = start + 2 * unit;
  const span = text.slice(start, end);
  const copy = text.slice(start, start + unit);
  const before = start > 0 ? text[start - 1] : '';
  const after = end < text.length ? text[end] : '';
  const oneCharacter = isOneCharacter(text, start, unit);
  const afterNumeral = oneCharacter && before !== '' && NUMERALS.test(before);

  if (evidence && learnedContext(evidence, before, span, after, copy, lexicon)) return 'learned';
  // 研究究生, 华盛盛顿: without the second copy, a word runs across the first. The
  // copy broke that word, so only two strong words meeting can explain it (中医|医院).
  const brokenWord = brokenWordFreq(text, repeat, lexicon);
  if (coveredByLongerWord(text, start, end, lexicon, brokenWord) || readInsideLongerWord(text, start, end, lexicon, brokenWord)) return 'inside-word';
  const sides = sidesOf(text, repeat, lexicon);
  // 部队一艘|艘战舰: the first copy ends 一 + measure word, and the second repeats the measure.
  if (unit === 1 && before === '一' && sides.left?.word === '一' + copy && isMeasureWord(copy, lexicon)) return 'one-measure';
  // When the first copy belongs to the word on its left (平台|台, 诊断|断), no
  // reading of the doubled span as a reduplication holds.
  const firstCopyAttached = endsKnownWord(sides, unit, lexicon);
  // The second copy opens a word with what follows (提|提高): then no reduplication reading holds.
  const opened = Math.max(openedWordFreq(sides, unit, lexicon), anyOpenedWordFreq(text, start + unit, unit, lexicon));
  const secondCopyOpensWord = opened >= WORD_FREQ;
  if (!afterNumeral && lexicon.has(span, WORD_FREQ) && (!firstCopyAttached || readAsOneWord(text, start, end, lexicon))) return 'word';

  if (oneCharacter && brokenWord < BROKEN_WORD_FREQ) {
    const char = copy;
    // AABB: 认认真真, where AB is a word and the next two characters double too.
    if (end + 1 < text.length && text[end] === text[end + 1] && text[end] !== char && lexicon.has(char + text[end], WORD_FREQ)) return 'aabb';
    if (start >= 2 && text[start - 1] === text[start - 2] && text[start - 1] !== char && lexicon.has(text[start - 2] + char, WORD_FREQ)) return 'aabb';
    if (!firstCopyAttached && !secondCopyOpensWord) {
      // 张张, 层层; distributive 件件落实 opening a clause: 件 counts things.
      if (!afterNumeral && isStandaloneMeasure(char, lexicon)) return 'measure';
      if (!isHanIdeograph(codePointBefore(text, start)) && isMeasureWord(char, lexicon)) return 'measure';
      // 村村通, 县县有: a one-character noun doubled means "every", when it opens no word with what follows.
      if (!afterNumeral && isDistributiveNoun(text, start, end, lexicon)) return 'distributive';
      // 说说心愿, 品品年味: a common one-character verb doubled, opening a clause or after 要, 来, 再….
      if (lexicon.pos(char) === 'v' && lexicon.has(char, VERB_FREQ) && !AUXILIARY_VERBS.test(char) && isTentativeContext(text, start, end, lexicon, true))
        return 'verb-abab';
    }
    if (isFramedGivenName(text, start, end, lexicon) || inForeignName(text, start, end)) return 'given-name';
    if (isQuotedCoinage(text, start, end, lexicon)) return 'coined-name';
    // 《浪浪山…》, “央央好物”: a content character doubled right after an opening quotation
    // mark or title mark, the second copy opening no word: a coined name spelt on purpose. A
    // slip there doubles the first character of a word (“提提高”), which the second copy opens.
    if (!secondCopyOpensWord && before !== '' && OPENING_MARKS.includes(before) && !isFunctionWord(char, lexicon)) return 'coined-name';
    if (!firstCopyAttached && !secondCopyOpensWord) {
      if (isGivenName(text, start, lexicon)) return 'given-name';
      if (isAdjectiveReduplication(text, start, lexicon)) return 'adjective';
      // Interjections and onomatopoeia double freely (嘘嘘, 哗哗).
      if (/^[eoy]$/.test(lexicon.pos(char) ?? '')) return 'adjective';
      // 一树树盛开: 一 standing alone before a content character doubled, that opens and
      // closes no word: the character counts things, as a measure word would (一排排, 一车车).
      if (sides.beforeLeft?.word === '一' && sides.left?.word === copy && !isFunctionWord(char, lexicon)) return 'one-measure';
      // 龙行龘龘: a character the dictionary lacks altogether, neither a word nor part of one
      // beside it here, cannot be judged by it.
      if (lexicon.freq(char) === 0) return 'coined-name';
      // 节节攀升, 喜气腾腾: a reduplication the dictionary lists, however rarely, standing
      // as its own unit. jieba's rare doubled entries include slips (度度, 提提), but a
      // slip's copy belongs to the word beside it (年度|度, 提|提高); here neither does.
      if (!afterNumeral && lexicon.has(span, LISTED_REDUPLICATION_FREQ) && !isFunctionWord(char, lexicon)) return 'reduplication';
    }
  } else if (!oneCharacter) {
    const pos = lexicon.pos(copy) ?? '';
    // 一件一件, 一个问题一个问题: 一 + a measure word, repeated to mean "one by one".
    if (copy[0] === '一' && isMeasureWord(copy[1], lexicon)) return 'one-measure';
    if ((pos === 'v' || pos === 'vn') && lexicon.has(copy, VERB_FREQ) && isTentativeContext(text, start, end, lexicon)) return 'verb-abab';
    // 手把手|把: a dictionary word runs across the middle, so the text is no two copies.
    if (wordAcrossMiddle(text, repeat, lexicon)) return 'inside-word';
  }
  if (brokenWord >= BROKEN_WORD_FREQ) return secondCopyOpensWord && (firstCopyAttached || isHeadOfCompound(text, repeat, lexicon, sides)) ? 'boundary' : null;
  if (isWordBoundary(text, repeat, lexicon, sides, story)) return 'boundary';
  return null;
}

/** Marks that open a quotation or a title: what follows starts a name or a phrase of its own. */
const OPENING_MARKS = '“‘「『《〈';

/** Opening quotation marks and the closing mark each pairs with. */
const QUOTES: Record<string, string> = { '“': '”', '‘': '’', '「': '」', '『': '』' };

function fillsQuotation(text: string, start: number, length: number): boolean {
  const closer = start > 0 ? QUOTES[text[start - 1]] : undefined;
  return closer !== undefined && text[start + length] === closer;
}

/**
 * The corpus repeats the span with this neighbour. A neighbour that makes a word with
 * the copy beside it (主席|席, 席|位) says nothing of this occurrence: the corpus's
 * 主席席就座 would excuse every 主席 typed with its last character twice. Only a
 * neighbour that is no word with the copy (胡|强强, 席席|就) is evidence, or one
 * with nothing Han on the other side to judge by instead.
 */
function learnedContext(evidence: RepeatEvidence, before: string, span: string, after: string, copy: string, lexicon: Lexicon): boolean {
  const learned = evidence.legitimate;
  // With no Han character on the other side (‘十五五’), the word-making neighbour is all there is to go by.
  const informative = (word: string, other: string) => !lexicon.has(word, WORD_FREQ) || !isHanIdeograph(codePointAt(other, 0));
  if (before !== '' && (learned[before + span] ?? 0) > 0 && informative(before + copy, after)) return true;
  return after !== '' && (learned[span + after] ?? 0) > 0 && informative(copy + after, before);
}

/** 二零零零年, 一九零零年: a digit written as a character, doubled inside a number written in characters. */
function inNumberInCharacters(text: string, start: number, length: number): boolean {
  if (!CHINESE_DIGITS.test(text[start]) || length !== text.slice(start, start + length).split(text[start]).length - 1) return false;
  return (start > 0 && CHINESE_DIGITS.test(text[start - 1])) || CHINESE_DIGITS.test(text[start + length] ?? '');
}
