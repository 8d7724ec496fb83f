import * as assert from 'node:assert/strict';
import { DUPLICATE, lintJson, only, removeTempDirs, run, tempDir, write } from './support';

const IGNORED = /archive\/a\.txt: 匹配 ignore 规则，已忽略.*File ignored because of a matching ignore pattern/;

describe('cli: a named file matched by ignore, and --no-ignore', () => {
  after(removeTempDirs);

  function project(): string {
    const dir = tempDir();
    write(dir, '.jiaoduirc.json', '{ "ignore": ["archive/**"] } // old copy');
    write(dir, 'archive/a.txt', `${DUPLICATE}。\n`);
    write(dir, 'b.txt', `${DUPLICATE}。\n`);
    return dir;
  }

  it('the config ignores a named file: a warning on stderr, the file is not linted', () => {
    const dir = project();
    const result = lintJson(['archive/a.txt', 'b.txt', ...only('duplicate-word')], { cwd: dir });
    assert.match(result.stderr, IGNORED);
    assert.deepEqual(
      result.report.files.map((f) => f.path),
      ['b.txt'],
    );
    assert.equal(result.code, 1);
  });

  it('--ignore on a named file warns too; a folder walk stays silent', () => {
    const dir = project();
    const named = run(['lint', 'archive/a.txt', '--no-config', '--ignore', 'archive/**'], { cwd: dir });
    assert.match(named.stderr, IGNORED);
    const walked = run(['lint', '.', ...only('duplicate-word')], { cwd: dir });
    assert.doesNotMatch(walked.stderr, /ignore/);
    assert.doesNotMatch(walked.stdout, /archive/);
  });

  it('--no-ignore lints what the config and --ignore would skip', () => {
    const dir = project();
    const result = lintJson(['.', '--no-ignore', ...only('duplicate-word')], { cwd: dir });
    assert.deepEqual(result.report.files.map((f) => f.path).sort(), ['archive/a.txt', 'b.txt']);
    assert.doesNotMatch(result.stderr, /ignore/);
    const both = run(['lint', '.', '--no-ignore', '--ignore', 'x'], { cwd: dir });
    assert.equal(both.code, 2);
    assert.match(both.stderr, /--no-ignore/);
  });
});
