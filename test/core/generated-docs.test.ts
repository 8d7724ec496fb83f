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
import {
  BLOCK_END,
  BLOCK_START,
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
      fs.writeFileSync(path.join(root, 'README.md'), `# x\n\n${BLOCK_START}\nstale\n${BLOCK_END}\n\nafter\n`);
      fs.writeFileSync(path.join(root, 'package.json'), `${JSON.stringify({ name: 'x', contributes: {} }, null, 2)}\n`);
      assert.deepEqual(checkGenerated(root).map((d) => d.file).sort(), ['README.md', 'docs/rules.md', 'package.json', 'schemas/jiaoduirc.schema.json']);
      assert.deepEqual(writeGenerated(root).sort(), ['README.md', 'docs/rules.md', 'package.json', 'schemas/jiaoduirc.schema.json']);
      assert.deepEqual(checkGenerated(root), []);
      const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
      assert.ok(readme.startsWith('# x\n\n'));
      assert.ok(readme.endsWith(`${BLOCK_END}\n\nafter\n`));
      assert.throws(() => replaceReadmeBlock('no markers', 'table'));
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
