import * as assert from 'node:assert/strict';
import { ruleTester, ruleFindings } from '../support/rule-tester';
import { applyFixes } from '../../server/src/core';
import { optionsWith } from '../support/resources';
import { applyRoster } from '../../server/src/core/model/roster';
import type { NamesSection } from '../../server/src/core/model/sections/names';

// No learned names: the cases rest on what the document itself says.
const bare: NamesSection = { names: [], shortForms: {} };
const options = optionsWith({ names: bare });
const doc = (text: string) => ({ text, options });

const wang = '北大纵横合伙人王宏志介绍，医保基金直接结算势在必行。王宏志表示，这是最高级别的文件。王宏志认为，还需降低采购价格。';

ruleTester('name-consistency', {
  valid: [
    doc(wang),
    { ...doc('副主任王宏志表示，要加强管理。主任王建国指出，要加快进度。王宏志说，明年继续推进。'), name: 'two people who share a surname' },
    { ...doc('记者张伟报道。张伟表示同意。张伟说，会再来。记者张玮摄。'), name: 'two-character names differing in the given name' },
    { ...doc('国家卫生健康委员会主管。国家卫生健康委员会发布通知。国家卫生健康委介绍了情况。'), name: 'a full name and its short form (two edits apart)' },
    {
      text: '定西市中医医院牵头，定西市中医医院承办。定西市中医院参加。',
      options: optionsWith({ names: { names: [], shortForms: { 定西市中医院: '定西市中医医院' } } }),
      name: 'an accepted short form one edit apart',
    },
    { ...doc('定西市第一人民医院和定西市第二人民医院、定西市第二人民医院的医生。'), name: 'organisations differing in a numeral' },
    { ...doc('主任王宏志表示同意。副省长王宏伟、王宏志出席。'), name: 'two people one character apart in one list' },
    {
      ...doc('出席会议的有王宁、王毅等。王宁表示支持，王宁说，要抓落实。王毅指出，要抓重点。'),
      name: 'two officials one character apart, each with his own part, not merged',
    },
    {
      ...doc('商务部部长王文涛表示，要稳外贸。财政部部长王文海介绍，财政收入稳定。王文涛说，还要扩大开放。'),
      name: 'each introduced with a post of his own: two people',
    },
    {
      ...doc('记者李金涛报道。李金涛表示满意。李金涛说，会继续努力。主任李金武介绍，项目进展顺利。'),
      name: 'the odd form introduced with another title: another person, however many times the first is written',
    },
    { ...doc('全国高校联盟成立。全国高等学校招生工作会议召开，全国高职院校参加。'), name: 'surname-like characters glued into words are no names' },
    { ...doc('王东明表示，要抓落实。出席会议的还有张海涛、王东峰、赵华等。'), name: 'a name in a list is introduced by the list' },
    { ...doc('记者李金时报道。李金时表示，会再来。李金说，还要努力。'), name: 'a speech verb after a two-character name is no given-name character' },
    { ...doc('居民孙梅收到了女儿寄来的药品。孙梅动动鼠标就能在网上续方。'), name: 'a form that ends inside a common word anchors no clause-opening variant' },
    { ...doc('从“高碳城”转向“高绿城”。他说，从“高碳城”变成“高绿城”要靠转型。'), name: 'terms quoted whole are no names' },
    { ...doc('王毅同来宾举行会谈。王毅同对方交换意见。王毅强调，要加强合作。'), name: 'a two-character name and the word after it are no full name' },
    { ...doc('俄国防部发表声明。俄国防部称，演习已结束。乌国防部称，情况属实。'), name: 'another country’s ministry: the first character changed' },
    { ...doc('主任王宏志表示，王宏志认为，王宏志指出，王主任说可以。'), name: 'a title written with the surname is not a name' },
    { ...doc('甘肃省人民医院和甘肃人民医院。甘肃省人民医院。'), name: 'a dropped administrative character' },
    doc('今天天气很好，大家去公园散步。'),
    { ...doc('北京大学和北京大学合作。北京大学牵头。南京大学表示支持。'), name: 'a one-character change that reads as words: another body' },
    { ...doc('中山大学附属医院、中山大学附属医院和中南大学附属医院。'), name: 'a place that reads as a word (中南)' },
    { ...doc('东城区卫生健康委、东城区卫生健康委和西城区卫生健康委。'), name: 'a contrastive character before the place level' },
    { ...doc('数据中心建设加快。数据中心投入运行。同时建设数据中台。'), name: 'a change in the head’s last character' },
    {
      ...doc('疾病预防中心开展筛查。疾病预防中心发布报告。慢病管理持续加强，慢病预防中心挂牌。'),
      name: 'a pairing the document uses elsewhere as a word (慢病)',
    },
    { ...doc('记者李金涛报道。李金涛表示满意。主任李任涛介绍，项目进展顺利。'), name: 'twice against once, the odd form with a title of its own' },
  ],
  invalid: [
    {
      ...doc('北京协和医院派出专家团队。新投入使用的滨江协和医院设有床位五百张。滨江协豁医院由市政府投资建设。'),
      name: 'an organisation whose name holds a word ending in a function character (协和), reported once',
      errors: [{ text: '协豁医院', message: '“协豁医院”应为“协和医院”' }],
      output: '北京协和医院派出专家团队。新投入使用的滨江协和医院设有床位五百张。滨江协和医院由市政府投资建设。',
    },
    {
      ...doc('新投入使用的滨江协和医院设有床位五百张。滨江协豁医院由市政府投资建设。'),
      name: 'a word ending in a function character inside an organisation name (协和) does not cut it',
      errors: [{ text: '滨江协豁医院', message: '“滨江协豁医院”与前文“滨江协和医院”不一致（各出现 1 次）' }],
      output: '新投入使用的滨江协和医院设有床位五百张。滨江协和医院由市政府投资建设。',
    },
    {
      ...doc('总理莫塔出席会议。莫塔表示，两国关系良好。莫林表示，愿加强合作。'),
      name: 'a two-character name written twice, then bare with the given character changed at random',
      errors: [{ text: '莫林', message: '同一人名写法不一：“莫林”应为“莫塔”（本文出现 2 次）' }],
      output: '总理莫塔出席会议。莫塔表示，两国关系良好。莫塔表示，愿加强合作。',
    },
    {
      ...doc('主任张海际出席会议。张海际强调，要抓落实。张海示表示，将继续努力。'),
      name: 'a function character that looks like the name’s own, at the end, where the shorter form never stands alone',
      errors: [{ text: '张海示', message: '同一人名写法不一：“张海示”应为“张海际”（本文出现 2 次）' }],
      output: '主任张海际出席会议。张海际强调，要抓落实。张海际表示，将继续努力。',
    },
    {
      ...doc('卫生局局长石建锋今天出席会议。石建波围绕改革作了宣讲。'),
      name: 'a variant opening a clause after the name was introduced with a title (局长 + 石: no word 长石)',
      errors: [{ text: '石建波', message: '同一人名写法不一：“石建波”与前文“石建锋”不一致（各出现 1 次）' }],
      output: '卫生局局长石建锋今天出席会议。石建锋围绕改革作了宣讲。',
    },
    {
      ...doc('论坛开幕 李明涛作主旨演讲\n\n国务院副总理李涛明应邀出席论坛。李明涛在演讲中说，要坚持开放合作。'),
      name: 'a full name the story repeats without a speech verb after it, two characters swapped',
      errors: [{ text: '李涛明', message: '同一人名写法不一：“李涛明”应为“李明涛”（本文出现 2 次）' }],
      output: '论坛开幕 李明涛作主旨演讲\n\n国务院副总理李明涛应邀出席论坛。李明涛在演讲中说，要坚持开放合作。',
    },
    {
      ...doc(`${wang}在解决“赖账”的问题上，王志宏表示可以借鉴第三方支付。`),
      errors: [{ text: '王志宏', message: '同一人名写法不一：“王志宏”应为“王宏志”（本文出现 3 次）' }],
      output: `${wang}在解决“赖账”的问题上，王宏志表示可以借鉴第三方支付。`,
    },
    {
      ...doc('甘肃省定西市中医医院牵头成立联盟。定西市中医医院院长介绍经验。由定西市中医院承担项目。'),
      errors: [{ text: '定西市中医院', message: '同一机构名称写法不一：“定西市中医院”应为“定西市中医医院”（本文出现 2 次）' }],
      output: '甘肃省定西市中医医院牵头成立联盟。定西市中医医院院长介绍经验。由定西市中医医院承担项目。',
    },
    {
      ...doc('王宏志表示同意。王志宏表示反对。'),
      name: 'a tie: the later form is flagged and the earlier named',
      errors: [{ text: '王志宏', message: '同一人名写法不一：“王志宏”与前文“王宏志”不一致（各出现 1 次）' }],
      output: '王宏志表示同意。王宏志表示反对。',
    },
    {
      ...doc('主任李金涛出席会议。会上，主任李金武介绍，项目进展顺利。'),
      name: 'the same title before both forms, a character changed at random',
      errors: [{ text: '李金武', message: '与前文“李金涛”不一致' }],
      output: '主任李金涛出席会议。会上，主任李金涛介绍，项目进展顺利。',
    },
    {
      ...doc('记者李金涛报道。“成绩来之不易。”李金滔介绍，项目进展顺利。'),
      name: 'a slip that sounds like the name (滔 / 涛), bare after the name was introduced',
      errors: [{ text: '李金滔', message: '与前文“李金涛”不一致' }],
      output: '记者李金涛报道。“成绩来之不易。”李金涛介绍，项目进展顺利。',
    },
    {
      ...doc('韩小正会见来宾\n\n国家副主席韩小证今天在北京会见来宾。'),
      name: 'a look-alike slip introduced with the title a headline leaves out',
      errors: [{ text: '韩小证', message: '与前文“韩小正”不一致' }],
      output: '韩小正会见来宾\n\n国家副主席韩小正今天在北京会见来宾。',
    },
    {
      ...doc('江南科学院发布报告。专家介绍，江南渴学院将继续研究。'),
      name: 'an organisation slip inside a longer head',
      errors: [{ text: '江南渴学院', message: '与前文“江南科学院”不一致' }],
      output: '江南科学院发布报告。专家介绍，江南科学院将继续研究。',
    },
    {
      ...doc('韩小正会见来宾\n\n韩小证副市长今天在北京会见来宾。'),
      name: 'a title after the name introduces it as one before does',
      errors: [{ text: '韩小证', message: '与前文“韩小正”不一致' }],
      output: '韩小正会见来宾\n\n韩小正副市长今天在北京会见来宾。',
    },
    {
      ...doc('记者李金涛报道。李金涛表示满意。李金涛说，会继续努力。记者李金武介绍，项目进展顺利。'),
      name: 'a substituted given-name character under the same title, three against one',
      errors: [{ text: '李金武', message: '应为“李金涛”（本文出现 3 次）' }],
      output: '记者李金涛报道。李金涛表示满意。李金涛说，会继续努力。记者李金涛介绍，项目进展顺利。',
    },
    {
      ...doc('市政府发布通知。东方钢铁公司发表声明。声明称，东方纲铁公司将扩大生产。'),
      name: 'an organisation written once each way: the form that breaks words is the slip',
      errors: [{ text: '东方纲铁公司', message: '“东方纲铁公司”与前文“东方钢铁公司”不一致（各出现 1 次）' }],
      output: '市政府发布通知。东方钢铁公司发表声明。声明称，东方钢铁公司将扩大生产。',
    },
    {
      ...doc('中华医学会发布指南。中华医学会皮肤性病学分会成立。记者从中皮医学会获悉，活动已启动。'),
      name: 'a slip right after the first character, which no place frames any more',
      errors: [{ text: '中皮医学会', message: '同一机构名称写法不一：“中皮医学会”应为“中华医学会”（本文出现 2 次）' }],
      output: '中华医学会发布指南。中华医学会皮肤性病学分会成立。记者从中华医学会获悉，活动已启动。',
    },
    {
      ...doc('国家卫生健康委部署工作。国家卫生健康委召开会议。《健康报》是国旨卫生健康委主管的报纸。'),
      name: 'a slip in the national prefix',
      errors: [{ text: '国旨卫生健康委', message: '应为“国家卫生健康委”' }],
      output: '国家卫生健康委部署工作。国家卫生健康委召开会议。《健康报》是国家卫生健康委主管的报纸。',
    },
    {
      ...doc('社区卫生服务中心开展义诊。社区卫生服务中心提供服务。强化社区卫西服务中心建设。'),
      name: 'an organisation term no place frames',
      errors: [{ text: '社区卫西服务中心', message: '应为“社区卫生服务中心”（本文出现 2 次）' }],
      output: '社区卫生服务中心开展义诊。社区卫生服务中心提供服务。强化社区卫生服务中心建设。',
    },
    {
      ...doc('记者李金涛报道。李金涛表示满意。“成绩来之不易。”李任涛介绍，项目进展顺利。'),
      name: 'a substituted first given-name character after the name was introduced',
      errors: [{ text: '李任涛', message: '同一人名写法不一：“李任涛”应为“李金涛”（本文出现 2 次）' }],
      output: '记者李金涛报道。李金涛表示满意。“成绩来之不易。”李金涛介绍，项目进展顺利。',
    },
    {
      ...doc('主任刘勇介绍了情况。刘勇说，要抓落实。刘勇指出，要抓重点。刘南表示，要抓长效。'),
      name: 'a two-character name, three against one, the odd form bare',
      errors: [{ text: '刘南', message: '应为“刘勇”（本文出现 3 次）' }],
      output: '主任刘勇介绍了情况。刘勇说，要抓落实。刘勇指出，要抓重点。刘勇表示，要抓长效。',
    },
    {
      ...doc('北大纵横合伙人王宏\n\n志介绍，王宏志表示，王宏志认为可行。他说王志\n\n宏表示同意。'),
      name: 'a name split by a hard wrap',
      errors: [{ text: '王志\n\n宏' }],
      output: '北大纵横合伙人王宏\n\n志介绍，王宏志表示，王宏志认为可行。他说王宏\n\n志表示同意。',
    },
    {
      text: '王志宏表示，医保可以充当第三方。',
      options: { ...options, model: applyRoster(options.model, { names: ['王宏志'] }) },
      name: 'the roster wins even when its form is absent',
      errors: [{ text: '王志宏', message: '应为“王宏志”（本社名录的规范写法）' }],
      output: '王宏志表示，医保可以充当第三方。',
    },
  ],
});

describe('name-consistency roster', () => {
  it('a roster alias is accepted as a short form', () => {
    const model = applyRoster(options.model, { names: [{ name: '定西市中医医院', aliases: ['定西市中医院'] }] });
    const found = ruleFindings('name-consistency', '定西市中医医院牵头，定西市中医医院承办。定西市中医院参加。', { ...options, model });
    assert.deepEqual(found, []);
  });
});

describe('name-consistency fixes', () => {
  it('offer every form the story uses, the original first, as suggestions', () => {
    const text = `${wang}在解决“赖账”的问题上，王志宏表示可以借鉴第三方支付。`;
    const [finding] = ruleFindings('name-consistency', text, options);
    assert.deepEqual(
      finding.fixes.map((f) => [f.title, f.kind]),
      [
        ['统一为“王宏志”（3 处）', 'suggestion'],
        ['统一为“王志宏”（1 处）', 'suggestion'],
      ],
    );
    // Either fix leaves one form and no finding behind.
    for (const fix of finding.fixes) {
      const fixed = applyFixes(text, [{ ...finding, fixes: [fix] }]);
      assert.deepEqual(ruleFindings('name-consistency', fixed, options), []);
    }
  });

  it('a roster form absent from the document is offered alone', () => {
    const found = ruleFindings('name-consistency', '王志宏表示，医保可以充当第三方。', {
      ...options,
      model: applyRoster(options.model, { names: ['王宏志'] }),
    });
    assert.deepEqual(
      found[0].fixes.map((f) => f.title),
      ['统一为“王宏志”（0 处）'],
    );
  });
});
