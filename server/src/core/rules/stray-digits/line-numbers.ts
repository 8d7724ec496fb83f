/** Line numbers left at the start of a line that carries on the previous sentence. */
import type { RuleContext } from '../../types';
import { bridgingWord, isSelfContainedLine, lineEndKind, trimLine } from '../../analysis/sentence-break';
import { isQuantityFollower, type LearnedNeighbours } from './quantity';
import { charAt, previousContentLine } from './text';

/** Digits opening a line, followed by a Han character (a stray line number if the line carries on the sentence). */
const LINE_NUMBER = /^[ \t]*(\d{1,4})[ \t]*(?=\p{Script=Han})/gmu;

/** A number opening a line whose previous line stops mid-word (“…推动高质\n12 量发展”). */
export function reportLineNumbers(ctx: RuleContext, learned: LearnedNeighbours): void {
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
