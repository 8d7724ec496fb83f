/**
 * Wrong characters for `wrong-char`, as they reach a newsroom: a character inside a word
 * replaced by one the input method offers for the same pinyin (80 %) or by a look-alike
 * (20 %), from pycorrector's confusion sets (the same data the rule
 * reads, so the benchmark measures the judgement, not the candidate list).
 *
 * Two families, because they need different evidence: `wrong-char-nonword` leaves a string
 * the dictionary does not know (建设 → 建社); `wrong-char-realword` makes another word
 * (在 → 再 inside a longer phrase is out of reach; here: 制度 → 制渡 when 制渡 were a word).
 * The rule claims only the first today; the second is measured so that its progress shows.
 */
import { confusablesOf } from '../../server/src/core/analysis/similar';
import { CONTEXT_PAIRS, contextPartnersOf } from '../../server/src/core/analysis/context-pairs';
import { around, isHan, type Injection, type Injector } from './types';

/** Words to slip inside: well-attested (the rule's own floor for a candidate) and two to four characters long. */
const MIN_WORD_FREQ = 200;

function pickReplacement(ch: string, rng: { chance(p: number): boolean; pick<T>(items: readonly T[]): T }): string | undefined {
  const all = confusablesOf(ch);
  const sound = all.filter((c) => c.kind !== 'shape');
  const shape = all.filter((c) => c.kind === 'shape');
  const pool = rng.chance(0.8) ? (sound.length ? sound : shape) : shape.length ? shape : sound;
  return pool.length ? rng.pick(pool).char : undefined;
}

function injector(family: 'wrong-char-nonword' | 'wrong-char-realword'): Injector {
  return {
    family,
    rule: 'wrong-char',
    candidates(ctx) {
      const out: Injection[] = [];
      for (const token of ctx.tokens) {
        const word = token.word;
        if (word.length < 2 || word.length > 4 || ctx.lexicon.freq(word) < MIN_WORD_FREQ || /^nr/.test(ctx.lexicon.pos(word) ?? '')) continue;
        const k = ctx.rng.int(word.length);
        const replacement = pickReplacement(word[k], ctx.rng);
        if (!replacement || !isHan(replacement)) continue;
        const variant = word.slice(0, k) + replacement + word.slice(k + 1);
        const isWord = ctx.lexicon.freq(variant) > 0;
        if (isWord !== (family === 'wrong-char-realword')) continue;
        const at = token.start + k;
        out.push({
          family,
          rule: 'wrong-char',
          start: at,
          end: at + 1,
          replacement,
          label: `${around(ctx.raw, token.start, token.end)}: ${word} → ${variant}`,
        });
      }
      return out;
    },
  };
}

export const wrongCharNonWordInjector = injector('wrong-char-nonword');
export const wrongCharRealWordInjector = injector('wrong-char-realword');

/**
 * `wrong-char-context`: a member of one of the context pairs (在/再, 做/作 …, see
 * analysis/context-pairs.ts) swapped in place for its partner wherever it is written,
 * alone (在→再) or inside a word (现在→现再): the swaps the archive's context counts are
 * meant to catch. The injection's group is the pair, so a document gets at most one swap
 * per pair and the report can give recall pair by pair.
 */
export const wrongCharContextInjector: Injector = {
  family: 'wrong-char-context',
  rule: 'wrong-char',
  reportByGroup: true,
  candidates(ctx) {
    const out: Injection[] = [];
    for (const token of ctx.tokens) {
      for (let at = token.start; at < token.end; at++) {
        const written = ctx.masked[at];
        const partners = contextPartnersOf(written);
        if (!partners) continue;
        const replacement = partners[ctx.rng.int(partners.length)];
        const pair = CONTEXT_PAIRS.find((p) => p.includes(written) && p.includes(replacement))!;
        out.push({
          family: 'wrong-char-context',
          rule: 'wrong-char',
          start: at,
          end: at + 1,
          replacement,
          group: pair,
          label: `${around(ctx.raw, at, at + 1)}: ${written} → ${replacement} (${token.word.length === 1 ? 'alone' : 'in a word'})`,
        });
      }
    }
    return out;
  },
};
