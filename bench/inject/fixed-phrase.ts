/**
 * Near-misses for `fixed-phrase`: a phrase the learning corpus repeats (a maximal Han
 * n-gram of 4–12 characters seen at least three times in the other seeds, aligned with
 * word boundaries in the held-out text) with one interior character substituted,
 * dropped or added. The variant must occur nowhere in the corpus, and organisation
 * names are left to the name injector.
 */
import { hanPool, type Injection, type Injector } from './types';
import { occurrences, ORGANISATION_SUFFIX, repeatedNgrams } from './ngrams';

export const MIN_PHRASE_COUNT = 3;

export const fixedPhraseInjector: Injector = {
  family: 'phrase-near-miss',
  rule: 'fixed-phrase',
  candidates(ctx) {
    const out: Injection[] = [];
    const { raw, masked, rng, learning } = ctx;
    const phrases = repeatedNgrams(learning, 4, 12, MIN_PHRASE_COUNT);
    const starts = new Set(ctx.tokens.map((t) => t.start));
    const ends = new Set(ctx.tokens.map((t) => t.end));
    const pool = hanPool(raw);
    const exists = (s: string) => raw.includes(s) || learning.some((doc) => doc.includes(s));
    for (const [phrase, count] of [...phrases].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      if (ORGANISATION_SUFFIX.test(phrase)) continue;
      for (const at of occurrences(masked, phrase)) {
        if (!starts.has(at) || !ends.has(at + phrase.length)) continue;
        const variant = nearMiss(phrase, pool, rng);
        if (!variant || exists(variant)) continue;
        const context = raw[at - 1] + variant + raw[at + phrase.length];
        if (/(\p{Script=Han})\1/u.test(context)) continue;
        out.push({
          family: this.family,
          rule: this.rule,
          start: at,
          end: at + phrase.length,
          replacement: variant,
          group: phrase,
          label: `${phrase} (${count}× in the learning corpus) → ${variant}`,
        });
      }
    }
    return out;
  },
};

/** One interior character substituted (most often), dropped or added. */
export function nearMiss(phrase: string, pool: readonly string[], rng: { int(n: number): number; next(): number; pick<T>(x: readonly T[]): T }): string | null {
  const chars = [...phrase];
  if (chars.length < 3 || pool.length === 0) return null;
  const k = 1 + rng.int(chars.length - 2);
  const roll = rng.next();
  if (roll < 0.6) {
    const replacement = rng.pick(pool);
    if (replacement === chars[k]) return null;
    chars[k] = replacement;
  } else if (roll < 0.8) {
    if (chars.length < 5) return null;
    chars.splice(k, 1);
  } else {
    chars.splice(k, 0, rng.pick(pool));
  }
  return chars.join('');
}
