/**
 * The phrase index: the eligible phrases of five characters and more in a character
 * trie (children and skip edges — node → grandchild by the grandchild's character —
 * in typed open-addressing tables), four-character ones in a QuadIndex, and the
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
import { CorpusEvidence } from './corpus-evidence';
import type { EditKind, NearMiss } from './near-miss';
import { QuadIndex } from './quad-index';
import { KeyTable, PAIR_SLOTS, pairSlot } from './tables';
import * as T from './thresholds';

/** isHan and the function characters as tables, held here so the hot loops index them directly. */
const HAN_TABLE: Uint8Array = HAN_CODES;
const FUNCTION_TABLE: Uint8Array = T.FUNCTION_CODES;
/** The thresholds the walk reads at every step, as local constants. */
const MIN_ANCHOR = T.MIN_ANCHOR;
const MIN_TARGET_LENGTH = T.MIN_TARGET_LENGTH;
const MIN_COUNT = T.MIN_COUNT;
const MIN_SLIP_LENGTH = T.MIN_SLIP_LENGTH;

/** A phrase the rule compares text with: long enough, and recurrent enough when learned. */
function eligible(entry: PhraseEntry): boolean {
  if (entry.phrase.length < MIN_SLIP_LENGTH) return false;
  if (entry.source !== CORPUS_SOURCE) return true;
  // A phrase too short for the strict bars is there for slips, which want MIN_COUNT.
  if (entry.phrase.length < MIN_TARGET_LENGTH) return entry.count >= MIN_COUNT;
  return entry.count >= MIN_COUNT || (entry.count >= 2 && (entry.docs ?? 1) >= 2);
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
  /** The targets of the trie (entry ids) as column numbers, and their entries once asked for. */
  private readonly targetIds: Int32Array;
  private readonly targetEntries = new Map<number, PhraseEntry>();
  /** Per trie node (typed arrays sized for the worst case: untouched pages cost nothing). */
  private readonly parent: Int32Array;
  private readonly char: Uint16Array;
  private readonly depth: Uint16Array;
  /** The best (highest-ranked) phrase passing through each node. */
  private readonly best: Int32Array;
  /** The highest count of a phrase through each node, and the count of the phrase ending there plus one (0: none). */
  private readonly maxCount: Int32Array;
  private readonly ownCount: Int32Array;
  /** Children in the order they were made, as linked lists (0 ends a list: the root is nobody's child). */
  private readonly firstChild: Int32Array;
  private readonly lastChild: Int32Array;
  private readonly nextSibling: Int32Array;
  private nodeCount = 1;
  /** Hashed (first, third) and (first, second) character pairs of the targets: filter edits at the second character. */
  private readonly firstAndThird = new Uint8Array(PAIR_SLOTS);
  private readonly firstAndSecond = new Uint8Array(PAIR_SLOTS);
  /** (node, character) → child. */
  private readonly childOf = new KeyTable();
  /** (node, character) → the first grandchild with that character; the others follow in skipNext. */
  private readonly skipOf = new KeyTable();
  private readonly skipNext: Int32Array;
  private readonly skipTail: Int32Array;
  /** Characters that start a target, in the trie or among the quads. */
  private readonly rootChars = new Uint8Array(0x10000);
  private readonly targetTokens = new Map<number, Token[]>();
  private readonly wordEnds = new Map<number, boolean>();

  constructor(
    section: PhrasesSection,
    private readonly lexicon: Lexicon,
  ) {
    const columns = phraseColumns(section);
    this.columns = columns;
    const targets: number[] = [];
    const quadEntries: PhraseEntry[] = [];
    let targetChars = 0;
    // eligible() reads one phrase at a time through this view: no object per phrase.
    const view = new ColumnView(columns);
    for (let id = 0; id < phraseTotal(columns); id++) {
      view.id = id;
      if (!eligible(view)) continue;
      const length = columns.starts[id + 1] - columns.starts[id] - 1;
      if (length >= MIN_TARGET_LENGTH) {
        targets.push(id);
        targetChars += length;
      } else if (length === MIN_SLIP_LENGTH) quadEntries.push(phraseEntryAt(columns, id));
    }
    this.targetIds = Int32Array.from(targets);
    const size = targetChars + 1;
    this.parent = new Int32Array(size);
    this.char = new Uint16Array(size);
    this.depth = new Uint16Array(size);
    this.best = new Int32Array(size);
    this.maxCount = new Int32Array(size);
    this.ownCount = new Int32Array(size);
    this.firstChild = new Int32Array(size);
    this.lastChild = new Int32Array(size);
    this.nextSibling = new Int32Array(size);
    this.skipNext = new Int32Array(size);
    this.skipTail = new Int32Array(size);
    this.parent[0] = -1;
    this.best[0] = -1;
    this.evidence = new CorpusEvidence(columns, lexicon);
    for (let id = 0; id < targets.length; id++) this.insert(id);
    // A quad that begins a longer phrase shares its trie node, so the corpus's continuations are known.
    this.quads = new QuadIndex(quadEntries, (phrase) => this.nodeOf(phrase));
    for (const [node, count] of this.quads.sharedNodes()) this.ownCount[node] = count + 1;
    this.quads.markStarts(this.rootChars);
    for (let child = this.firstChild[0]; child > 0; child = this.nextSibling[child]) this.rootChars[this.char[child]] = 1;
  }

  private insert(id: number): void {
    const { text, starts, counts } = this.columns;
    const from = starts[this.targetIds[id]];
    const length = starts[this.targetIds[id] + 1] - 1 - from;
    const count = counts[this.targetIds[id]];
    let node = 0;
    for (let d = 0; d < length; d++) {
      const code = text.charCodeAt(from + d);
      let child = this.childOf.get(node, code);
      if (child < 0) {
        child = this.nodeCount++;
        this.parent[child] = node;
        this.char[child] = code;
        this.depth[child] = d + 1;
        this.best[child] = id;
        this.childOf.set(node, code, child);
        if (this.firstChild[node] === 0) this.firstChild[node] = child;
        else this.nextSibling[this.lastChild[node]] = child;
        this.lastChild[node] = child;
        const grand = this.parent[node];
        if (grand >= 0 && this.depth[grand] >= MIN_ANCHOR) {
          const head = this.skipOf.get(grand, code);
          if (head < 0) this.skipOf.set(grand, code, child);
          else this.skipNext[this.skipTail[head]] = child;
          this.skipTail[head < 0 ? child : head] = child;
        }
      } else if (this.rank(id) > this.rank(this.best[child])) this.best[child] = id;
      if (count > this.maxCount[child]) this.maxCount[child] = count;
      node = child;
    }
    this.ownCount[node] = count + 1;
    this.firstAndThird[pairSlot(text.charCodeAt(from), text.charCodeAt(from + 2))] = 1;
    this.firstAndSecond[pairSlot(text.charCodeAt(from), text.charCodeAt(from + 1))] = 1;
  }

  /** The entry of a trie target, made when first asked for. */
  private entry(id: number): PhraseEntry {
    let entry = this.targetEntries.get(id);
    if (!entry) this.targetEntries.set(id, (entry = phraseEntryAt(this.columns, this.targetIds[id])));
    return entry;
  }

  /** The trie node of a phrase, or -1. */
  private nodeOf(phrase: string): number {
    let node = 0;
    for (let d = 0; d < phrase.length && node >= 0; d++) node = this.childOf.get(node, phrase.charCodeAt(d));
    return node > 0 ? node : -1;
  }

  /** True when there is nothing to match against. */
  get empty(): boolean {
    return this.nodeCount <= 1 && this.quads.empty;
  }

  /** True when some target starts with this character. */
  startsTarget(code: number): boolean {
    return this.rootChars[code] === 1;
  }

  /** The longest one-edit near-miss of a phrase starting at text[start], if any. */
  nearMissAt(text: string, start: number): NearMiss | undefined {
    return this.bestNearMiss(text, start) ?? this.quads.nearMiss(text, start);
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
    for (let child = this.firstChild[node]; child > 0; child = this.nextSibling[child])
      if (usual < 0 || this.maxCount[child] > this.maxCount[usual]) usual = child;
    if (usual < 0) return undefined;
    const extended = this.maxCount[usual];
    return { code: this.char[usual], dominant: extended * 10 >= own * 9 && own - extended < MIN_COUNT };
  }

  /** The target's segmentation, remembered per trie node. */
  segmentTarget(m: NearMiss): Token[] {
    let tokens = this.targetTokens.get(m.node);
    if (!tokens) this.targetTokens.set(m.node, (tokens = segment(this.lexicon, m.target)));
    return tokens;
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

  private rank(id: number): number {
    const column = this.targetIds[id];
    const source = this.columns.sources.get(column) ?? CORPUS_SOURCE;
    return (source === ROSTER_SOURCE ? 1e9 : source !== CORPUS_SOURCE ? 1e8 : 0) + this.columns.counts[column];
  }

  private pathOf(node: number): string {
    let s = '';
    for (let n = node; n > 0; n = this.parent[n]) s = String.fromCharCode(this.char[n]) + s;
    return s;
  }

  /** The longest one-edit near-miss of a trie target starting at text[start], if any. */
  private bestNearMiss(text: string, start: number): NearMiss | undefined {
    // The hot loop allocates nothing until a candidate is found. extend() matches one text
    // character per trie level, so a target reached from node g at text position q ends at
    // q + depth(target) − depth(g).
    let bestNode = -1;
    let bestEnd = 0;
    let bestKind: EditKind = 'substitute';
    let bestTextAt = 0;
    let bestTargetAt = 0;
    let node = 0;
    for (let d = 0; ; d++) {
      const p = start + d;
      if (d >= MIN_ANCHOR && p < text.length && HAN_TABLE[text.charCodeAt(p)] === 1) {
        const here = text.charCodeAt(p);
        const after = p + 1 < text.length ? text.charCodeAt(p + 1) : -1;
        // Edits right after the first character pass a pair filter first: most positions end here.
        const first = d === 1 ? text.charCodeAt(start) : -1;
        const afterIsHan = after >= 0 && HAN_TABLE[after] === 1;
        // Substitution: target char x ≠ here, then `after` continues.
        const substitutes = afterIsHan && (d > 1 || this.firstAndThird[pairSlot(first, after)] === 1) ? this.skipOf.get(node, after) : -1;
        if (substitutes >= 0) {
          for (let g = substitutes; g > 0; g = this.skipNext[g]) {
            if (this.char[this.parent[g]] === here) continue;
            const reached = this.extend(text, g, p + 2);
            if (reached < 0) continue;
            const end = p + 2 + this.depth[reached] - this.depth[g];
            if (!this.better(reached, end, bestNode, bestEnd)) continue;
            bestNode = reached;
            bestEnd = end;
            bestKind = 'substitute';
            bestTextAt = p;
            bestTargetAt = d;
          }
        }
        // Dropped character: the target has x here, the text goes straight on.
        const drops = d > 1 || this.firstAndThird[pairSlot(first, here)] === 1 ? this.skipOf.get(node, here) : -1;
        if (drops >= 0) {
          for (let g = drops; g > 0; g = this.skipNext[g]) {
            const reached = this.extend(text, g, p + 1);
            if (reached < 0) continue;
            const end = p + 1 + this.depth[reached] - this.depth[g];
            if (!this.better(reached, end, bestNode, bestEnd)) continue;
            bestNode = reached;
            bestEnd = end;
            bestKind = 'drop';
            bestTextAt = p;
            bestTargetAt = d;
          }
        }
        // Added character: the text has an extra `here`.
        if (afterIsHan && (d > 1 || this.firstAndSecond[pairSlot(first, after)] === 1)) {
          const child = this.childOf.get(node, after);
          const reached = child >= 0 && this.char[child] !== here ? this.extend(text, child, p + 2) : -1;
          const end = reached >= 0 ? p + 2 + this.depth[reached] - this.depth[child] : 0;
          if (reached >= 0 && this.better(reached, end, bestNode, bestEnd)) {
            bestNode = reached;
            bestEnd = end;
            bestKind = 'add';
            bestTextAt = p;
            bestTargetAt = d;
          }
        }
      }
      if (p >= text.length) break;
      const next = this.childOf.get(node, text.charCodeAt(p));
      if (next < 0) break;
      node = next;
    }
    if (bestNode < 0) return undefined;
    return {
      start,
      end: bestEnd,
      target: this.pathOf(bestNode),
      entry: this.entry(this.best[bestNode]),
      node: bestNode,
      kind: bestKind,
      textAt: bestTextAt,
      targetAt: bestTargetAt,
    };
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
      const next = this.childOf.get(node, text.charCodeAt(p));
      if (next < 0) break;
      node = next;
      p++;
      matched++;
    }
    return reached;
  }
}
