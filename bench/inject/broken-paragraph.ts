/**
 * Broken paragraphs for `broken-paragraph`: a sentence cut in two the way a PDF wrap,
 * a narrow column or a careless paste cuts it. Every kind the rule must find:
 *
 * - where: inside a word (建 / 设, 改 / 革, 负责人表 / 示) or between two words of a
 *   sentence, at least six characters from the sentence's start and end, with no
 *   clause mark next to the cut (a cut after a comma is the easy case);
 * - how: across a blank line (a new paragraph in a draft) or a single line break
 *   (one paragraph a line, as exported copy and this corpus write it).
 *
 * Each candidate is one family (where) and one separator, drawn at random so both
 * separators are measured; the label says which (⏎ or ⏎⏎).
 */
import { around, isHan, type InjectContext, type Injection, type Injector } from './types';

const SENTENCE_END = /[。！？!?\n]/;
/** Characters kept between the cut and the sentence's start or end. */
const MARGIN = 6;

type Where = 'word' | 'between';

/** Offsets inside the masked text where a cut leaves a sentence unfinished on both sides. */
function midSentence(ctx: InjectContext, i: number): boolean {
  const { raw, masked } = ctx;
  if (!isHan(raw[i - 1]) || !isHan(raw[i])) return false;
  const before = masked.slice(Math.max(0, i - MARGIN), i);
  const after = masked.slice(i, i + MARGIN + 1);
  return before.length === MARGIN && after.length === MARGIN + 1 && !SENTENCE_END.test(before) && !SENTENCE_END.test(after);
}

function injector(family: string, where: Where): Injector {
  return {
    family,
    rule: 'broken-paragraph',
    candidates(ctx) {
      const out: Injection[] = [];
      const { raw, tokens, rng } = ctx;
      for (let k = 0; k < tokens.length; k++) {
        const t = tokens[k];
        let at: number;
        if (where === 'word') {
          if (t.word.length < 2 || !t.known) continue;
          at = t.start + 1 + rng.int(t.word.length - 1);
        } else {
          const next = tokens[k + 1];
          if (!next || next.start !== t.end) continue;
          at = t.end;
        }
        if (!midSentence(ctx, at)) continue;
        // Thin the candidates out: one every few words is plenty.
        if (!rng.chance(0.3)) continue;
        const separator = rng.chance(0.5) ? '\n\n' : '\n';
        out.push({
          family,
          rule: 'broken-paragraph',
          start: at,
          end: at,
          replacement: separator,
          label: `${around(raw, at, at, 4)} → ${raw.slice(at - 4, at)}${separator.replace(/\n/g, '⏎')}${raw.slice(at, at + 4)}`,
        });
      }
      return out;
    },
  };
}

/** A cut inside a word (建 / 设). */
export const brokenWordInjector = injector('broken-in-word', 'word');
/** A cut between two words of one sentence (推动 / 高质量发展). */
export const brokenSentenceInjector = injector('broken-paragraph', 'between');
