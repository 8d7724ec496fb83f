/**
 * cjk-spacing: Spaces between Chinese and digits/Latin against the house style.
 * TODO(rule owner): replace this stub with the rule; see docs/rules.md.
 */
import type { Rule } from '../types';

export const cjkSpacing: Rule = {
  meta: {
    id: 'cjk-spacing',
    category: 'spacing',
    defaultSeverity: 'warning',
    fixable: true,
    scope: 'paragraph',
    docs: {
      summary: '中文与数字、字母之间的多余空格',
      gloss: 'Spaces between Chinese and digits/Latin against the house style',
      why: '',
      example: { bad: '做好 4个方面', good: '做好4个方面' },
    },
  },
  checkParagraph(_ctx, _paragraph) {},
};
