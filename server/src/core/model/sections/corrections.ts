/**
 * Model section for `wrong-char`: corrections a newsroom has made before. Two sources:
 * the house list an editor keeps in `.jiaoduirc.json` (`corrections`, the 勘误表), merged
 * in by the roster; and the substitutions editors made between drafts and their published
 * versions (`jiaodui learn --edits DRAFTS FINAL`), aligned here. A correction an editor made
 * twice is the best evidence there is that the next draft will need it too.
 */
import type { Lexicon } from '../../lexicon';
import { segment } from '../../segmenter';
import { isHan } from '../../analysis/han';
import { SlipPairs } from '../../analysis/slip-pairs';
import { contextPartnersOf, isContextMember } from '../../analysis/context-pairs';
import type { CorpusDocument } from '../corpus';
import type { Counts } from '../count-columns';

export interface CorrectionEntry {
  /** The wrong form as drafts write it, e.g. 按装. */
  wrong: string;
  /** What the published text (or the editor) writes instead, e.g. 安装. */
  right: string;
  /** house: the config's list; edits: learned from drafts and their published versions. */
  source: 'house' | 'edits';
  /** How many times editors made this correction (edits). */
  count?: number;
  /** The editor's note (house) or where the correction was seen (edits). */
  note?: string;
}

export interface CorrectionsSection {
  entries: CorrectionEntry[];
  /**
   * Pairs of characters the corpus writes that look like a word with one character
   * mistyped (抗疫 beside 抗议), with their counts: the corpus's own usage, never a slip.
   * Only such pairs are kept, so the section stays small whatever the archive's size.
   */
  attested: Counts;
  /**
   * The neighbours the corpus writes each member of a context pair with (在/再, see
   * analysis/context-pairs.ts), for wrong-char's real-word swaps: keys of one to three
   * characters — the member alone, a member with its left or right neighbour, and a member
   * between both — and their counts, pruned (CONTEXT_MIN_BIGRAM, CONTEXT_MIN_SUPPORT).
   * Absent in models learned before it existed: the rule then leaves real-word swaps alone.
   */
  context?: Counts;
}

export function emptyCorrections(): CorrectionsSection {
  return { entries: [], attested: {}, context: {} };
}

/**
 * How often the alternative must be written between the same two neighbours before a
 * swap is suspected (wrong-char's minimum support). A context where no member of a pair
 * reaches it can never raise a finding, so its counts are not stored.
 */
export const CONTEXT_MIN_SUPPORT = 3;

/** A member with one neighbour seen fewer times than this is stored as unseen: one-offs make most of the table and change no ratio much. */
export const CONTEXT_MIN_BIGRAM = 2;

/** The context counts of the pairs' members in the corpus (see CorrectionsSection.context). */
export function learnContext(texts: readonly string[]): Record<string, number> {
  const counts = new Map<string, number>();
  const add = (key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);
  const han = (text: string, i: number) => i >= 0 && i < text.length && isHan(text.charCodeAt(i));
  for (const text of texts) {
    for (let i = 0; i < text.length; i++) {
      const ch = text[i];
      if (!isContextMember(ch) || !han(text, i)) continue;
      add(ch);
      const left = han(text, i - 1);
      const right = han(text, i + 1);
      // A bigram is counted once, at its first character's turn or at its second's.
      if (left && !isContextMember(text[i - 1])) add(text[i - 1] + ch);
      if (right) add(ch + text[i + 1]);
      if (left && right) add(text[i - 1] + ch + text[i + 1]);
    }
  }
  const kept: Record<string, number> = {};
  for (const [key, count] of [...counts].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
    if (key.length === 1) kept[key] = count;
    else if (key.length === 2) {
      if (count >= CONTEXT_MIN_BIGRAM) kept[key] = count;
    } else if (count >= CONTEXT_MIN_SUPPORT || [...contextPartnersOf(key[1])].some((p) => (counts.get(key[0] + p + key[2]) ?? 0) >= CONTEXT_MIN_SUPPORT)) {
      kept[key] = count;
    }
  }
  return kept;
}

/** What the corpus attests: its Han pairs that a slip detector would otherwise suspect. */
export function learnCorrections(docs: readonly CorpusDocument[], lexicon: Lexicon): CorrectionsSection {
  const pairs = new SlipPairs(lexicon);
  // Pair (a·0x10000 + b) → its count, or NOT_SUSPICIOUS once asked: each distinct pair is
  // judged once, and no string is built per character of the corpus.
  const NOT_SUSPICIOUS = -1;
  const counts = new Map<number, number>();
  for (const doc of docs) {
    const text = doc.text.masked;
    for (let i = 0; i + 1 < text.length; i++) {
      const a = text.charCodeAt(i);
      const b = text.charCodeAt(i + 1);
      if (!isHan(a) || !isHan(b)) continue;
      const key = a * 0x10000 + b;
      const count = counts.get(key);
      if (count === undefined) counts.set(key, pairs.suspicious(text[i], text[i + 1]) ? 1 : NOT_SUSPICIOUS);
      else if (count !== NOT_SUSPICIOUS) counts.set(key, count + 1);
    }
  }
  // First seen first, as the corpus writes them.
  const attested: Record<string, number> = {};
  for (const [key, count] of counts) if (count !== NOT_SUSPICIOUS) attested[String.fromCharCode(Math.floor(key / 0x10000), key % 0x10000)] = count;
  return { entries: [], attested, context: learnContext(docs.map((doc) => doc.text.masked)) };
}

export interface EditPair {
  /** The file name both versions share. */
  path: string;
  draft: string;
  final: string;
}

/** Longest run of changed Han characters (on either side) still taken for a slip rather than a rewrite. */
const MAX_SLIP_LENGTH = 2;
/** Lines longer than this are not aligned character by character (a rewritten paragraph, not a slip). */
const MAX_ALIGNED_LINE = 3000;

/**
 * Corrections from drafts and their published versions. Lines are matched first (an
 * unchanged line anchors the alignment); a changed line is aligned with its counterpart
 * character by character, and each substitution of one or two Han characters inside Han
 * text becomes an entry, widened to the word it sits in so that the entry names a word
 * (按装 → 安装) rather than a bare character. Rewrites, insertions and deletions are not slips.
 */
export function learnEditCorrections(pairs: readonly EditPair[], lexicon: Lexicon): CorrectionEntry[] {
  const found = new Map<string, CorrectionEntry>();
  for (const pair of pairs) {
    for (const [draftLine, finalLine] of changedLines(pair.draft, pair.final)) {
      for (const c of substitutions(draftLine, finalLine, lexicon)) {
        const key = `${c.wrong}\u0000${c.right}`;
        const entry = found.get(key);
        if (entry) entry.count = (entry.count ?? 1) + 1;
        else found.set(key, { wrong: c.wrong, right: c.right, source: 'edits', count: 1, note: pair.path });
      }
    }
  }
  return [...found.values()].sort((a, b) => (b.count ?? 0) - (a.count ?? 0) || a.wrong.localeCompare(b.wrong));
}

/** Pairs of lines that differ, matched between unchanged lines (an LCS over whole lines). */
function changedLines(draft: string, final: string): Array<[string, string]> {
  const a = draft.replace(/\r\n?/g, '\n').split('\n');
  const b = final.replace(/\r\n?/g, '\n').split('\n');
  const table = lcsTable(a.length, b.length, (i, j) => a[i] === b[j]);
  const out: Array<[string, string]> = [];
  let i = 0;
  let j = 0;
  let pendingA: string[] = [];
  let pendingB: string[] = [];
  const flush = () => {
    // Only a one-to-one stretch pairs line with line; a reflowed stretch is not aligned.
    if (pendingA.length === pendingB.length) for (let k = 0; k < pendingA.length; k++) out.push([pendingA[k], pendingB[k]]);
    pendingA = [];
    pendingB = [];
  };
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      flush();
      i++;
      j++;
    } else if (j >= b.length || (i < a.length && table(i + 1, j) >= table(i, j + 1))) pendingA.push(a[i++]);
    else pendingB.push(b[j++]);
  }
  flush();
  return out;
}

/** LCS lengths of suffixes: table(i, j) for a[i…], b[j…]. */
function lcsTable(n: number, m: number, same: (i: number, j: number) => boolean): (i: number, j: number) => number {
  const width = m + 1;
  const cells = new Int32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      cells[i * width + j] = same(i, j) ? cells[(i + 1) * width + j + 1] + 1 : Math.max(cells[(i + 1) * width + j], cells[i * width + j + 1]);
    }
  }
  return (i, j) => cells[i * width + j];
}

interface Substitution {
  wrong: string;
  right: string;
}

/** The slips between two versions of one line, each widened to the word of the final text it sits in. */
function substitutions(draft: string, final: string, lexicon: Lexicon): Substitution[] {
  if (draft.length > MAX_ALIGNED_LINE || final.length > MAX_ALIGNED_LINE) return [];
  const table = lcsTable(draft.length, final.length, (i, j) => draft[i] === final[j]);
  const out: Substitution[] = [];
  let i = 0;
  let j = 0;
  while (i < draft.length || j < final.length) {
    if (i < draft.length && j < final.length && draft[i] === final[j]) {
      i++;
      j++;
      continue;
    }
    const fromI = i;
    const fromJ = j;
    while ((i < draft.length || j < final.length) && !(i < draft.length && j < final.length && draft[i] === final[j])) {
      if (j >= final.length || (i < draft.length && table(i + 1, j) >= table(i, j + 1))) i++;
      else j++;
    }
    const removed = draft.slice(fromI, i);
    const added = final.slice(fromJ, j);
    // A slip replaces characters one for one, inside Han text.
    if (removed.length !== added.length || removed.length === 0 || removed.length > MAX_SLIP_LENGTH) continue;
    if (![...removed, ...added].every((ch) => isHan(ch.codePointAt(0)!))) continue;
    const widened = widenToWord(final, fromJ, j, lexicon);
    if (!widened) continue;
    const right = final.slice(widened.start, widened.end);
    const wrong = draft.slice(fromI - (fromJ - widened.start), i + (widened.end - j));
    if (wrong !== right && wrong.length === right.length) out.push({ wrong, right });
  }
  return out;
}

/** The span of the lexicon word(s) of `text` that cover [start, end), at least two Han characters long. */
function widenToWord(text: string, start: number, end: number, lexicon: Lexicon): { start: number; end: number } | undefined {
  let from = start;
  let to = end;
  while (from > 0 && isHan(text.charCodeAt(from - 1)) && start - from < 6) from--;
  while (to < text.length && isHan(text.charCodeAt(to)) && to - end < 6) to++;
  let wordStart = -1;
  let wordEnd = -1;
  for (const token of segment(lexicon, text.slice(from, to))) {
    const s = from + token.start;
    const e = from + token.end;
    if (e <= start || s >= end) continue;
    if (wordStart < 0) wordStart = s;
    wordEnd = e;
  }
  if (wordStart < 0) return undefined;
  // A lone character is widened by its neighbour so that the entry names a context.
  if (wordEnd - wordStart < 2) {
    if (wordEnd < to) wordEnd++;
    else if (wordStart > from) wordStart--;
    else return undefined;
  }
  return { start: wordStart, end: wordEnd };
}
