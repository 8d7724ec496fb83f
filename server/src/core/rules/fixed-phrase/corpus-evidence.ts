/**
 * What the corpus writes, asked of every recurrent phrase of the model (eligible or
 * not): is a string part of one, does the corpus fill a phrase's slot in more than
 * one way, does it write a pair of characters as one unit, does it write the
 * characters around an edit. Phrases are found through an index of their character
 * pairs; the answers a draft asks again and again are remembered.
 */
import type { Lexicon } from '../../lexicon';
import { pairStandsTogether } from '../../analysis/lexical-break';
import type { NearMiss } from './near-miss';
import { ANCHOR, MEMO_LIMIT, WRITTEN_CONTEXT } from './thresholds';

export class CorpusEvidence {
  private bigrams?: Map<string, number[]>;
  private readonly recurrent = new Map<string, boolean>();
  private readonly varying = new Map<string, boolean>();
  private readonly attested = new Map<string, boolean>();

  constructor(
    private readonly all: readonly string[],
    private readonly lexicon: Lexicon,
  ) {}

  /** True when the string is itself a recurrent phrase (or part of one) in the model. */
  isRecurrent(s: string): boolean {
    let yes = this.recurrent.get(s);
    if (yes === undefined) {
      let rarest: number[] | undefined;
      for (let i = 0; i + 2 <= s.length; i++) {
        const list = this.bigramIndex().get(s.slice(i, i + 2));
        if (!list) {
          rarest = [];
          break;
        }
        if (!rarest || list.length < rarest.length) rarest = list;
      }
      yes = (rarest ?? []).some((id) => this.all[id].includes(s));
      remember(this.recurrent, s, yes);
    }
    return yes;
  }

  /** True when some recurrent phrase of the model writes this pair of characters as one unit. */
  attestsPair(pair: string): boolean {
    let yes = this.attested.get(pair);
    if (yes === undefined) {
      yes = this.phrasesWith(pair).some((phrase) => {
        for (let i = phrase.indexOf(pair); i >= 0; i = phrase.indexOf(pair, i + 1)) if (pairStandsTogether(this.lexicon, phrase, i)) return true;
        return false;
      });
      remember(this.attested, pair, yes);
    }
    return yes;
  }

  /**
   * True when the corpus fills the target's slot `at` with more than one
   * character in the same local context (two characters either side).
   */
  slotVaries(target: string, at: number): boolean {
    const key = target + at;
    let yes = this.varying.get(key);
    if (yes === undefined) {
      yes = this.fillsSlotOtherwise(target, at);
      remember(this.varying, key, yes);
    }
    return yes;
  }

  /**
   * True when a run of WRITTEN_CONTEXT characters of the variant that holds the
   * written character (or, for a drop, the new junction) is part of a recurrent
   * phrase: the corpus writes it so (打好…攻坚战 beside 打赢, 副主任委员 beside 主任委员),
   * and a variant the corpus itself uses is usage, not a slip.
   */
  writesAround(text: string, m: NearMiss): boolean {
    const last = m.kind === 'drop' ? m.textAt - 1 : m.textAt;
    for (let i = Math.max(m.start, m.textAt - WRITTEN_CONTEXT + 1); i <= last && i + WRITTEN_CONTEXT <= m.end; i++) {
      const window = text.slice(i, i + WRITTEN_CONTEXT);
      // A window the phrase itself contains (the written character repeats one a little further on) is no evidence.
      if (!m.target.includes(window) && this.isRecurrent(window)) return true;
    }
    return false;
  }

  private fillsSlotOtherwise(target: string, at: number): boolean {
    const left = target.slice(Math.max(0, at - ANCHOR), at);
    const right = target.slice(at + 1, at + 1 + ANCHOR);
    // Phrases are indexed by character pairs: look up by whichever side has two (中_建交 by 建交).
    const byLeft = left.length >= 2 || right.length < 2;
    const key = byLeft ? left : right;
    if (key.length < 2) return false;
    for (const phrase of this.phrasesWith(key)) {
      for (let i = phrase.indexOf(key); i >= 0; i = phrase.indexOf(key, i + 1)) {
        const slot = byLeft ? i + left.length : i - 1;
        if (slot < left.length || slot >= phrase.length || phrase[slot] === target[at]) continue;
        if (phrase.startsWith(left, slot - left.length) && phrase.startsWith(right, slot + 1)) return true;
      }
    }
    return false;
  }

  private phrasesWith(bigram: string): string[] {
    return (this.bigramIndex().get(bigram) ?? []).map((id) => this.all[id]);
  }

  private bigramIndex(): Map<string, number[]> {
    if (!this.bigrams) {
      const bigrams = new Map<string, number[]>();
      this.all.forEach((phrase, id) => {
        const seen = new Set<string>();
        for (let i = 0; i + 2 <= phrase.length; i++) {
          const bigram = phrase.slice(i, i + 2);
          if (seen.has(bigram)) continue;
          seen.add(bigram);
          const list = bigrams.get(bigram);
          if (list) list.push(id);
          else bigrams.set(bigram, [id]);
        }
      });
      this.bigrams = bigrams;
    }
    return this.bigrams;
  }
}

/** Remembers an answer, starting afresh once the memo is full. */
function remember(memo: Map<string, boolean>, key: string, yes: boolean): void {
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(key, yes);
}
