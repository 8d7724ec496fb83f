/**
 * Applying fixes: plain functions, no rule knowledge. Edits that overlap an edit
 * already taken are left for a later pass, as vscode-eslint and ESLint do, so two
 * fixes never fight over the same characters.
 */
import type { Finding, FixKind, TextEdit } from './types';

/**
 * Most fix passes a fix-all runs: a fix deferred for overlapping an earlier one is
 * applied in the next pass, against the new text. The limit only bounds a
 * pathological pair of fixes that keep undoing each other.
 */
export const MAX_FIX_PASSES = 10;

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

/** The kind of a finding's fix: what the engine resolved, or a judgement when nothing says. */
export function fixKindOf(fix: { kind?: FixKind }): FixKind {
  return fix.kind ?? 'suggestion';
}

/** The fix `--fix` would apply for a finding (its first), if that fix is of an allowed kind. */
export function autoFix(finding: Finding, kinds: readonly FixKind[]) {
  const fix = finding.fixes[0];
  return fix && fix.edits.length > 0 && kinds.includes(fixKindOf(fix)) ? fix : undefined;
}

export interface FixRunOptions {
  /** Kinds whose fixes may be applied; `--fix` alone is ['safe']. */
  kinds: readonly FixKind[];
  /** Further limits the findings that may be fixed (one rule, for the editor). */
  keep?: (finding: Finding) => boolean;
}

export interface FixRun {
  text: string;
  /** Findings of the first lint whose fix was applied, with offsets in the original text. */
  applied: Finding[];
  /** The edits of each pass, in the coordinates of the text that pass started from. */
  passes: TextEdit[][];
  /** Findings of the fixed text (what is left to report). */
  remaining: Finding[];
}

/** A fix a pass left for overlapping, followed into the text of the next pass. */
interface Pending {
  original: Finding;
  key: string;
  /** Where the finding and its edits lie in the current text. */
  start: number;
  end: number;
}

/**
 * Fix in passes, applying only what the user is shown. Only findings of the first lint
 * are eligible: the report prints them. A later pass exists only for fixes deferred
 * because they overlapped another; it re-applies such a fix only when the new lint
 * finds the same rule proposing the same change (same old and new text) inside the
 * place the deferred finding has moved to. Anything a fix brings to light is new,
 * and is left for the report as remaining, never applied unseen.
 */
export function runFixes(text: string, lint: (text: string) => Finding[], options: FixRunOptions): FixRun {
  const keep = options.keep ?? (() => true);
  let current = text;
  let findings = lint(current);
  const applied: Finding[] = [];
  const passes: TextEdit[][] = [];
  let pending: Pending[] = [];
  for (const f of findings) {
    const fix = keep(f) ? autoFix(f, options.kinds) : undefined;
    if (!fix) continue;
    const [start, end] = extent(f, fix.edits);
    pending.push({ original: f, key: changeKey(current, f.rule, fix.edits), start, end });
  }
  let candidates = pending.map((p) => p.original);
  for (let pass = 0; pass < MAX_FIX_PASSES && candidates.length > 0; pass++) {
    const result = applyFixesDetailed(current, candidates);
    if (result.applied.length === 0) break;
    const appliedSet = new Set(result.applied);
    const deferredSet = new Set(result.deferred);
    const taken = result.applied.flatMap((f) => f.fixes[0].edits);
    passes.push(taken);
    const next: Pending[] = [];
    candidates.forEach((candidate, i) => {
      const p = pending[i];
      if (appliedSet.has(candidate)) applied.push(p.original);
      else if (deferredSet.has(candidate)) next.push({ ...p, start: mapOffset(taken, p.start, 'left'), end: mapOffset(taken, p.end, 'right') });
    });
    current = result.text;
    findings = lint(current);
    if (next.length === 0) break;
    // Each deferred fix claims at most one matching finding of the new text.
    const claimed = new Set<Finding>();
    pending = [];
    candidates = [];
    for (const p of next) {
      const match = findings.find((f) => {
        if (claimed.has(f) || f.rule !== p.original.rule) return false;
        const fix = autoFix(f, options.kinds);
        if (!fix) return false;
        const [start, end] = extent(f, fix.edits);
        return start >= p.start && end <= p.end && changeKey(current, f.rule, fix.edits) === p.key;
      });
      if (!match) continue;
      claimed.add(match);
      pending.push(p);
      candidates.push(match);
    }
  }
  return { text: current, applied, passes, remaining: findings };
}

/** The range a finding and its edits cover together. */
function extent(finding: Finding, edits: readonly TextEdit[]): [number, number] {
  let start = finding.offset;
  let end = finding.offset + finding.length;
  for (const e of edits) {
    start = Math.min(start, e.offset);
    end = Math.max(end, e.offset + e.length);
  }
  return [start, end];
}

/** What a fix changes, independent of where: the rule and each edit's old and new text. */
function changeKey(text: string, rule: string, edits: readonly TextEdit[]): string {
  const parts = [...edits].sort((a, b) => a.offset - b.offset).map((e) => `${text.slice(e.offset, e.offset + e.length)}\u0001${e.newText}`);
  return `${rule}\u0000${parts.join('\u0002')}`;
}

/** Where an offset of the text before `edits` lies after them; inside an edit, its start or end. */
export function mapOffset(edits: readonly TextEdit[], offset: number, bias: 'left' | 'right'): number {
  let shift = 0;
  for (const e of [...edits].sort((a, b) => a.offset - b.offset || a.length - b.length)) {
    if (offset >= e.offset + e.length && !(e.length === 0 && offset === e.offset && bias === 'left')) shift += e.newText.length - e.length;
    else if (offset > e.offset) return e.offset + shift + (bias === 'left' ? 0 : e.newText.length);
  }
  return offset + shift;
}
