/**
 * A small LSP client for the protocol tests and the latency bench: starts the built
 * server (`node dist/server.js --stdio`) or talks to one over given streams, answers
 * workspace/configuration from per-URI settings, and records every publishDiagnostics.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { ClientCapabilities, InitializeResult, PublishDiagnosticsParams, TextDocumentContentChangeEvent, TextEdit } from 'vscode-languageserver-protocol';

export const ROOT = path.resolve(__dirname, '../..');

export interface StartOptions {
  /** Settings answered for section 'jiaodui'; a function sees the scope URI. */
  settings?: Record<string, unknown> | ((scopeUri: string | undefined) => Record<string, unknown> | null);
  rootUri?: string | null;
  capabilities?: ClientCapabilities;
  /** Spawn `node <serverArgs> --stdio` instead of dist/server.js (paths relative to the repository). */
  serverArgs?: string[];
  /** Talk over these streams instead of spawning dist/server.js. */
  streams?: { input: Readable; output: Writable };
  env?: NodeJS.ProcessEnv;
  initializationOptions?: unknown;
}

export const FULL_CAPABILITIES: ClientCapabilities = {
  workspace: {
    configuration: true,
    workspaceEdit: { documentChanges: true },
    didChangeConfiguration: { dynamicRegistration: true },
    didChangeWatchedFiles: { dynamicRegistration: true },
    applyEdit: true,
  },
  textDocument: {
    synchronization: { dynamicRegistration: false },
    publishDiagnostics: { versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
    codeAction: {
      codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } },
      resolveSupport: { properties: ['edit'] },
      dataSupport: true,
      isPreferredSupport: true,
    },
    hover: { contentFormat: ['markdown', 'plaintext'] },
  },
};

export class LspClient {
  readonly published: PublishDiagnosticsParams[] = [];
  readonly logs: Array<{ type: number; message: string }> = [];
  readonly shownMessages: Array<{ type: number; message: string }> = [];
  settings: StartOptions['settings'];
  initializeResult!: InitializeResult;
  private waiters: Array<{ test: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void }> = [];
  /** Receive time (performance.now()) of each publish, parallel to `published`. */
  readonly publishedAt: number[] = [];

  private constructor(
    readonly connection: MessageConnection,
    readonly process: ChildProcess | undefined,
  ) {}

  static async start(options: StartOptions = {}): Promise<LspClient> {
    let proc: ChildProcess | undefined;
    let input: Readable;
    let output: Writable;
    if (options.streams) {
      input = options.streams.input;
      output = options.streams.output;
    } else {
      const [script, ...args] = options.serverArgs ?? ['dist/server.js'];
      proc = spawn(process.execPath, [path.join(ROOT, script), ...args, '--stdio'], {
        stdio: ['pipe', 'pipe', 'pipe'],
        env: { ...process.env, ...options.env },
      });
      proc.stderr!.on('data', (d) => process.env.LSP_DEBUG && process.stderr.write(d));
      input = proc.stdout!;
      output = proc.stdin!;
    }
    const connection = createMessageConnection(new StreamMessageReader(input), new StreamMessageWriter(output));
    const client = new LspClient(connection, proc);
    client.settings = options.settings ?? {};
    connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      client.published.push(params);
      client.publishedAt.push(performance.now());
      client.waiters = client.waiters.filter((w) => {
        if (!w.test(params)) return true;
        w.resolve(params);
        return false;
      });
    });
    connection.onNotification('window/logMessage', (p: { type: number; message: string }) => void client.logs.push(p));
    connection.onNotification('window/showMessage', (p: { type: number; message: string }) => void client.shownMessages.push(p));
    connection.onRequest('window/showMessageRequest', (p: { type: number; message: string }) => {
      client.shownMessages.push(p);
      return null;
    });
    connection.onRequest('workspace/configuration', (params: { items: Array<{ scopeUri?: string; section?: string }> }) =>
      params.items.map((item) => {
        if (item.section !== 'jiaodui') return null;
        const s = client.settings;
        return typeof s === 'function' ? s(item.scopeUri) : s;
      }),
    );
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('client/unregisterCapability', () => null);
    connection.onRequest('workspace/applyEdit', () => ({ applied: true }));
    connection.listen();
    client.initializeResult = await connection.sendRequest('initialize', {
      processId: options.streams ? null : process.pid,
      rootUri: options.rootUri ?? null,
      workspaceFolders: options.rootUri ? [{ uri: options.rootUri, name: 'root' }] : null,
      capabilities: options.capabilities ?? FULL_CAPABILITIES,
      initializationOptions: options.initializationOptions,
    });
    await connection.sendNotification('initialized', {});
    return client;
  }

  open(uri: string, text: string, languageId = 'plaintext', version = 1): Promise<void> {
    return this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  change(uri: string, version: number, contentChanges: TextDocumentContentChangeEvent[]): Promise<void> {
    return this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges });
  }

  close(uri: string): Promise<void> {
    return this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  configurationChanged(settings: StartOptions['settings']): Promise<void> {
    this.settings = settings;
    return this.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest(method, params) as Promise<R>;
  }

  /** The next publish for `uri` matching `test`, including one already received when `includePast`. */
  waitForDiagnostics(
    uri: string,
    test: (p: PublishDiagnosticsParams) => boolean = () => true,
    { timeout = 10_000, includePast = false } = {},
  ): Promise<PublishDiagnosticsParams> {
    if (includePast) {
      const past = [...this.published].reverse().find((p) => p.uri === uri && test(p));
      if (past) return Promise.resolve(past);
    }
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no matching diagnostics for ${uri} within ${timeout} ms`)), timeout);
      this.waiters.push({
        test: (p) => p.uri === uri && test(p),
        resolve: (p) => {
          clearTimeout(timer);
          resolve(p);
        },
      });
    });
  }

  async stop(): Promise<void> {
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
      // An in-process server would exit the test process on 'exit'.
      if (this.process) await this.connection.sendNotification('exit');
    } catch {
      // The server may already be gone.
    }
    this.connection.dispose();
    if (this.process && this.process.exitCode === null) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          this.process!.kill();
          resolve();
        }, 2000);
        this.process!.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }
}

/** Applies LSP text edits (non-overlapping) to a text: the one place the tests turn ranges back into offsets. */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  const offsets = lineOffsets(text);
  const at = (p: { line: number; character: number }) => (p.line < offsets.length ? offsets[p.line] + p.character : text.length);
  const sorted = [...edits].sort((a, b) => at(b.range.start) - at(a.range.start) || at(b.range.end) - at(a.range.end));
  let result = text;
  for (const edit of sorted) result = result.slice(0, at(edit.range.start)) + edit.newText + result.slice(at(edit.range.end));
  return result;
}

export function lineOffsets(text: string): number[] {
  const offsets = [0];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\r' && text[i + 1] === '\n') i++;
    if (text[i] === '\n' || text[i] === '\r') offsets.push(i + 1);
  }
  return offsets;
}

/** The text a range covers (UTF-16 characters, as LSP counts them). */
export function textInRange(text: string, range: TextEdit['range']): string {
  const offsets = lineOffsets(text);
  return text.slice(offsets[range.start.line] + range.start.character, offsets[range.end.line] + range.end.character);
}
