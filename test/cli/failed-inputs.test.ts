import * as assert from 'node:assert/strict';
import { CLEAN, HALF_WIDTH, HALF_WIDTH_FIXED, only, removeTempDirs, run, tempDir, write } from './support';

interface JsonFile {
  path: string;
  diagnostics: unknown[];
  error?: { fatal: boolean; message: string };
}

describe('cli: inputs that could not be linted, in the machine formats and stdin --fix', () => {
  after(removeTempDirs);

  it('json: each failed input is a file entry with error {fatal, message}; the others are unchanged', () => {
    const dir = tempDir();
    write(dir, 'clean.txt', `${CLEAN}\n`);
    write(dir, 'gbk.txt', Buffer.from([0xd6, 0xd0, 0xce, 0xc4, 0x0a]));
    const result = run(['lint', 'clean.txt', 'gbk.txt', 'missing.txt', '--format', 'json'], { cwd: dir });
    assert.equal(result.code, 2);
    const report = JSON.parse(result.stdout) as { files: JsonFile[]; summary: { files: number } };
    const byPath = new Map(report.files.map((f) => [f.path, f]));
    assert.deepEqual(Object.keys(byPath.get('clean.txt')!), ['path', 'diagnostics']);
    for (const name of ['gbk.txt', 'missing.txt']) {
      const entry = byPath.get(name);
      assert.ok(entry, `${name} is in the report`);
      assert.deepEqual(entry.diagnostics, []);
      assert.equal(entry.error?.fatal, true);
      assert.ok(entry.error.message.length > 0);
    }
    assert.match(byPath.get('gbk.txt')!.error!.message, /UTF-8/);
    assert.equal(report.summary.files, 1);
  });

  it('sarif: a failed input is a toolExecutionNotification naming it', () => {
    const dir = tempDir();
    write(dir, 'gbk.txt', Buffer.from([0xd6, 0xd0, 0xce, 0xc4, 0x0a]));
    const result = run(['lint', 'gbk.txt', '--format', 'sarif'], { cwd: dir });
    assert.equal(result.code, 2);
    const log = JSON.parse(result.stdout) as { runs: Array<{ invocations: Array<{ toolExecutionNotifications: Array<{ message: { text: string } }> }> }> };
    const [note] = log.runs[0].invocations[0].toolExecutionNotifications;
    assert.match(note.message.text, /^gbk\.txt: .*UTF-8/);
  });

  it('stdin --fix: stdout holds only the fixed text; the report goes to stderr', () => {
    const fixed = run(['lint', '-', '--fix', ...only('punctuation-width')], { input: `${HALF_WIDTH}。\n` });
    assert.equal(fixed.stdout, `${HALF_WIDTH_FIXED}。\n`);
    assert.match(fixed.stderr, /已修复/);
  });

  it('stdin --fix on an input error: nothing on stdout, the error and the report on stderr, exit 2', () => {
    for (const format of ['text', 'json', 'sarif']) {
      const result = run(['lint', '-', '--fix', '--format', format], { input: Buffer.from([0xd6, 0xd0, 0xce, 0xc4, 0x0a]) });
      assert.equal(result.code, 2, format);
      assert.equal(result.stdout, '', format);
      assert.match(result.stderr, /UTF-8/);
    }
  });
});
