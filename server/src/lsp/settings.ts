/**
 * Editor settings (`jiaodui.*`), pulled per resource through workspace/configuration
 * as vscode-eslint does, cached per URI and dropped on didChangeConfiguration. Clients
 * without workspace/configuration (or that answer null) get the pushed settings or
 * the defaults, so a bare `jiaodui lsp` works with no configuration at all.
 */
import type { Connection } from 'vscode-languageserver';
import { isSeveritySetting, type Severity } from '../core';
import { isDraft, languageIdOf } from '../node/files';

export interface JiaoduiSettings {
  enable: boolean;
  /** A model from `jiaodui learn`; empty for the model embedded in the build. */
  modelPath: string;
  /** languageIds linted live. */
  languages: string[];
  debounceMs: number;
  /** Bytes (UTF-8) above which a document is not linted live. */
  maxLiveSize: number;
  /** Per-rule severity overrides; only explicit values are sent by the VS Code client. */
  rules: Record<string, Severity | 'off'>;
}

export const DEFAULT_SETTINGS: JiaoduiSettings = {
  enable: true,
  modelPath: '',
  languages: ['newsdraft', 'plaintext', 'markdown'],
  debounceMs: 150,
  maxLiveSize: 2 * 1024 * 1024,
  rules: {},
};

/**
 * Accepts what any client sends: missing keys, nulls, wrong types. A bad value falls
 * back to the default instead of breaking linting.
 */
export function normalizeSettings(raw: unknown): JiaoduiSettings {
  const input = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const number = (value: unknown, fallback: number) => (typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : fallback);
  const rules: Record<string, Severity | 'off'> = {};
  if (typeof input.rules === 'object' && input.rules !== null) {
    for (const [id, value] of Object.entries(input.rules as Record<string, unknown>)) {
      // VS Code also accepts the object form { severity } some users copy from ESLint.
      const severity = typeof value === 'object' && value !== null ? (value as { severity?: unknown }).severity : value;
      if (isSeveritySetting(severity)) rules[id] = severity;
    }
  }
  return {
    enable: typeof input.enable === 'boolean' ? input.enable : DEFAULT_SETTINGS.enable,
    modelPath: typeof input.modelPath === 'string' ? input.modelPath.trim() : DEFAULT_SETTINGS.modelPath,
    languages:
      Array.isArray(input.languages) && input.languages.every((l) => typeof l === 'string') ? (input.languages as string[]) : DEFAULT_SETTINGS.languages,
    debounceMs: number(input.debounceMs, DEFAULT_SETTINGS.debounceMs),
    maxLiveSize: number(input.maxLiveSize, DEFAULT_SETTINGS.maxLiveSize),
    rules,
  };
}

export class SettingsStore {
  private readonly perResource = new Map<string, Promise<JiaoduiSettings>>();
  private readonly resolved = new Map<string, JiaoduiSettings>();
  private pushed: JiaoduiSettings = DEFAULT_SETTINGS;
  /** Set from the client's capabilities at initialize. */
  pullSupported = false;

  constructor(private readonly connection: Connection) {}

  /** The settings last resolved for a document, if any; lets the scheduler debounce without waiting. */
  peek(uri: string): JiaoduiSettings | undefined {
    return this.pullSupported ? this.resolved.get(uri) : this.pushed;
  }

  get(uri: string): Promise<JiaoduiSettings> {
    if (!this.pullSupported) return Promise.resolve(this.pushed);
    let pending = this.perResource.get(uri);
    if (!pending) {
      pending = this.connection.workspace
        .getConfiguration({ scopeUri: uri, section: 'jiaodui' })
        .then(
          (value: unknown) => normalizeSettings(value),
          () => this.pushed,
        )
        .then((settings) => {
          if (this.perResource.get(uri) === pending) this.resolved.set(uri, settings);
          return settings;
        });
      this.perResource.set(uri, pending);
    }
    return pending;
  }

  /** didChangeConfiguration: pushed settings (clients without pull) and a fresh pull next time. */
  changed(pushedSettings: unknown): void {
    const section = (pushedSettings as { jiaodui?: unknown } | null | undefined)?.jiaodui;
    if (section !== undefined) this.pushed = normalizeSettings(section);
    this.perResource.clear();
    this.resolved.clear();
  }

  forget(uri: string): void {
    this.perResource.delete(uri);
    this.resolved.delete(uri);
  }
}

/** Editors name plain text differently (Neovim `text`, eglot `text`); the settings speak VS Code's ids. */
const LANGUAGE_ALIASES: Record<string, string> = {
  text: 'plaintext',
  txt: 'plaintext',
  md: 'markdown',
  gfm: 'markdown',
  draft: 'newsdraft',
  gao: 'newsdraft',
};

export function canonicalLanguageId(languageId: string): string {
  return LANGUAGE_ALIASES[languageId] ?? languageId;
}

export function isLintedLanguage(languageId: string, settings: JiaoduiSettings): boolean {
  const id = canonicalLanguageId(languageId);
  return settings.languages.some((l) => canonicalLanguageId(l) === id);
}

/** The ids of drafts (after aliases): a document with one of them is judged by it. */
const DRAFT_LANGUAGE_IDS = new Set(['plaintext', 'markdown', 'newsdraft']);

/**
 * The language a document is judged as. Some clients send an empty or unknown
 * languageId (Neovim without filetype detection); on a file whose extension is one
 * the CLI walks, the extension then decides, so `a.md` is Markdown and `a.txt` plain
 * text in every editor. A draft id is kept as sent, and any id on another file too
 * (the settings decide about it).
 */
export function documentLanguageId(languageId: string, uri: string): string {
  if (DRAFT_LANGUAGE_IDS.has(canonicalLanguageId(languageId))) return languageId;
  const path = uri.replace(/[?#].*$/, '');
  return isDraft(path) ? languageIdOf(path) : languageId;
}

/** The core knows two text flavours: Markdown masks code and comments; the rest is plain text. */
export function coreLanguage(languageId: string): 'markdown' | 'plaintext' {
  return canonicalLanguageId(languageId) === 'markdown' ? 'markdown' : 'plaintext';
}
