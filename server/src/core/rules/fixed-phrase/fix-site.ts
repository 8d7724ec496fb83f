/**
 * What a fix leaves at its site. A fix never creates a finding: a phrase that,
 * written in, would double what stands beside it (卫生健康工作 before 工作) is not what
 * was meant, and a near-miss that is really a character written twice is reported
 * as one, with a fix that removes the copy.
 */
import type { RuleContext } from '../../types';
import { CORPUS_SOURCE } from '../../model/sections/phrases';
import { strandedCount } from '../../analysis/lexical-break';
import { explainRepeat, findRepeats, MAX_UNIT } from '../../analysis/repetition';
import { contextWindow, type NearMiss } from './near-miss';
import type { PhraseIndex } from './phrase-index';
import { MIN_COUNT } from './thresholds';

/** Characters of context either side of a fix when looking for a repeat it would create: two units of the longest. */
const FIX_CONTEXT = 2 * MAX_UNIT;

/**
 * True when replacing text[start, end) by `replacement` leaves a repeat across the
 * replacement's edge that the repetition analysis cannot explain — one duplicate-word
 * would report (我国中中医药 → 我国中国中医药, 卫生健康作工作 → 卫生健康工作工作).
 */
export function leavesRepeat(ctx: RuleContext, text: string, start: number, end: number, replacement: string): boolean {
  const before = text.slice(Math.max(0, start - FIX_CONTEXT), start);
  const corrected = before + replacement + text.slice(end, Math.min(text.length, end + FIX_CONTEXT));
  const from = before.length;
  const to = from + replacement.length;
  for (const repeat of findRepeats(corrected)) {
    const repeatEnd = repeat.start + repeat.copies * repeat.unit;
    // Repeats away from the replacement, or wholly inside the phrase (中医医院), are not the fix's doing.
    if (repeatEnd <= from || repeat.start >= to || (repeat.start >= from && repeatEnd <= to)) continue;
    if (explainRepeat(corrected, repeat, ctx.lexicon, ctx.model.repeats) === null) return true;
  }
  return false;
}

/**
 * The offset of a character written twice at the near-miss's edit, or −1: a
 * character added beside a copy of itself (中中医药事业 for 中医药事业), or a "dropped"
 * character between two copies of one whose phrase, written in, would double what
 * stands before it (我国中中医药 read as 中国中医药 missing 国 gives 我国中国中医药).
 */
export function extraCopy(ctx: RuleContext, text: string, m: NearMiss): number {
  if (m.kind === 'add') return text[m.textAt - 1] === text[m.textAt] || text[m.textAt + 1] === text[m.textAt] ? m.textAt : -1;
  if (m.kind === 'drop' && text[m.textAt - 1] === text[m.textAt] && leavesRepeat(ctx, text, m.start, m.end, m.target)) return m.textAt;
  return -1;
}

/**
 * A doubled character next to a recurrent phrase is a slip this rule reports only
 * where duplicate-word's analysis explains the doubling away (a boundary: 我国中|中医药
 * reads as 中 + 中医药), so one slip gets one finding. It must read better single —
 * the text without the copy strands fewer characters (我国|中|中医药 → 我国|中医药) —
 * and removing the copy must leave no repeat of its own.
 */
export function doubledSlip(ctx: RuleContext, index: PhraseIndex, text: string, m: NearMiss, at: number): boolean {
  if (m.entry.source === CORPUS_SOURCE && index.countOf(m.node) < MIN_COUNT) return false;
  const pairStart = text[at - 1] === text[at] ? at - 1 : at;
  // The first copy belongs to the word before it when the corpus writes that pair as a unit (乌军|军用).
  if (pairStart > 0 && index.evidence.attestsPair(text.slice(pairStart - 1, pairStart + 1))) return false;
  if (explainRepeat(text, { start: pairStart, unit: 1, copies: 2 }, ctx.lexicon, ctx.model.repeats) === null) return false;
  const { from, to } = contextWindow(text, m.start, m.end);
  const single = text.slice(from, at) + text.slice(at + 1, to);
  if (strandedCount(ctx.lexicon, single) >= strandedCount(ctx.lexicon, text.slice(from, to))) return false;
  return !leavesRepeat(ctx, text, at, at + 1, '');
}
