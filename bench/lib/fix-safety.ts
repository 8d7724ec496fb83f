/**
 * The `--fix` safety net (issue 9): run blind, with the default kinds (safe only),
 *  1. the sequence of Han characters is unchanged, except Traditional → Simplified;
 *  2. every edit made lies inside a finding the report printed (the first lint's,
 *     edits of later passes mapped back onto the original text);
 *  3. a second `--fix` changes nothing.
 *
 * Shared by test/core/fix-safety.test.ts (seeds and self-written drafts) and
 * bench/fix-safety.ts (the development corpus, in bench:quality).
 */
import { Converter } from 'opencc-js/t2cn';
import { runFixes, type Finding, type FixKind, type Linter, type TextEdit } from '../../server/src/core';
import { fixAllEdits } from '../../server/src/lsp/edits';

export interface FixSafetyViolation {
  property: 'han' | 'outside-finding' | 'not-idempotent';
  detail: string;
}

export interface FixSafetyResult {
  applied: number;
  /** Applied fixes by rule. */
  byRule: Map<string, number>;
  violations: FixSafetyViolation[];
}

const toSimplified = Converter({ from: 't', to: 'cn' });
const HAN = /\p{Script=Han}/gu;

/** Checks the three properties on one document (an article, a seed, a draft). */
export function checkFixSafety(text: string, linter: Linter, kinds: readonly FixKind[] = ['safe']): FixSafetyResult {
  const lint = (t: string) => linter.lint(t);
  const run = runFixes(text, lint, { kinds });
  const result = { text: run.text, fixed: run.applied };
  const violations: FixSafetyViolation[] = [];
  const byRule = new Map<string, number>();
  for (const f of result.fixed) byRule.set(f.rule, (byRule.get(f.rule) ?? 0) + 1);

  const before = text.match(HAN) ?? [];
  const after = result.text.match(HAN) ?? [];
  if (before.length !== after.length) {
    violations.push({ property: 'han', detail: `Han characters ${before.length} → ${after.length}: ${firstDifference(before, after)}` });
  } else {
    for (let i = 0; i < before.length; i++) {
      if (before[i] !== after[i] && toSimplified(before[i]) !== after[i]) {
        violations.push({ property: 'han', detail: `“${before[i]}” → “${after[i]}” near “${before.slice(Math.max(0, i - 6), i + 6).join('')}”` });
        break;
      }
    }
  }

  // The edits as the editor would get them (composed onto the original text), each inside a shown finding.
  const edits = fixAllEdits(text, lint, undefined, kinds).edits;
  // Adjacent findings' edits compose into one edit (“),” → “），”): check against their union.
  const shown: Array<[number, number]> = [];
  for (const [s, e] of result.fixed.map(extent).sort((a, b) => a[0] - b[0])) {
    const last = shown[shown.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else shown.push([s, e]);
  }
  for (const edit of edits) {
    if (!shown.some(([s, e]) => edit.offset >= s && edit.offset + edit.length <= e)) {
      violations.push({
        property: 'outside-finding',
        detail: `edit ${JSON.stringify(text.slice(edit.offset, edit.offset + edit.length))} → ${JSON.stringify(edit.newText)} at ${edit.offset}`,
      });
    }
  }

  const again = runFixes(result.text, lint, { kinds });
  if (again.text !== result.text) {
    const f = again.applied[0];
    violations.push({
      property: 'not-idempotent',
      detail: `second --fix applies ${again.applied.length}: ${f.rule} “${result.text.slice(f.offset, f.offset + f.length)}”`,
    });
  }
  return { applied: result.fixed.length, byRule, violations };
}

/** A finding and the edits of the fix applied, together. */
function extent(f: Finding): [number, number] {
  const edits: readonly TextEdit[] = f.fixes[0]?.edits ?? [];
  return [Math.min(f.offset, ...edits.map((e) => e.offset)), Math.max(f.offset + f.length, ...edits.map((e) => e.offset + e.length))];
}

function firstDifference(a: string[], b: string[]): string {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return `“${a.slice(Math.max(0, i - 6), i + 6).join('')}” vs “${b.slice(Math.max(0, i - 6), i + 6).join('')}”`;
}
