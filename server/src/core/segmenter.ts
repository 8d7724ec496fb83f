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

export function segment(lexicon: Lexicon, text: string): Token[] {
  const n = text.length;
  const logTotal = Math.log(lexicon.total || 1);
  const best = new Float64Array(n + 1);
  const next = new Int32Array(n + 1);
  best[n] = 0;
  for (let i = n - 1; i >= 0; i--) {
    let bestScore = -Infinity;
    let bestEnd = i + 1;
    const limit = Math.min(lexicon.maxWordLength, n - i);
    for (let len = 1; len <= limit; len++) {
      const freq = lexicon.freq(text.slice(i, i + len));
      if (freq === 0 && len > 1) continue;
      const score = Math.log(freq || 1) - logTotal + best[i + len];
      if (score > bestScore) {
        bestScore = score;
        bestEnd = i + len;
      }
    }
    best[i] = bestScore;
    next[i] = bestEnd;
  }
  const tokens: Token[] = [];
  for (let i = 0; i < n; i = next[i]) {
    const word = text.slice(i, next[i]);
    tokens.push({ word, start: i, end: next[i], known: lexicon.freq(word) > 0 });
  }
  return tokens;
}
