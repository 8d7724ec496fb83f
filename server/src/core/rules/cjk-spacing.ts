/**
 * cjk-spacing: a space typed between a Han character and a number or a Latin word
 * (做好 4个方面, 第 7页, HIT 专家网) where the house writes them together. The house
 * habit is learned (model.style.spacing): the rule speaks only when the corpus
 * clearly writes such junctions without a space (90% of junctions, or nearly every
 * document with a habit of its own), and it never asks for a space to be
 * inserted, whatever the corpus does.
 *
 * Deliberately ignored: spaces inside Western phrases and codes (CN 11-0010,
 * 10 MB, GB/T 15834, 7 / 88 page markers), lines laid out with runs of spaces or
 * tabs (tables, mastheads, aligned credits), indentation and trailing spaces, and
 * spaces between two Han characters (编辑 张 喆 is a typographic convention).
 */
import type { Rule } from '../types';
import { styleOf, type StyleSection, type SpacingCount } from '../model/sections/style';
import { charAt, charBefore, isHan } from './shared/cjk';

export type JunctionKind = 'digit' | 'latin';

/** Where a Han character meets a number or a Latin word, with or without a space between. */
export interface SpacingJunction {
  kind: JunctionKind;
  spaced: boolean;
  /** The Han character and the whole token, with the space between them (if any). */
  start: number;
  end: number;
  /** Offset of the single space, when spaced. */
  space: number;
}

const TOKEN = /[A-Za-z0-9][A-Za-z0-9.%+\-/_#&'’]*/g;
/** Two blanks, a tab or an ideographic space between visible characters: the line is laid out, not typed. */
const LAYOUT = /\S(?:[ \u3000]{2,}|\t|\u3000)\S/;

interface Token {
  start: number;
  end: number;
  kind: JunctionKind | 'code';
}

function classify(token: string): JunctionKind | 'code' {
  if (/[A-Za-z]/.test(token)) return 'latin';
  if (/^\d+(?:\.\d+)?%?$/.test(token)) return 'digit';
  return 'code';
}

/** 324.99 万 65 岁: a numeral unit closing one number before the next one starts; the space keeps them apart. */
function followsQuantity(text: string, hanStart: number, han: string): boolean {
  if (!/[万亿千百兆]/.test(han)) return false;
  const before = text[hanStart - 1] === ' ' ? text[hanStart - 2] : text[hanStart - 1];
  return before !== undefined && /[0-9]/.test(before);
}

/** Every Han–number and Han–Latin junction in `text`. Shared with the style learner so both count the same thing. */
export function findSpacingJunctions(text: string): SpacingJunction[] {
  const junctions: SpacingJunction[] = [];
  const linePattern = /[^\r\n]+/g;
  for (const lineMatch of text.matchAll(linePattern)) {
    const line = lineMatch[0];
    const base = lineMatch.index!;
    if (LAYOUT.test(line.replace(/^[\s\u3000]+|[\s\u3000]+$/g, ''))) continue;

    const tokens: Token[] = [];
    for (const m of line.matchAll(TOKEN)) {
      const raw = m[0].replace(/[.'’\-/_#&+]+$/, '');
      tokens.push({ start: base + m.index!, end: base + m.index! + raw.length, kind: classify(raw) });
    }
    for (let t = 0; t < tokens.length; t++) {
      const token = tokens[t];
      if (token.kind === 'code') continue;
      // A token joined by a single space to another Western token belongs to a phrase or a code: leave it.
      const joinedLeft = t > 0 && text.slice(tokens[t - 1].end, token.start) === ' ';
      const joinedRight = t + 1 < tokens.length && text.slice(token.end, tokens[t + 1].start) === ' ';
      if (joinedLeft || joinedRight) continue;

      const left = charBefore(text, token.start);
      if (isHan(left)) junctions.push({ kind: token.kind, spaced: false, start: token.start - left!.length, end: token.end, space: -1 });
      else if (left === ' ') {
        const han = charBefore(text, token.start - 1);
        if (isHan(han) && !followsQuantity(text, token.start - 1 - han!.length, han!)) junctions.push({ kind: token.kind, spaced: true, start: token.start - 1 - han!.length, end: token.end, space: token.start - 1 });
      }
      const right = charAt(text, token.end);
      if (isHan(right)) junctions.push({ kind: token.kind, spaced: false, start: token.start, end: token.end + right!.length, space: -1 });
      else if (right === ' ') {
        const han = charAt(text, token.end + 1);
        if (isHan(han)) junctions.push({ kind: token.kind, spaced: true, start: token.start, end: token.end + 1 + han!.length, space: token.end });
      }
    }
  }
  return junctions;
}

/** Share of junctions the corpus must write tight before a space counts as a deviation. */
export const TIGHT_THRESHOLD = 0.9;
/** Fewer junctions than this say nothing about a house style. */
export const MIN_EVIDENCE = 20;

function countFor(style: StyleSection, kind: JunctionKind): SpacingCount {
  return kind === 'digit' ? style.spacing.hanDigit : style.spacing.hanLatin;
}

/**
 * Is the learned house style clearly “no space” for this kind of junction? Either
 * the junctions themselves are ≥ 90% tight, or the documents with a habit of their
 * own mostly write tight and none writes spaced (so one inconsistent PDF compendium
 * in the corpus does not hide the habit of every issue).
 */
export function houseWritesTight(style: StyleSection, kind: JunctionKind): boolean {
  const { spaced, tight, documents } = countFor(style, kind);
  const total = spaced + tight;
  if (total < MIN_EVIDENCE) return false;
  if (tight / total >= TIGHT_THRESHOLD) return true;
  const voting = documents.tight + documents.spaced + documents.mixed;
  return documents.tight >= 2 && documents.spaced === 0 && documents.tight >= 0.75 * voting;
}

const KIND_NAMES: Record<JunctionKind, string> = { digit: '数字', latin: '外文' };

export const cjkSpacing: Rule = {
  meta: {
    id: 'cjk-spacing',
    category: 'spacing',
    defaultSeverity: 'info',
    fixable: true,
    scope: 'paragraph',
    docs: {
      summary: '汉字与数字、外文之间的空格不合本报体例',
      gloss: 'Spaces between Chinese and digits/Latin against the house style',
      why:
        '同一份报纸里“做好4个方面”和“做好 4个方面”混用，版面疏密不一，多来自 PDF 转录或外部来稿。本规则只在语料库明确不加空格（九成以上）时提示删去空格，从不要求添加空格。',
      example: { bad: '做好 4个方面，第 7页', good: '做好4个方面，第7页' },
      reference: '本报体例（由语料库学习）；GB/T 15834-2011 未规定汉字与数字间加空格',
    },
  },
  checkParagraph(ctx, paragraph) {
    const style = styleOf(ctx.model);
    const tightKinds = new Set<JunctionKind>((['digit', 'latin'] as const).filter((k) => houseWritesTight(style, k)));
    if (tightKinds.size === 0) return;
    const text = paragraph.text;
    for (const junction of findSpacingJunctions(text)) {
      if (!junction.spaced || !tightKinds.has(junction.kind)) continue;
      const joined = text.slice(junction.start, junction.space) + text.slice(junction.space + 1, junction.end);
      const { spaced, tight, documents } = countFor(style, junction.kind);
      ctx.report({
        offset: junction.start,
        length: junction.end - junction.start,
        message: `汉字与${KIND_NAMES[junction.kind]}之间多了空格，应为“${joined}”`,
        evidence: `本语料库汉字与${KIND_NAMES[junction.kind]}相接处不空格 ${tight} 次、空格 ${spaced} 次；${documents.tight} 篇文档一律不空格，${documents.spaced} 篇一律空格`,
        subject: text.slice(junction.start, junction.end),
        fixes: [{ title: '删去空格', edits: [{ offset: junction.space, length: 1, newText: '' }] }],
      });
    }
  },
};
