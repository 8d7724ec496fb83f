/**
 * The programmatic API: `require('jiaodui')` in Node, for scripts and other tools. A thin
 * shell over the pure core with the embedded lexicon and default model loaded from
 * dist/, as the CLI does. It never imports `vscode`: the extension's entry (package.json
 * `main`) is for VS Code only, and Node resolves `exports` first.
 */
import { Linter, applyFixes, learnModel, RULES, type Finding, type Language, type LearnedModel, type SeveritySetting } from './core';
import { loadLexicon, loadModel } from './node/resources';

export type { Finding, Fix, TextEdit, Severity, SeveritySetting, Language, LearnedModel, RuleMeta } from './core';
export { applyFixes, RULES };

export interface LintTextOptions {
  /** 'markdown' masks code, front matter and HTML comments; default 'plaintext'. */
  language?: Language;
  /** Per-rule severity or 'off' (rule ids as in `jiaodui rules`). */
  rules?: Record<string, SeveritySetting>;
  /** House dictionary: words never flagged. */
  allow?: string[];
  /** A model from `learn` (or a model file parsed by the caller); default: the embedded model. */
  model?: LearnedModel;
}

/** Lints one text; offsets in the findings are UTF-16 code units. */
export function lint(text: string, options: LintTextOptions = {}): Finding[] {
  const linter = new Linter({ model: options.model ?? loadModel(), lexicon: loadLexicon(), rules: options.rules, allow: options.allow });
  return linter.lint(text, options.language ?? 'plaintext');
}

/** Learns a model from a newsroom's own documents, as `jiaodui learn` does. */
export function learn(documents: ReadonlyArray<{ path: string; content: string }>): LearnedModel {
  return learnModel([...documents], loadLexicon());
}
