import * as assert from 'node:assert/strict';
import { ruleTester } from '../support/rule-tester';
import { lunarDayName, lunarMonthName, stemBranch, toLunar, weekday } from '../../server/src/core/calendar/lunar';

const masthead = (date: string, weekdayText: string, lunar: string) =>
  `# 健康报\n\n${date}\n\n农历乙巳年\n\n第12685期\n\n${weekdayText}\n\n${lunar}\n\n今日8版\n`;

ruleTester('masthead-date', {
  valid: [
    { text: masthead('2026年1月19日', '星期一', '十二月初一'), name: 'the 2026-01-19 masthead, fields one per line' },
    '2026年1月21日 星期三 农历乙巳年 十二月初三 第12687期',
    '2026年1月19日（周一）召开会议。',
    { text: '会议于2026年1月19日召开，为期两天。', name: 'a date without weekday' },
    { text: '2026年1月19日至23日，周一至周五开放。', name: 'a range has no single weekday' },
    '2026年2月17日 星期二 农历丙午年 正月初一',
    '2026年2月15日 星期日',
    '2026年2月15日 星期天',
    '2026年1月19日 星期一 农历乙巳年 腊月初一',
    { text: '二〇二六年一月十九日 星期一', name: 'a date in Chinese numerals' },
    { text: '1925年1月19日 星期一 农历甲子年十二月廿五', name: 'an old date checked by the same table' },
  ],
  invalid: [
    {
      text: masthead('2026年1月19日', '星期二', '十二月初一'),
      errors: [{ text: '星期二', message: '星期与日期不符：2026年1月19日是星期一，应为“星期一”' }],
      output: masthead('2026年1月19日', '星期一', '十二月初一'),
    },
    {
      text: masthead('2026年1月19日', '星期一', '十二月初二'),
      errors: [{ text: '十二月初二', message: '农历日期与公历不符：2026年1月19日是农历十二月初一，应为“十二月初一”' }],
      output: masthead('2026年1月19日', '星期一', '十二月初一'),
    },
    {
      text: '2026年1月21日 周二 农历甲辰年 腊月初三',
      errors: [
        { text: '周二', message: '应为“周三”' },
        { text: '农历甲辰年', message: '应为“农历乙巳年”' },
      ],
      output: '2026年1月21日 周三 农历乙巳年 腊月初三',
    },
    {
      text: '本报讯 2026年1月19日 星期一 农历乙巳年 十二月初一\n\n1月20日（星期三），专家组抵达。',
      name: 'a date without year takes the masthead year',
      errors: [{ text: '星期三', message: '1月20日是星期二' }],
      output: '本报讯 2026年1月19日 星期一 农历乙巳年 十二月初一\n\n1月20日（星期二），专家组抵达。',
    },
    {
      text: '2025年7月26日 星期六 农历六月初二',
      name: 'a leap month',
      errors: [{ text: '农历六月初二', message: '应为“农历闰六月初二”' }],
      output: '2025年7月26日 星期六 农历闰六月初二',
    },
  ],
});

describe('lunar calendar', () => {
  const lunarText = (y: number, m: number, d: number) => {
    const l = toLunar(y, m, d)!;
    return `${stemBranch(l.year)}年${lunarMonthName(l.month, l.leap)}${lunarDayName(l.day)}`;
  };
  it('knows the dates the seeds and public calendars print', () => {
    assert.equal(lunarText(2026, 1, 19), '乙巳年十二月初一');
    assert.equal(lunarText(2026, 2, 16), '乙巳年十二月廿九');
    assert.equal(lunarText(2026, 2, 17), '丙午年正月初一');
    assert.equal(lunarText(2024, 2, 10), '甲辰年正月初一');
    assert.equal(lunarText(2000, 2, 5), '庚辰年正月初一');
    assert.equal(lunarText(2025, 7, 25), '乙巳年闰六月初一');
    assert.equal(lunarText(2033, 12, 22), '癸丑年闰十一月初一');
  });
  it('computes weekdays and stays out of its range', () => {
    assert.equal(weekday(2026, 1, 19), 1);
    assert.equal(toLunar(2100, 6, 1), undefined);
    assert.equal(toLunar(2026, 2, 30), undefined);
  });
});
