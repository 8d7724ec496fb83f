/**
 * node:worker_threads, loaded when first needed: loading it costs ~15 ms of a
 * process's start, which a run on the main thread alone (a pre-commit hook on one
 * draft, a --cache run where every draft is unchanged) need not pay.
 */
import type * as WorkerThreads from 'node:worker_threads';

/**
 * Every thread jiaodui starts gets this argument (Worker's `argv`), so the bundle tells
 * a thread of its own from a command line without loading worker_threads.
 */
export const THREAD_ARGUMENT = '--jiaodui-thread';

let loaded: typeof WorkerThreads | undefined;

export function workerThreads(): typeof WorkerThreads {
  return (loaded ??= require('node:worker_threads') as typeof WorkerThreads);
}

/** This is a worker thread jiaodui started (a command line naming the argument is not). */
export function isJiaoduiThread(): boolean {
  return process.argv.includes(THREAD_ARGUMENT) && !workerThreads().isMainThread;
}
