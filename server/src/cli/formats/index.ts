/** One entry point per output format; the lint command picks by --format. */
import type { Format } from '../args';
import type { LintMode } from '../lint-files';
import type { InputProblem } from '../../node/files';
import type { FileResult, Summary } from '../report';
import { formatText } from './text';
import { formatJson } from './json';
import { formatSarif } from './sarif';
import { formatGithub } from './github';

export interface RenderContext {
  cwd: string;
  color: boolean;
  mode: LintMode;
  /** Inputs that were not linted (already printed on stderr); SARIF records them too. */
  problems: InputProblem[];
}

export function render(format: Format, results: readonly FileResult[], summary: Summary, ctx: RenderContext): string {
  switch (format) {
    case 'json':
      return formatJson(results, summary);
    case 'sarif':
      return formatSarif(results, ctx.cwd, ctx.problems);
    case 'github':
      return formatGithub(results);
    case 'text':
      return formatText(results, summary, { color: ctx.color, mode: ctx.mode });
  }
}
