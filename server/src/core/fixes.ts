/**
 * Applying fixes: plain functions, no rule knowledge. Edits that overlap an edit
 * already taken are left for a later pass, as vscode-eslint and ESLint do, so two
 * fixes never fight over the same characters.
 */
import type { Finding, TextEdit } from './types';

export interface FixResult {
  text: string;
  /** Findings whose first fix was applied. */
  applied: Finding[];
  /** Findings with a fix that overlapped another and was not applied in this pass. */
  deferred: Finding[];
}

/** Applies the first fix of each finding that has one, skipping overlaps. */
export function applyFixesDetailed(text: string, findings: readonly Finding[]): FixResult {
  const candidates = findings
    .filter((f) => f.fixes.length > 0 && f.fixes[0].edits.length > 0)
    .map((f) => ({ finding: f, edits: [...f.fixes[0].edits].sort((a, b) => a.offset - b.offset) }))
    .sort((a, b) => a.edits[0].offset - b.edits[0].offset || a.edits[0].length - b.edits[0].length);

  const taken: TextEdit[] = [];
  const applied: Finding[] = [];
  const deferred: Finding[] = [];
  for (const candidate of candidates) {
    const valid = candidate.edits.every((e) => e.offset >= 0 && e.length >= 0 && e.offset + e.length <= text.length);
    if (!valid) continue;
    if (candidate.edits.some((e) => taken.some((t) => overlaps(e, t)))) {
      deferred.push(candidate.finding);
      continue;
    }
    taken.push(...candidate.edits);
    applied.push(candidate.finding);
  }
  return { text: applyEdits(text, taken), applied, deferred };
}

export function applyFixes(text: string, findings: readonly Finding[]): string {
  return applyFixesDetailed(text, findings).text;
}

/** Applies non-overlapping edits (any order) to text. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.offset - a.offset || b.length - a.length);
  let result = text;
  for (const edit of sorted) {
    result = result.slice(0, edit.offset) + edit.newText + result.slice(edit.offset + edit.length);
  }
  return result;
}

/** Two edits conflict when their ranges intersect, or both insert at the same point. */
export function overlaps(a: TextEdit, b: TextEdit): boolean {
  if (a.length === 0 && b.length === 0) return a.offset === b.offset;
  if (a.length === 0) return a.offset > b.offset && a.offset < b.offset + b.length;
  if (b.length === 0) return b.offset > a.offset && b.offset < a.offset + a.length;
  return a.offset < b.offset + b.length && b.offset < a.offset + a.length;
}
