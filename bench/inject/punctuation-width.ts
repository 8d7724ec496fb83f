/**
 * Half-width punctuation for `punctuation-width`: a full-width ，：；？！ in Chinese
 * context replaced by its ASCII form, or both brackets of a （…） pair replaced by ( ).
 * Colons between digits (8：30) are left alone: "8:30" is a legitimate time.
 */
import { around, isDigit, isHan, type Injection, type Injector } from './types';

const ASCII: Record<string, string> = { '，': ',', '：': ':', '；': ';', '？': '?', '！': '!' };
const OPENERS = new Set([...'“‘（《【']);
const CLOSERS = new Set([...'”’）》】']);

const chineseBefore = (ch: string | undefined) => isHan(ch) || CLOSERS.has(ch ?? '');
const chineseAfter = (ch: string | undefined) => isHan(ch) || OPENERS.has(ch ?? '');

export const punctuationWidthInjector: Injector = {
  family: 'half-width',
  rule: 'punctuation-width',
  candidates(ctx) {
    const out: Injection[] = [];
    const { raw, masked } = ctx;
    for (let i = 1; i < masked.length - 1; i++) {
      const ch = masked[i];
      const ascii = ASCII[ch];
      if (ascii) {
        const before = raw[i - 1];
        const after = raw[i + 1];
        if (!chineseBefore(before)) continue;
        if ((ch === '，' || ch === '：' || ch === '；') && !chineseAfter(after)) continue;
        if (isDigit(before) || isDigit(after)) continue;
        out.push({ family: this.family, rule: this.rule, start: i, end: i + 1, replacement: ascii, label: `${around(raw, i, i + 1, 3)} → ${ascii}` });
      } else if (ch === '（') {
        const close = masked.indexOf('）', i);
        if (close < 0 || close - i > 40 || masked.slice(i + 1, close).search(/[（\n]/) >= 0) continue;
        if (!isHan(raw[i - 1]) && !isHan(raw[i + 1])) continue;
        out.push({
          family: this.family,
          rule: this.rule,
          start: i,
          end: i + 1,
          replacement: '(',
          more: [{ start: close, end: close + 1, replacement: ')' }],
          label: `${raw.slice(i, close + 1)} → (${raw.slice(i + 1, close)})`,
        });
      }
    }
    return out;
  },
};

/**
 * Straight quotes for `punctuation-width`: both marks of a short “…” or ‘…’ pair on one
 * line typed with the English keyboard's " or ', as drafts typed in an English input
 * mode have them.
 */
export const straightQuoteInjector: Injector = {
  family: 'straight-quote',
  rule: 'punctuation-width',
  candidates(ctx) {
    const out: Injection[] = [];
    const { raw, masked } = ctx;
    for (const [open, close, straight] of [
      ['“', '”', '"'],
      ['‘', '’', "'"],
    ]) {
      for (let i = masked.indexOf(open); i >= 0; i = masked.indexOf(open, i + 1)) {
        const j = masked.indexOf(close, i + 1);
        if (j < 0 || j - i > 40) continue;
        const inner = masked.slice(i + 1, j);
        if (inner.length === 0 || /[\n“”‘’"']/.test(inner)) continue;
        out.push({
          family: this.family,
          rule: this.rule,
          start: i,
          end: i + 1,
          replacement: straight,
          more: [{ start: j, end: j + 1, replacement: straight }],
          label: `${raw.slice(i, j + 1)} → ${straight}${raw.slice(i + 1, j)}${straight}`,
        });
      }
    }
    return out;
  },
};
