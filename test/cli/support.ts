/**
 * CLI test support: run the built CLI (dist/cli.js; `npm test` builds it first) in a
 * child process, in throw-away folders under the OS temp dir. Texts are built
 * around rules that exist from the start (duplicate-word, punctuation-width), and
 * `only()` turns every other rule off so another rule's finding cannot change an
 * exit code these tests assert.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { RULES } from '../../server/src/core';

export const ROOT = path.resolve(__dirname, '../..');
/** JIAODUI_CLI points the tests at another build (e.g. a private bundle while the tree is mid-change). */
export const CLI = process.env.JIAODUI_CLI ?? path.join(ROOT, 'dist/cli.js');

/** A doubled character (duplicate-word, default error) and a half-width comma (punctuation-width). */
export const DUPLICATE = '以此为为抓手';
export const DUPLICATE_FIXED = '以此为抓手';
export const HALF_WIDTH = '中文,中文';
export const HALF_WIDTH_FIXED = '中文，中文';
/** Plain prose no rule should flag. */
export const CLEAN = '我们认真学习文件精神。';

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function run(args: string[], options: { cwd?: string; input?: string | Buffer; env?: NodeJS.ProcessEnv } = {}): RunResult {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd: options.cwd ?? ROOT,
    input: options.input ?? '',
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...options.env },
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.error) throw result.error;
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** `--rule X=off` for every rule but these, so only the named rules can speak. */
export function only(...ids: string[]): string[] {
  return RULES.filter((r) => !ids.includes(r.meta.id)).flatMap((r) => ['--rule', `${r.meta.id}=off`]);
}

const made: string[] = [];

export function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jiaodui-cli-'));
  made.push(dir);
  return dir;
}

export function removeTempDirs(): void {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}

export function write(dir: string, relative: string, content: string | Buffer): string {
  const file = path.join(dir, relative);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
  return file;
}

export interface JsonEdit {
  offset: number;
  length: number;
  newText: string;
}

export interface JsonDiagnostic {
  rule: string;
  severity: string;
  message: string;
  offset: number;
  length: number;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  fixes: Array<{ title: string; kind: 'safe' | 'suggestion'; edits: JsonEdit[] }>;
}

/** --fix / --fix-dry-run: a fix that was applied, positions in the text before fixing. */
export interface JsonApplied {
  rule: string;
  kind: 'safe' | 'suggestion';
  message: string;
  offset: number;
  length: number;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  old: string;
  new: string;
}

export interface JsonReport {
  version: number;
  /** An input that could not be linted has `error` and no diagnostics. */
  files: Array<{ path: string; diagnostics: JsonDiagnostic[]; applied?: JsonApplied[]; error?: { fatal: boolean; message: string } }>;
  summary: { files: number; errors: number; warnings: number; infos: number };
}

/** The paths of the files that were linted (not those that failed). */
export function lintedPaths(report: JsonReport): string[] {
  return report.files.filter((f) => f.error === undefined).map((f) => f.path);
}

export function lintJson(args: string[], options: Parameters<typeof run>[1] = {}): RunResult & { report: JsonReport } {
  const result = run(['lint', '--format', 'json', ...args], options);
  let report: JsonReport;
  try {
    report = JSON.parse(result.stdout) as JsonReport;
  } catch {
    throw new Error(`not JSON (exit ${result.code}): ${result.stdout}\n${result.stderr}`);
  }
  return { ...result, report };
}

export function diagnosticsOf(report: JsonReport, rule: string, file?: string): JsonDiagnostic[] {
  return report.files.filter((f) => file === undefined || f.path === file).flatMap((f) => f.diagnostics.filter((d) => d.rule === rule));
}
