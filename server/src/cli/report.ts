/**
 * The CLI's view of a lint run, shared by every output format and by the worker
 * threads (so it is plain, structured-cloneable data). A diagnostic here is exactly
 * the JSON format's diagnostic; ranges are computed once, by TextModel.positionAt,
 * while the text is at hand.
 */
import { applyEdits, fixKindOf, type Finding, type FixKind, type Severity, type TextModel } from '../core';

export interface CliPosition {
  line: number;
  character: number;
}

export interface CliDiagnostic {
  rule: string;
  severity: Severity;
  message: string;
  offset: number;
  length: number;
  range: { start: CliPosition; end: CliPosition };
  fixes: Array<{ title: string; kind: FixKind; edits: CliEdit[] }>;
}

export interface CliEdit {
  offset: number;
  length: number;
  newText: string;
  /** Only computed for SARIF (its replacements need line/column); the JSON format leaves it out. */
  range?: { start: CliPosition; end: CliPosition };
}

/** A fix --fix applied (or --fix-dry-run would apply), where the user saw its finding. */
export interface CliApplied {
  rule: string;
  message: string;
  kind: FixKind;
  /** The finding, in the text as it was before fixing. */
  offset: number;
  length: number;
  range: { start: CliPosition; end: CliPosition };
  /** The text of the finding and the fix's edits, before and after the fix. */
  old: string;
  new: string;
}

export interface FileResult {
  /** Shown path (relative to the working directory, forward slashes). */
  path: string;
  /** Absolute path ('' for stdin). */
  absolutePath: string;
  diagnostics: CliDiagnostic[];
  /**
   * The diagnostics exactly as the JSON format writes them (serializeDiagnostics, UTF-8),
   * when already known: a --cache hit under the JSON format, whose `diagnostics` are then
   * left empty and never parsed.
   */
  diagnosticsJson?: Uint8Array;
  /**
   * A --cache hit under the text or github format: the bytes that format wrote for the
   * draft before (and the text summary's counts), written again as they are; `diagnostics` are then empty.
   */
  cachedView?: { bytes: Uint8Array; fixable: number; suggestions: number };
  /** Errors, warnings and infos among the diagnostics, when known without reading them (a --cache hit). */
  severityCounts?: SeverityCounts;
  /** Set when the file could not be linted; diagnostics are then empty. */
  error?: string;
  /** --fix / --fix-dry-run: findings whose fix was applied. */
  fixedCount?: number;
  /** --fix / --fix-dry-run: what was changed, in the original text's positions. */
  applied?: CliApplied[];
  /** --fix: the file was rewritten (dry run: would be). */
  changed?: boolean;
  /** --fix-dry-run: a unified diff of the change. */
  diff?: string;
  /** --encoding auto chose an encoding other than UTF-8: said on stderr. */
  decodedAs?: string;
  /** stdin with --fix: the fixed text (BOM restored). */
  output?: string;
}

export interface SeverityCounts {
  errors: number;
  warnings: number;
  infos: number;
}

export interface Summary {
  files: number;
  errors: number;
  warnings: number;
  infos: number;
  /** Inputs that could not be linted (missing, unreadable, undecodable, bad config): the run failed. */
  failed: number;
}

export function toCliDiagnostic(finding: Finding, text: TextModel, editRanges: boolean): CliDiagnostic {
  // Key order is the documented JSON order; other tools diff this output.
  return {
    rule: finding.rule,
    severity: finding.severity,
    message: finding.message,
    offset: finding.offset,
    length: finding.length,
    range: { start: text.positionAt(finding.offset), end: text.positionAt(finding.offset + finding.length) },
    fixes: finding.fixes.map((fix) => ({
      title: fix.title,
      kind: fixKindOf(fix),
      edits: fix.edits.map((e) => ({
        offset: e.offset,
        length: e.length,
        newText: e.newText,
        ...(editRanges ? { range: { start: text.positionAt(e.offset), end: text.positionAt(e.offset + e.length) } } : {}),
      })),
    })),
  };
}

/** The engine's order of findings: by offset, then by rule id. */
export function compareDiagnostics(a: CliDiagnostic, b: CliDiagnostic): number {
  return a.offset - b.offset || a.rule.localeCompare(b.rule);
}

/** Adds one file's findings to the totals (a file that failed counts only as failed). */
export function addToSummary(summary: Summary, result: FileResult): void {
  if (result.error !== undefined) {
    summary.failed++;
    return;
  }
  summary.files++;
  const counts = result.severityCounts ?? severityCounts(result.diagnostics);
  summary.errors += counts.errors;
  summary.warnings += counts.warnings;
  summary.infos += counts.infos;
}

export function severityCounts(diagnostics: readonly CliDiagnostic[]): SeverityCounts {
  const counts = { errors: 0, warnings: 0, infos: 0 };
  for (const d of diagnostics) {
    if (d.severity === 'error') counts.errors++;
    else if (d.severity === 'warning') counts.warnings++;
    else counts.infos++;
  }
  return counts;
}

export function toCliApplied(finding: Finding, original: TextModel): CliApplied {
  const fix = finding.fixes[0];
  const edits = [...fix.edits].sort((a, b) => a.offset - b.offset);
  // The finding and its edits together: “参训人员” → “参保人员” reads better than “训” → “保”.
  const start = Math.min(finding.offset, edits[0].offset);
  const end = Math.max(finding.offset + finding.length, ...edits.map((e) => e.offset + e.length));
  const old = original.raw.slice(start, end);
  return {
    rule: finding.rule,
    message: finding.message,
    kind: fixKindOf(fix),
    offset: finding.offset,
    length: finding.length,
    range: { start: original.positionAt(finding.offset), end: original.positionAt(finding.offset + finding.length) },
    old,
    new: applyEdits(
      old,
      edits.map((e) => ({ ...e, offset: e.offset - start })),
    ),
  };
}

/** Hints count with infos: the JSON summary has three buckets. */
export function summarize(results: readonly FileResult[]): Summary {
  const summary: Summary = { files: 0, errors: 0, warnings: 0, infos: 0, failed: 0 };
  for (const result of results) addToSummary(summary, result);
  return summary;
}
