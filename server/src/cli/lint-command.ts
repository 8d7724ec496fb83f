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
import { discover, displayPath, ignoreMatcher, type InputProblem } from '../node/files';
import { Project, lintFile, lintStdin, type FileJob, type LintSettings } from './lint-files';
import { addToSummary, summarize, type FileResult, type Summary } from './report';
import { createReporter, render } from './formats';
import { lintInWorkers, planTasks } from './workers';

export const EXIT_CLEAN = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

export class FatalError extends Error {}

export interface LintIo {
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** The script a worker thread starts (dist/cli.js). */
  entry: string;
  stdoutIsTTY: boolean;
  env: NodeJS.ProcessEnv;
}

function settingsFrom(args: LintArgs, cwd: string): LintSettings {
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
  return {
    mode: args.fix ? 'fix' : args.fixDryRun ? 'fix-dry-run' : 'lint',
    fixTypes: args.fixTypes,
    cwd,
    configFile,
    noConfig: args.noConfig,
    modelPath,
    ruleOverrides: args.ruleOverrides,
    allow: args.allow,
    quiet: args.quiet,
    maxSize: args.maxSize,
    editRanges: args.format === 'sarif',
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
  const ctx = { cwd: io.cwd, color, mode: settings.mode, problems };

  if (args.stdin) {
    const results = [lintStdin(settings, project, args.stdinFilename)];
    for (const result of results) if (result.error !== undefined) io.stderr(`jiaodui: ${result.path}: ${result.error}\n`);
    const summary = summarize(results);
    const report = render(args.format, results, summary, ctx);
    const stdinFixed = settings.mode === 'fix' ? results[0].output : undefined;
    if (stdinFixed !== undefined) {
      // The fixed text owns stdout (cat draft | jiaodui lint - --fix > fixed); the report goes to stderr.
      io.stdout(stdinFixed);
      io.stderr(report);
    } else {
      io.stdout(report);
    }
    return exitCodeFor(summary, problems.length > 0 || results.some((r) => r.error !== undefined), args.maxWarnings);
  }

  const cliIgnored = ignoreMatcher(args.ignore, io.cwd);
  const discovery = discover(args.inputs, io.cwd, cliIgnored);
  problems.push(...discovery.problems);
  const jobs: FileJob[] = [];
  const sizes: number[] = [];
  const skippedByConfig = new Map<string, { error: ConfigError; count: number }>();
  for (const file of discovery.files) {
    const config = project.configFor(file);
    if (config instanceof ConfigError) {
      const entry = skippedByConfig.get(config.message) ?? { error: config, count: 0 };
      entry.count++;
      skippedByConfig.set(config.message, entry);
      continue;
    }
    if (config.isIgnored(file)) continue;
    sizes.push(fileSize(file));
    jobs.push({ index: jobs.length, file, display: displayPath(file, io.cwd) });
  }
  for (const { error, count } of skippedByConfig.values()) {
    problems.push({ path: '', reason: `${error.message}；受其管辖的 ${count} 个稿件未检查（${count} drafts not linted）` });
  }
  for (const problem of problems) io.stderr(`jiaodui: ${problem.path ? `${problem.path}: ` : ''}${problem.reason}\n`);

  // Each result is reported as soon as every earlier file's is, then dropped: memory
  // holds the findings of the files in flight, not of the whole run.
  const reporter = createReporter(args.format, ctx, io.stdout);
  const summary: Summary = { files: 0, errors: 0, warnings: 0, infos: 0 };
  let resultFailed = false;
  const waiting = new Map<number, FileResult>();
  let next = 0;
  const report = (index: number, result: FileResult) => {
    waiting.set(index, result);
    for (let r = waiting.get(next); r !== undefined; r = waiting.get(next)) {
      waiting.delete(next++);
      if (r.error !== undefined) {
        resultFailed = true;
        io.stderr(`jiaodui: ${r.path}: ${r.error}\n`);
      }
      addToSummary(summary, r);
      reporter.file(r);
    }
  };

  const { tasks, threads } = planTasks(jobs, sizes, settings, args.jobs);
  if (threads > 1) await lintInWorkers(io.entry, tasks, settings, threads, report);
  else for (const job of jobs) report(job.index, lintFile(job, settings, project));

  reporter.end(summary);
  return exitCodeFor(summary, problems.length > 0 || resultFailed, args.maxWarnings);
}

function fileSize(file: string): number {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0;
  }
}
