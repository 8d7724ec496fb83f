import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { Lexicon, decodeLexicon, encodeLexicon, prepareLexicon, type LexiconBinaryHeader } from '../../server/src/core';
import { readLexiconFile, writeLexiconFile } from '../../server/src/node/lexicon-file';
import { LEXICON_FILE, distDir, loadLexicon } from '../../server/src/node/resources';

const SMALL = [
  '中国 5000 ns',
  '中国人 800 n',
  '中间 900 f',
  '人 3000 n',
  '人民 2000 n',
  '人民币 300 n',
  '国 1200 n',
  '民 400 ng',
  '民国 100 nt',
  '公安局 60 nt',
  '教育局 40 n',
  '局 70 n',
  '结局 30 n',
];

/** Everything a rule can ask of a lexicon, as one comparable value. */
function answers(lexicon: Lexicon, probes: string[]): unknown {
  const lengths = new Int32Array(32);
  const freqs = new Float64Array(32);
  return {
    size: lexicon.size,
    total: lexicon.total,
    max: lexicon.maxWordLength,
    entries: [...lexicon.entries()],
    probes: probes.map((probe) => {
      const found = lexicon.wordsAt(probe, 0, 32, lengths, freqs);
      const chars = [...probe];
      return {
        probe,
        get: lexicon.get(probe),
        words: Array.from({ length: found }, (_, k) => [lengths[k], freqs[k]]),
        tagged: ['n', 'ns', 'nt', 'zz'].map((pos) => lexicon.hasPrefixWithPos(probe, 0, Math.min(2, probe.length), pos)),
        affixes: chars.map((c) => [lexicon.suffixProductivity(c), lexicon.nounAffixes(c)]),
      };
    }),
    twoChar: lexicon.twoCharWords(1),
  };
}

/** The binary form and back, in memory (what dist/lexicon.bin holds, before compression). */
function roundTrip(lexicon: Lexicon): Lexicon {
  const { header, sections } = encodeLexicon(lexicon.toColumns());
  const full: LexiconBinaryHeader = JSON.parse(JSON.stringify({ ...header, sections: sections.map((s) => s.length) }));
  return Lexicon.fromColumns(decodeLexicon(full, sections));
}

describe('lexicon', () => {
  const dirs: string[] = [];
  const tempDir = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jiaodui-lexicon-'));
    dirs.push(dir);
    return dir;
  };
  after(() => dirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

  it('looks words up: frequency, tag, the words starting at a position, tagged prefixes', () => {
    const lexicon = Lexicon.parse(SMALL.join('\n'));
    assert.equal(lexicon.size, SMALL.length);
    assert.equal(lexicon.total, 5000 + 800 + 900 + 3000 + 2000 + 300 + 1200 + 400 + 100 + 60 + 40 + 70 + 30);
    assert.equal(lexicon.maxWordLength, 3);
    assert.deepEqual(lexicon.get('人民'), { freq: 2000, pos: 'n' });
    assert.equal(lexicon.freq('人民币'), 300);
    assert.equal(lexicon.freq('人民银行'), 0);
    assert.equal(lexicon.pos('中间'), 'f');
    assert.equal(lexicon.pos('中'), undefined);
    assert.ok(lexicon.has('民国', 100) && !lexicon.has('民国', 101));
    const lengths = new Int32Array(8);
    const freqs = new Float64Array(8);
    const found = lexicon.wordsAt('看人民币', 1, 8, lengths, freqs);
    assert.deepEqual([...lengths.subarray(0, found)], [1, 2, 3]);
    assert.deepEqual([...freqs.subarray(0, found)], [3000, 2000, 300]);
    assert.equal(lexicon.wordsAt('人民币', 0, 2, lengths, freqs), 2, 'at most maxLength characters');
    assert.ok(lexicon.hasPrefixWithPos('中国', 0, 1, 'ns'));
    assert.ok(lexicon.hasPrefixWithPos('民国', 0, 1, 'nt'));
    assert.ok(!lexicon.hasPrefixWithPos('人民', 0, 2, 'ns'));
    assert.ok(!lexicon.hasPrefixWithPos('中国', 0, 2, 'zz'), 'a tag no word has');
    assert.deepEqual(lexicon.twoCharWords(900), ['中国', '中间', '人民']);
    // Established (frequency ≥ 20, two to four characters) and all tagged n…: 公安局, 教育局, 结局 end with 局.
    assert.equal(lexicon.suffixProductivity('局'), 3);
    assert.deepEqual(lexicon.nounAffixes('局'), { ending: 3, starting: 0 });
    assert.deepEqual(lexicon.nounAffixes('人'), { ending: 1, starting: 2 });
    assert.deepEqual(lexicon.nounAffixes('𠀀'), { ending: 0, starting: 0 });
  });

  it('the binary format gives back every entry and every answer', () => {
    const lexicon = Lexicon.parse(SMALL.join('\n'));
    const probes = ['中国人', '人民币', '民国', '结局', '公安局', '中', '看'];
    assert.deepEqual(answers(roundTrip(lexicon), probes), answers(lexicon, probes));
  });

  it('the binary format keeps long words, supplementary characters, rare characters and large frequencies', () => {
    const lines: string[] = [];
    // 13,000 distinct characters: ranks past one and two bytes.
    for (let k = 0; k < 13_000; k++) lines.push(`${String.fromCharCode(0x4e00 + k)}字 ${k + 1} n`);
    // Up to 256 tags.
    for (let k = 0; k < 250; k++) lines.push(`标${String.fromCharCode(0x4e00 + k)} ${k + 1} t${k}`);
    lines.push(`${'长'.repeat(20)} 7 l`, `${'长'.repeat(21)} 3 l`, '𠀀𠀁 12 nr', '𠀀 2 x', `大数 ${2 ** 40 + 1} m`);
    const lexicon = Lexicon.parse(prepareLexicon(lines));
    const decoded = roundTrip(lexicon);
    assert.deepEqual([...decoded.entries()], [...lexicon.entries()]);
    assert.equal(decoded.freq('长'.repeat(21)), 3);
    assert.equal(decoded.freq('大数'), 2 ** 40 + 1);
    assert.equal(decoded.pos('𠀀𠀁'), 'nr');
    assert.equal(decoded.maxWordLength, 21);
  });

  it('the binary format refuses what it cannot keep exactly', () => {
    assert.throws(() => encodeLexicon(Lexicon.parse('半 1.5 n').toColumns()), /whole number/);
    const tags = Array.from({ length: 300 }, (_, k) => `${String.fromCharCode(0x4e00 + k)} 1 t${k}`);
    assert.throws(() => Lexicon.parse(tags.join('\n')), /256 parts of speech/);
  });

  it('a lexicon file is written and read back; a damaged or foreign file is an error naming it', () => {
    const dir = tempDir();
    const file = path.join(dir, 'lexicon.bin');
    const { words } = writeLexiconFile(file, SMALL);
    assert.equal(words, SMALL.length);
    const probes = ['中国人', '公安局'];
    assert.deepEqual(answers(readLexiconFile(file), probes), answers(Lexicon.parse(SMALL.join('\n')), probes));
    const bytes = fs.readFileSync(file);
    fs.writeFileSync(file, bytes.subarray(0, bytes.length - 3));
    assert.throws(
      () => readLexiconFile(file),
      (error: Error) => error.message.startsWith(file),
    );
    fs.writeFileSync(file, prepareLexicon(SMALL));
    assert.throws(() => readLexiconFile(file), /不是 jiaodui 词典文件/);
  });

  it("the shipped lexicon holds every Han entry of jieba's dictionary, exactly", function () {
    this.timeout(60_000);
    const require = createRequire(__filename);
    const dict = path.join(path.dirname(require.resolve('@node-rs/jieba/package.json')), 'dict.txt');
    const han = /^\p{Script=Han}+$/u;
    const lines = fs
      .readFileSync(dict, 'utf8')
      .split('\n')
      .filter((line) => han.test(line.trim().split(' ')[0]));
    const expected = Lexicon.parse(prepareLexicon(lines));
    const shipped = loadLexicon();
    assert.ok(shipped.size > 300_000, `${shipped.size} words`);
    assert.equal(shipped.size, expected.size);
    assert.equal(shipped.total, expected.total);
    assert.equal(shipped.maxWordLength, expected.maxWordLength);
    const a = shipped.entries();
    for (const [word, entry] of expected.entries()) assert.deepEqual(a.next().value, [word, entry], word);
    // Compact: the whole dictionary in little more than a megabyte.
    assert.ok(fs.statSync(path.join(distDir(), LEXICON_FILE)).size < 1_200_000);
  });
});
