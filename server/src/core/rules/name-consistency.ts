/**
 * name-consistency: The same person or organisation written two ways.
 * TODO(rule owner): replace this stub with the rule; see docs/rules.md.
 */
import type { Rule } from '../types';

export const nameConsistency: Rule = {
  meta: {
    id: 'name-consistency',
    category: 'consistency',
    defaultSeverity: 'warning',
    fixable: true,
    scope: 'document',
    docs: {
      summary: '同一人名、机构名写法不一',
      gloss: 'The same person or organisation written two ways',
      why: '',
      example: { bad: '王志宏', good: '王宏志' },
    },
  },
  checkDocument(_ctx) {},
};
