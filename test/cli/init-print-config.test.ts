import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RULES } from '../../server/src/core';
import { parseJsonc } from '../../server/src/node/jsonc';
import { initConfigText } from '../../server/src/cli/init-command';
import { CLEAN, HALF_WIDTH, removeTempDirs, run, tempDir, write } from './support';

describe('cli: --print-config and --init', () => {
  after(removeTempDirs);

  it('--print-config FILE: the config found upward merged with --rule and --allow, as JSON', () => {
    const dir = tempDir();
    write(dir, '.jiaoduirc.json', '{ // house\n "rules": { "cjk-spacing": "off" }, "allow": ["甲乙"], "ignore": ["archive/**"] }');
    write(dir, 'desk/a.txt', `${CLEAN}\n`);
    const result = run(['--print-config', 'desk/a.txt', '--rule', 'punctuation-width=error', '--allow', '丙丁'], { cwd: dir });
    assert.equal(result.code, 0, result.stderr);
    const printed = JSON.parse(result.stdout) as {
      file: string;
      configFile: string;
      ignored: boolean;
      rules: Record<string, string>;
      allow: string[];
      ignore: string[];
    };
    assert.equal(printed.file, 'desk/a.txt');
    assert.equal(printed.configFile, '.jiaoduirc.json');
    assert.equal(printed.ignored, false);
    assert.equal(printed.rules['cjk-spacing'], 'off');
    assert.equal(printed.rules['punctuation-width'], 'error');
    assert.deepEqual(Object.keys(printed.rules).sort(), RULES.map((r) => r.meta.id).sort());
    assert.deepEqual(printed.allow, ['甲乙', '丙丁']);
    assert.deepEqual(printed.ignore, ['archive/**']);
    const ignored = JSON.parse(run(['lint', '--print-config', 'archive/old.txt'], { cwd: dir }).stdout) as { ignored: boolean };
    assert.equal(ignored.ignored, true);
    assert.equal(run(['--print-config', 'a.txt', 'b.txt'], { cwd: dir }).code, 2);
  });

  it('--init writes a commented JSONC config that turns off a rule most drafts break, and lints with it', () => {
    const dir = tempDir();
    for (let i = 0; i < 4; i++) write(dir, `d${i}.txt`, `${HALF_WIDTH}。\n\n${CLEAN}\n`);
    write(dir, 'clean.txt', `${CLEAN}\n`);
    const result = run(['--init'], { cwd: dir });
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /5 drafts/);
    const text = fs.readFileSync(path.join(dir, '.jiaoduirc.json'), 'utf8');
    assert.match(text, /^\/\//);
    const config = parseJsonc(text) as { rules: Record<string, string> };
    assert.equal(config.rules['punctuation-width'], 'off');
    assert.match(text, /4\/5 篇稿件/);
    const lint = run(['lint', '.'], { cwd: dir });
    assert.doesNotMatch(lint.stdout + lint.stderr, /punctuation-width|配置/);
    const again = run(['--init'], { cwd: dir });
    assert.equal(again.code, 2);
    assert.match(again.stderr, /已存在/);
  });

  it('initConfigText: an occasional finding stays on; the text is valid JSONC either way', () => {
    const none = parseJsonc(initConfigText([{ id: 'duplicate-word', drafts: 2, findings: 2 }], 10)) as { rules: object };
    assert.deepEqual(none.rules, {});
    const two = parseJsonc(
      initConfigText(
        [
          { id: 'a', drafts: 6, findings: 9 },
          { id: 'b', drafts: 3, findings: 3 },
        ],
        6,
      ),
    ) as { rules: object };
    assert.deepEqual(two.rules, { a: 'off', b: 'off' });
  });
});
