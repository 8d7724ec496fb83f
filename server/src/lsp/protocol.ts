/**
 * The custom requests and commands the server adds to LSP. Shared by the server and
 * the VS Code client, so it holds names and shapes only (no imports with runtime cost).
 */

/** Lint files that are not open (Lint workspace): the server publishes their diagnostics. */
export const LINT_FILES_REQUEST = 'jiaodui/lintFiles';
export interface LintFilesParams {
  files: Array<{
    uri: string;
    languageId: string;
    /** The file's text; when absent the server reads a file: URI from disk. */
    text?: string;
  }>;
}
export interface LintFilesResult {
  linted: number;
  findings: number;
  /** Files left alone: too large, ignored by .jiaoduirc.json, unreadable or not linted languages. */
  skipped: number;
}

/** Every safe fix of a document (the same as source.fixAll.jiaodui), as edits to apply. */
export const FIX_ALL_REQUEST = 'jiaodui/fixAll';
export interface FixAllParams {
  uri: string;
}
export interface WireTextEdit {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  newText: string;
}
export interface DocumentEditsResult {
  uri: string;
  /** The document version the edits apply to. */
  version: number;
  edits: WireTextEdit[];
}

/** Traditional → Simplified over the whole document (OpenCC t → cn). */
export const CONVERT_TO_SIMPLIFIED_REQUEST = 'jiaodui/convertToSimplified';
export interface ConvertToSimplifiedParams {
  uri: string;
}

/** Learn a model from a corpus folder and write it to `out`. */
export const LEARN_MODEL_REQUEST = 'jiaodui/learnModel';
export interface LearnModelParams {
  /** File-system paths of the corpus folders (or files). */
  inputs: string[];
  /** File-system path of the model to write. */
  out: string;
}
export interface LearnModelResult {
  out: string;
  documents: number;
  characters: number;
}

/** Server command behind the “allow ‘X’ in this project” code action. */
export const ALLOW_WORD_COMMAND = 'jiaodui.allowWord';
export interface AllowWordArgs {
  uri: string;
  word: string;
}

/** Code action kinds the server offers. */
export const FIX_ALL_KIND = 'source.fixAll.jiaodui';
export const CONVERT_KIND = 'source.convertToSimplified.jiaodui';
