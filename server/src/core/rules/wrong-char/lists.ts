/**
 * The list tier of wrong-char: known wrong forms, precision near 1. Three sources, in the
 * order they win: the house list (`corrections` in .jiaoduirc.json, the editor's 勘误表),
 * corrections learned from drafts and their published versions (`learn --edits`), and a
 * built-in list of commonly mistaken words and set expressions (data/common-errors.json;
 * each entry checked against the lexicon by the rule's tests).
 */
import commonErrors from '../../../../../data/common-errors.json';
import type { Lexicon } from '../../lexicon';
import type { CorrectionEntry } from '../../model/sections/corrections';

export interface KnownError {
  wrong: string;
  right: string;
  source: 'house' | 'edits' | 'list';
  count?: number;
  note?: string;
}

export interface KnownErrorMatch {
  error: KnownError;
  start: number;
  end: number;
}

/** Known wrong forms indexed by their first character, longest first. */
export class KnownErrors {
  private readonly byFirst = new Map<string, KnownError[]>();

  constructor(corrections: readonly CorrectionEntry[], builtIn: Readonly<Record<string, string>> = commonErrors.entries) {
    const seen = new Set<string>();
    const add = (e: KnownError) => {
      if (seen.has(e.wrong) || e.wrong.length === 0) return;
      seen.add(e.wrong);
      const list = this.byFirst.get(e.wrong[0]) ?? [];
      list.push(e);
      this.byFirst.set(e.wrong[0], list);
    };
    for (const c of corrections) if (c.source === 'house') add({ ...c });
    for (const c of corrections) if (c.source !== 'house') add({ ...c });
    for (const [wrong, right] of Object.entries(builtIn)) add({ wrong, right, source: 'list' });
    for (const list of this.byFirst.values()) list.sort((a, b) => b.wrong.length - a.wrong.length);
  }

  get size(): number {
    let n = 0;
    for (const list of this.byFirst.values()) n += list.length;
    return n;
  }

  /** Every known wrong form in the text, left to right, never overlapping. */
  find(text: string, lexicon: Lexicon): KnownErrorMatch[] {
    const matches: KnownErrorMatch[] = [];
    for (let i = 0; i < text.length; i++) {
      const candidates = this.byFirst.get(text[i]);
      if (!candidates) continue;
      for (const error of candidates) {
        if (!text.startsWith(error.wrong, i)) continue;
        const end = i + error.wrong.length;
        // The house list is the editor's word; a learned or built-in form must not be a
        // stretch across two words that merely reads like it (过渡假期 is not 渡假).
        if (error.source !== 'house' && straddlesWord(text, i, end, lexicon)) continue;
        matches.push({ error, start: i, end });
        i = end - 1;
        break;
      }
    }
    return matches;
  }
}

/** Frequency from which a dictionary word overlapping the match's edge is taken as the real reading. */
const STRADDLE_MIN_FREQ = 50;

/** Does a well-attested word cross either edge of [start, end)? */
function straddlesWord(text: string, start: number, end: number, lexicon: Lexicon): boolean {
  for (const edge of [start, end]) {
    for (let from = Math.max(0, edge - lexicon.maxWordLength + 1); from < edge; from++) {
      for (let to = edge + 1; to <= Math.min(text.length, from + lexicon.maxWordLength); to++) {
        if ((from < start || to > end) && from < end && to > start && lexicon.has(text.slice(from, to), STRADDLE_MIN_FREQ)) return true;
      }
    }
  }
  return false;
}
