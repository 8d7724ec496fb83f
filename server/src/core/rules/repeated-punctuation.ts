/**
 * repeated-punctuation: A punctuation mark typed twice.
 * TODO(rule owner): replace this stub with the rule; see docs/rules.md.
 */
import type { Rule } from '../types';

export const repeatedPunctuation: Rule = {
  meta: {
    id: 'repeated-punctuation',
    category: 'punctuation',
    defaultSeverity: 'error',
    fixable: true,
    scope: 'paragraph',
    docs: {
      summary: '重复的标点',
      gloss: 'A punctuation mark typed twice',
      why: '',
      example: { bad: '发展，，推动', good: '发展，推动' },
    },
  },
  checkParagraph(_ctx, _paragraph) {},
};
