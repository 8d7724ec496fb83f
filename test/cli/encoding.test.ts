import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { decode } from '../../server/src/cli/decode';
import { encodeGb18030 } from '../../server/src/node/encoding';
import { HALF_WIDTH, lintJson, only, removeTempDirs, run, tempDir, write } from './support';

// 中文,中文。 and a line with U+20000 (a four-byte GB18030 sequence), written byte by byte.
const ZHONGWEN = [0xd6, 0xd0, 0xce, 0xc4];
const FULL_STOP = [0xa1, 0xa3];
const FULL_COMMA = [0xa3, 0xac];
const JI = [0x95, 0x32, 0x82, 0x36];
const GB_DRAFT = Buffer.from([...JI, 0x0d, 0x0a, ...ZHONGWEN, 0x2c, ...ZHONGWEN, ...FULL_STOP, 0x0d, 0x0a]);
const GB_FIXED = Buffer.from([...JI, 0x0d, 0x0a, ...ZHONGWEN, ...FULL_COMMA, ...ZHONGWEN, ...FULL_STOP, 0x0d, 0x0a]);
const WIDTH = [...only('punctuation-width')];

describe('cli: --encoding', () => {
  after(removeTempDirs);

  it('default strict UTF-8: a GB18030 draft is an input error naming --encoding', () => {
    const dir = tempDir();
    write(dir, 'gb.txt', GB_DRAFT);
    const result = run(['lint', 'gb.txt'], { cwd: dir });
    assert.equal(result.code, 2);
    assert.match(result.stderr, /gb\.txt: 不是有效的 UTF-8.*--encoding gb18030/);
  });

  it('gb18030 and auto lint a GB18030 draft; auto says what it used', () => {
    const dir = tempDir();
    write(dir, 'gb.txt', GB_DRAFT);
    write(dir, 'gbk.txt', GB_DRAFT.subarray(6));
    const gbk = lintJson(['gbk.txt', '--encoding', 'gbk', ...WIDTH], { cwd: dir });
    assert.equal(gbk.report.files[0].diagnostics[0].rule, 'punctuation-width', gbk.stderr);
    assert.match(run(['lint', 'gb.txt', '--encoding', 'gbk'], { cwd: dir }).stderr, /不是有效的 GBK/, 'a four-byte sequence is not GBK');
    for (const encoding of ['gb18030', 'auto']) {
      const result = lintJson(['gb.txt', '--encoding', encoding, ...WIDTH], { cwd: dir });
      assert.equal(result.report.files[0].path, 'gb.txt', encoding);
      const [finding] = result.report.files[0].diagnostics;
      assert.equal(finding.rule, 'punctuation-width');
      assert.deepEqual(finding.range.start, { line: 1, character: 2 });
      if (encoding === 'auto') assert.match(result.stderr, /gb\.txt: .*decoded as gb18030/);
      else assert.equal(result.stderr, '');
    }
    write(dir, 'utf8.txt', `${HALF_WIDTH}\n`);
    assert.equal(run(['lint', 'utf8.txt', '--encoding', 'auto', ...WIDTH], { cwd: dir }).stderr, '', 'UTF-8 is not announced');
  });

  it('--fix writes GB18030 back byte for byte outside the fixed span', () => {
    const dir = tempDir();
    const file = write(dir, 'gb.txt', GB_DRAFT);
    const result = run(['lint', 'gb.txt', '--fix', '--encoding', 'auto', ...WIDTH], { cwd: dir });
    assert.equal(result.code, 0, result.stdout + result.stderr);
    assert.deepEqual(fs.readFileSync(file), GB_FIXED);
  });

  it('--fix refuses, leaving the file alone, when the bytes would not come back the same', () => {
    const dir = tempDir();
    // 0x80 decodes to € in GB18030, whose own sequence is A2 E3: rewriting would change it.
    const bytes = Buffer.from([0x80, 0x0a, ...ZHONGWEN, 0x2c, ...ZHONGWEN, 0x0a]);
    const file = write(dir, 'euro.txt', bytes);
    const result = run(['lint', 'euro.txt', '--fix', '--encoding', 'gb18030', ...WIDTH], { cwd: dir });
    assert.equal(result.code, 2);
    assert.match(result.stderr, /euro\.txt: 无法按原编码 gb18030 写回修复，文件未改动/);
    assert.deepEqual(fs.readFileSync(file), bytes);
  });

  it('UTF-16LE with a BOM: decoded by utf-16le or auto, fixed in UTF-16LE', () => {
    const dir = tempDir();
    const file = write(dir, 'u16.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`${HALF_WIDTH}。\n`, 'utf16le')]));
    assert.match(run(['lint', 'u16.txt'], { cwd: dir }).stderr, /UTF-16.*--encoding utf-16le/);
    assert.equal(run(['lint', 'u16.txt', '--encoding', 'utf-16le', ...WIDTH, '--rule', 'punctuation-width=error'], { cwd: dir }).code, 1);
    run(['lint', 'u16.txt', '--fix', '--encoding', 'auto', ...WIDTH], { cwd: dir });
    assert.deepEqual(fs.readFileSync(file), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('中文，中文。\n', 'utf16le')]));
  });

  it('stdin --fix refuses a non-UTF-8 input instead of converting it', () => {
    const result = run(['lint', '-', '--fix', '--encoding', 'gb18030'], { input: GB_DRAFT });
    assert.equal(result.code, 2);
    assert.equal(result.stdout, '');
    assert.match(result.stderr, /UTF-8/);
  });

  it('an unknown --encoding is a usage error', () => {
    const result = run(['lint', 'x.txt', '--encoding', 'big5']);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /--encoding/);
  });

  it('learn decodes its corpus with --encoding as lint does; without it a GB18030 file stops the run', () => {
    const dir = tempDir();
    write(dir, 'corpus/gb.txt', GB_DRAFT);
    const strict = run(['learn', 'corpus', '--out', 'strict.json', '--quiet'], { cwd: dir });
    assert.equal(strict.code, 2);
    assert.match(strict.stderr, /gb\.txt: 不是有效的 UTF-8.*--encoding gb18030/);
    assert.ok(!fs.existsSync(`${dir}/strict.json`));
    for (const encoding of ['gb18030', 'auto']) {
      const result = run(['learn', 'corpus', '--out', `${encoding}.json`, '--quiet', '--encoding', encoding], { cwd: dir });
      assert.equal(result.code, 0, result.stderr);
      const model = JSON.parse(fs.readFileSync(`${dir}/${encoding}.json`, 'utf8')) as { corpus: { characters: number } };
      assert.equal(model.corpus.characters, decode(GB_DRAFT, 'gb18030').text.length, encoding);
    }
    assert.match(run(['learn', 'corpus', '--out', 'm.json', '--encoding', 'latin1'], { cwd: dir }).stderr, /--encoding 应为/);
  });

  it('units: the GB18030 encoder inverts the decoder (two- and four-byte, supplementary)', () => {
    const text = '中文，“引号”·—…𠮷\u00e9\u0101';
    const bytes = encodeGb18030(text);
    assert.equal(new TextDecoder('gb18030').decode(bytes), text);
    assert.deepEqual([...encodeGb18030('\u{20000}')], JI);
    assert.equal(decode(GB_DRAFT, 'auto').encoding, 'gb18030');
    assert.equal(decode(Buffer.from('中文', 'utf8'), 'auto').encoding, 'utf-8');
  });
});
