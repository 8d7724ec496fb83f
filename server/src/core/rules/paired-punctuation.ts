/**
 * paired-punctuation: Unpaired quotes and brackets within a paragraph.
 * TODO(rule owner): replace this stub with the rule; see docs/rules.md.
 */
import type { Rule } from '../types';

export const pairedPunctuation: Rule = {
  meta: {
    id: 'paired-punctuation',
    category: 'punctuation',
    defaultSeverity: 'warning',
    fixable: true,
    scope: 'document',
    docs: {
      summary: '成对标点不配对',
      gloss: 'Unpaired quotes and brackets within a paragraph',
      why: '',
      example: { bad: '“健康中国', good: '“健康中国”' },
    },
  },
  checkDocument(_ctx) {},
};
