/**
 * Tables precomputed for a section: typed arrays a rule would otherwise build from the
 * section at every start (fixed-phrase's trie and pair index over hundreds of thousands
 * of phrases). `jiaodui learn` builds them once and the model file stores them beside the
 * section; the loader attaches them to the section object. Each carries the key of the
 * code and thresholds that built it: a rule whose key differs (a newer program, another
 * threshold) ignores them and builds its own, so a stale table is slow, never wrong.
 */
export type Table = Int32Array | Uint32Array | Uint16Array | Uint8Array;

export interface SectionTables {
  /** Who built the tables and how (rule, layout and thresholds). */
  key: string;
  arrays: Record<string, Table>;
}

const attached = new WeakMap<object, SectionTables[]>();

export function attachTables(section: object, tables: SectionTables): void {
  const list = attached.get(section);
  if (list) list.push(tables);
  else attached.set(section, [tables]);
}

/** The tables attached to a section that were built with `key`. */
export function tablesFor(section: object, key: string): Record<string, Table> | undefined {
  return attached.get(section)?.find((tables) => tables.key === key)?.arrays;
}
