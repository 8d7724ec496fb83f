/**
 * Smoke runs of both benchmarks, tiny enough for `npm test`, so they cannot rot. They
 * check that the harnesses produce well-formed results — never the targets, which are
 * what `npm run bench` is for.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { RULES } from '../../server/src/core';
import { loadSeeds, type SeedDoc } from '../../bench/lib/corpus';
import { loadKnownDefects, resolveKnownDefects } from '../../bench/lib/known-defects';
import { applyInjections } from '../../bench/inject/types';
import { runQuality } from '../../bench/quality';
import { buildCorpus, buildDrafts, runSpeed } from '../../bench/speed';
import { formatLearnScale, runLearnScale } from '../../bench/learn-scale';
import { devCorpusAvailable } from '../../bench/lib/dev-corpus';

const seeds = loadSeeds();

/** The first paragraphs of a seed, under a name no known-defect entry refers to. */
function excerpt(doc: SeedDoc, chars: number): SeedDoc {
  const cut = doc.content.lastIndexOf('\n\n', chars);
  return { ...doc, name: `excerpt-${doc.name}`, content: doc.content.slice(0, cut > 0 ? cut : chars) + '\n' };
}

describe('bench: quality harness', () => {
  it('every known seed defect still resolves to its line in seeds/', () => {
    const known = loadKnownDefects();
    assert.ok(known.length > 50);
    for (const doc of seeds) {
      const ranges = resolveKnownDefects(known, doc.name, doc.content);
      assert.ok(ranges.length > 0, doc.name);
    }
  });

  it('applyInjections locates every injection in the injected text', () => {
    const raw = '医疗卫生强基工程，年度纠风重点。';
    const injected = applyInjections(raw, [
      { family: 'a', rule: 'duplicate-word', start: 4, end: 4, replacement: '卫生', label: '' },
      { family: 'b', rule: 'punctuation-width', start: 8, end: 9, replacement: ',', label: '' },
      { family: 'c', rule: 'paired-punctuation', start: 15, end: 16, replacement: '', also: [[9, 10]], label: '' },
    ]);
    assert.equal(injected.text, '医疗卫生卫生强基工程,年度纠风重点');
    const [dup, comma, dropped] = injected.injections;
    assert.equal(injected.text.slice(...dup.spans[0]), '卫生');
    assert.equal(injected.text.slice(...comma.spans[0]), ',');
    assert.equal(injected.text.slice(...dropped.spans[1]), '年');
    assert.equal(injected.map(raw.length), injected.text.length);
  });

  it('runs leave-one-out on a seed excerpt with 5 injections and reports every rule', function () {
    this.timeout(60_000); // a few seconds when the machine is idle; generous so a busy CI box does not flake
    const held = excerpt(seeds[3], 4000);
    const report = runQuality({
      docs: [held, seeds[0], seeds[1]],
      holdOut: [held.name],
      rounds: 1,
      perFamily: 1,
      maxPerRound: 5,
      reference: false,
      known: [],
    });
    assert.equal(report.seeds.length, 1);
    assert.equal(report.seeds[0].injected, 5);
    assert.equal(
      report.families.reduce((n, f) => n + f.injected, 0),
      5,
    );
    assert.deepEqual(
      report.rules.map((r) => r.rule),
      RULES.map((r) => r.meta.id),
    );
    for (const r of report.rules) {
      assert.ok(r.detected <= r.injected, r.rule);
      assert.ok(r.hits + r.excused + r.falsePositives === r.findings, r.rule);
      if (r.recall !== null) assert.ok(r.recall >= 0 && r.recall <= 1, r.rule);
      if (r.precision !== null) assert.ok(r.precision >= 0 && r.precision <= 1, r.rule);
      assert.ok(Number.isFinite(r.falseAlarmsPer10k), r.rule);
    }
    assert.ok(
      report.families.every((f) => !f.error),
      report.families.find((f) => f.error)?.error,
    );
    assert.equal(report.baseline.matches, [...held.content.matchAll(/(\p{Script=Han})\1/gu)].length);
  });
});

describe('bench: speed harness', () => {
  it('makes distinct drafts of 2–5 KB from the seeds', () => {
    const drafts = buildDrafts(seeds, 200);
    assert.equal(drafts.length, 200);
    for (const d of drafts) {
      const bytes = Buffer.byteLength(d);
      assert.ok(bytes >= 2000 && bytes <= 5000, String(bytes));
    }
    assert.equal(new Set(drafts).size, drafts.length);
    const paragraphs = drafts.flatMap((d) => d.split('\n\n')).filter((p) => p.trim().length > 20);
    assert.ok(new Set(paragraphs).size > paragraphs.length * 0.95);
  });

  it('repeats the seeds into distinct copies of the requested size', () => {
    const text = buildCorpus(seeds, 300_000);
    const bytes = Buffer.byteLength(text);
    assert.ok(bytes <= 300_000 && bytes > 250_000, String(bytes));
    const paragraphs = text.split(/\n[ \t]*\n/).filter((p) => p.trim().length > 20);
    // Paragraphs repeat within one copy of the seeds (boilerplate) but not across copies.
    assert.ok(new Set(paragraphs).size > paragraphs.length * 0.9);
  });

  it('measures jiaodui, the peers and a cold start on 50 KB in one iteration', async function () {
    this.timeout(60_000); // a few seconds when the machine is idle; generous so a busy CI box does not flake
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jiaodui-bench-'));
    try {
      const report = await runSpeed({ largeBytes: 50_000, smallBytes: 50_000, runs: 1, coldRuns: 1, wholeRuns: 1, folderFiles: 4, lsp: false, dir });
      assert.ok(report.corpora.large.bytes <= 50_000 && report.corpora.large.bytes > 40_000);
      assert.ok(report.inProcess.large.mbPerSecond > 0);
      assert.equal(report.cli.error, undefined);
      assert.ok(report.cli.large && report.cli.large.mbPerSecond > 0);
      assert.equal(report.coldStart?.runsMs.length, 1);
      assert.deepEqual(
        report.peers.map((p) => p.name),
        ['autocorrect-node', 'zhlint'],
      );
      for (const p of report.peers) assert.ok(p.small.mbPerSecond > 0 && p.jiaoduiRatio > 0, p.name);
      assert.deepEqual(
        report.wholeProcess.map((w) => w.files),
        [1, 1, 1, 4],
      );
      assert.ok(report.cache && report.cache.speedup > 0 && report.cache.secondMs.length === 1);
      for (const w of report.wholeProcess) {
        assert.ok(w.jiaodui.medianMs > 0 && w.autocorrect && w.autocorrect.problems > 0 && w.speedup! > 0, w.input);
        // The floor row runs with every rule off: no findings shows the rules really were off.
        if (w.input.endsWith('(the floor)')) assert.equal(w.jiaodui.findings, 0, w.input);
        else assert.ok(w.jiaodui.findings! > 0, w.input);
      }
      assert.deepEqual(
        report.wholeProcess.map((w) => w.targeted),
        [true, false, false, true],
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('bench: learn-scale harness', () => {
  it('learns from the smallest prefix of the development corpus and cold-starts with its model', function () {
    if (!devCorpusAvailable()) this.skip();
    this.timeout(120_000); // ~5 s on an idle machine
    const [row] = runLearnScale({ sizes: [1], runs: 1 });
    assert.equal(row.files, 1);
    assert.ok(row.characters > 0 && row.learnMs > 0 && row.learnRssMb > 0 && row.modelBytes > 1000);
    assert.ok(row.coldStartMs > 0 && row.coldStartRssMb > 0);
    assert.match(formatLearnScale([row]), /cold start/);
  });
});
