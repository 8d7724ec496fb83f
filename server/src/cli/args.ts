/**
 * argv → a typed command, from one declarative table of options (OPTIONS), read
 * with node:util parseArgs. Every mistake gets one precise message naming the flag
 * (a CI log should say exactly which flag was wrong).
 */
import { parseArgs as parseArgsTokens, type ParseArgsConfig } from 'node:util';
import { ENCODINGS, type EncodingOption } from '../node/encoding';
import { FIX_KINDS, isSeveritySetting, SEVERITY_SETTINGS, RULES_BY_ID, type FixKind, type SeveritySetting } from '../core';

export const FORMATS = ['text', 'json', 'sarif', 'github'] as const;
export type Format = (typeof FORMATS)[number];

export const DEFAULT_MAX_SIZE = 20 * 1024 * 1024;

export class UsageError extends Error {}

export interface LintArgs {
  command: 'lint';
  inputs: string[];
  stdin: boolean;
  stdinFilename?: string;
  format: Format;
  fix: boolean;
  fixDryRun: boolean;
  /** --fix-type: the kinds of fix --fix / --fix-dry-run apply (safe only by default). */
  fixTypes: FixKind[];
  ruleOverrides: Record<string, SeveritySetting>;
  configFile?: string;
  noConfig: boolean;
  modelPath?: string;
  maxWarnings?: number;
  quiet: boolean;
  allow: string[];
  ignore: string[];
  /** --print-config FILE: print the settings for FILE instead of linting. */
  printConfig?: string;
  /** --init: write a .jiaoduirc.json learned from the drafts instead of linting. */
  init: boolean;
  /** --no-ignore: neither the config's `ignore` nor --ignore leaves a file out. */
  noIgnore: boolean;
  maxSize: number;
  encoding: EncodingOption;
  /** Worker threads: undefined = decide from the input size; 1 = single thread. */
  jobs?: number;
  /** --cache: reuse the findings of unchanged drafts (.jiaoduicache). */
  cache: boolean;
  cacheLocation?: string;
  /** --shard i/n: lint only the i-th of n deterministic parts of the file list (1-based). */
  shard?: { index: number; count: number };
  color?: boolean;
}

export interface LearnArgs {
  command: 'learn';
  inputs: string[];
  out: string;
  quiet: boolean;
  maxSize: number;
  /** Threads for the model's sections: undefined = decide from the corpus size; 1 = single thread. */
  jobs?: number;
  /** --edits DRAFTS FINAL: folders of drafts and their published versions (same file names). */
  edits?: { drafts: string; final: string };
  /** --encoding: how corpus files are decoded, as lint decodes drafts. */
  encoding: EncodingOption;
}

export interface RulesArgs {
  command: 'rules';
  format: 'text' | 'json';
}

export type ParsedArgs = LintArgs | LearnArgs | RulesArgs | { command: 'lsp' } | { command: 'help' } | { command: 'version' };

export const COMMANDS = ['lint', 'learn', 'rules', 'lsp'] as const;

/**
 * One entry per option: the parser, `--help` (cli/help.ts) and the README's usage
 * block (scripts/gen-docs.ts) are all read from this table, so a new option is one
 * entry here plus the line that puts its value into the command's arguments below.
 */
export interface OptionSpec {
  /** Long name, without the dashes. */
  name: string;
  /** One-letter alias, without the dash. */
  short?: string;
  /** Placeholder of the value it takes (FILE, N …); a flag has none. */
  value?: string;
  /** May be given more than once; the values are kept in order. */
  repeatable?: boolean;
  /** One line for --help. */
  help: string;
}

export const OPTIONS: Readonly<Record<'lint' | 'learn' | 'rules', readonly OptionSpec[]>> = {
  lint: [
    { name: 'format', short: 'f', value: FORMATS.join('|'), help: 'output format (default text)' },
    { name: 'fix', help: 'apply safe fixes in place (atomic write); list what changed and what remains' },
    { name: 'fix-dry-run', help: 'print a unified diff of what --fix would change (git apply / patch take it); write nothing' },
    { name: 'fix-type', value: FIX_KINDS.join(','), repeatable: true, help: 'kinds of fix to apply: safe (default); safe,suggestion for a reviewed batch' },
    { name: 'rule', value: 'ID=SEVERITY', repeatable: true, help: `${SEVERITY_SETTINGS.join('|')}; repeatable; wins over the config` },
    { name: 'config', short: 'c', value: 'FILE', help: 'use this config instead of looking for .jiaoduirc.json' },
    { name: 'no-config', help: 'ignore every .jiaoduirc.json' },
    { name: 'model', value: 'FILE', help: 'a model from jiaodui learn (default: the embedded model)' },
    { name: 'max-warnings', value: 'N', help: 'exit 1 when there are more than N warnings' },
    { name: 'quiet', short: 'q', help: 'errors only (rules below error are not run or fixed)' },
    { name: 'allow', value: 'WORD', repeatable: true, help: 'never flag WORD; repeatable' },
    { name: 'ignore', value: 'GLOB', repeatable: true, help: 'skip matching paths (relative to the working directory); repeatable' },
    { name: 'no-ignore', help: "lint what the config's ignore and --ignore would skip" },
    { name: 'print-config', value: 'FILE', help: 'print the merged settings that apply to FILE, as JSON; lint nothing' },
    { name: 'init', help: 'write a commented .jiaoduirc.json here, with rules set to what the drafts (PATHS, default .) do' },
    { name: 'stdin', help: 'read stdin (same as -)' },
    { name: 'stdin-filename', value: 'NAME', help: 'name for stdin: picks the language (.md) and the config' },
    { name: 'max-size', value: 'SIZE', help: 'skip larger files with an error (default 20MB)' },
    {
      name: 'encoding',
      value: ENCODINGS.join('|'),
      help: 'how drafts are decoded (default utf-8); auto: BOM, UTF-8, then GB18030; --fix writes back in the same encoding',
    },
    { name: 'jobs', short: 'j', value: 'N', help: 'worker threads (default: automatic; 1 = no threads)' },
    { name: 'cache', help: 'reuse findings of unchanged drafts from .jiaoduicache (lint only, not --fix)' },
    { name: 'cache-location', value: 'PATH', help: 'the cache file, or a folder for .jiaoduicache (default: ./.jiaoduicache)' },
    { name: 'shard', value: 'i/n', help: 'lint only part i of n of the sorted file list (a CI matrix of n jobs)' },
    { name: 'color', help: 'force colour on (default: on for a terminal without NO_COLOR)' },
    { name: 'no-color', help: 'force colour off' },
  ],
  learn: [
    { name: 'out', short: 'o', value: 'FILE', help: 'where to write the model (required)' },
    { name: 'max-size', value: 'SIZE', help: 'skip larger files with an error (default 20MB)' },
    { name: 'jobs', short: 'j', value: 'N', help: "threads for the model's sections (default: automatic; 1 = no threads)" },
    { name: 'encoding', value: ENCODINGS.join('|'), help: 'how corpus files are decoded (default utf-8), as lint decodes drafts' },
    // Two values: read (and removed) by parseArgs before the table is applied.
    { name: 'edits', value: 'DRAFTS FINAL', help: 'also learn the corrections editors made: drafts and published versions paired by file name' },
    { name: 'quiet', short: 'q', help: 'no summary' },
  ],
  rules: [{ name: 'format', value: 'text|json', help: 'output format (default text)' }],
};

interface RawOptions {
  positionals: string[];
  /** Values by long option name, in the order given. */
  values: Map<string, string[]>;
  flags: Set<string>;
}

/**
 * node:util parseArgs reads the tokens (long and short forms, --name=value, `--`, `-`
 * as a path); it runs non-strict so that each mistake gets its own message naming the
 * flag, which a CI log needs, rather than Node's generic one.
 */
function tokenize(command: keyof typeof OPTIONS, argv: string[]): RawOptions {
  const specs = new Map(OPTIONS[command].map((spec) => [spec.name, spec]));
  const options: NonNullable<ParseArgsConfig['options']> = {};
  for (const spec of specs.values())
    options[spec.name] = { type: spec.value ? 'string' : 'boolean', multiple: true, ...(spec.short ? { short: spec.short } : {}) };
  const { tokens } = parseArgsTokens({ args: argv, options, strict: false, allowPositionals: true, tokens: true });
  const raw: RawOptions = { positionals: [], values: new Map(), flags: new Set() };
  for (const token of tokens) {
    if (token.kind === 'positional') raw.positionals.push(token.value);
    if (token.kind !== 'option') continue;
    const spec = specs.get(token.name);
    const name = `--${token.name}`;
    if (!spec) throw new UsageError(`未知选项 “${token.rawName}”（unknown option for jiaodui ${command}）`);
    if (!spec.value) {
      if (token.inlineValue) throw new UsageError(`选项 ${name} 不接受值（option ${name} takes no value）`);
      raw.flags.add(spec.name);
      continue;
    }
    if (token.value === undefined) throw new UsageError(`选项 ${name} 需要一个值（option ${name} needs a value）`);
    const list = raw.values.get(spec.name) ?? [];
    if (list.length > 0 && !spec.repeatable) throw new UsageError(`选项 ${name} 只能给一次（option ${name} given more than once）`);
    list.push(token.value);
    raw.values.set(spec.name, list);
  }
  return raw;
}

function single(raw: RawOptions, name: string): string | undefined {
  return raw.values.get(name)?.[0];
}

function nonNegativeInteger(name: string, value: string): number {
  if (!/^\d+$/.test(value)) throw new UsageError(`${name} 应为非负整数，而不是 “${value}”（expected a non-negative integer）`);
  return Number(value);
}

/** `20MB`, `512KB`, `1048576B`; a bare number means megabytes. */
export function parseSize(value: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*(b|k|kb|kib|m|mb|mib|g|gb|gib)?$/i.exec(value.trim());
  if (!match) throw new UsageError(`--max-size 应为大小，如 20MB 或 512KB，而不是 “${value}”（expected a size）`);
  const unit = (match[2] ?? 'mb').toLowerCase()[0];
  const scale = unit === 'b' ? 1 : unit === 'k' ? 1024 : unit === 'm' ? 1024 ** 2 : 1024 ** 3;
  return Math.floor(Number(match[1]) * scale);
}

function parseRuleOverride(spec: string): [string, SeveritySetting] {
  const eq = spec.indexOf('=');
  const id = eq >= 0 ? spec.slice(0, eq).trim() : spec.trim();
  const severity = eq >= 0 ? spec.slice(eq + 1).trim() : '';
  if (!RULES_BY_ID.has(id)) {
    throw new UsageError(`--rule: 未知规则 “${id}”（unknown rule）；可用规则（valid ids）：${[...RULES_BY_ID.keys()].join(', ')}`);
  }
  if (!isSeveritySetting(severity)) {
    throw new UsageError(`--rule ${id}: 级别应为 ${SEVERITY_SETTINGS.join('|')}（expected ID=off|hint|info|warning|error），而不是 “${severity}”`);
  }
  return [id, severity as SeveritySetting];
}

/** `safe,suggestion` (ESLint's --fix-type, our kinds); repeatable, comma-separated. */
export function parseFixTypes(values: readonly string[]): FixKind[] {
  const kinds = new Set<FixKind>();
  for (const value of values) {
    for (const part of value.split(',').map((p) => p.trim())) {
      if (!(FIX_KINDS as readonly string[]).includes(part)) {
        throw new UsageError(`--fix-type 应为 ${FIX_KINDS.join(',')} 中的一个或几个（逗号分隔），而不是 “${part}”（unknown fix type）`);
      }
      kinds.add(part as FixKind);
    }
  }
  return FIX_KINDS.filter((k) => kinds.has(k));
}

/** `--shard 2/4`: the second of four parts (1-based, as Jest and Playwright). */
export function parseShard(value: string): { index: number; count: number } {
  const match = /^(\d+)\/(\d+)$/.exec(value.trim());
  const index = match ? Number(match[1]) : NaN;
  const count = match ? Number(match[2]) : NaN;
  if (!match || count < 1 || index < 1 || index > count) {
    throw new UsageError(`--shard 应为 i/n（1 ≤ i ≤ n），如 2/4，而不是 “${value}”（expected i/n）`);
  }
  return { index, count };
}

function parseEncoding(value: string | undefined): EncodingOption {
  if (value === undefined) return 'utf-8';
  const name = value.toLowerCase() === 'utf8' ? 'utf-8' : value.toLowerCase();
  if (!(ENCODINGS as readonly string[]).includes(name)) throw new UsageError(`--encoding 应为 ${ENCODINGS.join('|')}，而不是 “${value}”（unknown encoding）`);
  return name as EncodingOption;
}

function parseFormat<T extends string>(value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(value)) {
    throw new UsageError(`--format 应为 ${allowed.join('|')}，而不是 “${value}”（unknown format）`);
  }
  return value as T;
}

export function parseArgs(argv: string[]): ParsedArgs {
  const [first, ...rest] = argv;
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    return { command: 'help' };
  }
  if (first === '--version' || first === '-v' || first === '-V') return { command: 'version' };
  // `jiaodui --init` and `jiaodui --print-config FILE`, as ESLint spells them, are lint options.
  if (first === '--init' || first === '--print-config' || first?.startsWith('--print-config=')) return parseArgs(['lint', ...argv]);
  if (!(COMMANDS as readonly string[]).includes(first)) {
    throw new UsageError(`未知命令 “${first}”（unknown command）；可用命令：${COMMANDS.join(', ')}`);
  }
  if (rest.includes('--help') || rest.includes('-h')) return { command: 'help' };
  // The language server takes transport flags (--stdio, --node-ipc, --clientProcessId) that belong to it.
  if (first === 'lsp') return { command: 'lsp' };

  // --edits takes two folders (drafts, then their published versions): taken out before tokenising.
  let edits: { drafts: string; final: string } | undefined;
  const editsAt = rest.indexOf('--edits');
  if (first === 'learn' && editsAt >= 0) {
    const [drafts, final] = rest.slice(editsAt + 1, editsAt + 3);
    if (!drafts || !final || drafts.startsWith('-') || final.startsWith('-'))
      throw new UsageError('--edits 需要两个文件夹：初稿与见报稿（--edits DRAFTS FINAL）');
    edits = { drafts, final };
    rest.splice(editsAt, 3);
  }
  const raw = tokenize(first as keyof typeof OPTIONS, rest);
  if (first === 'rules') {
    if (raw.positionals.length > 0) throw new UsageError(`jiaodui rules 不接受参数 “${raw.positionals[0]}”`);
    return { command: 'rules', format: parseFormat(single(raw, 'format'), ['text', 'json'] as const, 'text') };
  }
  if (first === 'learn') {
    const out = single(raw, 'out');
    if (!out) throw new UsageError('jiaodui learn 需要 --out FILE（where to write the model）');
    if (raw.positionals.length === 0 && !edits) throw new UsageError('jiaodui learn 需要语料路径（give the corpus files or folders）');
    const size = single(raw, 'max-size');
    const jobs = single(raw, 'jobs');
    return {
      command: 'learn',
      // With --edits alone, the published versions are the corpus.
      inputs: raw.positionals.length > 0 ? raw.positionals : [edits!.final],
      edits,
      out,
      quiet: raw.flags.has('quiet'),
      maxSize: size === undefined ? DEFAULT_MAX_SIZE : parseSize(size),
      jobs: jobs === undefined ? undefined : Math.max(1, nonNegativeInteger('--jobs', jobs)),
      encoding: parseEncoding(single(raw, 'encoding')),
    };
  }

  const dash = raw.positionals.filter((p) => p === '-').length;
  const stdin = raw.flags.has('stdin') || dash > 0;
  const inputs = raw.positionals.filter((p) => p !== '-');
  if (stdin && inputs.length > 0) throw new UsageError('从标准输入读取时不能再给文件路径（stdin cannot be combined with paths）');
  const printConfig = single(raw, 'print-config');
  const init = raw.flags.has('init');
  if (printConfig !== undefined && (init || stdin || inputs.length > 0))
    throw new UsageError('--print-config FILE 不与其他路径、--init 或标准输入同用（takes only its FILE）');
  if (init && stdin) throw new UsageError('--init 读取目录中的稿件，不读标准输入（--init reads the folder, not stdin）');
  if (!stdin && inputs.length === 0 && printConfig === undefined && !init)
    throw new UsageError('jiaodui lint 需要文件、目录或 glob；读标准输入用 “-”（give paths, or - for stdin）');
  const stdinFilename = single(raw, 'stdin-filename');
  if (stdinFilename !== undefined && !stdin) throw new UsageError('--stdin-filename 只能与 --stdin 或 “-” 一起用');
  const fix = raw.flags.has('fix');
  const fixDryRun = raw.flags.has('fix-dry-run');
  if (fix && fixDryRun) throw new UsageError('--fix 与 --fix-dry-run 不能同时使用（choose one）');
  const fixTypeValues = raw.values.get('fix-type');
  if (fixTypeValues && !fix && !fixDryRun) throw new UsageError('--fix-type 只能与 --fix 或 --fix-dry-run 一起用（requires --fix or --fix-dry-run）');
  const fixTypes = fixTypeValues ? parseFixTypes(fixTypeValues) : ['safe' as const];
  const format = parseFormat(single(raw, 'format'), FORMATS, 'text');
  if (fixDryRun && format !== 'text') throw new UsageError('--fix-dry-run 输出差异（a diff），只能配 --format text');
  const configFile = single(raw, 'config');
  const noConfig = raw.flags.has('no-config');
  if (configFile !== undefined && noConfig) throw new UsageError('--config 与 --no-config 不能同时使用');
  const maxWarnings = single(raw, 'max-warnings');
  const jobs = single(raw, 'jobs');
  const size = single(raw, 'max-size');
  const allow = raw.values.get('allow') ?? [];
  if (allow.some((w) => w.trim() === '')) throw new UsageError('--allow 需要一个词（empty word）');
  const color = raw.flags.has('color') ? true : raw.flags.has('no-color') ? false : undefined;
  const cache = raw.flags.has('cache');
  const cacheLocation = single(raw, 'cache-location');
  if (cacheLocation !== undefined && !cache) throw new UsageError('--cache-location 只能与 --cache 一起用（requires --cache）');
  const noIgnore = raw.flags.has('no-ignore');
  if (noIgnore && raw.values.has('ignore')) throw new UsageError('--ignore 与 --no-ignore 不能同时使用（choose one）');
  const shard = single(raw, 'shard');
  if (shard !== undefined && stdin) throw new UsageError('--shard 分的是文件列表，不能用于标准输入（stdin cannot be sharded）');

  return {
    command: 'lint',
    inputs,
    stdin,
    stdinFilename,
    format,
    fix,
    fixDryRun,
    fixTypes,
    ruleOverrides: Object.fromEntries((raw.values.get('rule') ?? []).map(parseRuleOverride)),
    configFile,
    noConfig,
    modelPath: single(raw, 'model'),
    maxWarnings: maxWarnings === undefined ? undefined : nonNegativeInteger('--max-warnings', maxWarnings),
    quiet: raw.flags.has('quiet'),
    allow,
    ignore: raw.values.get('ignore') ?? [],
    noIgnore,
    printConfig,
    init,
    maxSize: size === undefined ? DEFAULT_MAX_SIZE : parseSize(size),
    encoding: parseEncoding(single(raw, 'encoding')),
    jobs: jobs === undefined ? undefined : Math.max(1, nonNegativeInteger('--jobs', jobs)),
    color,
    cache,
    cacheLocation,
    shard: shard === undefined ? undefined : parseShard(shard),
  };
}
