import * as assert from 'node:assert/strict';
import { ruleTester, ruleFindings } from '../support/rule-tester';
import { emptyModelOptions, lexicon } from '../support/resources';
import { applyFixes, learnModel, RULES_BY_ID } from '../../server/src/core';

/** A sentence long enough to read as prose, cut by a page marker on its own line. */
const CUT_BY_MARKER = '积极参加中国中医药高质量发展大会、第四届国际健康智库\n\n36 / 88\n\n论坛暨中医药产业发展论坛等活动。';

ruleTester('stray-digits', {
  valid: [
    // dates and times
    '2026年1月19日 星期一',
    '新华社北京1月23日电 记者从会上获悉。',
    '会议定于12:30开始，晚8时结束。',
    '该片于1月18日晚8时上线，今年5月完成拍摄。',
    // quantities with measure words, percentages, decimals
    '覆盖全国917个县，累计培训11600余名医生、24000余名全科医生。',
    '覆盖率达到95%以上，同比增长73.89%，总规模292.2亿元。',
    '为5人颁奖，这是3年来的最好成绩，发生3起事故。',
    '急诊24小时不停诊，推动3大工程，进入500强。',
    // codes, masthead fields, hotlines, phone numbers
    '国内统一连续出版物号 CN 11-0010\n\n邮发代号 1-20',
    '第12685期 今日8版',
    '详见今日第4版，(下转第4版)',
    '“12356”心理援助热线为超100万人次提供服务，咨询电话010-12345678。',
    'ISSN 1234-5678',
    // formulas, year ranges, list numbers
    '加快构建“1+N”托育服务体系，统筹实施“1+8”行动。',
    '《“健康中国2030”规划纲要》(2016—2030年)',
    '1. 加强组织领导\n2. 完善政策措施\n(1) 落实责任',
    '1、完善责任均衡的多元筹资机制',
    // model numbers and English text
    '推进5G网络覆盖，防控COVID-19和H1N1流感。',
    'Chapter 7 / 88 of the report is in English.',
    // fractions and document numbers
    '约占 1 / 3 的患者。国办发〔2019〕2号文件。',
    '《银屑病365问》和《120来了》',
    // a stray-looking marker the corpus does not vouch for: a fraction inside a sentence
    '其中 2 / 5 的项目已完成。',
    '𠮷野家今日8版\r\n2026年1月19日\r\n',
    // counts that read as counts: after a list, in a series, after a noun, a date after a name
    '江苏、浙江2省开展联合检查。',
    { name: 'a count equal to the items of the list before it', text: '北京、天津和河北3省市联合执法。' },
    '参赛选手3男2女，共5人。',
    '某地发生交通事故 致3死10伤',
    '中国队以5金2银3铜的成绩收官，全省两市4县受灾。',
    '东风旅5日称，已完成演练。',
    '今年新开首店43家，累计开行80列。',
    '客流增幅达3到6倍，比分为3比2。',
    '北纬35度以北海域进入休渔期。',
    { name: 'an empty model still knows measure words', text: '培训3名医生，建设2个中心。', options: emptyModelOptions() },
  ],
  invalid: [
    {
      name: 'digits inside a word',
      text: '推动医7疗卫生事业发展。',
      errors: [{ text: '7', message: '疑为误入词中的数字“7”，应删除（“医疗”）' }],
      output: '推动医疗卫生事业发展。',
    },
    {
      name: 'a digit inside a two-character word, between other entries of a list',
      text: '政治、经7济、文化全面发展。',
      errors: [{ text: '7', message: '（“经济”）' }],
      output: '政治、经济、文化全面发展。',
    },
    {
      name: 'a digit inside a personal name',
      text: '李明3华表示同意。',
      errors: [{ text: '3', message: '疑为误入词中的数字“3”' }],
      output: '李明华表示同意。',
    },
    {
      name: 'a digit before a character that counts only when it stands alone (部|门)',
      text: '有关部7门联合开展检查。',
      errors: [{ text: '7', message: '“部门”' }],
      output: '有关部门联合开展检查。',
    },
    {
      name: 'a digit inside a compound whose second half is no measure word (利益|集团)',
      text: '坚决防止利益3集团干预。',
      errors: [{ text: '3' }],
      output: '坚决防止利益集团干预。',
    },
    {
      name: 'digits inside a word, spaced as PDF extraction writes numbers',
      text: '持续推动医 7 疗卫生高质量发展。',
      errors: [{ text: ' 7 ', message: '“医疗”' }],
      output: '持续推动医疗卫生高质量发展。',
    },
    {
      name: 'a page marker on its own line between two halves of a sentence',
      text: CUT_BY_MARKER,
      errors: [{ text: '\n\n36 / 88\n\n', message: '疑为排版遗留的页码“36 / 88”，应删除并接排' }],
      output: '积极参加中国中医药高质量发展大会、第四届国际健康智库论坛暨中医药产业发展论坛等活动。',
    },
    {
      name: 'one paragraph a line: a marker after a line of running text that stops unfinished cuts its sentence',
      text: '今天各地天气晴好。\n本台消息（晚间新闻）：全省中小学\n\n12 / 40\n\n今天正式开学，三百万名学生返校。\n各校做好准备。\n',
      errors: [{ text: '\n\n12 / 40\n\n', message: '应删除并接排为“省中小学今天正式”' }],
      output: '今天各地天气晴好。\n本台消息（晚间新闻）：全省中小学今天正式开学，三百万名学生返校。\n各校做好准备。\n',
    },
    {
      name: 'one paragraph a line: a marker after an unpunctuated line the next line does not repeat, as a lede would',
      text: '春耕时节，各地农事繁忙。\n全市首批社区托育中心\n\n12 / 40\n\n本周起陆续投入使用，可提供托位两千个。\n各校做好准备。\n',
      errors: [{ text: '\n\n12 / 40\n\n', message: '应删除并接排为“托育中心本周起陆”' }],
      output: '春耕时节，各地农事繁忙。\n全市首批社区托育中心本周起陆续投入使用，可提供托位两千个。\n各校做好准备。\n',
    },
    {
      name: 'paragraphs set apart by blank lines: a heading before a marker stays a heading',
      text: '医院管理迈上新台阶\n\n今年，全院推进管理改革。\n\n科研管理提质增效\n\n12 / 40\n\n医院正在推动科研管理由粗放型向精细型转变。\n',
      errors: [{ text: '12 / 40\n', message: '疑为排版遗留的页码“12 / 40”，应删除' }],
      output: '医院管理迈上新台阶\n\n今年，全院推进管理改革。\n\n科研管理提质增效\n\n\n医院正在推动科研管理由粗放型向精细型转变。\n',
    },
    {
      name: 'a page marker line between paragraphs: only the line goes',
      text: '1 / 88\n\n本期视点\n\n2 / 88\n\n互联网医疗建设是重要任务。',
      errors: [
        { text: '1 / 88\n', message: '疑为排版遗留的页码“1 / 88”，应删除' },
        { text: '2 / 88\n', message: '“2 / 88”' },
      ],
      output: '\n本期视点\n\n\n互联网医疗建设是重要任务。',
    },
    {
      name: 'a page marker dropped inside a sentence',
      text: '参加第四届国际健康智库 36 / 88 论坛暨中医药产业发展论坛等活动。',
      errors: [{ text: ' 36 / 88 ', message: '页码“36 / 88”' }],
      output: '参加第四届国际健康智库论坛暨中医药产业发展论坛等活动。',
    },
    {
      name: 'a line number at the start of a line that carries on the sentence',
      text: '推动卫生健康事业高质\n12 量发展。',
      errors: [{ text: '12 ', message: '疑为排版遗留的行号“12”，应删除' }],
      output: '推动卫生健康事业高质\n量发展。',
    },
    {
      name: 'CRLF line ends around a page marker',
      text: CUT_BY_MARKER.replace(/\n/g, '\r\n'),
      errors: [{ text: '\r\n\r\n36 / 88\r\n\r\n' }],
      output: '积极参加中国中医药高质量发展大会、第四届国际健康智库论坛暨中医药产业发展论坛等活动。',
    },
    {
      name: 'UTF-16 offsets after a character outside the BMP',
      text: '𠮷野家推动医7疗卫生事业。',
      errors: [{ text: '7', offset: 7, length: 1 }],
      output: '𠮷野家推动医疗卫生事业。',
    },
    {
      name: 'a number after a list that does not count its items',
      text: '推进教育、科技和人力7资源统筹发展。',
      errors: [{ text: '7', message: '“人力资源”' }],
    },
    {
      name: 'a page marker before a character that starts an ordinary word, not a measure word',
      text: '我们迎来了新 18 / 60 时代的发展机遇。',
      errors: [{ text: ' 18 / 60 ', message: '页码“18 / 60”' }],
    },
    {
      name: 'an empty model still finds digits inside a word',
      text: '吕柱表3示，该片是一个缩影。',
      options: emptyModelOptions(),
      errors: [{ text: '3', message: '“表示”' }],
      output: '吕柱表示，该片是一个缩影。',
    },
  ],
});

describe('stray-digits and the learned model', () => {
  it('what the corpus writes after numbers counts as a quantity after a whole word (该省3市)', () => {
    const draft = '该省3市联合开展排查。';
    assert.equal(ruleFindings('stray-digits', draft, emptyModelOptions()).length, 1, 'without a corpus, 省市 reads as a word cut by a digit');
    const corpus = ['全省5市开展排查。', '共有3市参与。', '涉及2市。'].map((content, i) => ({ path: `c${i}.txt`, content }));
    const model = learnModel(corpus, lexicon());
    assert.ok((model.digits.after['市'] ?? 0) >= 2, JSON.stringify(model.digits.after));
    assert.deepEqual(ruleFindings('stray-digits', draft, { model }), []);
    // The same learned measure word does not excuse a digit after half a word.
    assert.equal(ruleFindings('stray-digits', '推动城7市更新。', { model }).length, 1);
  });

  it('learns page markers as markers, not as numbers', () => {
    const model = learnModel([{ path: 'a.txt', content: '第一段。\n\n7 / 88\n\n第二段有3个项目。' }], lexicon());
    assert.equal(model.digits.pageMarkers.ownLine, 1);
    assert.equal(model.digits.after['个'], 1);
    assert.equal(model.digits.before['/'], undefined);
  });

  it('works with a model learned before page markers were counted', () => {
    const model = { ...emptyModelOptions().model, digits: { before: {}, after: {} } } as unknown as ReturnType<typeof learnModel>;
    assert.equal(ruleFindings('stray-digits', '1 / 88\n\n本期视点', { model }).length, 1);
  });

  it('fixing a seed-like page break joins the sentence once, and nothing is left to fix', () => {
    const found = ruleFindings('stray-digits', CUT_BY_MARKER);
    const fixed = applyFixes(CUT_BY_MARKER, found);
    assert.deepEqual(ruleFindings('stray-digits', fixed), []);
  });

  it('the documented example is flagged and its fix gives the documented correction', () => {
    const { bad, good } = RULES_BY_ID.get('stray-digits')!.meta.docs.example;
    const found = ruleFindings('stray-digits', bad);
    assert.ok(found.length > 0);
    assert.equal(applyFixes(bad, found), good);
  });
});
