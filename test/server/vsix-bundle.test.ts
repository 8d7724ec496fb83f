import * as assert from 'node:assert/strict';
import { SERVER_ROLE_ARG } from '../../server/src/lsp/protocol';
import { LspClient } from './lsp-client';

// The VSIX ships one bundle: the extension forks dist/client.js with SERVER_ROLE_ARG as
// its language server (client/src/main.ts). That role must serve as dist/server.js does.
describe('the extension bundle in its server role (dist/client.js --jiaodui-server)', function () {
  this.timeout(30_000);
  let client: LspClient;
  before(async () => {
    client = await LspClient.start({ serverArgs: ['dist/client.js', SERVER_ROLE_ARG] });
  });
  after(() => client?.stop());

  it('initialises and publishes the findings the server bundle publishes', async () => {
    assert.equal(client.initializeResult.serverInfo?.name, 'jiaodui');
    const uri = 'file:///tmp/jiaodui-vsix-bundle.txt';
    const published = client.waitForDiagnostics(uri);
    await client.open(uri, '我们要以此为为抓手，推进工作。市第一人民醫院。\n');
    const rules = (await published).diagnostics.map((d) => d.code);
    assert.deepEqual(rules, ['duplicate-word', 'traditional-char']);
  });
});
