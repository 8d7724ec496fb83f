import * as assert from 'node:assert/strict';
import { Linter, learnModel } from '../../server/src/core';
import { RULES_BY_ID } from '../../server/src/core/rules';
import { applyRoster } from '../../server/src/core/model/roster';
import { lexicon } from '../support/resources';

// A small archive that nobody showed the rules: its own 提法 and its own people.
const archive = [
  {
    path: 'a.md',
    content:
      '本报讯（记者孙晓岚）青州市卫生健康局近日部署推进城乡居民健康素养提升行动。局长赵明远表示，要把推进城乡居民健康素养提升行动作为年度重点。\n\n青州市妇幼保健院开展义诊活动。',
  },
  {
    path: 'b.txt',
    content:
      '青州市召开推进城乡居民健康素养提升行动推进会。赵明远介绍，全市已建成健康小屋。记者孙晓岚报道。\n\n青州市妇幼保健院院长钱立群指出，要发挥妇幼保健网络作用。',
  },
  {
    path: 'c.txt',
    content: '各地持续推进城乡居民健康素养提升行动。青州市妇幼保健院被评为先进单位，院长钱立群说，成绩来自全院职工。',
  },
];

describe('learning from an archive', () => {
  const model = learnModel(archive, lexicon());
  const rules = ['fixed-phrase', 'name-consistency'].map((id) => RULES_BY_ID.get(id)!);
  const linter = new Linter({ model, lexicon: lexicon() }, rules);

  it('learns the archive’s recurrent phrase with its count and documents', () => {
    const entry = model.phrases.phrases.find((p) => p.phrase === '推进城乡居民健康素养提升行动');
    assert.ok(entry, 'phrase learned');
    assert.equal(entry.count, 4);
    assert.equal(entry.docs, 3);
    assert.equal(entry.source, 'corpus');
  });

  it('learns people with their titles and organisations with counts', () => {
    const person = model.names.names.find((n) => n.name === '赵明远');
    assert.equal(person?.kind, 'person');
    assert.equal(person?.count, 2);
    assert.deepEqual(person?.titles, ['局长']);
    const org = model.names.names.find((n) => n.name === '青州市妇幼保健院');
    assert.equal(org?.kind, 'organisation');
    assert.equal(org?.count, 3);
  });

  it('catches near-misses of what it learned in a new draft', () => {
    const draft =
      '青州市深入推进城乡居民健康素养提身行动。局长赵明远表示，要巩固成果。赵明远指出，要做实做细。赵明远强调，要久久为功。会上，赵远明还介绍了经验。\n\n青州市妇幼保健院、青州市妇幼保健院和青州市妇幼保院的专家参加。';
    const findings = linter.lint(draft);
    const flagged = findings.map((f) => `${f.rule}:${draft.slice(f.offset, f.offset + f.length)}`);
    assert.deepEqual(flagged, ['fixed-phrase:推进城乡居民健康素养提身行动', 'name-consistency:赵远明', 'name-consistency:青州市妇幼保院']);
    assert.match(findings[0].message, /应为“推进城乡居民健康素养提升行动”（语料中出现 4 次）/);
  });

  it('leaves unrelated text alone', () => {
    const clean = '今年入冬以来，全市中小学陆续开展冬季长跑活动。记者在第一中学看到，学生们精神饱满，老师王建国说，锻炼要循序渐进。城乡居民健康意识不断提升。';
    assert.deepEqual(linter.lint(clean), []);
  });

  it('lets the roster outvote the archive', () => {
    // The house says the programme is called …素质提升行动; the archive's …素养… then no longer counts.
    const ruled = applyRoster(model, { phrases: ['推进城乡居民健康素质提升行动'] });
    const found = new Linter({ model: ruled, lexicon: lexicon() }, rules).lint('持续推进城乡居民健康素养提升行动。');
    assert.equal(found.length, 1);
    assert.match(found[0].message, /应为“推进城乡居民健康素质提升行动”（本社名录）/);
  });
});
