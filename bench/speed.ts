/**
 * bench:speed — throughput, memory, cold start and editor latency, with the tools an
 * editor would otherwise use timed in the same run on the same text.
 *
 * The corpora repeat the seeds. Each repetition is made distinct by a six-character
 * tag of spaces and tabs at the end of every paragraph: jiaodui caches findings per
 * paragraph text, and without the tag it would skip every repeat, which real drafts
 * never let it do. Every tool reads the same tagged files.
 *
 *   npm run bench:speed [-- --runs N --whole-runs N --large-mb N --small-mb N --folder-files N --no-peers --no-lsp]
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Linter, RULES } from '../server/src/core';
import { loadLexicon, loadModel } from '../server/src/node/resources';
import { loadSeeds, machineDescription, REPO_ROOT, RESULTS_DIR, writeResult, type SeedDoc } from './lib/corpus';
import { fixed, median, renderTable, verdict } from './lib/table';
import { loadPeers } from './peers';

export const TARGETS = {
  /** autocorrect-node's whole-process time ÷ jiaodui's, same run, same input, alternating runs. */
  ratioToAutocorrect: 2,
  lspP95Ms: 50,
  coldStartMs: 300,
  peakMemoryMb: 300,
  /** First --cache run ÷ a second over the unchanged folder. */
  cacheSpeedup: 10,
};

export interface SpeedOptions {
  largeBytes?: number;
  smallBytes?: number;
  /** Timed runs per measurement (the median is reported). */
  runs?: number;
  coldRuns?: number;
  peers?: boolean;
  lsp?: boolean;
  /** Where the corpora are written. */
  dir?: string;
  /** Drafts in the folder corpus (whole-process comparison over many files); 0 skips it. */
  folderFiles?: number;
  /** Alternating whole-process runs (jiaodui, autocorrect-node, …) per input. */
  wholeRuns?: number;
  seeds?: SeedDoc[];
  /** 'folder': only the folder of drafts, whole process, and --cache over it (the many-files path). */
  only?: 'folder';
  /** The CLI bundle to time (default dist/cli.js): another build, for A/B runs. */
  cli?: string;
}

export interface Timing {
  runsMs: number[];
  medianMs: number;
  /** Decimal megabytes (10^6 bytes of UTF-8) per second, from the median. */
  mbPerSecond: number;
}

export interface CorpusFile {
  file: string;
  bytes: number;
  characters: number;
}

export interface CliMeasurement extends Timing {
  findings: number | null;
  peakRssMb: number | null;
  exitCodes: number[];
}

export interface SpeedReport {
  benchmark: 'speed';
  date: string;
  machine: string;
  command: string;
  runs: number;
  corpora: { large: CorpusFile; small: CorpusFile; draft: CorpusFile };
  cli: {
    command: string;
    /** False when the CLI rejected --format json and plain output was measured instead. */
    formatJson: boolean;
    note?: string;
    large: CliMeasurement | null;
    small: CliMeasurement | null;
    error?: string;
  };
  inProcess: { large: Timing & { findings: number }; small: Timing & { findings: number } };
  peers: Array<{ name: string; version: string; call: string; small: Timing & { problems: number }; jiaoduiRatio: number; jiaoduiCliRatio: number | null }>;
  missingPeers: Array<{ name: string; error: string }>;
  coldStart: { file: string; runsMs: number[]; medianMs: number; p90Ms: number } | null;
  /** What a user or a CI job waits for: whole processes, alternating, same input, one run. */
  wholeProcess: WholeProcess[];
  /** --cache over the folder: a first run with no cache file, then runs over the unchanged folder. */
  cache: { folder: string; firstMs: number[]; secondMs: number[]; speedup: number } | null;
  lsp: {
    script: string;
    ran: boolean;
    exitCode?: number | null;
    output?: string;
    data?: unknown;
    p95Ms?: number | null;
    medianMs?: number | null;
    firstDiagnosticsMs?: number | null;
  };
  durationMs: number;
}

export interface WholeProcess {
  input: string;
  /** The row the ≥ 2× target is about (every rule on); like-for-like rows are for reference. */
  targeted: boolean;
  path: string;
  files: number;
  bytes: number;
  jiaodui: Timing & { peakRssMb: number | null; findings: number | null };
  autocorrect: (Timing & { problems: number; errors: number }) | null;
  /** autocorrect-node's median ÷ jiaodui's median: above 1, jiaodui is faster. */
  speedup: number | null;
  /** In-process medians for the same input (secondary: what neither user waits for). */
  inProcessMs: { jiaodui: number | null; autocorrect: number | null };
}

const CLI = path.join(REPO_ROOT, 'dist', 'cli.js');
const AUTOCORRECT_PROCESS = path.join(__dirname, 'autocorrect-process.cjs');
const RSS_PROBE = path.join(__dirname, 'lib', 'rss-probe.cjs');
const LSP_SCRIPT = path.join(REPO_ROOT, 'bench', 'lsp-latency.ts');
const MB = 1_000_000;
/** Extra 1 MB rows: the rules kept on. autocorrect-node checks spacing and punctuation width. */
const LIKE_FOR_LIKE: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['only cjk-spacing and punctuation-width (what autocorrect-node checks)', ['cjk-spacing', 'punctuation-width']],
  ['every rule off (the floor)', []],
];
const mb = (bytes: number) => `${(bytes / MB).toFixed(2)} MB`;

/** A tag of spaces and tabs that makes copy `k` of a paragraph a different string. */
function copyTag(k: number): string {
  let tag = '';
  for (let bit = 0; bit < 6 || k >> bit > 0; bit++) tag += (k >> bit) & 1 ? '\t' : ' ';
  return tag;
}

/** Seeds repeated until `bytes` UTF-8 bytes; copy k > 0 has every paragraph tagged. */
export function buildCorpus(seeds: readonly SeedDoc[], bytes: number): string {
  const base = seeds.map((s) => s.content.replace(/\s+$/, '')).join('\n\n') + '\n';
  const parts: string[] = [];
  let size = 0;
  for (let k = 0; size < bytes; k++) {
    const copy = k === 0 ? base : base.replace(/(\S)(?=[ \t]*\n[ \t]*\n|[ \t]*\n?$)/g, `$1${copyTag(k)}`);
    // Copies are joined by one more newline, so each starts a paragraph of its own.
    const need = bytes - size - (k > 0 ? 1 : 0);
    if (need <= 0) break;
    const copyBytes = Buffer.byteLength(copy);
    const piece = copyBytes <= need ? copy : cutAtParagraph(copy, need);
    parts.push(piece);
    size += Buffer.byteLength(piece) + (k > 0 ? 1 : 0);
    if (copyBytes > need) break;
  }
  return parts.join('\n');
}

/** The longest prefix of whole paragraphs that, with a final newline, fits in `bytes` (at least a piece of one). */
function cutAtParagraph(text: string, bytes: number): string {
  let end = 0;
  let size = 0;
  let from = 0;
  for (let i = text.indexOf('\n\n'); i >= 0; i = text.indexOf('\n\n', i + 2)) {
    size += Buffer.byteLength(text.slice(from, i));
    from = i;
    if (size + 1 > bytes) break;
    end = i;
  }
  return (end > 0 ? text.slice(0, end) : text.slice(0, Math.max(1, Math.floor(bytes / 3)))) + '\n';
}

/** A small deterministic generator (mulberry32), so every run writes the same drafts. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

/**
 * `count` drafts of 2–5 KB: runs of consecutive seed paragraphs from a random place,
 * each paragraph of draft i tagged with copyTag(i + 1) so no two drafts share a
 * paragraph (the paragraph cache spans the files of one run).
 */
export function buildDrafts(seeds: readonly SeedDoc[], count: number): string[] {
  const paragraphs = seeds.flatMap((s) =>
    s.content
      .split(/\n[ \t]*\n/)
      .map((p) => p.trim())
      .filter((p) => p.length > 0),
  );
  const next = random(20261206);
  const drafts: string[] = [];
  for (let i = 0; i < count; i++) {
    const target = 2000 + Math.floor(next() * 3000);
    const tag = copyTag(i + 1);
    const parts: string[] = [];
    let size = 0;
    for (let p = Math.floor(next() * paragraphs.length); size < target; p = (p + 1) % paragraphs.length) {
      const piece = paragraphs[p].replace(/\n/g, `${tag}\n`) + tag;
      const bytes = Buffer.byteLength(piece) + 2;
      if (size + bytes > 5000) {
        if (size >= 2000) break;
        continue;
      }
      parts.push(piece);
      size += bytes;
    }
    drafts.push(parts.join('\n\n') + '\n');
  }
  return drafts;
}

function writeDrafts(dir: string, drafts: string[]): { dir: string; bytes: number } {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  let bytes = 0;
  drafts.forEach((text, i) => {
    fs.writeFileSync(path.join(dir, `draft-${String(i).padStart(4, '0')}.txt`), text);
    bytes += Buffer.byteLength(text);
  });
  return { dir, bytes };
}

function writeCorpus(dir: string, name: string, text: string): CorpusFile {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return { file, bytes: Buffer.byteLength(text), characters: text.length };
}

function timing(runsMs: number[], bytes: number): Timing {
  const medianMs = median(runsMs);
  return { runsMs: runsMs.map((ms) => Math.round(ms * 10) / 10), medianMs, mbPerSecond: bytes / MB / (medianMs / 1000) };
}

function now(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

interface CliRun {
  ms: number;
  exitCode: number | null;
  stdout: string;
  stderr: string;
  rssKb: number | null;
}

/** The bundle runCli starts: dist/cli.js unless --cli names another build. */
let cliScript = CLI;

function runCli(args: string[], scratch: string, probe: boolean): CliRun {
  const out = path.join(scratch, `cli-${process.pid}.out`);
  const rssFile = path.join(scratch, `cli-${process.pid}.rss`);
  fs.rmSync(rssFile, { force: true });
  const fd = fs.openSync(out, 'w');
  const nodeArgs = probe ? ['--require', RSS_PROBE, cliScript, ...args] : [cliScript, ...args];
  const started = now();
  const result = spawnSync(process.execPath, nodeArgs, {
    cwd: REPO_ROOT,
    stdio: ['ignore', fd, 'pipe'],
    env: { ...process.env, JIAODUI_BENCH_RSS_FILE: rssFile },
    maxBuffer: 64 * MB,
  });
  const ms = now() - started;
  fs.closeSync(fd);
  const stdout = fs.readFileSync(out, 'utf8');
  fs.rmSync(out, { force: true });
  let rssKb: number | null = null;
  if (probe && fs.existsSync(rssFile)) {
    rssKb = Number(fs.readFileSync(rssFile, 'utf8'));
    fs.rmSync(rssFile, { force: true });
  }
  return { ms, exitCode: result.status, stdout, stderr: result.stderr?.toString() ?? '', rssKb };
}

/** Counts findings in the CLI's JSON, whatever its envelope: objects carrying a rule id. */
export function countFindings(json: unknown): number {
  if (Array.isArray(json)) return json.reduce<number>((n, item) => n + countFindings(item), 0);
  if (json && typeof json === 'object') {
    const o = json as Record<string, unknown>;
    if (typeof o.rule === 'string' || typeof o.ruleId === 'string') return 1;
    return Object.values(o).reduce<number>((n, v) => n + countFindings(v), 0);
  }
  return 0;
}

/** Exit codes a lint run may end with: 0 clean, 1 findings. Anything else is a failure. */
const LINT_OK = new Set([0, 1]);

function measureCli(args: string[], corpus: CorpusFile, runs: number, scratch: string, json: boolean): CliMeasurement {
  const runsMs: number[] = [];
  const exitCodes: number[] = [];
  let rss = 0;
  let findings: number | null = null;
  for (let i = 0; i < runs; i++) {
    const r = runCli([...args, corpus.file], scratch, true);
    if (!LINT_OK.has(r.exitCode ?? -1)) throw new Error(`jiaodui lint exited ${r.exitCode}: ${r.stderr.slice(0, 500)}`);
    runsMs.push(r.ms);
    exitCodes.push(r.exitCode ?? -1);
    rss = Math.max(rss, r.rssKb ?? 0);
    if (i === 0) {
      try {
        findings = json ? countFindings(JSON.parse(r.stdout)) : r.stdout.split('\n').filter((l) => l.trim()).length;
      } catch {
        findings = null;
      }
    }
  }
  return { ...timing(runsMs, corpus.bytes), findings, peakRssMb: rss ? rss / 1024 : null, exitCodes };
}

interface AutocorrectRun {
  ms: number;
  files: number;
  problems: number;
  errors: number;
}

function runAutocorrectProcess(target: string): AutocorrectRun {
  const started = now();
  const child = spawnSync(process.execPath, [AUTOCORRECT_PROCESS, target], { cwd: REPO_ROOT, encoding: 'utf8', maxBuffer: 16 * MB });
  const ms = now() - started;
  if (child.status !== 0) throw new Error(`autocorrect-node failed: ${child.stderr}`);
  const out = JSON.parse(child.stdout) as Omit<AutocorrectRun, 'ms'>;
  return { ms, ...out };
}

/**
 * jiaodui's CLI and autocorrect-node as whole processes on the same input, run
 * alternately (jiaodui, autocorrect, jiaodui, …) so a busy machine slows both alike.
 */
function measureWholeProcess(
  input: Pick<WholeProcess, 'input' | 'path' | 'files' | 'bytes' | 'targeted'>,
  cliArgs: string[],
  json: boolean,
  runs: number,
  scratch: string,
  withAutocorrect: boolean,
): WholeProcess {
  const jiaoduiMs: number[] = [];
  const autocorrectRuns: AutocorrectRun[] = [];
  let rss = 0;
  let findings: number | null = null;
  for (let i = 0; i < runs; i++) {
    const r = runCli([...cliArgs, input.path], scratch, true);
    if (!LINT_OK.has(r.exitCode ?? -1)) throw new Error(`jiaodui lint exited ${r.exitCode}: ${r.stderr.slice(0, 500)}`);
    jiaoduiMs.push(r.ms);
    rss = Math.max(rss, r.rssKb ?? 0);
    if (i === 0) {
      try {
        findings = json ? countFindings(JSON.parse(r.stdout)) : null;
      } catch {
        findings = null;
      }
    }
    if (withAutocorrect) autocorrectRuns.push(runAutocorrectProcess(input.path));
  }
  const jiaodui = { ...timing(jiaoduiMs, input.bytes), peakRssMb: rss ? rss / 1024 : null, findings };
  const autocorrect = autocorrectRuns.length
    ? {
        ...timing(
          autocorrectRuns.map((r) => r.ms),
          input.bytes,
        ),
        problems: autocorrectRuns[0].problems,
        errors: autocorrectRuns[0].errors,
      }
    : null;
  return {
    ...input,
    jiaodui,
    autocorrect,
    speedup: autocorrect ? autocorrect.medianMs / jiaodui.medianMs : null,
    inProcessMs: { jiaodui: null, autocorrect: null },
  };
}

/** A first --cache run (cache file removed before each) alternating with a second run over the unchanged folder. */
function measureCache(folder: string, cliArgs: string[], runs: number, scratch: string): SpeedReport['cache'] {
  const cacheFile = path.join(scratch, 'bench.jiaoduicache');
  const firstMs: number[] = [];
  const secondMs: number[] = [];
  for (let i = 0; i < runs; i++) {
    fs.rmSync(cacheFile, { force: true });
    const first = runCli([...cliArgs, '--cache', '--cache-location', cacheFile, folder], scratch, false);
    const second = runCli([...cliArgs, '--cache', '--cache-location', cacheFile, folder], scratch, false);
    if (first.stdout !== second.stdout) throw new Error('--cache: the cached report differs from the first one');
    firstMs.push(first.ms);
    secondMs.push(second.ms);
  }
  return { folder, firstMs: firstMs.map(Math.round), secondMs: secondMs.map(Math.round), speedup: median(firstMs) / median(secondMs) };
}

/** `--only folder`: the folder of drafts against autocorrect-node, then --cache over it; nothing else. */
function runFolderOnly(options: SpeedOptions, seeds: SeedDoc[], dir: string, started: number): SpeedReport {
  const folderFiles = options.folderFiles ?? 1000;
  const wholeRuns = options.wholeRuns ?? 5;
  const cliArgs = ['lint', '--format', 'json'];
  const folder = writeDrafts(path.join(dir, `drafts-${folderFiles}`), buildDrafts(seeds, folderFiles));
  const autocorrectAvailable = options.peers !== false && fs.existsSync(path.join(REPO_ROOT, 'node_modules', 'autocorrect-node'));
  const whole = measureWholeProcess(
    { input: `${folderFiles} drafts of 2–5 KB, ${mb(folder.bytes)}`, path: folder.dir, files: folderFiles, bytes: folder.bytes, targeted: true },
    cliArgs,
    true,
    wholeRuns,
    dir,
    autocorrectAvailable,
  );
  const none = { file: '', bytes: 0, characters: 0 };
  const idle = { runsMs: [], medianMs: 0, mbPerSecond: 0, findings: 0 };
  return {
    benchmark: 'speed',
    date: new Date().toISOString(),
    machine: machineDescription(),
    command: `tsx bench/speed.ts --only folder${options.cli ? ` --cli ${options.cli}` : ''}`,
    runs: wholeRuns,
    corpora: { large: none, small: none, draft: none },
    cli: { command: `node ${path.relative(REPO_ROOT, cliScript)} lint --format json DIR`, formatJson: true, large: null, small: null },
    inProcess: { large: idle, small: idle },
    peers: [],
    missingPeers: [],
    coldStart: null,
    wholeProcess: [whole],
    cache: measureCache(folder.dir, cliArgs, wholeRuns, dir),
    lsp: { script: path.relative(REPO_ROOT, LSP_SCRIPT), ran: false, output: 'skipped (--only folder)' },
    durationMs: Date.now() - started,
  };
}

export async function runSpeed(options: SpeedOptions = {}): Promise<SpeedReport> {
  const started = Date.now();
  const runs = options.runs ?? 3;
  const coldRuns = options.coldRuns ?? 10;
  const dir = options.dir ?? path.join(RESULTS_DIR, 'corpus');
  fs.mkdirSync(dir, { recursive: true });
  const seeds = options.seeds ?? loadSeeds();
  if (options.cli) cliScript = path.resolve(options.cli);
  if (options.only === 'folder') return runFolderOnly(options, seeds, dir, started);

  const largeBytes = options.largeBytes ?? 10 * MB;
  const smallBytes = options.smallBytes ?? MB;
  const large = writeCorpus(dir, `corpus-${largeBytes}.txt`, buildCorpus(seeds, largeBytes));
  const small = smallBytes === largeBytes ? large : writeCorpus(dir, `corpus-${smallBytes}.txt`, buildCorpus(seeds, smallBytes));
  const draft = writeCorpus(dir, 'draft-2kb.txt', cutAtParagraph(seeds[0].content, 2000));

  // In-process: the core alone, a fresh Linter (empty cache) per run, after one warm-up.
  const lexicon = loadLexicon();
  const model = loadModel();
  const largeText = fs.readFileSync(large.file, 'utf8');
  const smallText = fs.readFileSync(small.file, 'utf8');
  const draftText = fs.readFileSync(draft.file, 'utf8');
  const lintOnce = (text: string) => {
    const linter = new Linter({ model, lexicon });
    const t0 = now();
    const findings = linter.lint(text, 'plaintext').length;
    return { ms: now() - t0, findings };
  };
  lintOnce(draftText);
  const inProcessRuns = (text: string, bytes: number) => {
    const results = Array.from({ length: runs }, () => lintOnce(text));
    return {
      ...timing(
        results.map((r) => r.ms),
        bytes,
      ),
      findings: results[0].findings,
    };
  };
  const inProcess = { large: inProcessRuns(largeText, large.bytes), small: inProcessRuns(smallText, small.bytes) };

  // The CLI, as a pre-commit hook or CI job runs it.
  const cli: SpeedReport['cli'] = { command: 'node dist/cli.js lint --format json FILE', formatJson: true, large: null, small: null };
  const probeJson = runCli(['lint', '--format', 'json', draft.file], dir, false);
  let cliArgs = ['lint', '--format', 'json'];
  let jsonOk = LINT_OK.has(probeJson.exitCode ?? -1);
  if (jsonOk) {
    try {
      JSON.parse(probeJson.stdout);
    } catch {
      jsonOk = false;
    }
  }
  if (!jsonOk) {
    cliArgs = ['lint'];
    cli.formatJson = false;
    cli.command = 'node dist/cli.js lint FILE';
    cli.note = `the CLI does not accept --format json yet (exit ${probeJson.exitCode}); measured its default output`;
  }
  try {
    cli.large = measureCli(cliArgs, large, runs, dir, cli.formatJson);
    cli.small = small === large ? cli.large : measureCli(cliArgs, small, runs, dir, cli.formatJson);
  } catch (error) {
    cli.error = (error as Error).message;
  }

  // Cold start: one small draft, what a pre-commit hook pays per call.
  let coldStart: SpeedReport['coldStart'] = null;
  if (!cli.error) {
    const coldMs: number[] = [];
    for (let i = 0; i < coldRuns; i++) coldMs.push(runCli([...cliArgs, draft.file], dir, false).ms);
    const sorted = [...coldMs].sort((a, b) => a - b);
    coldStart = {
      file: draft.file,
      runsMs: coldMs.map((ms) => Math.round(ms)),
      medianMs: median(coldMs),
      p90Ms: sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.9) - 1)],
    };
  }

  // Whole processes, alternating: the 1 MB file, then a folder of small drafts.
  const wholeRuns = options.wholeRuns ?? 5;
  const wholeProcess: WholeProcess[] = [];
  let cache: SpeedReport['cache'] = null;
  const autocorrectAvailable = options.peers !== false && fs.existsSync(path.join(REPO_ROOT, 'node_modules', 'autocorrect-node'));
  if (!cli.error) {
    wholeProcess.push(
      measureWholeProcess(
        { input: `one file, ${mb(small.bytes)}`, path: small.file, files: 1, bytes: small.bytes, targeted: true },
        cliArgs,
        cli.formatJson,
        wholeRuns,
        dir,
        autocorrectAvailable,
      ),
    );
    // Like for like: the same file with only the checks autocorrect-node also makes, and with
    // every rule off (Node, the bundle, the lexicon, reading and the report: the floor no rule work can go under).
    for (const [label, keep] of LIKE_FOR_LIKE) {
      const off = RULES.map((r) => r.meta.id)
        .filter((id) => !keep.includes(id))
        .flatMap((id) => ['--rule', `${id}=off`]);
      wholeProcess.push(
        measureWholeProcess(
          { input: `one file, ${mb(small.bytes)}, ${label}`, path: small.file, files: 1, bytes: small.bytes, targeted: false },
          [...cliArgs, ...off],
          cli.formatJson,
          wholeRuns,
          dir,
          autocorrectAvailable,
        ),
      );
    }
    const folderFiles = options.folderFiles ?? 1000;
    if (folderFiles > 0) {
      const folder = writeDrafts(path.join(dir, `drafts-${folderFiles}`), buildDrafts(seeds, folderFiles));
      wholeProcess.push(
        measureWholeProcess(
          { input: `${folderFiles} drafts of 2–5 KB, ${mb(folder.bytes)}`, path: folder.dir, files: folderFiles, bytes: folder.bytes, targeted: true },
          cliArgs,
          cli.formatJson,
          wholeRuns,
          dir,
          autocorrectAvailable,
        ),
      );
    }
    wholeProcess[0].inProcessMs.jiaodui = inProcess.small.medianMs;
    if (folderFiles > 0) cache = measureCache(path.join(dir, `drafts-${folderFiles}`), cliArgs, wholeRuns, dir);
  }

  // Peers on the small corpus, each run in a fresh process (see bench/peer-child.ts).
  const peers: SpeedReport['peers'] = [];
  let missingPeers: SpeedReport['missingPeers'] = [];
  if (options.peers !== false) {
    const loaded = await loadPeers();
    missingPeers = loaded.missing;
    for (const peer of loaded.peers) {
      const results = Array.from({ length: runs }, () => {
        const child = spawnSync(process.execPath, ['--import', 'tsx', path.join(__dirname, 'peer-child.ts'), peer.name, small.file], {
          cwd: REPO_ROOT,
          encoding: 'utf8',
        });
        const out = JSON.parse(child.stdout || '{}') as { ms?: number; problems?: number; error?: string };
        if (child.status !== 0 || out.ms === undefined || out.error) throw new Error(`${peer.name} failed: ${out.error || child.stderr}`);
        return { ms: out.ms, problems: out.problems ?? 0 };
      });
      const t = {
        ...timing(
          results.map((r) => r.ms),
          small.bytes,
        ),
        problems: results[0].problems,
      };
      peers.push({
        name: peer.name,
        version: peer.version,
        call: peer.call,
        small: t,
        jiaoduiRatio: inProcess.small.mbPerSecond / t.mbPerSecond,
        jiaoduiCliRatio: cli.small ? cli.small.mbPerSecond / t.mbPerSecond : null,
      });
      if (peer.name === 'autocorrect-node' && wholeProcess.length > 0) wholeProcess[0].inProcessMs.autocorrect = t.medianMs;
    }
  }

  const lsp = options.lsp === false ? { script: path.relative(REPO_ROOT, LSP_SCRIPT), ran: false, output: 'skipped (--no-lsp)' } : runLspLatency();

  return {
    benchmark: 'speed',
    date: new Date().toISOString(),
    machine: machineDescription(),
    command: 'npm run bench:speed',
    runs,
    corpora: { large, small, draft },
    cli,
    inProcess,
    peers,
    missingPeers,
    coldStart,
    wholeProcess,
    cache,
    lsp,
    durationMs: Date.now() - started,
  };
}

/** Runs the editor-latency benchmark (bench/lsp-latency.ts) when it exists and keeps what it reports. */
function runLspLatency(): SpeedReport['lsp'] {
  const script = path.relative(REPO_ROOT, LSP_SCRIPT);
  if (!fs.existsSync(LSP_SCRIPT)) return { script, ran: false, output: `${script} does not exist` };
  const resultFile = path.join(RESULTS_DIR, 'lsp-latency.json');
  const before = fs.existsSync(resultFile) ? fs.statSync(resultFile).mtimeMs : 0;
  const tsx = path.join(REPO_ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
  const result = spawnSync(process.execPath, [tsx, LSP_SCRIPT], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 10 * 60_000, maxBuffer: 16 * MB });
  const output = `${result.stdout ?? ''}${result.stderr ? `\n${result.stderr}` : ''}`.trim();
  let data: unknown;
  if (fs.existsSync(resultFile) && fs.statSync(resultFile).mtimeMs > before) {
    try {
      data = JSON.parse(fs.readFileSync(resultFile, 'utf8'));
    } catch {
      data = undefined;
    }
  }
  return {
    script,
    ran: true,
    exitCode: result.status,
    output,
    data,
    p95Ms: findNumber(data, /p95/i) ?? findInText(output, /p95[^0-9]*(\d[\d.]*)\s*ms/i),
    medianMs: findNumber(data, /median|p50/i) ?? findInText(output, /(?:median|p50)[^0-9]*(\d[\d.]*)\s*ms/i),
    firstDiagnosticsMs: findNumber(data, /first|open/i) ?? findInText(output, /first diagnostics[^0-9]*(\d[\d.]*)\s*ms/i),
  };
}

/** The first numeric field whose key matches, searched depth-first (the didChange figures come first by convention). */
function findNumber(data: unknown, key: RegExp): number | null {
  if (!data || typeof data !== 'object') return null;
  for (const [k, v] of Object.entries(data as Record<string, unknown>)) {
    if (key.test(k) && typeof v === 'number') return v;
    const nested = findNumber(v, key);
    if (nested !== null) return nested;
  }
  return null;
}

function findInText(text: string, pattern: RegExp): number | null {
  const m = pattern.exec(text);
  return m ? Number(m[1]) : null;
}

export function formatSpeed(report: SpeedReport): string {
  const out: string[] = [];
  out.push(`jiaodui bench:speed — ${report.machine}; median of ${report.runs} run(s); ${(report.durationMs / 1000).toFixed(1)} s`);
  if (report.corpora.large.bytes > 0)
    out.push(
      `corpora: ${mb(report.corpora.large.bytes)} and ${mb(report.corpora.small.bytes)} (seeds repeated, each copy distinct), draft ${report.corpora.draft.bytes} B`,
    );
  if (report.cli.note) out.push(`note: ${report.cli.note}`);
  if (report.cli.error) out.push(`CLI FAILED: ${report.cli.error}`);
  out.push('');
  if (report.wholeProcess.length > 0) {
    out.push(
      `whole process (what a user or CI job waits for), alternating jiaodui / autocorrect-node, median of ${report.wholeProcess[0].jiaodui.runsMs.length}:`,
    );
    const whole = report.wholeProcess.map((w) => [
      w.input,
      fixed(w.jiaodui.medianMs, 0),
      w.jiaodui.peakRssMb ? fixed(w.jiaodui.peakRssMb, 0) : '—',
      w.autocorrect ? fixed(w.autocorrect.medianMs, 0) : '—',
      w.speedup !== null ? `${fixed(w.speedup)}×` : '—',
      w.targeted ? `≥${TARGETS.ratioToAutocorrect}×` : '(reference)',
      w.targeted ? verdict(w.speedup, TARGETS.ratioToAutocorrect, 'min') : '',
      `${fixed(w.inProcessMs.jiaodui, 0)} / ${fixed(w.inProcessMs.autocorrect, 0)}`,
    ]);
    out.push(
      renderTable(['input', 'jiaodui ms', 'RSS MB', 'autocorrect ms', 'jiaodui faster', 'target', '', 'in-process ms (j / a)'], whole, new Set([1, 2, 3, 4])),
    );
    out.push('');
  }
  if (report.cache) {
    // Each pair's own ratio too: the spread says whether the median's verdict is robust.
    const pairs = report.cache.firstMs.map((first, i) => first / report.cache!.secondMs[i]);
    out.push(
      `--cache over the same folder: first run ${fixed(median(report.cache.firstMs), 0)} ms, second (unchanged) ${fixed(median(report.cache.secondMs), 0)} ms → ${fixed(report.cache.speedup, 1)}× (target ≥${TARGETS.cacheSpeedup}× ${verdict(report.cache.speedup, TARGETS.cacheSpeedup, 'min')})`,
      `  per pair: first ${report.cache.firstMs.join(', ')} ms; second ${report.cache.secondMs.join(', ')} ms; ratios ${fixed(Math.min(...pairs), 1)}–${fixed(Math.max(...pairs), 1)}×`,
      '',
    );
  }
  if (report.lsp.output === 'skipped (--only folder)') return out.join('\n');
  const autocorrect = report.peers.find((p) => p.name === 'autocorrect-node');
  const rows: Array<Array<string | number>> = [];
  const row = (what: string, size: string, t: Timing | null, extra: string, target = '', ok = '') =>
    rows.push([what, size, t ? fixed(t.medianMs, 0) : '—', t ? fixed(t.mbPerSecond) : '—', extra, target, ok]);
  const L = mb(report.corpora.large.bytes);
  const S = mb(report.corpora.small.bytes);
  const cliLarge = report.cli.large;
  row(
    `jiaodui CLI (${report.cli.formatJson ? '--format json' : 'default output'})`,
    L,
    cliLarge,
    cliLarge?.peakRssMb ? `peak RSS ${fixed(cliLarge.peakRssMb, 0)} MB` : '',
    `≤${TARGETS.peakMemoryMb} MB`,
    verdict(cliLarge?.peakRssMb, TARGETS.peakMemoryMb + 1e-9, 'max'),
  );
  row(
    `jiaodui CLI (${report.cli.formatJson ? '--format json' : 'default output'})`,
    S,
    report.cli.small,
    report.cli.small?.peakRssMb ? `peak RSS ${fixed(report.cli.small.peakRssMb, 0)} MB` : '',
  );
  row('jiaodui in-process Linter.lint', L, report.inProcess.large, `${report.inProcess.large.findings} findings`);
  row('jiaodui in-process Linter.lint', S, report.inProcess.small, `${report.inProcess.small.findings} findings`);
  for (const p of report.peers) {
    const isAutocorrect = p.name === 'autocorrect-node';
    row(
      `${p.name}@${p.version} ${p.call.replace(/\(.*/, '')}`,
      S,
      p.small,
      `jiaodui ${fixed(p.jiaoduiRatio)}× (CLI ${fixed(p.jiaoduiCliRatio)}×)`,
      isAutocorrect ? `jiaodui ≥${TARGETS.ratioToAutocorrect}×` : '',
      isAutocorrect ? verdict(p.jiaoduiRatio, TARGETS.ratioToAutocorrect, 'min') : '',
    );
  }
  out.push(renderTable(['measurement', 'input', 'median ms', 'MB/s', '', 'target', ''], rows, new Set([2, 3])));
  out.push('');
  const other: Array<Array<string | number>> = [];
  if (report.coldStart) {
    other.push([
      'cold start: jiaodui lint on a 2 KB draft (wall, median of ' + report.coldStart.runsMs.length + ')',
      `${fixed(report.coldStart.medianMs, 0)} ms (p90 ${fixed(report.coldStart.p90Ms, 0)})`,
      `≤${TARGETS.coldStartMs} ms`,
      verdict(report.coldStart.medianMs, TARGETS.coldStartMs + 1e-9, 'max'),
    ]);
  }
  if (report.lsp.ran) {
    if (report.lsp.firstDiagnosticsMs != null)
      other.push(['editor: first diagnostics after didOpen, seed 004', `${fixed(report.lsp.firstDiagnosticsMs, 0)} ms`, '', '']);
    other.push([
      'editor latency didChange → publishDiagnostics, seed 004 (p95)',
      report.lsp.p95Ms != null ? `${fixed(report.lsp.p95Ms, 1)} ms (median ${fixed(report.lsp.medianMs, 1)})` : 'see output',
      `≤${TARGETS.lspP95Ms} ms`,
      verdict(report.lsp.p95Ms, TARGETS.lspP95Ms + 1e-9, 'max'),
    ]);
  } else {
    other.push(['editor latency', report.lsp.output ?? 'not measured', `p95 ≤${TARGETS.lspP95Ms} ms`, '']);
  }
  if (cliLarge?.peakRssMb)
    other.push([
      `peak memory: jiaodui lint on ${L}`,
      `${fixed(cliLarge.peakRssMb, 0)} MB`,
      `≤${TARGETS.peakMemoryMb} MB`,
      verdict(cliLarge.peakRssMb, TARGETS.peakMemoryMb + 1e-9, 'max'),
    ]);
  if (autocorrect)
    other.push([
      `throughput vs autocorrect-node (in-process, ${S})`,
      `${fixed(autocorrect.jiaoduiRatio)}×`,
      `≥${TARGETS.ratioToAutocorrect}×`,
      verdict(autocorrect.jiaoduiRatio, TARGETS.ratioToAutocorrect, 'min'),
    ]);
  out.push(renderTable(['measurement', 'value', 'target', ''], other));
  for (const m of report.missingPeers) out.push(`peer not available: ${m.name} (${m.error})`);
  if (report.lsp.ran && report.lsp.output) out.push('', `--- ${report.lsp.script} (exit ${report.lsp.exitCode}) ---`, report.lsp.output);
  return out.join('\n');
}

const SPEED_USAGE = `usage: tsx bench/speed.ts [options]   (npm run bench:speed builds first)
  --runs N           in-process and single-file CLI runs (median; default 3)
  --whole-runs N     alternating whole-process runs, and --cache pairs (default 5)
  --cold-runs N      cold starts on a 2 KB draft (default 10)
  --large-mb N       the large file (default 10)
  --small-mb N       the file compared with the peers (default 1)
  --folder-files N   drafts in the folder (default 1000; 0 skips it and --cache)
  --only folder      only the folder of drafts against autocorrect-node, and --cache over it
  --cli PATH         time another build of the CLI (default dist/cli.js), e.g. main's, for A/B runs
  --no-peers         no zhlint / autocorrect-node
  --no-lsp           no editor latency`;

function parseArgs(argv: string[]): SpeedOptions {
  const options: SpeedOptions = {};
  for (let i = 0; i < argv.length; i++) {
    const value = Number(argv[i + 1]);
    switch (argv[i]) {
      case '--runs':
        options.runs = value;
        i++;
        break;
      case '--cold-runs':
        options.coldRuns = value;
        i++;
        break;
      case '--large-mb':
        options.largeBytes = Math.round(value * MB);
        i++;
        break;
      case '--small-mb':
        options.smallBytes = Math.round(value * MB);
        i++;
        break;
      case '--folder-files':
        options.folderFiles = value;
        i++;
        break;
      case '--whole-runs':
        options.wholeRuns = value;
        i++;
        break;
      case '--no-peers':
        options.peers = false;
        break;
      case '--no-lsp':
        options.lsp = false;
        break;
      case '--only':
        if (argv[i + 1] !== 'folder') throw new Error(`--only takes: folder`);
        options.only = 'folder';
        i++;
        break;
      case '--cli':
        options.cli = argv[++i];
        break;
      case '--help':
        console.log(SPEED_USAGE);
        process.exit(0);
      // falls through
      default:
        throw new Error(`unknown option ${argv[i]}\n${SPEED_USAGE}`);
    }
  }
  return options;
}

if (require.main === module) {
  const options = parseArgs(process.argv.slice(2));
  runSpeed(options).then(
    (report) => {
      console.log(formatSpeed(report));
      // A partial run never overwrites the full report.
      console.log(`\nwrote ${writeResult(options.only ? `speed-${options.only}.json` : 'speed.json', report)}`);
    },
    (error) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
