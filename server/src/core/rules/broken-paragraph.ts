/**
 * broken-paragraph: A paragraph split mid-sentence by copy-paste.
 * TODO(rule owner): replace this stub with the rule; see docs/rules.md.
 */
import type { Rule } from '../types';

export const brokenParagraph: Rule = {
  meta: {
    id: 'broken-paragraph',
    category: 'structure',
    defaultSeverity: 'warning',
    fixable: true,
    scope: 'document',
    docs: {
      summary: '段落在句中断开',
      gloss: 'A paragraph split mid-sentence by copy-paste',
      why: '',
      example: { bad: '吕柱表\n\n示', good: '吕柱表示' },
    },
  },
  checkDocument(_ctx) {},
};
