/**
 * Duplications for `duplicate-word`, at every position a typist doubles: the first
 * character of a word (提提高), a middle character (研究究生), the last character
 * (年度度考核), and a whole word of one to four characters (为为, 政策政策,
 * 现代化现代化). The word positions come from the segmenter over the lexicon, so
 * every word of the text is a candidate, whatever its part of speech.
 *
 * A doubling that leaves legitimate Chinese is no defect and is not injected: the
 * doubled span is itself a dictionary word (看看, 常常), a measure word after a
 * numeral (一个个), verb reduplication in a tentative context (要研究研究), or the
 * two copies read as two dictionary words meeting (工作|作者, 外交部|部长,
 * 机会|会). "Dictionary word" means a lexicon frequency of at least
 * LEXICON_WORD_FREQ, the rule's own floor for a word the lexicon really knows.
 */
import { around, isHan, NUMERIC_CONTEXT, type InjectContext, type Injection, type Injector } from './types';

const NUMERALS = new Set([...'一二三四五六七八九十百千万亿两零〇第几半']);
/** Below this frequency jieba's dictionary carries noise entries (度度 3, 局局长 3). */
const LEXICON_WORD_FREQ = 10;
/** Parts of speech of one-character function words: a second copy of one reads on (机会|会, 目的|的确). */
const FUNCTION_POS = /^(p|c|u[a-z]*|d|r|y|e|o)$/;
/** One-character auxiliaries and copulas, which jieba tags v. */
const AUXILIARIES = new Set([...'会能要将可是有在为把被让使得']);
/** Words before a verb that make its reduplication tentative (要研究研究). */
const TENTATIVE_BEFORE = new Set(['要', '得', '应', '应该', '需要', '来', '去', '再', '先', '请', '让', '也', '都', '就', '可以', '想', '好好', '不妨']);

function allHan(word: string): boolean {
  for (const ch of word) if (!isHan(ch)) return false;
  return true;
}

/** A dictionary word longer than `than` characters ends at `end` in text (外交 + 部 | 部长). */
function wordEndsAt(ctx: InjectContext, text: string, end: number, than: number): boolean {
  for (let len = than + 1; len <= Math.min(8, end); len++) {
    const w = text.slice(end - len, end);
    if (allHan(w) && ctx.lexicon.has(w, LEXICON_WORD_FREQ)) return true;
  }
  return false;
}

/** A dictionary word longer than `than` characters starts at `start` in text (部 + 长). */
function wordStartsAt(ctx: InjectContext, text: string, start: number, than: number): boolean {
  for (let len = than + 1; len <= Math.min(8, text.length - start); len++) {
    const w = text.slice(start, start + len);
    if (allHan(w) && ctx.lexicon.has(w, LEXICON_WORD_FREQ)) return true;
  }
  return false;
}

function isFunctionChar(ctx: InjectContext, ch: string): boolean {
  return AUXILIARIES.has(ch) || FUNCTION_POS.test(ctx.lexicon.pos(ch) ?? '');
}

/**
 * Inserts `copy` at `at`, where it doubles the copy on its left (`doublesLeft`) or on
 * its right, and says whether the result is a defect worth injecting: Han on both
 * sides, no third copy, no numeral, and no legitimate reading. Returns false for
 * doublings that stay legitimate Chinese: the doubled span a dictionary word, a
 * measure word after a numeral, or the two copies reading as two dictionary words
 * meeting (the first copy ends a word with what precedes it, the second starts one
 * with what follows, or is a function word on its own).
 */
function admissible(ctx: InjectContext, at: number, copy: string, doublesLeft: boolean): boolean {
  const { raw, lexicon } = ctx;
  const n = copy.length;
  const text = raw.slice(0, at) + copy + raw.slice(at);
  const middle = doublesLeft ? at : at + n;
  const start = middle - n;
  const end = middle + n;
  if (!isHan(text[start - 1]) || !isHan(text[end])) return false;
  if (text.slice(start - n, start) === copy || text.startsWith(copy, end)) return false;
  for (const ch of copy) if (NUMERALS.has(ch)) return false;
  if (lexicon.has(copy + copy)) return false;
  // A copy of one character after a numeral is a measure word doubled (一个个, 三年年底).
  if (n === 1 && (NUMERALS.has(text[start - 1]) || /[0-9０-９]/.test(text[start - 1]))) return false;
  const leftAttached = wordEndsAt(ctx, text, middle, n);
  const rightAttached = wordStartsAt(ctx, text, middle, n) || (n === 1 && isFunctionChar(ctx, copy));
  return !(leftAttached && rightAttached);
}

function injection(family: string, at: number, copy: string, label: string): Injection {
  return { family, rule: 'duplicate-word', start: at, end: at, replacement: copy, label };
}

/** 提高 → 提提高: the first character of a word of two or more characters. */
export const duplicateFirstInjector: Injector = {
  family: 'duplicate-first',
  rule: 'duplicate-word',
  candidates(ctx) {
    const out: Injection[] = [];
    for (const t of ctx.tokens) {
      if (t.word.length < 2 || !t.known || !allHan(t.word)) continue;
      const copy = t.word[0];
      if (!admissible(ctx, t.start, copy, false)) continue;
      out.push(injection(this.family, t.start, copy, `${around(ctx.raw, t.start, t.end, 2)} → ${copy}${t.word}`));
    }
    return out;
  },
};

/** 研究生 → 研究究生: a character inside a word of three or more characters. */
export const duplicateMiddleInjector: Injector = {
  family: 'duplicate-middle',
  rule: 'duplicate-word',
  candidates(ctx) {
    const out: Injection[] = [];
    for (const t of ctx.tokens) {
      if (t.word.length < 3 || !t.known || !allHan(t.word)) continue;
      for (let k = 1; k < t.word.length - 1; k++) {
        const copy = t.word[k];
        const at = t.start + k + 1;
        if (!admissible(ctx, at, copy, true)) continue;
        out.push(injection(this.family, at, copy, `${t.word} → ${t.word.slice(0, k + 1)}${copy}${t.word.slice(k + 1)}`));
      }
    }
    return out;
  },
};

/** 年度 → 年度度: the last character of a word of two or more characters. */
export const duplicateLastInjector: Injector = {
  family: 'duplicate-last',
  rule: 'duplicate-word',
  candidates(ctx) {
    const out: Injection[] = [];
    for (const t of ctx.tokens) {
      if (t.word.length < 2 || !t.known || !allHan(t.word)) continue;
      const copy = t.word[t.word.length - 1];
      if (!admissible(ctx, t.end, copy, true)) continue;
      out.push(injection(this.family, t.end, copy, `${around(ctx.raw, t.start, t.end, 2)} → ${t.word}${copy}`));
    }
    return out;
  },
};

/** 为 → 为为, 政策 → 政策政策: a whole word of `length` characters. */
function wholeWordInjector(length: number): Injector {
  return {
    family: `duplicate-whole-${length}`,
    rule: 'duplicate-word',
    candidates(ctx) {
      const out: Injection[] = [];
      const { tokens, raw, lexicon } = ctx;
      for (let i = 0; i < tokens.length; i++) {
        const t = tokens[i];
        if (t.word.length !== length || !t.known || !allHan(t.word)) continue;
        if (!admissible(ctx, t.end, t.word, true)) continue;
        // 一件 → 一件一件 is grammar, and so is a tentative verb (要研究研究, 研究研究吧).
        const pos = lexicon.pos(t.word) ?? '';
        if (length >= 2 && pos.startsWith('v')) {
          const previous = tokens[i - 1];
          const tentativeBefore = previous !== undefined && previous.end === t.start && TENTATIVE_BEFORE.has(previous.word);
          const tail = raw.slice(t.end, t.end + 2);
          if (tentativeBefore || !isHan(raw[t.end]) || tail.startsWith('吧') || tail === '一下') continue;
        }
        // A measure word standing alone doubles to mean "every" (张张, 层层).
        if (length === 1 && NUMERIC_CONTEXT.has(t.word)) continue;
        out.push(injection(this.family, t.end, t.word, `${around(raw, t.start, t.end, 2)} → ${t.word}${t.word}`));
      }
      return out;
    },
  };
}

export const duplicateWholeInjectors: readonly Injector[] = [1, 2, 3, 4].map(wholeWordInjector);
export const DUPLICATE_WORD_INJECTORS: readonly Injector[] = [
  duplicateFirstInjector,
  duplicateMiddleInjector,
  duplicateLastInjector,
  ...duplicateWholeInjectors,
];
