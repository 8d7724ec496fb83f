/**
 * Workspace trust: in an untrusted workspace (initializationOptions.workspaceTrusted
 * false, as the VS Code client sends in restricted mode) a .jiaoduirc.json still sets
 * rules and house lists, but the files it names (`model`, `roster`) are not read; once
 * jiaodui/workspaceTrust says trust was granted, they are. Clients that say nothing
 * are trusted.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient } from './lsp-client';

const TEXT = '会议强调,要以此为为抓手，積極推进改革。\n';

describe('language server: workspace trust and .jiaoduirc.json', function () {
  this.timeout(30_000);
  let dir: string;
  let uri: string;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jiaodui-trust-'));
    // The model and roster it names do not exist: reading them shows a warning, which is how the test sees a read.
    fs.writeFileSync(
      path.join(dir, '.jiaoduirc.json'),
      JSON.stringify({ rules: { 'punctuation-width': 'off' }, allow: ['为为'], model: 'elsewhere/model.json', roster: 'elsewhere/roster.json' }),
    );
    uri = pathToFileURL(path.join(dir, 'draft.txt')).href;
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const readsOf = (client: LspClient) => client.shownMessages.map((m) => m.message).filter((m) => m.includes('elsewhere'));

  it('untrusted: rules and allow apply, model and roster are not read, and the user is told once', async () => {
    const client = await LspClient.start({ rootUri: pathToFileURL(dir).href, settings: { debounceMs: 0 }, initializationOptions: { workspaceTrusted: false } });
    try {
      await client.open(uri, TEXT);
      const published = await client.waitForDiagnostics(uri);
      const codes = published.diagnostics.map((d) => d.code);
      assert.ok(codes.includes('traditional-char'), 'the draft is linted');
      assert.ok(!codes.includes('punctuation-width'), 'the config turned punctuation-width off');
      assert.ok(!codes.includes('duplicate-word'), 'the config allows 为为');
      const shown = readsOf(client);
      assert.equal(shown.length, 1, JSON.stringify(client.shownMessages));
      assert.match(shown[0], /工作区未受信任，未读取 .*model（elsewhere\/model\.json）、roster（elsewhere\/roster\.json）指向的文件/);
      assert.doesNotMatch(shown[0], /无法读取/);

      // Trust granted: the files are read now (and found missing).
      await client.connection.sendNotification('jiaodui/workspaceTrust', { trusted: true });
      const deadline = Date.now() + 5000;
      while (!readsOf(client).some((m) => /无法读取/.test(m)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      assert.ok(
        readsOf(client).some((m) => /elsewhere\/roster\.json: 无法读取名录|elsewhere\/model\.json（ENOENT）/.test(m)),
        JSON.stringify(client.shownMessages),
      );
    } finally {
      await client.stop();
    }
  });

  it('a client that says nothing about trust is trusted: the named files are read', async () => {
    const client = await LspClient.start({ rootUri: pathToFileURL(dir).href, settings: { debounceMs: 0 } });
    try {
      await client.open(uri, TEXT);
      const deadline = Date.now() + 5000;
      while (readsOf(client).length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      assert.ok(
        readsOf(client).some((m) => /无法读取/.test(m)),
        JSON.stringify(client.shownMessages),
      );
      assert.ok(!readsOf(client).some((m) => /未受信任/.test(m)));
    } finally {
      await client.stop();
    }
  });
});
