import * as assert from 'node:assert/strict';
import { CLEAN, HALF_WIDTH, only, removeTempDirs, run, tempDir, write } from './support';
import { plural } from '../../server/src/cli/formats/text';

describe('cli: the summary line of a failed run', () => {
  after(removeTempDirs);

  const failures: Array<[string, (dir: string) => string[]]> = [
    ['a missing file', () => ['missing.txt']],
    ['an empty folder', (dir) => (write(dir, 'empty/.keep', ''), ['empty'])],
    ['an unmatched glob', () => ['nothing/**/*.txt']],
    ['a GBK file', (dir) => (write(dir, 'gbk.txt', Buffer.from([0xd6, 0xd0, 0xce, 0xc4, 0x0a])), ['gbk.txt'])],
    ['a binary file', (dir) => (write(dir, 'a.docx', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00])), ['a.docx'])],
    ['an oversize file', (dir) => (write(dir, 'big.txt', `${CLEAN}\n`.repeat(200)), ['big.txt', '--max-size', '1KB'])],
    ['an invalid config', (dir) => (write(dir, '.jiaoduirc.json', '{"rules": {"no-such-rule": "error"}}'), write(dir, 'a.txt', `${CLEAN}\n`), ['a.txt'])],
  ];
  for (const [what, setup] of failures) {
    it(`${what}: exit 2, no ✔ line, says the input failed`, () => {
      const dir = tempDir();
      const result = run(['lint', ...setup(dir)], { cwd: dir });
      assert.equal(result.code, 2, result.stdout + result.stderr);
      assert.doesNotMatch(result.stdout, /✔|未发现问题（/);
      assert.match(result.stdout, /✖ 1 个输入未能检查/);
      assert.match(result.stdout, /1 input could not be linted/);
      assert.ok(result.stderr.length > 0);
    });
  }

  it('a clean file beside a failed one: still no ✔', () => {
    const dir = tempDir();
    write(dir, 'clean.txt', `${CLEAN}\n`);
    const result = run(['lint', 'clean.txt', 'missing.txt'], { cwd: dir });
    assert.equal(result.code, 2);
    assert.doesNotMatch(result.stdout, /✔/);
    assert.match(result.stdout, /已检查 1 个文件/);
  });

  it('--max-warnings says why the run failed', () => {
    const dir = tempDir();
    write(dir, 'w.txt', `${HALF_WIDTH}。\n`);
    const rules = [...only('punctuation-width'), '--rule', 'punctuation-width=warning'];
    const over = run(['lint', 'w.txt', ...rules, '--max-warnings', '0'], { cwd: dir });
    assert.equal(over.code, 1);
    assert.match(over.stdout, /警告 1 处，超过 --max-warnings 0（1 warning, more than --max-warnings 0）/);
    const json = run(['lint', 'w.txt', ...rules, '--max-warnings', '0', '--format', 'json'], { cwd: dir });
    assert.equal(json.code, 1);
    JSON.parse(json.stdout);
    assert.match(json.stderr, /超过 --max-warnings 0/);
    const within = run(['lint', 'w.txt', ...rules, '--max-warnings', '1'], { cwd: dir });
    assert.equal(within.code, 0);
    assert.doesNotMatch(within.stdout, /max-warnings/);
  });

  it('English plurals: fixes, drafts', () => {
    assert.equal(plural(1439, 'fix'), '1439 fixes');
    assert.equal(plural(1, 'fix'), '1 fix');
    assert.equal(plural(2, 'file'), '2 files');
    const dir = tempDir();
    write(dir, '.jiaoduirc.json', '{');
    write(dir, 'a.txt', `${CLEAN}\n`);
    const one = run(['lint', 'a.txt'], { cwd: dir });
    assert.match(one.stderr, /（1 draft not linted）/);
    write(dir, 'b.txt', `${CLEAN}\n`);
    const two = run(['lint', 'a.txt', 'b.txt'], { cwd: dir });
    assert.match(two.stderr, /（2 drafts not linted）/);
  });
});
