/**
 * Unpaired marks for `paired-punctuation`: one side of a short “…” （…） 《…》 ‘…’ 【…】
 * pair deleted. Both the deletion point and the orphaned partner count as the defect's
 * location, since a rule may reasonably point at either.
 */
import type { Injection, Injector } from './types';

const PAIRS: Array<[string, string]> = [
  ['“', '”'],
  ['（', '）'],
  ['《', '》'],
  ['‘', '’'],
  ['【', '】'],
];

export const pairedPunctuationInjector: Injector = {
  family: 'unpaired',
  rule: 'paired-punctuation',
  candidates(ctx) {
    const out: Injection[] = [];
    const { raw, masked, rng } = ctx;
    for (const [open, close] of PAIRS) {
      for (let i = masked.indexOf(open); i >= 0; i = masked.indexOf(open, i + 1)) {
        const j = masked.indexOf(close, i + 1);
        if (j < 0 || j - i > 30) continue;
        const inner = masked.slice(i + 1, j);
        if (inner.includes('\n') || inner.includes(open) || inner.length === 0) continue;
        const dropOpen = rng.chance(0.5);
        const [gone, kept] = dropOpen ? [i, j] : [j, i];
        out.push({
          family: this.family,
          rule: this.rule,
          start: gone,
          end: gone + 1,
          replacement: '',
          also: [[kept, kept + 1]],
          label: `${raw.slice(i, j + 1)} → ${dropOpen ? raw.slice(i + 1, j + 1) : raw.slice(i, j)}`,
        });
      }
    }
    return out;
  },
};
