import * as assert from 'node:assert/strict';
import { decode, firstInvalidUtf8, InputError } from '../../server/src/cli/decode';
import { unifiedDiff } from '../../server/src/cli/diff';
import { parseArgs, parseSize, UsageError } from '../../server/src/cli/args';
import { displayWidth } from '../../server/src/cli/formats/text';

describe('cli units', () => {
  it('decode: strips and reports the BOM, rejects NUL, UTF-16 and malformed UTF-8', () => {
    assert.deepEqual(decode(Buffer.from('\uFEFF中文\r\n', 'utf8')), { text: '中文\r\n', bom: true, bytes: 11 });
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
