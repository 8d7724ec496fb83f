/**
 * Duplications for `duplicate-word`: a whole word doubled (卫生卫生), a one-character
 * word doubled (为为抓手), and the edge character of a word doubled at a word boundary
 * (年度度纠风, 创新新发展). Skips doublings that could be legitimate: lexicon AA words
 * (谢谢, 常常), verb reduplication (研究研究), numerals (十五五) and measure words (年年底).
 */
import { around, isHan, NUMERIC_CONTEXT, type InjectContext, type Injection, type Injector } from './types';

const NUMERALS = new Set([...'一二三四五六七八九十百千万亿两零〇第']);
/** Function words and common verbs (为, 在, 将, 是): doubling one is never a name like 赵斌斌. */
const FUNCTION_POS = /^(p|c|u|d|v)$/;
/** Noun-like parts of speech: doubling a noun is never a reduplication. */
const NOUN_POS = /^(n|nz|ns|nt|vn)$/;

function doubledIsWord(ctx: InjectContext, ch: string): boolean {
  return ctx.lexicon.has(ch + ch);
}

function allHan(word: string): boolean {
  return [...word].every(isHan);
}

export const duplicateWordInjector: Injector = {
  family: 'duplicate-word',
  rule: 'duplicate-word',
  candidates(ctx) {
    const out: Injection[] = [];
    const { tokens, raw } = ctx;
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i];
      if (t.word.length < 2 || t.word.length > 4 || !t.known || !allHan(t.word)) continue;
      if (!NOUN_POS.test(ctx.lexicon.pos(t.word) ?? '') || ctx.lexicon.freq(t.word) < 50) continue;
      if (raw.startsWith(t.word, t.end) || raw.slice(t.start - t.word.length, t.start) === t.word) continue;
      if (ctx.lexicon.has(t.word + t.word)) continue;
      out.push({
        family: this.family,
        rule: this.rule,
        start: t.end,
        end: t.end,
        replacement: t.word,
        label: `${around(raw, t.start, t.end, 2)} → ${t.word}${t.word}`,
      });
    }
    return out;
  },
};

export const duplicateCharInjector: Injector = {
  family: 'duplicate-char',
  rule: 'duplicate-word',
  candidates(ctx) {
    const out: Injection[] = [];
    const { tokens, raw } = ctx;
    for (let i = 1; i < tokens.length - 1; i++) {
      const t = tokens[i];
      const ch = t.word;
      if (ch.length !== 1 || !t.known || !isHan(ch) || NUMERALS.has(ch) || NUMERIC_CONTEXT.has(ch)) continue;
      if (raw[t.start - 1] === ch || raw[t.end] === ch || doubledIsWord(ctx, ch)) continue;
      if (!FUNCTION_POS.test(ctx.lexicon.pos(ch) ?? '') || ctx.lexicon.freq(ch) < 20_000) continue;
      // Function words and verbs of one character (为, 在, 将, 把, 对, 是…): the 为为抓手 case.
      if (!isHan(raw[t.start - 1]) || !isHan(raw[t.end])) continue;
      out.push({
        family: this.family,
        rule: this.rule,
        start: t.end,
        end: t.end,
        replacement: ch,
        label: `${around(raw, t.start, t.end, 3)} → ${ch}${ch}`,
      });
    }
    return out;
  },
};

export const duplicateEdgeInjector: Injector = {
  family: 'duplicate-edge',
  rule: 'duplicate-word',
  candidates(ctx) {
    const out: Injection[] = [];
    const { tokens, raw, lexicon } = ctx;
    for (let i = 0; i < tokens.length - 1; i++) {
      const a = tokens[i];
      const b = tokens[i + 1];
      if (a.end !== b.start || a.word.length < 2 || !a.known || !b.known || !allHan(a.word) || !allHan(b.word)) continue;
      const ch = a.word[a.word.length - 1];
      if (NUMERALS.has(ch) || NUMERIC_CONTEXT.has(ch) || b.word.startsWith(ch) || doubledIsWord(ctx, ch)) continue;
      // When the doubled character also starts a word with what follows (创新|新发展), the
      // result reads as two words; it is a defect only if the undoubled form is a known
      // collocation, so demand that the learning corpus writes it at least twice.
      const following = ch + raw.slice(b.start, b.start + 6);
      const formsWord = lexicon.wordsStartingAt(following, 0, 5).some((len) => len >= 2);
      if (formsWord) {
        const collocation = a.word + b.word;
        const seen = ctx.learning.reduce((n, doc) => n + countOf(doc, collocation), 0);
        if (seen < 2) continue;
      }
      out.push({
        family: this.family,
        rule: this.rule,
        start: a.end,
        end: a.end,
        replacement: ch,
        label: `${a.word}${b.word} → ${a.word}${ch}${b.word}`,
      });
    }
    return out;
  },
};

function countOf(text: string, needle: string): number {
  let n = 0;
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length)) n++;
  return n;
}
