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

/**
 * A rule's suggestions in a document (judgements an editor confirms): without `rule`,
 * how many each rule has; with `rule`, also the edits that apply all of that rule's.
 */
export const SUGGESTIONS_REQUEST = 'jiaodui/suggestions';
export interface SuggestionsParams {
  uri: string;
  rule?: string;
}
export interface SuggestionsResult extends DocumentEditsResult {
  /** Rules with suggestions in the document, most first. */
  rules: Array<{ rule: string; count: number }>;
}
/** Client command: pick a rule, confirm “应用 N 处建议？”, apply. Arguments: [{ uri, rule }] (both optional). */
export const APPLY_SUGGESTIONS_COMMAND = 'jiaodui.applySuggestions';
export interface ApplySuggestionsArgs {
  uri?: string;
  rule?: string;
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

/**
 * Workspace trust (VS Code): `workspaceTrusted` in initializationOptions says whether the
 * workspace was trusted at start (absent: trusted, for editors without the notion), and
 * this notification says trust was granted later. Untrusted, a .jiaoduirc.json may set
 * rules and house lists but not make the server read other files (`model`, `roster`).
 */
/** The argument with which the extension forks its own bundle (dist/client.js) as the language server. */
export const SERVER_ROLE_ARG = '--jiaodui-server';

export const WORKSPACE_TRUST_NOTIFICATION = 'jiaodui/workspaceTrust';
export interface WorkspaceTrustParams {
  trusted: boolean;
}
export interface InitializationOptions {
  /** The client watches .jiaoduirc.json itself (no dynamic registration needed). */
  watchesConfigFiles?: boolean;
  workspaceTrusted?: boolean;
}

/** Code action kinds the server offers. */
export const FIX_ALL_KIND = 'source.fixAll.jiaodui';
export const CONVERT_KIND = 'source.convertToSimplified.jiaodui';
