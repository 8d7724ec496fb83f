/** One entry point per output format; the lint command picks by --format. */
import type { Format } from '../args';
import type { LintMode } from '../lint-files';
import type { InputProblem } from '../../node/files';
import type { FileResult, Summary } from '../report';
import { formatText, textFileBlock, textSummary, type BlockCounts } from './text';
import { formatJson, JsonWriter } from './json';
import { formatSarif } from './sarif';
import { formatGithub, githubLines } from './github';

export interface RenderContext {
  cwd: string;
  color: boolean;
  mode: LintMode;
  /** Inputs that were not linted (already printed on stderr); SARIF records them too. */
  problems: InputProblem[];
  /** --max-warnings, for the text summary's reason when it is exceeded. */
  maxWarnings?: number;
}

export function render(format: Format, results: readonly FileResult[], summary: Summary, ctx: RenderContext): string {
  switch (format) {
    case 'json':
      return formatJson(results, summary, ctx.problems);
    case 'sarif':
      return formatSarif(results, ctx.cwd, ctx.problems);
    case 'github':
      return formatGithub(results);
    case 'text':
      return formatText(results, summary, { color: ctx.color, mode: ctx.mode, maxWarnings: ctx.maxWarnings });
  }
}

/** Receives each file's result in input order, then the totals. */
export interface Reporter {
  file(result: FileResult): void;
  end(summary: Summary): void;
}

/**
 * A reporter that writes each file's part of the report as soon as it is given, so
 * the findings of a thousand drafts are never all in memory at once. The output is
 * byte for byte what `render` returns for the same results. SARIF (one JSON document
 * whose run lists the failed inputs) and the fix modes' text report (diffs first)
 * need every result before the first byte, so they are rendered at the end.
 */
/**
 * What the text and github formats wrote for one draft they rendered, with the text
 * summary's counts: --cache keeps it, so the next run writes it again as it is.
 */
export type OnRendered = (result: FileResult, text: string, counts: BlockCounts) => void;

export function createReporter(format: Format, ctx: RenderContext, write: (text: string | Uint8Array) => void, onRendered?: OnRendered): Reporter {
  if (format === 'json') {
    const writer = new JsonWriter(write);
    writer.start();
    // Inputs that failed before linting (missing, no drafts, bad config) are known by now.
    for (const problem of ctx.problems) writer.failed(problem.path, problem.reason);
    return { file: (r) => writer.file(r), end: (s) => writer.end(s) };
  }
  if (format === 'github') {
    return {
      file: (r) => {
        if (r.cachedView) {
          if (r.cachedView.bytes.length > 0) write(r.cachedView.bytes);
          return;
        }
        const lines = githubLines(r);
        if (lines) write(lines);
        onRendered?.(r, lines, { fixable: 0, suggestions: 0 });
      },
      end: () => {},
    };
  }
  if (format === 'text' && ctx.mode === 'lint') {
    let fixable = 0;
    let suggestions = 0;
    return {
      file: (r) => {
        const block = r.cachedView ?? textFileBlock(r, ctx.color);
        fixable += block.fixable;
        suggestions += block.suggestions;
        if (r.cachedView) {
          if (r.cachedView.bytes.length > 0) write(r.cachedView.bytes);
          return;
        }
        const { text } = block as ReturnType<typeof textFileBlock>;
        if (text) write(text);
        onRendered?.(r, text, block);
      },
      end: (s) =>
        write(textSummary(s, { fixable, suggestions, fixed: 0, changedFiles: 0 }, { color: ctx.color, mode: ctx.mode, maxWarnings: ctx.maxWarnings })),
    };
  }
  const results: FileResult[] = [];
  return { file: (r) => results.push(r), end: (s) => write(render(format, results, s, ctx)) };
}
