import * as assert from 'node:assert/strict';
import { CLEAN, DUPLICATE, HALF_WIDTH, lintJson, lintedPaths, only, removeTempDirs, run, tempDir, write } from './support';

describe('cli: exit codes', () => {
  after(removeTempDirs);

  it('0 on a clean draft', () => {
    const dir = tempDir();
    write(dir, 'clean.txt', `${CLEAN}\n`);
    const result = run(['lint', 'clean.txt'], { cwd: dir });
    assert.equal(result.code, 0, result.stdout + result.stderr);
    assert.match(result.stdout, /未发现问题/);
  });

  it('1 on a finding at error level', () => {
    const dir = tempDir();
    write(dir, 'a.txt', `${DUPLICATE}。\n`);
    const result = run(['lint', 'a.txt', ...only('duplicate-word')], { cwd: dir });
    assert.equal(result.code, 1, result.stdout + result.stderr);
    assert.match(result.stdout, /a\.txt/);
    assert.match(result.stdout, /duplicate-word/);
  });

  it('0 with only warnings, 1 when they exceed --max-warnings', () => {
    const dir = tempDir();
    write(dir, 'w.txt', `${HALF_WIDTH}。\n`);
    const rules = [...only('punctuation-width'), '--rule', 'punctuation-width=warning'];
    assert.equal(run(['lint', 'w.txt', ...rules], { cwd: dir }).code, 0);
    assert.equal(run(['lint', 'w.txt', ...rules, '--max-warnings', '5'], { cwd: dir }).code, 0);
    const over = run(['lint', 'w.txt', ...rules, '--max-warnings', '0'], { cwd: dir });
    assert.equal(over.code, 1, over.stdout + over.stderr);
  });

  it('--rule changes the severity, and off silences the rule', () => {
    const dir = tempDir();
    write(dir, 'a.txt', `${DUPLICATE}，${HALF_WIDTH}。\n`);
    const base = only('duplicate-word', 'punctuation-width');
    const off = lintJson(['a.txt', ...base, '--rule', 'duplicate-word=off', '--rule', 'punctuation-width=info'], { cwd: dir });
    assert.equal(off.code, 0, off.stderr);
    assert.equal(off.report.files[0].diagnostics.filter((d) => d.rule === 'duplicate-word').length, 0);
    const width = off.report.files[0].diagnostics.filter((d) => d.rule === 'punctuation-width');
    assert.ok(width.length > 0 && width.every((d) => d.severity === 'info'));
    const raised = run(['lint', 'a.txt', ...base, '--rule', 'duplicate-word=off', '--rule', 'punctuation-width=error'], { cwd: dir });
    assert.equal(raised.code, 1);
  });

  it('--quiet reports errors only', () => {
    const dir = tempDir();
    write(dir, 'a.txt', `${DUPLICATE}，${HALF_WIDTH}。\n`);
    const { report } = lintJson(['a.txt', '--quiet', ...only('duplicate-word', 'punctuation-width'), '--rule', 'punctuation-width=warning'], { cwd: dir });
    const rules = report.files[0].diagnostics.map((d) => d.severity);
    assert.ok(rules.length > 0);
    assert.ok(
      rules.every((s) => s === 'error'),
      rules.join(),
    );
    assert.equal(report.summary.warnings, 0);
  });

  it('2 for a usage error: unknown flag, unknown rule (naming the valid ids), bad --max-warnings', () => {
    const flag = run(['lint', '--frobnicate', 'x.txt']);
    assert.equal(flag.code, 2);
    assert.match(flag.stderr, /--frobnicate/);
    const rule = run(['lint', 'x.txt', '--rule', 'no-such-rule=off']);
    assert.equal(rule.code, 2);
    assert.match(rule.stderr, /no-such-rule/);
    assert.match(rule.stderr, /duplicate-word/);
    assert.equal(run(['lint', 'x.txt', '--rule', 'duplicate-word=loud']).code, 2);
    assert.equal(run(['lint', 'x.txt', '--max-warnings', 'many']).code, 2);
    assert.equal(run(['lint']).code, 2);
    assert.equal(run(['frobnicate']).code, 2);
  });

  it('2 when an input is missing, while the other inputs are still linted', () => {
    const dir = tempDir();
    write(dir, 'a.txt', `${DUPLICATE}。\n`);
    const result = lintJson(['missing.txt', 'a.txt', ...only('duplicate-word')], { cwd: dir });
    assert.equal(result.code, 2);
    const lines = result.stderr.trim().split('\n');
    assert.equal(lines.length, 1, result.stderr);
    assert.match(lines[0], /missing\.txt/);
    assert.deepEqual(lintedPaths(result.report), ['a.txt']);
    assert.equal(result.report.files.find((f) => f.path === 'missing.txt')?.error?.fatal, true);
    assert.ok(result.report.files.find((f) => f.path === 'a.txt')!.diagnostics.some((d) => d.rule === 'duplicate-word'));
  });
});
