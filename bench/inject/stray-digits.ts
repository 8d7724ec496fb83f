/**
 * Stray digits for `stray-digits`: a digit or two dropped inside a word (医7疗), and a
 * PDF page marker `N / M` left in the middle of a sentence, inline or on its own
 * paragraph as in seed 004. Digits are never put next to a measure word or numeral
 * context (7个人 would be a real quantity).
 */
import { around, isHan, NUMERIC_CONTEXT, type Injection, type Injector } from './types';

const NUMBER_WORDS = new Set([...'一二三四五六七八九十百千万亿两零〇第约近达超共逾余每']);

export const strayDigitInjector: Injector = {
  family: 'stray-digit',
  rule: 'stray-digits',
  candidates(ctx) {
    const out: Injection[] = [];
    const { tokens, rng } = ctx;
    for (const t of tokens) {
      if (t.word.length < 2 || !t.known || ![...t.word].every(isHan)) continue;
      const k = 1 + rng.int(t.word.length - 1);
      const left = t.word[k - 1];
      const right = t.word[k];
      if (NUMERIC_CONTEXT.has(left) || NUMERIC_CONTEXT.has(right) || NUMBER_WORDS.has(left) || NUMBER_WORDS.has(right)) continue;
      const digits = String(1 + rng.int(9)) + (rng.chance(0.3) ? String(rng.int(10)) : '');
      out.push({
        family: this.family,
        rule: this.rule,
        start: t.start + k,
        end: t.start + k,
        replacement: digits,
        label: `${t.word} → ${t.word.slice(0, k)}${digits}${t.word.slice(k)}`,
      });
    }
    return out;
  },
};

export const pageMarkerInjector: Injector = {
  family: 'page-marker',
  rule: 'stray-digits',
  candidates(ctx) {
    const out: Injection[] = [];
    const { raw, masked, rng } = ctx;
    const pages = 20 + rng.int(100);
    // Between two Han characters with at least four more Han characters on each side.
    for (const m of masked.matchAll(/[\u3400-\u9fff]{5,}/g)) {
      const run = m[0];
      for (let k = 5; k <= run.length - 5; k += 7) {
        const at = m.index! + k;
        const page = String(1 + rng.int(pages));
        const marker = `${page} / ${pages}`;
        const ownParagraph = rng.chance(0.5);
        const replacement = ownParagraph ? `\n\n${marker}\n\n` : marker;
        out.push({
          family: this.family,
          rule: this.rule,
          start: at,
          end: at,
          replacement,
          label: `${around(raw, at, at, 3)} → ${raw.slice(at - 3, at)}${replacement.replace(/\n/g, '⏎')}${raw.slice(at, at + 3)}`,
        });
      }
    }
    return out;
  },
};
