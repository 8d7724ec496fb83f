/** Usage text: short, with the exit codes a CI script needs; the option lines come from OPTIONS. */
import { DRAFT_EXTENSIONS } from '../node/files';
import { OPTIONS, type OptionSpec } from './args';

function optionNames(spec: OptionSpec): string {
  return `${spec.short ? `-${spec.short}, ` : ''}--${spec.name}${spec.value ? ` ${spec.value}` : ''}`;
}

/** Every option's help starts in one column, past the longest option. */
const NAMES_WIDTH = Math.max(...Object.values(OPTIONS).flatMap((specs) => specs.map((spec) => optionNames(spec).length)));

function optionLine(spec: OptionSpec): string {
  return `  ${optionNames(spec).padEnd(NAMES_WIDTH)}  ${spec.help}`;
}

function optionSection(title: string, specs: readonly OptionSpec[]): string {
  return `${title}:\n${specs.map(optionLine).join('\n')}\n`;
}

export const USAGE = `jiaodui 校对 — proofreading linter for Chinese newsroom drafts

用法 Usage:
  jiaodui lint [PATHS|GLOBS...] [options]   检查稿件 lint files, folders (recursively) or globs
  jiaodui lint - [options]                  检查标准输入 lint stdin (also --stdin)
  jiaodui learn CORPUS... --out FILE        从语料学习模型 learn a model from a corpus
  jiaodui rules [--format text|json]        列出规则 list the rules
  jiaodui lsp [--stdio]                     语言服务器 run the language server
  jiaodui --print-config FILE               显示适用于文件的配置 the settings that apply to FILE (JSON)
  jiaodui --init [PATHS]                    生成 .jiaoduirc.json write a commented config learned from the drafts
  jiaodui --help | --version

${optionSection('lint options', OPTIONS.lint)}
${optionSection('learn options', OPTIONS.learn)}
Drafts: ${DRAFT_EXTENSIONS.join(' ')} (named files are linted whatever their extension).
Exit codes: 0 clean (or only warnings within --max-warnings), 1 errors or too many warnings,
2 usage or input error (missing file, folder without drafts, binary or non-UTF-8 file, bad config or model).
`;
