import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SPLIT_MIN_BYTES } from '../../server/src/cli/workers';
import { CLEAN, DUPLICATE, HALF_WIDTH, ROOT, diagnosticsOf, lintJson, lintedPaths, only, removeTempDirs, run, tempDir, write } from './support';

const DUP_ONLY = only('duplicate-word');

function oneLineNaming(stderr: string, name: string, reason: RegExp): void {
  const lines = stderr.trim().split('\n');
  assert.equal(lines.length, 1, stderr);
  assert.ok(lines[0].includes(name), stderr);
  assert.match(lines[0], reason);
}

describe('cli: inputs', () => {
  after(removeTempDirs);

  describe('discovery', () => {
    it('walks folders recursively for draft extensions, skips others, sorts paths', () => {
      const dir = tempDir();
      for (const name of ['b.md', 'a.txt', 'sub/c.markdown', 'sub/d.draft', 'sub/e.gao', 'notes.json', 'node_modules/x.txt']) {
        write(dir, `drafts/${name}`, `${DUPLICATE}。\n`);
      }
      const { report } = lintJson(['drafts', ...DUP_ONLY], { cwd: dir });
      assert.deepEqual(
        report.files.map((f) => f.path),
        ['drafts/a.txt', 'drafts/b.md', 'drafts/sub/c.markdown', 'drafts/sub/d.draft', 'drafts/sub/e.gao'],
      );
    });

    it('expands globs, and lints a named file whatever its extension', () => {
      const dir = tempDir();
      write(dir, 'x/a.md', `${DUPLICATE}。\n`);
      write(dir, 'x/b.txt', `${DUPLICATE}。\n`);
      write(dir, 'y/c.md', `${DUPLICATE}。\n`);
      write(dir, 'note.text', `${DUPLICATE}。\n`);
      const { report } = lintJson(['**/*.md', 'note.text', ...DUP_ONLY], { cwd: dir });
      assert.deepEqual(report.files.map((f) => f.path).sort(), ['note.text', 'x/a.md', 'y/c.md']);
      const none = run(['lint', 'nothing/**/*.md'], { cwd: dir });
      assert.equal(none.code, 2);
      oneLineNaming(none.stderr, 'nothing/**/*.md', /glob/);
    });

    it('--ignore and config ignore globs skip files', () => {
      const dir = tempDir();
      write(dir, '.jiaoduirc.json', JSON.stringify({ ignore: ['archive/**'] }));
      write(dir, 'archive/old.txt', `${DUPLICATE}。\n`);
      write(dir, 'today/a.txt', `${DUPLICATE}。\n`);
      write(dir, 'today/b.txt', `${DUPLICATE}。\n`);
      const { report, code } = lintJson(['.', '--ignore', 'b.txt', ...DUP_ONLY], { cwd: dir });
      assert.equal(code, 1);
      assert.deepEqual(
        report.files.map((f) => f.path),
        ['today/a.txt'],
      );
    });

    it('a folder without drafts is an input error', () => {
      const dir = tempDir();
      write(dir, 'empty/readme.json', '{}');
      write(dir, 'a.txt', `${CLEAN}\n`);
      const result = run(['lint', 'empty', 'a.txt'], { cwd: dir });
      assert.equal(result.code, 2);
      oneLineNaming(result.stderr, 'empty', /没有稿件/);
    });
  });

  describe('bad inputs: one line naming the file and the reason, exit 2, the rest still linted', () => {
    const cases: Array<[string, Buffer, RegExp]> = [
      ['binary.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01]), /二进制|binary/],
      ['gbk.txt', Buffer.from([0xd6, 0xd0, 0xce, 0xc4, 0xb8, 0xe5, 0x0a]), /UTF-8/],
      ['utf16.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('中文', 'utf16le')]), /UTF-16/],
    ];
    for (const [name, bytes, reason] of cases) {
      it(name, () => {
        const dir = tempDir();
        write(dir, name, bytes);
        write(dir, 'ok.txt', `${DUPLICATE}。\n`);
        const result = lintJson([name, 'ok.txt', ...DUP_ONLY], { cwd: dir });
        assert.equal(result.code, 2);
        oneLineNaming(result.stderr, name, reason);
        assert.deepEqual(lintedPaths(result.report), ['ok.txt']);
        assert.equal(result.report.files.find((f) => f.path === name)?.error?.fatal, true);
        assert.ok(diagnosticsOf(result.report, 'duplicate-word').length > 0);
      });
    }

    it('GBK: the message names the line of the first bad byte', () => {
      const dir = tempDir();
      write(dir, 'gbk.txt', Buffer.concat([Buffer.from('第一行\n', 'utf8'), Buffer.from([0xd6, 0xd0])]));
      const result = run(['lint', 'gbk.txt'], { cwd: dir });
      assert.match(result.stderr, /第 2 行/);
    });

    it('a file over --max-size', () => {
      const dir = tempDir();
      write(dir, 'big.txt', `${CLEAN}\n`.repeat(200));
      const result = run(['lint', 'big.txt', '--max-size', '1KB'], { cwd: dir });
      assert.equal(result.code, 2);
      oneLineNaming(result.stderr, 'big.txt', /过大|too large/);
    });

    it('an invalid .jiaoduirc.json: named once; drafts under it are not linted, others are', () => {
      const dir = tempDir();
      write(dir, 'bad/.jiaoduirc.json', '{ "rules": ');
      write(dir, 'bad/a.txt', `${DUPLICATE}。\n`);
      write(dir, 'bad/b.txt', `${DUPLICATE}。\n`);
      write(dir, 'good/c.txt', `${DUPLICATE}。\n`);
      const result = lintJson(['bad', 'good', ...DUP_ONLY], { cwd: dir });
      assert.equal(result.code, 2);
      oneLineNaming(result.stderr, '.jiaoduirc.json', /JSON/);
      assert.deepEqual(lintedPaths(result.report), ['good/c.txt']);
      const failed = result.report.files.find((f) => f.error);
      assert.match(failed?.error?.message ?? '', /2 drafts not linted/);
      // The entry names the config file, as a draft that cannot be read is named.
      assert.equal(failed?.path, 'bad/.jiaoduirc.json');
      assert.match(failed?.error?.message ?? '', /^配置不是有效的 JSON/);
      const sarif = JSON.parse(run(['lint', 'bad', '--format', 'sarif'], { cwd: dir }).stdout) as {
        runs: Array<{
          invocations: Array<{ toolExecutionNotifications: Array<{ locations?: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }> }>;
        }>;
      };
      const [notification] = sarif.runs[0].invocations[0].toolExecutionNotifications;
      assert.equal(notification.locations?.[0].physicalLocation.artifactLocation.uri, 'bad/.jiaoduirc.json');
    });

    it('a config naming an unknown rule', () => {
      const dir = tempDir();
      write(dir, '.jiaoduirc.json', JSON.stringify({ rules: { 'no-such-rule': 'off' } }));
      write(dir, 'a.txt', `${CLEAN}\n`);
      const result = run(['lint', 'a.txt'], { cwd: dir });
      assert.equal(result.code, 2);
      assert.match(result.stderr, /no-such-rule/);
    });

    it('--config missing or invalid, --model invalid: exit 2 before linting', () => {
      const dir = tempDir();
      write(dir, 'a.txt', `${CLEAN}\n`);
      write(dir, 'model.json', '{"schema": "something-else"}');
      const missing = run(['lint', 'a.txt', '--config', 'nope.json'], { cwd: dir });
      assert.equal(missing.code, 2);
      assert.match(missing.stderr, /nope\.json/);
      const model = run(['lint', 'a.txt', '--model', 'model.json'], { cwd: dir });
      assert.equal(model.code, 2);
      assert.match(model.stderr, /model\.json/);
    });
  });

  describe('config', () => {
    it('is found upward from each file; --no-config and --config override discovery', () => {
      const dir = tempDir();
      write(dir, 'quiet/.jiaoduirc.json', JSON.stringify({ rules: { 'duplicate-word': 'off' } }));
      write(dir, 'quiet/deep/a.txt', `${DUPLICATE}。\n`);
      write(dir, 'loud/b.txt', `${DUPLICATE}。\n`);
      write(dir, 'other.json', JSON.stringify({ rules: { 'duplicate-word': 'info' } }));

      const found = lintJson(['quiet', 'loud', ...DUP_ONLY], { cwd: dir }).report;
      assert.equal(diagnosticsOf(found, 'duplicate-word', 'quiet/deep/a.txt').length, 0);
      assert.ok(diagnosticsOf(found, 'duplicate-word', 'loud/b.txt').length > 0);

      const none = lintJson(['quiet', '--no-config', ...DUP_ONLY], { cwd: dir }).report;
      assert.ok(diagnosticsOf(none, 'duplicate-word').length > 0);

      const explicit = lintJson(['quiet', 'loud', '--config', 'other.json', ...DUP_ONLY], { cwd: dir });
      const severities = diagnosticsOf(explicit.report, 'duplicate-word').map((d) => d.severity);
      assert.ok(severities.length >= 2 && severities.every((s) => s === 'info'), severities.join());
    });

    it('--rule wins over the config; allow words (config and --allow) silence findings', () => {
      const dir = tempDir();
      write(dir, '.jiaoduirc.json', JSON.stringify({ rules: { 'duplicate-word': 'off' }, allow: ['中文,中文'] }));
      write(dir, 'a.txt', `${DUPLICATE}，${HALF_WIDTH}。\n`);
      const { report } = lintJson(['a.txt', '--rule', 'duplicate-word=warning'], { cwd: dir });
      assert.ok(diagnosticsOf(report, 'duplicate-word').every((d) => d.severity === 'warning'));
      assert.ok(diagnosticsOf(report, 'duplicate-word').length > 0);
      assert.equal(diagnosticsOf(report, 'punctuation-width').length, 0);
      const allowed = lintJson(['a.txt', '--rule', 'duplicate-word=error', '--allow', DUPLICATE], { cwd: dir }).report;
      assert.equal(diagnosticsOf(allowed, 'duplicate-word').length, 0);
    });
  });

  describe('stdin', () => {
    it('"-" and --stdin read stdin; the path is <stdin> unless named', () => {
      const dash = lintJson(['-', ...DUP_ONLY], { input: `${DUPLICATE}。\n` });
      assert.equal(dash.code, 1);
      assert.equal(dash.report.files[0].path, '<stdin>');
      assert.ok(diagnosticsOf(dash.report, 'duplicate-word').length > 0);
      const named = lintJson(['--stdin', '--stdin-filename', 'drafts/x.txt', ...DUP_ONLY], { input: `${DUPLICATE}。\n` });
      assert.equal(named.report.files[0].path, 'drafts/x.txt');
    });

    it('--stdin-filename picks the language: Markdown code is not prose', () => {
      const input = `\`\`\`\n${DUPLICATE}\n\`\`\`\n`;
      const md = lintJson(['-', '--stdin-filename', 'a.md', ...DUP_ONLY], { input }).report;
      assert.equal(diagnosticsOf(md, 'duplicate-word').length, 0);
      const txt = lintJson(['-', '--stdin-filename', 'a.txt', ...DUP_ONLY], { input }).report;
      assert.ok(diagnosticsOf(txt, 'duplicate-word').length > 0);
    });

    it('--stdin-filename finds the config next to that name', () => {
      const dir = tempDir();
      write(dir, 'quiet/.jiaoduirc.json', JSON.stringify({ rules: { 'duplicate-word': 'off' } }));
      const { report } = lintJson(['-', '--stdin-filename', 'quiet/x.txt'], { cwd: dir, input: `${DUPLICATE}。\n` });
      assert.equal(diagnosticsOf(report, 'duplicate-word').length, 0);
    });

    it('binary stdin is an input error', () => {
      const result = run(['lint', '-'], { input: Buffer.from([0x00, 0x01, 0x02]) });
      assert.equal(result.code, 2);
      oneLineNaming(result.stderr, '<stdin>', /二进制|binary/);
    });
  });

  describe('worker threads', () => {
    it('give the same report as a single thread, in the same order', () => {
      const dir = tempDir();
      for (let i = 0; i < 12; i++) write(dir, `d/${String(i).padStart(2, '0')}.txt`, `${CLEAN}\n\n${DUPLICATE}，${HALF_WIDTH}。\n`.repeat(i + 1));
      const args = ['d', ...only('duplicate-word', 'punctuation-width')];
      const single = lintJson([...args, '--jobs', '1'], { cwd: dir });
      const threaded = lintJson([...args, '--jobs', '3'], { cwd: dir });
      assert.equal(threaded.code, single.code);
      assert.deepEqual(threaded.report, single.report);
      assert.equal(single.report.files.length, 12);
    });

    it('split one large draft by rules and merge to exactly the single-thread report', function () {
      this.timeout(120_000); // ~5 s on an idle machine
      const dir = tempDir();
      const seeds = fs.readdirSync(path.join(ROOT, 'seeds')).map((name) => fs.readFileSync(path.join(ROOT, 'seeds', name), 'utf8'));
      // Each copy's paragraphs are made distinct (a trailing tag), so the paragraph cache cannot skip them.
      let text = '';
      for (let k = 0; Buffer.byteLength(text) < SPLIT_MIN_BYTES + 10_000; k++) text += seeds.join('\n\n').replace(/\n\n/g, `${' '.repeat(k % 7)}\n\n`) + '\n\n';
      write(dir, 'big.txt', text);
      for (const format of ['json']) {
        const single = run(['lint', '--format', format, '--jobs', '1', 'big.txt'], { cwd: dir });
        const split = run(['lint', '--format', format, '--jobs', '2', 'big.txt'], { cwd: dir });
        assert.equal(split.code, single.code, format);
        assert.ok(single.stdout.length > 10_000, format);
        assert.equal(split.stdout, single.stdout, format);
      }
    });
  });
});
