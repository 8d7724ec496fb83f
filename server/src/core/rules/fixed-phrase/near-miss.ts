/** A one-edit near-miss of a phrase, as the index finds it and the acceptance policy judges it. */
import type { PhraseEntry } from '../../model/sections/phrases';
import { isHan } from '../../analysis/han';
import { FLUENCY_CONTEXT } from './thresholds';

export type EditKind = 'substitute' | 'drop' | 'add';

export interface NearMiss {
  readonly start: number;
  readonly end: number;
  /** The phrase (or recurrent prefix of one) the text misses by one edit. */
  readonly target: string;
  readonly entry: PhraseEntry;
  /** The target's trie node (negative: a four-character phrase, see QuadIndex). */
  readonly node: number;
  readonly kind: EditKind;
  /** Offset of the edit in the text, and in the target. */
  readonly textAt: number;
  readonly targetAt: number;
}

/**
 * How a near-miss was accepted. 'strict': by the bars for its length and kind.
 * 'lexical': only as a slip that breaks the lexicon, so the document gets a say.
 * 'confirm': a slip of a weaker kind (a character added between words, a function
 * character written inside a word), which the document must confirm by writing the
 * phrase correctly elsewhere. 'doubled': a character written twice, reported as such.
 */
export type Acceptance = 'strict' | 'lexical' | 'confirm' | 'doubled';

export interface Accepted {
  readonly match: NearMiss;
  readonly acceptance: Acceptance;
  /** For 'doubled': the paragraph offset of the copy the fix removes. */
  readonly extraAt?: number;
  /** The written character pairs with neither neighbour as the archive ever does (acceptance.ts strangerInPhrase). */
  readonly stranger?: boolean;
}

/** The near-miss with up to FLUENCY_CONTEXT Han characters either side: [from, to) of the text. */
export function contextWindow(text: string, start: number, end: number): { from: number; to: number } {
  let from = start;
  while (from > 0 && start - from < FLUENCY_CONTEXT && isHan(text.charCodeAt(from - 1))) from--;
  let to = end;
  while (to < text.length && to - end < FLUENCY_CONTEXT && isHan(text.charCodeAt(to))) to++;
  return { from, to };
}

/** The character the edit removes from the phrase, or '' for an added one. */
export function targetChar(m: NearMiss): string {
  return m.kind === 'add' ? '' : m.target[m.targetAt];
}

/** The character the edit writes into the text, or '' for a dropped one. */
export function writtenChar(text: string, m: NearMiss): string {
  return m.kind === 'drop' ? '' : text[m.textAt];
}

/**
 * True when text[from, to) lies inside the near-miss and holds none of its edit (no written character,
 * no junction of a drop): text the near-miss reads as its phrase written right.
 */
export function keepsWritten(m: NearMiss, from: number, to: number): boolean {
  if (from < m.start || to > m.end) return false;
  return to <= m.textAt || from >= (m.kind === 'drop' ? m.textAt : m.textAt + 1);
}
