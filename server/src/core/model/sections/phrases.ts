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
import type { CorpusDocument } from '../corpus';
import type { Lexicon } from '../../lexicon';
import { isHan } from '../../analysis/han';
import { unwrap } from '../../analysis/unwrap';
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
  /**
   * The corpus's own two-character units: pairs of Han characters the lexicon lacks as a word
   * that the corpus writes again and again as a unit (new coinages and abbreviations: 推普,
   * 中秘; see UNIT_MIN_COUNT), concatenated in code order. A near-miss whose
   * written character makes one of them with its neighbour is the house's usage, not a slip.
   * Only pairs the lexicon lacks are kept: a word the lexicon knows already reads as one.
   * Absent in models learned before it existed.
   */
  units?: string;
  /**
   * The corpus's character pairs and how often it writes each (see ArchivePairs): what the
   * archive writes beside what, so that a variant whose new pairings the archive writes as
   * readily as any other is read as usage. Absent in models learned before it existed.
   */
  pairs?: ArchivePairs;
}

/**
 * Every pair of Han characters the corpus writes side by side inside its Han runs at least
 * PAIR_MIN_COUNT times: keys (first · 0x10000 + second) ascending, and each key's count.
 */
export interface ArchivePairs {
  keys: Uint32Array;
  counts: Uint32Array | Uint16Array | Uint8Array;
}

/**
 * Occurrences before a pair is stored in ArchivePairs. Two: a pair written once may be a slip
 * of the archive's own, and singletons are two fifths of the distinct pairs of a newsroom year
 * (310,000 distinct pairs in 6.8 M characters of the development corpus, 180,000 written twice).
 */
export const PAIR_MIN_COUNT = 2;
/**
 * Han characters (in runs) an archive needs before its pairs are kept: a small corpus leaves
 * most of a slip's pairings and most of a variant's unseen alike. The seeds' 76,000 characters
 * changed no finding on the development corpus with their pairs, and a small model file (the
 * default model shipped in the extension) stays small without them. 200,000: an archive of half
 * a million characters (about 430,000 in Han runs) already reads shortened forms and the
 * archive's own pairings better with them: on 600 half-B articles, fixed-phrase's false alarms
 * with a 0.5 M-character half-A archive fell from 0.59 to 0.47 per 10k for 2 points of
 * injected-slip recall (0.39 to 0.37); at 500,000 such an archive kept none.
 */
export const PAIR_MIN_CORPUS = 200_000;

export const MIN_PHRASE_LENGTH = 4;
export const MAX_PHRASE_LENGTH = 16;
/** Occurrences before a phrase counts as the house's own formulation. */
export const MIN_PHRASE_COUNT = 2;
/**
 * When a pair the lexicon lacks counts as one of the corpus's own units (PhrasesSection.units):
 * written UNIT_MIN_COUNT times in UNIT_MIN_DOCS documents, UNIT_MIN_CLEAR of them clear of
 * words (no two-character word of the lexicon takes either character: 报记 in 日报记者 is a
 * seam, not a unit); or UNIT_MIN_CLEAR_ALONE times clear of words in UNIT_MIN_CLEAR_ALONE_DOCS
 * documents. On half A of the development corpus (600 articles, model learned from half B)
 * fixed-phrase's false alarms fell from 24 to 18 with its injected-slip recall unchanged (0.37);
 * counting seams too (5 times in 3 documents, no clear occurrence asked) fell to 16 but lost
 * five points of recall (an injected character makes a common seam with its neighbour), and
 * one clear occurrence instead of two lost one point for no false alarm. A half-B model keeps
 * about 7,800 pairs.
 */
export const UNIT_MIN_COUNT = 5;
export const UNIT_MIN_DOCS = 3;
export const UNIT_MIN_CLEAR = 2;
export const UNIT_MIN_CLEAR_ALONE = 3;
export const UNIT_MIN_CLEAR_ALONE_DOCS = 2;

export const CORPUS_SOURCE = 'corpus';
export const ROSTER_SOURCE = 'roster';

interface CuratedPhrase {
  phrase: string;
  source: string;
}

export function emptyPhrases(): PhrasesSection {
  return { phrases: [] };
}

// ---------------------------------------------------------------------------
// Columns: how the section is stored and indexed. A whole-archive model holds
// hundreds of thousands of phrases; as objects they cost seconds to parse and
// hundreds of MB, as columns one string and three number arrays.

/** The section as columns: phrase i is text.slice(starts[i], starts[i + 1] - 1). */
export interface PhraseColumns {
  /** The phrases in the section's order, each followed by a line feed (no phrase holds one). */
  readonly text: string;
  /**
   * The same as UTF-16 code units, when the columns came from a binary model file: then
   * phrases are read from here and `text` is decoded only if an index must be rebuilt.
   */
  readonly codes?: Uint16Array;
  /** Where each phrase starts in text, and one past the end. */
  readonly starts: Uint32Array;
  readonly counts: Uint32Array;
  /** Documents the phrase occurs in, plus one; 0 when not known. */
  readonly docs: Uint32Array;
  /** The source of each phrase that is not CORPUS_SOURCE, by its number. */
  readonly sources: ReadonlyMap<number, string>;
}

/** How the columns are written in a model file (version 2). */
export interface StoredPhrases {
  format: 'columns';
  /** The phrases, each followed by a line feed. */
  text: string;
  counts: number[];
  /** Documents plus one, 0 when not known. */
  docs: number[];
  /** Phrase number → source, for phrases not learned from the corpus. */
  sources: Record<string, string>;
  /** PhrasesSection.units. */
  units?: string;
  /** PhrasesSection.pairs, as plain arrays. */
  pairs?: { keys: number[]; counts: number[] };
}

const SEPARATOR = '\n';
const columnsOf = new WeakMap<PhrasesSection, PhraseColumns>();

/** The section's columns, built once per section object. */
export function phraseColumns(section: PhrasesSection): PhraseColumns {
  let columns = columnsOf.get(section);
  if (!columns) columnsOf.set(section, (columns = columnsFromEntries(section.phrases)));
  return columns;
}

export function phraseTotal(columns: PhraseColumns): number {
  return columns.counts.length;
}

export function phraseAt(columns: PhraseColumns, id: number): string {
  const codes = columns.codes;
  if (codes) return String.fromCharCode.apply(null, codes.subarray(columns.starts[id], columns.starts[id + 1] - 1) as unknown as number[]);
  return columns.text.slice(columns.starts[id], columns.starts[id + 1] - 1);
}

/** Copies the code units of phrase `id` into `out` at `at`. */
export function phraseCodes(columns: PhraseColumns, id: number, out: Uint16Array, at: number): void {
  const from = columns.starts[id];
  const to = columns.starts[id + 1] - 1;
  if (columns.codes) out.set(columns.codes.subarray(from, to), at);
  else for (let i = from; i < to; i++) out[at + i - from] = columns.text.charCodeAt(i);
}

export function phraseEntryAt(columns: PhraseColumns, id: number): PhraseEntry {
  const entry: PhraseEntry = { phrase: phraseAt(columns, id), count: columns.counts[id], source: columns.sources.get(id) ?? CORPUS_SOURCE };
  if (columns.docs[id] > 0) entry.docs = columns.docs[id] - 1;
  return entry;
}

function columnsFromEntries(entries: readonly PhraseEntry[]): PhraseColumns {
  const starts = new Uint32Array(entries.length + 1);
  const counts = new Uint32Array(entries.length);
  const docs = new Uint32Array(entries.length);
  const sources = new Map<number, string>();
  let at = 0;
  entries.forEach((entry, id) => {
    starts[id] = at;
    at += entry.phrase.length + 1;
    counts[id] = entry.count;
    docs[id] = entry.docs === undefined ? 0 : entry.docs + 1;
    if (entry.source !== CORPUS_SOURCE) sources.set(id, entry.source);
  });
  starts[entries.length] = at;
  // A line feed inside a phrase (a hand-written roster entry) would shift every later phrase.
  const text = entries.map((entry) => entry.phrase.replace(/[\r\n]/g, ' ') + SEPARATOR).join('');
  return { text, starts, counts, docs, sources };
}

/** The section as a model file stores it. */
export function storePhrases(section: PhrasesSection): StoredPhrases {
  const columns = phraseColumns(section);
  const sources: Record<string, string> = {};
  for (const [id, source] of columns.sources) sources[id] = source;
  const stored: StoredPhrases = { format: 'columns', text: columns.text, counts: Array.from(columns.counts), docs: Array.from(columns.docs), sources };
  if (section.units !== undefined) stored.units = section.units;
  if (section.pairs) stored.pairs = { keys: Array.from(section.pairs.keys), counts: Array.from(section.pairs.counts) };
  return stored;
}

/**
 * The section from its stored columns, or undefined when they do not fit together.
 * The phrase objects are made only if someone asks for them (the roster merge); the
 * rule reads the columns.
 */
export function loadStoredPhrases(stored: StoredPhrases): PhrasesSection | undefined {
  const { text, counts, docs, sources } = stored;
  if (typeof text !== 'string' || !Array.isArray(counts) || !Array.isArray(docs) || docs.length !== counts.length) return undefined;
  if (typeof sources !== 'object' || sources === null) return undefined;
  const starts = new Uint32Array(counts.length + 1);
  let at = 0;
  for (let id = 0; id < counts.length; id++) {
    const end = text.indexOf(SEPARATOR, at);
    if (end < 0) return undefined;
    starts[id] = at;
    at = end + 1;
  }
  if (at !== text.length) return undefined;
  starts[counts.length] = at;
  const sourceMap = new Map<number, string>();
  for (const [key, source] of Object.entries(sources)) sourceMap.set(Number(key), String(source));
  const section = phrasesFromColumns({ text, starts, counts: Uint32Array.from(counts), docs: Uint32Array.from(docs), sources: sourceMap });
  if (section && stored.units !== undefined) {
    if (!isUnitList(stored.units)) return undefined;
    section.units = stored.units;
  }
  if (section && stored.pairs !== undefined) {
    const pairs = stored.pairs;
    if (!Array.isArray(pairs?.keys) || !Array.isArray(pairs.counts)) return undefined;
    const checked = archivePairsFrom(Uint32Array.from(pairs.keys), Uint32Array.from(pairs.counts));
    if (!checked) return undefined;
    section.pairs = checked;
  }
  return section;
}

/** The pairs when their columns fit together (as long as each other, keys ascending), else undefined. */
export function archivePairsFrom(keys: Uint32Array, counts: ArchivePairs['counts']): ArchivePairs | undefined {
  if (keys.length !== counts.length) return undefined;
  for (let i = 1; i < keys.length; i++) if (keys[i - 1] >= keys[i]) return undefined;
  return { keys, counts };
}

/** True when a stored unit list is what learnPhrases writes: pairs, concatenated. */
export function isUnitList(units: unknown): units is string {
  return typeof units === 'string' && units.length % 2 === 0;
}

/** A section over columns (checked to fit together), its phrase objects made only if asked for. */
export function phrasesFromColumns(columns: PhraseColumns): PhrasesSection | undefined {
  const total = columns.counts.length;
  const length = columns.codes ? columns.codes.length : columns.text.length;
  const codeAt = columns.codes ? (i: number) => columns.codes![i] : (i: number) => columns.text.charCodeAt(i);
  if (columns.docs.length !== total || columns.starts.length !== total + 1 || columns.starts[0] !== 0 || columns.starts[total] !== length) return undefined;
  for (let id = 0; id < total; id++) {
    const end = columns.starts[id + 1];
    if (end <= columns.starts[id] || codeAt(end - 1) !== 0x0a) return undefined;
  }
  let phrases: PhraseEntry[] | undefined;
  const section = {} as PhrasesSection;
  Object.defineProperty(section, 'phrases', {
    enumerable: true,
    get: () => (phrases ??= Array.from({ length: phraseTotal(columns) }, (_, i) => phraseEntryAt(columns, i))),
  });
  columnsOf.set(section, columns);
  return section;
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
    const keys = new KeyCounts();
    const keyAt = new Float64Array(aliveCount);
    for (let k = 0; k < aliveCount; k++) {
      const i = alive[k];
      keyAt[k] = -1;
      if (i + n > length || ids[i + 1] < 0) continue;
      const last = codeIds[i + n - 1];
      if (last < 0) continue;
      const key = ids[i] * alphabet + last;
      keyAt[k] = key;
      keys.add(key);
    }
    // Pass 2: number the recurrent keys, and gather their counts, documents and first position.
    const next = new Int32Array(length).fill(-1);
    const nextAlive = new Int32Array(aliveCount);
    let nextCount = 0;

    const count: number[] = [];
    const docs: number[] = [];
    const first: number[] = [];
    const lastDoc: number[] = [];
    for (let k = 0; k < aliveCount; k++) {
      const key = keyAt[k];
      if (key < 0) continue;
      const slot = keys.slotOf(key);
      const c = keys.counts[slot];
      if (c < minCount) continue;
      const i = alive[k];
      let id = keys.ids[slot];
      if (id < 0) {
        id = count.length;
        keys.ids[slot] = id;
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
    const level: Level = {
      n,
      count: Int32Array.from(count),
      docs: Int32Array.from(docs),
      first: Int32Array.from(first),
      notClosed: new Uint8Array(count.length),
    };
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

/**
 * Counts of numeric keys (an n-gram's prefix number · alphabet + its last character, up
 * to ~10¹⁰: not small integers, so a Map would box every one) in open addressing over
 * typed arrays, with a number given to each key later (ids, −1 until then).
 */
class KeyCounts {
  private keys = new Float64Array(1 << 16).fill(-1);
  counts = new Int32Array(1 << 16);
  ids = new Int32Array(1 << 16).fill(-1);
  private mask = (1 << 16) - 1;
  private size = 0;

  add(key: number): void {
    if ((this.size + 1) * 2 > this.keys.length) this.grow();
    let i = KeyCounts.hash(key) & this.mask;
    while (this.keys[i] !== key && this.keys[i] !== -1) i = (i + 1) & this.mask;
    if (this.keys[i] === -1) {
      this.keys[i] = key;
      this.size++;
    }
    this.counts[i]++;
  }

  /** The slot of a key that was added. */
  slotOf(key: number): number {
    let i = KeyCounts.hash(key) & this.mask;
    while (this.keys[i] !== key) i = (i + 1) & this.mask;
    return i;
  }

  private static hash(key: number): number {
    const h = Math.imul((key % 0x100000000) | 0, 0x9e3779b1) ^ Math.imul(Math.floor(key / 0x100000000), 0x85ebca6b);
    return h ^ (h >>> 15);
  }

  private grow(): void {
    const { keys, counts } = this;
    const capacity = keys.length * 2;
    this.keys = new Float64Array(capacity).fill(-1);
    this.counts = new Int32Array(capacity);
    this.ids = new Int32Array(capacity).fill(-1);
    this.mask = capacity - 1;
    for (let j = 0; j < keys.length; j++) {
      if (keys[j] === -1) continue;
      let i = KeyCounts.hash(keys[j]) & this.mask;
      while (this.keys[i] !== -1) i = (i + 1) & this.mask;
      this.keys[i] = keys[j];
      this.counts[i] = counts[j];
    }
  }
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

export function learnPhrases(docs: CorpusDocument[], lexicon: Lexicon): PhrasesSection {
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
  const { units, counts } = pairStatistics(perDoc, lexicon);
  const section: PhrasesSection = { phrases, units };
  const characters = perDoc.reduce((sum, runs) => runs.reduce((inDoc, run) => inDoc + run.length, sum), 0);
  if (characters >= PAIR_MIN_CORPUS) section.pairs = keptPairs(counts);
  return section;
}

/** The character pairs of the documents' Han runs written at least PAIR_MIN_COUNT times (PhrasesSection.pairs). */
export function archivePairs(runsPerDoc: readonly string[][], lexicon: Lexicon): ArchivePairs {
  return keptPairs(pairStatistics(runsPerDoc, lexicon).counts);
}

/** The pairs of a count map (pair key → occurrences) written at least PAIR_MIN_COUNT times. */
function keptPairs(counts: ReadonlyMap<number, number>): ArchivePairs {
  const kept: number[] = [];
  for (const [key, count] of counts) if (count >= PAIR_MIN_COUNT) kept.push(key);
  const keys = Uint32Array.from(kept).sort();
  return { keys, counts: Uint32Array.from(keys, (key) => counts.get(key)!) };
}

/** The corpus's own two-character units (PhrasesSection.units) in the documents' Han runs. */
export function corpusUnits(runsPerDoc: readonly string[][], lexicon: Lexicon): string {
  return pairStatistics(runsPerDoc, lexicon).units;
}

/** The corpus's units and, from the same pass, every pair's count (key first · 0x10000 + second). */
function pairStatistics(runsPerDoc: readonly string[][], lexicon: Lexicon): { units: string; counts: Map<number, number> } {
  // Pair key (first · 0x10000 + second) → occurrences, occurrences standing clear of words, the last document (plus one) and documents.
  const counts = new Map<number, number>();
  const clear = new Map<number, number>();
  const lastDoc = new Map<number, number>();
  const inDocs = new Map<number, number>();
  // The lexicon's two-character words as pair keys, so the scan builds no string per character.
  const words = new Set(lexicon.twoCharWords(1).map((w) => w.charCodeAt(0) * 0x10000 + w.charCodeAt(1)));
  const isWord = (run: string, i: number) => words.has(run.charCodeAt(i) * 0x10000 + run.charCodeAt(i + 1));
  runsPerDoc.forEach((runs, doc) => {
    for (const run of runs) {
      for (let i = 0; i + 1 < run.length; i++) {
        const key = run.charCodeAt(i) * 0x10000 + run.charCodeAt(i + 1);
        counts.set(key, (counts.get(key) ?? 0) + 1);
        if (lastDoc.get(key) !== doc) {
          lastDoc.set(key, doc);
          inDocs.set(key, (inDocs.get(key) ?? 0) + 1);
        }
        // A seam between words (报记 in 日报记者) is no unit: a word of the lexicon takes one of its characters.
        if ((i > 0 && isWord(run, i - 1)) || (i + 2 < run.length && isWord(run, i + 1))) continue;
        clear.set(key, (clear.get(key) ?? 0) + 1);
      }
    }
  });
  const kept: number[] = [];
  for (const [key, count] of counts) {
    const clearCount = clear.get(key) ?? 0;
    const docs = inDocs.get(key)!;
    const often = count >= UNIT_MIN_COUNT && docs >= UNIT_MIN_DOCS && clearCount >= UNIT_MIN_CLEAR;
    if (!often && !(clearCount >= UNIT_MIN_CLEAR_ALONE && docs >= UNIT_MIN_CLEAR_ALONE_DOCS)) continue;
    if (!words.has(key)) kept.push(key);
  }
  const units = kept
    .sort((a, b) => a - b)
    .map((key) => String.fromCharCode(Math.floor(key / 0x10000), key % 0x10000))
    .join('');
  return { units, counts };
}
