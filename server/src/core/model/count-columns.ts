/**
 * A large table of counts by short string key (wrong-char's attested pairs and context
 * counts: ~150,000 keys from a whole archive) as sorted columns instead of a JSON object:
 * the keys' UTF-16 codes in one array, where each key starts, and the counts. The binary
 * model container stores these arrays as they are, so a lint views them in place instead
 * of parsing and building an object of 150,000 properties at every start; a key is found
 * by binary search.
 */
import type { Table } from './tables';

export class CountColumns {
  constructor(
    /** The keys' UTF-16 codes, concatenated in ascending order (as `<` compares strings). */
    private readonly codes: Uint16Array,
    /** Where key i starts in codes; one more entry than keys (the end). */
    private readonly starts: Table,
    private readonly counts: Table,
  ) {}

  /** The columns are consistent (a damaged file is refused, not misread). */
  static check(codes: Uint16Array, starts: Table, counts: Table): boolean {
    if (starts.length !== counts.length + 1 || starts[0] !== 0 || starts[counts.length] !== codes.length) return false;
    for (let i = 0; i < counts.length; i++) if (starts[i + 1] <= starts[i]) return false;
    return true;
  }

  get size(): number {
    return this.counts.length;
  }

  /** key compared with key i: negative when key sorts before it. */
  private compare(key: string, i: number): number {
    const from = this.starts[i];
    const length = this.starts[i + 1] - from;
    const n = Math.min(key.length, length);
    for (let k = 0; k < n; k++) {
      const d = key.charCodeAt(k) - this.codes[from + k];
      if (d !== 0) return d;
    }
    return key.length - length;
  }

  get(key: string): number | undefined {
    let lo = 0;
    let hi = this.counts.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const d = this.compare(key, mid);
      if (d === 0) return this.counts[mid];
      if (d < 0) hi = mid - 1;
      else lo = mid + 1;
    }
    return undefined;
  }

  /** As a plain object (a JSON model stores it so). */
  toJSON(): Record<string, number> {
    const out: Record<string, number> = {};
    for (let i = 0; i < this.counts.length; i++) out[String.fromCharCode(...this.codes.subarray(this.starts[i], this.starts[i + 1]))] = this.counts[i];
    return out;
  }

  /** The columns of a plain object's counts, keys sorted. */
  static from(record: Readonly<Record<string, number>>): { codes: Uint16Array; starts: Uint32Array; counts: Uint32Array } {
    const keys = Object.keys(record).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const starts = new Uint32Array(keys.length + 1);
    const counts = new Uint32Array(keys.length);
    let length = 0;
    keys.forEach((key, i) => {
      starts[i] = length;
      counts[i] = record[key];
      length += key.length;
    });
    starts[keys.length] = length;
    const codes = new Uint16Array(length);
    keys.forEach((key, i) => {
      for (let k = 0; k < key.length; k++) codes[starts[i] + k] = key.charCodeAt(k);
    });
    return { codes, starts, counts };
  }
}

/** Counts as a learned model holds them: a plain object (learned, JSON) or columns (binary container). */
export type Counts = Readonly<Record<string, number>> | CountColumns;

/** The count of key, or undefined when the table has none. */
export function countOf(counts: Counts, key: string): number | undefined {
  if (counts instanceof CountColumns) return counts.get(key);
  return Object.prototype.hasOwnProperty.call(counts, key) ? counts[key] : undefined;
}

/** How many keys the table has. */
export function countSize(counts: Counts): number {
  return counts instanceof CountColumns ? counts.size : Object.keys(counts).length;
}
