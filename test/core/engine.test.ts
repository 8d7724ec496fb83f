import * as assert from 'node:assert/strict';
import { Linter, RULES, fixAll, applyFixes, applyFixesDetailed, applyEdits, overlaps, type Rule, type Finding } from '../../server/src/core';
import { emptyModelOptions } from '../support/resources';

/** A test rule that flags every "乙" and offers to replace it with "丙". */
const flagYi: Rule = {
  meta: {
    id: 'flag-yi',
    category: 'characters',
    defaultSeverity: 'warning',
    fixable: true,
    scope: 'paragraph',
    docs: { summary: '测试', gloss: 'test', why: 'test', example: { bad: '乙', good: '丙' } },
  },
  checkParagraph(ctx, p) {
    for (let i = p.text.indexOf('乙'); i >= 0; i = p.text.indexOf('乙', i + 1)) {
      ctx.report({ message: '“乙”应为“丙”', offset: i, length: 1, fixes: [{ title: '改为“丙”', edits: [{ offset: i, length: 1, newText: '丙' }] }] });
    }
  },
};

const throwing: Rule = {
  meta: { ...flagYi.meta, id: 'always-throws', scope: 'document' },
  checkDocument() {
    throw new Error('boom');
  },
};

describe('Linter', () => {
  it('drops a finding of a rule that yields to another on the same span, and only there', () => {
    const yielding: Rule = {
      meta: { ...flagYi.meta, id: 'yields-to-flag-yi', yieldsTo: ['flag-yi'] },
      checkParagraph(ctx, p) {
        for (const m of p.text.matchAll(/乙丁|甲/g)) ctx.report({ message: '另一种说法', offset: m.index!, length: m[0].length, fixes: [] });
      },
    };
    const both = new Linter(emptyModelOptions(), [flagYi, yielding]).lint('乙丁，甲。');
    assert.deepEqual(
      both.map((f) => [f.rule, f.offset]),
      [
        ['flag-yi', 0],
        ['yields-to-flag-yi', 3],
      ],
    );
    const alone = new Linter(emptyModelOptions({ rules: { 'flag-yi': 'off' } }), [flagYi, yielding]).lint('乙丁，甲。');
    assert.deepEqual(
      alone.map((f) => [f.rule, f.offset]),
      [
        ['yields-to-flag-yi', 0],
        ['yields-to-flag-yi', 3],
      ],
    );
  });

  it('maps paragraph findings to document offsets, past a surrogate pair', () => {
    const text = '𠮷甲\n\n丁乙';
    const found = new Linter(emptyModelOptions(), [flagYi]).lint(text);
    assert.equal(found.length, 1);
    assert.equal(found[0].offset, text.indexOf('乙'));
    assert.equal(found[0].severity, 'warning');
  });

  it('reuses cached paragraph results and still shifts them to the new position', () => {
    const linter = new Linter(emptyModelOptions(), [flagYi]);
    const first = linter.lint('甲乙');
    const second = linter.lint('新增一段\n\n甲乙');
    assert.equal(first[0].offset, 1);
    assert.equal(second[0].offset, '新增一段\n\n甲'.length);
    assert.equal(second[0].fixes[0].edits[0].offset, second[0].offset);
  });

  it("builds a rule's state once per linter, on first use, from the linter's model and lexicon", () => {
    const built: unknown[] = [];
    const counting: Rule<{ id: number; models: unknown }> = {
      meta: { ...flagYi.meta, id: 'counting' },
      createState(model) {
        built.push(model);
        return { id: built.length, models: model };
      },
      checkParagraph(ctx, paragraph) {
        assert.equal(ctx.state.models, ctx.model);
        if (paragraph.text.includes('乙')) ctx.report({ offset: 0, length: 1, message: `state ${ctx.state.id}`, fixes: [] });
      },
    };
    const options = emptyModelOptions();
    const linter = new Linter(options, [counting]);
    assert.equal(built.length, 0, 'nothing is built before the rule runs');
    linter.lint('乙\n\n乙乙');
    linter.lint('甲乙');
    assert.equal(built.length, 1);
    const other = new Linter(options, [counting]);
    assert.equal(other.lint('乙')[0].message, 'state 2', 'another linter builds its own');
    assert.equal(linter.lint('乙丙')[0].message, 'state 1');
  });

  it('applies severity overrides and turns rules off', () => {
    assert.equal(new Linter(emptyModelOptions({ rules: { 'flag-yi': 'error' } }), [flagYi]).lint('乙')[0].severity, 'error');
    assert.deepEqual(new Linter(emptyModelOptions({ rules: { 'flag-yi': 'off' } }), [flagYi]).lint('乙'), []);
  });

  it('honours disable-next-line, disable/enable ranges, and the house dictionary', () => {
    const linter = new Linter(emptyModelOptions({ allow: ['乙方'] }), [flagYi]);
    const text = [
      '<!-- jiaodui-disable-next-line flag-yi -->',
      '乙',
      '',
      '乙',
      '<!-- jiaodui-disable flag-yi -->',
      '乙',
      '<!-- jiaodui-enable flag-yi -->',
      '乙',
      '合同乙方',
    ].join('\n');
    const lines = linter.lint(text).map((f) => text.slice(0, f.offset).split('\n').length - 1);
    assert.deepEqual(lines, [3, 7]);
  });

  it('a disable marker for another rule does not silence this one', () => {
    const found = new Linter(emptyModelOptions(), [flagYi]).lint('jiaodui-disable-next-line other-rule\n乙');
    assert.equal(found.length, 1);
  });

  it('reports a throwing rule once and keeps the others running', () => {
    const errors: string[] = [];
    const linter = new Linter(emptyModelOptions({ onRuleError: (id) => errors.push(id) }), [throwing, flagYi]);
    assert.equal(linter.lint('乙').length, 1);
    assert.equal(linter.lint('乙乙').length, 2);
    assert.deepEqual(errors, ['always-throws']);
  });

  it('fixAll applies safe fixes only unless suggestions are asked for', () => {
    const suggestion = fixAll('乙甲乙\n\n乙', emptyModelOptions(), new Linter(emptyModelOptions(), [flagYi]));
    assert.equal(suggestion.text, '乙甲乙\n\n乙', 'a rule that names no fix kind makes suggestions');
    assert.equal(suggestion.fixed.length, 0);
    assert.equal(suggestion.remaining.length, 3);
    assert.ok(
      suggestion.remaining.every((f) => f.fixes[0].kind === 'suggestion'),
      'the engine fills in the kind',
    );
    const asked = fixAll('乙甲乙\n\n乙', emptyModelOptions(), new Linter(emptyModelOptions(), [flagYi]), ['safe', 'suggestion']);
    assert.equal(asked.text, '丙甲丙\n\n丙');
    assert.equal(asked.fixed.length, 3);
    assert.deepEqual(asked.remaining, []);
    const safe = fixAll('乙甲乙', emptyModelOptions(), new Linter(emptyModelOptions(), [{ ...flagYi, meta: { ...flagYi.meta, fixKind: 'safe' } }]));
    assert.equal(safe.text, '丙甲丙');
  });

  it('a fix of its own kind overrides the rule default', () => {
    const mixed: Rule = {
      meta: { ...flagYi.meta, id: 'mixed', fixKind: 'suggestion' },
      checkParagraph(ctx, p) {
        for (const [i, ch] of [...p.text].entries()) {
          if (ch === '乙')
            ctx.report({ message: 'm', offset: i, length: 1, fixes: [{ title: 't', edits: [{ offset: i, length: 1, newText: '丙' }], kind: 'safe' }] });
          if (ch === '甲') ctx.report({ message: 'm', offset: i, length: 1, fixes: [{ title: 't', edits: [{ offset: i, length: 1, newText: '丁' }] }] });
        }
      },
    };
    assert.equal(fixAll('甲乙', emptyModelOptions(), new Linter(emptyModelOptions(), [mixed])).text, '甲丙');
  });

  it('never applies a fix whose finding only appears after an earlier fix', () => {
    // 甲 → 乙 is shown; the 乙 it produces would become 丙 in a second pass, unseen.
    const chain: Rule = {
      meta: { ...flagYi.meta, id: 'chain', fixKind: 'safe' },
      checkParagraph(ctx, p) {
        for (const [i, ch] of [...p.text].entries()) {
          const to = ch === '甲' ? '乙' : ch === '乙' ? '丙' : undefined;
          if (to) ctx.report({ message: 'm', offset: i, length: 1, fixes: [{ title: 't', edits: [{ offset: i, length: 1, newText: to }] }] });
        }
      },
    };
    const result = fixAll('甲丁', emptyModelOptions(), new Linter(emptyModelOptions(), [chain]));
    assert.equal(result.text, '乙丁');
    assert.equal(result.fixed.length, 1);
    assert.equal(result.remaining.length, 1, 'the new finding is reported, not applied');
  });

  it('re-applies a fix deferred by an overlap when the same change is found again', () => {
    // Two rules propose edits on the same character; the second is applied in pass two.
    const wide: Rule = {
      meta: { ...flagYi.meta, id: 'wide', fixKind: 'safe' },
      checkParagraph(ctx, p) {
        const i = p.text.indexOf('甲乙');
        if (i >= 0)
          ctx.report({
            message: 'm',
            offset: i,
            length: 2,
            fixes: [
              {
                title: 't',
                edits: [
                  { offset: i, length: 1, newText: '' },
                  { offset: i + 1, length: 1, newText: '乙' },
                ],
              },
            ],
          });
      },
    };
    const yi: Rule = { ...flagYi, meta: { ...flagYi.meta, fixKind: 'safe' } };
    const result = fixAll('丁甲乙丁', emptyModelOptions(), new Linter(emptyModelOptions(), [wide, yi]));
    assert.equal(result.text, '丁丙丁');
    assert.equal(result.fixed.length, 2);
    assert.deepEqual(result.remaining, []);
  });
});

describe('fixes', () => {
  const finding = (offset: number, length: number, newText: string): Finding => ({
    rule: 'r',
    severity: 'error',
    message: 'm',
    offset,
    length,
    fixes: [{ title: 't', edits: [{ offset, length, newText }] }],
  });

  it('applies non-overlapping edits from the end so offsets stay valid', () => {
    assert.equal(
      applyEdits('abcdef', [
        { offset: 0, length: 1, newText: 'X' },
        { offset: 4, length: 2, newText: '' },
      ]),
      'Xbcd',
    );
  });

  it('defers an overlapping fix to a later pass', () => {
    const result = applyFixesDetailed('abcdef', [finding(1, 3, 'Z'), finding(2, 1, 'Y'), finding(5, 1, 'W')]);
    assert.equal(result.text, 'aZeW');
    assert.equal(result.deferred.length, 1);
  });

  it('ignores fixes that point outside the text', () => {
    assert.equal(applyFixes('abc', [finding(2, 5, 'x')]), 'abc');
  });

  it('detects overlaps between ranges and insertions', () => {
    assert.ok(overlaps({ offset: 0, length: 2, newText: '' }, { offset: 1, length: 2, newText: '' }));
    assert.ok(!overlaps({ offset: 0, length: 2, newText: '' }, { offset: 2, length: 1, newText: '' }));
    assert.ok(overlaps({ offset: 3, length: 0, newText: 'a' }, { offset: 3, length: 0, newText: 'b' }));
    assert.ok(!overlaps({ offset: 2, length: 0, newText: 'a' }, { offset: 2, length: 2, newText: '' }));
  });
});

describe('fix kinds in the registry', () => {
  it('every fixable rule declares the kind of its fixes; judgement rules make suggestions', () => {
    for (const rule of RULES) {
      if (rule.meta.fixable) assert.ok(rule.meta.fixKind === 'safe' || rule.meta.fixKind === 'suggestion', `${rule.meta.id} declares meta.fixKind`);
    }
    for (const id of ['duplicate-word', 'fixed-phrase', 'name-consistency', 'numbering-sequence', 'masthead-date']) {
      assert.equal(RULES.find((r) => r.meta.id === id)?.meta.fixKind, 'suggestion', id);
    }
  });
});
