/**
 * `--cache` (ESLint's flag): remembers each draft's findings in `.jiaoduicache`, so a
 * CI run over an archive re-lints only the drafts that changed. An entry is reused
 * only when the key matches: the draft's content, everything that decides the
 * findings for it (the governing config and roster, the model's bytes, the
 * command-line rule settings) and the program itself (version and the bytes of the
 * running bundle and of the lexicon's identity), so a new release, a rebuilt model or
 * an edited config invalidates it. Only plain linting is cached: --fix rewrites files.
 *
 * A missing cache file, or one an older jiaodui wrote, is treated as empty and
 * rewritten; a corrupt or unreadable one too, with a warning on stderr. The cache
 * never changes what is reported, only how fast.
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

/**
 * The file: this line, one line of JSON (the index), then the entries' bytes back to
 * back. The index gives each draft's key, its severity counts and where its bytes lie.
 * Reading a cache of a thousand drafts parses only the index (a few hundred KB); a hit
 * under the JSON format writes its bytes to stdout as they lie in the file, never
 * decoded, parsed or serialised again.
 */
const CACHE_MAGIC = 'jiaodui-cache-4\n';

/**
 * A draft's findings in two pieces of UTF-8: `json` is the diagnostics array exactly
 * as the JSON format writes it, without its brackets; `ranges` is the line/column of
 * every fix edit, in order ([startLine, startChar, endLine, endChar, …]), which only
 * SARIF reads, so one entry serves every format. `views` keeps what the text and
 * github formats wrote for the draft, so a hit under them writes those bytes too.
 */
export interface CacheEntry {
  key: string;
  counts: SeverityCounts;
  json: Uint8Array;
  ranges: Uint8Array;
  views: Map<string, CacheView>;
}

/**
 * One format's part of the report for a draft (see viewOf), as written under the
 * path shown then (it is in the bytes), with the counts the text summary adds up.
 */
export interface CacheView {
  path: string;
  fixable: number;
  suggestions: number;
  bytes: Uint8Array;
}

/** A view in the index: [view name, shown path, fixable, suggestions, offset, length]. */
type IndexView = [string, string, number, number, number, number];

/** An entry in the index: [key, errors, warnings, infos, json offset, json length, ranges offset, ranges length, views]. */
type IndexEntry = [string, number, number, number, number, number, number, number, IndexView[]];

interface CacheIndex {
  /** Bytes after the index line: a shorter file was cut off. */
  bytes: number;
  files: Record<string, IndexEntry>;
}

/**
 * What an output format reads of a cached draft (see LintCache.get): the JSON format's
 * bytes, a view's bytes (the text format, with or without colour, and github), or the
 * diagnostics themselves (SARIF's with their edits' line/column).
 */
export type CacheReads = { json: true } | { view: string } | { diagnostics: true; editRanges: boolean };

/** The view a format keeps in the cache, if it keeps one (the text format's differs with colour). */
export function viewOf(format: string, color: boolean): string | undefined {
  if (format === 'text') return color ? 'text-color' : 'text';
  if (format === 'github') return 'github';
  return undefined;
}

/** The file could not be read as a cache (not merely missing or from another version). */
export class CorruptCacheError extends Error {}

function sha256(...parts: Array<string | Uint8Array>): string {
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

const isCount = (n: unknown): n is number => Number.isInteger(n) && (n as number) >= 0;

/**
 * The entries of a cache file's bytes. Undefined for a file another jiaodui version
 * wrote (it is simply rebuilt); CorruptCacheError when the bytes are not a cache.
 */
export function parseCache(buffer: Buffer): Map<string, CacheEntry> | undefined {
  const magic = buffer.subarray(0, CACHE_MAGIC.length).toString('latin1');
  if (magic !== CACHE_MAGIC) {
    if (/^jiaodui-cache-\d+\n$/.test(magic) || /^\{"format":"jiaodui-cache-/.test(buffer.subarray(0, 40).toString('latin1'))) return undefined;
    throw new CorruptCacheError('not a jiaodui cache file');
  }
  const end = buffer.indexOf(0x0a, CACHE_MAGIC.length);
  if (end < 0) throw new CorruptCacheError('cut off in its index');
  let index: CacheIndex;
  try {
    index = JSON.parse(buffer.toString('utf8', CACHE_MAGIC.length, end)) as CacheIndex;
  } catch {
    throw new CorruptCacheError('its index is not JSON');
  }
  const blob = buffer.subarray(end + 1);
  if (!index || typeof index !== 'object' || !index.files || typeof index.files !== 'object' || index.bytes !== blob.length)
    throw new CorruptCacheError('cut off or not written whole');
  const entries = new Map<string, CacheEntry>();
  const within = (offset: number, length: number) => isCount(offset) && isCount(length) && offset + length <= blob.length;
  const isView = (v: unknown): v is IndexView =>
    Array.isArray(v) && v.length === 6 && typeof v[0] === 'string' && typeof v[1] === 'string' && isCount(v[2]) && isCount(v[3]) && within(v[4], v[5]);
  for (const [file, e] of Object.entries(index.files)) {
    if (
      !Array.isArray(e) ||
      e.length !== 9 ||
      typeof e[0] !== 'string' ||
      !e.slice(1, 4).every(isCount) ||
      !within(e[4], e[5]) ||
      !within(e[6], e[7]) ||
      !Array.isArray(e[8]) ||
      !e[8].every(isView)
    )
      throw new CorruptCacheError('an entry is malformed');
    entries.set(file, {
      key: e[0],
      counts: { errors: e[1], warnings: e[2], infos: e[3] },
      json: blob.subarray(e[4], e[4] + e[5]),
      ranges: blob.subarray(e[6], e[6] + e[7]),
      views: new Map(
        e[8].map(([name, shown, fixable, suggestions, offset, length]) => [
          name,
          { path: shown, fixable, suggestions, bytes: blob.subarray(offset, offset + length) },
        ]),
      ),
    });
  }
  return entries;
}

/** A cache file's bytes for these entries. */
export function serializeCache(entries: ReadonlyMap<string, CacheEntry>): Buffer {
  const parts: Uint8Array[] = [];
  const files: Record<string, IndexEntry> = {};
  let offset = 0;
  const place = (bytes: Uint8Array) => {
    parts.push(bytes);
    offset += bytes.length;
    return offset - bytes.length;
  };
  for (const [file, e] of entries) {
    const views = [...e.views].map(([name, v]): IndexView => [name, v.path, v.fixable, v.suggestions, place(v.bytes), v.bytes.length]);
    files[file] = [e.key, e.counts.errors, e.counts.warnings, e.counts.infos, place(e.json), e.json.length, place(e.ranges), e.ranges.length, views];
  }
  const index: CacheIndex = { bytes: offset, files };
  return Buffer.concat([Buffer.from(`${CACHE_MAGIC}${JSON.stringify(index)}\n`), ...parts]);
}

/** The edits' line/column, flattened in the order of diagnostics, fixes and edits. */
function editRanges(diagnostics: readonly CliDiagnostic[]): number[] {
  const out: number[] = [];
  for (const d of diagnostics)
    for (const fix of d.fixes)
      for (const e of fix.edits) {
        const r = e.range!;
        out.push(r.start.line, r.start.character, r.end.line, r.end.character);
      }
  return out;
}

/** Diagnostics read back from an entry (for the formats that read them), with their edits' ranges when asked. */
function diagnosticsOf(entry: CacheEntry, withRanges: boolean): CliDiagnostic[] {
  const diagnostics = JSON.parse(`[${Buffer.from(entry.json.buffer, entry.json.byteOffset, entry.json.byteLength).toString('utf8')}]`) as CliDiagnostic[];
  if (!Array.isArray(diagnostics)) throw new CorruptCacheError('an entry is not a list of findings');
  if (withRanges) {
    const ranges = JSON.parse(Buffer.from(entry.ranges.buffer, entry.ranges.byteOffset, entry.ranges.byteLength).toString('utf8')) as number[];
    let i = 0;
    for (const d of diagnostics)
      for (const fix of d.fixes)
        for (const e of fix.edits) {
          e.range = { start: { line: ranges[i], character: ranges[i + 1] }, end: { line: ranges[i + 2], character: ranges[i + 3] } };
          i += 4;
        }
    if (i !== ranges.length) throw new CorruptCacheError('an entry’s edit ranges do not match its findings');
  }
  return diagnostics;
}

export class LintCache {
  private changed = false;
  /** Drafts whose entry holds this run's findings (a hit, or linted now): only they take a view. */
  private readonly current = new Set<string>();
  /** One fingerprint per config file ('' = none), computed once per run. */
  private readonly fingerprints = new Map<string, string>();
  private readonly program: string;

  private constructor(
    readonly file: string,
    private readonly entries: Map<string, CacheEntry>,
    private readonly settings: LintSettings,
    bundle: string,
  ) {
    const lexicon = fs.statSync(path.join(distDir(), LEXICON_FILE));
    this.program = sha256(packageInfo().version, readOrEmpty(bundle), `${lexicon.size}:${lexicon.mtimeMs}`);
  }

  /**
   * Reads the cache file. A missing one, or one an older jiaodui wrote, starts an empty
   * cache; so does a corrupt or unreadable one, after `warn` says so. `bundle` is the running script.
   */
  static load(file: string, settings: LintSettings, bundle: string, warn: (message: string) => void): LintCache {
    let entries: Map<string, CacheEntry> | undefined;
    let buffer: Buffer | undefined;
    try {
      buffer = fs.readFileSync(file);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT') warn(`无法读取缓存文件，本次不用缓存（cannot read the cache file: ${code ?? (error as Error).message}）`);
    }
    if (buffer) {
      try {
        entries = parseCache(buffer);
      } catch (error) {
        if (!(error instanceof CorruptCacheError)) throw error;
        warn(`缓存文件已损坏，已忽略并重建（corrupt cache file ignored and rebuilt: ${error.message}）`);
      }
    }
    return new LintCache(file, entries ?? new Map(), settings, bundle);
  }

  /** The key of a draft's entry: its bytes and everything that decides its findings. */
  keyFor(project: ProjectConfig, content: Uint8Array, language: string): string {
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
    // Not the output format: an entry holds what every format needs.
    const options = JSON.stringify({
      config,
      rules: settings.ruleOverrides,
      allow: settings.allow,
      quiet: settings.quiet,
      maxSize: settings.maxSize,
      encoding: settings.encoding,
    });
    return sha256(this.program, options, roster, readOrEmpty(model));
  }

  /**
   * The cached result of a draft, or undefined when its entry is missing or stale. What
   * the format reads: 'json-bytes' (the JSON format writes the kept bytes,
   * FileResult.diagnosticsJson, and never reads the diagnostics), 'diagnostics', or
   * 'edit-ranges' (diagnostics whose edits carry line/column, for SARIF). Diagnostics
   * are parsed here, so an entry that does not parse is a miss, not a crash.
   */
  get(file: string, key: string, shown: string, reads: CacheReads): FileResult | undefined {
    const entry = this.entries.get(file);
    if (!entry || entry.key !== key) return undefined;
    const result: FileResult = { path: shown, absolutePath: file, diagnostics: [], severityCounts: entry.counts };
    if ('json' in reads) result.diagnosticsJson = entry.json;
    else {
      const view = 'view' in reads ? entry.views.get(reads.view) : undefined;
      // A view written under another path (another working directory) is rendered afresh.
      if (view && view.path === shown) result.cachedView = view;
      else {
        try {
          result.diagnostics = diagnosticsOf(entry, 'diagnostics' in reads && reads.editRanges);
        } catch {
          return undefined;
        }
      }
    }
    this.current.add(file);
    return result;
  }

  /** Keeps what a format wrote for a draft whose entry is this run's. */
  setView(file: string, name: string, view: CacheView): void {
    const entry = this.entries.get(file);
    if (!entry || !this.current.has(file)) return;
    const old = entry.views.get(name);
    if (old && old.path === view.path && Buffer.compare(old.bytes, view.bytes) === 0) return;
    entry.views.set(name, view);
    this.changed = true;
  }

  /**
   * Keeps a draft's diagnostics (which carry their edits' ranges: see LintSettings.editRanges);
   * returns the bytes the JSON format writes for them.
   */
  set(file: string, key: string, diagnostics: readonly CliDiagnostic[]): Uint8Array {
    const parts: string[] = [];
    serializeDiagnostics(diagnostics, (part) => parts.push(part));
    const json = Buffer.from(parts.join(''));
    const ranges = Buffer.from(JSON.stringify(editRanges(diagnostics)));
    this.entries.set(file, { key, counts: severityCounts(diagnostics), json, ranges, views: new Map() });
    this.current.add(file);
    this.changed = true;
    return json;
  }

  /** Drops the entry of a draft that could not be linted this time. */
  delete(file: string): void {
    this.current.delete(file);
    if (this.entries.delete(file)) this.changed = true;
  }

  /** Writes the cache (atomically) if anything changed; entries of drafts that are gone are dropped. */
  save(): void {
    if (!this.changed) return;
    for (const file of this.entries.keys()) if (!fs.existsSync(file)) this.entries.delete(file);
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    writeFileAtomic(this.file, serializeCache(this.entries));
  }
}

function readOrEmpty(file: string): Buffer | string {
  try {
    return fs.readFileSync(file);
  } catch {
    return '';
  }
}
