/**
 * The CLI's view of a lint run, shared by every output format and by the worker
 * threads (so it is plain, structured-cloneable data). A diagnostic here is exactly
 * the JSON format's diagnostic; ranges are computed once, by TextModel.positionAt,
 * while the text is at hand.
 */
import { fixKindOf, type Finding, type FixKind, type Severity, type TextModel } from '../core';

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

export interface FileResult {
  /** Shown path (relative to the working directory, forward slashes). */
  path: string;
  /** Absolute path ('' for stdin). */
  absolutePath: string;
  diagnostics: CliDiagnostic[];
  /** Set when the file could not be linted; diagnostics are then empty. */
  error?: string;
  /** --fix / --fix-dry-run: findings whose fix was applied. */
  fixedCount?: number;
  /** --fix: the file was rewritten (dry run: would be). */
  changed?: boolean;
  /** --fix-dry-run: a unified diff of the change. */
  diff?: string;
  /** stdin with --fix: the fixed text (BOM restored). */
  output?: string;
}

export interface Summary {
  files: number;
  errors: number;
  warnings: number;
  infos: number;
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

/** Adds one file's findings to the totals (a file that failed is not counted). */
export function addToSummary(summary: Summary, result: FileResult): void {
  if (result.error !== undefined) return;
  summary.files++;
  for (const d of result.diagnostics) {
    if (d.severity === 'error') summary.errors++;
    else if (d.severity === 'warning') summary.warnings++;
    else summary.infos++;
  }
}

/** Hints count with infos: the JSON summary has three buckets. */
export function summarize(results: readonly FileResult[]): Summary {
  const summary: Summary = { files: 0, errors: 0, warnings: 0, infos: 0 };
  for (const result of results) addToSummary(summary, result);
  return summary;
}
