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

/** (node, character) → value for keys built as node·EDGE + character. */
export class KeyTable {
  private readonly nodes: Int32Array;
  private readonly codes: Uint16Array;
  private readonly values: Int32Array;
  private readonly mask: number;

  constructor(entries: ReadonlyMap<number, number>) {
    let capacity = 16;
    while (capacity < entries.size * 2) capacity <<= 1;
    this.nodes = new Int32Array(capacity).fill(-1);
    this.codes = new Uint16Array(capacity);
    this.values = new Int32Array(capacity);
    this.mask = capacity - 1;
    for (const [key, value] of entries) {
      const node = Math.floor(key / EDGE);
      const code = key - node * EDGE;
      let i = keySlot(node, code) & this.mask;
      while (this.nodes[i] !== -1) i = (i + 1) & this.mask;
      this.nodes[i] = node;
      this.codes[i] = code;
      this.values[i] = value;
    }
  }

  /** The value, or -1. */
  get(node: number, code: number): number {
    const nodes = this.nodes;
    for (let i = keySlot(node, code) & this.mask; ; i = (i + 1) & this.mask) {
      const n = nodes[i];
      if (n === -1) return -1;
      if (n === node && this.codes[i] === code) return this.values[i];
    }
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
