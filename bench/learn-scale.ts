/**
 * bench:learn — does learning scale? `jiaodui learn` (the built CLI, a whole process)
 * on growing prefixes of the development corpus's news folder (0.5, 1, 2 M characters
 * and all of it, ~6.7 M), reporting learn time, peak RSS, model size, and the cold
 * start of `jiaodui lint` on a 2 KB draft with that model (wall, CPU and peak RSS). CPU
 * time (user + system) is reported beside wall time: on a machine shared with other
 * work it is the figure that compares.
 *
 *   npm run bench:learn [-- --sizes 0.5,1,2,all --runs N --jobs N]
 *
 * A prefix is whole corpus files in name order, as many as reach the size. The corpus
 * is read from ../shared/dev-corpus and never copied: the prefixes are folders of links.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO_ROOT, loadSeeds, machineDescription, writeResult } from './lib/corpus';
import { DEV_NEWS_DIR, devCorpusAvailable } from './lib/dev-corpus';
import { fixed, median, renderTable, verdict } from './lib/table';

const CLI = path.join(REPO_ROOT, 'dist', 'cli.js');
const RSS_PROBE = path.join(__dirname, 'lib', 'rss-probe.cjs');

export const LEARN_TARGETS = { learnSeconds: 60, learnRssMb: 1024, coldStartMs: 500, coldStartRssMb: 150 };

interface Timed {
  ms: number;
  /** User + system CPU time of the child, all its threads. */
  cpuMs: number;
  rssMb: number;
  code: number | null;
  stderr: string;
}

function timed(args: string[], scratch: string): Timed {
  const rssFile = path.join(scratch, `rss-${process.pid}`);
  fs.rmSync(rssFile, { force: true });
  fs.rmSync(`${rssFile}.cpu`, { force: true });
  const started = performance.now();
  const r = spawnSync(process.execPath, ['--require', RSS_PROBE, CLI, ...args], {
    cwd: scratch,
    encoding: 'utf8',
    env: { ...process.env, JIAODUI_BENCH_RSS_FILE: rssFile },
    maxBuffer: 64 * 1024 * 1024,
  });
  const ms = performance.now() - started;
  const rssMb = fs.existsSync(rssFile) ? Number(fs.readFileSync(rssFile, 'utf8')) / 1024 : 0;
  const cpuMs = fs.existsSync(`${rssFile}.cpu`) ? Number(fs.readFileSync(`${rssFile}.cpu`, 'utf8')) : 0;
  return { ms, cpuMs, rssMb, code: r.status, stderr: r.stderr };
}

export interface LearnScaleRow {
  label: string;
  files: number;
  characters: number;
  learnMs: number;
  learnCpuMs: number;
  learnRssMb: number;
  modelBytes: number;
  coldStartMs: number;
  coldStartCpuMs: number;
  coldStartRssMb: number;
}

export function runLearnScale(options: { sizes?: Array<number | 'all'>; runs?: number; jobs?: number } = {}): LearnScaleRow[] {
  if (!devCorpusAvailable()) throw new Error(`no development corpus at ${DEV_NEWS_DIR}`);
  const sizes = options.sizes ?? [0.5e6, 1e6, 2e6, 'all'];
  const runs = options.runs ?? 3;
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'jiaodui-learn-scale-'));
  const files = fs
    .readdirSync(DEV_NEWS_DIR)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((name) => ({ name, chars: fs.readFileSync(path.join(DEV_NEWS_DIR, name), 'utf8').length }));
  const seed = loadSeeds()[0].content;
  const draft = path.join(scratch, 'draft.txt');
  fs.writeFileSync(draft, seed.slice(0, seed.lastIndexOf('\n\n', 700) + 1));
  const rows: LearnScaleRow[] = [];
  try {
    for (const size of sizes) {
      const dir = path.join(scratch, `corpus-${size}`);
      fs.mkdirSync(dir);
      let characters = 0;
      let count = 0;
      for (const f of files) {
        if (size !== 'all' && characters >= size) break;
        fs.symlinkSync(path.join(DEV_NEWS_DIR, f.name), path.join(dir, f.name));
        characters += f.chars;
        count++;
      }
      const model = path.join(scratch, `model-${size}.jiaodui`);
      const jobs = options.jobs === undefined ? [] : ['--jobs', String(options.jobs)];
      const learn = timed(['learn', dir, '--out', model, '--quiet', ...jobs], scratch);
      if (learn.code !== 0) throw new Error(`learn failed: ${learn.stderr}`);
      const cold = Array.from({ length: runs }, () => {
        const r = timed(['lint', '--format', 'json', '--model', model, draft], scratch);
        if (r.code !== 0 && r.code !== 1) throw new Error(`lint failed: ${r.stderr}`);
        return r;
      });
      rows.push({
        label: size === 'all' ? 'all' : `${size / 1e6} M`,
        files: count,
        characters,
        learnMs: learn.ms,
        learnCpuMs: learn.cpuMs,
        learnRssMb: learn.rssMb,
        modelBytes: fs.statSync(model).size,
        coldStartMs: median(cold.map((r) => r.ms)),
        coldStartCpuMs: median(cold.map((r) => r.cpuMs)),
        coldStartRssMb: Math.max(...cold.map((r) => r.rssMb)),
      });
    }
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
  return rows;
}

export function formatLearnScale(rows: LearnScaleRow[]): string {
  const t = LEARN_TARGETS;
  const body = rows.map((r) => [
    r.label,
    r.files,
    (r.characters / 1e6).toFixed(2),
    fixed(r.learnMs / 1000, 1),
    fixed(r.learnCpuMs / 1000, 1),
    fixed(r.learnRssMb, 0),
    fixed(r.modelBytes / 1e6, 1),
    fixed(r.coldStartMs, 0),
    fixed(r.coldStartCpuMs, 0),
    fixed(r.coldStartRssMb, 0),
  ]);
  const last = rows[rows.length - 1];
  const verdicts = last
    ? `largest corpus: learn ${verdict(last.learnMs / 1000, t.learnSeconds, 'max')} (≤${t.learnSeconds} s), ${verdict(last.learnRssMb, t.learnRssMb, 'max')} (≤${t.learnRssMb} MB); ` +
      `cold start with its model ${verdict(last.coldStartMs, t.coldStartMs, 'max')} (≤${t.coldStartMs} ms), ${verdict(last.coldStartRssMb, t.coldStartRssMb, 'max')} (≤${t.coldStartRssMb} MB)`
    : '';
  return [
    `jiaodui bench:learn — ${machineDescription()}; load ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
    renderTable(
      ['corpus', 'files', 'M chars', 'learn s', 'learn CPU s', 'learn RSS MB', 'model MB', 'cold start ms', 'cold CPU ms', 'cold RSS MB'],
      body,
      new Set([1, 2, 3, 4, 5, 6, 7, 8, 9]),
    ),
    verdicts,
  ].join('\n');
}

function parseArgs(argv: string[]): { sizes?: Array<number | 'all'>; runs?: number; jobs?: number } {
  const options: { sizes?: Array<number | 'all'>; runs?: number; jobs?: number } = {};
  for (let i = 0; i < argv.length; i++) {
    const value = argv[++i];
    if (argv[i - 1] === '--sizes') options.sizes = value.split(',').map((s) => (s === 'all' ? 'all' : Number(s) * 1e6));
    else if (argv[i - 1] === '--runs') options.runs = Number(value);
    else if (argv[i - 1] === '--jobs') options.jobs = Number(value);
    else throw new Error(`unknown option ${argv[i - 1]} (use --sizes 0.5,1,2,all --runs N --jobs N)`);
  }
  return options;
}

if (require.main === module) {
  const rows = runLearnScale(parseArgs(process.argv.slice(2)));
  console.log(formatLearnScale(rows));
  console.log(
    `\nwrote ${writeResult('learn-scale.json', { benchmark: 'learn-scale', date: new Date().toISOString(), machine: machineDescription(), load: os.loadavg(), rows })}`,
  );
}
