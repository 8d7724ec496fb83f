/**
 * numbering-sequence: Broken enumerations (一是…三对…).
 * TODO(rule owner): replace this stub with the rule; see docs/rules.md.
 */
import type { Rule } from '../types';

export const numberingSequence: Rule = {
  meta: {
    id: 'numbering-sequence',
    category: 'consistency',
    defaultSeverity: 'warning',
    fixable: true,
    scope: 'paragraph',
    docs: {
      summary: '序号不连续或重复',
      gloss: 'Broken enumerations (一是…三对…)',
      why: '',
      example: { bad: '三对', good: '三是对' },
    },
  },
  checkParagraph(_ctx, _paragraph) {},
};
