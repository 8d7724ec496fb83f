/**
 * `.jiaoduirc.json` is JSONC, as VS Code settings are: comments and trailing commas are
 * accepted by the CLI and the server, and "allow in this project" keeps the comments.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseJsonc, stripJsonc, topLevelValueRange } from '../../server/src/node/jsonc';
import { addAllowedWord } from '../../server/src/lsp/project';
import { resolveLintOptions } from '../../server/src/node/config';
import { DUPLICATE, run } from './support';

const COMMENTED = `{
  // 本报体例：不检查汉字与数字之间的空格
  "rules": { "cjk-spacing": "off", },
  /* 本报词表 */
  "allow": ["胡强强", ], // 人名
  "ignore": ["archive/**"],
}
`;

describe('config: JSONC', () => {
  it('strips comments and trailing commas, keeping every offset', () => {
    const stripped = stripJsonc(COMMENTED);
    assert.equal(stripped.length, COMMENTED.length);
    assert.deepEqual(parseJsonc(COMMENTED), { rules: { 'cjk-spacing': 'off' }, allow: ['胡强强'], ignore: ['archive/**'] });
    assert.deepEqual(parseJsonc('{"url": "http://a//b", "s": "/* no comment */"}'), { url: 'http://a//b', s: '/* no comment */' });
    assert.deepEqual(parseJsonc('\uFEFF{"a": [1, 2,],}'), { a: [1, 2] });
  });

  it('finds a top-level value, not a nested one or one in a comment', () => {
    const text = '{ // "allow": [1]\n "rules": {"allow": 1}, "allow": ["x"] }';
    const range = topLevelValueRange(text, 'allow')!;
    assert.equal(text.slice(range.start, range.end + 1), '["x"]');
    assert.equal(topLevelValueRange('{"rules": {"allow": 1}}', 'allow'), undefined);
  });

  it('the CLI reads a commented config', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jiaodui-jsonc-'));
    fs.writeFileSync(path.join(dir, '.jiaoduirc.json'), COMMENTED.replace('"胡强强"', JSON.stringify(DUPLICATE.slice(2, 4))));
    fs.writeFileSync(path.join(dir, 'a.txt'), `${DUPLICATE}。\n第 3 章。\n`);
    const result = run(['lint', 'a.txt', '--format', 'json'], { cwd: dir });
    assert.equal(result.code, 0, result.stdout + result.stderr);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('a broken config still says which file and why', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jiaodui-jsonc-'));
    fs.writeFileSync(path.join(dir, '.jiaoduirc.json'), '{ "rules": { // unclosed\n');
    fs.writeFileSync(path.join(dir, 'a.txt'), '正文。\n');
    const result = run(['lint', 'a.txt'], { cwd: dir });
    assert.equal(result.code, 2);
    assert.match(result.stderr, /\.jiaoduirc\.json: 配置不是有效的 JSON/);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('"allow in this project" keeps the comments of a JSONC config', () => {
    const once = addAllowedWord(COMMENTED, '王小明');
    assert.ok(once.changed);
    assert.match(once.text, /\/\/ 本报体例/);
    assert.match(once.text, /\/\* 本报词表 \*\//);
    assert.deepEqual((parseJsonc(once.text) as { allow: string[] }).allow, ['胡强强', '王小明']);
    assert.equal(addAllowedWord(once.text, '王小明').changed, false);
    const noAllow = addAllowedWord('{\n  // 空\n  "rules": {}\n}\n', '甲乙');
    assert.deepEqual(parseJsonc(noAllow.text), { allow: ['甲乙'], rules: {} });
    assert.match(noAllow.text, /\/\/ 空/);
    const emptyObject = addAllowedWord('{ /* 空 */ }', '甲乙');
    assert.deepEqual(parseJsonc(emptyObject.text), { allow: ['甲乙'] });
  });
});

describe('config: JSON schema (generated from the registry)', () => {
  const Ajv = require('ajv').default as new (options: object) => { compile(schema: object): ((data: unknown) => boolean) & { errors?: unknown } };
  const root = path.resolve(__dirname, '../..');
  const schema = JSON.parse(fs.readFileSync(path.join(root, 'schemas/jiaoduirc.schema.json'), 'utf8')) as object;
  const validate = new Ajv({ strict: false }).compile(schema);

  it("accepts the README's example config", () => {
    const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
    const example = /## Configuration[\s\S]*?```jsonc?\n([\s\S]*?)```/.exec(readme)![1];
    assert.ok(validate(parseJsonc(example)), JSON.stringify(validate.errors));
  });

  it('rejects an unknown rule, a wrong severity and an unknown key', () => {
    assert.equal(validate({ rules: { 'no-such-rule': 'off' } }), false);
    assert.equal(validate({ rules: { 'duplicate-word': 'loud' } }), false);
    assert.equal(validate({ alow: ['x'] }), false);
    assert.equal(validate({ rules: { 'duplicate-word': ['warning', {}] }, names: ['王小明', { name: '国家卫生健康委员会', aliases: ['国家卫健委'] }] }), true);
  });

  it('VS Code validates .jiaoduirc.json with it, as JSON with comments', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
      contributes: { jsonValidation: Array<{ fileMatch: string; url: string }>; languages: Array<{ id: string; filenames?: string[] }> };
    };
    assert.deepEqual(pkg.contributes.jsonValidation, [{ fileMatch: '.jiaoduirc.json', url: './schemas/jiaoduirc.schema.json' }]);
    assert.ok(pkg.contributes.languages.some((l) => l.id === 'jsonc' && l.filenames?.includes('.jiaoduirc.json')));
  });
});

describe('config: rule settings', () => {
  it("takes ESLint's [severity, options] form for the severity and ignores the options (no rule takes any)", () => {
    const options = resolveLintOptions({ config: { rules: { 'duplicate-word': ['warning', { anything: 1 }], 'cjk-spacing': 'off' } } });
    assert.deepEqual(options.rules, { 'duplicate-word': 'warning', 'cjk-spacing': 'off' });
    assert.ok(!('ruleOptions' in options));
  });
});
