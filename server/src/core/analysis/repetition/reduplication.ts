/** Reduplication as grammar: measure words, distributive nouns, tentative verbs, given names, adjectives. */
import type { Lexicon } from '../../lexicon';
import { segment } from '../../segmenter';
import { codePointAt, codePointBefore, isHanIdeograph } from '../han';
import { framedAsName, surnameLength, titleBefore } from '../names';
import { DISTRIBUTIVE_FREQ, FOREIGN_NAME_PART, MAX_COINAGE, FUNCTION_POS, NAME_RUN, NAME_SURNAME_FREQ, NOMINAL_POS, WORD_FREQ } from './thresholds';

/**
 * A measure word: the dictionary tags it q, or knows 一 + it as a numeral phrase
 * (一艘, 一顶, 一趟 are tagged m; jieba tags 艘 itself m and 顶 v).
 */
export function isMeasureWord(char: string, lexicon: Lexicon): boolean {
  return lexicon.pos(char) === 'q' || (lexicon.pos('一' + char) === 'm' && lexicon.has('一' + char, WORD_FREQ * 2));
}

/**
 * A measure word standing alone (张张, 层层, 年年增加, 做到件件有着落): tagged q, or a
 * unit that 一 counts (年 tagged m, 件 tagged zg). Not every character 一 precedes: 一贯 and
 * 一起 are tagged m too, but 贯 and 起 are verbs.
 */
export function isStandaloneMeasure(char: string, lexicon: Lexicon): boolean {
  const pos = lexicon.pos(char);
  // jieba tags 件 and 项 zg (a bound morpheme); 一件, 一项 are numeral phrases all the same.
  return pos === 'q' || ((pos === 'm' || pos === 'zg') && isMeasureWord(char, lexicon));
}

/**
 * 村村通, 县县有图书馆, 户户: a one-character noun doubled to mean "every", inside a
 * clause that goes on. The dictionary must know the doubled form above its noise
 * floor (村村 59, 乡乡 7).
 */
export function isDistributiveNoun(text: string, start: number, end: number, lexicon: Lexicon): boolean {
  const char = text[start];
  if (!NOMINAL_POS.test(lexicon.pos(char) ?? '') && lexicon.pos(char) !== 'zg') return false;
  if (!isHanIdeograph(codePointAt(text, end))) return false;
  return lexicon.has(char + char, DISTRIBUTIVE_FREQ);
}

/**
 * Verb reduplication (研究研究, 讨论讨论) is tentative and colloquial: it follows a
 * modal or directive (要, 再, 来, 请…) or closes a sentence. A doubled verb leading
 * into an object or a compound (促进促进行动, 纳入纳入管理) is a slip.
 */
const TENTATIVE_BEFORE = new Set([
  '要',
  '得',
  '应',
  '应该',
  '需要',
  '来',
  '去',
  '再',
  '先',
  '请',
  '让',
  '也',
  '都',
  '就',
  '可以',
  '想',
  '好好',
  '不妨',
  '还得',
  '得好好',
]);
const TENTATIVE_AFTER = /^(?:吧|呢|嘛|一下)/;

export function isTentativeContext(text: string, start: number, end: number, lexicon: Lexicon, clauseOpening = false): boolean {
  // The whole clause is the reduplication (a quoted 研究研究): nothing else to read it by.
  const clauseStart = !isHanIdeograph(codePointBefore(text, start));
  const clauseEnd = !isHanIdeograph(codePointAt(text, end));
  if (clauseStart && clauseEnd) return true;
  if (TENTATIVE_AFTER.test(text.slice(end, end + 2))) return true;
  if (clauseStart) return clauseOpening;
  const left = segment(lexicon, text.slice(Math.max(0, start - 4), start));
  const last = left[left.length - 1];
  return last !== undefined && TENTATIVE_BEFORE.has(last.word);
}

/** A single surname: on the list, or a common character jieba tags as a name (张 is tagged a measure word). */
export function isSurname(char: string, lexicon: Lexicon): boolean {
  return surnameLength(char) === 1 || (lexicon.pos(char) === 'nr' && lexicon.has(char, NAME_SURNAME_FREQ));
}

/**
 * 总统马西西。, 马西西表示: a surname and a doubled character framed as a whole name —
 * a title or a clause start before it, a speech verb, a title or punctuation after
 * it — even when the surname and the copy make a word (马西 is a place in the
 * dictionary). The frame, not the dictionary, says it is a name.
 */
export function isFramedGivenName(text: string, start: number, end: number, lexicon: Lexicon): boolean {
  if (start === 0 || !isSurname(text[start - 1], lexicon) || FUNCTION_POS.test(lexicon.pos(text[start]) ?? '')) return false;
  return framedAsName(text, start - 1, end);
}

/** The dots that join the parts of a transliterated foreign name (拉菲克·哈里里). */
const NAME_SEPARATORS = /[·•‧・]/;

/**
 * A doubled character within FOREIGN_NAME_PART characters of a name separator,
 * in the same run of Han characters: part of a transliterated foreign name, whose
 * spelling no dictionary can judge.
 */
export function inForeignName(text: string, start: number, end: number): boolean {
  for (let k = start - 1; k >= Math.max(0, start - FOREIGN_NAME_PART); k--) {
    if (NAME_SEPARATORS.test(text[k])) return k > 0 && isHanIdeograph(codePointBefore(text, k));
    if (!isHanIdeograph(text.charCodeAt(k))) break;
  }
  for (let k = end; k < Math.min(text.length, end + FOREIGN_NAME_PART); k++) {
    if (NAME_SEPARATORS.test(text[k])) return isHanIdeograph(codePointAt(text, k + 1));
    if (!isHanIdeograph(text.charCodeAt(k))) break;
  }
  return false;
}

/** Opening and closing marks that set a coined name apart (“冰墩墩”, 《…》). */
const NAME_OPENERS = '“‘《「『';
const NAME_CLOSERS = '”’》」』';

/**
 * “冰墩墩”: a short run set apart by quotation marks that ends in the doubled
 * character, and that no dictionary word explains once the copy is removed either
 * (冰墩 is no word): a coined name — a mascot, a nickname — spelt on purpose. A
 * slip in a quoted word (“健康康”) leaves a word (健康) when the copy is removed.
 */
export function isQuotedCoinage(text: string, start: number, end: number, lexicon: Lexicon): boolean {
  const closer = NAME_CLOSERS.indexOf(text[end]);
  if (closer < 0) return false;
  let open = start - 1;
  while (open >= 0 && isHanIdeograph(text.charCodeAt(open))) open--;
  if (open < 0 || text[open] !== NAME_OPENERS[closer] || end - open - 1 > MAX_COINAGE) return false;
  const single = text.slice(open + 1, end - (end - start) / 2);
  // The run without the copy must read as no established word, whole or in part.
  return !segment(lexicon, single).some((token) => token.word.length >= 2 && lexicon.has(token.word, WORD_FREQ));
}

/** 王芳芳, 胡强强: a common surname standing alone before a doubled content character. */
export function isGivenName(text: string, start: number, lexicon: Lexicon): boolean {
  if (start === 0) return false;
  const surname = text[start - 1];
  const char = text[start];
  // 卫|生生 is 卫生 + 生: a surname character that forms a word with the first copy is not a surname here.
  if (!isSurname(surname, lexicon) || lexicon.has(surname + char, WORD_FREQ)) return false;
  if (FUNCTION_POS.test(lexicon.pos(char) ?? '')) return false;
  // The surname must stand alone, not end a word (季度度: 季 is part of nothing, but 度 is).
  const left = segment(lexicon, text.slice(Math.max(0, start - 6), start));
  const last = left[left.length - 1];
  if (last === undefined || last.word.length !== 1) return false;
  // A name opens a clause or a list item, follows a title (记者胡强强), or ends a run of
  // characters no word holds (拉瓦卢马纳纳, a transliteration). 文|旅旅 and 惠|企企
  // after ordinary words are slips, whatever the surname list says.
  const nameStart = start - 1;
  if (!isHanIdeograph(codePointBefore(text, nameStart)) || text[nameStart - 1] === '、' || titleBefore(text, nameStart) !== undefined) return true;
  let singles = 0;
  for (let k = left.length - 1; k >= 0 && left[k].word.length === 1 && !FUNCTION_POS.test(lexicon.pos(left[k].word) ?? ''); k--) singles++;
  return singles >= NAME_RUN;
}

/**
 * 稳稳, 高高: a one-character adjective doubled as an adverbial, standing on its own.
 * When the first copy ends a word (创新|新), the doubled 新 is the typo, not this.
 */
export function isAdjectiveReduplication(text: string, start: number, lexicon: Lexicon): boolean {
  const pos = lexicon.pos(text[start]) ?? '';
  if (pos !== 'a' && pos !== 'ad') return false;
  // Only the reduplications the dictionary knows at all (稳稳, 高高), not any doubled adjective (全全).
  if (!lexicon.has(text.slice(start, start + 2), 1)) return false;
  const left = segment(lexicon, text.slice(Math.max(0, start - 5), start + 1));
  return left[left.length - 1]?.word.length === 1;
}
