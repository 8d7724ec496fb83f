/**
 * repeated-punctuation: a pause mark typed twice (，， 。。 、、 ；； ：：) or two
 * different pause marks run together (，。 。， 、， ；。 ？。), usually the trace of
 * an edit that deleted the words between them. The fix keeps one mark: the
 * strongest pause in the run (？！ > 。 > ； > ： > ， > 、), so a sentence that ends
 * keeps its full stop and a question keeps its question mark; equal marks keep one.
 * Half-width , ; : count when they run into a full-width mark (，, → ，).
 *
 * Deliberately ignored: …… and —— (never pause marks), runs made only of ？ and ！
 * (？！ ！！ ？？ carry tone and are a style choice), three or more 。 (an ellipsis
 * typed as full stops, which punctuation-form rewrites as ……), and runs of
 * half-width marks away from Chinese text.
 */
import type { Rule } from '../types';
import { isCjk, nextVisible, previousVisible } from '../analysis/cjk';
import { fixer, makeFix } from '../fixer';

const STRENGTH: Readonly<Record<string, number>> = { '？': 6, '！': 6, '。': 5, '；': 4, '：': 3, '，': 2, '、': 1 };
const NORMALISE: Readonly<Record<string, string>> = { ',': '，', ';': '；', ':': '：', '?': '？', '!': '！' };
const RUN = /[，。、；：？！,;:?!]{2,}/g;

/** The marks to keep from a run, in their written order. */
export function keptMarks(run: string): string {
  const marks = [...run].map((c) => NORMALISE[c] ?? c);
  const strongest = Math.max(...marks.map((c) => STRENGTH[c]));
  if (strongest === 6) return marks.filter((c) => STRENGTH[c] === 6).join('');
  return marks.find((c) => STRENGTH[c] === strongest)!;
}

export const repeatedPunctuation: Rule = {
  meta: {
    id: 'repeated-punctuation',
    category: 'punctuation',
    defaultSeverity: 'error',
    fixable: true,
    fixKind: 'safe',
    scope: 'paragraph',
    docs: {
      summary: '标点重复或连用',
      gloss: 'Doubled or stacked punctuation marks',
      why: '“，，”“。，”这类连用几乎都是改稿时删字留下的痕迹，见报即是差错。点号不能连用（问号、叹号表达语气时除外），应保留一个：保留停顿较强的那个。',
      example: { bad: '持续推进分级诊疗，，让群众就近就医。。', good: '持续推进分级诊疗，让群众就近就医。' },
      reference: 'GB/T 15834-2011 第 4 章（4.1 句号—4.7 冒号：点号各表示一处停顿，不重叠使用）；问号、叹号连用见 4.2、4.3',
    },
  },
  checkParagraph(ctx, paragraph) {
    const text = paragraph.text;
    for (const m of text.matchAll(RUN)) {
      const run = m[0];
      const start = m.index!;
      const end = start + run.length;
      const fullWidth = [...run].some((c) => c in STRENGTH);
      if (!fullWidth && !(isCjk(previousVisible(text, start)) || isCjk(nextVisible(text, end)))) continue;
      const normalised = [...run].map((c) => NORMALISE[c] ?? c);
      if (normalised.every((c) => c === '？' || c === '！')) continue;
      if (/^。{3,}$/.test(run)) continue;
      // A half-width run with digits on both sides (1,2 or 12:30:45) is not Chinese punctuation.
      if (!fullWidth && /^[,:;]+$/.test(run) && /\d/.test(text[start - 1] ?? '') && /\d/.test(text[end] ?? '')) continue;
      const kept = keptMarks(run);
      const same = normalised.every((c) => c === normalised[0]);
      ctx.report({
        offset: start,
        length: run.length,
        message: same ? `重复的标点“${run}”，应为“${kept}”` : `标点连用“${run}”，应为“${kept}”`,
        evidence: 'GB/T 15834-2011：点号表示一处停顿，一处只用一个',
        subject: run,
        fixes: [makeFix(`只保留“${kept}”`, fixer.replaceTextRange([start, start + run.length], kept))],
      });
    }
  },
};
