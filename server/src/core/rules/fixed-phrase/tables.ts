/**
 * Typed hash tables and hashes for the phrase index's hot loops: (node, character)
 * keys in open addressing over typed arrays, so a walk looks up children without
 * hashing numbers in a Map or building strings.
 */

/** Keys are node · EDGE + UTF-16 code unit. */
export const EDGE = 0x10000;
/** Slots of the hashed pair filters: small enough to stay in cache, few enough entries to stay sparse. */
export const PAIR_SLOTS = 1 << 16;
/** Stands for the edited character in a quad's key. */
export const BLANK = 0;

/**
 * (node, character) → value, in open addressing over typed arrays that grow as
 * keys are added: a whole-archive trie has a million edges, which a Map holds in
 * seconds of hashing and a hundred MB.
 */
export class KeyTable {
  /** node + 1, 0 for an empty slot (so a fresh table needs no fill). */
  private nodes: Int32Array;
  private codes: Uint16Array;
  private values: Int32Array;
  private mask: number;
  private size = 0;

  constructor(entries?: ReadonlyMap<number, number>) {
    let capacity = 16;
    while (capacity < (entries?.size ?? 0) * 2) capacity <<= 1;
    this.nodes = new Int32Array(capacity);
    this.codes = new Uint16Array(capacity);
    this.values = new Int32Array(capacity);
    this.mask = capacity - 1;
    for (const [key, value] of entries ?? []) {
      const node = Math.floor(key / EDGE);
      this.set(node, key - node * EDGE, value);
    }
  }

  /** The value, or -1. */
  get(node: number, code: number): number {
    const nodes = this.nodes;
    const wanted = node + 1;
    for (let i = keySlot(node, code) & this.mask; ; i = (i + 1) & this.mask) {
      const n = nodes[i];
      if (n === 0) return -1;
      if (n === wanted && this.codes[i] === code) return this.values[i];
    }
  }

  /** Sets the value of a key (a new key or an existing one). */
  set(node: number, code: number, value: number): void {
    if ((this.size + 1) * 2 > this.nodes.length) this.grow();
    const wanted = node + 1;
    let i = keySlot(node, code) & this.mask;
    for (; this.nodes[i] !== 0; i = (i + 1) & this.mask) {
      if (this.nodes[i] === wanted && this.codes[i] === code) {
        this.values[i] = value;
        return;
      }
    }
    this.nodes[i] = wanted;
    this.codes[i] = code;
    this.values[i] = value;
    this.size++;
  }

  private grow(): void {
    const { nodes, codes, values } = this;
    const capacity = nodes.length * 2;
    this.nodes = new Int32Array(capacity);
    this.codes = new Uint16Array(capacity);
    this.values = new Int32Array(capacity);
    this.mask = capacity - 1;
    this.size = 0;
    for (let i = 0; i < nodes.length; i++) if (nodes[i] !== 0) this.set(nodes[i] - 1, codes[i], values[i]);
  }
}

function keySlot(node: number, code: number): number {
  const h = Math.imul(node, 0x9e3779b1) ^ Math.imul(code, 0x85ebca6b);
  return h ^ (h >>> 16);
}

/** A 30-bit hash of four character codes: a small integer key, no string built. */
export function quadHash(a: number, b: number, c: number, d: number): number {
  let h = Math.imul(a, 0x9e3779b1) ^ b;
  h = Math.imul(h, 0x85ebca6b) ^ c;
  h = Math.imul(h, 0xc2b2ae35) ^ d;
  h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d);
  return (h ^ (h >>> 13)) >>> 2;
}

/** The slot of a character pair in a PAIR_SLOTS filter. */
export function pairSlot(a: number, b: number): number {
  return (Math.imul(a, 40503) ^ Math.imul(b, 2654435761 | 0)) >>> 16;
}
