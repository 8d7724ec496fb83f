/** Usage text: short, with the exit codes a CI script needs. */
import { DRAFT_EXTENSIONS } from '../node/files';

export const USAGE = `jiaodui 校对 — proofreading linter for Chinese newsroom drafts

用法 Usage:
  jiaodui lint [PATHS|GLOBS...] [options]   检查稿件 lint files, folders (recursively) or globs
  jiaodui lint - [options]                  检查标准输入 lint stdin (also --stdin)
  jiaodui learn CORPUS... --out FILE        从语料学习模型 learn a model from a corpus
  jiaodui rules [--format text|json]        列出规则 list the rules
  jiaodui lsp [--stdio]                     语言服务器 run the language server
  jiaodui --help | --version

lint options:
  -f, --format text|json|sarif|github   output format (default text)
  --fix                 apply safe fixes in place (atomic write), report what remains
  --fix-dry-run         print a unified diff of what --fix would change, then what would remain; write nothing
  --rule ID=SEVERITY    off|hint|info|warning|error; repeatable; wins over the config
  -c, --config FILE     use this config instead of looking for .jiaoduirc.json
  --no-config           ignore every .jiaoduirc.json
  --model FILE          a model from jiaodui learn (default: the embedded model)
  --max-warnings N      exit 1 when there are more than N warnings
  -q, --quiet           errors only (rules below error are not run or fixed)
  --allow WORD          never flag WORD; repeatable
  --ignore GLOB         skip matching paths (relative to the working directory); repeatable
  --stdin               read stdin (same as -)
  --stdin-filename NAME name for stdin: picks the language (.md) and the config
  --max-size SIZE       skip larger files with an error (default 20MB)
  -j, --jobs N          worker threads (default: automatic; 1 = no threads)
  --cache               reuse findings of unchanged drafts from .jiaoduicache (lint only, not --fix)
  --cache-location PATH the cache file, or a folder for .jiaoduicache (default: ./.jiaoduicache)
  --shard i/n           lint only part i of n of the sorted file list (a CI matrix of n jobs)
  --color, --no-color   force colour on or off (default: on for a terminal without NO_COLOR)

learn options:
  -o, --out FILE        where to write the model (required)
  -j, --jobs N          threads for the model's sections (default: automatic; 1 = no threads)
  -q, --quiet           no summary

Drafts: ${DRAFT_EXTENSIONS.join(' ')} (named files are linted whatever their extension).
Exit codes: 0 clean (or only warnings within --max-warnings), 1 errors or too many warnings,
2 usage or input error (missing file, folder without drafts, binary or non-UTF-8 file, bad config or model).
`;
