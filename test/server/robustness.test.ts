/**
 * The server survives any client: malformed notifications and requests (issue 11's
 * `text: null` didOpen among them), raw bodies that are not JSON, diagnostics sent
 * back mangled, and an exception nothing caught. Each is logged and dropped, and the
 * server keeps answering over the same stdio channel.
 */
import * as assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CodeAction, Diagnostic, Hover } from 'vscode-languageserver-protocol';
import { LspClient, ROOT } from './lsp-client';

const DRAFT = '会议强调，要以此为为抓手，推进改革。\n';
const OPEN = { uri: 'file:///drafts/a.txt', languageId: 'plaintext', version: 1 };

/** One framed JSON-RPC body, written as is (it need not be valid JSON). */
function frame(body: string): string {
  return `Content-Length: ${Buffer.byteLength(body, 'utf8')}\r\n\r\n${body}`;
}

async function answersHover(client: LspClient, uri: string, text: string): Promise<void> {
  const published = await client.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0, { includePast: true });
  const target = published.diagnostics.find((d) => d.code === 'duplicate-word');
  assert.ok(target, `duplicate-word is found in ${JSON.stringify(text)}`);
  const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: target.range.start });
  assert.ok(hover, 'the server still answers hovers');
}

describe('language server robustness (malformed messages)', function () {
  this.timeout(30_000);
  let client: LspClient;

  before(async function () {
    if (!fs.existsSync(path.join(ROOT, 'dist/server.js'))) throw new Error('dist/server.js is missing: run `node esbuild.mjs` first');
    client = await LspClient.start({ settings: { debounceMs: 0 } });
  });

  after(async () => {
    await client?.stop();
  });

  it('logs and drops a didOpen whose text is null, a number or an object, and keeps serving', async () => {
    for (const [i, text] of [null, 42, { a: 1 }, undefined].entries()) {
      await client.connection.sendNotification('textDocument/didOpen', { textDocument: { ...OPEN, uri: `file:///drafts/bad-${i}.txt`, text } });
    }
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { ...OPEN, text: DRAFT } });
    await answersHover(client, OPEN.uri, DRAFT);
    assert.equal(client.process!.exitCode, null, 'the server is still running');
    const dropped = client.logs.filter((l) => l.message.includes('已忽略无效的 textDocument/didOpen'));
    assert.equal(dropped.length, 4, `each bad didOpen is logged once: ${JSON.stringify(client.logs.map((l) => l.message))}`);
    assert.match(dropped[0].message, /params\.textDocument\.text 应为字符串（收到 null）/);
    // Nothing was published for the dropped documents.
    assert.ok(!client.published.some((p) => p.uri.includes('/bad-')));
  });

  it('drops malformed didChange, didClose and configuration notifications', async () => {
    const uri = 'file:///drafts/b.txt';
    await client.open(uri, DRAFT);
    await client.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0);
    const bad: Array<[string, unknown]> = [
      ['textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: null }] }],
      [
        'textDocument/didChange',
        { textDocument: { uri, version: 2 }, contentChanges: [{ text: 'x', range: { start: { line: -1, character: 0 }, end: null } }] },
      ],
      ['textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: 'all of it' }],
      ['textDocument/didChange', null],
      ['textDocument/didClose', { textDocument: null }],
      ['textDocument/didClose', {}],
      ['workspace/didChangeConfiguration', null],
    ];
    for (const [method, params] of bad) await client.connection.sendNotification(method, params);
    // A good change after the bad ones applies to the text the server kept.
    await client.change(uri, 3, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '今天，' }]);
    const after = await client.waitForDiagnostics(uri, (p) => p.version === 3);
    assert.ok(after.diagnostics.some((d) => d.code === 'duplicate-word' && d.range.start.character === '今天，会议强调，要以此'.length));
    assert.equal(client.logs.filter((l) => /已忽略无效的 textDocument\/did(Change|Close)/.test(l.message)).length, 6);
    assert.equal(client.process!.exitCode, null);
  });

  it('answers malformed requests with InvalidParams and keeps serving', async () => {
    const uri = OPEN.uri;
    const bad: Array<[string, unknown]> = [
      ['textDocument/hover', { textDocument: { uri }, position: null }],
      ['textDocument/hover', null],
      ['textDocument/codeAction', { textDocument: { uri }, range: 'everything', context: { diagnostics: [] } }],
      ['jiaodui/lintFiles', { files: [{ uri: 42 }] }],
      ['jiaodui/fixAll', { uri: null }],
      ['jiaodui/convertToSimplified', []],
      ['jiaodui/learnModel', { inputs: 'seeds', out: 1 }],
      ['workspace/executeCommand', { command: 7 }],
    ];
    for (const [method, params] of bad) {
      await assert.rejects(client.request(method, params), (error: { code?: number }) => error.code === -32602, `${method} is rejected with InvalidParams`);
    }
    // Well-typed but meaningless arguments are no error: nothing to do.
    assert.equal(await client.request('workspace/executeCommand', { command: 'jiaodui.allowWord', arguments: [null] }), null);
    await answersHover(client, uri, DRAFT);
  });

  it('survives raw bodies that are not JSON-RPC at all', async () => {
    const stdin = client.process!.stdin!;
    for (const body of ['{"jsonrpc":"2.0","method":', 'null', '[]', '{"jsonrpc":"2.0","id":"x","method":"textDocument/hover","params":"?"}', '\u0000\u0001']) {
      stdin.write(frame(body));
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.equal(client.process!.exitCode, null);
    await answersHover(client, OPEN.uri, DRAFT);
  });

  it('skips code-action diagnostics that are not exactly ours and answers for the rest', async () => {
    const uri = OPEN.uri;
    const published = await client.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0, { includePast: true });
    const ours = published.diagnostics.find((d) => d.code === 'duplicate-word')!;
    const data = ours.data as { fixes: unknown[] };
    const mangled: unknown[] = [
      null,
      'garbage',
      { ...ours, data: { ...data, fixes: null } },
      { ...ours, data: { ...data, fixes: [null] } },
      { ...ours, range: undefined },
      { ...ours, data: 'garbage' },
      { ...ours, data: undefined },
      { ...ours, data: { ...data, fixes: [{ title: 't', edits: [{ range: null, newText: 'x' }] }] } },
    ];
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: ours.range,
      context: { diagnostics: [...mangled, ours] },
    });
    const quickFixes = actions.filter((a) => a.diagnostics?.length === 1);
    assert.ok(quickFixes.length > 0, 'the good diagnostic still gets its actions');
    for (const action of quickFixes) assert.deepEqual(action.diagnostics![0] as Diagnostic, ours, 'only the good diagnostic has actions');
    const onlyMangled = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: ours.range,
      context: { diagnostics: mangled },
    });
    assert.deepEqual(onlyMangled, []);
  });
});

describe('language server robustness (an exception nothing caught)', function () {
  this.timeout(30_000);

  it('logs an unhandled rejection and an uncaught exception and keeps serving', async () => {
    // The server from source, in a process of its own, with a fault planted after start.
    const script = [
      "require('./server/src/server.ts').startServer();",
      "setTimeout(() => Promise.reject(new Error('planted rejection')), 50);",
      "setTimeout(() => { throw new Error('planted exception'); }, 80);",
    ].join('\n');
    const proc = spawn(process.execPath, ['--require', 'tsx/cjs', '-e', script], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    try {
      const client = await LspClient.start({ streams: { input: proc.stdout, output: proc.stdin }, settings: { debounceMs: 0 } });
      await new Promise((resolve) => setTimeout(resolve, 300));
      await client.open(OPEN.uri, DRAFT);
      await answersHover(client, OPEN.uri, DRAFT);
      assert.equal(proc.exitCode, null, 'the server is still running');
      const messages = client.logs.map((l) => l.message).join('\n');
      assert.match(messages, /未处理的拒绝，服务器继续运行：Error: planted rejection/);
      assert.match(messages, /未处理的异常，服务器继续运行：Error: planted exception/);
      // Only `exit` ends it.
      await client.connection.sendRequest('shutdown');
      await client.connection.sendNotification('exit');
      const code = await new Promise<number | null>((resolve) => proc.once('exit', resolve));
      assert.equal(code, 0);
      client.connection.dispose();
    } finally {
      if (proc.exitCode === null) proc.kill();
    }
  });
});

describe('language server: jiaodui/lintFiles on FIFOs and devices', function () {
  this.timeout(30_000);

  it('skips a FIFO and /dev/zero at once and lints the regular file', async function () {
    if (process.platform === 'win32') this.skip();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jiaodui-special-'));
    const client = await LspClient.start({ settings: { debounceMs: 0 } });
    try {
      execFileSync('mkfifo', [path.join(dir, 'pipe.txt')]);
      fs.writeFileSync(path.join(dir, 'draft.txt'), DRAFT);
      const files = ['pipe.txt', 'draft.txt'].map((name) => ({ uri: pathToFileURL(path.join(dir, name)).href, languageId: 'plaintext' }));
      files.push({ uri: 'file:///dev/zero', languageId: 'plaintext' });
      const result = await client.request<{ linted: number; skipped: number }>('jiaodui/lintFiles', { files });
      assert.deepEqual({ linted: result.linted, skipped: result.skipped }, { linted: 1, skipped: 2 });
      await client.waitForDiagnostics(files[1].uri, (p) => p.diagnostics.length > 0, { includePast: true });
      assert.equal(client.process!.exitCode, null);
    } finally {
      await client.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
