/**
 * Near-misses for `fixed-phrase`: a phrase the model being benchmarked knows (learned
 * from the other documents, or curated; a learned one recurs at least MIN_PHRASE_COUNT
 * times), found in the held-out text at word boundaries, with one character
 * substituted, dropped or added — anywhere, its first and last characters included.
 * The variant must occur nowhere in the text or the learning corpus (it would be
 * usage, not a slip), and organisation names are left to the name injector.
 */
import type { LearnedModel } from '../../server/src/core';
import { hanPool, type Injection, type Injector } from './types';
import { ORGANISATION_SUFFIX } from './ngrams';

export const MIN_PHRASE_COUNT = 3;
/** Phrase lengths the injector perturbs: the rule's shortest target up to a long formulation. */
const MIN_LENGTH = 4;
const MAX_LENGTH = 12;

const knownCache = new WeakMap<LearnedModel, Map<string, number>>();

/** The model's phrases worth perturbing, with their counts. */
function knownPhrases(model: LearnedModel): Map<string, number> {
  let known = knownCache.get(model);
  if (!known) {
    known = new Map();
    for (const entry of model.phrases.phrases) {
      const length = entry.phrase.length;
      if (length < MIN_LENGTH || length > MAX_LENGTH || ORGANISATION_SUFFIX.test(entry.phrase)) continue;
      if (entry.source === 'corpus' && entry.count < MIN_PHRASE_COUNT) continue;
      known.set(entry.phrase, entry.count);
    }
    knownCache.set(model, known);
  }
  return known;
}

export const fixedPhraseInjector: Injector = {
  family: 'phrase-near-miss',
  rule: 'fixed-phrase',
  candidates(ctx) {
    const out: Injection[] = [];
    const { raw, masked, rng, learning } = ctx;
    const known = knownPhrases(ctx.model);
    if (known.size === 0) return out;
    const starts = new Set(ctx.tokens.map((t) => t.start));
    const ends = new Set(ctx.tokens.map((t) => t.end));
    const pool = hanPool(raw);
    const exists = (s: string) => raw.includes(s) || learning.some((doc) => doc.includes(s));
    // Every known phrase written in the text at word boundaries, longest first at each start.
    const sites: Array<[number, string]> = [];
    for (const run of masked.matchAll(/[\u3400-\u9fff]+/g)) {
      const base = run.index!;
      for (let i = 0; i < run[0].length; i++) {
        if (!starts.has(base + i)) continue;
        for (let length = Math.min(MAX_LENGTH, run[0].length - i); length >= MIN_LENGTH; length--) {
          const phrase = run[0].slice(i, i + length);
          if (known.has(phrase) && ends.has(base + i + length)) {
            sites.push([base + i, phrase]);
            break;
          }
        }
      }
    }
    for (const [at, phrase] of sites) {
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
        label: `${phrase} (${known.get(phrase)}× in the model) → ${variant}`,
      });
    }
    return out;
  },
};

/** One character substituted (most often) or dropped anywhere, or one added inside. */
export function nearMiss(phrase: string, pool: readonly string[], rng: { int(n: number): number; next(): number; pick<T>(x: readonly T[]): T }): string | null {
  const chars = [...phrase];
  if (chars.length < 3 || pool.length === 0) return null;
  const roll = rng.next();
  if (roll < 0.6) {
    const k = rng.int(chars.length);
    const replacement = rng.pick(pool);
    if (replacement === chars[k]) return null;
    chars[k] = replacement;
  } else if (roll < 0.8) {
    if (chars.length < 5) return null;
    chars.splice(rng.int(chars.length), 1);
  } else {
    chars.splice(1 + rng.int(chars.length - 1), 0, rng.pick(pool));
  }
  return chars.join('');
}
