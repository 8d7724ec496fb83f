/**
 * stray-digits: Page markers, line numbers and digits left inside words by layout.
 * TODO(rule owner): replace this stub with the rule; see docs/rules.md.
 */
import type { Rule } from '../types';

export const strayDigits: Rule = {
  meta: {
    id: 'stray-digits',
    category: 'digits',
    defaultSeverity: 'warning',
    fixable: true,
    scope: 'paragraph',
    docs: {
      summary: '排版遗留的页码、行号或夹在词中的数字',
      gloss: 'Page markers, line numbers and digits left inside words by layout',
      why: '',
      example: { bad: '医7疗', good: '医疗' },
    },
  },
  checkParagraph(_ctx, _paragraph) {},
};
