/**
 * Broken enumerations for `numbering-sequence`: in a paragraph that counts its points
 * 一是…二是…三是…, the 是 of one later item is dropped (三对长期…, the defect seed
 * 004 really contains). The first item is never touched, so the sequence stays anchored.
 */
import { isHan, type Injection, type Injector } from './types';

const ORDINALS = '一二三四五六七八九十';

export const numberingSequenceInjector: Injector = {
  family: 'numbering',
  rule: 'numbering-sequence',
  candidates(ctx) {
    const out: Injection[] = [];
    const { raw, masked } = ctx;
    for (let first = masked.indexOf('一是'); first >= 0; first = masked.indexOf('一是', first + 2)) {
      if (isHan(masked[first - 1])) continue; // 统一是, 唯一是: not an enumeration
      let end = masked.indexOf('\n\n', first);
      if (end < 0) end = masked.length;
      const next = masked.indexOf('一是', first + 2);
      if (next >= 0 && next < end) end = next; // a new enumeration starts
      let from = first + 2;
      for (let k = 1; k < ORDINALS.length; k++) {
        const at = masked.indexOf(ORDINALS[k] + '是', from);
        if (at < 0 || at >= end || isHan(masked[at - 1])) break;
        const offset = at + 1;
        out.push({
          family: this.family,
          rule: this.rule,
          start: offset,
          end: offset + 1,
          replacement: '',
          also: [[at, at + 1]],
          group: `${first}`,
          label: `${raw.slice(at, at + 6)} → ${raw[at]}${raw.slice(offset + 1, offset + 6)}`,
        });
        from = at + 2;
      }
    }
    return out;
  },
};
