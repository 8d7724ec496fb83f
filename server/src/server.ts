/**
 * LSP shell: documents in, diagnostics, code actions and hovers out. Everything that
 * decides anything lives in the core (lint, fixes) or in server/src/lsp/ (scheduling,
 * settings, conversion of findings); this file only wires the protocol to them.
 *
 * Started three ways: by the VS Code client (node IPC), by `jiaodui lsp` (stdio) and
 * as `node dist/server.js --stdio|--node-ipc|--socket=N`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  ProposedFeatures,
  ResponseError,
  TextDocumentSyncKind,
  createConnection,
  type CancellationToken,
  type CodeAction,
  type CodeActionParams,
  type Connection,
  type ExecuteCommandParams,
  type HoverParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import type { Rule } from './core';
import { codeActions, countFixes, fixAllRuleEdit, ruleFixEdits, type ClientSupport, type ResolveData } from './lsp/codeActions';
import { toSimplifiedEdits } from './lsp/convert';
import { fixAllEdits, toWireEdits } from './lsp/edits';
import { hoverAt } from './lsp/hover';
import { learnFromFolders } from './lsp/learn';
import { Documents } from './lsp/documents';
import {
  arrayOf,
  errorText,
  guardNotification,
  guardRequest,
  isAnything,
  isBoolean,
  isDocumentId,
  isPosition,
  isRange,
  isString,
  object,
  optional,
  type GuardLog,
} from './lsp/guard';
import { LiveLinter } from './lsp/linting';
import { Project, fsPath } from './lsp/project';
import {
  ALLOW_WORD_COMMAND,
  CONVERT_KIND,
  CONVERT_TO_SIMPLIFIED_REQUEST,
  FIX_ALL_KIND,
  FIX_ALL_REQUEST,
  LEARN_MODEL_REQUEST,
  SUGGESTIONS_REQUEST,
  type SuggestionsParams,
  type SuggestionsResult,
  LINT_FILES_REQUEST,
  WORKSPACE_TRUST_NOTIFICATION,
  type AllowWordArgs,
  type InitializationOptions,
  type WorkspaceTrustParams,
  type ConvertToSimplifiedParams,
  type DocumentEditsResult,
  type FixAllParams,
  type LearnModelParams,
  type LearnModelResult,
  type LintFilesParams,
  type LintFilesResult,
} from './lsp/protocol';
import { SettingsStore, coreLanguage } from './lsp/settings';

export interface StartServerOptions {
  /**
   * An existing connection (tests, embedding). Otherwise one is made from argv
   * (--stdio, --node-ipc, --socket=N, --pipe=NAME), and stdio when argv names none,
   * which is how `jiaodui lsp` runs.
   */
  connection?: Connection;
  /** The rule set; the registry by default. */
  rules?: readonly Rule[];
}

const TRANSPORT_ARG = /^--(stdio|node-ipc|socket|pipe)(=|$)/;

/** Shapes of the params each handler accepts (what it reads; extra keys are fine). */
const CODE_ACTION_PARAMS = object({
  textDocument: isDocumentId,
  range: isRange,
  context: object({ diagnostics: arrayOf(isAnything), only: optional(arrayOf(isString)) }),
});
const HOVER_PARAMS = object({ textDocument: isDocumentId, position: isPosition });
const RESOLVE_PARAMS = object({ title: isString });
const EXECUTE_COMMAND_PARAMS = object({ command: isString, arguments: optional(arrayOf(isAnything)) });
const URI_PARAMS = object({ uri: isString });
const SUGGESTIONS_PARAMS = object({ uri: isString, rule: optional(isString) });
const LINT_FILES_PARAMS = object({ files: arrayOf(object({ uri: isString, languageId: isString, text: optional(isString) })) });
const LEARN_MODEL_PARAMS = object({ inputs: arrayOf(isString), out: isString });
const FOLDERS_CHANGE_EVENT = object({ added: arrayOf(object({ uri: isString })), removed: arrayOf(object({ uri: isString })) });

export function startServer(options: StartServerOptions = {}): Connection {
  const connection = options.connection ?? defaultConnection();
  const log: GuardLog = { error: (message) => connection.console.error(message) };
  // A request to the client rejects when it answers with an error: logged, never unhandled.
  const logFailure = (method: string) => (error: unknown) => log.error(`jiaodui：${method} 失败：${errorText(error)}`);
  // A process of its own: nothing but `exit` (or the client going away) may end it.
  if (!options.connection) keepServing(log);
  const documents = new Documents();
  const settings = new SettingsStore(connection);
  const reportedRuleErrors = new Set<string>();
  const shownWarnings = new Set<string>();
  const project = new Project(
    {
      warnOnce(key, message) {
        if (shownWarnings.has(key)) return;
        shownWarnings.add(key);
        connection.console.warn(message);
        connection.window.showWarningMessage(message);
      },
      onRuleError(ruleId, error) {
        // Once per rule for the server's lifetime: a rule that throws on every keystroke must not flood the log.
        if (reportedRuleErrors.has(ruleId)) return;
        reportedRuleErrors.add(ruleId);
        connection.console.error(`jiaodui: 规则 ${ruleId} 出错，已跳过：${(error as Error)?.stack ?? String(error)}`);
      },
    },
    options.rules,
  );
  const live = new LiveLinter(connection, documents, settings, project);
  const support: ClientSupport = { documentChanges: false, resolveEdit: false };
  let watchFilesDynamically = false;
  let configurationDynamically = false;
  let workspaceFolderEvents = false;

  connection.onInitialize((params): InitializeResult => {
    const caps = params?.capabilities ?? {};
    settings.pullSupported = Boolean(caps.workspace?.configuration);
    support.documentChanges = Boolean(caps.workspace?.workspaceEdit?.documentChanges);
    support.resolveEdit = Boolean(caps.textDocument?.codeAction?.resolveSupport?.properties.includes('edit'));
    const init = (
      typeof params.initializationOptions === 'object' && params.initializationOptions !== null ? params.initializationOptions : {}
    ) as InitializationOptions;
    const clientWatches = init.watchesConfigFiles === true;
    // Only an explicit false distrusts: editors without workspace trust send nothing.
    project.trusted = init.workspaceTrusted !== false;
    watchFilesDynamically = !clientWatches && Boolean(caps.workspace?.didChangeWatchedFiles?.dynamicRegistration);
    configurationDynamically = Boolean(caps.workspace?.didChangeConfiguration?.dynamicRegistration);
    workspaceFolderEvents = Boolean(caps.workspace?.workspaceFolders);
    const folders = Array.isArray(params.workspaceFolders) ? params.workspaceFolders.map((f) => f?.uri) : [params.rootUri];
    project.workspaceFolders = folders.map((uri) => (typeof uri === 'string' ? fsPath(uri) : undefined)).filter((p): p is string => Boolean(p));
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        codeActionProvider: {
          codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND, CONVERT_KIND],
          resolveProvider: true,
        },
        hoverProvider: true,
        executeCommandProvider: { commands: [ALLOW_WORD_COMMAND] },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'jiaodui', version: serverVersion() },
    };
  });

  connection.onInitialized(() => {
    if (configurationDynamically)
      connection.client.register(DidChangeConfigurationNotification.type, { section: 'jiaodui' }).catch(logFailure('client/registerCapability'));
    if (watchFilesDynamically) {
      connection.client
        .register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/.jiaoduirc.json' }] })
        .catch(logFailure('client/registerCapability'));
    }
    if (workspaceFolderEvents) {
      connection.workspace.onDidChangeWorkspaceFolders(
        guardNotification(
          log,
          'workspace/didChangeWorkspaceFolders',
          FOLDERS_CHANGE_EVENT,
          (event: { added: Array<{ uri: string }>; removed: Array<{ uri: string }> }) => {
            const removed = new Set(event.removed.map((f) => fsPath(f.uri)));
            project.workspaceFolders = [
              ...project.workspaceFolders.filter((f) => !removed.has(f)),
              ...event.added.map((f) => fsPath(f.uri)).filter((p): p is string => Boolean(p)),
            ];
            project.invalidate();
            live.relintAll();
          },
        ),
      );
    }
  });

  documents.listen(
    connection,
    {
      opened: (document) => live.opened(document),
      changed: (document, changes) => live.changed(document, changes),
      closed: (uri) => {
        settings.forget(uri);
        live.closed(uri);
      },
    },
    log,
  );

  connection.onDidChangeConfiguration(
    guardNotification(log, 'workspace/didChangeConfiguration', isAnything, (change: { settings?: unknown } | null) => {
      settings.changed(change?.settings);
      live.relintAll();
    }),
  );
  connection.onDidChangeWatchedFiles(
    guardNotification(log, 'workspace/didChangeWatchedFiles', isAnything, () => {
      project.invalidate();
      live.relintAll();
    }),
  );

  connection.onNotification(
    WORKSPACE_TRUST_NOTIFICATION,
    guardNotification(log, WORKSPACE_TRUST_NOTIFICATION, object({ trusted: isBoolean }), (params: WorkspaceTrustParams) => {
      if (project.trusted === params.trusted) return;
      project.trusted = params.trusted;
      project.invalidate();
      live.relintAll();
    }),
  );

  connection.onCodeAction(
    guardRequest(log, 'textDocument/codeAction', CODE_ACTION_PARAMS, async (params: CodeActionParams) => {
      const document = documents.get(params.textDocument.uri);
      if (!document) return [];
      const current = await live.current(document);
      return codeActions(params, documents.get(params.textDocument.uri) ?? document, current, support);
    }),
  );

  connection.onCodeActionResolve(
    guardRequest(log, 'codeAction/resolve', RESOLVE_PARAMS, async (action: CodeAction) => {
      const data = action.data as Partial<ResolveData> | undefined;
      if (data?.kind !== 'fixAllRule' || typeof data.uri !== 'string' || typeof data.rule !== 'string') return action;
      const document = documents.get(data.uri);
      if (!document) return action;
      const current = await live.current(document);
      if (current) action.edit = fixAllRuleEdit(document, current, data.rule, support);
      return action;
    }),
  );

  connection.onHover(
    guardRequest(log, 'textDocument/hover', HOVER_PARAMS, async (params: HoverParams) => {
      const document = documents.get(params.textDocument.uri);
      if (!document) return null;
      const current = await live.current(document);
      return current ? hoverAt(current, params.position, log) : null;
    }),
  );

  connection.onExecuteCommand(
    guardRequest(log, 'workspace/executeCommand', EXECUTE_COMMAND_PARAMS, async (params: ExecuteCommandParams) => {
      if (params.command !== ALLOW_WORD_COMMAND) return null;
      const args = params.arguments?.[0] as Partial<AllowWordArgs> | undefined;
      if (typeof args?.uri !== 'string' || typeof args.word !== 'string' || !args.word) return null;
      const word = args.word;
      try {
        const { file, added } = project.allowWord(args.uri, word);
        connection.window.showInformationMessage(
          added ? `已在 ${path.basename(file)} 中允许“${word}”。` : `“${word}”已在 ${path.basename(file)} 的 allow 中。`,
        );
        live.relintAll();
        return { file, added };
      } catch (error) {
        connection.window.showErrorMessage(`jiaodui：无法更新配置：${(error as Error).message}`);
        return null;
      }
    }),
  );

  connection.onRequest(
    LINT_FILES_REQUEST,
    guardRequest(log, LINT_FILES_REQUEST, LINT_FILES_PARAMS, (params: LintFilesParams, token: CancellationToken): Promise<LintFilesResult> =>
      live.lintFiles(params, () => token.isCancellationRequested),
    ),
  );

  connection.onRequest(
    FIX_ALL_REQUEST,
    guardRequest(log, FIX_ALL_REQUEST, URI_PARAMS, async (params: FixAllParams): Promise<DocumentEditsResult | null> => {
      const document = documents.get(params.uri);
      if (!document) return null;
      const current = await live.current(document);
      if (!current) return { uri: document.uri, version: document.version, edits: [] };
      const language = coreLanguage(document.languageId);
      const result = fixAllEdits(document.getText(), (text) => current.linter.lint(text, language));
      return { uri: document.uri, version: document.version, edits: toWireEdits(current.text, result.edits) };
    }),
  );

  connection.onRequest(
    SUGGESTIONS_REQUEST,
    guardRequest(log, SUGGESTIONS_REQUEST, SUGGESTIONS_PARAMS, async (params: SuggestionsParams): Promise<SuggestionsResult | DocumentEditsResult | null> => {
      const document = documents.get(params.uri);
      if (!document) return null;
      const current = await live.current(document);
      if (!current) return { uri: document.uri, version: document.version, edits: [], rules: [] };
      const rules = [...new Set(current.findings.map((f) => f.rule))]
        .map((rule) => ({ rule, count: countFixes(current.findings, rule, 'suggestion') }))
        .filter((r) => r.count > 0)
        .sort((a, b) => b.count - a.count || a.rule.localeCompare(b.rule));
      const edits = params.rule ? toWireEdits(current.text, ruleFixEdits(document, current, params.rule, 'suggestion').edits) : [];
      return { uri: document.uri, version: document.version, edits, rules };
    }),
  );

  connection.onRequest(
    CONVERT_TO_SIMPLIFIED_REQUEST,
    guardRequest(log, CONVERT_TO_SIMPLIFIED_REQUEST, URI_PARAMS, (params: ConvertToSimplifiedParams): DocumentEditsResult | null => {
      const document = documents.get(params.uri);
      if (!document) return null;
      return { uri: document.uri, version: document.version, edits: toSimplifiedEdits(document.getText()) };
    }),
  );

  connection.onRequest(
    LEARN_MODEL_REQUEST,
    guardRequest(log, LEARN_MODEL_REQUEST, LEARN_MODEL_PARAMS, (params: LearnModelParams): LearnModelResult | ResponseError => {
      try {
        const result = learnFromFolders(params);
        project.invalidate();
        live.relintAll();
        return result;
      } catch (error) {
        return new ResponseError(1, (error as Error).message);
      }
    }),
  );

  connection.listen();
  return connection;
}

/**
 * Last line of defence, for a server that owns its process: an exception or a
 * rejection nothing caught is logged and the server keeps serving (Node would
 * otherwise end the process and the editor would lose every diagnostic).
 */
function keepServing(log: GuardLog): void {
  let reporting = false;
  const report = (kind: string) => (error: unknown) => {
    // Logging itself may fail (the client is gone): never recurse.
    if (reporting) return;
    reporting = true;
    try {
      log.error(`jiaodui：未处理的${kind}，服务器继续运行：${errorText(error)}`);
    } catch {
      process.stderr.write(`jiaodui: unhandled ${kind}: ${errorText(error)}\n`);
    } finally {
      reporting = false;
    }
  };
  process.on('uncaughtException', report('异常'));
  process.on('unhandledRejection', report('拒绝'));
}

function defaultConnection(): Connection {
  if (process.argv.slice(2).some((arg) => TRANSPORT_ARG.test(arg))) return createConnection(ProposedFeatures.all);
  const connection = createConnection(ProposedFeatures.all, process.stdin, process.stdout);
  // stdout is the protocol channel: a stray console.log from anywhere would corrupt it.
  console.log = console.info = console.debug = (...args: unknown[]) => connection.console.log(args.map(String).join(' '));
  console.warn = (...args: unknown[]) => connection.console.warn(args.map(String).join(' '));
  console.error = (...args: unknown[]) => connection.console.error(args.map(String).join(' '));
  return connection;
}

function serverVersion(): string {
  try {
    return (JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8')) as { version?: string }).version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

// Run directly as dist/server.js. The CLI bundles this file too (for `jiaodui lsp`),
// and there `module` is the CLI's own module, so the bundle's name is checked as well.
if (require.main === module && /^server\.[cm]?[jt]s$/.test(path.basename(require.main.filename))) startServer();
