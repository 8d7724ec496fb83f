/**
 * Live linting of open documents.
 *
 * Cost: paragraph-scope rules are cached per paragraph by the core, so after a
 * keystroke they re-check one paragraph. Document-scope rules read the whole text
 * (hundreds of milliseconds on a 150 KB draft), so on a large document they run when
 * typing pauses; until then their last findings are carried onto the new text
 * (moved by the edit, dropped where the edit touched them). On a document where they
 * are cheap they run on every change, and every publish is exact.
 *
 * Staleness: every change bumps the document's generation; work scheduled for an
 * older generation is dropped before it starts (closed or superseded versions are
 * cancelled), the version is checked again after linting, and diagnostics are
 * published with the version they were computed for.
 */
import type { Connection, Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { TextModel, type Finding } from '../core';
import { languageIdOf, readRegularFile } from '../node/files';
import { toDiagnostic, tooLargeDiagnostic } from './diagnostics';
import type { Documents, OffsetChange } from './documents';
import { fsPath, type Project } from './project';
import { coreLanguage, isLintedLanguage, type JiaoduiSettings, type SettingsStore } from './settings';
import { carryFindings, mergeFindings, type SplitLinter } from './splitLinter';
import type { LintFilesParams, LintFilesResult } from './protocol';

/** Document-rule passes cheaper than this run on every change. */
const INLINE_DOCUMENT_BUDGET_MS = 15;
/** Otherwise they wait for this long a pause in typing (or the debounce, if longer). */
const DOCUMENT_PASS_IDLE_MS = 500;
/** Characters of a large document linted between two yields on its first lint. */
const WARM_UP_SLICE = 8_000;
/** JIAODUI_LSP_TIMING=1 logs, per publish, the time from the change's arrival (bench/lsp-latency.ts reads it). */
const LOG_TIMING = process.env.JIAODUI_LSP_TIMING === '1';

export interface LintResult {
  uri: string;
  version: number;
  text: TextModel;
  findings: Finding[];
  linter: SplitLinter;
  /** False while document-rule findings are carried over from an earlier version. */
  complete: boolean;
}

interface DocumentState {
  generation: number;
  /** performance.now() when the change behind the pending run arrived. */
  changedAt?: number;
  timer?: ReturnType<typeof setTimeout>;
  documentTimer?: ReturnType<typeof setTimeout>;
  /** Paragraph-rule findings of the last result (to merge with a later document pass). */
  paragraphFindings?: Finding[];
  /** Document-rule findings, on the coordinates of the current text. */
  documentFindings?: Finding[];
  /** The linter they came from: a config change invalidates them. */
  documentLinter?: SplitLinter;
  /** Milliseconds the last document-rule pass took. */
  documentCost: number;
  result?: LintResult;
}

type Outcome = { kind: 'linted'; result: LintResult; diagnostics: Diagnostic[]; paragraphFindings: Finding[] } | { kind: 'skipped'; diagnostics: Diagnostic[] };

export class LiveLinter {
  private readonly states = new Map<string, DocumentState>();
  /** URIs whose last published diagnostics were non-empty, so a clear is needed. */
  private readonly published = new Set<string>();
  /** Closed files linted through jiaodui/lintFiles: their disk diagnostics come back on close. */
  private readonly diskLinted = new Set<string>();

  constructor(
    private readonly connection: Connection,
    private readonly documents: Documents,
    private readonly settings: SettingsStore,
    private readonly project: Project,
  ) {}

  private state(uri: string): DocumentState {
    let state = this.states.get(uri);
    if (!state) this.states.set(uri, (state = { generation: 0, documentCost: Number.POSITIVE_INFINITY }));
    return state;
  }

  opened(document: TextDocument): void {
    this.schedule(document, { immediate: true, full: true });
  }

  changed(document: TextDocument, changes: OffsetChange[] | null): void {
    const state = this.state(document.uri);
    if (LOG_TIMING) state.changedAt = performance.now();
    state.documentFindings = changes && state.documentFindings ? carryFindings(state.documentFindings, changes) : undefined;
    this.schedule(document, { immediate: false, full: false });
  }

  /** Settings or config changed: lint every open document in full, now. */
  relintAll(): void {
    for (const document of this.documents.all()) this.schedule(document, { immediate: true, full: true });
  }

  closed(uri: string): void {
    const state = this.states.get(uri);
    if (state) {
      clearTimeout(state.timer);
      clearTimeout(state.documentTimer);
    }
    this.states.delete(uri);
    if (this.diskLinted.has(uri)) this.relintFromDisk(uri).catch((error: unknown) => this.logFailure(uri, error));
    else this.publish(uri, undefined, []);
  }

  private schedule(document: TextDocument, { immediate, full }: { immediate: boolean; full: boolean }): void {
    const state = this.state(document.uri);
    const generation = ++state.generation;
    clearTimeout(state.timer);
    clearTimeout(state.documentTimer);
    const known = this.settings.peek(document.uri);
    const delay = immediate || !known ? 0 : known.debounceMs;
    // Every asynchronous run ends in a catch: a rejection must never reach the process.
    state.timer = setTimeout(() => this.run(document.uri, generation, full).catch((error: unknown) => this.logFailure(document.uri, error)), delay);
  }

  /**
   * The findings of the document as it is now: the last result when it is current,
   * else a fresh lint (cheap: the paragraph cache is warm). Undefined when the
   * document is not linted (disabled, other language, too large, ignored).
   */
  async current(document: TextDocument): Promise<LintResult | undefined> {
    const cached = this.states.get(document.uri)?.result;
    if (cached && cached.version === document.version) return cached;
    const settings = await this.settings.get(document.uri);
    const latest = this.documents.get(document.uri);
    if (!latest) return undefined;
    const outcome = this.lintOpen(latest, settings, false);
    return outcome.kind === 'linted' ? outcome.result : undefined;
  }

  private async run(uri: string, generation: number, full: boolean): Promise<void> {
    const state = this.states.get(uri);
    if (!state || state.generation !== generation || !this.documents.get(uri)) return;
    const settings = await this.settings.get(uri);
    // The settings round trip may have let newer edits (or a close) in.
    if (this.states.get(uri) !== state || state.generation !== generation) return;
    const document = this.documents.get(uri);
    if (!document) return;
    const version = document.version;
    if (full && !(await this.warmUp(document, settings, () => state.generation === generation && this.documents.get(uri)?.version === version))) return;
    const lintStarted = LOG_TIMING ? performance.now() : 0;
    const outcome = this.lintOpen(document, settings, full);
    const linted = LOG_TIMING ? performance.now() : 0;
    if (this.documents.get(uri)?.version !== version || state.generation !== generation) return;
    if (outcome.kind === 'linted') {
      state.result = outcome.result;
      state.paragraphFindings = outcome.paragraphFindings;
      if (!outcome.result.complete) {
        const idle = Math.max(DOCUMENT_PASS_IDLE_MS, settings.debounceMs);
        state.documentTimer = setTimeout(() => this.safely(uri, () => this.documentPass(uri, generation)), idle);
      }
    } else {
      state.result = undefined;
    }
    this.publish(uri, version, outcome.diagnostics);
    if (LOG_TIMING && state.changedAt !== undefined) {
      const now = performance.now();
      this.connection.console.log(
        `timing ${uri} v${version} since-change=${(now - state.changedAt).toFixed(1)}ms lint=${(linted - lintStarted).toFixed(1)}ms publish=${(now - linted).toFixed(1)}ms diagnostics=${outcome.diagnostics.length}`,
      );
    }
  }

  /**
   * The first lint of a large document checks every paragraph (seconds on a 150 KB
   * draft). Run the paragraph rules over it in slices first, yielding between them,
   * so the server keeps answering and a close or a newer version stops the work;
   * the lint that follows then finds every paragraph in the cache. False when the
   * work was abandoned.
   */
  private async warmUp(document: TextDocument, settings: JiaoduiSettings, stillWanted: () => boolean): Promise<boolean> {
    const raw = document.getText();
    if (raw.length < WARM_UP_SLICE * 2 || !settings.enable || !isLintedLanguage(document.languageId, settings)) return true;
    if (Buffer.byteLength(raw, 'utf8') > settings.maxLiveSize) return true;
    const context = this.safely(document.uri, () => this.project.contextFor(document.uri, settings));
    if (!context || context.ignored) return true;
    const language = coreLanguage(document.languageId);
    for (let start = 0; start < raw.length;) {
      // Slices end at a blank line, so their paragraphs are the document's paragraphs.
      const blankLine = /\r?\n[ \t\u3000]*\r?\n/g;
      blankLine.lastIndex = start + WARM_UP_SLICE;
      const match = blankLine.exec(raw);
      const end = match ? match.index + match[0].length : raw.length;
      const slice = raw.slice(start, end);
      this.safely(document.uri, () => context.linter.lintParagraphs(new TextModel(slice, language)));
      start = end;
      await new Promise((resolve) => setImmediate(resolve));
      if (!stillWanted()) return false;
    }
    return true;
  }

  /** The deferred document-rule pass, once typing has paused. */
  private documentPass(uri: string, generation: number): void {
    const state = this.states.get(uri);
    const result = state?.result;
    const document = this.documents.get(uri);
    if (!state || !result || !document || state.generation !== generation || result.version !== document.version) return;
    const started = performance.now();
    const documentFindings = this.safely(uri, () => result.linter.lintDocument(result.text)) ?? [];
    state.documentCost = performance.now() - started;
    state.documentFindings = documentFindings;
    state.documentLinter = result.linter;
    const findings = mergeFindings(state.paragraphFindings ?? [], documentFindings);
    state.result = { ...result, findings, complete: true };
    this.publish(
      uri,
      result.version,
      findings.map((f) => toDiagnostic(f, result.text, result.version)),
    );
  }

  private lintOpen(document: TextDocument, settings: JiaoduiSettings, full: boolean): Outcome {
    if (!settings.enable || !isLintedLanguage(document.languageId, settings)) return { kind: 'skipped', diagnostics: [] };
    const raw = document.getText();
    // UTF-8 needs at most three bytes per UTF-16 unit: only count bytes when it can matter.
    if (raw.length * 3 > settings.maxLiveSize) {
      const bytes = Buffer.byteLength(raw, 'utf8');
      if (bytes > settings.maxLiveSize) return { kind: 'skipped', diagnostics: [tooLargeDiagnostic(bytes, settings.maxLiveSize)] };
    }
    const state = this.state(document.uri);
    return this.lintText(document.uri, document.version, raw, document.languageId, settings, (linter, text) => {
      const reuse = !full && state.documentLinter === linter && state.documentFindings !== undefined && state.documentCost > INLINE_DOCUMENT_BUDGET_MS;
      if (reuse) return { findings: state.documentFindings!, complete: false };
      const started = performance.now();
      const findings = linter.lintDocument(text);
      state.documentCost = performance.now() - started;
      state.documentFindings = findings;
      state.documentLinter = linter;
      return { findings, complete: true };
    });
  }

  private lintText(
    uri: string,
    version: number,
    raw: string,
    languageId: string,
    settings: JiaoduiSettings,
    documentRules: (linter: SplitLinter, text: TextModel) => { findings: Finding[]; complete: boolean },
  ): Outcome {
    const outcome = this.safely(uri, (): Outcome => {
      const context = this.project.contextFor(uri, settings);
      if (context.ignored) return { kind: 'skipped', diagnostics: [] };
      const text = new TextModel(raw, coreLanguage(languageId));
      const paragraphFindings = context.linter.lintParagraphs(text);
      const documentPart = documentRules(context.linter, text);
      const findings = mergeFindings(paragraphFindings, documentPart.findings);
      const result: LintResult = { uri, version, text, findings, linter: context.linter, complete: documentPart.complete };
      return { kind: 'linted', result, paragraphFindings, diagnostics: findings.map((f) => toDiagnostic(f, text, version)) };
    });
    return outcome ?? { kind: 'skipped', diagnostics: [] };
  }

  /** A broken model or config must not take the server down; the log says why. */
  private safely<T>(uri: string, work: () => T): T | undefined {
    try {
      return work();
    } catch (error) {
      this.logFailure(uri, error);
      return undefined;
    }
  }

  private logFailure(uri: string, error: unknown): void {
    this.connection.console.error(`jiaodui: 校对 ${uri} 失败：${(error as Error)?.stack ?? String(error)}`);
  }

  private publish(uri: string, version: number | undefined, diagnostics: Diagnostic[]): void {
    if (diagnostics.length === 0 && !this.published.has(uri)) return;
    if (diagnostics.length > 0) this.published.add(uri);
    else this.published.delete(uri);
    // A closed connection rejects: the server is going away, there is no one left to tell.
    this.connection.sendDiagnostics({ uri, version, diagnostics }).catch(() => undefined);
  }

  /** jiaodui/lintFiles: lint files that are not open and publish their diagnostics. */
  async lintFiles(params: LintFilesParams, isCancelled: () => boolean): Promise<LintFilesResult> {
    const result: LintFilesResult = { linted: 0, findings: 0, skipped: 0 };
    for (const file of params.files) {
      if (isCancelled()) break;
      const open = this.documents.get(file.uri);
      if (open) {
        // Open documents are linted live; count what is on screen.
        const current = await this.current(open);
        if (current) {
          result.linted++;
          result.findings += current.findings.length;
        } else result.skipped++;
        continue;
      }
      const settings = await this.settings.get(file.uri);
      const raw = file.text ?? readDisk(file.uri);
      const outcome =
        raw !== undefined && settings.enable && isLintedLanguage(file.languageId, settings)
          ? this.lintClosed(file.uri, raw, file.languageId, settings)
          : undefined;
      if (!outcome || outcome.kind === 'skipped') {
        result.skipped++;
        continue;
      }
      this.diskLinted.add(file.uri);
      // Diagnostics of a closed file carry no version: it is not open in any editor.
      this.publish(file.uri, undefined, outcome.diagnostics);
      result.linted++;
      result.findings += outcome.diagnostics.length;
      // Yield so requests from the editor (typing, hovers) are not starved by a big workspace.
      await new Promise((resolve) => setImmediate(resolve));
    }
    return result;
  }

  private lintClosed(uri: string, raw: string, languageId: string, settings: JiaoduiSettings): Outcome {
    return this.lintText(uri, 0, raw.replace(/^\uFEFF/, ''), languageId, settings, (linter, text) => ({ findings: linter.lintDocument(text), complete: true }));
  }

  private async relintFromDisk(uri: string): Promise<void> {
    const raw = readDisk(uri);
    const settings = await this.settings.get(uri);
    if (this.documents.get(uri)) return;
    const languageId = languageIdOf(uri);
    const outcome =
      raw !== undefined && settings.enable && isLintedLanguage(languageId, settings) ? this.lintClosed(uri, raw, languageId, settings) : undefined;
    this.publish(uri, undefined, outcome?.diagnostics ?? []);
  }
}

/** A closed file read for jiaodui/lintFiles is never larger than this (bytes). */
const MAX_DISK_BYTES = 64 * 1024 * 1024;

/** A closed file's text; undefined when it cannot be read, is too large or is not a regular file (a FIFO would hang the server). */
function readDisk(uri: string): string | undefined {
  const file = fsPath(uri);
  if (!file) return undefined;
  try {
    return readRegularFile(file, MAX_DISK_BYTES).toString('utf8');
  } catch {
    return undefined;
  }
}
