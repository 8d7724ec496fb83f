import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { shardOf } from '../../server/src/cli/lint-command';
import { parseShard, UsageError } from '../../server/src/cli/args';
import { CLEAN, DUPLICATE, HALF_WIDTH, HALF_WIDTH_FIXED, ROOT, lintJson, removeTempDirs, run, tempDir, write } from './support';

const POISON = '缓存中的结果（from the cache）';

/** Replaces every cached finding's message, so a report that shows it was read from the cache. */
function poison(cacheFile: string): void {
  // An entry keeps its diagnostics as the JSON report's text (the array without its brackets).
  const data = JSON.parse(fs.readFileSync(cacheFile, 'utf8')) as { files: Record<string, { diagnostics: string }> };
  for (const entry of Object.values(data.files)) {
    const diagnostics = JSON.parse(`[${entry.diagnostics}]`) as Array<{ message: string }>;
    for (const d of diagnostics) d.message = POISON;
    entry.diagnostics = JSON.stringify(diagnostics).slice(1, -1);
  }
  fs.writeFileSync(cacheFile, JSON.stringify(data));
}

function messages(report: { files: Array<{ path: string; diagnostics: Array<{ message: string }> }> }, file: string): string[] {
  return report.files.find((f) => f.path === file)?.diagnostics.map((d) => d.message) ?? [];
}

describe('cli: --cache', () => {
  after(removeTempDirs);

  function project(): string {
    const dir = tempDir();
    write(dir, 'd/a.txt', `${DUPLICATE}。\n`);
    write(dir, 'd/b.txt', `${CLEAN}\n\n${HALF_WIDTH}。\n`);
    write(dir, 'd/c.txt', `${CLEAN}\n`);
    return dir;
  }

  it('a cached run reports exactly what an uncached run reports', () => {
    const dir = project();
    const uncached = lintJson(['d'], { cwd: dir });
    const first = lintJson(['d', '--cache'], { cwd: dir });
    assert.ok(fs.existsSync(path.join(dir, '.jiaoduicache')));
    const second = lintJson(['d', '--cache'], { cwd: dir });
    assert.equal(first.stdout, uncached.stdout);
    assert.equal(second.stdout, uncached.stdout);
    assert.equal(second.code, uncached.code);
    assert.ok(uncached.report.summary.errors > 0);
  });

  it('every format reads cached findings as it reads fresh ones (SARIF with its edit ranges)', () => {
    const dir = project();
    for (const format of ['text', 'github', 'sarif']) {
      const uncached = run(['lint', 'd', '--format', format], { cwd: dir });
      run(['lint', 'd', '--format', format, '--cache'], { cwd: dir });
      const cached = run(['lint', 'd', '--format', format, '--cache'], { cwd: dir });
      assert.equal(cached.stdout, uncached.stdout, format);
      assert.equal(cached.code, uncached.code, format);
    }
    assert.match(run(['lint', 'd', '--format', 'sarif', '--cache'], { cwd: dir }).stdout, /"replacements"/);
  });

  it('reuses an entry only while the draft, the config and the model are unchanged', () => {
    const dir = project();
    lintJson(['d', '--cache'], { cwd: dir });
    const cacheFile = path.join(dir, '.jiaoduicache');
    poison(cacheFile);
    // Unchanged: every finding comes from the cache.
    const reused = lintJson(['d', '--cache'], { cwd: dir });
    assert.ok(messages(reused.report, 'd/a.txt').every((m) => m === POISON) && messages(reused.report, 'd/a.txt').length > 0);

    // A changed draft is linted again; the others still come from the cache.
    write(dir, 'd/a.txt', `${DUPLICATE}。\n\n${HALF_WIDTH}。\n`);
    const edited = lintJson(['d', '--cache'], { cwd: dir });
    assert.ok(!messages(edited.report, 'd/a.txt').includes(POISON));
    assert.deepEqual([...new Set(messages(edited.report, 'd/b.txt'))], [POISON]);

    // A new config governing the drafts invalidates every entry.
    poison(cacheFile);
    write(dir, '.jiaoduirc.json', JSON.stringify({ rules: { 'cjk-spacing': 'off' } }));
    const configured = lintJson(['d', '--cache'], { cwd: dir });
    assert.ok(!messages(configured.report, 'd/b.txt').includes(POISON));

    // So does another model, and another severity on the command line.
    poison(cacheFile);
    write(dir, 'model.json', fs.readFileSync(path.join(ROOT, 'dist/model.json')));
    const sameModel = lintJson(['d', '--cache', '--model', 'model.json'], { cwd: dir });
    assert.ok(messages(sameModel.report, 'd/b.txt').includes(POISON), 'a model with the same bytes keeps the cache');
    const model = JSON.parse(fs.readFileSync(path.join(dir, 'model.json'), 'utf8')) as { corpus: { documents: number } };
    model.corpus.documents += 1;
    write(dir, 'model.json', JSON.stringify(model));
    const otherModel = lintJson(['d', '--cache', '--model', 'model.json'], { cwd: dir });
    assert.ok(!messages(otherModel.report, 'd/b.txt').includes(POISON));
    poison(cacheFile);
    const otherRule = lintJson(['d', '--cache', '--model', 'model.json', '--rule', 'cjk-spacing=warning'], { cwd: dir });
    assert.ok(!messages(otherRule.report, 'd/b.txt').includes(POISON));
  });

  it('--cache-location takes a file or a folder; a corrupt cache is rebuilt; --fix ignores the cache', () => {
    const dir = project();
    lintJson(['d', '--cache', '--cache-location', 'tmp/'], { cwd: dir });
    assert.ok(fs.existsSync(path.join(dir, 'tmp/.jiaoduicache')));
    lintJson(['d', '--cache', '--cache-location', 'my.cache'], { cwd: dir });
    fs.writeFileSync(path.join(dir, 'my.cache'), '{ not json');
    const rebuilt = lintJson(['d', '--cache', '--cache-location', 'my.cache'], { cwd: dir });
    assert.equal(rebuilt.stdout, lintJson(['d'], { cwd: dir }).stdout);
    assert.doesNotThrow(() => JSON.parse(fs.readFileSync(path.join(dir, 'my.cache'), 'utf8')));
    const fixed = run(['lint', 'd', '--cache', '--fix'], { cwd: dir });
    assert.notEqual(fixed.code, 2, fixed.stderr);
    assert.ok(fs.readFileSync(path.join(dir, 'd/b.txt'), 'utf8').includes(HALF_WIDTH_FIXED));
    assert.equal(run(['lint', 'd', '--cache-location', 'x'], { cwd: dir }).code, 2);
  });
});

describe('cli: --shard', () => {
  after(removeTempDirs);

  it('parseShard takes i/n with 1 ≤ i ≤ n and nothing else', () => {
    assert.deepEqual(parseShard('2/4'), { index: 2, count: 4 });
    for (const bad of ['0/3', '4/3', '1/0', '1', '1/2/3', 'a/b', '-1/2']) assert.throws(() => parseShard(bad), UsageError, bad);
  });

  it('shards are disjoint, cover every file, differ in size by at most one, whatever the input order', () => {
    const cwd = '/w';
    for (const total of [0, 1, 7, 13, 100]) {
      const files = Array.from({ length: total }, (_, i) => `/w/d/${String((i * 37) % 101).padStart(3, '0')}-${i}.txt`);
      const reversed = [...files].reverse();
      for (let count = 1; count <= 6; count++) {
        const shards = Array.from({ length: count }, (_, i) => shardOf(files, { index: i + 1, count }, cwd));
        const again = Array.from({ length: count }, (_, i) => shardOf(reversed, { index: i + 1, count }, cwd));
        const all = shards.flat();
        assert.equal(all.length, files.length);
        assert.deepEqual([...all].sort(), [...files].sort());
        assert.equal(new Set(all).size, all.length);
        const sizes = shards.map((s) => s.length);
        assert.ok(Math.max(...sizes) - Math.min(...sizes) <= 1, `${total}/${count}`);
        shards.forEach((s, i) => assert.deepEqual([...s].sort(), [...again[i]].sort()));
      }
    }
  });

  it('a CI matrix of --shard runs lints every draft exactly once', () => {
    const dir = tempDir();
    for (let i = 0; i < 7; i++) write(dir, `d/${i}.txt`, `${DUPLICATE}。\n`);
    const paths = [1, 2, 3].flatMap((i) => lintJson(['d', '--shard', `${i}/3`], { cwd: dir }).report.files.map((f) => f.path));
    assert.deepEqual(
      paths.sort(),
      Array.from({ length: 7 }, (_, i) => `d/${i}.txt`),
    );
    assert.equal(run(['lint', 'd', '--shard', '4/3'], { cwd: dir }).code, 2);
  });
});
