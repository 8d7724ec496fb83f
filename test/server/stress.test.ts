/**
 * A short edit storm against the real server (test/server/stress.ts says what is sent
 * and checked); `npm run test:stress` runs the long one (test/server/stress-long.ts).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT } from './lsp-client';
import { formatStorm, runStorm } from './stress';

describe('language server under an edit storm (short)', function () {
  this.timeout(60_000);

  before(function () {
    if (!fs.existsSync(path.join(ROOT, 'dist/server.js'))) throw new Error('dist/server.js is missing: run `node esbuild.mjs` first');
  });

  for (const seed of [1]) {
    it(`seed ${seed}: 250 edits over 5 documents; every publish in bounds and in order, the last ones equal the core's`, async () => {
      const report = await runStorm({ seed, edits: 250, documents: 5 });
      console.log(formatStorm(report).replace(/^/gm, '      '));
      assert.deepEqual(report.failures, []);
      assert.ok(report.resyncs > 0 && report.closes > 0 && report.malformed > 0 && report.requests > 0, 'the storm exercised every kind of message');
    });
  }
});
