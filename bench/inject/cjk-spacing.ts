/**
 * Chinese–digit spacing for `cjk-spacing`: a space inserted between a Han character
 * and an adjacent ASCII digit (2026 年, 第 4 版), against the newspaper style of no
 * space there.
 */
import { isDigit, isHan, type Injection, type Injector } from './types';

export const cjkSpacingInjector: Injector = {
  family: 'cjk-digit-space',
  rule: 'cjk-spacing',
  candidates(ctx) {
    const out: Injection[] = [];
    const { raw, masked } = ctx;
    for (let i = 1; i < masked.length; i++) {
      const a = masked[i - 1];
      const b = masked[i];
      if (!((isHan(a) && isDigit(b)) || (isDigit(a) && isHan(b)))) continue;
      out.push({
        family: this.family,
        rule: this.rule,
        start: i,
        end: i,
        replacement: ' ',
        label: `${raw.slice(i - 3, i)}${raw.slice(i, i + 3)} → ${raw.slice(i - 3, i)} ${raw.slice(i, i + 3)}`,
      });
    }
    return out;
  },
};
