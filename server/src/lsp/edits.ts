/**
 * Offsets → LSP ranges, and fix-all as a list of edits against the ORIGINAL text.
 *
 * Fix-all runs in passes (a fix deferred for overlapping is applied against the new
 * text). Editors want edits against the document they hold, so each pass's edits are
 * mapped back through the earlier passes: an edit that lands on text an earlier edit
 * produced is merged with it. The result applied to the original equals the core's
 * fixAll text, which the tests check.
 */
import { runFixes, type Finding, type FixKind, type TextEdit, type TextModel } from '../core';
import type { WireTextEdit } from './protocol';

export function toRange(text: TextModel, offset: number, length: number): WireTextEdit['range'] {
  return { start: text.positionAt(offset), end: text.positionAt(offset + length) };
}

export function toWireEdits(text: TextModel, edits: readonly TextEdit[]): WireTextEdit[] {
  return [...edits].sort((a, b) => a.offset - b.offset || a.length - b.length).map((e) => ({ range: toRange(text, e.offset, e.length), newText: e.newText }));
}

/** An edit expressed on the original text, plus where its result sits in the current text. */
interface Composed extends TextEdit {
  currentStart: number;
  currentEnd: number;
}

/**
 * Applies `passEdits` (non-overlapping, in coordinates of `current`) on top of the
 * already composed edits, returning the new current text.
 */
function composePass(composed: Composed[], current: string, passEdits: readonly TextEdit[]): string {
  // Right to left, so positions left of each edit stay valid in `current` as it changes.
  for (const edit of [...passEdits].sort((a, b) => b.offset - a.offset)) {
    const start = edit.offset;
    const end = edit.offset + edit.length;
    const touching = composed.filter((c) => c.currentStart <= end && start <= c.currentEnd);
    let mergedStart = start;
    let mergedEnd = end;
    let originalStart: number;
    let originalEnd: number;
    if (touching.length === 0) {
      const delta = composed.filter((c) => c.currentEnd <= start).reduce((sum, c) => sum + (c.currentEnd - c.currentStart) - c.length, 0);
      originalStart = start - delta;
      originalEnd = originalStart + edit.length;
    } else {
      const first = touching[0];
      const last = touching[touching.length - 1];
      mergedStart = Math.min(start, first.currentStart);
      mergedEnd = Math.max(end, last.currentEnd);
      originalStart = first.offset - (first.currentStart - mergedStart);
      originalEnd = last.offset + last.length + (mergedEnd - last.currentEnd);
    }
    const newText = current.slice(mergedStart, start) + edit.newText + current.slice(end, mergedEnd);
    const growth = newText.length - (mergedEnd - mergedStart);
    const merged: Composed = {
      offset: originalStart,
      length: originalEnd - originalStart,
      newText,
      currentStart: mergedStart,
      currentEnd: mergedStart + newText.length,
    };
    const kept = composed.filter((c) => !touching.includes(c));
    for (const c of kept) {
      if (c.currentStart >= mergedEnd) {
        c.currentStart += growth;
        c.currentEnd += growth;
      }
    }
    composed.length = 0;
    composed.push(...kept, merged);
    composed.sort((a, b) => a.currentStart - b.currentStart);
    current = current.slice(0, mergedStart) + newText + current.slice(mergedEnd);
  }
  return current;
}

export interface FixAllEdits {
  text: string;
  /** Edits against the original text, sorted, non-overlapping. */
  edits: TextEdit[];
  fixed: number;
}

/**
 * The core's fix loop (runFixes: safe fixes of the findings the editor shows, in passes
 * for overlaps), optionally limited to findings that pass `keep`, as edits against
 * the original text.
 */
export function fixAllEdits(
  text: string,
  lint: (text: string) => Finding[],
  keep: (finding: Finding) => boolean = () => true,
  kinds: readonly FixKind[] = ['safe'],
): FixAllEdits {
  const composed: Composed[] = [];
  let current = text;
  const run = runFixes(text, lint, { kinds, keep });
  for (const passEdits of run.passes) current = composePass(composed, current, passEdits);
  const edits = composed
    .map(({ offset, length, newText }) => ({ offset, length, newText }))
    .filter((e) => !(e.length === 0 && e.newText === '') && text.slice(e.offset, e.offset + e.length) !== e.newText);
  return { text: current, edits, fixed: run.applied.length };
}
