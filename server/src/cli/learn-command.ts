/**
 * `jiaodui learn CORPUS... --out model.json`: read a corpus (strictly decoded, as
 * lint does), learn a model, write it atomically — the build runs this to make
 * dist/model.json, and a reader must never see half a model. A corpus file that
 * cannot be read stops the run (exit 2) rather than silently learning from less.
 */
import * as os from 'node:os';
import * as path from 'node:path';
import {
  assembleModel,
  learnEditCorrections,
  learnSections,
  MODEL_SECTIONS,
  type CorrectionEntry,
  type EditPair,
  type LearnedModel,
  type LearnedSections,
  type SectionName,
} from '../core';
import * as fs from 'node:fs';
import { loadLexicon } from '../node/resources';
import type { LearnArgs } from './args';
import { InputError, readText } from './decode';
import { discover } from '../node/files';
import { writeModelFile } from '../node/model-file';
import { THREAD_ARGUMENT, workerThreads } from '../node/threads';
import type { EncodingOption } from '../node/encoding';

export interface LearnIo {
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** The script a worker thread starts (dist/cli.js); without it, one thread. */
  entry?: string;
}

export const LEARN_WORKER_MARKER = 'jiaodui-learn-worker';
/** Below this many characters, a second thread's start-up costs more than it saves. */
export const LEARN_PARALLEL_MIN_CHARS = 1_000_000;

/**
 * Relative cost of learning each section (share of one thread's time on the
 * development corpus, 2026-12-06). Only balances the threads; the model is the same.
 */
const SECTION_COST: Record<SectionName, number> = { phrases: 47, names: 24, repeats: 10, style: 6, digits: 3, characters: 2, corrections: 2 };

interface LearnWorkerInit {
  marker: typeof LEARN_WORKER_MARKER;
  files: string[];
  maxSize: number;
  encoding: EncodingOption;
  sections: SectionName[];
}

export function isLearnWorker(data: unknown = workerThreads().workerData): boolean {
  return (data as LearnWorkerInit | undefined)?.marker === LEARN_WORKER_MARKER;
}

/** Worker side: read the corpus, learn the sections asked for, post them back. */
export function runLearnWorker(): void {
  const { workerData, parentPort } = workerThreads();
  const { files, maxSize, encoding, sections } = workerData as LearnWorkerInit;
  const corpus = files.map((file) => ({ path: file, content: readText(file, maxSize, encoding).text }));
  parentPort!.postMessage(learnSections(corpus, loadLexicon(), sections));
}

/** The sections split into `parts` shares of about equal cost; every section in exactly one. */
export function splitSections(parts: number): SectionName[][] {
  const shares = Array.from({ length: Math.max(1, Math.min(parts, MODEL_SECTIONS.length)) }, () => ({ cost: 0, names: [] as SectionName[] }));
  for (const name of [...MODEL_SECTIONS].sort((a, b) => SECTION_COST[b] - SECTION_COST[a])) {
    const cheapest = shares.reduce((min, s) => (s.cost < min.cost ? s : min));
    cheapest.names.push(name);
    cheapest.cost += SECTION_COST[name];
  }
  return shares.map((s) => s.names);
}

function learnInWorker(entry: string, files: string[], maxSize: number, encoding: EncodingOption, sections: SectionName[]): Promise<Partial<LearnedSections>> {
  return new Promise((resolve, reject) => {
    const init: LearnWorkerInit = { marker: LEARN_WORKER_MARKER, files, maxSize, encoding, sections };
    const worker = new (workerThreads().Worker)(entry, { workerData: init, argv: [THREAD_ARGUMENT] });
    worker.once('message', (learned: Partial<LearnedSections>) => {
      resolve(learned);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`learn worker exited with code ${code}`)));
  });
}

export async function runLearn(args: LearnArgs, io: LearnIo): Promise<number> {
  const discovery = discover(args.inputs, io.cwd, () => false);
  const problems = discovery.problems.map((p) => `${p.path}: ${p.reason}`);
  for (const skip of discovery.skipped) io.stderr(`jiaodui: ${skip.path}: ${skip.reason}\n`);
  const files: Array<{ path: string; content: string }> = [];
  for (const file of discovery.files) {
    try {
      files.push({ path: file, content: readText(file, args.maxSize, args.encoding).text });
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      problems.push(`${path.relative(io.cwd, file) || file}: ${error.message}`);
    }
  }
  for (const problem of problems) io.stderr(`jiaodui: ${problem}\n`);
  if (problems.length > 0) {
    io.stderr('jiaodui: 语料有误，未写出模型（corpus errors; no model written）\n');
    return 2;
  }
  if (files.length === 0) {
    io.stderr('jiaodui: 语料为空，未写出模型（empty corpus）\n');
    return 2;
  }
  const started = Date.now();
  const characters = files.reduce((n, f) => n + f.content.length, 0);
  const threads = io.entry === undefined ? 1 : (args.jobs ?? (characters < LEARN_PARALLEL_MIN_CHARS ? 1 : os.availableParallelism()));
  // Sections are independent: the other shares are learned on worker threads while
  // this thread learns the first; the model is the same as from one thread.
  const [own, ...others] = splitSections(threads);
  const pending = others.map((sections) =>
    learnInWorker(
      io.entry!,
      files.map((f) => f.path),
      args.maxSize,
      args.encoding,
      sections,
    ),
  );
  const learned: Partial<LearnedSections> = learnSections(files, loadLexicon(), own);
  for (const part of await Promise.all(pending)) Object.assign(learned, part);
  let edits: CorrectionEntry[] = [];
  if (args.edits) {
    const pairs = readEditPairs(args.edits.drafts, args.edits.final, args.maxSize, args.encoding, io);
    if (typeof pairs === 'number') return pairs;
    edits = learnEditCorrections(pairs, loadLexicon());
  }
  const model = assembleModel(files, learned as LearnedSections, edits);
  const out = path.resolve(io.cwd, args.out);
  try {
    writeModelFile(out, model);
  } catch (error) {
    io.stderr(`jiaodui: ${args.out}: 无法写出模型（${(error as NodeJS.ErrnoException).code ?? (error as Error).message}）\n`);
    return 2;
  }
  if (!args.quiet) io.stdout(learnSummary(model, args.out, Date.now() - started));
  return 0;
}

/**
 * Drafts and their published versions, paired by file name (relative path under each
 * folder). A draft without a published version is skipped with a note; an unreadable file
 * stops the run (exit 2), as a corpus file does.
 */
function readEditPairs(draftsDir: string, finalDir: string, maxSize: number, encoding: EncodingOption, io: LearnIo): EditPair[] | number {
  const drafts = path.resolve(io.cwd, draftsDir);
  const finals = path.resolve(io.cwd, finalDir);
  for (const dir of [drafts, finals]) {
    if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
      io.stderr(`jiaodui: ${dir}: --edits 需要文件夹（not a folder）\n`);
      return 2;
    }
  }
  const pairs: EditPair[] = [];
  let unpaired = 0;
  for (const file of discover([drafts], io.cwd, () => false).files) {
    const relative = path.relative(drafts, file);
    const final = path.join(finals, relative);
    if (!fs.existsSync(final)) {
      unpaired++;
      continue;
    }
    try {
      pairs.push({ path: relative, draft: readText(file, maxSize, encoding).text, final: readText(final, maxSize, encoding).text });
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      io.stderr(`jiaodui: ${relative}: ${error.message}\n`);
      return 2;
    }
  }
  if (unpaired > 0) io.stderr(`jiaodui: ${unpaired} 篇初稿没有同名的见报稿，已跳过（${unpaired} draft(s) without a published version skipped）\n`);
  return pairs;
}

/** What each section holds, by size: enough to see that learning found something. */
export function learnSummary(model: LearnedModel, out: string, ms: number): string {
  const lines = [
    `已写出模型 ${out}（model written in ${ms} ms）`,
    `  文档 documents   ${model.corpus.documents}`,
    `  字符 characters  ${model.corpus.characters}`,
  ];
  for (const [name, section] of Object.entries(model)) {
    if (name === 'schema' || name === 'version' || name === 'corpus') continue;
    lines.push(`  ${name.padEnd(15)} ${describeSection(section)}`);
  }
  return `${lines.join('\n')}\n`;
}

function describeSection(section: unknown): string {
  if (Array.isArray(section)) return `${section.length}`;
  if (typeof section !== 'object' || section === null) return String(section);
  const parts: string[] = [];
  for (const [key, value] of Object.entries(section)) {
    if (Array.isArray(value)) parts.push(`${key} ${value.length}`);
    else if (typeof value === 'number') parts.push(`${key} ${value}`);
    else if (typeof value === 'object' && value !== null) {
      const values = Object.values(value);
      // Named counters (fullWidth, ownLine…) are worth showing; maps keyed by learned data show their size.
      const counters = Object.keys(value).every((k) => /^[A-Za-z]\w*$/.test(k));
      if (counters && values.length > 0 && values.length <= 6 && values.every((v) => typeof v === 'number')) {
        parts.push(
          `${key} {${Object.entries(value)
            .map(([k, v]) => `${k} ${v}`)
            .join(', ')}}`,
        );
      } else parts.push(`${key} ${values.length}`);
    }
  }
  return parts.join(' · ');
}
