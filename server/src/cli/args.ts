/**
 * argv → a typed command. Hand-written rather than node:util parseArgs because the
 * CLI needs repeatable options, `--no-config`, `-` as a path and one precise usage
 * line per mistake (a CI log should say exactly which flag was wrong).
 */
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
  maxSize: number;
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
}

export interface RulesArgs {
  command: 'rules';
  format: 'text' | 'json';
}

export type ParsedArgs =
  | LintArgs
  | LearnArgs
  | RulesArgs
  | { command: 'lsp' }
  | { command: 'help' }
  | { command: 'version' };

export const COMMANDS = ['lint', 'learn', 'rules', 'lsp'] as const;

/** Options that take a value, per command. */
const VALUE_OPTIONS: Record<string, ReadonlySet<string>> = {
  lint: new Set(['--format', '--rule', '--config', '--model', '--max-warnings', '--allow', '--ignore', '--stdin-filename', '--max-size', '--jobs', '--fix-type', '--cache-location', '--shard']),
  learn: new Set(['--out', '--max-size', '--jobs']),
  rules: new Set(['--format']),
};
const FLAG_OPTIONS: Record<string, ReadonlySet<string>> = {
  lint: new Set(['--fix', '--fix-dry-run', '--no-config', '--quiet', '--stdin', '--color', '--no-color', '--cache']),
  learn: new Set(['--quiet']),
  rules: new Set([]),
};
const ALIASES: Record<string, string> = { '-f': '--format', '-c': '--config', '-q': '--quiet', '-o': '--out', '-j': '--jobs' };

interface RawOptions {
  positionals: string[];
  values: Map<string, string[]>;
  flags: Set<string>;
}

function tokenize(command: string, argv: string[]): RawOptions {
  const raw: RawOptions = { positionals: [], values: new Map(), flags: new Set() };
  const valueOptions = VALUE_OPTIONS[command];
  const flagOptions = FLAG_OPTIONS[command];
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i];
    if (token === '--') {
      raw.positionals.push(...argv.slice(i + 1));
      break;
    }
    if (token === '-' || !token.startsWith('-')) {
      raw.positionals.push(token);
      continue;
    }
    const eq = token.indexOf('=');
    const name = ALIASES[eq > 0 ? token.slice(0, eq) : token] ?? (eq > 0 ? token.slice(0, eq) : token);
    if (valueOptions.has(name)) {
      let value: string | undefined;
      if (eq > 0) value = token.slice(eq + 1);
      else if (i + 1 < argv.length) value = argv[++i];
      if (value === undefined) throw new UsageError(`选项 ${name} 需要一个值（option ${name} needs a value）`);
      const list = raw.values.get(name) ?? [];
      list.push(value);
      raw.values.set(name, list);
    } else if (flagOptions.has(name) && eq < 0) {
      raw.flags.add(name);
    } else if (flagOptions.has(name)) {
      throw new UsageError(`选项 ${name} 不接受值（option ${name} takes no value）`);
    } else {
      throw new UsageError(`未知选项 “${token}”（unknown option for jiaodui ${command}）`);
    }
  }
  return raw;
}

function single(raw: RawOptions, name: string): string | undefined {
  const list = raw.values.get(name);
  if (!list) return undefined;
  if (list.length > 1) throw new UsageError(`选项 ${name} 只能给一次（option ${name} given more than once）`);
  return list[0];
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
  if (!(COMMANDS as readonly string[]).includes(first)) {
    throw new UsageError(`未知命令 “${first}”（unknown command）；可用命令：${COMMANDS.join(', ')}`);
  }
  // The language server takes transport flags (--stdio, --node-ipc, --clientProcessId) that belong to it.
  if (first === 'lsp') return { command: 'lsp' };
  if (rest.includes('--help') || rest.includes('-h')) return { command: 'help' };

  const raw = tokenize(first, rest);
  if (first === 'rules') {
    if (raw.positionals.length > 0) throw new UsageError(`jiaodui rules 不接受参数 “${raw.positionals[0]}”`);
    return { command: 'rules', format: parseFormat(single(raw, '--format'), ['text', 'json'] as const, 'text') };
  }
  if (first === 'learn') {
    const out = single(raw, '--out');
    if (!out) throw new UsageError('jiaodui learn 需要 --out FILE（where to write the model）');
    if (raw.positionals.length === 0) throw new UsageError('jiaodui learn 需要语料路径（give the corpus files or folders）');
    const size = single(raw, '--max-size');
    const jobs = single(raw, '--jobs');
    return {
      command: 'learn',
      inputs: raw.positionals,
      out,
      quiet: raw.flags.has('--quiet'),
      maxSize: size === undefined ? DEFAULT_MAX_SIZE : parseSize(size),
      jobs: jobs === undefined ? undefined : Math.max(1, nonNegativeInteger('--jobs', jobs)),
    };
  }

  const dash = raw.positionals.filter((p) => p === '-').length;
  const stdin = raw.flags.has('--stdin') || dash > 0;
  const inputs = raw.positionals.filter((p) => p !== '-');
  if (stdin && inputs.length > 0) throw new UsageError('从标准输入读取时不能再给文件路径（stdin cannot be combined with paths）');
  if (!stdin && inputs.length === 0) throw new UsageError('jiaodui lint 需要文件、目录或 glob；读标准输入用 “-”（give paths, or - for stdin）');
  const stdinFilename = single(raw, '--stdin-filename');
  if (stdinFilename !== undefined && !stdin) throw new UsageError('--stdin-filename 只能与 --stdin 或 “-” 一起用');
  const fix = raw.flags.has('--fix');
  const fixDryRun = raw.flags.has('--fix-dry-run');
  if (fix && fixDryRun) throw new UsageError('--fix 与 --fix-dry-run 不能同时使用（choose one）');
  const fixTypeValues = raw.values.get('--fix-type');
  if (fixTypeValues && !fix && !fixDryRun) throw new UsageError('--fix-type 只能与 --fix 或 --fix-dry-run 一起用（requires --fix or --fix-dry-run）');
  const fixTypes = fixTypeValues ? parseFixTypes(fixTypeValues) : ['safe' as const];
  const format = parseFormat(single(raw, '--format'), FORMATS, 'text');
  if (fixDryRun && format !== 'text') throw new UsageError('--fix-dry-run 输出差异（a diff），只能配 --format text');
  const configFile = single(raw, '--config');
  const noConfig = raw.flags.has('--no-config');
  if (configFile !== undefined && noConfig) throw new UsageError('--config 与 --no-config 不能同时使用');
  const maxWarnings = single(raw, '--max-warnings');
  const jobs = single(raw, '--jobs');
  const size = single(raw, '--max-size');
  const allow = raw.values.get('--allow') ?? [];
  if (allow.some((w) => w.trim() === '')) throw new UsageError('--allow 需要一个词（empty word）');
  const color = raw.flags.has('--color') ? true : raw.flags.has('--no-color') ? false : undefined;
  const cache = raw.flags.has('--cache');
  const cacheLocation = single(raw, '--cache-location');
  if (cacheLocation !== undefined && !cache) throw new UsageError('--cache-location 只能与 --cache 一起用（requires --cache）');
  const shard = single(raw, '--shard');
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
    ruleOverrides: Object.fromEntries((raw.values.get('--rule') ?? []).map(parseRuleOverride)),
    configFile,
    noConfig,
    modelPath: single(raw, '--model'),
    maxWarnings: maxWarnings === undefined ? undefined : nonNegativeInteger('--max-warnings', maxWarnings),
    quiet: raw.flags.has('--quiet'),
    allow,
    ignore: raw.values.get('--ignore') ?? [],
    maxSize: size === undefined ? DEFAULT_MAX_SIZE : parseSize(size),
    jobs: jobs === undefined ? undefined : Math.max(1, nonNegativeInteger('--jobs', jobs)),
    color,
    cache,
    cacheLocation,
    shard: shard === undefined ? undefined : parseShard(shard),
  };
}
