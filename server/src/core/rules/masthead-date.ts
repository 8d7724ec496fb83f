/**
 * masthead-date: Masthead weekday, lunar date or issue number contradicting the date.
 * TODO(rule owner): replace this stub with the rule; see docs/rules.md.
 */
import type { Rule } from '../types';

export const mastheadDate: Rule = {
  meta: {
    id: 'masthead-date',
    category: 'consistency',
    defaultSeverity: 'error',
    fixable: true,
    scope: 'document',
    docs: {
      summary: '报头日期、星期、农历或期号矛盾',
      gloss: 'Masthead weekday, lunar date or issue number contradicting the date',
      why: '',
      example: { bad: '2026年1月19日 星期二', good: '2026年1月19日 星期一' },
    },
  },
  checkDocument(_ctx) {},
};
