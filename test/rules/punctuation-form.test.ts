import * as assert from 'node:assert/strict';
import { ruleTester, ruleFindings } from '../support/rule-tester';
import { emptyModelOptions } from '../support/resources';
import { emptyModel } from '../../server/src/core/model/load';
import { emptyStyle } from '../../server/src/core/model/sections/style';
import { findRangeSites } from '../../server/src/core/analysis/punctuation';

const empty = emptyModelOptions();
const valid = (text: string, language: 'markdown' | 'plaintext' = 'plaintext') => ({ text, options: empty, language });

const hyphenHouse = emptyStyle();
hyphenHouse.ranges = { '-': 12, '—': 3 };

ruleTester('punctuation-form', {
  valid: [
    // a single — between numbers or words is the 一字线 connector
    valid('《规划纲要（2016—2030年）》提出，1—2月累计完成。'),
    valid('甘肃—匈牙利中医中心推进“探索—扩围—提质增效”，衔接“十四五”—“十五五”。'),
    // the right forms, including two ellipses for omitted paragraphs
    valid('——本期视点——\n\n实践成果不断积累……\n\n…………'),
    valid('4000～5000元，8月23～26日，1月21日至23日。'),
    // lines made only of dashes: Markdown rules and layout separators
    valid('第一段。\n\n----\n\n第二段。', 'markdown'),
    valid('第一段。\n\n- - -\n\n第二段。'),
    // codes and numbering keep their hyphens
    valid('国内统一连续出版物号 CN 11-0010\n邮发代号 1-20'),
    valid('2011-02-15发布，2023-01月报，如图2-8所示，吐鲁番-哈密盆地，GB/T 15834-2011 规定。'),
    // command-line options and English ellipses
    valid('运行 jiaodui --fix 命令。Wait... what?'),
    // a —— broken across a line wrap is broken-paragraph's business
    valid('（来源：中国中医药网）—\n\n—第 47页'),
    // a dash bullet
    valid('— 项目一'),
    // the learned house style writes ranges with a hyphen: accept it
    { text: '2020年-2022年新冠肺炎疫情防控期间', options: { model: { ...emptyModel(), style: hyphenHouse } } },
    // surrogate pair and CRLF
    valid('𠮷野家——好吃……\r\n\r\n第二段。'),
  ],
  invalid: [
    {
      name: 'a subtitle led by a single dash',
      text: '稳中求进\n\n—2026年全国中医药局长会议侧记',
      options: empty,
      errors: [{ text: '—', offset: 6, message: '破折号写成“—”，应为“——”' }],
      output: '稳中求进\n\n——2026年全国中医药局长会议侧记',
    },
    {
      name: 'a single dash after a bracket',
      text: '▶做好4个方面（来源：中国医疗保险）—第 19页',
      options: empty,
      errors: [{ text: '—' }],
      output: '▶做好4个方面（来源：中国医疗保险）——第 19页',
    },
    {
      name: 'hyphens for a dash, on both sides of a label',
      text: '----本期内容----',
      options: empty,
      errors: [
        { text: '----', offset: 0 },
        { text: '----', offset: 8 },
      ],
      output: '——本期内容——',
    },
    {
      name: 'double hyphen and full-width hyphens inside a sentence',
      text: '他说--我们要干。她说－－好。',
      options: empty,
      errors: [{ text: '--', message: '破折号写成“--”' }, { text: '－－' }],
      output: '他说——我们要干。她说——好。',
    },
    {
      name: 'ellipsis forms',
      text: '等等...还有。。。以及…和......',
      options: empty,
      errors: [{ text: '...', message: '省略号写成“...”，应为“……”' }, { text: '。。。' }, { text: '…' }, { text: '......' }],
      output: '等等……还有……以及……和……',
    },
    {
      name: 'ASCII tilde as a range',
      text: '确保覆盖率每年提高1~3个百分点。',
      options: empty,
      errors: [{ text: '~', message: '表示范围的“~”应为连接号“～”' }],
      output: '确保覆盖率每年提高1～3个百分点。',
    },
    {
      name: 'hyphen in a date range and a quantity range',
      text: '2020 年 7 月-2023 年 7 月期间，淤泥高达 2-3 米。',
      options: empty,
      errors: [
        { text: '-', message: '应为连接号“—”' },
        { text: '-', message: '应为连接号“～”' },
      ],
      output: '2020 年 7 月—2023 年 7 月期间，淤泥高达 2～3 米。',
    },
    {
      name: 'hyphens chaining three terms',
      text: '解决“医保-医院-企业”之间的问题。',
      options: empty,
      errors: [
        { text: '-', offset: 5 },
        { text: '-', offset: 8 },
      ],
      output: '解决“医保—医院—企业”之间的问题。',
    },
    {
      name: 'after a surrogate pair, across CRLF',
      text: '𠮷野家--好吃\r\n\r\n第二段...',
      options: empty,
      errors: [
        { text: '--', offset: 4 },
        { text: '...', offset: 15 },
      ],
      output: '𠮷野家——好吃\r\n\r\n第二段……',
    },
  ],
});

describe('punctuation-form range sites (the style learner counts these)', () => {
  it('finds ranges and skips codes', () => {
    const marks = findRangeSites('2016—2030年，4～5月，1~3个，2-3 米，CN 11-0010，邮发代号 1-20，2011-02-15').map((s) => s.mark);
    assert.deepEqual(marks, ['—', '～', '~', '-']);
  });

  it('cites the house range marks in the evidence', () => {
    const style = emptyStyle();
    style.ranges = { '—': 5, '～': 4 };
    const [finding] = ruleFindings('punctuation-form', '提高1~3个百分点', { model: { ...emptyModel(), style } });
    assert.match(finding.evidence ?? '', /“—”5 次、“～”4 次/);
  });
});
