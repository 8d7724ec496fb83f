/** A repeat at the meeting of two words (卫生院|院长, 工作|作为, 机会|会), not a doubling. */
import type { Lexicon } from '../../lexicon';
import { segment } from '../../segmenter';
import { codePointAt, codePointBefore, isHanIdeograph } from '../han';
import { titleBefore } from '../names';
import type { Repeat } from './find';
import { isSurname } from './reduplication';
import { STORY_TERM_PAIR_OCCURRENCES, storyUsesSurname, storyWritesPair, storyWritesUnit, type Story } from './story';
import {
  AUXILIARY_VERBS,
  BOUNDARY_PAIR_ODDS,
  COVER_FREQ,
  ESTABLISHED_WORD_FREQ,
  FUNCTION_POS,
  HEAD_NOUNS,
  HEAD_RATIO,
  LEFT_WORD_FLOOR,
  MAX_TITLE_LENGTH,
  NAME_RUN,
  NOMINAL_POS,
  NUMERALS,
  PARTICLE_POS,
  RIGHT_WORD_FLOOR,
  STRONG_WORD_FREQ,
  VERB_FREQ,
  WORD_FREQ,
} from './thresholds';
import { anyEndedWord, anyOpenedWordFreq, endsKnownWord, openedWordFreq, type Sides } from './words';

/**
 * The two copies belong to two different words. The first must end a word on its
 * left: a dictionary word (太湖|湖体, 统战部|部长), or a head that builds nouns on
 * the word before it (生态环境+部|部长, 宣传+处|处长, 红旗+大队|大队长). A single
 * character standing alone is not enough: 提 is a word, but 不断提|提高 is the
 * commonest slip of all. The second copy must then open a word on its right
 * (部长, 档期), or be a function word after a common word (机会|会很快, 反对|对).
 * 创新|新 fails on the right because what follows reads 新/发展, not 新发/展.
 */
export function isWordBoundary(text: string, repeat: Repeat, lexicon: Lexicon, sides: Sides, story?: Story): boolean {
  const { start, unit } = repeat;
  const middle = start + unit;
  const first = sides.right[0];
  const left = sides.left;
  // A rare right-hand word (院办, 2 in jieba) still counts after a common word on the left (医院).
  const strongLeft = endsKnownWord(sides, unit, lexicon, STRONG_WORD_FREQ);
  const rightMin = first && first.word.length >= 3 ? 2 : strongLeft ? 2 : WORD_FREQ;
  const dictionaryRightWord =
    (first !== undefined && first.word.length > unit && openedWordFreq(sides, unit, lexicon) >= rightMin) ||
    anyOpenedWordFreq(text, middle, unit, lexicon) >= WORD_FREQ;
  if (dictionaryRightWord && unit === 1 && rightWordCutsARealWord(text, middle, first.word.length, lexicon)) return false;
  // 学习|习主席: a surname, then a post, is a name the dictionary cannot list, after a common word.
  // A surname too rare for the list counts when the story writes it after a post elsewhere.
  if (
    unit === 1 &&
    strongLeft &&
    titleAt(text, middle + 1) > 0 &&
    (isSurname(text[middle], lexicon) || (story !== undefined && storyUsesSurname(story, lexicon, text[middle], middle)))
  )
    return true;
  // 飞船|船体舱: the second copy opens a unit the dictionary lacks but the story writes elsewhere.
  const rightWord =
    dictionaryRightWord || (unit === 1 && story !== undefined && storyWritesPair(story, lexicon, text.slice(middle, middle + 2), middle, 'right'));

  // Nothing Han on the left (the paragraph starts here, often a line broken by
  // layout): the first copy cannot be judged, so the word on the right decides.
  if (!isHanIdeograph(codePointBefore(text, start))) return rightWord;
  // 2021年|年底, 3个|个人: the first copy is a unit attached to the number before it.
  if (unit === 1 && rightWord && NUMERALS.test(text[start - 1])) return true;
  if (!left) return false;
  // 党中央|对|对台工作: a preposition standing alone, then a term of the story the lexicon
  // lacks, opened by the same character (see STORY_TERM_PAIR_OCCURRENCES): the preposition
  // governs the term. An adverb or particle doubled before a story term (互|互鉴) is a slip.
  if (
    unit === 1 &&
    !dictionaryRightWord &&
    story !== undefined &&
    left.word === text[start] &&
    lexicon.pos(text[start]) === 'p' &&
    storyWritesPair(story, lexicon, text.slice(middle, middle + 2), middle, 'right', STORY_TERM_PAIR_OCCURRENCES)
  )
    return true;
  const leftWord = endsKnownWord(sides, unit, lexicon) || anyEndedWord(text, middle, unit, lexicon);
  if (rightWord && (leftWord || isHeadOfCompound(text, repeat, lexicon, sides))) return true;
  if (twoListedWordsMeet(text, repeat, lexicon, sides)) return true;
  // 俄军|军用: the first copy ends a unit the dictionary lacks but the story writes elsewhere,
  // before a word the dictionary knows.
  if (dictionaryRightWord && unit === 1 && story !== undefined) {
    if (storyWritesPair(story, lexicon, text.slice(start - 1, middle), start - 1, 'left')) return true;
    // 自驾|游|游客: a word and a character after it, a unit the lexicon lacks, written so elsewhere in the story.
    const word = sides.beforeLeft?.word;
    if (
      left.word === text[start] &&
      !isFunctionWord(text[start], lexicon) &&
      word !== undefined &&
      word.length >= 2 &&
      storyWritesUnit(story, lexicon, word + left.word, start - word.length)
    )
      return true;
  }
  // 机会|会很快, 反对|对俄, 现在|在: a function word after a common word ending in its character.
  if (unit === 1 && strongLeft && isFunctionWord(text[start], lexicon)) return true;
  // 工作|作了部署: after a common noun ending in it, a common one-character verb marked
  // by an aspect particle is a predicate of its own. A slip at a verb's end (部署|署了)
  // leaves no verb: 署 is no verb on its own.
  if (unit === 1 && strongLeft && NOMINAL_POS.test(lexicon.pos(left.word) ?? '') && isVerbWithAspect(text, middle, lexicon)) return true;
  // 共青团|团内: after an organisation the dictionary lists ending in a head character, the
  // head again with 内 or 外 is inside or outside that body. Only organisations (tagged nt):
  // after other nouns a slip before a localizer is as likely (框架|架内).
  if (unit === 1 && strongLeft && lexicon.pos(left.word) === 'nt' && INSIDE_OUTSIDE.test(text[middle + 1] ?? '') && isHead(text[start], lexicon)) return true;
  // 中药|药对、: after a common word, the second copy and one more character close the
  // phrase, a two-character term the dictionary lacks. A slip at a word's end goes on
  // into the text (年度|度考核) or stands alone (年度|度，).
  if (unit === 1 && strongLeft && closesTwoCharacterUnit(text, middle, lexicon)) return true;
  return false;
}

/** Localizers of inside and outside (团内, 部外); jieba tags 内 a noun, so by character. */
const INSIDE_OUTSIDE = /^[内外]$/;

/** Aspect particles (了, 着, 过) in jieba's tag set. */
const ASPECT_POS = /^(ul|uz|ug)$/;

/** A common one-character verb at `at`, followed by an aspect particle. */
function isVerbWithAspect(text: string, at: number, lexicon: Lexicon): boolean {
  const verb = text[at];
  return lexicon.pos(verb) === 'v' && lexicon.has(verb, VERB_FREQ) && ASPECT_POS.test(lexicon.pos(text[at + 1] ?? '') ?? '');
}

function closesTwoCharacterUnit(text: string, middle: number, lexicon: Lexicon): boolean {
  if (!isHanIdeograph(codePointAt(text, middle + 1)) || isHanIdeograph(codePointAt(text, middle + 2))) return false;
  // 保持|持的, 部署|署了: a particle or an aspect marker after the copy is a verb's ending, not a term's.
  return !PARTICLE_POS.test(lexicon.pos(text[middle + 1]) ?? '');
}

/**
 * 野火|火情, 社民党|党首, 特产税|税率: the best reading has two listed words meet on
 * the copy — the left side's last word ends with the first copy, the right side's
 * first word opens with the second — one of them too rare for WORD_FREQ. The odds of
 * the two-word reading are the product of their frequencies: it must reach
 * BOUNDARY_PAIR_ODDS, with the left word at least LEFT_WORD_FLOOR, for a slip at a
 * word's start (不断提|提高) needs only some stray entry to end with its copy. Words
 * the reading does not pick (中国|发 is read, not 中|国发) are no evidence.
 */
function twoListedWordsMeet(text: string, repeat: Repeat, lexicon: Lexicon, sides: Sides): boolean {
  const { start, unit } = repeat;
  const middle = start + unit;
  const first = sides.right[0];
  if (first === undefined) return false;
  const left = sides.left?.word;
  if (left === undefined || left.length <= unit || first.word.length <= unit) return false;
  const leftFreq = lexicon.freq(left);
  if (leftFreq < LEFT_WORD_FLOOR) return false;
  const rightFreq = openedWordFreq(sides, unit, lexicon);
  if (rightFreq < RIGHT_WORD_FLOOR || leftFreq * rightFreq < BOUNDARY_PAIR_ODDS) return false;
  return !(unit === 1 && rightWordCutsARealWord(text, middle, first.word.length, lexicon));
}

/** Prepositions, particles, conjunctions, adverbs, pronouns and auxiliaries: words that stand alone. */
export function isFunctionWord(char: string, lexicon: Lexicon): boolean {
  return AUXILIARY_VERBS.test(char) || FUNCTION_POS.test(lexicon.pos(char) ?? '');
}

/**
 * The first copy heads a noun built on the word before it, the dictionary listing
 * the whole or not: 生态环境|部, 宣传|处 (a head character, see HEAD_NOUNS), or a
 * noun of two characters or more after a name or noun (红旗|大队). The second copy
 * then opens a noun (部长, 处长, 大队长): a title or a part of what the first names.
 */
export function isHeadOfCompound(text: string, repeat: Repeat, lexicon: Lexicon, sides: Sides): boolean {
  const { start, unit } = repeat;
  const copy = text.slice(start, start + unit);
  const rightWord = sides.right[0].word;
  if (!NOMINAL_POS.test(lexicon.pos(rightWord) ?? '')) return false;
  const left = sides.left;
  if (left === undefined || !left.word.endsWith(copy)) return false;
  // The modifier: the rest of a listed compound (巡视组, 萨拉托夫州), or the word before the copy.
  const listed = left.word.length > unit && lexicon.has(left.word, 1);
  const modifier = listed ? left.word.slice(0, left.word.length - unit) : left.word === copy ? sides.beforeLeft?.word : undefined;
  // 利佩茨克|州|州长: a transliterated name no dictionary word holds, then a head, then a noun opening with it.
  if (unit === 1 && left.word === copy && transliterationBefore(text, start, lexicon) && isHead(copy, lexicon)) return true;
  // 监委|委员: a listed name ending in the copy, however short its modifier, then a post
  // opening with it: the name is the organisation and the post its member (see below).
  if (unit === 1 && listed && lexicon.has(left.word, COVER_FREQ) && headsPost(text, start, lexicon)) return true;
  if (modifier === undefined || modifier.length < 2) return false;
  // A phrase the dictionary lists rarely (生态环境 3) counts by its last word (环境).
  if (!listed && !nominalWordEnds(modifier, lexicon)) return false;
  if (unit > 1) return NOMINAL_POS.test(lexicon.pos(copy) ?? '');
  if (lexicon.nounAffixes(copy).ending < HEAD_NOUNS) return false;
  if (isHead(copy, lexicon)) return true;
  // A weaker head (司 ends 56 nouns, starts 47) still heads an organisation when a post
  // follows that opens with it (应急司|司长, 巡视组|组长): the post is the evidence.
  return headsPost(text, start, lexicon);
}

/** The one-character copy at `start` ends HEAD_NOUNS nouns or more, no fewer than it starts, and opens a post after it (司|司长). */
function headsPost(text: string, start: number, lexicon: Lexicon): boolean {
  const { ending, starting } = lexicon.nounAffixes(text[start]);
  return ending >= HEAD_NOUNS && ending >= starting && titleAt(text, start + 1) > 0;
}

/** A head character: it ends HEAD_NOUNS nouns or more, HEAD_RATIO times as many as it starts (部, 市, 州). */
function isHead(char: string, lexicon: Lexicon): boolean {
  const { ending, starting } = lexicon.nounAffixes(char);
  return ending >= HEAD_NOUNS && ending >= HEAD_RATIO * starting;
}

/**
 * NAME_RUN characters or more right before `at` that the best reading leaves
 * single and that are no function words: a transliterated name (利佩茨克).
 */
function transliterationBefore(text: string, at: number, lexicon: Lexicon): boolean {
  const tokens = segment(lexicon, text.slice(Math.max(0, at - NAME_RUN - 2), at));
  let singles = 0;
  for (let k = tokens.length - 1; k >= 0; k--) {
    const word = tokens[k].word;
    if (word.length !== 1 || !isHanIdeograph(word.codePointAt(0)!) || FUNCTION_POS.test(lexicon.pos(word) ?? '')) break;
    singles++;
  }
  return singles >= NAME_RUN;
}

/** The length of a post or title (names' vocabulary: 司长, 主席) that starts at `at`, or 0. */
function titleAt(text: string, at: number): number {
  for (let length = 2; length <= MAX_TITLE_LENGTH && at + length <= text.length; length++) {
    if (titleBefore(text, at + length)?.length === length) return length;
  }
  return 0;
}

function nominalWordEnds(phrase: string, lexicon: Lexicon): boolean {
  for (let from = 0; phrase.length - from >= 2; from++) {
    const word = from === 0 ? phrase : phrase.slice(from);
    if (lexicon.has(word, WORD_FREQ) && NOMINAL_POS.test(lexicon.pos(word) ?? '')) return true;
  }
  return false;
}

/**
 * 促进|进行|动: the word found on the right (进行) only exists because of the extra
 * copy; without it, what follows reads as a longer, established word (行动) that
 * the right word cuts in two, stranding a character (动). 卫生院|院长|表示 passes:
 * without the copy, 长表示 starts with 长 alone; so does 统战部|部长|石泰峰, 长石
 * being a rare word; and so does 人民|民主|要求, where the reading with 民主 goes on
 * in words.
 */
function rightWordCutsARealWord(text: string, middle: number, rightLength: number, lexicon: Lexicon): boolean {
  const rest = segment(lexicon, text.slice(middle + 1, Math.min(text.length, middle + 9)));
  const first = rest[0];
  if (first === undefined || first.word.length < 2 || first.end <= rightLength - 1 || !lexicon.has(first.word, ESTABLISHED_WORD_FREQ)) return false;
  // 人民|民主|要求: the reading with the right word goes on in words, so the word it cuts (主要) is not meant.
  const reading = segment(lexicon, text.slice(middle, Math.min(text.length, middle + 9)));
  return !(reading[0]?.word.length === rightLength && (reading[1]?.word.length ?? 0) >= 2);
}
