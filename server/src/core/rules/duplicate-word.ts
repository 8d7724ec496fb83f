/**
 * duplicate-word: a word or character typed twice — a whole word (服务服务), a
 * single character (的的), the first character of a word (提提高), a middle one
 * (研究究生) or the last one where two words meet (季度度). It leaves alone what
 * Chinese repeats on purpose: dictionary reduplications (常常, 看看), repeats inside
 * a longer word (实实在在, 手把手), AABB, 一 + measure word (一艘艘), a noun doubled
 * to mean "every" (村村通), verb reduplication (研究研究), given names, and two
 * words meeting on one character (卫生院|院长, 统战部|部长, 机会|会) — judged from the
 * lexicon's frequencies and parts of speech and from how nouns are built on heads
 * (部, 市, 队), never from a list of strings — and whatever the learned corpus
 * repeats as its own usage. The judgement lives in analysis/repetition.ts, shared
 * with the learner.
 */
import type { Rule } from '../types';
import { explainRepeat, findRepeats } from '../analysis/repetition';
import { hanContextAfter, hanContextBefore, isHanIdeograph } from '../analysis/han';

/** Han characters of context shown around the corrected text in the message. */
const CONTEXT = 2;

export const duplicateWord: Rule = {
  meta: {
    id: 'duplicate-word',
    category: 'duplication',
    defaultSeverity: 'error',
    fixable: true,
    fixKind: 'suggestion',
    scope: 'paragraph',
    docs: {
      summary: '重复的字词',
      gloss: 'A word or character typed twice',
      why: '重复录入是排版前最常见的硬伤：整词重复（服务服务）、单字重复（的的）、词语交界处的字重复（季度度）。拼写检查器看不出来，因为每个字都是正确的字。本规则只报告词典和语料都无法解释的重复，叠词、词语交界和人名不报。',
      example: { bad: '以社区为为重点', good: '以社区为重点' },
    },
  },
  checkParagraph(ctx, paragraph) {
    const text = paragraph.text;
    for (const repeat of findRepeats(text)) {
      if (explainRepeat(text, repeat, ctx.lexicon, ctx.model.repeats) !== null) continue;
      const { start, unit, copies } = repeat;
      const end = start + copies * unit;
      const span = text.slice(start, end);
      if (ctx.isAllowed(span)) continue;
      const copy = text.slice(start, start + unit);
      const extra = copies > 2 ? `${copies - 1}个` : '';
      const corrected = hanContextBefore(text, start, CONTEXT, isHanIdeograph) + copy + hanContextAfter(text, end, CONTEXT, isHanIdeograph);
      ctx.report({
        offset: paragraph.start + start,
        length: end - start,
        message: `重复的“${copy}”，应为“${corrected}”`,
        evidence: `“${span}”不是词典中的词，也不是叠词、人名或两个词的交界；语料库中没有这样的写法。`,
        subject: span,
        fixes: [{ title: `删去重复的${extra}“${copy}”`, edits: [{ offset: paragraph.start + start + unit, length: end - start - unit, newText: '' }] }],
      });
    }
  },
};
