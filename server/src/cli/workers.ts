/**
 * Many drafts, all cores: a small pool of worker threads, each running the same
 * lintFile as the main thread. Every worker pays the lexicon load (~0.1–0.3 s), so
 * the pool is only used when the input is large enough to repay it; one short draft
 * stays on the main thread and starts fast.
 *
 * One large draft uses the cores too: it is linted once per thread, each pass
 * running a share of the rules over the whole text. Every rule still sees the whole
 * document (document-scope rules compare a name or a phrase with the rest of the
 * text), so the merged findings are exactly those of one pass with every rule.
 *
 * The worker is the CLI bundle itself (dist/cli.js started with workerData), so the
 * build needs no extra entry point.
 */
import * as os from 'node:os';
import type { Worker } from 'node:worker_threads';
import { RULES } from '../core';
import { Project, lintFile, type FileJob, type LintSettings } from './lint-files';
import { compareDiagnostics, type FileResult } from './report';
import { THREAD_ARGUMENT, workerThreads } from '../node/threads';

export const WORKER_MARKER = 'jiaodui-lint-worker';
/** Below this much text, a thread's start-up costs more than it saves. */
export const PARALLEL_MIN_BYTES = 1024 * 1024;
/**
 * A draft this large is split by rules across the threads. Below it, a second
 * thread's start-up (bundle + lexicon, ~0.1 s) costs more than its share of the rules.
 */
export const SPLIT_MIN_BYTES = 512 * 1024;
/**
 * Above this, a draft is not split: every share holds the whole text and its
 * analysis, so splitting a 30 MB draft doubled peak memory (0.59 → 0.91 GB) for a
 * gain that memory pressure ate. Large drafts stay within the memory budget instead.
 */
export const SPLIT_MAX_BYTES = 4 * 1024 * 1024;
const MAX_THREADS = 8;
/**
 * Tasks a worker holds at once. A worker's reply waits until the main thread ends the
 * draft it is linting itself; with one task at a time the worker sat idle meanwhile
 * (42 % of its time over 1,000 drafts of 2–5 KB, under load); with three queued, 7–9 %.
 * The queue stays short, so the last (smallest: heaviest go first) tasks still spread.
 */
const WORKER_QUEUE = 3;

/**
 * Cost of each rule per MB of news text where a split draft's shares run: in a thread
 * or process just started, with cold code (ms of CPU, one rule at a time, `lint -j 1`
 * on the seeds repeated to 1 MB, less the same run with every rule off; 2026-12-06).
 * Figures measured with warm code made name-consistency look four times costlier than
 * fixed-phrase and left wrong-char, now among the costliest, at a default.
 * Only used to balance the shares: a stale figure makes the split uneven, never the
 * findings different.
 */
const RULE_COST: Record<string, number> = {
  'name-consistency': 420,
  'fixed-phrase': 300,
  'broken-paragraph': 230,
  'wrong-char': 200,
  'duplicate-word': 120,
  'cjk-spacing': 90,
  'stray-digits': 80,
  'punctuation-width': 80,
  'numbering-sequence': 60,
  'paired-punctuation': 40,
  'traditional-char': 35,
  'repeated-punctuation': 20,
  'punctuation-form': 15,
  'masthead-date': 10,
};
/**
 * What a worker spends starting (bundle, lexicon, model: ms of CPU) before its share
 * begins, while the main thread, already started, is linting its own: the main
 * thread's share carries that much more.
 */
const WORKER_START_MS = 200;
const DEFAULT_RULE_COST = 100;
const MB = 1_000_000;

interface WorkerInit {
  marker: typeof WORKER_MARKER;
  settings: LintSettings;
}

/** One unit of work: a file, or one rule share of a split file. */
export interface LintTask extends FileJob {
  /** Which share of the file's rules (0 when not split). */
  part: number;
  parts: number;
  /** Estimated cost, for scheduling the largest first. */
  weight: number;
}

type Reply = { task: number; result: FileResult } | { task: number; crash: string };

export function isLintWorker(data: unknown = workerThreads().workerData): boolean {
  return (data as WorkerInit | undefined)?.marker === WORKER_MARKER;
}

/** Threads to use for these jobs: 1 means the main thread alone. */
export function chooseThreads(jobCount: number, totalBytes: number, requested?: number): number {
  if (requested !== undefined) return Math.min(requested, Math.max(1, jobCount));
  if (totalBytes < PARALLEL_MIN_BYTES) return 1;
  return Math.min(os.availableParallelism(), MAX_THREADS, Math.max(1, jobCount));
}

/**
 * The rules split into `parts` shares of about equal cost (largest first, each to the
 * cheapest share so far). Every rule is in exactly one share. Shares after the first
 * start `headStart` behind (a worker's start-up, in cost units): the first share is
 * the main thread's.
 */
export function splitRules(parts: number, ruleIds: readonly string[] = RULES.map((r) => r.meta.id), headStart = 0): string[][] {
  return balanceRules(parts, ruleIds, headStart).map((s) => s.rules);
}

function balanceRules(parts: number, ruleIds: readonly string[], headStart: number): Array<{ cost: number; rules: string[] }> {
  const shares = Array.from({ length: Math.max(1, Math.min(parts, ruleIds.length)) }, (_, k) => ({ cost: k === 0 ? 0 : headStart, rules: [] as string[] }));
  const byCost = [...ruleIds].sort((a, b) => (RULE_COST[b] ?? DEFAULT_RULE_COST) - (RULE_COST[a] ?? DEFAULT_RULE_COST) || a.localeCompare(b));
  for (const id of byCost) {
    const cheapest = shares.reduce((min, s) => (s.cost < min.cost ? s : min));
    cheapest.rules.push(id);
    cheapest.cost += RULE_COST[id] ?? DEFAULT_RULE_COST;
  }
  return shares.map((s, k) => ({ rules: s.rules, cost: s.cost - (k === 0 ? 0 : headStart) }));
}

/**
 * Tasks and threads for these jobs. A draft between SPLIT_MIN_BYTES and
 * SPLIT_MAX_BYTES is split by rules into one task per thread when only linting (fixing rewrites the text between
 * passes, so it needs every rule at once).
 */
export function planTasks(
  jobs: readonly FileJob[],
  sizes: readonly number[],
  settings: Pick<LintSettings, 'mode'>,
  requested?: number,
): { tasks: LintTask[]; threads: number } {
  const totalBytes = jobs.reduce((n, job) => n + sizes[job.index], 0);
  const cores = requested ?? (totalBytes < PARALLEL_MIN_BYTES ? 1 : Math.min(os.availableParallelism(), MAX_THREADS));
  const tasks: LintTask[] = [];
  for (const job of jobs) {
    const size = sizes[job.index];
    const split = cores > 1 && settings.mode === 'lint' && size >= SPLIT_MIN_BYTES && size <= SPLIT_MAX_BYTES;
    if (!split) {
      tasks.push({ ...job, part: 0, parts: 1, weight: size });
      continue;
    }
    // A worker's start weighs more against a small draft's shares than a large one's.
    const shares = balanceRules(
      cores,
      RULES.map((r) => r.meta.id),
      (WORKER_START_MS * MB) / size,
    );
    const total = shares.reduce((sum, s) => sum + s.cost, 0);
    // Weighted by cost, so the heaviest share is scheduled first: on the main thread.
    shares.forEach(({ rules, cost }, part) => tasks.push({ ...job, part, parts: shares.length, weight: (size * cost) / total, rules }));
  }
  return { tasks, threads: Math.max(1, Math.min(cores, tasks.length)) };
}

/** The shares of one split file, back into one result: diagnostics in the engine's order. */
export function mergeParts(parts: readonly FileResult[]): FileResult {
  if (parts.length === 1) return parts[0];
  const failed = parts.find((p) => p.error !== undefined);
  if (failed) return failed;
  // Stable sort of the concatenation: findings that tie on offset and rule come from
  // one share, in the order that share found them, as in one pass with every rule.
  const diagnostics = parts.flatMap((p) => p.diagnostics).sort(compareDiagnostics);
  return { ...parts[0], diagnostics };
}

/** Worker side: lint each task the main thread sends, reply with its result. */
export function runLintWorker(): void {
  const { workerData, parentPort } = workerThreads();
  const { settings } = workerData as WorkerInit;
  const project = new Project(settings);
  parentPort!.on('message', ({ task, job }: { task: number; job: FileJob }) => {
    let reply: Reply;
    try {
      reply = { task, result: lintFile(job, settings, project) };
    } catch (error) {
      reply = { task, crash: (error as Error)?.stack ?? String(error) };
    }
    parentPort!.postMessage(reply);
  });
}

/**
 * Main side: heaviest tasks first, one per idle thread, so one huge draft does not
 * leave the other threads idle at the end. The main thread is one of the `threads`:
 * it lints with `lintHere` between handling the workers' messages, so a run on two
 * cores starts one worker, not two (a worker costs a bundle and a lexicon load).
 * `onResult` gets each file's result as soon as all its shares are in (in completion
 * order, not input order).
 */
export function lintInWorkers(
  entry: string,
  tasks: readonly LintTask[],
  settings: LintSettings,
  threads: number,
  onResult: (index: number, result: FileResult) => void,
  lintHere: (job: FileJob) => FileResult,
): Promise<void> {
  const order = tasks.map((_, i) => i).sort((a, b) => tasks[b].weight - tasks[a].weight || a - b);
  const partsOf = new Map<number, FileResult[]>();
  let done = 0;
  const jobOf = (task: number): FileJob => {
    const { part: _part, parts: _parts, weight: _weight, ...job } = tasks[task];
    return job;
  };
  return new Promise((resolve, reject) => {
    const workers: Worker[] = [];
    let settled = false;
    const finish = (error?: Error) => {
      if (settled) return;
      settled = true;
      for (const w of workers) void w.terminate();
      if (error) reject(error);
      else resolve();
    };
    /** Records one task's result; false when the run failed. */
    const accept = (taskIndex: number, result: FileResult): boolean => {
      const task = tasks[taskIndex];
      let parts = partsOf.get(task.index);
      if (!parts) partsOf.set(task.index, (parts = []));
      parts[task.part] = result;
      done++;
      if (parts.filter(Boolean).length === task.parts) {
        partsOf.delete(task.index);
        try {
          onResult(task.index, mergeParts(parts));
        } catch (error) {
          finish(error as Error);
          return false;
        }
      }
      if (done === tasks.length) finish();
      return true;
    };
    const feed = (worker: Worker) => {
      const next = order.shift();
      if (next !== undefined) worker.postMessage({ task: next, job: jobOf(next) });
    };
    // The heaviest task is the main thread's: it starts at once, while the workers boot.
    const first = order.shift();
    for (let t = 1; t < threads; t++) {
      const init: WorkerInit = { marker: WORKER_MARKER, settings };
      const worker = new (workerThreads().Worker)(entry, { workerData: init, argv: [THREAD_ARGUMENT] });
      workers.push(worker);
      worker.on('message', (reply: Reply) => {
        if (settled) return;
        if ('crash' in reply) return finish(new Error(reply.crash));
        if (accept(reply.task, reply.result)) feed(worker);
      });
      worker.on('error', (error) => finish(error));
      worker.on('exit', (code) => {
        if (code !== 0 && done < tasks.length) finish(new Error(`worker exited with code ${code}`));
      });
      for (let queued = 0; queued < WORKER_QUEUE; queued++) feed(worker);
    }
    // The main thread's share: one task at a time, yielding so worker replies are handled.
    let mine = first;
    const here = () => {
      if (settled) return;
      const next = mine ?? order.shift();
      mine = undefined;
      if (next === undefined) return;
      let result: FileResult;
      try {
        result = lintHere(jobOf(next));
      } catch (error) {
        return finish(error as Error);
      }
      if (accept(next, result)) setImmediate(here);
    };
    setImmediate(here);
  });
}
