/**
 * punctuation-width: Half-width punctuation in Chinese text.
 * TODO(rule owner): replace this stub with the rule; see docs/rules.md.
 */
import type { Rule } from '../types';

export const punctuationWidth: Rule = {
  meta: {
    id: 'punctuation-width',
    category: 'punctuation',
    defaultSeverity: 'warning',
    fixable: true,
    scope: 'paragraph',
    docs: {
      summary: '中文语境中的半角标点',
      gloss: 'Half-width punctuation in Chinese text',
      why: '',
      example: { bad: '稳中求进,擘画', good: '稳中求进，擘画' },
    },
  },
  checkParagraph(_ctx, _paragraph) {},
};
