/**
 * `npm run test:stress`: the long edit storm (test/server/stress.ts): 10,000 edits over
 * 20 documents opened and closed mid-storm. Besides the storm's own checks, the server's
 * resident memory after it stays within 1.5× of what it was after the first 1,000 edits
 * (read from /proc/<pid>/status; Linux only). STRESS_EDITS and STRESS_SEED change the run.
 */
import * as assert from 'node:assert/strict';
import { formatStorm, runStorm } from './stress';

const EDITS = Number(process.env.STRESS_EDITS ?? 10_000);
const SEED = Number(process.env.STRESS_SEED ?? 11);
const CHECKPOINT = 1_000;
/** RSS after the storm may be at most this multiple of RSS after the checkpoint. */
const RSS_GROWTH_LIMIT = 1.5;

describe('language server under an edit storm (long)', function () {
  this.timeout(30 * 60_000);

  it(`seed ${SEED}: ${EDITS} edits over 20 documents; in bounds, in order, equal to the core, memory flat`, async () => {
    const report = await runStorm({ seed: SEED, edits: EDITS, documents: 20, checkpointAt: CHECKPOINT });
    console.log(formatStorm(report).replace(/^/gm, '      '));
    assert.deepEqual(report.failures, []);
    if (report.rssAtCheckpoint !== undefined && report.rssAtEnd !== undefined) {
      const growth = report.rssAtEnd / report.rssAtCheckpoint;
      console.log(`      RSS growth after the first ${CHECKPOINT} edits: ×${growth.toFixed(2)} (limit ×${RSS_GROWTH_LIMIT})`);
      assert.ok(growth <= RSS_GROWTH_LIMIT, `server RSS grew ×${growth.toFixed(2)} between edit ${CHECKPOINT} and the end`);
    } else {
      console.log('      RSS not measured (no /proc on this system)');
    }
  });
});
