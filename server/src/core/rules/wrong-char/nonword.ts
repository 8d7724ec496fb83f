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
import { isNumeralChar, surnameAt } from '../../analysis/names';
import { givenNameCount } from '../../analysis/given-names';
import { SlipPairs } from '../../analysis/slip-pairs';
import {
  MAX_SINGLE_RUN,
  MAX_STANDALONE_FREQ,
  MIN_GIVEN_NAME_COUNT,
  MIN_CANDIDATE_FREQ,
  MIN_SCORE,
  SHAPE_SLIP_SHARE,
  SOUND_SLIP_SHARE,
  WINDOW,
} from './thresholds';
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
  /** How many characters of the same kind (sound or shape) the intended one is confused with. */
  confusables: number;
  /** gain + log P(this slip | the intended character): what must clear the threshold (slipScore). */
  score: number;
}

/** The step of the lexicon tier that let a pair of characters go (see SlipIndex.verdict). */
export type PassReason =
  | 'pair-is-word'
  | 'left-makes-word'
  | 'right-makes-word'
  | 'both-stand-alone'
  | 'not-suspicious'
  | 'not-stray'
  | 'single-run'
  | 'numeral'
  | 'parallel'
  | 'surname'
  | 'no-candidate';

/** Longest candidate word tried (set expressions of four characters). */
const MAX_WORD_LENGTH = 4;

/** The part of speech of measure words (个, 件, 架). */
const MEASURE_POS = /^q$/;

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
    /**
     * The lowest score a slip is kept at (thresholds.ts: lower once an archive vouches for
     * the pairs it writes, and lower again where the story writes the intended word, which
     * the rule decides per document).
     */
    private readonly minScore: number = MIN_SCORE,
  ) {
    this.pairs = new SlipPairs(lexicon);
  }

  /** How often a character stands alone as a word (jieba frequency), cached per UTF-16 unit (-1: not yet asked). */
  private standaloneFreq?: Float64Array;
  private standalone(run: string, i: number): number {
    this.standaloneFreq ??= new Float64Array(0x10000).fill(-1);
    const code = run.charCodeAt(i);
    let freq = this.standaloneFreq[code];
    if (freq < 0) this.standaloneFreq[code] = freq = this.lexicon.freq(run[i]);
    return freq;
  }

  private suspicious(a: string, b: string): boolean {
    return this.pairs.suspicious(a, b) && countOf(this.attested, a + b) === undefined;
  }

  /** Non-word slips in one run of Han characters. */
  find(run: string): NonWordSlip[] {
    const slips: NonWordSlip[] = [];
    // Whether each pair is a frequent word, asked once per pair rather than three times
    // (verdict's first steps read the pair and both its neighbours).
    const n = run.length;
    let left = false;
    let here = n >= 2 && this.pairs.isWordAt(run, 0);
    for (let i = 0; i + 1 < n; i++) {
      const right = i + 2 < n && this.pairs.isWordAt(run, i + 1);
      const word = here || left || right;
      left = here;
      here = right;
      if (word) continue;
      const verdict = this.strayPairVerdict(run, i);
      if (typeof verdict !== 'string' && verdict.score >= this.minScore) {
        slips.push(verdict);
        i++; // the pair is spoken for
        left = here;
        here = i + 2 < n && this.pairs.isWordAt(run, i + 1);
      }
    }
    return slips;
  }

  /**
   * The pair run[i], run[i + 1] judged: the best candidate slip, whatever its score, or the
   * step that let the pair go (named, so that bench/wrong-char-misses.ts can count them).
   */
  verdict(run: string, i: number): NonWordSlip | PassReason {
    // Cheapest first. A pair that is a word, or a character that makes a frequent word
    // with its outer neighbour (it belongs to that word), is not two stray characters.
    if (this.pairs.isWordAt(run, i)) return 'pair-is-word';
    if (i > 0 && this.pairs.isWordAt(run, i - 1)) return 'left-makes-word';
    if (i + 2 < run.length && this.pairs.isWordAt(run, i + 1)) return 'right-makes-word';
    return this.strayPairVerdict(run, i);
  }

  /** verdict for a pair that is no word and whose characters make none with their outer neighbours. */
  private strayPairVerdict(run: string, i: number): NonWordSlip | PassReason {
    // Two common stand-alone words side by side are syntax (在|会, 了|一), never a broken word.
    if (this.standalone(run, i) >= MAX_STANDALONE_FREQ && this.standalone(run, i + 1) >= MAX_STANDALONE_FREQ) return 'both-stand-alone';
    if (!this.suspicious(run[i], run[i + 1])) return 'not-suspicious';
    return this.judge(run, i);
  }

  /** The full judgement of the suspicious pair run[i], run[i + 1], over a window around it. */
  private judge(run: string, i: number): NonWordSlip | PassReason {
    const lexicon = this.lexicon;
    const from = Math.max(0, i - WINDOW);
    const to = Math.min(run.length, i + 2 + WINDOW);
    const tokens = segment(lexicon, run.slice(from, to));
    const t = tokens.findIndex((token) => token.start === i - from);
    if (t < 0 || t + 1 >= tokens.length) return 'not-stray';
    const a = tokens[t];
    const b = tokens[t + 1];
    if (a.end - a.start !== 1 || b.end - b.start !== 1) return 'not-stray';
    if (Math.max(singleRunLength(lexicon, tokens, t), singleRunLength(lexicon, tokens, t + 1)) >= MAX_SINGLE_RUN) return 'single-run';
    if (lexicon.freq(a.word) >= MAX_STANDALONE_FREQ && lexicon.freq(b.word) >= MAX_STANDALONE_FREQ) return 'both-stand-alone';
    // A numeral, or a measure word counted by one, beside a character is syntax, not a
    // broken word: 3亿件, 7个 (a run of Han characters that starts with a measure word
    // follows a digit). Measure words are common characters of words too (天, 架, 点, 号:
    // 今天, 框架, 重点), so a measure word alone is no reason to let a pair go.
    const counted = (k: number) => {
      const at = from + tokens[k].start;
      return isNumeralChar(tokens[k].word) || (MEASURE_POS.test(lexicon.pos(tokens[k].word) ?? '') && (at === 0 || isNumeralChar(run[at - 1])));
    };
    if (counted(t) || counted(t + 1)) return 'numeral';
    // A four-character phrase built in parallel on a repeated first character (涉法涉诉,
    // 生战生乱) is a set pattern of its own when neither half is a word: the pair is one half
    // of it, not a broken word (中洪中央 is not: 中央 is a word, and 洪 a slip). A repeated
    // second character is left to the score: a slip makes one as easily (实是求是).
    for (const q of [i - 2, i]) {
      if (q < 0 || q + 3 >= run.length || run[q] !== run[q + 2]) continue;
      const other = q === i ? i + 2 : i - 2;
      if (lexicon.freq(run.slice(other, other + 2)) < MIN_CANDIDATE_FREQ) return 'parallel';
    }
    // A person's name: surname + given name(s) reads as stray single characters, when the
    // characters after the surname are ones people are named with (丁薛祥, 樊振东); a
    // surname-shaped character before others is ordinary text (合作成裹, 和平安蛆).
    const previousSingle = t > 0 && tokens[t - 1].end - tokens[t - 1].start === 1;
    const surname = surnameAt(run, i) > 0 ? i : previousSingle && surnameAt(run, from + tokens[t - 1].start) === 1 ? from + tokens[t - 1].start : -1;
    if (surname >= 0 && isGivenName(run, surname + surnameAt(run, surname), i + 2)) return 'surname';
    // Each character of the pair is tried as the slip, the partner included when it is a
    // function word: a preposition or adverb is a common character of words too (对手, 太空,
    // 同比), and the score weighs the reading with it standing alone.
    const first = bestCandidate(lexicon, run, i, i);
    const second = bestCandidate(lexicon, run, i + 1, i);
    const pick = first && second ? (first.score >= second.score ? first : second) : (first ?? second);
    return pick ?? 'no-candidate';
  }
}

/** Are run[from, to) characters people are named with (none: a compound surname is name enough)? */
function isGivenName(run: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (givenNameCount(run[k]) < MIN_GIVEN_NAME_COUNT) return false;
  return true;
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
  const gains = new Map<string, number>();
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
        // The window read with this character does not depend on the word it makes: once per character.
        let gain = gains.get(char);
        if (gain === undefined) gains.set(char, (gain = readingScore(lexicon, run.slice(from, at) + char + run.slice(at + 1, to)) - baseline));
        const alike = confusableCount(char, kind);
        const score = slipScore(gain, kind, alike);
        if (!best || score > best.score) best = { at, written, intended: char, kind, word, wordFreq, gain, confusables: alike, score };
      }
    }
  }
  return best;
}

/** How many characters of this kind the character is confused with, cached. */
const confusableCounts = new Map<string, number>();
function confusableCount(ch: string, kind: Likeness): number {
  const key = ch + kind;
  let n = confusableCounts.get(key);
  if (n === undefined) {
    n = 0;
    for (const c of confusablesOf(ch)) if (c.kind === kind) n++;
    confusableCounts.set(key, n);
  }
  return n;
}

/**
 * A noisy-channel score: the gain of the window's reading (how much likelier the text reads
 * with the intended character: the language model) plus the log-probability that a writer
 * meaning that character types this one (the channel). A slip is a homophone the input
 * method offered with probability SOUND_SLIP_SHARE, a look-alike with SHAPE_SLIP_SHARE,
 * each of the intended character's confusables of that kind alike likely: a character
 * with five look-alikes is more likely the source of one of them than a syllable with
 * sixty homophones is of one of those (yi: 一 以 已 意 …).
 */
export function slipScore(gain: number, kind: Likeness, confusables: number): number {
  return gain + Math.log((kind === 'sound' ? SOUND_SLIP_SHARE : SHAPE_SLIP_SHARE) / Math.max(1, confusables));
}
