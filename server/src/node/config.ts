/**
 * `.jiaoduirc.json`: the project config shared by the CLI and the language server,
 * so the editor and CI agree. Found upward from the linted file.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isSeveritySetting, SEVERITY_SETTINGS, RULES_BY_ID, applyRoster, type LintOptions, type Roster, type SeveritySetting } from '../core';
import { loadLexicon, loadModel } from './resources';
import { parseJsonc } from './jsonc';
import { readRegularFile } from './files';

/** A roster file is never larger than this (bytes). */
const MAX_ROSTER_BYTES = 64 * 1024 * 1024;

export const CONFIG_FILE = '.jiaoduirc.json';

/** A severity, or ESLint's [severity, options] form: accepted for compatibility, the options are ignored (no rule takes any). */
export type RuleSetting = SeveritySetting | [SeveritySetting, Record<string, unknown>];

export interface JiaoduiConfig extends Roster {
  rules?: Record<string, RuleSetting>;
  /** House dictionary: words never flagged. */
  allow?: string[];
  /** Globs (relative to the config file) of files not to lint. */
  ignore?: string[];
  /** A model from `jiaodui learn`, relative to the config file. */
  model?: string;
}

/** A config file that cannot be used: `file` names it, `reason` says what is wrong with it. */
export class ConfigError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`);
  }
}

export function findConfigFile(startDir: string): string | undefined {
  let dir = path.resolve(startDir);
  for (;;) {
    const candidate = path.join(dir, CONFIG_FILE);
    if (fs.existsSync(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** Reads and validates a config file; every problem is a ConfigError naming the file. */
export function loadConfigFile(file: string): JiaoduiConfig {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError(file, `无法读取配置（${(error as NodeJS.ErrnoException).code ?? (error as Error).message}）`);
  }
  let data: unknown;
  try {
    data = parseJsonc(text);
  } catch (error) {
    throw new ConfigError(file, `配置不是有效的 JSON（${(error as Error).message}）`);
  }
  return validateConfig(data, file);
}

export function validateConfig(data: unknown, source: string): JiaoduiConfig {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new ConfigError(source, `配置应为 JSON 对象`);
  const config = data as JiaoduiConfig;
  for (const [id, setting] of Object.entries(config.rules ?? {})) {
    if (!RULES_BY_ID.has(id)) throw new ConfigError(source, `未知规则 “${id}”（jiaodui rules 列出全部规则）`);
    const severity = Array.isArray(setting) ? setting[0] : setting;
    if (!isSeveritySetting(severity)) throw new ConfigError(source, `规则 ${id} 的级别 “${String(severity)}” 无效，应为 ${SEVERITY_SETTINGS.join('|')}`);
  }
  for (const key of ['allow', 'ignore', 'phrases'] as const) {
    const value = config[key];
    if (value !== undefined && (!Array.isArray(value) || value.some((v) => typeof v !== 'string'))) throw new ConfigError(source, `“${key}” 应为字符串数组`);
  }
  if (config.model !== undefined && typeof config.model !== 'string') throw new ConfigError(source, `“model” 应为文件路径`);
  if (config.roster !== undefined && typeof config.roster !== 'string') throw new ConfigError(source, `“roster” 应为文件路径`);
  if (config.corrections !== undefined) {
    const ok =
      typeof config.corrections === 'object' &&
      config.corrections !== null &&
      !Array.isArray(config.corrections) &&
      Object.values(config.corrections).every((v) => typeof v === 'string' || (typeof v === 'object' && v !== null && typeof v.right === 'string'));
    if (!ok) throw new ConfigError(source, `“corrections” 应为对象：{"错误写法": "正确写法"} 或 {"错误写法": {"right": "正确写法", "note": "说明"}}`);
  }
  if (
    config.names !== undefined &&
    (!Array.isArray(config.names) || config.names.some((n) => typeof n !== 'string' && (typeof n !== 'object' || n === null || typeof n.name !== 'string')))
  ) {
    throw new ConfigError(source, `“names” 应为名称数组（字符串，或含 name 的对象）`);
  }
  return config;
}

/** Adds the names and phrases of the roster file the config points to (`roster`), relative to the config. */
function withRosterFile(config: JiaoduiConfig, configDir: string): Roster {
  if (!config.roster) return config;
  const file = path.resolve(configDir, config.roster);
  let data: unknown;
  try {
    data = parseJsonc(readRegularFile(file, MAX_ROSTER_BYTES).toString('utf8'));
  } catch (error) {
    throw new ConfigError(file, `无法读取名录（${(error as NodeJS.ErrnoException).code ?? (error as Error).message}）`);
  }
  const roster = validateConfig(data, file);
  return {
    names: [...(config.names ?? []), ...(roster.names ?? [])],
    phrases: [...(config.phrases ?? []), ...(roster.phrases ?? [])],
    corrections: { ...(roster.corrections ?? {}), ...(config.corrections ?? {}) },
  };
}

export interface ResolveArgs {
  config?: JiaoduiConfig;
  /** Directory of the config file, for its relative paths. */
  configDir?: string;
  /** Explicit model path (CLI --model, editor setting); wins over the config's. */
  modelPath?: string;
  /** Explicit severities (CLI --rule, editor settings); win over the config's. */
  ruleOverrides?: Record<string, SeveritySetting>;
  extraAllow?: string[];
}

export function resolveLintOptions(args: ResolveArgs = {}): LintOptions {
  const config = args.config ?? {};
  const modelPath = args.modelPath ?? (config.model ? path.resolve(args.configDir ?? '.', config.model) : undefined);
  const rules: Record<string, SeveritySetting> = {};
  // ["error", {…}] (ESLint's form) is still accepted; no rule takes options, so only the severity counts.
  for (const [id, setting] of Object.entries(config.rules ?? {})) rules[id] = Array.isArray(setting) ? setting[0] : setting;
  Object.assign(rules, args.ruleOverrides ?? {});
  return {
    model: applyRoster(loadModel(modelPath), withRosterFile(config, args.configDir ?? '.')),
    lexicon: loadLexicon(),
    rules,
    allow: [...(config.allow ?? []), ...(args.extraAllow ?? [])],
  };
}
