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
import { findSpacingJunctions, type JunctionKind } from '../analysis/spacing';
import { fixer, makeFix } from '../fixer';

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

/** Per linter: the model's style and the junction kinds the house writes tight, worked out once rather than per paragraph. */
interface SpacingState {
  style: StyleSection;
  tightKinds: Set<JunctionKind>;
}

const KIND_NAMES: Record<JunctionKind, string> = { digit: '数字', latin: '外文' };

export const cjkSpacing: Rule<SpacingState> = {
  meta: {
    id: 'cjk-spacing',
    category: 'spacing',
    defaultSeverity: 'info',
    fixable: true,
    fixKind: 'safe',
    scope: 'paragraph',
    docs: {
      summary: '汉字与数字、外文之间的空格不合本报体例',
      gloss: 'Spaces between Chinese and digits/Latin against the house style',
      why: '同一份报纸里“做好4个方面”和“做好 4个方面”混用，版面疏密不一，多来自 PDF 转录或外部来稿。本规则只在语料库明确不加空格（九成以上）时提示删去空格，从不要求添加空格。',
      example: { bad: '做好 4个方面，第 7页', good: '做好4个方面，第7页' },
      reference: '本报体例（由语料库学习）；GB/T 15834-2011 未规定汉字与数字间加空格',
    },
  },
  createState(model) {
    const style = styleOf(model);
    return { style, tightKinds: new Set((['digit', 'latin'] as const).filter((k) => houseWritesTight(style, k))) };
  },
  checkParagraph(ctx, paragraph) {
    const { style, tightKinds } = ctx.state;
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
        fixes: [makeFix('删去空格', fixer.removeRange([junction.space, junction.space + 1]))],
      });
    }
  },
};
