/**
 * stray-digits: numbers that layout left in the text and that belong to no
 * sentence — a PDF page marker (“7 / 88”) on a line of its own or dropped into a
 * sentence, a digit run typed or pasted inside a word (医7疗), and a line number
 * at the start of a line that carries on the previous sentence. It deliberately
 * ignores every number that reads as a number: dates and times, quantities with a
 * measure word, percentages and decimals, ordinals (第4版), codes and hotlines
 * (CN 11-0010, 邮发代号 1-20, “12356”), formulas (1+N), year ranges (2016—2030),
 * list numbers (1. 2. (1)), model numbers and English text (5G, COVID-19, H1N1).
 * A number counts as a quantity when the character next to it is a measure word,
 * unit or time word — from a small general list and, above all, from the
 * characters the learned corpus writes next to numbers.
 */
import type { Lexicon } from '../../lexicon';
import type { DigitsSection } from '../../model/sections/digits';
import type { TextModel } from '../../text';
import { segment } from '../../segmenter';
import type { Rule, RuleContext } from '../../types';
import { isHanAt, isHanBefore } from '../../analysis/han';
import { INLINE_MARKER, isPlausiblePage, parseMarkerLine } from '../../analysis/page-marker';
import {
  bridgingWord,
  hanHead,
  hanTail,
  isHeadlineShaped,
  isSelfContainedLine,
  lineEndKind,
  lineStartKind,
  startsNewUnit,
  trimLine,
} from '../../analysis/sentence-break';

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
/** Digits opening a line, followed by a Han character (a stray line number if the line carries on the sentence). */
const LINE_NUMBER = /^[ \t]*(\d{1,4})[ \t]*(?=\p{Script=Han})/gmu;
const MARKER_LINE = /^[ \t\u3000]*\d{1,4}[ \t]*\/[ \t]*\d{1,4}[ \t\u3000]*$/gm;

export const strayDigits: Rule = {
  meta: {
    id: 'stray-digits',
    category: 'digits',
    defaultSeverity: 'error',
    fixable: true,
    fixKind: 'suggestion',
    fixKindNote: '页码独占一行时删除为安全修复；句中的页码、词中的数字、行首行号为建议',
    scope: 'document',
    docs: {
      summary: '排版遗留的页码、行号或夹在词中的数字',
      gloss: 'Page markers, line numbers and digits left inside words by layout',
      why:
        '从 PDF 或排版软件复制出的稿子常夹带页码（“12 / 40”）、行号，或把数字误插进词语中间（医7疗）。这些数字读者一眼能看出是错，校对却容易漏看，因为每个字都“认识”。本规则只报告读不成数量、日期、序号或编号的数字。',
      example: { bad: '会议强调，要持续推进基层医疗卫生\n\n12 / 40\n\n服务能力建设。', good: '会议强调，要持续推进基层医疗卫生服务能力建设。' },
    },
  },
  checkDocument(ctx) {
    const text = ctx.text;
    const masked = text.masked;
    if (!/\d/.test(masked)) return;
    const markerTotals = reportMarkerLines(ctx);
    const learned = learnedNeighbours(ctx.model.digits);
    reportInlineMarkers(ctx, markerTotals, learned);
    reportDigitsInWords(ctx, learned);
    reportLineNumbers(ctx, learned);
  },
};

/** Page markers on a line of their own; returns how many lines show each page total, to vouch for inline markers. */
function reportMarkerLines(ctx: RuleContext): Map<number, number> {
  const text = ctx.text;
  const masked = text.masked;
  const totals = new Map<number, number>();
  const markers: Array<{ index: number; shown: string; total: number }> = [];
  for (const m of masked.matchAll(MARKER_LINE)) {
    const marker = parseMarkerLine(m[0]);
    if (!marker) continue;
    totals.set(marker.total, (totals.get(marker.total) ?? 0) + 1);
    markers.push({ index: m.index!, shown: m[0].trim(), total: marker.total });
  }
  for (const marker of markers) {
    const line = text.positionAt(marker.index).line;
    const shown = marker.shown;
    const join = joinAcross(ctx, line);
    const evidence = markerEvidence(ctx.model.digits, marker.total, totals);
    if (join) {
      ctx.report({
        offset: join.start,
        length: join.end - join.start,
        message: `疑为排版遗留的页码“${shown}”，应删除并接排为“${join.joined}”`,
        evidence,
        subject: shown,
        fixes: [{ title: `删除页码“${shown}”并接排`, edits: [{ offset: join.start, length: join.end - join.start, newText: '' }], kind: 'safe' }],
      });
    } else {
      const { start, end } = wholeLine(text, line);
      ctx.report({
        offset: start,
        length: end - start,
        message: `疑为排版遗留的页码“${shown}”，应删除`,
        evidence,
        subject: shown,
        // A page marker alone on its line is mechanical; digits inside a sentence stay a suggestion.
        fixes: [{ title: `删除页码“${shown}”`, edits: [{ offset: start, length: end - start, newText: '' }], kind: 'safe' }],
      });
    }
  }
  return totals;
}

/** Page markers dropped into a sentence (“基层卫生 12 / 40 工作座谈会”). */
function reportInlineMarkers(ctx: RuleContext, totals: Map<number, number>, learned: LearnedNeighbours): void {
  const masked = ctx.text.masked;
  for (const m of masked.matchAll(INLINE_MARKER)) {
    const page = Number(m[1]);
    const total = Number(m[2]);
    if (!isPlausiblePage(page, total)) continue;
    const start = m.index!;
    const end = start + m[0].length;
    const lineStart = lastLineBreak(masked, start);
    const lineEnd = nextLineBreak(masked, end);
    if (masked.slice(lineStart, start).trim() === '' && masked.slice(end, lineEnd).trim() === '') continue; // a marker line
    // Widen over the spaces around the marker; keep one space when a side is not Chinese.
    let from = start;
    while (from > lineStart && (masked[from - 1] === ' ' || masked[from - 1] === '\t')) from--;
    let to = end;
    while (to < lineEnd && (masked[to] === ' ' || masked[to] === '\t')) to++;
    const hanBefore = isHanBefore(masked, from);
    const hanAfter = isHanAt(masked, to);
    if (!hanBefore && !hanAfter) continue;
    // A fraction reads on into a measure word (36 / 60 项); a marker interrupts, often inside a word (公 36 / 60 平).
    const cutsWord = hanBefore && hanAfter && bridgingWord(ctx.lexicon, masked.slice(Math.max(0, from - 8), from), masked.slice(to, to + 8)) !== null;
    if (hanAfter && !cutsWord && isQuantityFollower(learned, charAt(masked, to))) continue;
    if (!totals.has(total) && !(total >= 10 && hanBefore && hanAfter)) continue;
    const keepSpace = !(hanBefore && hanAfter) && from < start && to > end;
    const shown = m[0];
    ctx.report({
      offset: from,
      length: to - from,
      message: `疑为排版遗留的页码“${shown}”，应删除`,
      evidence: markerEvidence(ctx.model.digits, total, totals),
      subject: shown,
      fixes: [{ title: `删除页码“${shown}”`, edits: [{ offset: from, length: to - from, newText: keepSpace ? ' ' : '' }] }],
    });
  }
}

/** A digit run inside a word (医7疗): the Han characters on either side make a word without it. */
function reportDigitsInWords(ctx: RuleContext, learned: LearnedNeighbours): void {
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

/** A number opening a line whose previous line stops mid-word (“…推动高质\n12 量发展”). */
function reportLineNumbers(ctx: RuleContext, learned: LearnedNeighbours): void {
  const text = ctx.text;
  const masked = text.masked;
  for (const m of masked.matchAll(LINE_NUMBER)) {
    const numberStart = m.index! + m[0].indexOf(m[1]);
    const to = m.index! + m[0].length;
    const after = charAt(masked, to);
    if (isQuantityFollower(learned, after)) continue;
    const line = text.positionAt(numberStart).line;
    const previous = previousContentLine(text, line);
    if (previous === null) continue;
    const prevText = trimLine(masked.slice(text.lineStart(previous), text.lineEnd(previous)));
    const end = lineEndKind(prevText);
    if (end !== 'han' && end !== 'comma') continue;
    if (isSelfContainedLine(prevText)) continue;
    const word = bridgingWord(ctx.lexicon, prevText, masked.slice(to, to + 8));
    if (!word) continue;
    ctx.report({
      offset: numberStart,
      length: to - numberStart,
      message: `疑为排版遗留的行号“${m[1]}”，应删除（上一行与本行接成“${word}”）`,
      evidence: `上一行在词中断开，去掉行首数字后“${word}”成词；“${after}”不是量词、单位或时间词。`,
      subject: m[1],
      fixes: [{ title: `删除行号“${m[1]}”`, edits: [{ offset: numberStart, length: to - numberStart, newText: '' }] }],
    });
  }
}

/** Parts of speech of a word that makes it a measure word, unit or time word (公里, 万元, 周年). */
const MEASURE_WORD_POS = /^(?:q|m|t)$/;
/** Parts of speech that make a character a measure word or unit after a number: jieba's q (个, 家, 项) and m (年, 元, 岁, 吨). */
const MEASURE_POS = new Set(['q', 'm']);
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
 * Least lexicon frequency for the word a digit run cuts to count as evidence
 * (践|行 30, 值|守 15). Chosen on half A of the development corpus: below it, chance
 * words across a real number (鸣|响, 师|团) outweigh the slips they catch.
 */
const CUT_WORD_MIN_FREQ = 3;
/** How far back (characters) an enumeration before a count (江苏、浙江2省) is looked for. */
const ENUMERATION_WINDOW = 40;

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
interface LearnedNeighbours {
  after(ch: string): boolean;
  /** Among the commonest neighbours of numbers (人, 年, 个): as good as a measure word's part of speech. */
  afterOften(ch: string): boolean;
}

function learnedNeighbours(digits: DigitsSection): LearnedNeighbours {
  const total = (counts: Record<string, number> | undefined) => Object.values(counts ?? {}).reduce((a, b) => a + b, 0);
  const afterTotal = total(digits.after);
  const afterMin = Math.max(LEARNED_AFTER_MIN, LEARNED_SHARE * afterTotal);
  return {
    after: (ch) => (digits.after?.[ch] ?? 0) >= afterMin,
    afterOften: (ch) => (digits.after?.[ch] ?? 0) >= Math.max(afterMin, LEARNED_OFTEN_SHARE * afterTotal),
  };
}

function isQuantityFollower(learned: LearnedNeighbours, ch: string | undefined): boolean {
  if (!ch) return false;
  return QUANTITY_FOLLOWERS.has(ch) || learned.after(ch);
}

/**
 * Why the text after a number (`right`) starts with a measure word or unit: the
 * lexicon's part of speech of its first character (家, 年) or of the word it opens
 * (公里, 周年), or what the corpus writes after numbers. A character that the text
 * reads as the start of a commoner word (集|团, 关|系) stands for no measure word.
 */
function measureEvidence(lexicon: Lexicon, learned: LearnedNeighbours, right: string): 'pos' | 'learned' | null {
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
function countFollows(lexicon: Lexicon, masked: string, at: number): boolean {
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
  if (left_ === 'word' && value >= 2 && enumerationBefore(masked, from)) return null;
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
    evidence: measure !== null
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

/** A list runs up to `at` within the clause (江苏、浙江|2省): the number counts its items. */
function enumerationBefore(masked: string, at: number): boolean {
  for (let i = at - 1; i >= Math.max(0, at - ENUMERATION_WINDOW); i--) {
    const ch = masked[i];
    if (ch === '、' || ch === '和' || ch === '及' || ch === '与') return true;
    if ('，。；：！？“”（）\n,;:!?'.includes(ch)) return false;
  }
  return false;
}

function isDigitChar(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '9' && ch.length === 1;
}

/**
 * When a marker line sits between two halves of one sentence, the span from the end
 * of the first half to the start of the second (marker, blank lines, indentation),
 * to delete so the sentence joins up again.
 */
function joinAcross(ctx: RuleContext, markerLine: number): { start: number; end: number; joined: string } | null {
  const text = ctx.text;
  const previous = previousContentLine(text, markerLine);
  const next = nextContentLine(text, markerLine);
  if (previous === null || next === null) return null;
  const masked = text.masked;
  const prevRaw = masked.slice(text.lineStart(previous), text.lineEnd(previous));
  const nextRaw = masked.slice(text.lineStart(next), text.lineEnd(next));
  const prev = trimLine(prevRaw);
  const nextLine = trimLine(nextRaw);
  if (parseMarkerLine(prev) || parseMarkerLine(nextLine)) return null;
  const end = lineEndKind(prev);
  if (end !== 'han' && end !== 'comma' && end !== 'opener') return null;
  const start = lineStartKind(nextLine);
  if (start !== 'han' && start !== 'punct') return null;
  if (isSelfContainedLine(prev) || startsNewUnit(nextLine)) return null;
  // A short unpunctuated line before the marker is a headline unless a word runs across.
  const word = bridgingWord(ctx.lexicon, prev, nextLine);
  if (isHeadlineShaped(prev, 24) && !word) return null;
  const from = text.lineStart(previous) + prevRaw.trimEnd().length;
  const to = text.lineStart(next) + (nextRaw.length - nextRaw.trimStart().length);
  const joined = tail(prev, 4) + head(nextLine, 4);
  return { start: from, end: to, joined };
}

function markerEvidence(digits: DigitsSection, total: number, totals: Map<number, number>): string {
  const parts = [`形如“页码 / 总页数”，总页数 ${total}`];
  const lines = totals.get(total) ?? 0;
  if (lines >= 2) parts.push(`本文共有 ${lines} 行总页数为 ${total} 的页码`);
  // A model learned before page markers were counted has no pageMarkers.
  const seen = (digits.pageMarkers?.ownLine ?? 0) + (digits.pageMarkers?.inline ?? 0);
  if (seen > 0) parts.push(`语料中见过 ${seen} 处这样的排版页码`);
  return parts.join('；') + '。';
}

function wholeLine(text: TextModel, line: number): { start: number; end: number } {
  const start = text.lineStart(line);
  if (line + 1 < text.lineCount) return { start, end: text.lineStart(line + 1) };
  // The last line: take the line break before it instead.
  const end = text.lineEnd(line);
  return { start: line > 0 ? text.lineEnd(line - 1) : start, end };
}

function previousContentLine(text: TextModel, line: number): number | null {
  for (let l = line - 1; l >= 0; l--) {
    const content = text.masked.slice(text.lineStart(l), text.lineEnd(l));
    if (content.trim() !== '') return l;
    if (text.lineText(l).trim() !== '') return null; // masked content (code, a comment) in between
  }
  return null;
}

function nextContentLine(text: TextModel, line: number): number | null {
  for (let l = line + 1; l < text.lineCount; l++) {
    const content = text.masked.slice(text.lineStart(l), text.lineEnd(l));
    if (content.trim() !== '') return l;
    if (text.lineText(l).trim() !== '') return null;
  }
  return null;
}

/** Just after the last line break before `i`, or 0 (read back to it: a draft without \r must not be searched whole for one). */
function lastLineBreak(text: string, i: number): number {
  for (let j = Math.max(0, i - 1); j >= 0; j--) {
    const code = text.charCodeAt(j);
    if (code === 10 || code === 13) return j + 1;
  }
  return 0;
}

/** The first line break at or after `i`, or the text's length. */
function nextLineBreak(text: string, i: number): number {
  for (let j = Math.max(0, i); j < text.length; j++) {
    const code = text.charCodeAt(j);
    if (code === 10 || code === 13) return j;
  }
  return text.length;
}

function charAt(text: string, i: number): string | undefined {
  if (i < 0 || i >= text.length) return undefined;
  return String.fromCodePoint(text.codePointAt(i)!);
}

function charBefore(text: string, i: number): string | undefined {
  if (i <= 0) return undefined;
  const low = text.charCodeAt(i - 1);
  if (low >= 0xdc00 && low <= 0xdfff && i >= 2) return text.slice(i - 2, i);
  return text[i - 1];
}

function tail(line: string, n: number): string {
  return [...line].slice(-n).join('');
}

function head(line: string, n: number): string {
  return [...line].slice(0, n).join('');
}
