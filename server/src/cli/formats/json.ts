/**
 * The machine format, exactly as documented (issue #2, README): other tools parse
 * it, so keys, their order and their meaning never change within version 1.
 * offset/length are UTF-16 code units into the decoded text without its BOM;
 * range is 0-based LSP line/character. Objects are rebuilt key by key so no
 * internal field can leak into the output.
 */
import type { InputProblem } from '../../node/files';
import type { CliApplied, CliDiagnostic, FileResult, Summary } from '../report';

export const JSON_FORMAT_VERSION = 1;

/** --fix / --fix-dry-run: what was changed, with positions in the text before fixing. */
function applied(a: CliApplied) {
  return {
    rule: a.rule,
    kind: a.kind,
    message: a.message,
    offset: a.offset,
    length: a.length,
    range: {
      start: { line: a.range.start.line, character: a.range.start.character },
      end: { line: a.range.end.line, character: a.range.end.character },
    },
    old: a.old,
    new: a.new,
  };
}

/** Diagnostics serialised per batch, so a file with 100,000 findings never becomes one giant string. */
const BATCH = 2000;

const str = (value: string) => JSON.stringify(value);
/** A number as JSON.stringify writes it (offsets and lines are integers; anything else would be null there too). */
const num = (value: number) => (Number.isFinite(value) ? String(value) : 'null');

/**
 * One diagnostic exactly as JSON.stringify writes a copy of it rebuilt key by key (the
 * documented order, no internal field), without building that copy first: over 1,000 drafts the copies were most of the report's cost (4 % of
 * a run). The output is the same byte for byte (test/cli/formats.test.ts compares).
 */
export function diagnosticJson(d: CliDiagnostic): string {
  let fixes = '';
  for (const fix of d.fixes) {
    let edits = '';
    for (const e of fix.edits) edits += `${edits ? ',' : ''}{"offset":${num(e.offset)},"length":${num(e.length)},"newText":${str(e.newText)}}`;
    fixes += `${fixes ? ',' : ''}{"title":${str(fix.title)},"kind":${str(fix.kind)},"edits":[${edits}]}`;
  }
  const { start, end } = d.range;
  return (
    `{"rule":${str(d.rule)},"severity":${str(d.severity)},"message":${str(d.message)},"offset":${num(d.offset)},"length":${num(d.length)},` +
    `"range":{"start":{"line":${num(start.line)},"character":${num(start.character)}},"end":{"line":${num(end.line)},"character":${num(end.character)}}},` +
    `"fixes":[${fixes}]}`
  );
}

/**
 * A file's diagnostics as this format writes them, without the enclosing brackets,
 * handed to `write` in batches. `--cache` keeps these bytes (FileResult.diagnosticsJson),
 * so a cached draft is written back without being parsed and serialised again.
 */
export function serializeDiagnostics(diagnostics: readonly CliDiagnostic[], write: (text: string) => void): void {
  for (let i = 0; i < diagnostics.length; i += BATCH) {
    const parts: string[] = [];
    for (let k = i; k < Math.min(i + BATCH, diagnostics.length); k++) parts.push(diagnosticJson(diagnostics[k]));
    write(`${i > 0 ? ',' : ''}${parts.join(',')}`);
  }
}

/**
 * The JSON report in pieces, in output order: `start`, one `file` per linted file,
 * `end`. Their concatenation is exactly JSON.stringify of the whole report, so the
 * CLI can write each file as soon as it is linted and forget its findings.
 */
export class JsonWriter {
  private first = true;
  /** `write` gets text, and a cached draft's diagnostics as the UTF-8 bytes kept. */
  constructor(private readonly write: (text: string | Uint8Array) => void) {}

  start(): void {
    this.write(`{"version":${JSON_FORMAT_VERSION},"files":[`);
  }

  file(result: FileResult): void {
    if (result.error !== undefined) {
      this.failed(result.path, result.error);
      return;
    }
    this.write(`${this.first ? '' : ','}{"path":${JSON.stringify(result.path)},"diagnostics":[`);
    this.first = false;
    if (result.diagnosticsJson !== undefined) this.write(result.diagnosticsJson);
    else serializeDiagnostics(result.diagnostics, this.write);
    this.write(']');
    if (result.applied) this.write(`,"applied":${JSON.stringify(result.applied.map(applied))}`);
    this.write('}');
  }

  /**
   * An input that could not be linted, as ESLint reports a fatal parse error: in the
   * files list, with no diagnostics and `error: {fatal: true, message}`, so a tool
   * reading only stdout still sees that the run failed and why.
   */
  failed(path: string, message: string): void {
    this.write(`${this.first ? '' : ','}${JSON.stringify({ path, diagnostics: [], error: { fatal: true, message } })}`);
    this.first = false;
  }

  end(summary: Summary): void {
    const counts = { files: summary.files, errors: summary.errors, warnings: summary.warnings, infos: summary.infos };
    this.write(`],"summary":${JSON.stringify(counts)}}\n`);
  }
}

export function formatJson(results: readonly FileResult[], summary: Summary, problems: readonly InputProblem[] = []): string {
  const out: string[] = [];
  const writer = new JsonWriter((text) =>
    out.push(typeof text === 'string' ? text : Buffer.from(text.buffer, text.byteOffset, text.byteLength).toString('utf8')),
  );
  writer.start();
  for (const problem of problems) writer.failed(problem.path, problem.reason);
  for (const result of results) writer.file(result);
  writer.end(summary);
  return out.join('');
}
