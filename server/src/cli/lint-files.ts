/**
 * Linting one input: decode → options from its project config → lint (or fix all
 * and lint what remains) → FileResult. The same code runs on the main thread and in
 * worker threads, so it takes plain settings and keeps its caches per process.
 */
import * as path from 'node:path';
import { fixAll, Linter, RULES, TextModel, type Finding, type FixKind, type Language, type LintOptions, type SeveritySetting } from '../core';
import { ConfigError, findConfigFile, loadConfigFile, resolveLintOptions, type JiaoduiConfig } from '../node/config';
import { loadModel } from '../node/resources';
import { InputError, readText, type DecodedText } from './decode';
import { encodeDraft, writeFileAtomic } from '../node/write';
import { readsBackAs, EncodeError, type EncodingOption } from '../node/encoding';
import { ignoreMatcher, languageOf } from '../node/files';
import { unifiedDiff } from './diff';
import { toCliApplied, toCliDiagnostic, type CliApplied, type CliDiagnostic, type FileResult } from './report';

export type LintMode = 'lint' | 'fix' | 'fix-dry-run';

/** Everything a worker needs to lint exactly as the main thread would: plain data. */
export interface LintSettings {
  mode: LintMode;
  /** The kinds of fix --fix / --fix-dry-run apply. */
  fixTypes: FixKind[];
  cwd: string;
  /** --config: one config for every file (absolute). */
  configFile?: string;
  noConfig: boolean;
  /** --model (absolute); wins over a config's model. */
  modelPath?: string;
  ruleOverrides: Record<string, SeveritySetting>;
  allow: string[];
  /** Errors only: rules whose effective severity is below error are not even run. */
  quiet: boolean;
  maxSize: number;
  /** --encoding: how drafts are decoded (and --fix writes them back). */
  encoding: EncodingOption;
  /** Line/column for every fix edit: only SARIF needs them. */
  editRanges: boolean;
}

export interface FileJob {
  index: number;
  file: string;
  display: string;
  /** Run only these rules (one share of a large draft split across threads); all when absent. */
  rules?: string[];
}

export interface LinterEntry {
  linter: Linter;
  options: LintOptions;
}

export interface ProjectConfig {
  /** The config file, or '' when none applies. */
  file: string;
  config: JiaoduiConfig;
  isIgnored(file: string): boolean;
}

/**
 * Config per directory and Linter per (config, language), so a folder of a thousand
 * drafts reads its `.jiaoduirc.json` once and shares one paragraph cache.
 */
export class Project {
  private readonly settings: LintSettings;
  private readonly configByDir = new Map<string, string>();
  private readonly configs = new Map<string, ProjectConfig | ConfigError>();
  private readonly linters = new Map<string, LinterEntry>();
  private readonly reportedRuleErrors = new Set<string>();

  constructor(settings: LintSettings) {
    this.settings = settings;
  }

  /** The config governing `file`, or a ConfigError naming the bad config file. */
  configFor(file: string): ProjectConfig | ConfigError {
    const key = this.configFileFor(path.dirname(file));
    let resolved = this.configs.get(key);
    if (!resolved) {
      resolved = this.loadConfig(key);
      this.configs.set(key, resolved);
    }
    return resolved;
  }

  private configFileFor(dir: string): string {
    if (this.settings.noConfig) return '';
    if (this.settings.configFile) return this.settings.configFile;
    let found = this.configByDir.get(dir);
    if (found === undefined) {
      found = findConfigFile(dir) ?? '';
      this.configByDir.set(dir, found);
    }
    return found;
  }

  private loadConfig(file: string): ProjectConfig | ConfigError {
    if (file === '') return { file, config: {}, isIgnored: () => false };
    try {
      const config = loadConfigFile(file);
      const dir = path.dirname(file);
      // A config's model is checked here, once, so a bad path is one clear line, not one per draft.
      if (config.model !== undefined && this.settings.modelPath === undefined) loadModel(path.resolve(dir, config.model));
      return { file, config, isIgnored: ignoreMatcher(config.ignore ?? [], dir) };
    } catch (error) {
      return error instanceof ConfigError ? error : new ConfigError(file, (error as Error).message);
    }
  }

  linterFor(project: ProjectConfig, language: Language, only?: readonly string[]): LinterEntry {
    const key = `${project.file}\0${language}\0${only?.join(',') ?? ''}`;
    let entry = this.linters.get(key);
    if (!entry) {
      const options = resolveLintOptions({
        config: project.config,
        configDir: project.file ? path.dirname(project.file) : undefined,
        modelPath: this.settings.modelPath,
        ruleOverrides: this.settings.ruleOverrides,
        extraAllow: this.settings.allow,
      });
      const finished = this.finishOptions(options, language, only);
      entry = { linter: new Linter(finished), options: finished };
      this.linters.set(key, entry);
    }
    return entry;
  }

  private finishOptions(options: LintOptions, language: Language, only?: readonly string[]): LintOptions {
    const rules = { ...options.rules };
    if (only) {
      const share = new Set(only);
      for (const rule of RULES) if (!share.has(rule.meta.id)) rules[rule.meta.id] = 'off';
    }
    if (this.settings.quiet) {
      for (const rule of RULES) {
        const severity = rules[rule.meta.id] ?? rule.meta.defaultSeverity;
        if (severity !== 'error') rules[rule.meta.id] = 'off';
      }
    }
    return {
      ...options,
      rules,
      language,
      onRuleError: (ruleId, error) => {
        if (this.reportedRuleErrors.has(ruleId)) return;
        this.reportedRuleErrors.add(ruleId);
        process.stderr.write(`jiaodui: 规则 ${ruleId} 出错，已跳过（rule failed and was skipped）：${(error as Error)?.stack ?? String(error)}\n`);
      },
    };
  }
}

/** Lints (and, by mode, fixes) a decoded text; `fixed` is set when the mode changed it. */
export function lintDecoded(
  decoded: DecodedText,
  { linter, options }: LinterEntry,
  language: Language,
  settings: Pick<LintSettings, 'mode' | 'quiet' | 'editRanges' | 'fixTypes'>,
): Pick<FileResult, 'diagnostics' | 'fixedCount' | 'changed' | 'applied'> & { fixed?: string } {
  let model: TextModel;
  let findings: Finding[];
  let fixedCount: number | undefined;
  let fixed: string | undefined;
  let applied: CliApplied[] | undefined;
  if (settings.mode === 'lint') {
    model = new TextModel(decoded.text, language);
    findings = linter.lintModel(model);
  } else {
    // Fix in passes, then report what remains, with positions in the fixed text.
    const result = fixAll(decoded.text, options, linter, settings.fixTypes);
    fixedCount = result.fixed.length;
    const original = result.fixed.length > 0 ? new TextModel(decoded.text, language) : undefined;
    applied = original ? result.fixed.map((f) => toCliApplied(f, original)) : [];
    if (result.text !== decoded.text) fixed = result.text;
    findings = result.remaining;
    model = new TextModel(result.text, language);
  }
  if (settings.quiet) findings = findings.filter((f) => f.severity === 'error');
  // Each finding is let go as soon as its diagnostic is made: on a 10 MB draft the two
  // lists would otherwise be held whole at once.
  const diagnostics = new Array<CliDiagnostic>(findings.length);
  for (let i = findings.length - 1; i >= 0; i--) diagnostics[i] = toCliDiagnostic(findings.pop()!, model, settings.editRanges);
  return {
    diagnostics,
    fixedCount,
    applied,
    changed: settings.mode === 'lint' ? undefined : fixed !== undefined,
    fixed,
  };
}

export function lintFile(job: FileJob, settings: LintSettings, project: Project): FileResult {
  const result: FileResult = { path: job.display, absolutePath: job.file, diagnostics: [] };
  const config = project.configFor(job.file);
  if (config instanceof ConfigError) return { ...result, error: config.message };
  let decoded: DecodedText;
  try {
    decoded = readText(job.file, settings.maxSize, settings.encoding);
  } catch (error) {
    if (error instanceof InputError) return { ...result, error: error.message };
    throw error;
  }
  if (settings.encoding === 'auto' && decoded.encoding !== 'utf-8') result.decodedAs = decoded.encoding;
  const language = languageOf(job.file);
  const linted = lintDecoded(decoded, project.linterFor(config, language, job.rules), language, settings);
  const { fixed, ...rest } = linted;
  Object.assign(result, rest);
  if (fixed !== undefined && settings.mode === 'fix') {
    let bytes: Buffer;
    try {
      bytes = encodeFixed(fixed, decoded);
    } catch (error) {
      return { ...result, diagnostics: [], error: (error as Error).message };
    }
    try {
      writeFileAtomic(job.file, bytes);
    } catch (error) {
      return {
        ...result,
        diagnostics: [],
        error: `无法写回修复（could not write the fix: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}）`,
      };
    }
  }
  if (fixed !== undefined && settings.mode === 'fix-dry-run')
    result.diff = unifiedDiff(withBom(decoded.text, decoded.bom), withBom(fixed, decoded.bom), job.display);
  return result;
}

/** stdin: the name (if given) chooses the language and the config; the file is never written. */
export function lintStdin(settings: LintSettings, project: Project, name: string | undefined): FileResult {
  const absolute = name ? path.resolve(settings.cwd, name) : path.join(settings.cwd, '<stdin>');
  const display = name ?? '<stdin>';
  const result: FileResult = { path: display, absolutePath: name ? absolute : '', diagnostics: [] };
  const config = project.configFor(absolute);
  if (config instanceof ConfigError) return { ...result, error: config.message };
  let decoded: DecodedText;
  try {
    decoded = readText(0, settings.maxSize, settings.encoding);
  } catch (error) {
    if (error instanceof InputError) return { ...result, error: error.message };
    throw error;
  }
  if (settings.encoding === 'auto' && decoded.encoding !== 'utf-8') result.decodedAs = decoded.encoding;
  if (settings.mode === 'fix' && decoded.encoding !== 'utf-8') {
    return {
      ...result,
      error: `标准输入的 --fix 只输出 UTF-8，此输入为 ${decoded.encoding}；请对文件用 --fix（stdin --fix writes UTF-8 only; fix the file instead）`,
    };
  }
  const language = name ? languageOf(name) : 'plaintext';
  const { fixed, ...rest } = lintDecoded(decoded, project.linterFor(config, language), language, settings);
  Object.assign(result, rest);
  if (settings.mode === 'fix') result.output = (decoded.bom ? '\uFEFF' : '') + (fixed ?? decoded.text);
  if (fixed !== undefined && settings.mode === 'fix-dry-run')
    result.diff = unifiedDiff(withBom(decoded.text, decoded.bom), withBom(fixed, decoded.bom), display);
  return result;
}

/**
 * The fixed draft's bytes in its own encoding, never silently converted. A draft not in
 * UTF-8 is written back only when its unchanged text encodes to exactly the bytes read
 * (some GB18030 bytes decode alike), so every byte outside the fixed spans survives.
 */
function encodeFixed(fixed: string, decoded: DecodedText): Buffer {
  const refuse = (why: string) =>
    new InputError(`无法按原编码 ${decoded.encoding} 写回修复，文件未改动：${why}（cannot write the fix back in ${decoded.encoding}; file left unchanged）`);
  try {
    if (decoded.source && !encodeDraft(decoded.text, decoded.bom, decoded.encoding).equals(decoded.source)) throw refuse('原文重新编码后字节不同');
    const bytes = encodeDraft(fixed, decoded.bom, decoded.encoding);
    // GBK holds less than GB18030, whose table encodes: the written bytes must read back as the fixed text.
    if (decoded.source && !readsBackAs(bytes, decoded.encoding, fixed)) throw refuse('修复后的文字超出该编码');
    return bytes;
  } catch (error) {
    if (error instanceof EncodeError) throw refuse(error.message);
    throw error;
  }
}

/** The text as the file holds it: a diff for git apply and patch must carry the BOM on its first line. */
function withBom(text: string, bom: boolean): string {
  return bom ? `\uFEFF${text}` : text;
}
