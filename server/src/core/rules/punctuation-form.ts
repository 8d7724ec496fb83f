/**
 * punctuation-form: Dash and ellipsis forms (GB/T 15834).
 * TODO(rule owner): replace this stub with the rule; see docs/rules.md.
 */
import type { Rule } from '../types';

export const punctuationForm: Rule = {
  meta: {
    id: 'punctuation-form',
    category: 'punctuation',
    defaultSeverity: 'warning',
    fixable: true,
    scope: 'paragraph',
    docs: {
      summary: '破折号、省略号形式不规范',
      gloss: 'Dash and ellipsis forms (GB/T 15834)',
      why: '',
      example: { bad: '侧记—标题', good: '侧记——标题' },
    },
  },
  checkParagraph(_ctx, _paragraph) {},
};
