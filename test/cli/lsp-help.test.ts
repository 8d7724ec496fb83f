import * as assert from 'node:assert/strict';
import { parseArgs } from '../../server/src/cli/args';
import { run } from './support';

describe('cli: jiaodui lsp --help', () => {
  it('prints the usage and exits instead of starting the server', () => {
    for (const flag of ['--help', '-h']) {
      const result = run(['lsp', flag]);
      assert.equal(result.code, 0, result.stderr);
      assert.match(result.stdout, /jiaodui lsp/);
      assert.match(result.stdout, /Usage/);
      assert.doesNotMatch(result.stdout, /Content-Length/);
    }
  });

  it('keeps the transport flags for the server', () => {
    assert.deepEqual(parseArgs(['lsp', '--stdio']), { command: 'lsp' });
    assert.deepEqual(parseArgs(['lsp', '--help']), { command: 'help' });
  });
});
