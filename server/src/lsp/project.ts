/**
 * What a document is linted with: the nearest `.jiaoduirc.json` (found upward, as the
 * CLI does, so editor and CI agree), the editor settings, and one (split) Linter per
 * distinct combination. Reusing it across versions is what makes typing cheap: its
 * paragraph cache means a keystroke re-checks only the paragraph it touched.
 *
 * Config and model files are re-read when their mtime changes, so an edit made
 * outside the editor (or a fresh `jiaodui learn`) is picked up without a watcher.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { applyRoster, parseModelBytes, type LearnedModel, type LintOptions, type Rule } from '../core';
import { CONFIG_FILE, findConfigFile, loadConfigFile, resolveLintOptions, type JiaoduiConfig } from '../node/config';
import { ignoreMatcher, readRegularFile } from '../node/files';
import { writeFileAtomic } from '../node/write';
import { isPlainJson, parseJsonc, stripJsonc, topLevelValueRange } from '../node/jsonc';
import type { JiaoduiSettings } from './settings';
import { SplitLinter } from './splitLinter';

export interface LintContext {
  linter: SplitLinter;
  /** The document is excluded by the config's `ignore`. */
  ignored: boolean;
  configFile?: string;
}

interface LoadedConfig {
  mtimeMs: number;
  config: JiaoduiConfig;
  isIgnored: (file: string) => boolean;
}

const LINTER_CACHE_SIZE = 8;
/** A model file is never larger than this (bytes). */
const MAX_MODEL_BYTES = 512 * 1024 * 1024;

export interface ProjectHooks {
  /** A problem the user should see once (bad config, unreadable model). */
  warnOnce(key: string, message: string): void;
  onRuleError(ruleId: string, error: unknown): void;
}

export class Project {
  private readonly configByDir = new Map<string, string | undefined>();
  private readonly configs = new Map<string, LoadedConfig>();
  private readonly models = new Map<string, { mtimeMs: number; model: LearnedModel }>();
  /** key → Linter, most recently used last. */
  private readonly linters = new Map<string, SplitLinter>();
  workspaceFolders: string[] = [];
  /**
   * Whether the workspace is trusted (VS Code's workspace trust, sent by the client);
   * clients that know no such thing are trusted.
   */
  trusted = true;

  constructor(
    private readonly hooks: ProjectHooks,
    private readonly rules?: readonly Rule[],
  ) {}

  /** Drops every cached lookup; the next lint re-discovers configs (a config file appeared or vanished). */
  invalidate(): void {
    this.configByDir.clear();
    this.configs.clear();
    this.models.clear();
    this.linters.clear();
  }

  contextFor(uri: string, settings: JiaoduiSettings): LintContext {
    const file = fsPath(uri);
    const configFile = file ? this.configFileFor(path.dirname(file)) : undefined;
    const loaded = configFile ? this.loadConfig(configFile) : undefined;
    const configDir = configFile ? path.dirname(configFile) : undefined;
    const modelPath = this.modelPathFor(file, settings, loaded?.config, configDir);
    const model = modelPath ? this.loadModel(modelPath) : undefined;

    const key = JSON.stringify([configFile ?? '', loaded?.mtimeMs ?? 0, modelPath ?? '', model ? this.models.get(modelPath!)?.mtimeMs : 0, settings.rules]);
    let linter = this.linters.get(key);
    if (linter) {
      this.linters.delete(key);
    } else {
      const options: LintOptions = {
        ...resolveLintOptions({ config: loaded ? { ...loaded.config, model: undefined } : undefined, configDir, ruleOverrides: settings.rules }),
        onRuleError: (id, error) => this.hooks.onRuleError(id, error),
      };
      if (model) options.model = applyRoster(model, loaded?.config ?? {});
      linter = new SplitLinter(options, this.rules);
      if (this.linters.size >= LINTER_CACHE_SIZE) this.linters.delete(this.linters.keys().next().value!);
    }
    this.linters.set(key, linter);
    return { linter, ignored: Boolean(file && loaded?.isIgnored(file)), configFile };
  }

  private configFileFor(dir: string): string | undefined {
    if (!this.configByDir.has(dir)) this.configByDir.set(dir, findConfigFile(dir));
    return this.configByDir.get(dir);
  }

  private loadConfig(file: string): LoadedConfig | undefined {
    let mtimeMs: number;
    try {
      mtimeMs = fs.statSync(file).mtimeMs;
    } catch {
      this.configByDir.clear();
      return undefined;
    }
    const cached = this.configs.get(file);
    if (cached && cached.mtimeMs === mtimeMs) return cached;
    try {
      const config = this.trusted ? loadConfigFile(file) : this.withoutFileReferences(loadConfigFile(file), file);
      const loaded = { mtimeMs, config, isIgnored: ignoreMatcher(config.ignore ?? [], path.dirname(file)) };
      this.configs.set(file, loaded);
      return loaded;
    } catch (error) {
      this.hooks.warnOnce(`config:${file}:${mtimeMs}`, `jiaodui：${(error as Error).message}；已忽略此配置。`);
      return undefined;
    }
  }

  /**
   * In an untrusted workspace a .jiaoduirc.json may set rules and house lists, but not
   * make the server read other files: `model` and `roster` are dropped, and said once.
   */
  private withoutFileReferences(config: JiaoduiConfig, file: string): JiaoduiConfig {
    const keys = (['model', 'roster'] as const).filter((key) => config[key] !== undefined);
    if (keys.length === 0) return config;
    this.hooks.warnOnce(
      `untrusted:${file}`,
      `jiaodui：工作区未受信任，未读取 ${file} 中 ${keys.map((key) => `${key}（${config[key]}）`).join('、')}指向的文件；信任此工作区后生效。（untrusted workspace: ${keys.join(', ')} ignored）`,
    );
    return { ...config, model: undefined, roster: undefined };
  }

  /** The editor setting wins over the config's `model`; relative paths resolve against the workspace folder. */
  private modelPathFor(
    file: string | undefined,
    settings: JiaoduiSettings,
    config: JiaoduiConfig | undefined,
    configDir: string | undefined,
  ): string | undefined {
    if (settings.modelPath) {
      let p = settings.modelPath.replace(/^~(?=$|[\\/])/, os.homedir());
      if (!path.isAbsolute(p)) p = path.resolve(this.folderOf(file) ?? configDir ?? process.cwd(), p);
      return p;
    }
    if (config?.model) return path.resolve(configDir ?? '.', config.model);
    return undefined;
  }

  private loadModel(file: string): LearnedModel | undefined {
    try {
      const mtimeMs = fs.statSync(file).mtimeMs;
      const cached = this.models.get(file);
      if (cached && cached.mtimeMs === mtimeMs) return cached.model;
      // A regular file only: a model path naming a FIFO or a device must not hang the server.
      const model = parseModelBytes(readRegularFile(file, MAX_MODEL_BYTES), file);
      this.models.set(file, { mtimeMs, model });
      return model;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const reason = code ? `无法读取模型 ${file}（${code}）` : (error as Error).message;
      this.hooks.warnOnce(`model:${file}:${reason}`, `jiaodui：${reason}；改用内置模型。`);
      this.models.delete(file);
      return undefined;
    }
  }

  folderOf(file: string | undefined): string | undefined {
    if (!file) return this.workspaceFolders[0];
    return this.workspaceFolders
      .filter((folder) => file === folder || file.startsWith(folder.endsWith(path.sep) ? folder : folder + path.sep))
      .sort((a, b) => b.length - a.length)[0];
  }

  /**
   * Adds `word` to the `allow` list of the config that governs `uri`, creating
   * `.jiaoduirc.json` at the workspace folder (or beside the file) when there is none.
   * Other keys, their order and the file's indentation are kept.
   */
  allowWord(uri: string, word: string): { file: string; added: boolean } {
    const file = fsPath(uri);
    const target = (file && findConfigFile(path.dirname(file))) ?? path.join(this.folderOf(file) ?? (file ? path.dirname(file) : process.cwd()), CONFIG_FILE);
    let text = '';
    try {
      text = fs.readFileSync(target, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    const result = addAllowedWord(text, word);
    if (result.changed) {
      writeFileAtomic(target, result.text);
    }
    this.invalidate();
    return { file: target, added: result.changed };
  }
}

/**
 * Pure edit behind allowWord; throws on a file that is not a JSON object. Plain JSON is
 * rewritten in its own indentation; a file with comments (JSONC) is edited in place, so
 * the editor's comments survive.
 */
export function addAllowedWord(text: string, word: string): { text: string; changed: boolean } {
  const bom = text.startsWith('\uFEFF') ? '\uFEFF' : '';
  const body = text.slice(bom.length);
  const data = (body.trim() === '' ? {} : parseJsonc(body)) as Record<string, unknown>;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new Error(`${CONFIG_FILE} 应为 JSON 对象`);
  const allow = Array.isArray(data.allow) ? (data.allow as unknown[]) : [];
  if (allow.includes(word)) return { text, changed: false };
  const eol = body.includes('\r\n') ? '\r\n' : '\n';
  const indent = /\n([ \t]+)"/.exec(body)?.[1] ?? '  ';
  if (!isPlainJson(body)) return { text: bom + insertAllowed(body, word, allow.length, indent, eol), changed: true };
  data.allow = [...allow, word];
  return { text: bom + JSON.stringify(data, null, indent).replace(/\n/g, eol) + eol, changed: true };
}

/** Adds `word` to the allow array of a JSONC text (creating the key after the opening brace). */
function insertAllowed(body: string, word: string, existing: number, indent: string, eol: string): string {
  const quoted = JSON.stringify(word);
  const range = topLevelValueRange(body, 'allow');
  if (range && body[range.start] === '[') {
    // After the last element (or right after '[' when empty); a trailing comma there stays valid JSONC.
    const inside = stripJsonc(body).slice(range.start + 1, range.end);
    const at = range.start + 1 + inside.trimEnd().length;
    return body.slice(0, at) + (existing > 0 ? `, ${quoted}` : quoted) + body.slice(at);
  }
  const open = stripJsonc(body).indexOf('{');
  const empty = stripJsonc(body)
    .slice(open + 1)
    .trim()
    .startsWith('}');
  return body.slice(0, open + 1) + `${eol}${indent}"allow": [${quoted}]${empty ? '' : ','}` + body.slice(open + 1);
}

export function fsPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}
