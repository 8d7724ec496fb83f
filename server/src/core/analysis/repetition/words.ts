/** The dictionary words around a repeat: the readings on either side, words it breaks, covers or sits inside. */
import type { Lexicon } from '../../lexicon';
import { segment, type Token } from '../../segmenter';
import { isHanIdeographRun } from '../han';
import type { Repeat } from './find';
import { COVER_FREQ, LISTED_REDUPLICATION_FREQ, WORD_FREQ } from './thresholds';

/** The two readings around a repeat: the segmentation to the left of its middle and to the right. */
export interface Sides {
  /** Last token of the left context up to the end of the first copy. */
  left: Token | undefined;
  /** The token before it. */
  beforeLeft: Token | undefined;
  /** Tokens of the right context from the start of the second copy. */
  right: Token[];
}

export function sidesOf(text: string, repeat: Repeat, lexicon: Lexicon): Sides {
  const middle = repeat.start + repeat.unit;
  const leftTokens = segment(lexicon, text.slice(Math.max(0, repeat.start - 6), middle));
  return {
    left: leftTokens[leftTokens.length - 1],
    beforeLeft: leftTokens[leftTokens.length - 2],
    right: segment(lexicon, text.slice(middle, Math.min(text.length, middle + 8))),
  };
}

/**
 * 手把手|把自己: the best reading has a word that holds the whole first copy and
 * runs into the second, so the text is no two copies. So is 2023年|全年|全国 or
 * 带来|越来越|多: the copy reads as no words, a word the dictionary knows runs across the
 * middle, and a word starts where the first copy starts or ends where the second
 * ends — words that share characters, not a unit typed twice. A word that merely straddles the
 * middle, both ends of the span falling inside words too (我国|中国|中医药 in
 * 国中国中), does not count: a fragment pasted twice reads so.
 */
export function wordAcrossMiddle(text: string, repeat: Repeat, lexicon: Lexicon): boolean {
  const from = Math.max(0, repeat.start - 4);
  const first = repeat.start - from;
  const middle = first + repeat.unit;
  const end = middle + repeat.unit;
  const tokens = segment(lexicon, text.slice(from, Math.min(text.length, repeat.start + 2 * repeat.unit + 4)));
  if (tokens.some((t) => t.start === first && t.end > middle && t.word.length >= 2 && lexicon.has(t.word, COVER_FREQ))) return true;
  // A copy that reads as words (目的, 污染环境) was typed twice, however the reading runs;
  // so was one that does once shifted (的目|的目|的 is 的|目的|目的).
  for (let shift = 0; shift < repeat.unit; shift++) {
    const at = repeat.start + shift;
    const copy = text.slice(at, at + repeat.unit);
    if (shift > 0 && !text.startsWith(copy, at + repeat.unit)) break;
    if (readsAsWords(copy, lexicon)) return false;
  }
  const acrossMiddle = tokens.some((t) => t.start < middle && t.end > middle && t.word.length >= 2 && lexicon.has(t.word, WORD_FREQ));
  return acrossMiddle && tokens.some((t) => t.start === first || t.end === end);
}

/** The text's best reading is dictionary words of two characters or more, no character left alone. */
function readsAsWords(text: string, lexicon: Lexicon): boolean {
  return segment(lexicon, text).every((t) => t.word.length >= 2 && t.known);
}

/** Scratch for Lexicon.wordsAt. */
let wordLengths = new Int32Array(32);
let wordFreqs = new Float64Array(32);

/**
 * Whether some dictionary word strictly longer than the span [start, end) covers it and passes
 * `accept(wordStart, wordEnd, freq)`. Each start's words come from one walk of the lexicon,
 * rather than a lookup per end.
 */
function someCoveringWord(text: string, start: number, end: number, lexicon: Lexicon, accept: (s: number, e: number, freq: number) => boolean): boolean {
  const max = lexicon.maxWordLength;
  if (wordLengths.length < max) {
    wordLengths = new Int32Array(max);
    wordFreqs = new Float64Array(max);
  }
  for (let s = Math.max(0, start - max + 1); s <= start; s++) {
    const found = lexicon.wordsAt(text, s, max, wordLengths, wordFreqs);
    for (let w = 0; w < found; w++) {
      const e = s + wordLengths[w];
      if (e >= end && e - s > end - start && accept(s, e, wordFreqs[w])) return true;
    }
  }
  return false;
}

/** A dictionary word strictly containing the doubled span: 实实在在, 一项项, 吉尔吉斯斯坦. */
export function coveredByLongerWord(text: string, start: number, end: number, lexicon: Lexicon, brokenWord: number): boolean {
  // A rarer entry than the word the copy broke is a slip jieba kept (罗罗斯 4 against 俄罗斯).
  return someCoveringWord(
    text,
    start,
    end,
    lexicon,
    (s, e, freq) => freq >= COVER_FREQ && freq >= brokenWord && !typoEntry(text, s, e, start, end, freq, lexicon),
  );
}

/**
 * The frequency of the commonest dictionary word that, once the second copy is
 * removed, starts before the first copy and ends after it (研究究生 → 研究生,
 * 鹿儿儿岛 → 鹿儿岛); 0 when there is none.
 */
export function brokenWordFreq(text: string, repeat: Repeat, lexicon: Lexicon): number {
  const { start, unit } = repeat;
  const from = Math.max(0, start - 6);
  if (from === start) return 0;
  const without = text.slice(from, start + unit) + text.slice(start + 2 * unit, Math.min(text.length, start + 2 * unit + 6));
  const copyEnd = start + unit - from;
  const max = lexicon.maxWordLength;
  if (wordLengths.length < max) {
    wordLengths = new Int32Array(max);
    wordFreqs = new Float64Array(max);
  }
  let best = 0;
  for (let s = 0; s < start - from; s++) {
    const found = lexicon.wordsAt(without, s, max, wordLengths, wordFreqs);
    for (let w = 0; w < found; w++) if (s + wordLengths[w] > copyEnd && wordFreqs[w] > best) best = wordFreqs[w];
  }
  return best;
}

/**
 * jieba lists some slips as words (罗罗斯 4, 萨萨克 5, 僳僳族 3): a rare entry
 * whose single-copy form is the commoner word is a typo the dictionary kept, not
 * a reduplication. A verb before its own object stays (钉|钉子 in 钉钉子).
 */
function typoEntry(text: string, s: number, e: number, start: number, end: number, freq: number, lexicon: Lexicon): boolean {
  if (freq >= WORD_FREQ) return false;
  const half = (end - start) / 2;
  const single = text.slice(s, start + half) + text.slice(end, e);
  if (lexicon.freq(single) <= freq) return false;
  const copy = text.slice(start, start + half);
  return !(s === start && lexicon.pos(copy) === 'v' && lexicon.pos(single) === 'n');
}

/**
 * The first copy ends a word the dictionary knows with what precedes it: the last
 * token of the left reading is longer than the copy, and it or its tail is an
 * established word (审计工作 is listed rarely, but it ends in 工作).
 */
export function endsKnownWord(sides: Sides, unit: number, lexicon: Lexicon, minFreq = WORD_FREQ): boolean {
  const word = sides.left?.word;
  if (word === undefined || word.length <= unit) return false;
  for (let from = 0; word.length - from > unit; from++) if (lexicon.has(from === 0 ? word : word.slice(from), minFreq)) return true;
  return false;
}

/**
 * The highest frequency of a word the second copy opens with what follows: the
 * first token of the right reading, or its head (服务体系 is listed rarely, 服务 often).
 */
export function openedWordFreq(sides: Sides, unit: number, lexicon: Lexicon): number {
  const word = sides.right[0]?.word;
  let best = 0;
  if (word === undefined) return best;
  for (let length = unit + 1; length <= word.length; length++) best = Math.max(best, lexicon.freq(word.slice(0, length)));
  return best;
}

/**
 * Some dictionary word longer than the copy ends with the first copy, whatever the
 * best reading picks (美得州: 得州 23, read 美|得|州 by frequency alone).
 */
export function anyEndedWord(text: string, middle: number, unit: number, lexicon: Lexicon): boolean {
  for (let length = unit + 1; length <= Math.min(6, middle); length++) {
    if (isHanIdeographRun(text, middle - length, middle) && lexicon.has(text.slice(middle - length, middle), WORD_FREQ)) return true;
  }
  return false;
}

/**
 * The commonest dictionary word longer than the copy that starts at the second copy,
 * whatever the best reading picks (小时|时长 is read 时|长的 by frequency alone).
 */
export function anyOpenedWordFreq(text: string, middle: number, unit: number, lexicon: Lexicon): number {
  const max = lexicon.maxWordLength;
  if (wordLengths.length < max) {
    wordLengths = new Int32Array(max);
    wordFreqs = new Float64Array(max);
  }
  const found = lexicon.wordsAt(text, middle, max, wordLengths, wordFreqs);
  let best = 0;
  for (let w = 0; w < found; w++)
    if (wordLengths[w] > unit && wordFreqs[w] > best && isHanIdeographRun(text, middle, middle + wordLengths[w])) best = wordFreqs[w];
  return best;
}

/** Characters of context either side when reading a doubled span as one word. */
const READING_CONTEXT = 4;

/**
 * The best reading of the text around the repeat holds the doubled span as one
 * word (要|紧紧|依靠, 形成|层层|抓落实), although the reading of the left side alone
 * ends a word with the first copy (要紧, 形成层). A slip reads otherwise (诊断|断|中心).
 */
export function readAsOneWord(text: string, start: number, end: number, lexicon: Lexicon): boolean {
  const from = Math.max(0, start - READING_CONTEXT);
  const tokens = segment(lexicon, text.slice(from, Math.min(text.length, end + READING_CONTEXT)));
  return tokens.some((t) => t.start === start - from && t.end === end - from);
}

/**
 * 和和美美: the best reading of the text around the repeat holds the doubled span
 * inside one longer dictionary word, however rarely listed (jieba's floor of 1 is
 * noise, see LISTED_REDUPLICATION_FREQ): reading it any other way costs more. A slip
 * jieba kept as a word (罗罗斯 against 俄罗斯) is one whose single-copy form is the
 * commoner word, or rarer than the word the copy broke.
 */
export function readInsideLongerWord(text: string, start: number, end: number, lexicon: Lexicon, brokenWord: number): boolean {
  if (!hasCoveringWord(text, start, end, lexicon)) return false;
  const from = Math.max(0, start - READING_CONTEXT);
  const tokens = segment(lexicon, text.slice(from, Math.min(text.length, end + READING_CONTEXT)));
  const token = tokens.find((t) => t.start <= start - from && t.end >= end - from);
  if (token === undefined || token.word.length <= end - start) return false;
  const freq = lexicon.freq(token.word);
  // No rarer than the word the copy broke (涅涅茨 against 顿涅茨克), as for coveredByLongerWord.
  if (freq < LISTED_REDUPLICATION_FREQ || freq < brokenWord) return false;
  const half = (end - start) / 2;
  const single = token.word.slice(0, start - from - token.start + half) + token.word.slice(end - from - token.start);
  return lexicon.freq(single) <= freq;
}

/** Some dictionary word at least LISTED_REDUPLICATION_FREQ strictly contains the span: the cheap test before a reading. */
function hasCoveringWord(text: string, start: number, end: number, lexicon: Lexicon): boolean {
  return someCoveringWord(text, start, end, lexicon, (_s, _e, freq) => freq >= LISTED_REDUPLICATION_FREQ);
}
