import * as assert from 'node:assert/strict';
import { ruleTester, ruleFindings } from '../support/rule-tester';
import { emptyModelOptions } from '../support/resources';
import { emptyModel } from '../../server/src/core/model/load';
import { emptyStyle, type SpacingCount } from '../../server/src/core/model/sections/style';
import { houseWritesTight } from '../../server/src/core/rules/cjk-spacing';
import { findSpacingJunctions } from '../../server/src/core/analysis/spacing';
import { learnStyle } from '../../server/src/core/model/sections/style';
import { toCorpusDocuments } from '../../server/src/core/model/learn';
import { lexicon } from '../support/resources';

function house(digit: Partial<SpacingCount>, latin: Partial<SpacingCount> = {}) {
  const style = emptyStyle();
  const docs = { tight: 0, spaced: 0, mixed: 0 };
  style.spacing.hanDigit = { spaced: 0, tight: 0, documents: docs, ...digit };
  style.spacing.hanLatin = { spaced: 0, tight: 0, documents: docs, ...latin };
  return { model: { ...emptyModel(), style } };
}

// A house that writes 做好4个方面 and HIT专家网.
const tight = house({ tight: 500, spaced: 3 }, { tight: 60, spaced: 2 });
// The seed corpus: junction counts split by one long spaced PDF, but four issues all tight.
const byDocuments = house({ tight: 585, spaced: 537, documents: { tight: 4, spaced: 0, mixed: 1 } });
const spacedHouse = house({ tight: 3, spaced: 500 }, { tight: 2, spaced: 60 });
const mixedHouse = house({ tight: 300, spaced: 200, documents: { tight: 1, spaced: 1, mixed: 2 } });

ruleTester('cjk-spacing', {
  valid: [
    // Western phrases, codes and units
    { text: '世界卫生组织 World Health Organization 发布报告。', options: tight },
    { text: '文件大小为 10 MB 左右。', options: tight },
    { text: '国内统一连续出版物号 CN 11-0010\n邮发代号 1-20', options: tight },
    { text: '依据 GB/T 15834-2011 规定。', options: tight },
    // a range is one number, whatever its mark (a date is still a code)
    { text: '日期为 2024-01-05 前后', options: tight },
    // page markers, layout with runs of spaces, indentation, spaces between Han
    { text: '第四届国际健康智库\n36 / 88\n论坛暨中医药产业发展论坛', options: tight },
    { text: '姓名    年龄    12岁\n项目  数量  3个', options: tight },
    { text: '  2023年会议召开。\n编辑 张 喆', options: tight },
    // no learned habit, a spaced house, a mixed house: nothing is asked
    { text: '做好 4个方面，第 7页', options: emptyModelOptions() },
    { text: '做好 4个方面，HIT 专家网', options: spacedHouse },
    { text: '做好 4个方面', options: mixedHouse },
    // the reverse is never enforced
    { text: '做好4个方面，HIT专家网', options: spacedHouse },
    // two quantities side by side keep their space
    { text: '全省324.99万 65岁以上老年人', options: tight },
    // surrogate pair and CRLF
    { text: '𠮷野家2023年开业\r\n\r\n第7页', options: tight },
  ],
  invalid: [
    {
      name: 'a range is one number, whatever its mark: fixing 2-3 to 2～3 (punctuation-form) moves no junction',
      text: '淤泥高达 2-3 米，工期 2024—2025 年，温度 5～8 度',
      options: tight,
      errors: [{ text: '达 2-3' }, { text: '2-3 米' }, { text: '期 2024—2025' }, { text: '2024—2025 年' }, { text: '度 5～8' }, { text: '5～8 度' }],
      output: '淤泥高达2-3米，工期2024—2025年，温度5～8度',
    },
    {
      text: '做好 4个方面',
      options: tight,
      errors: [{ text: '好 4', message: '汉字与数字之间多了空格，应为“好4”' }],
      output: '做好4个方面',
    },
    {
      name: 'both sides of a number',
      text: '本年度 10月 1 日起执行',
      options: tight,
      errors: [{ text: '度 10' }, { text: '月 1' }, { text: '1 日' }],
      output: '本年度10月1日起执行',
    },
    {
      name: 'a percentage',
      text: '从2015年的 18.5%降至',
      options: tight,
      errors: [{ text: '的 18.5%', message: '应为“的18.5%”' }],
      output: '从2015年的18.5%降至',
    },
    {
      name: 'Latin words',
      text: '来源：HIT 专家网；的 AI 心电网络',
      options: tight,
      errors: [{ text: 'HIT 专', message: '汉字与外文之间多了空格' }, { text: '的 AI' }, { text: 'AI 心' }],
      output: '来源：HIT专家网；的AI心电网络',
    },
    {
      name: 'house habit read from consistent documents',
      text: '第 7页',
      options: byDocuments,
      errors: [{ text: '第 7', offset: 0, length: 3 }],
      output: '第7页',
    },
    {
      name: 'only digits when the Latin habit is unknown',
      text: '做好 4个方面，HIT 专家网',
      options: byDocuments,
      errors: [{ text: '好 4' }],
      output: '做好4个方面，HIT 专家网',
    },
    {
      name: 'after a surrogate pair, across CRLF',
      text: '𠮷 2023年\r\n\r\n第 7页',
      options: tight,
      errors: [
        { text: '𠮷 2023', offset: 0, length: 7 },
        { text: '第 7', offset: 12 },
      ],
      output: '𠮷2023年\r\n\r\n第7页',
    },
  ],
});

describe('cjk-spacing house verdict', () => {
  it('needs enough evidence', () => {
    assert.equal(houseWritesTight(house({ tight: 5, spaced: 0 }).model.style, 'digit'), false);
    assert.equal(houseWritesTight(tight.model.style, 'digit'), true);
    assert.equal(houseWritesTight(byDocuments.model.style, 'digit'), true);
    assert.equal(houseWritesTight(mixedHouse.model.style, 'digit'), false);
  });

  it('counts tight and spaced junctions alike (what the learner sees)', () => {
    const junctions = findSpacingJunctions('做好 4个方面，HIT专家网');
    assert.deepEqual(
      junctions.map((j) => `${j.kind}:${j.spaced ? 'spaced' : 'tight'}`),
      ['digit:spaced', 'digit:tight', 'latin:tight'],
    );
  });

  it('cites the learned counts', () => {
    const [finding] = ruleFindings('cjk-spacing', '做好 4个方面', byDocuments);
    assert.match(finding.evidence ?? '', /不空格 585 次、空格 537 次；4 篇文档一律不空格/);
  });
});

describe('style section learning', () => {
  it('counts junctions, votes per document, and counts punctuation and ranges', () => {
    const issue = '2026年1月19日，第12685期，今日8版。会议指出，917个县、8家乡镇卫生院、30个省份参加，4～5月完成。';
    const compendium = '做好 4 个方面，2020 年 7 月到 2023 年 7 月，共 13 个县、25 项任务、6 个论坛、2016—2030 年;统计 10 项。';
    const style = learnStyle(
      toCorpusDocuments([
        { path: 'a.txt', content: issue },
        { path: 'b.txt', content: compendium },
      ]),
      lexicon(),
    );
    assert.deepEqual(style.spacing.hanDigit.documents, { tight: 1, spaced: 1, mixed: 0 });
    assert.ok(style.spacing.hanDigit.tight >= 10 && style.spacing.hanDigit.spaced >= 10);
    assert.equal(style.punctuation[','].fullWidth, 6);
    assert.equal(style.punctuation[';'].halfWidth, 1);
    assert.deepEqual(style.ranges, { '～': 1, '—': 1 });
    assert.doesNotThrow(() => JSON.parse(JSON.stringify(style)));
  });
});
