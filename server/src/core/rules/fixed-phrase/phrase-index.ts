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
import { CORPUS_SOURCE, ROSTER_SOURCE, type PhraseEntry, type PhrasesSection } from '../../model/sections/phrases';
import { HAN_CODES } from '../../analysis/han';
import { segment, type Token } from '../../segmenter';
import { CorpusEvidence } from './corpus-evidence';
import type { EditKind, NearMiss } from './near-miss';
import { QuadIndex } from './quad-index';
import { EDGE, KeyTable, PAIR_SLOTS, pairSlot } from './tables';
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

export class PhraseIndex {
  /** What the corpus writes: recurrent pieces, slot fillers, pairs written as one unit. */
  readonly evidence: CorpusEvidence;
  private readonly quads: QuadIndex;
  private readonly edges = new Map<number, number>();
  /** node·EDGE + grandchild char → grandchildren reached through any child. */
  private readonly skips = new Map<number, number[]>();
  private readonly parent: number[] = [-1];
  private readonly char: number[] = [0];
  private readonly depth: number[] = [0];
  /** The best (highest-count) phrase passing through each node. */
  private readonly best: number[] = [-1];
  /** The highest count of a phrase through each node, and the count of the phrase ending there. */
  private readonly maxCount: number[] = [0];
  private readonly ownCount = new Map<number, number>();
  private readonly children = new Map<number, number[]>();
  private readonly entries: PhraseEntry[];
  /** Hashed (first, third) and (first, second) character pairs of the targets: filter edits at the second character. */
  private readonly firstAndThird = new Uint8Array(PAIR_SLOTS);
  private readonly firstAndSecond = new Uint8Array(PAIR_SLOTS);
  /** The walk's lookups, frozen into typed tables once the trie is built. */
  private readonly childOf: KeyTable;
  private readonly skipOf: KeyTable;
  private readonly skipLists: number[][] = [];
  /** Characters that start a target, in the trie or among the quads. */
  private readonly rootChars = new Uint8Array(0x10000);
  private readonly targetTokens = new Map<number, Token[]>();
  private readonly wordEnds = new Map<number, boolean>();

  constructor(
    section: PhrasesSection,
    private readonly lexicon: Lexicon,
  ) {
    const eligibleEntries = section.phrases.filter(eligible);
    this.entries = eligibleEntries.filter((entry) => entry.phrase.length >= MIN_TARGET_LENGTH);
    this.evidence = new CorpusEvidence(
      section.phrases.map((p) => p.phrase),
      lexicon,
    );
    this.entries.forEach((entry, id) => this.insert(entry, id));
    for (const child of this.edges.values()) {
      const list = this.children.get(this.parent[child]);
      if (list) list.push(child);
      else this.children.set(this.parent[child], [child]);
    }
    // A quad that begins a longer phrase shares its trie node, so the corpus's continuations are known.
    this.quads = new QuadIndex(
      eligibleEntries.filter((entry) => entry.phrase.length === MIN_SLIP_LENGTH),
      (phrase) => this.nodeOf(phrase),
    );
    for (const [node, count] of this.quads.sharedNodes()) this.ownCount.set(node, count);
    this.childOf = new KeyTable(this.edges);
    this.quads.markStarts(this.rootChars);
    const skipIds = new Map<number, number>();
    for (const [key, list] of this.skips) {
      skipIds.set(key, this.skipLists.length);
      this.skipLists.push(list);
    }
    this.skipOf = new KeyTable(skipIds);
    for (const key of this.edges.keys()) if (key < EDGE) this.rootChars[key] = 1;
  }

  private insert(entry: PhraseEntry, id: number): void {
    let node = 0;
    for (let d = 0; d < entry.phrase.length; d++) {
      const code = entry.phrase.charCodeAt(d);
      let child = this.edges.get(node * EDGE + code);
      if (child === undefined) {
        child = this.parent.length;
        this.parent.push(node);
        this.char.push(code);
        this.depth.push(d + 1);
        this.best.push(id);
        this.maxCount.push(0);
        this.edges.set(node * EDGE + code, child);
        const grand = this.parent[node];
        if (grand >= 0 && this.depth[grand] >= MIN_ANCHOR) {
          const key = grand * EDGE + code;
          const list = this.skips.get(key);
          if (list) list.push(child);
          else this.skips.set(key, [child]);
        }
      } else if (this.rank(id) > this.rank(this.best[child])) this.best[child] = id;
      if (entry.count > this.maxCount[child]) this.maxCount[child] = entry.count;
      node = child;
    }
    this.ownCount.set(node, entry.count);
    this.firstAndThird[pairSlot(entry.phrase.charCodeAt(0), entry.phrase.charCodeAt(2))] = 1;
    this.firstAndSecond[pairSlot(entry.phrase.charCodeAt(0), entry.phrase.charCodeAt(1))] = 1;
  }

  /** The trie node of a phrase, or -1. */
  private nodeOf(phrase: string): number {
    let node = 0;
    for (let d = 0; d < phrase.length && node >= 0; d++) node = this.edges.get(node * EDGE + phrase.charCodeAt(d)) ?? -1;
    return node > 0 ? node : -1;
  }

  /** True when there is nothing to match against. */
  get empty(): boolean {
    return this.parent.length <= 1 && this.quads.empty;
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
      const best = this.entries[this.best[n]];
      const target = m.target.slice(0, this.depth[n]);
      return { ...m, end, node: n, target, entry: { phrase: target, count: this.countOf(n), source: best.source, docs: best.docs } };
    }
    return undefined;
  }

  /** How often the corpus writes the node's string: its own count, or at least its most frequent extension's. */
  countOf(node: number): number {
    return node < 0 ? this.quads.countOf(node) : (this.ownCount.get(node) ?? this.maxCount[node]);
  }

  /**
   * The character that most often follows the node's string in the corpus, and
   * whether it is dominant — there at least nine times in ten, leaving fewer than
   * MIN_COUNT occurrences on its own (推进中医 is 推进中医药 13 times in 14).
   */
  usualNext(node: number): { code: number; dominant: boolean } | undefined {
    if (node < 0) return undefined;
    const own = this.ownCount.get(node) ?? this.maxCount[node];
    if (own <= 0) return undefined;
    let usual = -1;
    for (const child of this.children.get(node) ?? []) if (usual < 0 || this.maxCount[child] > this.maxCount[usual]) usual = child;
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
    const e = this.entries[id];
    return (e.source === ROSTER_SOURCE ? 1e9 : e.source !== CORPUS_SOURCE ? 1e8 : 0) + e.count;
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
          for (const g of this.skipLists[substitutes]) {
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
          for (const g of this.skipLists[drops]) {
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
      entry: this.entries[this.best[bestNode]],
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
