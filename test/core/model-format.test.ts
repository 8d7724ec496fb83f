import * as assert from 'node:assert/strict';
import { Linter, ModelError, learnModel, parseModel, parseModelBytes, phraseTables, serializeModel, serializeModelBinary } from '../../server/src/core';
import { tablesFor } from '../../server/src/core/model/tables';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { BINARY_MODEL_MIN_PHRASES, modelFileContent } from '../../server/src/node/model-file';
import { DEFAULT_MODEL_FILE, PREPARED_MODEL_FILE, distDir, loadModel } from '../../server/src/node/resources';
import { PHRASE_TABLES_KEY } from '../../server/src/core/rules/fixed-phrase/phrase-index';
import { RULES_BY_ID } from '../../server/src/core/rules';
import { applyRoster } from '../../server/src/core/model/roster';
import { lexicon } from '../support/resources';
import { CountColumns, countOf, countSize } from '../../server/src/core/model/count-columns';

// A small archive of self-written news: one recurrent 提法, written in three stories.
const archive = [
  { path: 'a.txt', content: '市卫生健康局部署推进城乡居民健康素养提升行动。局长表示，要把推进城乡居民健康素养提升行动作为重点。' },
  { path: 'b.txt', content: '全市召开推进城乡居民健康素养提升行动推进会，各区县参加。' },
  { path: 'c.txt', content: '各地持续推进城乡居民健康素养提升行动，成效明显。' },
];
const draft = '会议要求继续推进城乡居民健康素养提身行动。';

function findings(model: ReturnType<typeof learnModel>): string[] {
  const linter = new Linter({ model, lexicon: lexicon() }, [RULES_BY_ID.get('fixed-phrase')!]);
  return linter.lint(draft).map((f) => `${f.offset}:${f.message}`);
}

describe('model file format', () => {
  const model = learnModel(archive, lexicon());

  it('stores the phrases as columns and reads back the same entries', () => {
    const text = serializeModel(model);
    const stored = JSON.parse(text) as { version: number; phrases: { format: string } };
    assert.equal(stored.version, 2);
    assert.equal(stored.phrases.format, 'columns');
    const loaded = parseModel(text);
    assert.deepEqual(loaded.phrases.phrases, model.phrases.phrases);
    assert.deepEqual(loaded.names, model.names);
  });

  it('lints the same with the stored model as with the learned one', () => {
    const direct = findings(model);
    assert.ok(direct.length > 0, 'the near-miss is found');
    assert.deepEqual(findings(parseModel(serializeModel(model))), direct);
  });

  it("keeps the corpus's own two-character units in both file formats", () => {
    const withUnits = { ...model, phrases: { ...model.phrases, units: '推普中秘' } };
    assert.equal(parseModel(serializeModel(withUnits)).phrases.units, '推普中秘');
    assert.equal(parseModelBytes(serializeModelBinary(withUnits, phraseTables(withUnits.phrases)), 'm.bin').phrases.units, '推普中秘');
    const odd = JSON.parse(serializeModel(withUnits)) as { phrases: { units: string } };
    odd.phrases.units = '推普中';
    assert.throws(() => parseModel(JSON.stringify(odd), 'm.json'), ModelError);
  });

  it('still reads a version 1 model (phrases as objects)', () => {
    const old = JSON.stringify({ ...model, version: 1 });
    const loaded = parseModel(old);
    assert.deepEqual(loaded.phrases.phrases, model.phrases.phrases);
    assert.deepEqual(findings(loaded), findings(model));
  });

  it('a roster merged into a stored model is indexed with it', () => {
    const loaded = applyRoster(parseModel(serializeModel(model)), { phrases: ['全面推进健康乡村建设行动'] });
    const linter = new Linter({ model: loaded, lexicon: lexicon() }, [RULES_BY_ID.get('fixed-phrase')!]);
    const found = linter.lint('要求全面推进健康乡村建没行动。');
    assert.equal(found.length, 1);
    assert.ok(found[0].message.includes('全面推进健康乡村建设行动'));
  });

  it('says to learn again when the columns do not fit together', () => {
    const stored = JSON.parse(serializeModel(model)) as { phrases: { counts: number[] } };
    stored.phrases.counts.push(7);
    assert.throws(
      () => parseModel(JSON.stringify(stored), 'm.json'),
      (error: Error) => error instanceof ModelError && /jiaodui learn/.test(error.message),
    );
  });

  it('says to learn again for a version it does not know', () => {
    assert.throws(
      () => parseModel(JSON.stringify({ ...JSON.parse(serializeModel(model)), version: 99 }), 'm.json'),
      (error: Error) => error instanceof ModelError && /jiaodui learn/.test(error.message),
    );
  });

  it('a binary container brings the precomputed index and lints the same', () => {
    const bytes = serializeModelBinary(model, phraseTables(model.phrases));
    assert.equal(new TextDecoder().decode(bytes.subarray(0, 13)), 'JIAODUI-MODEL');
    const loaded = parseModelBytes(bytes, 'm.bin');
    assert.ok(tablesFor(loaded.phrases, PHRASE_TABLES_KEY), 'the trie is attached');
    assert.deepEqual(loaded.phrases.phrases, model.phrases.phrases);
    assert.deepEqual(loaded.names, model.names);
    assert.deepEqual(findings(loaded), findings(model));
    // Read from an unaligned copy (a pooled buffer): the same.
    const unaligned = new Uint8Array(bytes.length + 1).subarray(1);
    unaligned.set(bytes);
    assert.deepEqual(findings(parseModelBytes(unaligned, 'm.bin')), findings(model));
  });

  it('the build writes the default model prepared (dist/model.bin): the same model, tables built in, and loaded first', () => {
    const dist = distDir();
    const json = parseModelBytes(fs.readFileSync(path.join(dist, DEFAULT_MODEL_FILE)), DEFAULT_MODEL_FILE);
    const prepared = parseModelBytes(fs.readFileSync(path.join(dist, PREPARED_MODEL_FILE)), PREPARED_MODEL_FILE);
    assert.ok(tablesFor(prepared.phrases, PHRASE_TABLES_KEY), 'the trie is attached');
    assert.deepEqual(prepared.phrases.phrases, json.phrases.phrases);
    assert.deepEqual(prepared.names, json.names);
    const seeds = path.join(distDir(), '..', 'seeds');
    const seed = fs.readFileSync(path.join(seeds, fs.readdirSync(seeds).sort()[0]), 'utf8');
    const lint = (m: typeof json) => new Linter({ model: m, lexicon: lexicon() }).lint(seed);
    assert.deepEqual(lint(prepared), lint(json));
    assert.ok(tablesFor(loadModel().phrases, PHRASE_TABLES_KEY), 'loadModel() reads the prepared file');
  });

  it("a binary container stores the corrections' counts as columns and finds every key", () => {
    // Self-written counts: keys of one to three characters, one a prefix of another.
    const attested = { 抗疫: 4, 在家: 2, 再见: 1, 在: 9, 在家里: 3, 做: 5 };
    const context = { 再: 7, 再次: 2 };
    const counted = { ...model, corrections: { ...model.corrections, attested, context } };
    const loaded = parseModelBytes(serializeModelBinary(counted, phraseTables(model.phrases)), 'm.bin');
    assert.ok(loaded.corrections.attested instanceof CountColumns);
    assert.equal(countSize(loaded.corrections.attested), 6);
    for (const [key, count] of Object.entries(attested)) assert.equal(countOf(loaded.corrections.attested, key), count, key);
    for (const absent of ['', '抗', '在家里人', '再会', '一']) assert.equal(countOf(loaded.corrections.attested, absent), undefined, absent);
    assert.deepEqual(countOf(loaded.corrections.context!, '再次'), 2);
    // Written again as JSON, the columns are a plain object once more.
    assert.deepEqual(parseModel(serializeModel(loaded), 'm.json').corrections.attested, attested);
  });

  it('refuses count columns that are out of step', () => {
    const codes = new Uint16Array([0x5728]);
    assert.ok(CountColumns.check(codes, new Uint32Array([0, 1]), new Uint32Array([3])));
    assert.ok(!CountColumns.check(codes, new Uint32Array([0, 2]), new Uint32Array([3])));
    assert.ok(!CountColumns.check(codes, new Uint32Array([0, 0, 1]), new Uint32Array([3, 4])));
  });

  it('tables built under another key are ignored, not trusted', () => {
    const stale = phraseTables(model.phrases).map((t) => ({ ...t, key: `${t.key} (older)` }));
    const loaded = parseModelBytes(serializeModelBinary(model, stale), 'm.bin');
    assert.equal(tablesFor(loaded.phrases, PHRASE_TABLES_KEY), undefined);
    assert.deepEqual(findings(loaded), findings(model));
  });

  it('a cut binary container says to learn again', () => {
    const bytes = serializeModelBinary(model, phraseTables(model.phrases));
    assert.throws(
      () => parseModelBytes(bytes.subarray(0, bytes.length - 64), 'm.bin'),
      (error: Error) => error instanceof ModelError && /jiaodui learn/.test(error.message),
    );
  });

  it('JSON bytes are read as before', () => {
    const loaded = parseModelBytes(new TextEncoder().encode(serializeModel(model)), 'm.json');
    assert.deepEqual(loaded.phrases.phrases, model.phrases.phrases);
  });

  it('learn writes a large model as a container and a small one as JSON', () => {
    assert.equal(typeof modelFileContent(model), 'string');
    // Self-made phrases, enough of them: 推进…行动 around a running number in Han digits.
    const digits = '〇一二三四五六七八九';
    const many = Array.from({ length: BINARY_MODEL_MIN_PHRASES }, (_, i) => ({
      phrase: `推进${[...String(i).padStart(5, '0')].map((d) => digits[Number(d)]).join('')}行动`,
      count: 3,
      docs: 2,
      source: 'corpus',
    }));
    const large = { ...model, phrases: { phrases: many } };
    const content = modelFileContent(large);
    assert.ok(content instanceof Uint8Array);
    const loaded = parseModelBytes(content, 'm.bin');
    assert.ok(tablesFor(loaded.phrases, PHRASE_TABLES_KEY));
    assert.deepEqual(loaded.phrases.phrases, many);
  });
});
