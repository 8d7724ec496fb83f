import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Project, lintFile, type LintSettings } from '../../server/src/cli/lint-files';
import { decode, firstInvalidUtf8, InputError } from '../../server/src/cli/decode';
import { unifiedDiff } from '../../server/src/cli/diff';
import { parseArgs, parseSize, UsageError } from '../../server/src/cli/args';
import { displayWidth } from '../../server/src/cli/formats/text';
import { mergeParts, planTasks, splitRules, SPLIT_MAX_BYTES, SPLIT_MIN_BYTES } from '../../server/src/cli/workers';
import type { CliDiagnostic, FileResult } from '../../server/src/cli/report';
import { RULES } from '../../server/src/core';

describe('cli units', () => {
  it('decode: strips and reports the BOM, rejects NUL, UTF-16 and malformed UTF-8', () => {
    assert.deepEqual(decode(Buffer.from('\uFEFF中文\r\n', 'utf8')), { text: '中文\r\n', bom: true, bytes: 11, encoding: 'utf-8' });
    assert.equal(decode(Buffer.from('𠮷', 'utf8')).text, '𠮷');
    assert.throws(() => decode(Buffer.from([0x61, 0x00])), InputError);
    assert.throws(() => decode(Buffer.from([0xff, 0xfe, 0x2d, 0x4e])), /UTF-16/);
    assert.throws(() => decode(Buffer.from([0xe4, 0xb8])), /UTF-8/);
  });

  it('firstInvalidUtf8 finds the first malformed sequence', () => {
    assert.equal(firstInvalidUtf8(Buffer.from('中文', 'utf8')), 6);
    assert.equal(firstInvalidUtf8(Buffer.concat([Buffer.from('ab', 'utf8'), Buffer.from([0xd6, 0xd0])])), 2);
    assert.equal(firstInvalidUtf8(Buffer.from([0xc0, 0x80])), 0, 'overlong');
    assert.equal(firstInvalidUtf8(Buffer.from([0xed, 0xa0, 0x80])), 0, 'surrogate');
    assert.equal(firstInvalidUtf8(Buffer.from([0x61, 0xf0, 0x9f, 0x98])), 1, 'truncated');
  });

  it('unifiedDiff: in-line change and a joined line, with context and hunk headers', () => {
    const before = ['一', '二', '三为为', '四', '五', '六', '七', '八', '九', '十吕柱表', '示，', '尾'].join('\n') + '\n';
    const after = before.replace('为为', '为').replace('吕柱表\n示', '吕柱表示');
    const diff = unifiedDiff(before, after, 'a.txt');
    assert.equal(
      diff,
      [
        '--- a/a.txt',
        '+++ b/a.txt',
        '@@ -1,5 +1,5 @@',
        ' 一',
        ' 二',
        '-三为为',
        '+三为',
        ' 四',
        ' 五',
        '@@ -8,5 +8,4 @@',
        ' 八',
        ' 九',
        '-十吕柱表',
        '-示，',
        '+十吕柱表示，',
        ' 尾',
        '',
      ].join('\n'),
    );
    assert.equal(unifiedDiff(before, before, 'a.txt'), '');
  });

  it('args: repeatable options, --opt=value, sizes, conflicts', () => {
    const args = parseArgs(['lint', 'a.txt', '--rule=duplicate-word=off', '--rule', 'cjk-spacing=error', '--allow', '甲', '--allow=乙', '--max-size', '1.5MB']);
    assert.equal(args.command, 'lint');
    if (args.command !== 'lint') return;
    assert.deepEqual(args.ruleOverrides, { 'duplicate-word': 'off', 'cjk-spacing': 'error' });
    assert.deepEqual(args.allow, ['甲', '乙']);
    assert.equal(args.maxSize, 1.5 * 1024 * 1024);
    assert.equal(parseSize('512KB'), 512 * 1024);
    assert.equal(parseSize('20'), 20 * 1024 * 1024);
    assert.throws(() => parseArgs(['lint', 'a.txt', '--fix', '--fix-dry-run']), UsageError);
    assert.throws(() => parseArgs(['lint', 'a.txt', '-']), UsageError);
    assert.throws(() => parseArgs(['lint', 'a.txt', '--config', 'x', '--no-config']), UsageError);
    assert.throws(() => parseArgs(['lint', 'a.txt', '--format', 'xml']), /xml/);
    assert.throws(() => parseArgs(['lint', 'a.txt', '--fix=yes']), UsageError);
  });

  it('displayWidth counts CJK as two cells', () => {
    assert.equal(displayWidth('ab'), 2);
    assert.equal(displayWidth('中文，'), 6);
  });
});

describe('cli units: splitting a large draft across threads', () => {
  it('splitRules puts every rule in exactly one share, for any number of shares', () => {
    const ids = RULES.map((r) => r.meta.id);
    for (let parts = 1; parts <= ids.length + 2; parts++) {
      const shares = splitRules(parts);
      assert.equal(shares.length, Math.min(parts, ids.length));
      assert.ok(shares.every((s) => s.length > 0));
      assert.deepEqual(shares.flat().sort(), [...ids].sort());
    }
  });

  it('planTasks splits only large drafts, only when linting, only with more than one thread', () => {
    const jobs = [
      { index: 0, file: '/a', display: 'a' },
      { index: 1, file: '/b', display: 'b' },
    ];
    const sizes = [SPLIT_MIN_BYTES, 1000];
    const lint = planTasks(jobs, sizes, { mode: 'lint' }, 2);
    assert.equal(lint.threads, 2);
    assert.deepEqual(
      lint.tasks.map((t) => [t.index, t.part, t.parts]),
      [
        [0, 0, 2],
        [0, 1, 2],
        [1, 0, 1],
      ],
    );
    assert.equal(lint.tasks[2].rules, undefined);
    // The first share is the main thread's, already started: it carries the most work and is scheduled first.
    assert.ok(lint.tasks[0].weight > lint.tasks[1].weight, 'the main thread takes the heavier share');
    assert.equal(Math.round(lint.tasks[0].weight + lint.tasks[1].weight), SPLIT_MIN_BYTES);
    assert.equal(planTasks(jobs, sizes, { mode: 'fix' }, 2).tasks.length, 2);
    assert.equal(planTasks(jobs, [SPLIT_MAX_BYTES + 1, 1000], { mode: 'lint' }, 2).tasks.length, 2, 'a huge draft is not split (memory)');
    assert.deepEqual(planTasks(jobs, sizes, { mode: 'lint' }, 1), { tasks: jobs.map((j, i) => ({ ...j, part: 0, parts: 1, weight: sizes[i] })), threads: 1 });
  });

  it('mergeParts restores the engine order and keeps a share that failed as the file error', () => {
    const d = (offset: number, rule: string, message = '') =>
      ({
        rule,
        severity: 'warning',
        message,
        offset,
        length: 1,
        range: { start: { line: 0, character: offset }, end: { line: 0, character: offset + 1 } },
        fixes: [],
      }) as CliDiagnostic;
    const a: FileResult = { path: 'x', absolutePath: '/x', diagnostics: [d(1, 'b-rule', '1'), d(1, 'b-rule', '2'), d(9, 'a-rule')] };
    const b: FileResult = { path: 'x', absolutePath: '/x', diagnostics: [d(1, 'a-rule'), d(5, 'c-rule')] };
    assert.deepEqual(
      mergeParts([a, b]).diagnostics.map((x) => `${x.offset}${x.rule}${x.message}`),
      ['1a-rule', '1b-rule1', '1b-rule2', '5c-rule', '9a-rule'],
    );
    assert.equal(mergeParts([a, { ...b, diagnostics: [], error: 'gone' }]).error, 'gone');
  });
});

describe('cli units: rule shares of one draft', () => {
  it('the shares of every split, merged, equal one pass with every rule (all seeds as one draft)', function () {
    this.timeout(60_000);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jiaodui-split-'));
    try {
      const seedDir = path.join(__dirname, '../../seeds');
      const text = fs
        .readdirSync(seedDir)
        .map((name) => fs.readFileSync(path.join(seedDir, name), 'utf8'))
        .join('\n\n');
      const file = path.join(dir, 'all.txt');
      fs.writeFileSync(file, text);
      const settings: LintSettings = {
        mode: 'lint',
        cwd: dir,
        noConfig: true,
        ruleOverrides: {},
        allow: [],
        quiet: false,
        maxSize: 64 * 1024 * 1024,
        encoding: 'utf-8',
        editRanges: false,
        fixTypes: ['safe'],
      };
      const project = new Project(settings);
      const job = { index: 0, file, display: 'all.txt' };
      const whole = lintFile(job, settings, project);
      assert.ok(whole.diagnostics.length > 100);
      for (const parts of [2, 3, 5]) {
        const merged = mergeParts(splitRules(parts).map((rules) => lintFile({ ...job, rules }, settings, project)));
        assert.deepEqual(merged, whole, `${parts} shares`);
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
