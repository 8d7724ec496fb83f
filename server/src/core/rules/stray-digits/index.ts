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
import type { Rule } from '../../types';
import { reportLineNumbers } from './line-numbers';
import { reportInlineMarkers, reportMarkerLines } from './page-markers';
import { learnedNeighbours } from './quantity';
import { reportDigitsInWords } from './slips';

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
      why: '从 PDF 或排版软件复制出的稿子常夹带页码（“12 / 40”）、行号，或把数字误插进词语中间（医7疗）。这些数字读者一眼能看出是错，校对却容易漏看，因为每个字都“认识”。本规则只报告读不成数量、日期、序号或编号的数字。',
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
