import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { DUPLICATE, DUPLICATE_FIXED, HALF_WIDTH, HALF_WIDTH_FIXED, lintJson, only, removeTempDirs, run, tempDir, write, type JsonEdit } from './support';

const TWO_RULES = only('duplicate-word', 'punctuation-width');
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
/** duplicate-word makes suggestions: these tests of the mechanics opt in to them. */
const ALL_KINDS = ['--fix-type', 'safe,suggestion'];

function applyEdits(text: string, edits: JsonEdit[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.offset - a.offset)) out = out.slice(0, e.offset) + e.newText + out.slice(e.offset + e.length);
  return out;
}

describe('cli: --fix', () => {
  after(removeTempDirs);

  it('rewrites the file, keeping BOM, CRLF and mode, changing only the reported spans; idempotent', () => {
    const dir = tempDir();
    const text = `标题\r\n\r\n${DUPLICATE}，${HALF_WIDTH}。\r\n\r\n结尾一段，没有问题。\r\n`;
    const file = write(dir, 'a.txt', Buffer.concat([BOM, Buffer.from(text, 'utf8')]));
    fs.chmodSync(file, 0o640);

    const before = lintJson(['a.txt', ...TWO_RULES], { cwd: dir }).report.files[0].diagnostics;
    const fixable = before.filter((d) => d.fixes.length > 0);
    assert.ok(fixable.length >= 2, JSON.stringify(before));
    const expected = applyEdits(
      text,
      fixable.flatMap((d) => d.fixes[0].edits),
    );

    const fixed = run(['lint', 'a.txt', '--fix', ...ALL_KINDS, ...TWO_RULES], { cwd: dir });
    assert.equal(fixed.code, 0, fixed.stdout + fixed.stderr);
    assert.match(fixed.stdout, /已修复 \d+ 处/);
    const bytes = fs.readFileSync(file);
    assert.deepEqual([...bytes.subarray(0, 3)], [...BOM], 'BOM kept');
    const after = bytes.subarray(3).toString('utf8');
    assert.equal(after, expected);
    assert.ok(after.includes(`${DUPLICATE_FIXED}，${HALF_WIDTH_FIXED}`));
    assert.equal(after.split('\r\n').length, text.split('\r\n').length, 'CRLF kept');
    assert.equal(fs.statSync(file).mode & 0o777, 0o640);
    assert.deepEqual(fs.readdirSync(dir), ['a.txt'], 'no temporary file left behind');

    const mtime = fs.statSync(file).mtimeMs;
    const again = run(['lint', 'a.txt', '--fix', ...ALL_KINDS, ...TWO_RULES], { cwd: dir });
    assert.equal(again.code, 0);
    assert.deepEqual(fs.readFileSync(file), bytes, 'second --fix changes nothing');
    assert.equal(fs.statSync(file).mtimeMs, mtime, 'an unchanged file is not rewritten');
  });

  it('reports what remains after fixing, in the chosen format', () => {
    const dir = tempDir();
    write(dir, 'a.txt', `${DUPLICATE}，${HALF_WIDTH}。\n`);
    const result = lintJson(['a.txt', '--fix', ...ALL_KINDS, ...TWO_RULES], { cwd: dir });
    assert.equal(result.code, 0);
    assert.equal(result.report.files[0].diagnostics.filter((d) => d.fixes.length > 0).length, 0);
  });

  it('through a symlink, fixes the target and keeps the link', () => {
    const dir = tempDir();
    const target = write(dir, 'real/a.txt', `${DUPLICATE}。\n`);
    fs.symlinkSync(target, `${dir}/link.txt`);
    assert.equal(run(['lint', 'link.txt', '--fix', ...ALL_KINDS, ...only('duplicate-word')], { cwd: dir }).code, 0);
    assert.ok(fs.lstatSync(`${dir}/link.txt`).isSymbolicLink());
    assert.equal(fs.readFileSync(target, 'utf8'), `${DUPLICATE_FIXED}。\n`);
  });

  it('never touches a file that failed to decode', () => {
    const dir = tempDir();
    const gbk = Buffer.from([0xd2, 0xd4, 0xb4, 0xcb, 0xce, 0xaa, 0xce, 0xaa, 0x2c]);
    const file = write(dir, 'gbk.txt', gbk);
    const result = run(['lint', 'gbk.txt', '--fix'], { cwd: dir });
    assert.equal(result.code, 2);
    assert.deepEqual(fs.readFileSync(file), gbk);
  });

  it('--fix-dry-run prints a diff and writes nothing', () => {
    const dir = tempDir();
    const original = `第一行。\n${DUPLICATE}。\n最后一行。\n`;
    const file = write(dir, 'a.txt', original);
    const result = run(['lint', 'a.txt', '--fix-dry-run', ...ALL_KINDS, ...only('duplicate-word')], { cwd: dir });
    assert.equal(result.code, 0, result.stderr);
    assert.equal(fs.readFileSync(file, 'utf8'), original);
    assert.match(result.stdout, /^--- a\/a\.txt\n\+\+\+ b\/a\.txt\n@@ -1,3 \+1,3 @@\n 第一行。\n-以此为为抓手。\n\+以此为抓手。\n 最后一行。\n/);
    assert.equal(run(['lint', 'a.txt', '--fix-dry-run', '--format', 'json']).code, 2, '--fix-dry-run is text only');
  });

  it('stdin with --fix prints the fixed text on stdout and the report on stderr', () => {
    const input = `\uFEFF${DUPLICATE}，${HALF_WIDTH}。\r\n`;
    const result = run(['lint', '-', '--fix', ...ALL_KINDS, ...TWO_RULES], { input });
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stdout, `\uFEFF${DUPLICATE_FIXED}，${HALF_WIDTH_FIXED}。\r\n`);
    assert.match(result.stderr, /已修复/);
  });
});

describe('cli: --fix-dry-run diffs apply with git apply and patch', () => {
  after(removeTempDirs);
  const git = (cwd: string, ...args: string[]) => spawnSync('git', args, { cwd, encoding: 'utf8' });
  const hasGit = spawnSync('git', ['--version']).status === 0;
  const hasPatch = spawnSync('patch', ['--version']).status === 0;

  const cases: Array<{ name: string; bytes: Buffer }> = [
    { name: 'final newline', bytes: Buffer.from(`第一行。\n${HALF_WIDTH}。\n最后一行。\n`) },
    { name: 'no final newline, change on the last line', bytes: Buffer.from(`第一行。\n第二行。\n${HALF_WIDTH}。`) },
    { name: 'no final newline, change above it', bytes: Buffer.from(`${HALF_WIDTH}。\n第二行。\n最后一行。`) },
    { name: 'CRLF', bytes: Buffer.from(`第一行。\r\n${HALF_WIDTH}。\r\n\r\n最后一行。\r\n`) },
    { name: 'BOM, change on the first line', bytes: Buffer.concat([BOM, Buffer.from(`${HALF_WIDTH}。\n第二行。\n`)]) },
    { name: 'BOM, CRLF and no final newline', bytes: Buffer.concat([BOM, Buffer.from(`${HALF_WIDTH}。\r\n第二行。\r\n${HALF_WIDTH}。`)]) },
  ];

  for (const { name, bytes } of cases) {
    it(name, function () {
      if (!hasGit || !hasPatch) this.skip();
      const dir = tempDir();
      git(dir, 'init', '-q');
      write(dir, 'a.txt', bytes);
      const dry = run(['lint', 'a.txt', '--fix-dry-run', ...only('punctuation-width')], { cwd: dir });
      assert.equal(dry.code, 0, dry.stderr);
      const diff = dry.stdout.slice(0, dry.stdout.indexOf('\n\n') + 1);
      assert.match(diff, /^--- a\/a\.txt\n\+\+\+ b\/a\.txt\n@@ /);
      fs.writeFileSync(`${dir}/fix.diff`, diff);
      const check = git(dir, 'apply', '--check', 'fix.diff');
      assert.equal(check.status, 0, `git apply --check: ${check.stderr}\n${diff}`);

      const fixedDir = tempDir();
      write(fixedDir, 'a.txt', bytes);
      assert.equal(run(['lint', 'a.txt', '--fix', ...only('punctuation-width')], { cwd: fixedDir }).code, 0);
      const expected = fs.readFileSync(`${fixedDir}/a.txt`);
      assert.notDeepEqual(expected, bytes, 'the fix changes the file');

      assert.equal(git(dir, 'apply', 'fix.diff').status, 0);
      assert.deepEqual(fs.readFileSync(`${dir}/a.txt`), expected, 'git apply gives exactly what --fix writes');
      write(dir, 'a.txt', bytes);
      const patched = spawnSync('patch', ['-p1', '-s', '-i', 'fix.diff'], { cwd: dir, encoding: 'utf8' });
      assert.equal(patched.status, 0, `patch: ${patched.stdout}${patched.stderr}`);
      assert.deepEqual(fs.readFileSync(`${dir}/a.txt`), expected, 'patch gives exactly what --fix writes');
    });
  }
});
