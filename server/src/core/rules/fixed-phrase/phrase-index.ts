/**
 * The phrase index: the eligible phrases of five characters and more in a character
 * trie (numbered breadth first in typed arrays, built level by level from the sorted
 * phrase columns without hashing; children and skip edges — node → grandchild by the
 * grandchild's character — found by binary search), four-character ones in a QuadIndex, and the
 * corpus's evidence about what it writes. Each text position walks the trie exactly
 * and tries one edit per depth; small hashed pair filters turn most positions away
 * after a load or two. Every node of depth ≥ 5 is a target: a prefix of a recurrent
 * phrase recurs at least as often as the phrase.
 *
 * Built once per linter (Rule.createState) for one model and one lexicon, so its
 * memos need no keys of their own.
 */
import type { Lexicon } from '../../lexicon';
import {
  CORPUS_SOURCE,
  ROSTER_SOURCE,
  phraseAt,
  phraseColumns,
  phraseEntryAt,
  phraseTotal,
  type PhraseColumns,
  type PhraseEntry,
  type PhrasesSection,
} from '../../model/sections/phrases';
import { HAN_CODES } from '../../analysis/han';
import { segment, type Token } from '../../segmenter';
import { CorpusEvidence, EVIDENCE_TABLES_KEY, buildPairTables, type PairTables } from './corpus-evidence';
import type { EditKind, NearMiss } from './near-miss';
import { QuadIndex, buildQuadTables } from './quad-index';
import { PAIR_SLOTS, pairSlot } from './tables';
import { tablesFor } from '../../model/tables';
import * as T from './thresholds';

/** isHan and the function characters as tables, held here so the hot loops index them directly. */
const HAN_TABLE: Uint8Array = HAN_CODES;
const FUNCTION_TABLE: Uint8Array = T.FUNCTION_CODES;
/** The thresholds the walk reads at every step, as local constants. */
const MIN_ANCHOR = T.MIN_ANCHOR;
const MIN_TARGET_LENGTH = T.MIN_TARGET_LENGTH;
const MIN_COUNT = T.MIN_COUNT;
const MIN_SLIP_LENGTH = T.MIN_SLIP_LENGTH;
/** Edit kinds as numbers, so a walk records its candidates in a plain array (see readingsOf). */
const EDIT_KINDS: readonly EditKind[] = ['substitute', 'drop', 'add'];
const SUBSTITUTE = 0;
const DROP = 1;
const ADD = 2;

/** A phrase the rule compares text with: long enough, and recurrent enough when learned. */
function eligible(entry: PhraseEntry): boolean {
  if (entry.phrase.length < MIN_SLIP_LENGTH) return false;
  if (entry.source !== CORPUS_SOURCE) return true;
  // A phrase too short for the strict bars is there for slips, which want MIN_COUNT.
  if (entry.phrase.length < MIN_TARGET_LENGTH) return entry.count >= MIN_COUNT;
  return entry.count >= MIN_COUNT || (entry.count >= 2 && (entry.docs ?? 1) >= 2);
}

/** True when the columns' phrases `ids` are in code-unit order. */
function isSorted(columns: PhraseColumns, ids: Int32Array): boolean {
  for (let i = 1; i < ids.length; i++) if (compareColumns(columns, ids[i - 1], ids[i]) > 0) return false;
  return true;
}

/** Compares two phrases of the columns as strings compare (by UTF-16 code units). */
function compareColumns(columns: PhraseColumns, a: number, b: number): number {
  const { text, starts } = columns;
  const aFrom = starts[a];
  const bFrom = starts[b];
  const aLength = starts[a + 1] - 1 - aFrom;
  const bLength = starts[b + 1] - 1 - bFrom;
  for (let k = 0; k < aLength && k < bLength; k++) {
    const diff = text.charCodeAt(aFrom + k) - text.charCodeAt(bFrom + k);
    if (diff !== 0) return diff;
  }
  return aLength - bLength;
}

/**
 * Names the code and thresholds that build PhraseTables: tables a model file stores
 * with another key (an older program, other thresholds) are ignored and rebuilt. The
 * eligibility test's own text is part of it, so changing it can never leave a stale trie.
 */
export const PHRASE_TABLES_KEY = `fixed-phrase trie 5 ${MIN_SLIP_LENGTH}/${MIN_TARGET_LENGTH}/${MIN_COUNT}/${MIN_ANCHOR} ${fingerprint(eligible.toString())}`;

/** The trie and the four-character phrases, as typed arrays (see PhraseIndex). */
export interface PhraseTables {
  targetIds: Int32Array;
  childStart: Int32Array;
  parent: Int32Array;
  char: Uint16Array;
  depth: Uint16Array;
  best: Int32Array;
  maxCount: Int32Array;
  ownCount: Int32Array;
  firstAndThird: Uint8Array;
  firstAndSecond: Uint8Array;
  secondAndThird: Uint8Array;
  thirdAndFourth: Uint8Array;
  quadIds: Int32Array;
  /** Each quad's trie node when it begins a longer phrase (its count is that node's own), else −1 − its number. */
  quadNodes: Int32Array;
  /** The QuadIndex's tables (see buildQuadTables). */
  quadCounts: Int32Array;
  quadCodes: Uint16Array;
  quadHashes: Int32Array;
  quadSlots: Int32Array;
  quadEnds: Uint8Array;
  quadStarts: Uint8Array;
  quadMiddles: Uint8Array;
  quadTails: Uint8Array;
}

/** A short hash of a text (FNV-1a), for keys. */
function fingerprint(text: string): string {
  // Bundlers drop comments, rename identifiers with a numeric suffix (MIN_COUNT2) or
  // qualify imports (import_phrases.CORPUS_SOURCE) and drop redundant parentheses and
  // spaces, semicolons and braces: not a change of code.
  const normal = text
    .replace(/\/\/[^\n]*|\/\*[\s\S]*?\*\//g, '')
    .replace(/\bimport_[\w$]+\./g, '')
    .replace(/([A-Za-z_$])\d+\b/g, '$1')
    .replace(/[\s();{}]+/g, '');
  let h = 0x811c9dc5;
  for (let i = 0; i < normal.length; i++) h = Math.imul(h ^ normal.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(36);
}

/** The tables of a section: learn stores them in the model file so a lint need not build them. */
export function phraseTables(section: PhrasesSection): Array<{ key: string; arrays: Record<string, Uint8Array | Uint16Array | Int32Array | Uint32Array> }> {
  const columns = phraseColumns(section);
  return [
    { key: PHRASE_TABLES_KEY, arrays: { ...buildPhraseTables(columns) } },
    { key: EVIDENCE_TABLES_KEY, arrays: { ...buildPairTables(columns) } },
  ];
}

/**
 * Builds the trie from the columns: the eligible phrases of MIN_TARGET_LENGTH and more
 * in code-unit order, level by level — a node is a run of targets sharing its string;
 * its children split the run by the next character — so nodes are numbered breadth
 * first with each node's children together and sorted, and nothing is hashed.
 */
function buildPhraseTables(columns: PhraseColumns): PhraseTables {
  const { text, starts, counts } = columns;
  const targets: number[] = [];
  const quads: number[] = [];
  let targetChars = 0;
  // eligible() reads one phrase at a time through this view: no object per phrase.
  const view = new ColumnView(columns);
  for (let id = 0; id < phraseTotal(columns); id++) {
    view.id = id;
    if (!eligible(view)) continue;
    const length = starts[id + 1] - starts[id] - 1;
    if (length >= MIN_TARGET_LENGTH) {
      targets.push(id);
      targetChars += length;
    } else if (length === MIN_SLIP_LENGTH) quads.push(id);
  }
  // A learned section is sorted already; a roster merged in at load is not.
  const ordered = Int32Array.from(targets);
  if (!isSorted(columns, ordered)) ordered.sort((a, b) => compareColumns(columns, a, b));
  const total = ordered.length;
  const rank = new Float64Array(total);
  const firstAndThird = new Uint8Array(PAIR_SLOTS);
  const firstAndSecond = new Uint8Array(PAIR_SLOTS);
  const secondAndThird = new Uint8Array(PAIR_SLOTS);
  const thirdAndFourth = new Uint8Array(PAIR_SLOTS);
  for (let id = 0; id < total; id++) {
    const column = ordered[id];
    const source = columns.sources.get(column) ?? CORPUS_SOURCE;
    rank[id] = (source === ROSTER_SOURCE ? 1e9 : source !== CORPUS_SOURCE ? 1e8 : 0) + counts[column];
    const from = starts[column];
    firstAndThird[pairSlot(text.charCodeAt(from), text.charCodeAt(from + 2))] = 1;
    firstAndSecond[pairSlot(text.charCodeAt(from), text.charCodeAt(from + 1))] = 1;
    secondAndThird[pairSlot(text.charCodeAt(from + 1), text.charCodeAt(from + 2))] = 1;
    thirdAndFourth[pairSlot(text.charCodeAt(from + 2), text.charCodeAt(from + 3))] = 1;
  }
  const size = targetChars + 2;
  const childStart = new Int32Array(size + 1);
  const parent = new Int32Array(size);
  const char = new Uint16Array(size);
  const depth = new Uint16Array(size);
  const best = new Int32Array(size);
  const maxCount = new Int32Array(size);
  const ownCount = new Int32Array(size);
  const runFrom = new Int32Array(size);
  const runTo = new Int32Array(size);
  parent[0] = -1;
  best[0] = -1;
  runTo[0] = total;
  let count = 1;
  for (let node = 0; node < count; node++) {
    const d = depth[node];
    const to = runTo[node];
    childStart[node] = count;
    if (node > 0) {
      // The first best-ranked target through the node, and the highest count.
      let top = runFrom[node];
      let max = 0;
      for (let i = runFrom[node]; i < to; i++) {
        if (rank[i] > rank[top]) top = i;
        if (counts[ordered[i]] > max) max = counts[ordered[i]];
      }
      best[node] = top;
      maxCount[node] = max;
    }
    for (let i = runFrom[node]; i < to;) {
      const from = starts[ordered[i]];
      // A target ending here sorts before its extensions.
      if (starts[ordered[i] + 1] - 1 - from === d) {
        ownCount[node] = counts[ordered[i]] + 1;
        i++;
        continue;
      }
      const code = text.charCodeAt(from + d);
      let j = i + 1;
      while (j < to && starts[ordered[j] + 1] - 1 - starts[ordered[j]] > d && text.charCodeAt(starts[ordered[j]] + d) === code) j++;
      parent[count] = node;
      char[count] = code;
      depth[count] = d + 1;
      runFrom[count] = i;
      runTo[count] = j;
      count++;
      i = j;
    }
  }
  childStart[count] = count;
  // A quad that begins a longer phrase shares its trie node, so the corpus's continuations are known.
  const quadIds = Int32Array.from(quads);
  const quadNodes = new Int32Array(quadIds.length);
  quadIds.forEach((column, id) => {
    let node = 0;
    for (let d = 0; d < MIN_SLIP_LENGTH && node >= 0; d++) node = childOf(childStart, char, node, text.charCodeAt(starts[column] + d));
    quadNodes[id] = node > 0 ? node : -1 - id;
    if (node > 0) ownCount[node] = counts[column] + 1;
  });
  const quadTables = buildQuadTables(columns, quadIds);
  return {
    targetIds: ordered,
    childStart: childStart.slice(0, count + 1),
    parent: parent.slice(0, count),
    char: char.slice(0, count),
    depth: depth.slice(0, count),
    best: best.slice(0, count),
    maxCount: maxCount.slice(0, count),
    ownCount: ownCount.slice(0, count),
    firstAndThird,
    firstAndSecond,
    secondAndThird,
    thirdAndFourth,
    quadIds,
    quadNodes,
    quadCounts: quadTables.counts,
    quadCodes: quadTables.codes,
    quadHashes: quadTables.hashes,
    quadSlots: quadTables.ids,
    quadEnds: quadTables.ends,
    quadStarts: quadTables.starts,
    quadMiddles: quadTables.middles,
    quadTails: quadTables.tails,
  };
}

/** The child of a node by its character in a breadth-first trie, or -1. */
function childOf(childStart: Int32Array, chars: Uint16Array, node: number, code: number): number {
  let lo = childStart[node];
  const end = childStart[node + 1];
  let hi = end;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (chars[mid] < code) lo = mid + 1;
    else hi = mid;
  }
  return lo < end && chars[lo] === code ? lo : -1;
}

/** One phrase of the columns seen as an entry, moved from phrase to phrase. */
class ColumnView implements PhraseEntry {
  id = 0;
  constructor(private readonly columns: PhraseColumns) {}
  get phrase(): string {
    return phraseAt(this.columns, this.id);
  }
  get count(): number {
    return this.columns.counts[this.id];
  }
  get source(): string {
    return this.columns.sources.get(this.id) ?? CORPUS_SOURCE;
  }
  get docs(): number | undefined {
    const docs = this.columns.docs[this.id];
    return docs > 0 ? docs - 1 : undefined;
  }
}

export class PhraseIndex {
  /** What the corpus writes: recurrent pieces, slot fillers, pairs written as one unit. */
  readonly evidence: CorpusEvidence;
  private readonly quads: QuadIndex;
  private readonly columns: PhraseColumns;
  /** The trie's phrases (entry ids) as column numbers, in code-unit order, and their entries once asked for. */
  private readonly targetIds: Int32Array;
  private readonly targetEntries = new Map<number, PhraseEntry>();
  /**
   * The trie, numbered breadth first: a node's children are the nodes
   * childStart[node] … childStart[node + 1] − 1, in the order of their characters, so
   * a child is found by binary search and no table of edges is kept.
   */
  private readonly childStart: Int32Array;
  private readonly parent: Int32Array;
  private readonly char: Uint16Array;
  private readonly depth: Uint16Array;
  /** The best (highest-ranked) phrase passing through each node. */
  private readonly best: Int32Array;
  /** The highest count of a phrase through each node, and the count of the phrase ending there plus one (0: none). */
  private readonly maxCount: Int32Array;
  private readonly ownCount: Int32Array;
  private readonly nodeCount: number;
  /**
   * Skip edges (node → its grandchildren with a given character): a node's
   * grandchildren are numbered together, so they are sorted by character in place
   * in skipOrder the first time the node is asked (skipSorted), then binary searched.
   */
  private readonly skipOrder: Int32Array;
  private readonly skipSorted: Uint8Array;
  /** Hashed (first, third) and (first, second) character pairs of the targets: filter edits at the second character. */
  private readonly firstAndThird: Uint8Array;
  private readonly firstAndSecond: Uint8Array;
  /**
   * Hashed (second, third) and (third, fourth) character pairs of the targets: filter substitutions
   * of the first character, which are looked for at every position of the text.
   */
  private readonly secondAndThird: Uint8Array;
  private readonly thirdAndFourth: Uint8Array;
  /** Characters that start a target, in the trie or among the quads. */
  private readonly rootChars = new Uint8Array(0x10000);
  private readonly targetTokens = new Map<number, Token[]>();
  private readonly wordEnds = new Map<number, boolean>();

  constructor(
    section: PhrasesSection,
    private readonly lexicon: Lexicon,
    readonly corpusCharacters = 0,
    /** Documents the model was learned from (0 when unknown). */
    readonly corpusDocuments = 0,
  ) {
    const columns = phraseColumns(section);
    this.columns = columns;
    const tables = (tablesFor(section, PHRASE_TABLES_KEY) as unknown as PhraseTables | undefined) ?? buildPhraseTables(columns);
    this.targetIds = tables.targetIds;
    this.childStart = tables.childStart;
    this.parent = tables.parent;
    this.char = tables.char;
    this.depth = tables.depth;
    this.best = tables.best;
    this.maxCount = tables.maxCount;
    this.ownCount = tables.ownCount;
    this.firstAndThird = tables.firstAndThird;
    this.firstAndSecond = tables.firstAndSecond;
    this.secondAndThird = tables.secondAndThird;
    this.thirdAndFourth = tables.thirdAndFourth;
    this.nodeCount = tables.childStart.length - 1;
    this.skipOrder = new Int32Array(this.nodeCount);
    this.skipSorted = new Uint8Array(this.nodeCount);
    this.evidence = new CorpusEvidence(
      columns,
      lexicon,
      tablesFor(section, EVIDENCE_TABLES_KEY) as unknown as PairTables | undefined,
      section.units,
      section.pairs,
    );
    // A quad that begins a longer phrase shares its trie node, so the corpus's continuations are known.
    this.quads = new QuadIndex(columns, tables.quadIds, tables.quadNodes, {
      counts: tables.quadCounts,
      codes: tables.quadCodes,
      hashes: tables.quadHashes,
      ids: tables.quadSlots,
      ends: tables.quadEnds,
      starts: tables.quadStarts,
      middles: tables.quadMiddles,
      tails: tables.quadTails,
    });
    this.quads.markStarts(this.rootChars);
    for (let child = this.childStart[0]; child < this.childStart[1]; child++) this.rootChars[this.char[child]] = 1;
  }

  /** The child of a node by its character, or -1. */
  private child(node: number, code: number): number {
    return childOf(this.childStart, this.char, node, code);
  }

  /** Where the node's grandchildren with this character start in skipOrder (the run ends at skipEnd), or -1. */
  private skipFrom(node: number, code: number): number {
    const first = this.childStart[node];
    const last = this.childStart[node + 1];
    if (first === last) return -1;
    const from = this.childStart[first];
    const to = this.childStart[last];
    if (from === to) return -1;
    if (this.skipSorted[node] === 0) this.sortGrandchildren(node, from, to);
    let lo = from;
    let hi = to;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.char[this.skipOrder[mid]] < code) lo = mid + 1;
      else hi = mid;
    }
    return lo < to && this.char[this.skipOrder[lo]] === code ? lo : -1;
  }

  /** One past the last grandchild of the node's in skipOrder. */
  private skipEnd(node: number): number {
    return this.childStart[this.childStart[node + 1]];
  }

  /** Sorts a node's grandchildren by character, keeping their order within one character (the order they were numbered). */
  private sortGrandchildren(node: number, from: number, to: number): void {
    const keys = new Float64Array(to - from);
    for (let g = from; g < to; g++) keys[g - from] = this.char[g] * 0x100000000 + g;
    keys.sort();
    for (let k = 0; k < keys.length; k++) this.skipOrder[from + k] = keys[k] % 0x100000000;
    this.skipSorted[node] = 1;
  }

  /** The entry of a trie target, made when first asked for. */
  private entry(id: number): PhraseEntry {
    let entry = this.targetEntries.get(id);
    if (!entry) this.targetEntries.set(id, (entry = phraseEntryAt(this.columns, this.targetIds[id])));
    return entry;
  }

  /** True when there is nothing to match against. */
  get empty(): boolean {
    return this.nodeCount <= 1 && this.quads.empty;
  }

  /** How many ways nearMissesAt looks for a near-miss at one position. */
  static readonly NEAR_MISS_STAGES = 5;
  /** The first stage that looks for a phrase's edge character written otherwise (and nothing inside). */
  static readonly FIRST_SUBSTITUTED_STAGE = 2;

  /**
   * The one-edit near-misses of phrases starting at text[start], most telling first: the longest
   * edited inside a phrase the text starts (the trie's, then a four-character phrase's), then a
   * phrase of five characters or more whose first character the text writes otherwise, then a
   * four-character one whose last or first (the trie finds a longer phrase's last character in
   * trieNearMisses). An edit inside is the stronger evidence and goes first; the scan takes the first
   * the acceptance policy keeps. Each is looked for only when the ones before it were let go: most
   * positions hold no near-miss at all, and the scan stops at the first kept. Stage k (0 up to
   * NEAR_MISS_STAGES) is the k-th way of looking: this returns the readings of the first stage from
   * `fromStage` on that finds any, and foundStage says which, so a position without a near-miss
   * costs one call and no allocation.
   *
   * A stage returns every reading it finds, the one it finds best first: phrases the text misses
   * equally near by other edits (a character dropped where another phrase has one substituted), and a
   * shorter learned phrase the same edit misses (the start of a longer phrase), each for the scan to
   * judge on its own terms; an edit in one meaning only (see readingsOf). Stages from `toStage` on
   * are not looked at.
   */
  nearMissesAt(text: string, start: number, fromStage = 0, toStage = PhraseIndex.NEAR_MISS_STAGES): readonly NearMiss[] | undefined {
    const root = this.rootChars[text.charCodeAt(start)] === 1;
    for (let stage = fromStage; stage < toStage; stage++) {
      let found: NearMiss[] | undefined;
      if (stage === 0) found = root ? this.trieNearMisses(text, start) : undefined;
      else if (stage === 1) found = root ? this.quads.nearMisses(text, start) : undefined;
      else if (stage === 2) found = this.firstSubstituted(text, start);
      else if (stage === 3) found = this.quads.lastSubstituted(text, start);
      else found = this.quads.firstSubstituted(text, start);
      if (found) {
        this.foundStage = stage;
        return found;
      }
    }
    return undefined;
  }

  /** The stage of the readings nearMissesAt last returned: the next call may start after it. */
  foundStage = 0;

  /**
   * The trie targets whose first character text[start] replaces, the rest written exactly
   * (交通运输部 → 中通运输部), longest first. A character dropped or added at a phrase's edge is not
   * looked for: it leaves a piece of the phrase beside another word, which is how text reads
   * anyway (国人民代表大会 is in every 全国人民代表大会).
   */
  private firstSubstituted(text: string, start: number): NearMiss[] | undefined {
    if (start + MIN_TARGET_LENGTH > text.length) return undefined;
    const second = text.charCodeAt(start + 1);
    const third = text.charCodeAt(start + 2);
    if (this.secondAndThird[pairSlot(second, third)] !== 1 || this.thirdAndFourth[pairSlot(third, text.charCodeAt(start + 3))] !== 1) return undefined;
    if (HAN_TABLE[second] !== 1 || HAN_TABLE[third] !== 1) return undefined;
    const from = this.skipFrom(0, second);
    if (from < 0) return undefined;
    const written = text.charCodeAt(start);
    let found: number[] | undefined;
    for (let k = from, skipEnd = this.skipEnd(0); k < skipEnd && this.char[this.skipOrder[k]] === second; k++) {
      const g = this.skipOrder[k];
      if (this.char[this.parent[g]] === written) continue;
      const reached = this.extend(text, g, start + 2);
      if (reached < 0) continue;
      (found ??= []).push(reached, start + 2 + this.depth[reached] - this.depth[g], SUBSTITUTE, start, 0);
    }
    return found && this.readingsOf(text, start, found, this.bestOf(found));
  }

  /** The entry of the learned phrase that ends at a trie node (its string `target`), found among the targets. */
  private phraseEnding(node: number, target: string): PhraseEntry {
    let lo = 0;
    let hi = this.targetIds.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (phraseAt(this.columns, this.targetIds[mid]) < target) lo = mid + 1;
      else hi = mid;
    }
    return lo < this.targetIds.length && phraseAt(this.columns, this.targetIds[lo]) === target ? this.entry(lo) : this.entry(this.best[node]);
  }

  /** Where the best of a walk's candidates (see readingsOf) starts in `found`: the first found of the longest (see better). */
  private bestOf(found: number[]): number {
    let best = 0;
    for (let c = 5; c < found.length; c += 5) if (this.better(found[c], found[c + 1], found[best], found[best + 1])) best = c;
    return best;
  }

  /**
   * The readings of the candidates a walk found (node, end, kind, text offset and target offset of
   * the edit, five numbers each, in the order found): the one at `best` first, then the others
   * longest first, each followed by the shorter learned phrases the same edit misses.
   *
   * An edit is read in one meaning only, the first's: phrases that mean other characters where the
   * text writes this one (一支医疗队, 两支医疗队, 多支医疗队 beside 七支医疗队) show a slot the archive fills
   * in several ways, where the written character is as likely one more filler. Reading each meaning
   * found 1 injected slip more on half A (600 articles, model learned from half B) and none on 1,500
   * half-B articles (model learned from half A), for up to four false alarms more there (a numeral, a
   * country's abbreviation or a preposition written in such a slot).
   */
  private readingsOf(text: string, start: number, found: number[], best: number): NearMiss[] {
    const readings: NearMiss[] = [];
    if (found.length === 5) {
      this.addReadings(readings, text, start, found, 0);
      return readings;
    }
    const order: number[] = [];
    for (let c = 0; c < found.length; c += 5) if (c !== best) order.push(c);
    order.sort((a, b) => this.depth[found[b]] - this.depth[found[a]] || found[b + 1] - found[a + 1] || a - b);
    order.unshift(best);
    // Each edit (text offset and kind) with the character its first candidate means there (−1: added).
    const sites: number[] = [];
    const meanings: number[] = [];
    for (const c of order) {
      const site = found[c + 3] * 4 + found[c + 2];
      const means = found[c + 2] === ADD ? -1 : this.charAtDepth(found[c], found[c + 4] + 1);
      const k = sites.indexOf(site);
      if (k < 0) {
        sites.push(site);
        meanings.push(means);
      } else if (meanings[k] !== means) continue;
      this.addReadings(readings, text, start, found, c);
    }
    return readings;
  }

  /**
   * Adds to `readings` the candidate at `c` of `found` (see readingsOf) and the learned phrases ending
   * before it with MIN_ANCHOR characters kept after the edit, each once.
   */
  private addReadings(readings: NearMiss[], text: string, start: number, found: number[], c: number): void {
    const node = found[c];
    const end = found[c + 1];
    const kind = EDIT_KINDS[found[c + 2]];
    const textAt = found[c + 3];
    const targetAt = found[c + 4];
    this.addReading(readings, node, start, end, kind, textAt, targetAt, false);
    const edited = kind === 'drop' ? textAt : textAt + 1;
    for (let n = this.parent[node], e = end - 1; n > 0 && this.depth[n] >= MIN_TARGET_LENGTH && e - edited >= MIN_ANCHOR; n = this.parent[n], e--) {
      if (this.ownCount[n] > 0 && !FUNCTION_TABLE[text.charCodeAt(e - 1)]) this.addReading(readings, n, start, e, kind, textAt, targetAt, true);
    }
  }

  /** Adds one reading unless there already; `own`: a shorter phrase, judged as the corpus writes it, not by a longer one through its node. */
  private addReading(readings: NearMiss[], node: number, start: number, end: number, kind: EditKind, textAt: number, targetAt: number, own: boolean): void {
    for (const r of readings) if (r.node === node && r.end === end && r.kind === kind && r.textAt === textAt) return;
    const reading = this.nearMissOf(node, start, end, kind, textAt, targetAt);
    readings.push(own ? { ...reading, entry: this.phraseEnding(node, reading.target) } : reading);
  }

  /** The character of the node's string at depth `depth` (1 for its first). */
  private charAtDepth(node: number, depth: number): number {
    let n = node;
    while (this.depth[n] > depth) n = this.parent[n];
    return this.char[n];
  }

  /**
   * Cuts a trie target back to its longest prefix that the corpus writes MIN_COUNT
   * times (基层医疗卫生机构, twice, to 基层医疗卫生, four times), keeping a character
   * after the edit and a phrase length: the cut near-miss, or undefined.
   */
  cutToRecurrent(text: string, m: NearMiss): NearMiss | undefined {
    if (m.node < 0) return undefined;
    const shortest = Math.max(MIN_TARGET_LENGTH, m.targetAt + (m.kind === 'add' ? 1 : 2));
    for (let n = this.parent[m.node]; n > 0 && this.depth[n] >= shortest; n = this.parent[n]) {
      const end = m.end - (this.depth[m.node] - this.depth[n]);
      if (this.countOf(n) < MIN_COUNT || FUNCTION_TABLE[text.charCodeAt(end - 1)]) continue;
      const best = this.entry(this.best[n]);
      const target = m.target.slice(0, this.depth[n]);
      return { ...m, end, node: n, target, entry: { phrase: target, count: this.countOf(n), source: best.source, docs: best.docs } };
    }
    return undefined;
  }

  /** How often the corpus writes the node's string: its own count, or at least its most frequent extension's. */
  countOf(node: number): number {
    return node < 0 ? this.quads.countOf(node) : this.ownCount[node] > 0 ? this.ownCount[node] - 1 : this.maxCount[node];
  }

  /**
   * The character that most often follows the node's string in the corpus, and
   * whether it is dominant — there at least nine times in ten, leaving fewer than
   * MIN_COUNT occurrences on its own (推进中医 is 推进中医药 13 times in 14).
   */
  usualNext(node: number): { code: number; dominant: boolean } | undefined {
    if (node < 0) return undefined;
    const own = this.countOf(node);
    if (own <= 0) return undefined;
    let usual = -1;
    for (let child = this.childStart[node]; child < this.childStart[node + 1]; child++)
      if (usual < 0 || this.maxCount[child] > this.maxCount[usual]) usual = child;
    if (usual < 0) return undefined;
    const extended = this.maxCount[usual];
    return { code: this.char[usual], dominant: extended * 10 >= own * 9 && own - extended < MIN_COUNT };
  }

  /** The child of a node that ends a phrase the corpus writes there nearly always (usualNext), or -1. */
  private dominantEnd(node: number): number {
    const next = this.usualNext(node);
    if (!next?.dominant || FUNCTION_TABLE[next.code]) return -1;
    const child = this.child(node, next.code);
    return child >= 0 && this.ownCount[child] > 0 ? child : -1;
  }

  /** The target's segmentation, remembered per trie node. */
  segmentTarget(m: NearMiss): Token[] {
    let tokens = this.targetTokens.get(m.node);
    if (!tokens) this.targetTokens.set(m.node, (tokens = segment(this.lexicon, m.target)));
    return tokens;
  }

  /** The word of the target's segmentation that holds the edited place (m.targetAt), if any. */
  targetWordAt(m: NearMiss): Token | undefined {
    return this.segmentTarget(m).find((t) => t.start <= m.targetAt && m.targetAt < t.end);
  }

  /**
   * True when the target ends on a word boundary both in its phrase and before the
   * character the corpus most often writes next. Remembered per trie node.
   */
  endsOnWord(m: NearMiss): boolean {
    let yes = this.wordEnds.get(m.node);
    if (yes === undefined) {
      const length = m.target.length;
      const boundary = (s: string) => segment(this.lexicon, s).some((t) => t.end === length);
      const next = this.usualNext(m.node);
      yes = (length >= m.entry.phrase.length || boundary(m.entry.phrase)) && (!next || boundary(m.target + String.fromCharCode(next.code)));
      this.wordEnds.set(m.node, yes);
    }
    return yes;
  }

  private pathOf(node: number): string {
    let s = '';
    for (let n = node; n > 0; n = this.parent[n]) s = String.fromCharCode(this.char[n]) + s;
    return s;
  }

  /** The one-edit near-misses of trie targets starting at text[start], the longest first (see readingsOf). */
  private trieNearMisses(text: string, start: number): NearMiss[] | undefined {
    // The hot loop allocates nothing until a candidate is found. extend() matches one text
    // character per trie level, so a target reached from node g at text position q ends at
    // q + depth(target) − depth(g).
    let found: number[] | undefined;
    let node = 0;
    let d = 0;
    for (; ; d++) {
      const p = start + d;
      if (d >= MIN_ANCHOR && p < text.length && HAN_TABLE[text.charCodeAt(p)] === 1) {
        const here = text.charCodeAt(p);
        const after = p + 1 < text.length ? text.charCodeAt(p + 1) : -1;
        // Edits right after the first character pass a pair filter first: most positions end here.
        const first = d === 1 ? text.charCodeAt(start) : -1;
        const afterIsHan = after >= 0 && HAN_TABLE[after] === 1;
        // Substitution: target char x ≠ here, then `after` continues.
        const substitutes = afterIsHan && (d > 1 || this.firstAndThird[pairSlot(first, after)] === 1) ? this.skipFrom(node, after) : -1;
        if (substitutes >= 0) {
          for (let k = substitutes, skipEnd = this.skipEnd(node); k < skipEnd && this.char[this.skipOrder[k]] === after; k++) {
            const g = this.skipOrder[k];
            if (this.char[this.parent[g]] === here) continue;
            const reached = this.extend(text, g, p + 2);
            if (reached >= 0) (found ??= []).push(reached, p + 2 + this.depth[reached] - this.depth[g], SUBSTITUTE, p, d);
          }
        }
        // Dropped character: the target has x here, the text goes straight on.
        const drops = d > 1 || this.firstAndThird[pairSlot(first, here)] === 1 ? this.skipFrom(node, here) : -1;
        if (drops >= 0) {
          for (let k = drops, skipEnd = this.skipEnd(node); k < skipEnd && this.char[this.skipOrder[k]] === here; k++) {
            const g = this.skipOrder[k];
            const reached = this.extend(text, g, p + 1);
            if (reached >= 0) (found ??= []).push(reached, p + 1 + this.depth[reached] - this.depth[g], DROP, p, d);
          }
        }
        // Added character: the text has an extra `here`.
        if (afterIsHan && (d > 1 || this.firstAndSecond[pairSlot(first, after)] === 1)) {
          const child = this.child(node, after);
          const reached = child >= 0 && this.char[child] !== here ? this.extend(text, child, p + 2) : -1;
          if (reached >= 0) (found ??= []).push(reached, p + 2 + this.depth[reached] - this.depth[child], ADD, p, d);
        }
      }
      if (p >= text.length) break;
      const next = this.child(node, text.charCodeAt(p));
      if (next < 0) break;
      node = next;
    }
    // The last character substituted: the text follows a phrase up to it and writes another there. No
    // character follows the edit, so extend() cannot see it; the phrase must be what the corpus writes
    // after the text's characters nearly every time (usualNext). It comes first when longer than
    // anything found above, else after the readings as long as it.
    const p = start + d;
    if (d + 1 >= MIN_TARGET_LENGTH && p < text.length) {
      const code = text.charCodeAt(p);
      const last = HAN_TABLE[code] === 1 && !FUNCTION_TABLE[code] ? this.dominantEnd(node) : -1;
      if (last >= 0) {
        const best = found ? this.bestOf(found) : -1;
        (found ??= []).push(last, p + 1, SUBSTITUTE, p, d);
        return this.readingsOf(text, start, found, best < 0 || this.depth[found[best]] <= d ? found.length - 5 : best);
      }
    }
    return found && this.readingsOf(text, start, found, this.bestOf(found));
  }

  /** The near-miss of the trie target ending at `node`, written over text[start, end). */
  private nearMissOf(node: number, start: number, end: number, kind: NearMiss['kind'], textAt: number, targetAt: number): NearMiss {
    return { start, end, target: this.pathOf(node), entry: this.entry(this.best[node]), node, kind, textAt, targetAt };
  }

  /**
   * True when a target beats the best so far: a longer target, or the same length
   * explaining more of the text (卫生健康作工作 is 卫生健康工作 with 作 added, not
   * 卫生健康[工]作 followed by a stray 工作).
   */
  private better(node: number, end: number, bestNode: number, bestEnd: number): boolean {
    if (bestNode < 0) return true;
    return this.depth[node] > this.depth[bestNode] || (this.depth[node] === this.depth[bestNode] && end > bestEnd);
  }

  /**
   * Walks exactly from `node` (one character already matched after the edit, the
   * text going on at p) and returns the deepest target of at least MIN_TARGET_LENGTH
   * with ≥ MIN_ANCHOR characters matched after the edit, or -1. The acceptance policy
   * holds shorter targets and anchors to stricter bars unless the variant is a slip.
   */
  private extend(text: string, node: number, p: number): number {
    let matched = 1;
    let reached = -1;
    for (;;) {
      // A target never ends on a function character (…事业和): the phrase proper ends before it.
      if (matched >= MIN_ANCHOR && this.depth[node] >= MIN_TARGET_LENGTH && !FUNCTION_TABLE[text.charCodeAt(p - 1)]) reached = node;
      if (p >= text.length) break;
      const next = this.child(node, text.charCodeAt(p));
      if (next < 0) break;
      node = next;
      p++;
      matched++;
    }
    return reached;
  }
}
