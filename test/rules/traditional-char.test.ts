import * as assert from 'node:assert/strict';
import { ruleTester, ruleFindings } from '../support/rule-tester';
import { emptyModelOptions, lexicon, optionsWith } from '../support/resources';
import { applyFixes, learnModel, RULES_BY_ID } from '../../server/src/core';

ruleTester('traditional-char', {
  valid: [
    '国家卫生健康委员会召开新闻发布会，介绍基层医疗卫生服务情况。',
    // Simplified words that keep a character OpenCC would otherwise convert
    '乾隆年间的皇后，著名的中医药专家，乾坤朗朗。',
    '宫商角徵羽，於姓是一个少见的姓氏。',
    // Simplified characters that several Traditional ones merged into never change
    '之后在这里，于是余下的台风云层只有一只。',
    '里程碑式的进展，随后发表了著作。',
    '瞭望塔下一片狼藉，以此为藉口。',
    '头发、发展、干部、干燥、面条、钟表。',
    'The WHO report on Hong Kong (香港) was published.',
    '𠮷野家\r\n卫生院院长介绍情况。\r\n',
    { name: 'an empty model still passes Simplified text', text: '推动医疗卫生事业发展。', options: emptyModelOptions() },
    { name: 'a word in the house dictionary', text: '钟南山院士，又作鍾南山。', options: optionsWith({}, { allow: ['鍾南山'] }) },
  ],
  invalid: [
    {
      text: '市第一人民醫院',
      errors: [{ text: '醫', message: '繁体字“醫”，应为“医”' }],
      output: '市第一人民医院',
    },
    {
      name: 'a run of Traditional characters is one finding',
      text: '他說這個問題很重要。',
      errors: [{ text: '說這個問題', message: '繁体字“說這個問題”，应为“说这个问题”' }],
      output: '他说这个问题很重要。',
    },
    {
      name: 'Traditional characters for merged Simplified ones (後, 隻, 颱)',
      text: '之後，一隻貓躲過了颱風。',
      errors: [{ text: '後', message: '应为“后”' }, { text: '隻貓', message: '应为“只猫”' }, { text: '過' }, { text: '颱風', message: '应为“台风”' }],
      output: '之后，一只猫躲过了台风。',
    },
    {
      name: 'phrase-aware: 乾 in 乾淨 is Traditional, in 乾隆 it is not',
      text: '乾隆年间，街道乾淨。',
      errors: [{ text: '淨', message: '应为“净”' }],
      output: '乾隆年间，街道乾净。',
    },
    {
      name: 'CRLF line ends',
      text: '会议\r\n國家衛生健康委員會\r\n',
      errors: [{ text: '國' }, { text: '衛' }, { text: '員會' }],
      output: '会议\r\n国家卫生健康委员会\r\n',
    },
    {
      name: 'UTF-16 offsets after a character outside the BMP',
      text: '𠮷野家醫院',
      errors: [{ text: '醫', offset: 4, length: 1 }],
      output: '𠮷野家医院',
    },
    {
      name: 'an empty model still finds Traditional characters',
      text: '頭髮與發展',
      options: emptyModelOptions(),
      errors: [{ text: '頭髮與發' }],
      output: '头发与发展',
    },
  ],
});

describe('traditional-char and the learned model', () => {
  it('a Traditional form the corpus uses again and again (a name) is learned and stays clean', () => {
    const draft = '鍾南山院士出席会议。';
    assert.equal(ruleFindings('traditional-char', draft, emptyModelOptions()).length, 1, 'unlearned, 鍾 is flagged');
    const corpus = ['鍾南山院士指出。', '记者采访了鍾南山。', '鍾南山团队的研究。'].map((content, i) => ({ path: `c${i}.txt`, content }));
    const model = learnModel(corpus, lexicon());
    assert.ok(
      Object.values(model.characters.traditionalAllowed).some((n) => n >= 2),
      JSON.stringify(model.characters.traditionalAllowed),
    );
    assert.deepEqual(ruleFindings('traditional-char', draft, { model }), []);
  });

  it('a slip the corpus makes once is not learned as house usage', () => {
    const model = learnModel([{ path: 'a.txt', content: '市第一人民醫院' }], lexicon());
    assert.equal(ruleFindings('traditional-char', '人民醫院', { model }).length, 1);
  });

  it('the documented example is flagged and its fix gives the documented correction', () => {
    const { bad, good } = RULES_BY_ID.get('traditional-char')!.meta.docs.example;
    const found = ruleFindings('traditional-char', bad);
    assert.ok(found.length > 0);
    assert.equal(applyFixes(bad, found), good);
  });
});
