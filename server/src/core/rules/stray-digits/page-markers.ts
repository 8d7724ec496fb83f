/** Page markers (“12 / 40”) on a line of their own or dropped into a sentence. */
import type { DigitsSection } from '../../model/sections/digits';
import type { RuleContext } from '../../types';
import { isHanAt, isHanBefore } from '../../analysis/han';
import { INLINE_MARKER, isPlausiblePage, parseMarkerLine } from '../../analysis/page-marker';
import {
  bridgingWord,
  isHeadlineShaped,
  isRunningText,
  isSelfContainedLine,
  isUnechoedLine,
  lineEndKind,
  lineStartKind,
  setsParagraphsApartWithBlankLines,
  startsNewUnit,
  trimLine,
} from '../../analysis/sentence-break';
import { countsWhatFollows, type LearnedNeighbours } from './quantity';
import { head, lastLineBreak, nextContentLine, nextLineBreak, previousContentLine, tail, wholeLine } from './text';

const MARKER_LINE = /^[ \t\u3000]*\d{1,4}[ \t]*\/[ \t]*\d{1,4}[ \t\u3000]*$/gm;

/** Page markers on a line of their own; returns how many lines show each page total, to vouch for inline markers. */
export function reportMarkerLines(ctx: RuleContext): Map<number, number> {
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
  // One paragraph a line: a line is a paragraph, and an unfinished one before a marker was cut by it.
  const oneParagraphALine = markers.length > 0 && !setsParagraphsApartWithBlankLines(text);
  for (const marker of markers) {
    const line = text.positionAt(marker.index).line;
    const shown = marker.shown;
    const join = joinAcross(ctx, line, oneParagraphALine);
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
export function reportInlineMarkers(ctx: RuleContext, totals: Map<number, number>, learned: LearnedNeighbours): void {
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
    if (hanAfter && !cutsWord && countsWhatFollows(ctx.lexicon, learned, masked.slice(to, to + 8))) continue;
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

/**
 * When a marker line sits between two halves of one sentence, the span from the end
 * of the first half to the start of the second (marker, blank lines, indentation),
 * to delete so the sentence joins up again.
 */
function joinAcross(ctx: RuleContext, markerLine: number, oneParagraphALine: boolean): { start: number; end: number; joined: string } | null {
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
  // A short unpunctuated line before the marker is a headline unless a word runs across,
  // or, where a line is a paragraph, it is running text or the next line does not repeat
  // its words as a lede would (as broken-paragraph judges the break once the marker is gone).
  const word = bridgingWord(ctx.lexicon, prev, nextLine);
  const cut = word !== null || (oneParagraphALine && (isRunningText(prev) || isUnechoedLine(prev, nextLine)));
  if (isHeadlineShaped(prev, 24) && !cut) return null;
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
