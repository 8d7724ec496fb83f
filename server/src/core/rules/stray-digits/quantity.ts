/**
 * When a number reads as a quantity: the measure words, units and time words after
 * it, from a general list, the lexicon's parts of speech and what the learned corpus
 * writes after numbers, with the thresholds that judge those counts.
 */
import type { Lexicon } from '../../lexicon';
import type { DigitsSection } from '../../model/sections/digits';
import { segment } from '../../segmenter';
import { isHanAt } from '../../analysis/han';
import { hanHead } from '../../analysis/sentence-break';
import { charAt, isDigitChar } from './text';

/**
 * Measure words, units, time words and number companions (余, 多, 至) that make the
 * digits before them a quantity. General Chinese, not corpus strings: the learned
 * `digits.after` counts extend it with whatever a newsroom writes after numbers.
 */
const QUANTITY_FOLLOWERS = new Set(
  [
    // measure words and units
    '个年月日号岁人次名家所项元角万亿千百十版期条种倍分秒时点米吨例床位户件批届周天座台辆篇张本部册套场份类组级层楼栋',
    '间处股支只头匹艘架列趟轮门节课章句字页遍步斤克升里亩度成型款盒瓶袋箱包片粒剂味针滴毫公厘季代世寸尺码档星路则首幅集卷对双副串根颗块枚',
    '起笔宗桩顿口圈班队段站区室盏扇堂出封拨棵株折兆平摄',
    // what follows a number without a measure word: approximations, ranges, 24小时, 3大类, 500强, 60后
    '余多来几至到和与或及比左等小大强后',
  ]
    .join('')
    .split(''),
);
/** Learned neighbours need this many corpus sightings before they vouch for a number. */
const LEARNED_AFTER_MIN = 2;

/** Parts of speech of a word that makes it a measure word, unit or time word (公里, 万元, 周年). */
export const MEASURE_WORD_POS = /^(?:q|m|t)$/;
/** Parts of speech that make a character a measure word or unit after a number: jieba's q (个, 家, 项) and m (年, 元, 岁, 吨). */
export const MEASURE_POS = new Set(['q', 'm']);
/**
 * Of the twelve numerals 一…十 两 几, how many the lexicon writes before a character
 * for it to count as a measure word there (一列 两列 … 十列; 度, 组, 间, 团): jieba tags
 * many measure words as nouns or verbs. 10 keeps out characters that merely start
 * words after numerals (三国, 八中).
 */
const NUMERAL_COMPOUNDS_MIN = 10;
const NUMERALS = [...'一二三四五六七八九十两几'];
/** An approximate numeral that continues a series of counts (1死多伤). */
const APPROXIMATE_NUMERAL = '多';

/**
 * Share of all the corpus's numbers a neighbour must reach, besides the absolute
 * minimum, to vouch for a number: in a large archive every character turns up after
 * some number now and then (a slip, a list, a score), and counts of 2 or 5 stop
 * meaning “a measure word”. 1/5000: 列 (trains run) and 强 (top 500) pass in a year of
 * news, 济 or 门 do not. Chosen on half A; the seed-learned model is below it anyway.
 */
const LEARNED_SHARE = 1 / 5000;
/** Share of the corpus's numbers that makes a neighbour one of their commonest (人 after 超50人). */
const LEARNED_OFTEN_SHARE = 1 / 200;

/** What the corpus writes right after numbers, judged against its size. */
export interface LearnedNeighbours {
  after(ch: string): boolean;
  /** Among the commonest neighbours of numbers (人, 年, 个): as good as a measure word's part of speech. */
  afterOften(ch: string): boolean;
}

export function learnedNeighbours(digits: DigitsSection): LearnedNeighbours {
  const total = (counts: Record<string, number> | undefined) => Object.values(counts ?? {}).reduce((a, b) => a + b, 0);
  const afterTotal = total(digits.after);
  const afterMin = Math.max(LEARNED_AFTER_MIN, LEARNED_SHARE * afterTotal);
  return {
    after: (ch) => (digits.after?.[ch] ?? 0) >= afterMin,
    afterOften: (ch) => (digits.after?.[ch] ?? 0) >= Math.max(afterMin, LEARNED_OFTEN_SHARE * afterTotal),
  };
}

export function isQuantityFollower(learned: LearnedNeighbours, ch: string | undefined): boolean {
  if (!ch) return false;
  return QUANTITY_FOLLOWERS.has(ch) || learned.after(ch);
}

/**
 * True when the text after a number (`right`) opens with a measure word as a word of its own (36 / 60 项,
 * 12 / 40 人次), not with a character that starts an ordinary word (新 18 / 60 时代, 全体 7 / 30 成员, 9 / 30 项目):
 * the number then counts what follows.
 */
export function countsWhatFollows(lexicon: Lexicon, learned: LearnedNeighbours, right: string): boolean {
  if (!isQuantityFollower(learned, charAt(right, 0))) return false;
  const first = segment(lexicon, hanHead(right, 4))[0];
  return !first || first.word.length < 2 || MEASURE_WORD_POS.test(lexicon.pos(first.word) ?? '');
}

/**
 * Why the text after a number (`right`) starts with a measure word or unit: the
 * lexicon's part of speech of its first character (家, 年) or of the word it opens
 * (公里, 周年), or what the corpus writes after numbers. A character that the text
 * reads as the start of a commoner word (集|团, 关|系) stands for no measure word.
 */
export function measureEvidence(lexicon: Lexicon, learned: LearnedNeighbours, right: string): 'pos' | 'learned' | null {
  // 'learned' also covers the lexicon's numeral compounds: both are usage, weaker than a part of speech.
  const head = hanHead(right, 4);
  const ch = charAt(head, 0);
  if (!ch) return null;
  const first = segment(lexicon, head)[0];
  if (first && first.word.length >= 2) {
    if (MEASURE_WORD_POS.test(lexicon.pos(first.word) ?? '')) return 'pos';
    if (lexicon.freq(first.word) > lexicon.freq(ch)) return null;
  }
  if (MEASURE_POS.has(lexicon.pos(ch) ?? '') || learned.afterOften(ch)) return 'pos';
  if (learned.after(ch)) return 'learned';
  let compounds = 0;
  for (const numeral of NUMERALS) if (lexicon.freq(numeral + ch) > 0) compounds++;
  return compounds >= NUMERAL_COMPOUNDS_MIN ? 'learned' : null;
}

/**
 * Another count follows at `at` (3死|10伤, 5金2银|3铜, 1死|多伤): digits and a
 * character that is no measure word, as counts of persons, medals or places are
 * written; a number with a real measure word after it (胜利|80周年, 增长|5.8%) is no
 * series, only the next fact.
 */
export function countFollows(lexicon: Lexicon, masked: string, at: number): boolean {
  let i = at;
  if (masked[i] === APPROXIMATE_NUMERAL) i++;
  else {
    while (isDigitChar(masked[i])) i++;
    if (i === at) return false;
  }
  const unit = charAt(masked, i);
  if (!unit || !isHanAt(masked, i)) return false;
  return !MEASURE_POS.has(lexicon.pos(unit) ?? '') && !MEASURE_WORD_POS.test(lexicon.pos(hanHead(masked.slice(i, i + 4), 4)) ?? '');
}
