/**
 * duplicate-word: a word or character typed twice — a whole word (服务服务), a
 * single character (的的), the first character of a word (提提高), a middle one
 * (研究究生) or the last one where two words meet (季度度). It leaves alone what
 * Chinese repeats on purpose: dictionary reduplications (常常, 看看), repeats inside
 * a longer word (实实在在, 手把手), AABB, 一 + measure word (一艘艘), a noun doubled
 * to mean "every" (村村通), verb reduplication (研究研究), a doubled form the
 * dictionary lists standing on its own (节节攀升), given names, two words meeting
 * on one character (卫生院|院长, 统战部|部长, 机会|会, 野火|火情) and words that
 * share characters (2023年|全年|全国) — judged from the
 * lexicon's frequencies and parts of speech and from how nouns are built on heads
 * (部, 市, 队), never from a list of strings — and whatever the learned corpus
 * repeats as its own usage. The judgement lives in analysis/repetition, shared
 * with the learner.
 *
 * A document rule: units the lexicon lacks (俄军|军用, 飞船|船体舱) are judged by what the rest of the story writes. The paragraph's
 * own judgement — nearly all the work — is remembered per paragraph text, so a
 * keystroke re-judges only the few repeats the paragraph cannot explain.
 */
import type { Rule, RuleContext } from '../types';
import type { Paragraph } from '../text';
import { describeSlip, explainRepeat, findRepeats, type Repeat, type Story } from '../analysis/repetition';
import { hanContextAfter, hanContextBefore, isHanIdeograph } from '../analysis/han';

/** Han characters of context shown around the corrected text in the message. */
const CONTEXT = 2;

/**
 * The same unexplained doubling with the same character on one side, this many
 * times in one story, is the story's own term (a route, a product name the lexicon
 * lacks, written after different words: 的XX高铁, 着XX高铁): a writer does not
 * repeat one slip word for word three times. Two is not enough: a slip typed into a
 * sentence the story repeats (a headline and its lead) comes twice. Chosen on half A.
 */
const STORY_TERM_OCCURRENCES = 3;

/** Paragraph texts whose unexplained repeats are remembered before the memo starts afresh. */
const MEMO_LIMIT = 20_000;

interface DuplicateState {
  /** Paragraph text → the repeats the paragraph alone (lexicon and model) cannot explain. */
  unexplained: Map<string, Repeat[]>;
}

export const duplicateWord: Rule<DuplicateState> = {
  meta: {
    id: 'duplicate-word',
    category: 'duplication',
    defaultSeverity: 'error',
    fixable: true,
    fixKind: 'suggestion',
    scope: 'document',
    judgesParagraphs: true,
    docs: {
      summary: '重复的字词',
      gloss: 'A word or character typed twice',
      why: '重复录入是排版前最常见的硬伤：整词重复（服务服务）、单字重复（的的）、词语交界处的字重复（季度度）。拼写检查器看不出来，因为每个字都是正确的字。本规则只报告词典和语料都无法解释的重复，叠词、词语交界和人名不报；词典没有的简称、译名，稿件别处也这样写的，按稿件的写法判断。',
      example: { bad: '以社区为为重点', good: '以社区为重点' },
    },
  },
  createState() {
    return { unexplained: new Map() };
  },
  checkDocument(ctx) {
    const found: Array<{ paragraph: Paragraph; repeat: Repeat; span: string; contexts: string[] }> = [];
    const occurrences = new Map<string, number>();
    for (const paragraph of ctx.text.paragraphs) {
      const text = paragraph.text;
      for (const repeat of unexplainedIn(ctx, text)) {
        const span = text.slice(repeat.start, repeat.start + repeat.copies * repeat.unit);
        if (ctx.isAllowed(span)) continue;
        const story: Story = { text: ctx.text.masked, offset: paragraph.start };
        if (explainRepeat(text, repeat, ctx.lexicon, ctx.model.repeats, story) !== null) continue;
        // The span with the character before it, and with the one after it (as the learned model keeps it).
        const before = text[repeat.start - 1];
        const after = text[repeat.start + span.length];
        const contexts = [...(before === undefined ? [] : [before + span]), ...(after === undefined ? [] : [span + after])];
        for (const context of contexts) occurrences.set(context, (occurrences.get(context) ?? 0) + 1);
        found.push({ paragraph, repeat, span, contexts });
      }
    }
    for (const { paragraph, repeat, span, contexts } of found) {
      if (contexts.some((context) => (occurrences.get(context) ?? 0) >= STORY_TERM_OCCURRENCES)) continue;
      report(ctx, paragraph, repeat, span);
    }
  },
};

function unexplainedIn(ctx: RuleContext<DuplicateState>, text: string): Repeat[] {
  const memo = ctx.state.unexplained;
  let repeats = memo.get(text);
  if (repeats === undefined) {
    repeats = findRepeats(text).filter((repeat) => explainRepeat(text, repeat, ctx.lexicon, ctx.model.repeats) === null);
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(text, repeats);
  }
  return repeats;
}

function report(ctx: RuleContext<DuplicateState>, paragraph: Paragraph, repeat: Repeat, span: string): void {
  const text = paragraph.text;
  const { start, unit, copies } = repeat;
  const end = start + span.length;
  const copy = text.slice(start, start + unit);
  const extra = copies > 2 ? `${copies - 1}个` : '';
  const corrected = hanContextBefore(text, start, CONTEXT, isHanIdeograph) + copy + hanContextAfter(text, end, CONTEXT, isHanIdeograph);
  ctx.report({
    offset: paragraph.start + start,
    length: end - start,
    message: `重复的“${copy}”，应为“${corrected}”`,
    evidence: `${describeSlip(text, repeat, ctx.lexicon)}去掉一个“${copy}”，读作“${corrected}”；语料库中没有这样的写法。`,
    subject: span,
    fixes: [{ title: `删去重复的${extra}“${copy}”`, edits: [{ offset: paragraph.start + start + unit, length: end - start - unit, newText: '' }] }],
  });
}
