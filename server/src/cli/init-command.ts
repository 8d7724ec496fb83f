/**
 * `--print-config FILE`: the merged settings that apply to one draft (config found
 * upward or --config, then --rule and --allow), as JSON, as ESLint's --print-config.
 * `--init`: writes a commented `.jiaoduirc.json` whose choices come from the folder's
 * own drafts: a rule that fires in most of them flags how this house writes, not a
 * slip, so it is turned off, with the numbers that say why.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RULES } from '../core';
import { CONFIG_FILE, ConfigError } from '../node/config';
import { discover, displayPath } from '../node/files';
import type { LintArgs } from './args';
import { FatalError, settingsFrom, type LintIo } from './lint-command';
import { Project, lintFile } from './lint-files';

export function runPrintConfig(args: LintArgs, file: string, io: LintIo): number {
  const settings = settingsFrom(args, io.cwd);
  const absolute = path.resolve(io.cwd, file);
  const project = new Project(settings);
  const config = project.configFor(absolute);
  if (config instanceof ConfigError) throw new FatalError(config.message);
  const options = project.linterFor(config, 'plaintext').options;
  const rules: Record<string, string> = {};
  for (const rule of RULES) rules[rule.meta.id] = options.rules?.[rule.meta.id] ?? rule.meta.defaultSeverity;
  const configDir = config.file ? path.dirname(config.file) : io.cwd;
  const model = settings.modelPath ?? (config.config.model ? path.resolve(configDir, config.config.model) : undefined);
  const printed = {
    file: displayPath(absolute, io.cwd),
    configFile: config.file ? displayPath(config.file, io.cwd) : null,
    ignored: !args.noIgnore && config.isIgnored(absolute),
    rules,
    allow: options.allow ?? [],
    ignore: config.config.ignore ?? [],
    model: model ? displayPath(model, io.cwd) : null,
    roster: config.config.roster ?? null,
    names: config.config.names ?? [],
    phrases: config.config.phrases ?? [],
  };
  io.stdout(`${JSON.stringify(printed, null, 2)}\n`);
  return 0;
}

/**
 * A rule is taken for house style when it fires in at least this share of the drafts
 * (and in INIT_MIN_DRAFTS of them): a slip is occasional, a habit is everywhere.
 */
const INIT_HOUSE_SHARE = 0.5;
const INIT_MIN_DRAFTS = 3;

export interface RuleUsage {
  id: string;
  drafts: number;
  findings: number;
}

/** The commented config --init writes, from what each rule found in `total` drafts. */
export function initConfigText(usage: readonly RuleUsage[], total: number): string {
  const house = usage.filter((u) => total > 0 && u.drafts >= INIT_MIN_DRAFTS && u.drafts >= total * INIT_HOUSE_SHARE);
  const lines = [
    '// jiaodui 配置（JSONC：可写注释）。由 jiaodui --init 根据本目录的稿件生成。',
    `// Written by jiaodui --init from the ${total} draft${total === 1 ? '' : 's'} in this folder.`,
    '// 规则与级别见 jiaodui rules；级别可为 off|hint|info|warning|error。',
    '{',
    '  "rules": {',
  ];
  if (house.length === 0) lines.push('    // 没有规则在多数稿件中报告问题：全部保持默认（no rule fires in most drafts: all stay at their defaults）');
  house.forEach((u, i) => {
    lines.push(
      `    // ${u.drafts}/${total} 篇稿件共 ${u.findings} 处：这是本社写法，不是笔误；删去下一行即恢复检查（fires in ${u.drafts} of ${total} drafts: house style）`,
    );
    lines.push(`    "${u.id}": "off"${i < house.length - 1 ? ',' : ''}`);
  });
  lines.push(
    '  },',
    '  // 本社词表：永不报告的词（house dictionary: words never flagged）',
    '  "allow": [],',
    '  // 不检查的文件（globs relative to this file）',
    '  "ignore": []',
    '  // 从本目录学习人名与固定说法：jiaodui learn . --out jiaodui-model.json，再加上',
    '  // "model": "jiaodui-model.json"',
    '}',
    '',
  );
  return lines.join('\n');
}

export function runInit(args: LintArgs, io: LintIo): number {
  const target = path.join(io.cwd, CONFIG_FILE);
  if (fs.existsSync(target)) throw new FatalError(`${CONFIG_FILE} 已存在，未覆盖（already exists; not overwritten）`);
  // The folder as it is, without any config: what the defaults say about it.
  const settings = settingsFrom({ ...args, noConfig: true, configFile: undefined, fix: false, fixDryRun: false }, io.cwd);
  const project = new Project(settings);
  const discovery = discover(args.inputs.length > 0 ? args.inputs : ['.'], io.cwd, () => false);
  const usage = new Map(RULES.map((r) => [r.meta.id, { id: r.meta.id, drafts: 0, findings: 0 }]));
  let total = 0;
  discovery.files.forEach((file, index) => {
    const result = lintFile({ index, file, display: displayPath(file, io.cwd) }, settings, project);
    if (result.error !== undefined) {
      io.stderr(`jiaodui: ${result.path}: ${result.error}\n`);
      return;
    }
    total++;
    const seen = new Set<string>();
    for (const d of result.diagnostics) {
      const entry = usage.get(d.rule);
      if (!entry) continue;
      entry.findings++;
      if (!seen.has(d.rule)) entry.drafts++;
      seen.add(d.rule);
    }
  });
  const text = initConfigText([...usage.values()], total);
  fs.writeFileSync(target, text, { flag: 'wx' });
  io.stdout(`已写入 ${CONFIG_FILE}（据 ${total} 篇稿件）（wrote ${CONFIG_FILE} from ${total} draft${total === 1 ? '' : 's'}）\n`);
  return 0;
}
