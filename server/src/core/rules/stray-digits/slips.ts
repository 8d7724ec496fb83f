/** Digits slipped inside a word (医7疗), told from numbers that read as counts, dates or ranges. */
import type { Lexicon } from '../../lexicon';
import { segment } from '../../segmenter';
import type { RuleContext } from '../../types';
import { bridgingWord, hanTail } from '../../analysis/sentence-break';
import { countFollows, type LearnedNeighbours, measureEvidence } from './quantity';
import { charAt, charBefore, isDigitChar } from './text';

/** Digits (1–4) between two Han characters, with at most one space on each side. */
const DIGITS_IN_WORD = /(?<=\p{Script=Han}[ \t]?)\d{1,4}(?=[ \t]?\p{Script=Han})/gu;
/** DIGITS_IN_WORD anchored where it is tried. */
const DIGITS_IN_WORD_AT = new RegExp(DIGITS_IN_WORD.source, 'uy');

/**
 * The matches of DIGITS_IN_WORD, in order, the pattern tried only where it can
 * match — at the first digit of a run, after a space, a tab or a character from
 * U+2E80 up (every Han one) — instead of, lookbehind first, at every character.
 */
function digitsInWords(text: string): RegExpExecArray[] {
  const found: RegExpExecArray[] = [];
  let from = 0;
  for (let i = 1; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x30 || code > 0x39 || i < from) continue;
    const before = text.charCodeAt(i - 1);
    if (!(before === 0x20 || before === 0x09 || before >= 0x2e80)) continue;
    DIGITS_IN_WORD_AT.lastIndex = i;
    const m = DIGITS_IN_WORD_AT.exec(text);
    if (!m) continue;
    found.push(m);
    from = m.index + m[0].length;
  }
  return found;
}

/** A digit run inside a word (医7疗): the Han characters on either side make a word without it. */
export function reportDigitsInWords(ctx: RuleContext, learned: LearnedNeighbours): void {
  const masked = ctx.text.masked;
  for (const m of digitsInWords(masked)) {
    const start = m.index!;
    const end = start + m[0].length;
    const from = masked[start - 1] === ' ' || masked[start - 1] === '\t' ? start - 1 : start;
    const to = masked[end] === ' ' || masked[end] === '\t' ? end + 1 : end;
    const slip = judgeDigitsBetween(ctx.lexicon, learned, masked, from, to, Number(m[0]));
    if (!slip) continue;
    ctx.report({
      offset: from,
      length: to - from,
      message: `疑为误入词中的数字“${m[0]}”，应删除（“${slip.word}”）`,
      evidence: slip.evidence,
      subject: m[0],
      fixes: [{ title: `删除数字“${m[0]}”`, edits: [{ offset: from, length: to - from, newText: '' }] }],
    });
  }
}

/** Parts of speech of a single character that cannot end a phrase on its own before a number: a noun fragment (部|门, 值|守). */
const NOUN_POS = /^(?:n[a-z]?|vn|j)$/;
/** Numerals that make the character after them a count (两市4县, 第七师123团). */
const CHINESE_NUMERAL = /^[一二三四五六七八九十两百千万]$/;
/** Units of the calendar and the clock: a number before one is a date or a time after any word (卡桑旅1日称). */
const CALENDAR_UNITS = '年月日时分秒号';
/** What ends a clause right after a count. */
const CLAUSE_END = /^[，。；、！？：,;!?:\r\n）)]$/;
/** Words that join two numbers into a range, a coordination or a score: the grammar of numbers, not a vocabulary. */
const NUMBER_CONNECTORS = '到至和与或及比';
/**
 * Least lexicon frequency for the word a digit run cuts to count as evidence
 * (践|行 30, 值|守 15). Chosen on half A of the development corpus: below it, chance
 * words across a real number (鸣|响, 师|团) outweigh the slips they catch.
 */
const CUT_WORD_MIN_FREQ = 3;
/** How far back (characters) an enumeration before a count (江苏、浙江2省) is looked for. */
const ENUMERATION_WINDOW = 40;

interface DigitSlip {
  word: string;
  evidence: string;
}

/**
 * Digits between two Han characters at [from, to): a slip inside a word (经7济,
 * 部7门), or a number that reads as one. It is a number when it counts like its
 * neighbours (3死10伤, 5金2银3铜, 两市4县), when it counts a list before it
 * (江苏、浙江2省) or when a measure word follows a finished word (有3家, 本院3方);
 * it is a slip when the Han text around it makes a word once it is gone and the
 * character before it is a fragment of that word.
 */
function judgeDigitsBetween(lexicon: Lexicon, learned: LearnedNeighbours, masked: string, from: number, to: number, value: number): DigitSlip | null {
  const before = charBefore(masked, from);
  const after = charAt(masked, to);
  if (!before || !after || before === '第') return null;
  // A series of counts: the neighbours are counts themselves.
  let back = from - before.length;
  while (masked[back - 1] === ' ' || masked[back - 1] === '\t') back--;
  const beyondBefore = charBefore(masked, back);
  if (isDigitChar(beyondBefore) || (beyondBefore !== undefined && CHINESE_NUMERAL.test(beyondBefore))) return null;
  if (countFollows(lexicon, masked, to + after.length)) return null;
  // A range or a coordination of numbers (3到6倍, 3至5年, 3比2).
  if (NUMBER_CONNECTORS.includes(after) && isDigitChar(masked[to + after.length])) return null;
  const left = masked.slice(Math.max(0, from - 8), from);
  const right = masked.slice(to, to + 8);
  // Name the common word the digits cut (医|疗 in 医疗卫生) when there is one, else the rarer entry.
  const word = bridgingWord(lexicon, left, right) ?? bridgingWord(lexicon, left, right, CUT_WORD_MIN_FREQ);
  if (!word) return null;
  const left_ = leftPiece(lexicon, left);
  if (left_ === 'word' && value >= 2 && enumerationBefore(masked, from) === value) return null;
  // 有3家, 卡桑旅1日, 新店395家: a measure word by its part of speech reads as a count or a date
  // after anything (a noun with its count after it is ordinary news style); 本院3方, 开行80列:
  // one known only from usage, after a whole word or a word that leads into numbers.
  const measure = measureEvidence(lexicon, learned, right);
  if (measure === 'pos' && (left_ !== 'fragment' || CALENDAR_UNITS.includes(after))) return null;
  // 新增首店301家。: a measure word that closes the clause is a count written after its noun.
  if (measure === 'pos' && CLAUSE_END.test(masked[to + after.length] ?? '\n')) return null;
  if (measure === 'learned' && (left_ === 'word' || left_ === 'introducer')) return null;
  return {
    word,
    evidence:
      measure !== null
        ? `去掉数字后“${word}”成词；数字前的“${before}”是词的一半，读不成“${before}${value}${after}”这样的数量。`
        : `去掉数字后“${word}”成词；“${after}”不是量词或单位，语料中也很少紧跟在数字后面。`,
  };
}

/** Parts of speech of a single character that leads into a number (约, 共, 这, 等, 第): adverbs, prepositions, pronouns, particles, locatives, numerals. */
const INTRODUCER_POS = /^(?:d|p|r|c|u[a-z]?|m|t|q)$/;

/**
 * How the Han text before a number ends: on a whole word (陕西|, 本院|), on a single
 * character that leads into numbers (约|, 这|), on another single word (有|, 加|), or
 * on a fragment the lexicon does not know alone as anything but a noun (部|门).
 */
function leftPiece(lexicon: Lexicon, left: string): 'word' | 'introducer' | 'open' | 'fragment' {
  const tokens = segment(lexicon, hanTail(left, 4));
  const last = tokens[tokens.length - 1];
  if (!last) return 'fragment';
  if (last.word.length >= 2) return last.known ? 'word' : 'fragment';
  const pos = lexicon.pos(last.word);
  // Not what the corpus writes before numbers: in a large archive that is every subject of a date (会3日, 国1日).
  if (pos !== undefined && INTRODUCER_POS.test(pos)) return 'introducer';
  return pos !== undefined && !NOUN_POS.test(pos) ? 'open' : 'fragment';
}

/**
 * The items of a list that runs up to `at` within the clause (江苏、浙江|2省: 2), or 0 when none does. A
 * number that counts a list equals its items; one that does not (教育、科技和人力7资源) is no count.
 */
function enumerationBefore(masked: string, at: number): number {
  let marks = 0;
  for (let i = at - 1; i >= Math.max(0, at - ENUMERATION_WINDOW); i--) {
    const ch = masked[i];
    if (ch === '、' || ch === '和' || ch === '及' || ch === '与') marks++;
    else if ('，。；：！？“”（）\n,;:!?'.includes(ch)) break;
  }
  return marks > 0 ? marks + 1 : 0;
}
