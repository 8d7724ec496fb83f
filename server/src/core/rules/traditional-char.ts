/**
 * traditional-char: Traditional characters in a Simplified draft.
 * TODO(rule owner): replace this stub with the rule; see docs/rules.md.
 */
import type { Rule } from '../types';

export const traditionalChar: Rule = {
  meta: {
    id: 'traditional-char',
    category: 'characters',
    defaultSeverity: 'warning',
    fixable: true,
    scope: 'paragraph',
    docs: {
      summary: '简体稿中的繁体字',
      gloss: 'Traditional characters in a Simplified draft',
      why: '',
      example: { bad: '醫院', good: '医院' },
    },
  },
  checkParagraph(_ctx, _paragraph) {},
};
