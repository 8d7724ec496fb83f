/**
 * `--cache` (ESLint's flag): remembers each draft's findings in `.jiaoduicache`, so a
 * CI run over an archive re-lints only the drafts that changed. An entry is reused
 * only when the key matches: the draft's content, everything that decides the
 * findings for it (the governing config and roster, the model's bytes, the
 * command-line rule settings) and the program itself (version and the bytes of the
 * running bundle and of the lexicon's identity), so a new release, a rebuilt model or
 * an edited config invalidates it. Only plain linting is cached: --fix rewrites files.
 *
 * A missing, unreadable or foreign cache file is treated as empty and rewritten; the
 * cache never changes what is reported, only how fast.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ProjectConfig, LintSettings } from './lint-files';
import { severityCounts, type CliDiagnostic, type FileResult, type SeverityCounts } from './report';
import { serializeDiagnostics } from './formats/json';
import { DEFAULT_MODEL_FILE, LEXICON_FILE, distDir } from '../node/resources';
import { packageInfo } from '../node/package-info';
import { writeFileAtomic } from '../node/write';

export const CACHE_FILE = '.jiaoduicache';
const CACHE_FORMAT = 'jiaodui-cache-2';

/**
 * A draft's findings are kept as the JSON format's text (with the edit ranges SARIF
 * needs when those were asked for): a second run writes a cached JSON report without
 * parsing and serialising every finding again, and reading the cache file parses one
 * string per draft instead of thousands of objects.
 */
interface CacheEntry {
  key: string;
  counts: SeverityCounts;
  /** The diagnostics array without its brackets. */
  diagnostics: string;
}

interface CacheData {
  format: typeof CACHE_FORMAT;
  files: Record<string, CacheEntry>;
}

function sha256(...parts: Array<string | Buffer>): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\0');
  return hash.digest('hex');
}

/** `--cache-location`: a file, or a folder (existing, or written with a trailing slash) to hold `.jiaoduicache`. */
export function cacheFileFor(location: string | undefined, cwd: string): string {
  if (location === undefined) return path.join(cwd, CACHE_FILE);
  const resolved = path.resolve(cwd, location);
  if (/[\\/]$/.test(location)) return path.join(resolved, CACHE_FILE);
  try {
    if (fs.statSync(resolved).isDirectory()) return path.join(resolved, CACHE_FILE);
  } catch {
    // not there yet: a file name
  }
  return resolved;
}

export class LintCache {
  private readonly files: Record<string, CacheEntry>;
  private changed = false;
  /** One fingerprint per config file ('' = none), computed once per run. */
  private readonly fingerprints = new Map<string, string>();
  private readonly program: string;

  private constructor(
    readonly file: string,
    files: Record<string, CacheEntry>,
    private readonly settings: LintSettings,
    bundle: string,
  ) {
    this.files = files;
    const lexicon = fs.statSync(path.join(distDir(), LEXICON_FILE));
    this.program = sha256(packageInfo().version, readOrEmpty(bundle), `${lexicon.size}:${lexicon.mtimeMs}`);
  }

  /** Reads the cache file; anything unreadable starts an empty cache. `bundle` is the running script. */
  static load(file: string, settings: LintSettings, bundle: string): LintCache {
    let files: Record<string, CacheEntry> = Object.create(null);
    try {
      const data = JSON.parse(fs.readFileSync(file, 'utf8')) as CacheData;
      if (data && data.format === CACHE_FORMAT && data.files && typeof data.files === 'object') files = Object.assign(Object.create(null), data.files);
    } catch {
      // missing or corrupt: start afresh
    }
    return new LintCache(file, files, settings, bundle);
  }

  /** The key of a draft's entry: its bytes and everything that decides its findings. */
  keyFor(project: ProjectConfig, content: Buffer, language: string): string {
    let fingerprint = this.fingerprints.get(project.file);
    if (fingerprint === undefined) {
      fingerprint = this.fingerprint(project);
      this.fingerprints.set(project.file, fingerprint);
    }
    return sha256(fingerprint, language, content);
  }

  private fingerprint(project: ProjectConfig): string {
    const { settings } = this;
    const configDir = project.file ? path.dirname(project.file) : settings.cwd;
    const config = project.config;
    const model = settings.modelPath ?? (config.model ? path.resolve(configDir, config.model) : path.join(distDir(), DEFAULT_MODEL_FILE));
    const roster = config.roster ? readOrEmpty(path.resolve(configDir, config.roster)) : '';
    const options = JSON.stringify({
      config,
      rules: settings.ruleOverrides,
      allow: settings.allow,
      quiet: settings.quiet,
      maxSize: settings.maxSize,
      encoding: settings.encoding,
      editRanges: settings.editRanges,
    });
    return sha256(this.program, options, roster, readOrEmpty(model));
  }

  /**
   * The cached result of a draft, or undefined when its entry is missing or stale. Its
   * diagnostics are parsed only if a format reads them; the JSON format writes the kept text.
   */
  get(file: string, key: string, shown: string): FileResult | undefined {
    const entry = this.files[file];
    if (!entry || entry.key !== key || typeof entry.diagnostics !== 'string' || !entry.counts) return undefined;
    const text = entry.diagnostics;
    let parsed: CliDiagnostic[] | undefined;
    const result: FileResult = {
      path: shown,
      absolutePath: file,
      get diagnostics() {
        return (parsed ??= JSON.parse(`[${text}]`) as CliDiagnostic[]);
      },
      severityCounts: entry.counts,
    };
    if (!this.settings.editRanges) result.diagnosticsJson = text;
    return result;
  }

  /** Keeps a draft's diagnostics; returns the text the JSON format writes for them when that is what was kept. */
  set(file: string, key: string, diagnostics: readonly CliDiagnostic[]): string | undefined {
    let text: string;
    if (this.settings.editRanges) text = JSON.stringify(diagnostics).slice(1, -1);
    else {
      const parts: string[] = [];
      serializeDiagnostics(diagnostics, (part) => parts.push(part));
      text = parts.join('');
    }
    this.files[file] = { key, counts: severityCounts(diagnostics), diagnostics: text };
    this.changed = true;
    return this.settings.editRanges ? undefined : text;
  }

  /** Drops the entry of a draft that could not be linted this time. */
  delete(file: string): void {
    if (file in this.files) {
      delete this.files[file];
      this.changed = true;
    }
  }

  /** Writes the cache (atomically) if anything changed; entries of drafts that are gone are dropped. */
  save(): void {
    if (!this.changed) return;
    for (const file of Object.keys(this.files)) if (!fs.existsSync(file)) delete this.files[file];
    const data: CacheData = { format: CACHE_FORMAT, files: this.files };
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    writeFileAtomic(this.file, JSON.stringify(data));
  }
}

function readOrEmpty(file: string): Buffer | string {
  try {
    return fs.readFileSync(file);
  } catch {
    return '';
  }
}
