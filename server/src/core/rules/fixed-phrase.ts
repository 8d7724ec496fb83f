/**
 * fixed-phrase: A near-miss of a fixed phrase the corpus writes consistently.
 * TODO(rule owner): replace this stub with the rule; see docs/rules.md.
 */
import type { Rule } from '../types';

export const fixedPhrase: Rule = {
  meta: {
    id: 'fixed-phrase',
    category: 'consistency',
    defaultSeverity: 'warning',
    fixable: true,
    scope: 'paragraph',
    docs: {
      summary: '固定提法有误',
      gloss: 'A near-miss of a fixed phrase the corpus writes consistently',
      why: '',
      example: { bad: '中西结合', good: '中西医结合' },
    },
  },
  checkParagraph(_ctx, _paragraph) {},
};
