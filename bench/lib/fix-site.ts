/**
 * The fix-safety property (issue 11): a finding's first fix, applied ALONE (as a quick
 * fix in the editor is), leaves no new finding at its site. `--fix` would hide a
 * violation behind its next pass; a single quick fix does not.
 *
 * For each finding with a fix: apply that fix to the text, lint again, and report every
 * finding of the new text that (a) touches the span the fix wrote and (b) was not there
 * before (same rule and same span, once the old findings are carried through the edit).
 * The fixed finding's own disappearance is what a fix is for; its survival unchanged is
 * reported too (a fix that does not fix).
 *
 * A finding that reports several sites at once (broken-paragraph's run of hard-wrapped
 * lines, one edit a break) is judged by what it proposes: when it carries on an old
 * finding of its rule (one of its edits was proposed before the fix, carried through
 * it) and every edit it proposes that is new lies away from the written span, nothing
 * new is at the site — the finding only changed extent (two runs either side of a
 * deleted page marker now read as one run, whose every break was reported before).
 * A finding with any new edit at the site is a violation as before.
 *
 * Shared by test/core/fix-site.test.ts (seeds and self-written drafts) and
 * bench/fix-site.ts (the development corpus).
 */
import { applyEdits, type Finding, type TextEdit } from '../../server/src/core';

export interface FixSiteViolation {
  /** The finding whose fix was applied. */
  fixed: Finding;
  /** The finding the fix created (or the fixed finding, when it survives its own fix). */
  created: Finding;
  /** The text around the site before and after the fix, for reports. */
  before: string;
  after: string;
}

/** Where `edits` (non-overlapping, on the old text) put their new text, in the new text's offsets. */
export function writtenSpans(edits: readonly TextEdit[]): Array<{ start: number; end: number }> {
  let delta = 0;
  return [...edits]
    .sort((a, b) => a.offset - b.offset)
    .map((e) => {
      const start = e.offset + delta;
      delta += e.newText.length - e.length;
      return { start, end: start + e.newText.length };
    });
}

/** A position of the old text in the new one; `side` says where a position inside (or at) an edit goes. */
function mapOffset(offset: number, edits: readonly TextEdit[], side: 'start' | 'end'): number {
  let delta = 0;
  for (const e of [...edits].sort((a, b) => a.offset - b.offset)) {
    if (offset < e.offset) break;
    const grow = e.newText.length - e.length;
    if (e.length === 0) {
      // An insertion at a finding's start pushes it right; at its end, it stays outside.
      if (offset === e.offset) return side === 'start' ? offset + delta + e.newText.length : offset + delta;
      delta += grow;
      continue;
    }
    if (offset === e.offset) return offset + delta;
    if (offset >= e.offset + e.length) {
      delta += grow;
      continue;
    }
    // Inside the replaced text: to the edge of what replaced it.
    return side === 'start' ? e.offset + delta : e.offset + delta + e.newText.length;
  }
  return offset + delta;
}

const key = (f: Pick<Finding, 'rule' | 'offset' | 'length'>) => `${f.rule}@${f.offset}+${f.length}`;
const editKey = (rule: string, e: TextEdit) => `${rule}@${e.offset}+${e.length}→${e.newText}`;

/** An edit of the old text, carried into the new one (null when the applied fix rewrote part of it). */
function carryEdit(e: TextEdit, edits: readonly TextEdit[]): TextEdit | null {
  const start = mapOffset(e.offset, edits, 'start');
  const end = mapOffset(e.offset + e.length, edits, 'end');
  if (end - start !== e.length) return null;
  return { offset: start, length: e.length, newText: e.newText };
}

/**
 * Whether `after` only carries on findings of its rule from before the fix: one of its
 * edits was proposed before (`proposed`), and none of its new edits touches a span the
 * fix wrote. See the module comment.
 */
function onlyChangedExtent(after: Finding, proposed: ReadonlySet<string>, spans: ReadonlyArray<{ start: number; end: number }>): boolean {
  const edits = after.fixes[0]?.edits ?? [];
  let carried = 0;
  for (const e of edits) {
    if (proposed.has(editKey(after.rule, e))) carried++;
    else if (spans.some((span) => e.offset <= span.end && span.start <= e.offset + e.length)) return false;
  }
  return carried > 0;
}

/** A finding touches a written span when they intersect or meet (an insertion point counts). */
function touches(f: Finding, span: { start: number; end: number }): boolean {
  return f.offset <= span.end && span.start <= f.offset + f.length;
}

export function excerpt(text: string, start: number, end: number, context = 8): string {
  return `${text.slice(Math.max(0, start - context), start)}【${text.slice(start, end)}】${text.slice(end, end + context)}`.replace(/\n/g, '⏎');
}

/**
 * Checks every fixable finding of `text` (or the `only` ones). `lint` must be a pure
 * function of the text (one Linter's lint, with its paragraph cache, is fine).
 */
export function checkFixSites(
  text: string,
  lint: (text: string) => Finding[],
  only: (finding: Finding) => boolean = () => true,
): { checked: number; violations: FixSiteViolation[] } {
  const findings = lint(text);
  const violations: FixSiteViolation[] = [];
  let checked = 0;
  for (const finding of findings) {
    const edits = finding.fixes[0]?.edits;
    if (!edits || edits.length === 0 || !only(finding)) continue;
    checked++;
    const fixedText = applyEdits(text, edits);
    const spans = writtenSpans(edits);
    const carried = new Set(
      findings
        .filter((f) => f !== finding)
        .map((f) => {
          const start = mapOffset(f.offset, edits, 'start');
          const end = Math.max(start, mapOffset(f.offset + f.length, edits, 'end'));
          return key({ rule: f.rule, offset: start, length: end - start });
        }),
    );
    const proposed = new Set<string>();
    for (const f of findings) {
      if (f === finding) continue;
      for (const e of f.fixes[0]?.edits ?? []) {
        const moved = carryEdit(e, edits);
        if (moved) proposed.add(editKey(f.rule, moved));
      }
    }
    const siteStart = Math.min(...spans.map((s) => s.start));
    const siteEnd = Math.max(...spans.map((s) => s.end));
    for (const after of lint(fixedText)) {
      if (!spans.some((span) => touches(after, span)) || carried.has(key(after))) continue;
      if (onlyChangedExtent(after, proposed, spans)) continue;
      violations.push({
        fixed: finding,
        created: after,
        before: excerpt(text, finding.offset, finding.offset + finding.length),
        after: excerpt(fixedText, siteStart, siteEnd),
      });
    }
  }
  return { checked, violations };
}

export function describeViolation(v: FixSiteViolation): string {
  const title = v.fixed.fixes[0]?.title ?? '';
  return `${v.fixed.rule} ${v.before} —「${title}」→ ${v.after}: ${v.created.rule} ${v.created.message}`;
}
