/**
 * paired-punctuation: an opening or closing mark of “” ‘’ 《》 〈〉 （） 【】 〔〕 「」 『』
 * left without its partner. Pairs are matched through nesting (“…‘…’…”) and
 * across paragraph breaks where the text says the sentence goes on: a paragraph
 * that does not end a sentence (a hard-wrapped PDF line, a heading broken by a
 * column) carries its open marks into the next one, and a quotation that runs over
 * several paragraphs (or lines, in copy written one paragraph a line) may open each
 * of them with “ and close only in the last, as
 * GB/T 15834-2011 4.8 allows. Half-width ( ) pair with （ ） so “（…)” is not
 * reported as two strays (punctuation-width fixes the width).
 *
 * Deliberately ignored: ASCII quotes " ' (their direction is unknowable), ’ used as
 * an English apostrophe (China’s, students’), enumerations written 1） a） 一）
 * at a line start, and half-width brackets away from Chinese text (smileys,
 * English “1)” lists, code). Only one fix is offered, where it is safe: an opening
 * quote typed at the end of a quotation (他说：“好。“) becomes the closing one.
 */
import type { Rule, RuleContext } from '../types';
import type { Paragraph } from '../text';
import { charAt, charBefore, isLatinLetter } from '../analysis/cjk';
import { isHanChar } from '../analysis/han';
import { displayWidth, hardWrapWidth } from '../analysis/sentence-break';

const OPENERS: Readonly<Record<string, string>> = {
  '“': 'quote',
  '‘': 'single',
  '《': 'book',
  '〈': 'book-single',
  '（': 'paren',
  '(': 'paren',
  '【': 'lenticular',
  '〔': 'tortoise',
  '「': 'corner',
  '『': 'corner-double',
};
const CLOSERS: Readonly<Record<string, string>> = {
  '”': 'quote',
  '’': 'single',
  '》': 'book',
  '〉': 'book-single',
  '）': 'paren',
  ')': 'paren',
  '】': 'lenticular',
  '〕': 'tortoise',
  '」': 'corner',
  '』': 'corner-double',
};
const PARTNER: Readonly<Record<string, string>> = {
  '“': '”',
  '‘': '’',
  '《': '》',
  '〈': '〉',
  '（': '）',
  '(': '）',
  '【': '】',
  '〔': '〕',
  '「': '」',
  '『': '』',
  '”': '“',
  '’': '‘',
  '》': '《',
  '〉': '〈',
  '）': '（',
  ')': '（',
  '】': '【',
  '〕': '〔',
  '」': '「',
  '』': '『',
};
const NAMES: Readonly<Record<string, string>> = {
  quote: '引号',
  single: '单引号',
  book: '书名号',
  'book-single': '单书名号',
  paren: '括号',
  lenticular: '方头括号',
  tortoise: '六角括号',
  corner: '直角引号',
  'corner-double': '双直角引号',
};
/** A paragraph ending in one of these has finished its sentence; anything else runs on. */
const SENTENCE_END = /[。！？!?…”’」』）)】》：:；;]$/;
/** 1） a） 一） (一） at a line start: enumeration labels with no opening bracket. */
const ENUMERATION = /(?:^|\n)[ \t\u3000]*[(（]?[0-9A-Za-z一二三四五六七八九十]{1,3}[)）]$/;
/** Pairs may stretch over so many characters at most before an unclosed mark is reported. */
const MAX_CARRY = 3000;

interface OpenMark {
  offset: number;
  mark: string;
  family: string;
}

interface Unmatched {
  offset: number;
  mark: string;
  fix?: string;
}

/** ’ between or after Latin letters is an apostrophe, not a closing quote. */
function isApostrophe(text: string, i: number): boolean {
  return isLatinLetter(charBefore(text, i));
}

function isEnumeration(text: string, i: number): boolean {
  return ENUMERATION.test(text.slice(Math.max(0, i - 8), i + 1));
}

/** Characters of the following text searched for the closer of a mark left open at a sentence end. */
const LOOKAHEAD = 600;

/**
 * Does the text after `from` close `family` before opening it again, within
 * LOOKAHEAD characters? Then the paragraph break at `from` only interrupts the
 * quotation (a wrapped line that happened to end with 。).
 */
function closedLater(text: string, from: number, family: string): boolean {
  let depth = 0;
  const limit = Math.min(text.length, from + LOOKAHEAD);
  for (let i = from; i < limit; i++) {
    const c = text[i];
    if (OPENERS[c] === family) depth++;
    else if (CLOSERS[c] === family) {
      if (c === '’' && isApostrophe(text, i)) continue;
      if (depth === 0) return true;
      depth--;
    }
  }
  return false;
}

/**
 * The paragraphs cut at their line breaks, each line without its leading blanks:
 * exported copy writes one paragraph a line, so a quotation over several paragraphs
 * reopens with “ at the start of a line as often as after a blank line. A line that
 * runs on (a hard wrap) carries its open marks to the next one as a paragraph does.
 */
export function lineBlocks(paragraphs: readonly Paragraph[]): Paragraph[] {
  const blocks: Paragraph[] = [];
  for (const paragraph of paragraphs) {
    if (!paragraph.text.includes('\n')) {
      blocks.push({ ...paragraph, index: blocks.length });
      continue;
    }
    let from = 0;
    const body = paragraph.text;
    while (from <= body.length) {
      let to = body.indexOf('\n', from);
      if (to < 0) to = body.length;
      let start = from;
      while (start < to && /[ \t\u3000\r]/.test(body[start])) start++;
      let end = to;
      while (end > start && /[ \t\u3000\r]/.test(body[end - 1])) end--;
      if (end > start) blocks.push({ index: blocks.length, start: paragraph.start + start, end: paragraph.start + end, text: body.slice(start, end) });
      from = to + 1;
    }
  }
  return blocks;
}

function firstVisible(text: string, paragraph: Paragraph): string | undefined {
  return charAt(text, paragraph.start);
}

let pairedMarksPattern: RegExp | undefined;
function pairedMarks(): RegExp {
  pairedMarksPattern ??= new RegExp(
    `[${[...Object.keys(OPENERS), ...Object.keys(CLOSERS)].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('')}]`,
    'g',
  );
  return pairedMarksPattern;
}

export function findUnmatched(text: string, paragraphs: readonly Paragraph[], hardWrapped = true): Unmatched[] {
  const found: Unmatched[] = [];
  let stack: OpenMark[] = [];

  const flush = () => {
    // Two unclosed quotes in a row, the later one against the end of a sentence or clause: it was meant to close.
    for (let k = stack.length - 1; k > 0; k--) {
      const late = stack[k];
      const early = stack[k - 1];
      const closer = PARTNER[late.mark];
      if (late.family !== early.family || late.family !== 'quote') continue;
      const next = charAt(text, late.offset + 1);
      const previous = charBefore(text, late.offset);
      if (next === undefined || /[。，；！？、：\s]/.test(next) || (previous !== undefined && /[。！？…]/.test(previous))) {
        found.push({ offset: late.offset, mark: late.mark, fix: closer });
        stack.splice(k - 1, 2);
        k--;
      }
    }
    for (const open of stack) found.push({ offset: open.offset, mark: open.mark });
    stack = [];
  };

  // The first mark at or after where the previous paragraph's search stopped: marks
  // never sit between paragraphs (only blanks do), so the search runs on from there
  // rather than starting over, and re-reading, at each paragraph.
  const marks = pairedMarks();
  marks.lastIndex = 0;
  let pending = marks.exec(text);
  for (let p = 0; p < paragraphs.length; p++) {
    const paragraph = paragraphs[p];
    let continuesQuote = false;
    if (stack.length > 0 && stack[stack.length - 1].family === 'quote' && firstVisible(text, paragraph) === '“') {
      // GB/T 15834-2011 4.8: a quotation over several paragraphs reopens each one with “.
      continuesQuote = true;
    }
    // Jump from mark to mark: a per-character walk of a large draft was this rule's whole cost.
    if (pending !== null && pending.index < paragraph.start) {
      marks.lastIndex = paragraph.start;
      pending = marks.exec(text);
    }
    for (; pending !== null && pending.index < paragraph.end; pending = marks.exec(text)) {
      const match = pending;
      const i = match.index;
      const c = match[0];
      if (continuesQuote && i === paragraph.start) continue;
      if (c in OPENERS) {
        stack.push({ offset: i, mark: c, family: OPENERS[c] });
      } else if (c in CLOSERS) {
        if (c === '’' && isApostrophe(text, i) && !stack.some((o) => o.family === 'single')) continue;
        const family = CLOSERS[c];
        let at = -1;
        for (let k = stack.length - 1; k >= 0; k--) {
          if (stack[k].family === family) {
            at = k;
            break;
          }
        }
        if (at < 0) {
          if (family === 'paren' && isEnumeration(text, i)) continue;
          found.push({ offset: i, mark: c });
          continue;
        }
        // Openers crossed by this closer were never closed: （“…） leaves “ open.
        for (const crossed of stack.slice(at + 1)) found.push({ offset: crossed.offset, mark: crossed.mark });
        stack.length = at;
      }
    }

    if (stack.length === 0) continue;
    const next = paragraphs[p + 1];
    if (!next) break;
    const body = text.slice(paragraph.start, paragraph.end).replace(/[\s]+$/, '');
    // A line of a hard-wrapped text may end on 。 inside a quotation; a paragraph (or a
    // line of copy written one paragraph a line) that ends a sentence ends its quotations.
    const sameParagraph = !/\n[ \t\u3000\r]*\n/.test(text.slice(paragraph.end, next.start));
    const runsOn = !SENTENCE_END.test(body) || ((hardWrapped || !sameParagraph) && closedLater(text, next.start, stack[stack.length - 1].family));
    const reopens = stack[stack.length - 1].family === 'quote' && firstVisible(text, next) === '“';
    const tooLong = next.end - stack[0].offset > MAX_CARRY;
    if ((runsOn || reopens) && !tooLong) continue;
    flush();
  }
  flush();
  return found.sort((a, b) => a.offset - b.offset);
}

function report(ctx: RuleContext, item: Unmatched): void {
  const family = OPENERS[item.mark] ?? CLOSERS[item.mark];
  const name = NAMES[family];
  const opening = item.mark in OPENERS;
  if (item.fix) {
    ctx.report({
      offset: item.offset,
      length: 1,
      message: `引号方向错误：句末的“${item.mark}”应为后引号“${item.fix}”`,
      evidence: 'GB/T 15834-2011 4.8：引号成对使用，前引号“开，后引号”闭',
      subject: item.mark,
      fixes: [{ title: `改为“${item.fix}”`, edits: [{ offset: item.offset, length: 1, newText: item.fix }] }],
    });
    return;
  }
  const partner = PARTNER[item.mark];
  ctx.report({
    offset: item.offset,
    length: 1,
    message: opening ? `${name}“${item.mark}”未闭合，缺少与之配对的“${partner}”` : `多余的${name}“${item.mark}”，前面没有与之配对的“${partner}”`,
    evidence: 'GB/T 15834-2011 4.8 引号、4.9 括号、4.15 书名号：成对使用；引文分段时每段开头用前引号，仅末段末尾用后引号',
    subject: item.mark,
    fixes: [],
  });
}

export const pairedPunctuation: Rule = {
  meta: {
    id: 'paired-punctuation',
    category: 'punctuation',
    defaultSeverity: 'warning',
    fixable: true,
    fixKind: 'safe',
    scope: 'document',
    docs: {
      summary: '引号、括号、书名号不成对',
      gloss: 'Unpaired quotation marks, brackets and book-title marks',
      why: '少了后引号，读者分不清引语在哪里结束；少了后括号或书名号，注释和书名吞掉了正文。这类差错多出自删改，肉眼在长段落里很难发现。',
      example: { bad: '他说：“要把工作做实。推动落实', good: '他说：“要把工作做实。”推动落实' },
      reference: 'GB/T 15834-2011 4.8 引号（含引文分段时的用法）、4.9 括号、4.15 书名号',
    },
  },
  checkDocument(ctx) {
    const text = ctx.text.masked;
    const widths: number[] = [];
    for (let line = 0; line < ctx.text.lineCount; line++) widths.push(displayWidth(text, ctx.text.lineStart(line), ctx.text.lineEnd(line)));
    const hardWrapped = hardWrapWidth(widths) !== null;
    for (const item of findUnmatched(text, lineBlocks(ctx.text.paragraphs), hardWrapped)) {
      // Half-width parentheses are width problems first; a stray one counts only beside Han text.
      if ((item.mark === '(' || item.mark === ')') && !(isHanChar(charBefore(text, item.offset)) || isHanChar(charAt(text, item.offset + 1)))) continue;
      report(ctx, item);
    }
  },
};
