/**
 * Four-character phrases, matched apart from the trie, which they would crowd at
 * every shallow node: by hashed keys of their characters — one with the second, one
 * with the third and one with the last character blanked, for every substitution
 * there — in an open-addressing table over typed arrays. Character filters (the first
 * and last characters for an edit inside, the first and the middle pair for an edit of
 * the last) rule out nearly every position before any key is hashed.
 */
import { phraseCodes, phraseEntryAt, type PhraseColumns, type PhraseEntry } from '../../model/sections/phrases';
import { HAN_CODES } from '../../analysis/han';
import type { NearMiss } from './near-miss';
import { BLANK, PAIR_SLOTS, pairSlot, quadHash } from './tables';

const HAN_TABLE: Uint8Array = HAN_CODES;
/** Keys filed per quad: the whole, and one with each of its four characters blanked. */
const KEYS_PER_QUAD = 5;

/** A QuadIndex's tables: what learn can build once and the model file store. */
export interface QuadTables {
  counts: Int32Array;
  codes: Uint16Array;
  /** The open-addressing table: each slot's hash (−1: empty) and quad number. */
  hashes: Int32Array;
  ids: Int32Array;
  /** Hashed (first, last) character pairs of the quads, and their first characters. */
  ends: Uint8Array;
  starts: Uint8Array;
  /** Hashed (second, third) character pairs of the quads: filter substitutions of the last or first character. */
  middles: Uint8Array;
  /** Hashed (third, last) character pairs of the quads: filter substitutions of the first character. */
  tails: Uint8Array;
}

/** The tables of the quads `columnIds` of the columns. */
export function buildQuadTables(columns: PhraseColumns, columnIds: Int32Array): QuadTables {
  const total = columnIds.length;
  let capacity = 16;
  while (capacity < total * KEYS_PER_QUAD * 2) capacity <<= 1;
  const mask = capacity - 1;
  const counts = Int32Array.from(columnIds, (column) => columns.counts[column]);
  const codes = new Uint16Array(total * 4);
  const hashes = new Int32Array(capacity).fill(-1);
  const ids = new Int32Array(capacity);
  const ends = new Uint8Array(PAIR_SLOTS);
  const starts = new Uint8Array(0x10000);
  const middles = new Uint8Array(PAIR_SLOTS);
  const tails = new Uint8Array(PAIR_SLOTS);
  const file = (hash: number, id: number) => {
    let i = hash & mask;
    while (hashes[i] !== -1) i = (i + 1) & mask;
    hashes[i] = hash;
    ids[i] = id;
  };
  for (let id = 0; id < total; id++) {
    phraseCodes(columns, columnIds[id], codes, id * 4);
    const [a, b, c, d] = [codes[id * 4], codes[id * 4 + 1], codes[id * 4 + 2], codes[id * 4 + 3]];
    file(quadHash(a, b, c, d), id);
    file(quadHash(a, BLANK, c, d), id);
    file(quadHash(a, b, BLANK, d), id);
    file(quadHash(a, b, c, BLANK), id);
    file(quadHash(BLANK, b, c, d), id);
    starts[a] = 1;
    ends[pairSlot(a, d)] = 1;
    middles[pairSlot(b, c)] = 1;
    tails[pairSlot(c, d)] = 1;
  }
  return { counts, codes, hashes, ids, ends, starts, middles, tails };
}

export class QuadIndex {
  /** Entries, made when a quad is first reported. */
  private readonly entries = new Map<number, PhraseEntry>();
  private readonly counts: Int32Array;
  private readonly codes: Uint16Array;
  private readonly hashes: Int32Array;
  private readonly ids: Int32Array;
  private readonly mask: number;
  private readonly ends: Uint8Array;
  private readonly starts: Uint8Array;
  private readonly middles: Uint8Array;
  private readonly tails: Uint8Array;

  /**
   * `columnIds`: the quads' phrases in the columns; `nodes`: each quad's trie node when it
   * begins a longer phrase, else −1 − its number; `tables` as buildQuadTables makes them.
   */
  constructor(
    private readonly columns: PhraseColumns,
    private readonly columnIds: Int32Array,
    private readonly nodes: Int32Array,
    tables: QuadTables = buildQuadTables(columns, columnIds),
  ) {
    ({
      counts: this.counts,
      codes: this.codes,
      hashes: this.hashes,
      ids: this.ids,
      ends: this.ends,
      starts: this.starts,
      middles: this.middles,
      tails: this.tails,
    } = tables);
    this.mask = this.hashes.length - 1;
  }

  private entry(id: number): PhraseEntry {
    let entry = this.entries.get(id);
    if (!entry) this.entries.set(id, (entry = phraseEntryAt(this.columns, this.columnIds[id])));
    return entry;
  }

  get empty(): boolean {
    return this.columnIds.length === 0;
  }

  /** Marks the quads' first characters in a table of target starts. */
  markStarts(starts: Uint8Array): void {
    for (let code = 0; code < this.starts.length; code++) if (this.starts[code] === 1) starts[code] = 1;
  }

  /** The count of a quad known by its negative node. */
  countOf(node: number): number {
    return this.counts[-1 - node];
  }

  /**
   * The one-edit near-misses of four-character phrases starting at text[start], edited inside: at
   * each place an edit may be, the most frequent quad the text misses there; the most frequent of
   * them first.
   */
  nearMisses(text: string, start: number): NearMiss[] | undefined {
    const a = text.charCodeAt(start);
    if (this.starts[a] !== 1 || start + 4 > text.length) return undefined;
    const d = text.charCodeAt(start + 3);
    const e = start + 4 < text.length ? text.charCodeAt(start + 4) : 0;
    const substituted = this.ends[pairSlot(a, d)] === 1;
    const added = HAN_TABLE[e] === 1 && this.ends[pairSlot(a, e)] === 1;
    if (!substituted && !added) return undefined;
    const b = text.charCodeAt(start + 1);
    const c = text.charCodeAt(start + 2);
    if (HAN_TABLE[b] !== 1 || HAN_TABLE[c] !== 1 || HAN_TABLE[d] !== 1) return undefined;
    // Quad number, kind (0: substituted, 1: added) and offset of the edit, three numbers each.
    let found: number[] | undefined;
    // Substituted second or third character…
    if (substituted) {
      for (let at = 1; at <= 2; at++) {
        const written = at === 1 ? b : c;
        const hash = at === 1 ? quadHash(a, BLANK, c, d) : quadHash(a, b, BLANK, d);
        const id = at === 1 ? this.find(hash, a, -1, c, d, 1, written) : this.find(hash, a, b, -1, d, 2, written);
        if (id >= 0) (found ??= []).push(id, 0, at);
      }
      // …unless the four characters are themselves a phrase.
      if (found && this.find(quadHash(a, b, c, d), a, b, c, d, -1, -1) >= 0) found = undefined;
    }
    // A character added after the first, second or third.
    if (added) {
      for (let at = 1; at <= 3; at++) {
        // The text's characters other than the added one.
        const y = at === 1 ? c : b;
        const z = at === 3 ? c : d;
        const id = this.find(quadHash(a, y, z, e), a, y, z, e, -1, -1);
        if (id >= 0) (found ??= []).push(id, 1, at);
      }
    }
    if (!found) return undefined;
    // The most frequent first (the first found of them), then the others by frequency.
    const order: number[] = [];
    for (let k = 0; k < found.length; k += 3) order.push(k);
    order.sort((x, y) => this.counts[found[y]] - this.counts[found[x]] || x - y);
    return order.map((k) => this.nearMissOf(found[k], start, found[k + 1] === 0 ? 'substitute' : 'add', found[k + 2]));
  }

  /**
   * The four-character phrase starting at text[start] with its last character substituted, the three
   * others written in place (城乡建设 → 城乡建蛙): the most frequent, as the one reading of its edit. A
   * character added or dropped at an edge is not looked for: it leaves a piece of the phrase beside
   * another word, which is how text reads anyway.
   */
  lastSubstituted(text: string, start: number): NearMiss[] | undefined {
    if (start + 4 > text.length) return undefined;
    const a = text.charCodeAt(start);
    const b = text.charCodeAt(start + 1);
    const c = text.charCodeAt(start + 2);
    if (this.starts[a] !== 1 || this.middles[pairSlot(b, c)] !== 1) return undefined;
    const d = text.charCodeAt(start + 3);
    if (HAN_TABLE[b] !== 1 || HAN_TABLE[c] !== 1 || HAN_TABLE[d] !== 1) return undefined;
    const id = this.find(quadHash(a, b, c, BLANK), a, b, c, -1, 3, d);
    // …unless the four characters are themselves a phrase.
    if (id < 0 || this.find(quadHash(a, b, c, d), a, b, c, d, -1, -1) >= 0) return undefined;
    return [this.nearMissOf(id, start, 'substitute', 3)];
  }

  /**
   * The four-character phrase whose first character text[start] replaces, the three others written in
   * place (安全风险 → 电全风险): the most frequent, as the one reading of its edit. Three characters after
   * a different one are as often another phrase's end (健全风险 beside 安全风险), so the acceptance asks
   * more of an edge (see edge-slip.ts).
   */
  firstSubstituted(text: string, start: number): NearMiss[] | undefined {
    if (start + 4 > text.length) return undefined;
    const b = text.charCodeAt(start + 1);
    const c = text.charCodeAt(start + 2);
    const d = text.charCodeAt(start + 3);
    if (this.middles[pairSlot(b, c)] !== 1 || this.tails[pairSlot(c, d)] !== 1) return undefined;
    const a = text.charCodeAt(start);
    if (HAN_TABLE[b] !== 1 || HAN_TABLE[c] !== 1 || HAN_TABLE[d] !== 1) return undefined;
    const id = this.find(quadHash(BLANK, b, c, d), -1, b, c, d, 0, a);
    // …unless the four characters are themselves a phrase.
    if (id < 0 || (this.starts[a] === 1 && this.find(quadHash(a, b, c, d), a, b, c, d, -1, -1) >= 0)) return undefined;
    return [this.nearMissOf(id, start, 'substitute', 0)];
  }

  private nearMissOf(id: number, start: number, kind: 'substitute' | 'add', at: number): NearMiss {
    const entry = this.entry(id);
    return {
      start,
      end: start + (kind === 'add' ? 5 : 4),
      target: entry.phrase,
      entry,
      node: this.nodes[id],
      kind,
      textAt: start + at,
      targetAt: at,
    };
  }

  /**
   * The most frequent quad filed under `hash` whose characters are a, b, c, d (−1
   * matches any) and whose character at `blankAt`, if any, is not `written`; or −1.
   */
  private find(hash: number, a: number, b: number, c: number, d: number, blankAt: number, written: number): number {
    let found = -1;
    for (let i = hash & this.mask; this.hashes[i] !== -1; i = (i + 1) & this.mask) {
      if (this.hashes[i] !== hash) continue;
      const id = this.ids[i];
      const q = id * 4;
      const codes = this.codes;
      if ((a >= 0 && codes[q] !== a) || (b >= 0 && codes[q + 1] !== b) || (c >= 0 && codes[q + 2] !== c) || (d >= 0 && codes[q + 3] !== d)) continue;
      if (blankAt >= 0 && codes[q + blankAt] === written) continue;
      if (found < 0 || this.counts[id] > this.counts[found]) found = id;
    }
    return found;
  }
}
