/**
 * The lexicon tier of wrong-char: a non-word slip. When a character of a word is mistyped
 * for a look-alike or a same-sounding one (建设 → 建社), the dictionary no longer finds the
 * word: the segmenter leaves the two characters as stray single tokens. A confusable that
 * restores a well-attested dictionary word, and makes the window read far likelier, is the
 * suspected intended character.
 *
 * Cost matters (the rule runs on every keystroke): most text is never segmented here. A
 * pair of adjacent characters is first tested against a per-character index — is the pair
 * one confusion away from a frequent two-character word, and not a word itself? — built
 * from the lexicon once per character the linter meets; only the few pairs that pass are
 * segmented and scored.
 *
 * Deliberately left alone: real-word swaps (在/再: both spellings are words; they need
 * context statistics), runs of rare single characters (names, transliterations), a person
 * name after a surname, and anything the house dictionary allows.
 */
import type { Lexicon } from '../../lexicon';
import { segment, type Token } from '../../segmenter';
import { confusablesOf, type Likeness } from '../../analysis/similar';
import { surnameAt } from '../../analysis/names';
import { SlipPairs } from '../../analysis/slip-pairs';
import { MAX_SINGLE_RUN, MAX_STANDALONE_FREQ, MIN_CANDIDATE_FREQ, MIN_GAIN, WINDOW } from './thresholds';
import { countOf, type Counts } from '../../model/count-columns';

export interface NonWordSlip {
  /** Offset of the wrong character in the run text. */
  at: number;
  written: string;
  intended: string;
  kind: Likeness;
  /** The dictionary word the intended character makes, and its frequency. */
  word: string;
  wordFreq: number;
  /** Natural-log gain of the window's reading with the intended character. */
  gain: number;
}

/** Longest candidate word tried (set expressions of four characters). */
const MAX_WORD_LENGTH = 4;

/** Parts of speech of function words and numerals: prepositions, conjunctions, particles, adverbs, pronouns, numerals, measures, localisers. */
const FUNCTION_POS = /^(m|q)$/;

/** Function words: prepositions, conjunctions, particles, adverbs, pronouns. */
const SYNTAX_POS = /^(p|c|u[a-z]*|d|r)$/;

/** Parts of speech a "correction" must not produce: person names (a guess at a name is no fix). */
const NAME_POS = /^nr/;

/** Log-probability of the best reading of `text` under the lexicon's unigram model. */
export function readingScore(lexicon: Lexicon, text: string): number {
  const logTotal = Math.log(lexicon.total || 1);
  let score = 0;
  for (const token of segment(lexicon, text)) score += Math.log(lexicon.freq(token.word) || 1) - logTotal;
  return score;
}

/** Per-linter caches over the lexicon, and the pairs the learned corpus writes as its own. */
export class SlipIndex {
  private readonly pairs: SlipPairs;

  constructor(
    private readonly lexicon: Lexicon,
    /** Pairs the learned corpus writes (model.corrections.attested): never slips. */
    private readonly attested: Counts = {},
    /** The gain a slip must clear (thresholds.ts: lower once an archive vouches for the pairs it writes). */
    private readonly minGain: number = MIN_GAIN,
  ) {
    this.pairs = new SlipPairs(lexicon);
  }

  /** How often a character stands alone as a word (jieba frequency), cached per character. */
  private readonly standaloneFreq = new Map<string, number>();
  private standalone(ch: string): number {
    let freq = this.standaloneFreq.get(ch);
    if (freq === undefined) this.standaloneFreq.set(ch, (freq = this.lexicon.freq(ch)));
    return freq;
  }

  private suspicious(a: string, b: string): boolean {
    return this.pairs.suspicious(a, b) && countOf(this.attested, a + b) === undefined;
  }

  /** Non-word slips in one run of Han characters. */
  find(run: string): NonWordSlip[] {
    const slips: NonWordSlip[] = [];
    for (let i = 0; i + 1 < run.length; i++) {
      // Cheapest first. A pair that is a word, or a character that makes a frequent word
      // with its outer neighbour (it belongs to that word), is not two stray characters.
      if (this.pairs.isWordAt(run, i)) continue;
      if (i > 0 && this.pairs.isWordAt(run, i - 1)) continue;
      if (i + 2 < run.length && this.pairs.isWordAt(run, i + 1)) continue;
      // Two common stand-alone words side by side are syntax (在|会, 了|一), never a broken word.
      if (this.standalone(run[i]) >= MAX_STANDALONE_FREQ && this.standalone(run[i + 1]) >= MAX_STANDALONE_FREQ) continue;
      if (!this.suspicious(run[i], run[i + 1])) continue;
      const slip = this.judge(run, i);
      if (slip) {
        slips.push(slip);
        i++; // the pair is spoken for
      }
    }
    return slips;
  }

  /** The full judgement of the suspicious pair run[i], run[i + 1], over a window around it. */
  private judge(run: string, i: number): NonWordSlip | null {
    const lexicon = this.lexicon;
    const from = Math.max(0, i - WINDOW);
    const to = Math.min(run.length, i + 2 + WINDOW);
    const tokens = segment(lexicon, run.slice(from, to));
    const t = tokens.findIndex((token) => token.start === i - from);
    if (t < 0 || t + 1 >= tokens.length) return null;
    const a = tokens[t];
    const b = tokens[t + 1];
    if (a.end - a.start !== 1 || b.end - b.start !== 1) return null;
    if (Math.max(singleRunLength(lexicon, tokens, t), singleRunLength(lexicon, tokens, t + 1)) >= MAX_SINGLE_RUN) return null;
    if (lexicon.freq(a.word) >= MAX_STANDALONE_FREQ && lexicon.freq(b.word) >= MAX_STANDALONE_FREQ) return null;
    // A function word or a numeral beside a character is syntax, not a broken word:
    // 对乌军, 同柬方, 最厚, 3亿件 (the dictionary tags them p, d, m …).
    if (FUNCTION_POS.test(lexicon.pos(a.word) ?? '') || FUNCTION_POS.test(lexicon.pos(b.word) ?? '')) return null;
    // A person's name: surname + given name(s) reads as stray single characters.
    const previousSingle = t > 0 && tokens[t - 1].end - tokens[t - 1].start === 1;
    if (surnameAt(run, i) > 0 || (previousSingle && surnameAt(run, from + tokens[t - 1].start) > 0)) return null;
    // Each character is tried as the slip unless its partner is a function word: a
    // preposition or adverb before a stray character starts a phrase (对乌军, 最厚), it
    // does not sit inside a broken word.
    const partnerIsSyntax = (token: Token) => SYNTAX_POS.test(lexicon.pos(token.word) ?? '');
    const first = partnerIsSyntax(b) ? null : bestCandidate(lexicon, run, i, i);
    const second = partnerIsSyntax(a) ? null : bestCandidate(lexicon, run, i + 1, i);
    const pick = first && second ? (first.gain >= second.gain ? first : second) : (first ?? second);
    return pick && pick.gain >= this.minGain ? pick : null;
  }
}

/**
 * How many single-character tokens in a row contain token t, function words left out: a
 * name or a transliteration is a run of characters that rarely stand alone (森 喜 朗), while
 * 党 的 见 设 is ordinary text around one suspect.
 */
function singleRunLength(lexicon: Lexicon, tokens: readonly Token[], t: number): number {
  const bound = (k: number) => tokens[k].end - tokens[k].start === 1 && lexicon.freq(tokens[k].word) < MAX_STANDALONE_FREQ;
  if (!bound(t)) return 0;
  let from = t;
  let to = t;
  while (from > 0 && bound(from - 1)) from--;
  while (to + 1 < tokens.length && bound(to + 1)) to++;
  return to - from + 1;
}

/**
 * The best replacement for run[at], one of the suspicious pair starting at `pair`: a
 * confusable that, with the characters around it, makes a dictionary word of two to four
 * characters holding the whole pair, which the text as written is not.
 */
function bestCandidate(lexicon: Lexicon, run: string, at: number, pair: number): NonWordSlip | null {
  const written = run[at];
  let best: NonWordSlip | null = null;
  let baseline: number | undefined;
  const confusables = confusablesOf(written);
  const from = Math.max(0, at - WINDOW);
  const to = Math.min(run.length, at + WINDOW + 1);
  for (let length = 2; length <= MAX_WORD_LENGTH; length++) {
    // The intended word holds both characters of the suspicious pair (run[pair], run[pair + 1]).
    for (let start = Math.max(0, pair + 2 - length); start <= pair && start + length <= run.length; start++) {
      const before = run.slice(start, at);
      const after = run.slice(at + 1, start + length);
      if (lexicon.freq(before + written + after) >= MIN_CANDIDATE_FREQ) continue;
      for (const { char, kind } of confusables) {
        const word = before + char + after;
        const wordFreq = lexicon.freq(word);
        if (wordFreq < MIN_CANDIDATE_FREQ || NAME_POS.test(lexicon.pos(word) ?? '')) continue;
        baseline ??= readingScore(lexicon, run.slice(from, to));
        const gain = readingScore(lexicon, run.slice(from, at) + char + run.slice(at + 1, to)) - baseline;
        if (!best || gain > best.gain) best = { at, written, intended: char, kind, word, wordFreq, gain };
      }
    }
  }
  return best;
}
