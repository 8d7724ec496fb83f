/**
 * Broken paragraphs for `broken-paragraph`: a line break plus a blank line inserted
 * between two Han characters in the middle of a sentence (at least six characters
 * from the sentence's start and end), the way a PDF wrap or a column jump breaks one.
 */
import { around, isHan, type Injection, type Injector } from './types';

const SENTENCE_END = /[。！？!?\n]/;

export const brokenParagraphInjector: Injector = {
  family: 'broken-paragraph',
  rule: 'broken-paragraph',
  candidates(ctx) {
    const out: Injection[] = [];
    const { raw, masked, rng } = ctx;
    let sentenceStart = 0;
    for (let i = 0; i < masked.length; i++) {
      if (SENTENCE_END.test(masked[i])) {
        sentenceStart = i + 1;
        continue;
      }
      if (i - sentenceStart < 6 || !isHan(raw[i - 1]) || !isHan(raw[i])) continue;
      const rest = masked.slice(i, i + 7);
      if (rest.length < 7 || SENTENCE_END.test(rest)) continue;
      // Thin the candidates out: one every few characters is plenty.
      if (!rng.chance(0.25)) continue;
      out.push({ family: this.family, rule: this.rule, start: i, end: i, replacement: '\n\n', label: `${around(raw, i, i, 4)} → ${raw.slice(i - 4, i)}⏎⏎${raw.slice(i, i + 4)}` });
    }
    return out;
  },
};
