/**
 * duplicate-word: A word or character typed twice.
 * TODO(rule owner): replace this stub with the rule; see docs/rules.md.
 */
import type { Rule } from '../types';

export const duplicateWord: Rule = {
  meta: {
    id: 'duplicate-word',
    category: 'duplication',
    defaultSeverity: 'error',
    fixable: true,
    scope: 'paragraph',
    docs: {
      summary: '重复的字词',
      gloss: 'A word or character typed twice',
      why: '',
      example: { bad: '为为抓手', good: '为抓手' },
    },
  },
  checkParagraph(_ctx, _paragraph) {},
};
