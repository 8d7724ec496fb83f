/**
 * Many drafts, all cores: a small pool of worker threads, each running the same
 * lintFile as the main thread. Every worker pays the lexicon load (~0.1–0.3 s), so
 * the pool is only used when the input is large enough to repay it; one short draft
 * stays on the main thread and starts fast.
 *
 * The worker is the CLI bundle itself (dist/cli.js started with workerData), so the
 * build needs no extra entry point.
 */
import * as os from 'node:os';
import { Worker, parentPort, workerData } from 'node:worker_threads';
import { Project, lintFile, type FileJob, type LintSettings } from './lint-files';
import type { FileResult } from './report';

export const WORKER_MARKER = 'jiaodui-lint-worker';
/** Below this much text, a thread's start-up costs more than it saves. */
export const PARALLEL_MIN_BYTES = 1024 * 1024;
const MAX_THREADS = 8;

interface WorkerInit {
  marker: typeof WORKER_MARKER;
  settings: LintSettings;
}

type Reply = { index: number; result: FileResult } | { index: number; crash: string };

export function isLintWorker(data: unknown = workerData): boolean {
  return (data as WorkerInit | undefined)?.marker === WORKER_MARKER;
}

/** Threads to use for these jobs: 1 means the main thread alone. */
export function chooseThreads(jobCount: number, totalBytes: number, requested?: number): number {
  if (requested !== undefined) return Math.min(requested, Math.max(1, jobCount));
  if (jobCount < 2 || totalBytes < PARALLEL_MIN_BYTES) return 1;
  return Math.min(os.availableParallelism(), MAX_THREADS, jobCount);
}

/** Worker side: lint each job the main thread sends, reply with its result. */
export function runLintWorker(): void {
  const { settings } = workerData as WorkerInit;
  const project = new Project(settings);
  parentPort!.on('message', (job: FileJob) => {
    let reply: Reply;
    try {
      reply = { index: job.index, result: lintFile(job, settings, project) };
    } catch (error) {
      reply = { index: job.index, crash: (error as Error)?.stack ?? String(error) };
    }
    parentPort!.postMessage(reply);
  });
}

/**
 * Main side: largest files first, one job per idle worker, so one huge draft does
 * not leave the other threads idle at the end.
 */
export function lintInWorkers(entry: string, jobs: FileJob[], sizes: number[], settings: LintSettings, threads: number): Promise<FileResult[]> {
  const queue = [...jobs].sort((a, b) => sizes[b.index] - sizes[a.index] || a.index - b.index);
  const results = new Map<number, FileResult>();
  return new Promise((resolve, reject) => {
    const workers: Worker[] = [];
    let settled = false;
    const finish = (error?: Error) => {
      if (settled) return;
      settled = true;
      for (const w of workers) void w.terminate();
      if (error) reject(error);
      else resolve(jobs.map((job) => results.get(job.index)!));
    };
    const feed = (worker: Worker) => {
      const job = queue.shift();
      if (job) worker.postMessage(job);
      else if (results.size === jobs.length) finish();
    };
    for (let t = 0; t < threads; t++) {
      const init: WorkerInit = { marker: WORKER_MARKER, settings };
      const worker = new Worker(entry, { workerData: init });
      workers.push(worker);
      worker.on('message', (reply: Reply) => {
        if ('crash' in reply) return finish(new Error(reply.crash));
        results.set(reply.index, reply.result);
        feed(worker);
      });
      worker.on('error', (error) => finish(error));
      worker.on('exit', (code) => {
        if (code !== 0 && results.size < jobs.length) finish(new Error(`worker exited with code ${code}`));
      });
      feed(worker);
    }
  });
}
