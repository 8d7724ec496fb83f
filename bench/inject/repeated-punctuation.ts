/**
 * Repeated marks for `repeated-punctuation`: a full-width ，。、；：？！ in Chinese
 * context typed twice (，，). Never an ellipsis or a dash, whose doubling is the norm.
 */
import { around, isHan, type Injection, type Injector } from './types';

const MARKS = new Set([...'，。、；：？！']);

export const repeatedPunctuationInjector: Injector = {
  family: 'repeated-punct',
  rule: 'repeated-punctuation',
  candidates(ctx) {
    const out: Injection[] = [];
    const { raw, masked } = ctx;
    for (let i = 1; i < masked.length; i++) {
      const ch = masked[i];
      if (!MARKS.has(ch) || !isHan(raw[i - 1]) || raw[i + 1] === ch) continue;
      out.push({ family: this.family, rule: this.rule, start: i, end: i + 1, replacement: ch + ch, label: `${around(raw, i, i + 1, 3)} → ${ch}${ch}` });
    }
    return out;
  },
};
