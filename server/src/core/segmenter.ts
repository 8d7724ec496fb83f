/**
 * A small dictionary segmenter over the Lexicon: jieba's maximum-probability path
 * through the word DAG, without jieba's HMM for unknown words. Rules segment short
 * windows around a suspect, never whole documents, so it stays off the hot path.
 */
import type { Lexicon } from './lexicon';

export interface Token {
  word: string;
  start: number;
  end: number;
  known: boolean;
}

/** Scratch for Lexicon.wordsAt: the words starting at one position. */
let lengths = new Int32Array(32);
let freqs = new Float64Array(32);
/** Scratch for the path: best score from each position, where its best word ends, and that word's frequency. */
let best = new Float64Array(64);
let next = new Int32Array(64);
let chosenFreq = new Float64Array(64);

export function segment(lexicon: Lexicon, text: string): Token[] {
  const n = text.length;
  const logTotal = Math.log(lexicon.total || 1);
  if (best.length < n + 1) {
    best = new Float64Array(2 * (n + 1));
    next = new Int32Array(2 * (n + 1));
    chosenFreq = new Float64Array(2 * (n + 1));
  }
  if (lengths.length < lexicon.maxWordLength) {
    lengths = new Int32Array(lexicon.maxWordLength);
    freqs = new Float64Array(lexicon.maxWordLength);
  }
  best[n] = 0;
  for (let i = n - 1; i >= 0; i--) {
    const limit = Math.min(lexicon.maxWordLength, n - i);
    const found = lexicon.wordsAt(text, i, limit, lengths, freqs);
    // A single character is always a candidate, known or not; longer spans only when they are words.
    const singleKnown = found > 0 && lengths[0] === 1;
    const singleFreq = singleKnown ? freqs[0] : 0;
    let bestScore = Math.log(singleFreq || 1) - logTotal + best[i + 1];
    let bestEnd = i + 1;
    let bestFreq = singleFreq;
    for (let w = singleKnown ? 1 : 0; w < found; w++) {
      const freq = freqs[w];
      if (freq === 0) continue;
      const len = lengths[w];
      const score = Math.log(freq || 1) - logTotal + best[i + len];
      if (score > bestScore) {
        bestScore = score;
        bestEnd = i + len;
        bestFreq = freq;
      }
    }
    best[i] = bestScore;
    next[i] = bestEnd;
    chosenFreq[i] = bestFreq;
  }
  const tokens: Token[] = [];
  // A token is known when its frequency, as the lexicon gave it for the path, is positive.
  for (let i = 0; i < n; i = next[i]) tokens.push({ word: text.slice(i, next[i]), start: i, end: next[i], known: chosenFreq[i] > 0 });
  return tokens;
}
