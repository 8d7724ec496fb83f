/**
 * Traditional characters for `traditional-char`: a word converted with opencc-js
 * (cn → t) where that changes it, the conversion round-trips, and every changed
 * character converts the same way on its own (so 头发 → 頭髮 is skipped: 发 alone
 * gives 發, the mapping is ambiguous and a rule could not be expected to know).
 */
import * as OpenCC from 'opencc-js';
import { isHan, type Injection, type Injector } from './types';

const toTraditional = OpenCC.Converter({ from: 'cn', to: 't' });
const toSimplified = OpenCC.Converter({ from: 't', to: 'cn' });

export const traditionalCharInjector: Injector = {
  family: 'traditional',
  rule: 'traditional-char',
  candidates(ctx) {
    const out: Injection[] = [];
    for (const t of ctx.tokens) {
      if (t.word.length < 2 || !t.known || ![...t.word].every(isHan)) continue;
      const traditional = toTraditional(t.word);
      if (traditional === t.word || traditional.length !== t.word.length) continue;
      if (toSimplified(traditional) !== t.word) continue;
      if ([...t.word].map((ch) => toTraditional(ch)).join('') !== traditional) continue;
      out.push({ family: this.family, rule: this.rule, start: t.start, end: t.end, replacement: traditional, label: `${t.word} → ${traditional}` });
    }
    return out;
  },
};
