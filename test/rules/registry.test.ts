import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RULES } from '../../server/src/core';

const root = path.resolve(__dirname, '../..');

describe('rule registry', () => {
  it('has unique kebab-case ids', () => {
    const ids = RULES.map((r) => r.meta.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const id of ids) assert.match(id, /^[a-z]+(-[a-z]+)*$/);
  });

  for (const rule of RULES) {
    describe(rule.meta.id, () => {
      it('lives in a file or a folder named after its id, with its own test file', () => {
        const rules = path.join(root, 'server/src/core/rules');
        assert.ok(fs.existsSync(path.join(rules, `${rule.meta.id}.ts`)) || fs.existsSync(path.join(rules, rule.meta.id, 'index.ts')));
        assert.ok(fs.existsSync(path.join(root, 'test/rules', `${rule.meta.id}.test.ts`)), `test/rules/${rule.meta.id}.test.ts is missing`);
      });

      it('documents what, why, an example and the English gloss', () => {
        const { docs } = rule.meta;
        assert.match(docs.summary, /\p{Script=Han}/u, 'summary in Chinese');
        assert.ok(docs.gloss.length > 5, 'English gloss');
        assert.ok(docs.why.length > 10, 'why it matters');
        assert.ok(docs.example.bad && docs.example.good && docs.example.bad !== docs.example.good, 'example bad/good');
      });

      it('implements the check its scope calls', () => {
        const check = rule.meta.scope === 'paragraph' ? rule.checkParagraph : rule.checkDocument;
        assert.equal(typeof check, 'function');
      });
    });
  }
});
