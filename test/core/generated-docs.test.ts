/**
 * Generated files (docs/rules.md, the README rules table, the jiaodui.rules.<id>
 * settings in package.json) are checked in; this fails when they no longer match
 * the rule registry, the way markdownlint guards its generated docs.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { RULES } from '../../server/src/core';
import { OPTIONS, parseArgs, UsageError } from '../../server/src/cli/args';
import { USAGE } from '../../server/src/cli/help';
import {
  BLOCK_END,
  BLOCK_START,
  USAGE_END,
  USAGE_START,
  renderUsageBlock,
  checkGenerated,
  mergeSettings,
  renderReadmeTable,
  renderRulesDoc,
  replaceReadmeBlock,
  ruleSettings,
  writeGenerated,
} from '../../scripts/gen-docs';

describe('generated docs', () => {
  it('docs/rules.md, the README rules table and the package.json rule settings match the registry (else: run npm run docs)', () => {
    const drift = checkGenerated();
    assert.deepEqual(drift, [], `generated files are out of date — run npm run docs:\n${drift.map((d) => `  ${d.file}: ${d.reason}`).join('\n')}`);
  });

  it('every rule has a section with its anchor, its example and how to turn it off', () => {
    const doc = renderRulesDoc();
    for (const rule of RULES) {
      assert.ok(doc.includes(`\n## ${rule.meta.id}\n`), rule.meta.id);
      assert.ok(doc.includes(rule.meta.docs.example.bad.split('\n')[0]), `${rule.meta.id}: example`);
      assert.ok(doc.includes(`"jiaodui.rules.${rule.meta.id}": "off"`), `${rule.meta.id}: VS Code setting`);
      assert.ok(renderReadmeTable().includes(`docs/rules.md#${rule.meta.id}`));
    }
  });

  it('merging settings touches only jiaodui.rules.* and drops settings of removed rules', () => {
    const pkg = {
      name: 'x',
      contributes: {
        languages: [{ id: 'newsdraft' }],
        configuration: { title: 'hand', properties: { 'jiaodui.enable': { type: 'boolean' }, 'jiaodui.rules.gone': { type: 'string' } } },
      },
    };
    const merged = mergeSettings(pkg, ruleSettings()) as typeof pkg;
    assert.deepEqual(merged.contributes.languages, pkg.contributes.languages);
    assert.equal(merged.contributes.configuration.title, 'hand');
    const props = merged.contributes.configuration.properties as Record<string, { default?: string; enum?: string[] }>;
    assert.deepEqual(props['jiaodui.enable'], { type: 'boolean' });
    assert.equal(props['jiaodui.rules.gone'], undefined);
    for (const rule of RULES) {
      assert.equal(props[`jiaodui.rules.${rule.meta.id}`].default, rule.meta.defaultSeverity);
      assert.deepEqual(props[`jiaodui.rules.${rule.meta.id}`].enum, ['off', 'hint', 'info', 'warning', 'error']);
    }
    const created = mergeSettings({ name: 'y' }, ruleSettings()) as { contributes: { configuration: { title: string } } };
    assert.equal(created.contributes.configuration.title, 'jiaodui');
  });

  it('the check notices drift, and writing repairs it', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'jiaodui-docs-'));
    try {
      fs.writeFileSync(path.join(root, 'README.md'), `# x\n\n${USAGE_START}\nold usage\n${USAGE_END}\n\n${BLOCK_START}\nstale\n${BLOCK_END}\n\nafter\n`);
      fs.writeFileSync(path.join(root, 'package.json'), `${JSON.stringify({ name: 'x', contributes: {} }, null, 2)}\n`);
      assert.deepEqual(
        checkGenerated(root)
          .map((d) => d.file)
          .sort(),
        ['README.md', 'docs/rules.md', 'package.json', 'schemas/jiaoduirc.schema.json'],
      );
      assert.deepEqual(writeGenerated(root).sort(), ['README.md', 'docs/rules.md', 'package.json', 'schemas/jiaoduirc.schema.json']);
      assert.deepEqual(checkGenerated(root), []);
      const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
      assert.ok(readme.startsWith('# x\n\n'));
      assert.ok(readme.endsWith(`${BLOCK_END}\n\nafter\n`));
      assert.throws(() => replaceReadmeBlock('no markers', 'table'));
      assert.ok(readme.includes(renderUsageBlock()) && !readme.includes('old usage'));
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('CLI usage: one option table behind the parser, --help and the README', () => {
  it('--help and the README usage block name every option of the table', () => {
    const readme = fs.readFileSync(path.resolve(__dirname, '../../README.md'), 'utf8');
    const block = readme.slice(readme.indexOf(USAGE_START), readme.indexOf(USAGE_END));
    for (const [command, specs] of Object.entries(OPTIONS)) {
      for (const spec of specs) {
        const flag = `--${spec.name}`;
        assert.ok(USAGE.includes(flag), `${command} ${flag} missing from --help`);
        assert.ok(block.includes(flag), `${command} ${flag} missing from the README usage block (npm run docs)`);
      }
    }
  });

  it('the parser accepts every option of the table and nothing else', () => {
    for (const spec of OPTIONS.lint) {
      const argv = ['lint', 'a.txt', `--${spec.name}`, ...(spec.value ? ['x'] : [])];
      assert.doesNotThrow(() => {
        try {
          parseArgs(argv);
        } catch (error) {
          // A value the option rejects, or a flag that needs another, is not an unknown option.
          if (error instanceof UsageError && /未知选项|unknown option/.test(error.message)) throw error;
        }
      }, spec.name);
    }
    assert.throws(() => parseArgs(['lint', 'a.txt', '--frobnicate']), /未知选项 “--frobnicate”/);
    assert.throws(() => parseArgs(['learn', 'a', '--out']), /--out 需要一个值/);
    assert.throws(() => parseArgs(['lint', 'a.txt', '--model', 'a', '--model', 'b']), /--model 只能给一次/);
  });
});
