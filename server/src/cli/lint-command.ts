/**
 * `jiaodui lint`: find the inputs, lint them (on worker threads when there is
 * enough text), print the report, choose the exit code. Every input that cannot be
 * linted gets one line on stderr naming it and the reason; the rest are still
 * linted, and the run exits 2.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ConfigError, loadConfigFile } from '../node/config';
import { loadModel } from '../node/resources';
import type { LintArgs } from './args';
import { discover, displayPath, ignoreMatcher, languageOf, type InputProblem } from '../node/files';
import { LintCache, cacheFileFor, viewOf, type CacheReads } from './cache';
import { Project, lintFile, lintStdin, type FileJob, type LintSettings } from './lint-files';
import { addToSummary, summarize, type FileResult, type Summary } from './report';
import { createReporter, render } from './formats';
import { tooManyWarnings } from './formats/text';
import { lintInWorkers, planTasks } from './workers';

export const EXIT_CLEAN = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

export class FatalError extends Error {}

/** Report text gathered before one write to stdout (UTF-16 code units). */
const REPORT_WRITE_CHARS = 512 * 1024;

export interface LintIo {
  cwd: string;
  /** Report text, and a cached draft's findings as the UTF-8 bytes kept (see cache.ts). */
  stdout: (text: string | Uint8Array) => void;
  stderr: (text: string) => void;
  /** The script a worker thread starts (dist/cli.js). */
  entry: string;
  stdoutIsTTY: boolean;
  env: NodeJS.ProcessEnv;
}

export function settingsFrom(args: LintArgs, cwd: string): LintSettings {
  const configFile = args.configFile === undefined ? undefined : path.resolve(cwd, args.configFile);
  const modelPath = args.modelPath === undefined ? undefined : path.resolve(cwd, args.modelPath);
  // Fail fast on the explicit files: without them nothing can be linted as asked.
  if (configFile !== undefined) {
    try {
      loadConfigFile(configFile);
    } catch (error) {
      throw new FatalError(error instanceof ConfigError ? error.message : String(error));
    }
  }
  if (modelPath !== undefined) {
    try {
      loadModel(modelPath);
    } catch (error) {
      throw new FatalError((error as Error).message);
    }
  }
  const mode = args.fix ? 'fix' : args.fixDryRun ? 'fix-dry-run' : 'lint';
  return {
    mode,
    fixTypes: args.fixTypes,
    cwd,
    configFile,
    noConfig: args.noConfig,
    modelPath,
    ruleOverrides: args.ruleOverrides,
    allow: args.allow,
    quiet: args.quiet,
    maxSize: args.maxSize,
    encoding: args.encoding,
    // A --cache entry serves every format, SARIF's edit ranges included.
    editRanges: args.format === 'sarif' || (args.cache && mode === 'lint'),
  };
}

export function exitCodeFor(summary: Summary, inputFailed: boolean, maxWarnings: number | undefined): number {
  if (inputFailed) return EXIT_USAGE;
  if (summary.errors > 0) return EXIT_FINDINGS;
  if (maxWarnings !== undefined && summary.warnings > maxWarnings) return EXIT_FINDINGS;
  return EXIT_CLEAN;
}

export async function runLint(args: LintArgs, io: LintIo): Promise<number> {
  const settings = settingsFrom(args, io.cwd);
  const project = new Project(settings);
  const problems: InputProblem[] = [];
  const color = args.color ?? (io.stdoutIsTTY && !io.env.NO_COLOR);
  const ctx = { cwd: io.cwd, color, mode: settings.mode, problems, maxWarnings: args.maxWarnings };

  if (args.stdin) {
    const results = [lintStdin(settings, project, args.stdinFilename)];
    for (const result of results) sayDecodedAs(result, io);
    for (const result of results) if (result.error !== undefined) io.stderr(`jiaodui: ${result.path}: ${result.error}\n`);
    const summary = summarize(results);
    sayTooManyWarnings(args, summary, io);
    const report = render(args.format, results, summary, ctx);
    if (settings.mode === 'fix') {
      // The fixed text owns stdout (cat draft | jiaodui lint - --fix > fixed); the report goes to
      // stderr, also when the input could not be read (stdout then stays empty, exit 2).
      const stdinFixed = results[0].output;
      if (stdinFixed !== undefined) io.stdout(stdinFixed);
      io.stderr(report);
    } else {
      io.stdout(report);
    }
    return exitCodeFor(summary, problems.length > 0 || results.some((r) => r.error !== undefined), args.maxWarnings);
  }

  const cliIgnored = args.noIgnore ? () => false : ignoreMatcher(args.ignore, io.cwd);
  const discovery = discover(args.inputs, io.cwd, cliIgnored);
  // A file the user named but an ignore pattern leaves out: said (as ESLint does), not an error.
  const sayIgnored = (shown: string) =>
    io.stderr(
      `jiaodui: ${shown}: 匹配 ignore 规则，已忽略；用 --no-ignore 可检查（File ignored because of a matching ignore pattern. Use --no-ignore to override）\n`,
    );
  for (const input of discovery.ignored) sayIgnored(input);
  problems.push(...discovery.problems);
  // Drafts met in a folder or a glob that are not regular files: said, not fatal.
  for (const skip of discovery.skipped) io.stderr(`jiaodui: ${skip.path}: ${skip.reason}\n`);
  const skippedByConfig = new Map<string, { error: ConfigError; count: number }>();
  let files: string[] = [];
  for (const file of discovery.files) {
    const config = project.configFor(file);
    if (config instanceof ConfigError) {
      const entry = skippedByConfig.get(config.message) ?? { error: config, count: 0 };
      entry.count++;
      skippedByConfig.set(config.message, entry);
      continue;
    }
    if (args.noIgnore || !config.isIgnored(file)) files.push(file);
    else if (discovery.named.has(file)) sayIgnored(displayPath(file, io.cwd));
  }
  if (args.shard) files = shardOf(files, args.shard, io.cwd);
  const jobs: FileJob[] = files.map((file, index) => ({ index, file, display: displayPath(file, io.cwd) }));
  for (const { error, count } of skippedByConfig.values()) {
    problems.push({
      path: displayPath(error.file, io.cwd),
      reason: `${error.reason}；受其管辖的 ${count} 个稿件未检查（${count === 1 ? '1 draft' : `${count} drafts`} not linted）`,
    });
  }
  for (const problem of problems) io.stderr(`jiaodui: ${problem.path ? `${problem.path}: ` : ''}${problem.reason}\n`);

  // Each result is reported as soon as every earlier file's is, then dropped: memory
  // holds the findings of the files in flight, not of the whole run.
  // Pieces of the report are gathered into writes of ~1 MB: one write per piece costs a system call each.
  let pending: Array<string | Uint8Array> = [];
  let pendingLength = 0;
  const flush = () => {
    if (pending.length > 0) io.stdout(joinPieces(pending));
    pending = [];
    pendingLength = 0;
  };
  let cache: LintCache | undefined;
  if (args.cache && settings.mode === 'lint') {
    const cacheFile = cacheFileFor(args.cacheLocation, io.cwd);
    cache = LintCache.load(cacheFile, settings, io.entry, (message) => io.stderr(`jiaodui: ${displayPath(cacheFile, io.cwd)}: ${message}\n`));
  }
  // What the format reads of a cached draft: its bytes for JSON, text and github; SARIF parses them.
  const view = viewOf(args.format, color);
  const cacheReads: CacheReads = args.format === 'json' ? { json: true } : view ? { view } : { diagnostics: true, editRanges: args.format === 'sarif' };
  const reporter = createReporter(
    args.format,
    ctx,
    (text) => {
      pending.push(text);
      pendingLength += text.length;
      if (pendingLength >= REPORT_WRITE_CHARS) flush();
    },
    cache && view ? (result, text, counts) => cache.setView(result.absolutePath, view, { path: result.path, bytes: Buffer.from(text), ...counts }) : undefined,
  );
  const summary: Summary = { files: 0, errors: 0, warnings: 0, infos: 0, failed: 0 };
  let resultFailed = false;
  const waiting = new Map<number, FileResult>();
  let next = 0;
  const cacheKeys = new Map<number, string>();
  const report = (index: number, result: FileResult) => {
    const key = cacheKeys.get(index);
    if (cache && key !== undefined) {
      if (result.error === undefined) {
        const bytes = cache.set(result.absolutePath, key, result.diagnostics);
        if ('json' in cacheReads) result.diagnosticsJson = bytes;
      } else cache.delete(result.absolutePath);
    }
    waiting.set(index, result);
    for (let r = waiting.get(next); r !== undefined; r = waiting.get(next)) {
      waiting.delete(next++);
      sayDecodedAs(r, io);
      if (r.error !== undefined) {
        resultFailed = true;
        io.stderr(`jiaodui: ${r.path}: ${r.error}\n`);
      }
      addToSummary(summary, r);
      reporter.file(r);
    }
  };

  // Sizes plan the threads; only drafts still to lint need theirs (a cache hit's is never asked).
  const sizes = new Array<number>(jobs.length).fill(0);
  let toLint = jobs;
  if (cache) {
    toLint = [];
    for (const job of jobs) {
      const content = readOrUndefined(job.file);
      const key = content === undefined ? undefined : cacheKeyOf(cache, project, job.file, content);
      const cached = key === undefined ? undefined : cache.get(job.file, key, job.display, cacheReads);
      if (cached) report(job.index, cached);
      else {
        if (key !== undefined) cacheKeys.set(job.index, key);
        sizes[job.index] = content?.length ?? 0;
        toLint.push(job);
      }
    }
  } else for (const job of jobs) sizes[job.index] = fileSize(job.file);
  const { tasks, threads } = planTasks(toLint, sizes, settings, args.jobs);
  if (threads > 1) await lintInWorkers(io.entry, tasks, settings, threads, report, (job) => lintFile(job, settings, project));
  else for (const job of toLint) report(job.index, lintFile(job, settings, project));

  summary.failed += problems.length;
  sayTooManyWarnings(args, summary, io);
  reporter.end(summary);
  flush();
  cache?.save();
  return exitCodeFor(summary, problems.length > 0 || resultFailed, args.maxWarnings);
}

/** --encoding auto says which encoding it used when it was not UTF-8. */
function sayDecodedAs(result: FileResult, io: LintIo): void {
  if (result.decodedAs) io.stderr(`jiaodui: ${result.path}: 按 ${result.decodedAs.toUpperCase()} 解码（--encoding auto: decoded as ${result.decodedAs}）\n`);
}

/** The text summary says why --max-warnings failed the run; the machine formats keep stdout theirs, so stderr says it. */
function sayTooManyWarnings(args: LintArgs, summary: Summary, io: LintIo): void {
  const reason = args.format === 'text' ? undefined : tooManyWarnings(summary, args.maxWarnings);
  if (reason) io.stderr(`jiaodui: ${reason}\n`);
}

/** The cache key of a draft, or undefined when its config is bad (linting it reports why). */
function cacheKeyOf(cache: LintCache, project: Project, file: string, content: Uint8Array): string | undefined {
  const config = project.configFor(file);
  if (config instanceof ConfigError) return undefined;
  return cache.keyFor(config, content, languageOf(file));
}

/** A draft's bytes for its cache key, or undefined when it cannot be read (linting it reports why). */
function readOrUndefined(file: string): Buffer | undefined {
  try {
    return fs.readFileSync(file);
  } catch {
    return undefined;
  }
}

/** The report's pieces as one write: text alone stays text, cached bytes make it bytes. */
function joinPieces(pieces: ReadonlyArray<string | Uint8Array>): string | Uint8Array {
  if (pieces.every((p) => typeof p === 'string')) return pieces.join('');
  const buffers: Uint8Array[] = [];
  let text: string[] = [];
  for (const piece of pieces) {
    if (typeof piece === 'string') text.push(piece);
    else {
      if (text.length > 0) buffers.push(Buffer.from(text.join('')));
      text = [];
      buffers.push(piece);
    }
  }
  if (text.length > 0) buffers.push(Buffer.from(text.join('')));
  return Buffer.concat(buffers);
}

/**
 * `--shard i/n`, as Jest spells it: the drafts sorted by path and cut into n runs of
 * consecutive drafts whose sizes differ by at most one; shard i (1-based) is the i-th.
 * Every machine of a CI matrix computes the same cut, so the shards are disjoint and
 * together cover every draft.
 */
export function shardOf(files: readonly string[], shard: { index: number; count: number }, cwd: string): string[] {
  const sorted = [...files].sort((a, b) => {
    const x = displayPath(a, cwd);
    const y = displayPath(b, cwd);
    return x < y ? -1 : x > y ? 1 : 0;
  });
  const base = Math.floor(sorted.length / shard.count);
  const extra = sorted.length % shard.count;
  const start = (shard.index - 1) * base + Math.min(shard.index - 1, extra);
  const chosen = new Set(sorted.slice(start, start + base + (shard.index <= extra ? 1 : 0)));
  // The shard keeps the order the drafts were given in.
  return files.filter((f) => chosen.has(f));
}

function fileSize(file: string): number {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0;
  }
}
