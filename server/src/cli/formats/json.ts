/**
 * The machine format, exactly as documented (issue #2, README): other tools parse
 * it, so keys, their order and their meaning never change within version 1.
 * offset/length are UTF-16 code units into the decoded text without its BOM;
 * range is 0-based LSP line/character. Objects are rebuilt key by key so no
 * internal field can leak into the output.
 */
import type { CliDiagnostic, FileResult, Summary } from '../report';

export const JSON_FORMAT_VERSION = 1;

function diagnostic(d: CliDiagnostic) {
  return {
    rule: d.rule,
    severity: d.severity,
    message: d.message,
    offset: d.offset,
    length: d.length,
    range: {
      start: { line: d.range.start.line, character: d.range.start.character },
      end: { line: d.range.end.line, character: d.range.end.character },
    },
    fixes: d.fixes.map((fix) => ({
      title: fix.title,
      edits: fix.edits.map((e) => ({ offset: e.offset, length: e.length, newText: e.newText })),
    })),
  };
}

export function formatJson(results: readonly FileResult[], summary: Summary): string {
  const files = results.filter((r) => r.error === undefined).map((r) => ({ path: r.path, diagnostics: r.diagnostics.map(diagnostic) }));
  const counts = { files: summary.files, errors: summary.errors, warnings: summary.warnings, infos: summary.infos };
  return `${JSON.stringify({ version: JSON_FORMAT_VERSION, files, summary: counts })}\n`;
}
