import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { shardOf } from '../../server/src/cli/lint-command';
import { parseCache, serializeCache } from '../../server/src/cli/cache';
import { parseShard, UsageError } from '../../server/src/cli/args';
import { CLEAN, DUPLICATE, HALF_WIDTH, HALF_WIDTH_FIXED, ROOT, lintJson, removeTempDirs, run, tempDir, write } from './support';

const POISON = '缓存中的结果（from the cache）';

/** Replaces every cached finding's message, so a report that shows it was read from the cache. */
function poison(cacheFile: string): void {
  const entries = parseCache(fs.readFileSync(cacheFile))!;
  for (const entry of entries.values()) {
    // An entry keeps its diagnostics as the JSON report's bytes (the array without its brackets).
    const diagnostics = JSON.parse(`[${Buffer.from(entry.json).toString('utf8')}]`) as Array<{ message: string }>;
    for (const d of diagnostics) d.message = POISON;
    entry.json = Buffer.from(JSON.stringify(diagnostics).slice(1, -1));
    // What the text and github formats wrote for the draft is kept as written: replaced whole.
    for (const view of entry.views.values()) if (view.bytes.length > 0) view.bytes = Buffer.from(`${POISON}\n`);
  }
  fs.writeFileSync(cacheFile, serializeCache(entries));
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

  it('every format writes cached findings byte for byte as fresh ones, whichever format filled the cache', function () {
    this.timeout(90_000);
    const dir = project();
    const cacheFile = path.join(dir, '.jiaoduicache');
    const formats = ['json', 'text', 'github', 'sarif'];
    const uncached = new Map(formats.map((format) => [format, run(['lint', 'd', '--format', format], { cwd: dir })]));
    // An entry holds what every format needs (SARIF's edit ranges too), whichever format wrote it.
    for (const filledBy of ['text', 'json']) {
      fs.rmSync(cacheFile, { force: true });
      assert.equal(run(['lint', 'd', '--format', filledBy, '--cache'], { cwd: dir }).stdout, uncached.get(filledBy)!.stdout);
      for (const format of formats) {
        const cached = run(['lint', 'd', '--format', format, '--cache'], { cwd: dir });
        assert.equal(cached.stdout, uncached.get(format)!.stdout, `${format} from a cache ${filledBy} filled`);
        assert.equal(cached.code, uncached.get(format)!.code, format);
        assert.equal(cached.stderr, '', format);
      }
    }
    // …and they were read from the cache, not linted again.
    poison(cacheFile);
    for (const format of formats) assert.ok(run(['lint', 'd', '--format', format, '--cache'], { cwd: dir }).stdout.includes(POISON), format);
    assert.match(uncached.get('sarif')!.stdout, /"replacements"/);
  });

  it('what the text and github formats wrote is reused only under the same path and colour', function () {
    this.timeout(60_000);
    const dir = project();
    const sub = path.join(dir, 'd');
    for (const format of ['text', 'github']) {
      for (const colour of [[], ['--color']]) {
        fs.rmSync(path.join(dir, '.jiaoduicache'), { force: true });
        const args = ['lint', '--format', format, ...colour];
        run([...args, 'd', '--cache'], { cwd: dir });
        // From the folder itself the paths differ: rendered afresh from the kept findings.
        const fromSub = run([...args, '.', '--cache', '--cache-location', '../.jiaoduicache'], { cwd: sub });
        assert.equal(fromSub.stdout, run([...args, '.'], { cwd: sub }).stdout, `${format} ${colour}`);
        const other = format === 'text' ? ['lint', '--format', format, ...(colour.length ? [] : ['--color'])] : args;
        assert.equal(run([...other, 'd', '--cache'], { cwd: dir }).stdout, run([...other, 'd'], { cwd: dir }).stdout, `${format} other colour`);
        assert.equal(run([...args, 'd', '--cache'], { cwd: dir }).stdout, run([...args, 'd'], { cwd: dir }).stdout, `${format} ${colour} again`);
      }
    }
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

  it('--cache-location takes a file or a folder; --fix ignores the cache', () => {
    const dir = project();
    lintJson(['d', '--cache', '--cache-location', 'tmp/'], { cwd: dir });
    assert.ok(fs.existsSync(path.join(dir, 'tmp/.jiaoduicache')));
    lintJson(['d', '--cache', '--cache-location', 'my.cache'], { cwd: dir });
    assert.ok(fs.existsSync(path.join(dir, 'my.cache')));
    const fixed = run(['lint', 'd', '--cache', '--fix'], { cwd: dir });
    assert.notEqual(fixed.code, 2, fixed.stderr);
    assert.ok(fs.readFileSync(path.join(dir, 'd/b.txt'), 'utf8').includes(HALF_WIDTH_FIXED));
    assert.equal(run(['lint', 'd', '--cache-location', 'x'], { cwd: dir }).code, 2);
  });

  it('a corrupt or cut-off cache file is ignored with a warning and rebuilt; an older version’s silently', () => {
    const dir = project();
    const expected = lintJson(['d'], { cwd: dir });
    lintJson(['d', '--cache'], { cwd: dir });
    const cacheFile = path.join(dir, '.jiaoduicache');
    const whole = fs.readFileSync(cacheFile);
    const damaged: Array<[string, Buffer | string]> = [
      ['garbage', '{ not a cache'],
      ['cut off in the findings', whole.subarray(0, whole.length - 10)],
      ['cut off in the index', whole.subarray(0, 40)],
      ['empty', ''],
      ['binary', Buffer.from([0, 1, 2, 255, 254])],
    ];
    for (const [what, bytes] of damaged) {
      fs.writeFileSync(cacheFile, bytes);
      const rebuilt = lintJson(['d', '--cache'], { cwd: dir });
      assert.equal(rebuilt.stdout, expected.stdout, what);
      assert.equal(rebuilt.code, expected.code, what);
      assert.match(rebuilt.stderr, /\.jiaoduicache: .*corrupt cache file ignored and rebuilt/, what);
      assert.doesNotThrow(() => parseCache(fs.readFileSync(cacheFile)), what);
      assert.equal(lintJson(['d', '--cache'], { cwd: dir }).stderr, '', `${what}: rebuilt`);
    }
    // A cache an older jiaodui wrote is not an error: it is replaced without a word.
    fs.writeFileSync(cacheFile, JSON.stringify({ format: 'jiaodui-cache-2', files: {} }));
    const upgraded = lintJson(['d', '--cache'], { cwd: dir });
    assert.equal(upgraded.stdout, expected.stdout);
    assert.equal(upgraded.stderr, '');
    assert.ok(parseCache(fs.readFileSync(cacheFile))!.size === 3);
  });

  it('another jiaodui version invalidates every entry', () => {
    // A copy of the package: dist/ and a package.json whose version is then raised.
    const pkg = tempDir();
    fs.mkdirSync(path.join(pkg, 'dist'));
    for (const file of ['cli.js', 'lexicon.bin', 'model.json', 'model.bin']) {
      if (fs.existsSync(path.join(ROOT, 'dist', file))) fs.copyFileSync(path.join(ROOT, 'dist', file), path.join(pkg, 'dist', file));
    }
    const writeVersion = (version: string) => fs.writeFileSync(path.join(pkg, 'package.json'), JSON.stringify({ name: 'jiaodui', version }));
    const dir = project();
    const lintWithCopy = () => {
      const result = spawnSync(process.execPath, [path.join(pkg, 'dist/cli.js'), 'lint', 'd', '--format', 'json', '--cache'], { cwd: dir, encoding: 'utf8' });
      return JSON.parse(result.stdout) as Parameters<typeof messages>[0];
    };
    writeVersion('1.0.0');
    lintWithCopy();
    poison(path.join(dir, '.jiaoduicache'));
    assert.deepEqual([...new Set(messages(lintWithCopy(), 'd/a.txt'))], [POISON], 'same version: from the cache');
    writeVersion('1.0.1');
    const upgraded = messages(lintWithCopy(), 'd/a.txt');
    assert.ok(upgraded.length > 0 && !upgraded.includes(POISON), 'new version: linted again');
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
