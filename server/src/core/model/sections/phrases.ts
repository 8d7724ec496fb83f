/**
 * Model section for `fixed-phrase`: long phrases the corpus repeats (and curated
 * standard formulations), with counts.
 *
 * Learning counts every run of 4–16 Han characters that recurs, growing n-grams
 * apriori-style (an n-gram can only recur if both its (n−1)-gram halves recur), so
 * a large archive costs memory in proportion to what actually repeats. Only closed
 * phrases are kept: 党的二十大和二十届历次全会精 is dropped when 党的二十大和二十届历次全会精神
 * has the same count, while 中西医结合 stays because it also occurs outside its longer
 * phrases. Runs stop at punctuation, digits and Latin, so phrases are within-sentence;
 * a hard-wrapped line (PDF extractions wrap every visual line) is joined to the next
 * so a wrap does not cut a phrase in two.
 */
import type { CorpusDocument } from '../types';
import type { Lexicon } from '../../lexicon';
import standardPhrases from '../../../../../data/standard-phrases.json';

export interface PhraseEntry {
  phrase: string;
  count: number;
  /** 'corpus' when learned, 'roster' from the house config, or the curated source's name. */
  source: string;
  /** Number of corpus documents the phrase occurs in. */
  docs?: number;
}

export interface PhrasesSection {
  phrases: PhraseEntry[];
}

export const MIN_PHRASE_LENGTH = 4;
export const MAX_PHRASE_LENGTH = 16;
/** Occurrences before a phrase counts as the house's own formulation. */
export const MIN_PHRASE_COUNT = 2;

export const CORPUS_SOURCE = 'corpus';
export const ROSTER_SOURCE = 'roster';

interface CuratedPhrase {
  phrase: string;
  source: string;
}

export function emptyPhrases(): PhrasesSection {
  return { phrases: [] };
}

export function isHan(code: number): boolean {
  return (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf) || (code >= 0xf900 && code <= 0xfaff) || code === 0x3007;
}

/** isHan of every UTF-16 code unit, as a table: the finders test every character of a draft. */
export const HAN_CODES: Uint8Array = (() => {
  const table = new Uint8Array(0x10000);
  for (let code = 0; code < 0x10000; code++) if (isHan(code)) table[code] = 1;
  return table;
})();

/** Line ends after which a line break is a real paragraph end, never a wrap. */
const CLOSING = /[。！？!?…；;：:”’」』）)》】]$/;
/** Line starts that begin a block of their own (headings, bullets, datelines). */
const BLOCK_START = /^[#■□▶【—●◆·]/;
/** Shorter lines are headlines, masthead fields or bylines, not wrapped prose. */
const MIN_WRAPPED_LINE = 12;

export interface Unwrapped {
  /** The text with hard wraps removed; other line breaks stay as "\n". */
  text: string;
  /** offsets[i] is the offset in the original text of text[i]. */
  offsets: Int32Array;
}

/** The last text unwrapped and its result: name-consistency and numbering-sequence both unwrap the same document. */
let lastUnwrapped: { input: string; result: Unwrapped } | undefined;

/**
 * Removes hard wraps: a line of at least a dozen characters that does not end a
 * sentence, followed (across at most one blank line) by a line of prose, continues
 * on that line. PDF extractions wrap every visual line, and a name or phrase cut by
 * a wrap (吕柱表 / 示) is still one name or phrase.
 */
export function unwrap(text: string): Unwrapped {
  if (lastUnwrapped?.input !== text) lastUnwrapped = { input: text, result: unwrapText(text) };
  return lastUnwrapped.result;
}

function unwrapText(text: string): Unwrapped {
  const lines: Array<{ start: number; end: number; next: number }> = [];
  for (let start = 0; start <= text.length; ) {
    let end = start;
    while (end < text.length && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13) end++;
    let next = end;
    if (next < text.length) next += text.charCodeAt(next) === 13 && text.charCodeAt(next + 1) === 10 ? 2 : 1;
    lines.push({ start, end, next });
    if (next === end) break;
    start = next;
  }
  // Kept ranges of the original text; each is followed by "\n" unless it wraps.
  const pieces: Array<{ start: number; end: number; newline: boolean }> = [];
  for (let l = 0; l < lines.length; l++) {
    const { start, end, next } = lines[l];
    const body = text.slice(start, end).trim();
    let k = l + 1;
    while (k < lines.length && k <= l + 2 && isBlankLine(text, lines[k].start, lines[k].end)) k++;
    const following = k < lines.length && k <= l + 2 ? text.slice(lines[k].start, lines[k].end).trim() : '';
    const wraps =
      next > end &&
      body.length >= MIN_WRAPPED_LINE &&
      !BLOCK_START.test(body) &&
      !CLOSING.test(body) &&
      following !== '' &&
      !BLOCK_START.test(following);
    if (wraps) {
      // Drop the break and the blank line; trim the trailing blanks and the continuation's indent.
      let trimmed = end;
      while (trimmed > start && isInlineBlank(text.charCodeAt(trimmed - 1))) trimmed--;
      pieces.push({ start, end: trimmed, newline: false });
      let i = lines[k].start;
      while (i < lines[k].end && isInlineBlank(text.charCodeAt(i))) i++;
      lines[k] = { ...lines[k], start: i };
      l = k - 1;
      continue;
    }
    pieces.push({ start, end, newline: next > end });
  }
  const parts: string[] = [];
  // Each kept character and each kept line break takes the place of at least one original character.
  const offsets = new Int32Array(text.length);
  let length = 0;
  for (const piece of pieces) {
    parts.push(text.slice(piece.start, piece.end));
    for (let i = piece.start; i < piece.end; i++) offsets[length++] = i;
    if (piece.newline) {
      parts.push('\n');
      offsets[length++] = piece.end;
    }
  }
  return { text: parts.join(''), offsets: offsets.subarray(0, length) };
}

function isInlineBlank(code: number): boolean {
  return code === 32 || code === 9 || code === 0x3000;
}

function isBlankLine(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (!isInlineBlank(text.charCodeAt(i))) return false;
  return true;
}

/** The Han runs of a text (after unwrapping), with each character's original offset. */
export function hanRuns(text: string): Array<{ chars: string; offsets: number[] }> {
  const { text: joined, offsets } = unwrap(text);
  const runs: Array<{ chars: string; offsets: number[] }> = [];
  let from = -1;
  for (let i = 0; i <= joined.length; i++) {
    const han = i < joined.length && isHan(joined.charCodeAt(i));
    if (han && from < 0) from = i;
    if (!han && from >= 0) {
      if (i - from >= MIN_PHRASE_LENGTH) runs.push({ chars: joined.slice(from, i), offsets: Array.from(offsets.subarray(from, i)) });
      from = -1;
    }
  }
  return runs;
}

export interface PhraseCount {
  count: number;
  /** Documents the phrase occurs in. */
  docs: number;
}

/**
 * Counts recurrent n-grams (MIN..MAX length) over each document's runs and keeps
 * the closed ones: those no one-character extension matches in count.
 *
 * Grams are numbered level by level: an n-gram's key is its (n−1)-gram prefix's
 * number and its last character, so counting never builds or hashes substrings,
 * and only n-grams whose prefix and tail both recur are counted at all.
 */
export function recurrentPhrases(runsPerDoc: string[][], minCount = MIN_PHRASE_COUNT): Map<string, PhraseCount> {
  // One string with a separator between runs; an n-gram never spans a separator.
  const all = runsPerDoc.map((runs) => runs.join('\u0000')).join('\u0000');
  const length = all.length;
  const docOf = new Int32Array(length);
  let at = 0;
  runsPerDoc.forEach((runs, doc) => {
    const size = runs.reduce((sum, run) => sum + run.length, 0) + Math.max(0, runs.length - 1);
    docOf.fill(doc, at, Math.min(length, at + size + 1));
    at += size + 1;
  });
  // Level 1: characters, numbered densely so keys stay small integers.
  const charId = new Map<number, number>();
  const codeIds = new Int32Array(length);
  for (let i = 0; i < length; i++) {
    const code = all.charCodeAt(i);
    if (code === 0) {
      codeIds[i] = -1;
      continue;
    }
    let id = charId.get(code);
    if (id === undefined) charId.set(code, (id = charId.size));
    codeIds[i] = id;
  }
  const alphabet = Math.max(1, charId.size);
  let ids = codeIds;
  let alive: Int32Array = new Int32Array(length);
  let aliveCount = 0;
  for (let i = 0; i < length; i++) if (codeIds[i] >= 0) alive[aliveCount++] = i;
  interface Level {
    n: number;
    count: Int32Array;
    docs: Int32Array;
    first: Int32Array;
    notClosed: Uint8Array;
  }
  const levels: Level[] = [];
  let previous: Level | undefined;
  for (let n = 2; n <= MAX_PHRASE_LENGTH && aliveCount > 0; n++) {
    // Pass 1: count keys (prefix number · alphabet + last character) where prefix and tail both recur.
    const keys = new Map<number, number>();
    const keyAt = new Float64Array(aliveCount);
    for (let k = 0; k < aliveCount; k++) {
      const i = alive[k];
      keyAt[k] = -1;
      if (i + n > length || ids[i + 1] < 0) continue;
      const last = codeIds[i + n - 1];
      if (last < 0) continue;
      const key = ids[i] * alphabet + last;
      keyAt[k] = key;
      keys.set(key, (keys.get(key) ?? 0) + 1);
    }
    // Pass 2: number the recurrent keys, and gather their counts, documents and first position.
    const next = new Int32Array(length).fill(-1);
    const nextAlive = new Int32Array(aliveCount);
    let nextCount = 0;
    const idOf = new Map<number, number>();
    const count: number[] = [];
    const docs: number[] = [];
    const first: number[] = [];
    const lastDoc: number[] = [];
    for (let k = 0; k < aliveCount; k++) {
      const key = keyAt[k];
      if (key < 0) continue;
      const c = keys.get(key)!;
      if (c < minCount) continue;
      const i = alive[k];
      let id = idOf.get(key);
      if (id === undefined) {
        id = count.length;
        idOf.set(key, id);
        count.push(c);
        docs.push(0);
        first.push(i);
        lastDoc.push(-1);
      }
      if (lastDoc[id] !== docOf[i]) {
        docs[id]++;
        lastDoc[id] = docOf[i];
      }
      next[i] = id;
      nextAlive[nextCount++] = i;
    }
    const level: Level = { n, count: Int32Array.from(count), docs: Int32Array.from(docs), first: Int32Array.from(first), notClosed: new Uint8Array(count.length) };
    // A shorter gram with the same count as one of its extensions is not closed.
    if (previous) {
      for (let id = 0; id < count.length; id++) {
        const pos = first[id];
        const head = ids[pos];
        const tail = ids[pos + 1];
        if (previous.count[head] === count[id]) previous.notClosed[head] = 1;
        if (previous.count[tail] === count[id]) previous.notClosed[tail] = 1;
      }
    }
    levels.push(level);
    previous = level;
    // Level 1 is every character; from level 2 on only recurrent grams survive.
    ids = next;
    alive = nextAlive;
    aliveCount = nextCount;
  }
  const closed = new Map<string, PhraseCount>();
  for (const level of levels) {
    if (level.n < MIN_PHRASE_LENGTH) continue;
    for (let id = 0; id < level.count.length; id++) {
      if (level.notClosed[id]) continue;
      closed.set(all.slice(level.first[id], level.first[id] + level.n), { count: level.count[id], docs: level.docs[id] });
    }
  }
  return closed;
}

function countOccurrences(haystacks: string[], needle: string): PhraseCount {
  let count = 0;
  let docs = 0;
  for (const text of haystacks) {
    let inDoc = 0;
    for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length)) inDoc++;
    count += inDoc;
    if (inDoc > 0) docs++;
  }
  return { count, docs };
}

export function learnPhrases(docs: CorpusDocument[], _lexicon: Lexicon): PhrasesSection {
  const perDoc = docs.map((doc) => hanRuns(doc.text.masked).map((run) => run.chars));
  const closed = recurrentPhrases(perDoc);
  const phrases: PhraseEntry[] = [];
  for (const [phrase, { count, docs: inDocs }] of closed) phrases.push({ phrase, count, source: CORPUS_SOURCE, docs: inDocs });
  // Curated standard formulations are evidence even where the corpus has them once or never.
  const joined = perDoc.map((runs) => runs.join('\u0000'));
  const learned = new Map(phrases.map((p) => [p.phrase, p]));
  const curatedEntries = [
    ...(standardPhrases.phrases as CuratedPhrase[]),
    ...(standardPhrases.organisations as Array<{ name: string; source: string }>).map((o) => ({ phrase: o.name, source: o.source })),
  ];
  for (const curated of curatedEntries) {
    const existing = learned.get(curated.phrase);
    if (existing) existing.source = curated.source;
    else phrases.push({ phrase: curated.phrase, ...countOccurrences(joined, curated.phrase), source: curated.source });
  }
  phrases.sort((a, b) => (a.phrase < b.phrase ? -1 : a.phrase > b.phrase ? 1 : 0));
  return { phrases };
}
