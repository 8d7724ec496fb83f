/**
 * The names a document writes: what the finders see, the model's names found in
 * the text, and the one-edit variants of the people it names at least twice.
 */
import type { RuleContext } from '../../types';
import type { NameEntry, NamesSection } from '../../model/sections/names';
import { findPersons, occurrences, surnameLength } from '../../analysis/names';
import { findOrganisations, type PlaceStarts } from '../../analysis/organisations';

export const ADMIN_CHARS = '省市县区州镇乡村旗盟';

export interface Candidate {
  name: string;
  kind: 'person' | 'organisation';
  /** Characters of place (organisation) or surname (person) at the start. */
  prefix: number;
  /** Non-overlapping occurrences in the unwrapped text. */
  at: number[];
  count: number;
  title?: string;
}

export function collectCandidates(
  ctx: RuleContext,
  joined: string,
  modelIndex: ModelNameIndex,
  docIndex: NameIndex,
  places: PlaceStarts,
): Map<string, Candidate> {
  const found = new Map<string, { kind: Candidate['kind']; prefix: number; title?: string }>();
  const note = (name: string, kind: Candidate['kind'], prefix: number, title?: string) => {
    const existing = found.get(name);
    if (!existing) found.set(name, { kind, prefix, title });
    else {
      existing.title ??= title;
      if (kind === 'organisation') existing.prefix = Math.max(existing.prefix, prefix);
    }
  };
  for (const m of findPersons(joined, ctx.lexicon)) note(m.name, 'person', surnameLength(m.name), m.title);
  for (const m of findOrganisations(joined, ctx.lexicon, places)) note(m.name, 'organisation', m.prefix ?? 2);
  docIndex.clear();
  for (const name of found.keys()) docIndex.add(name);
  // One pass counts every candidate and finds the model's names.
  const at = new Map<string, number[]>();
  const record = (name: string, i: number) => {
    const list = at.get(name);
    if (!list) at.set(name, [i]);
    else if (list[list.length - 1] + name.length <= i) list.push(i);
  };
  for (let i = 0; i + 2 <= joined.length; i++) {
    const code = joined.charCodeAt(i);
    if (!modelIndex.first[code] && !docIndex.first[code]) continue;
    const second = joined.charCodeAt(i + 1);
    const pair = pairSlot(code, second);
    if (!modelIndex.pairs[pair] && !docIndex.pairs[pair]) continue;
    for (const name of docIndex.byBigram.get(code)?.get(second) ?? []) if (joined.startsWith(name, i)) record(name, i);
    for (const entry of modelIndex.byBigram.get(code)?.get(second) ?? []) {
      if (!joined.startsWith(entry.name, i)) continue;
      record(entry.name, i);
      if (!found.has(entry.name)) note(entry.name, entry.kind, entry.kind === 'person' ? surnameLength(entry.name) || 1 : placePrefix(entry.name));
    }
  }
  const candidates = new Map<string, Candidate>();
  const add = (name: string, kind: Candidate['kind'], prefix: number, title?: string, positionsOf?: () => number[]) => {
    if (candidates.has(name)) return;
    const positions = at.get(name) ?? positionsOf?.() ?? occurrences(joined, name);
    if (positions.length > 0) candidates.set(name, { name, kind, prefix, at: positions, count: positions.length, title });
  };
  for (const [name, { kind, prefix, title }] of found) add(name, kind, prefix, title);
  // A person's occurrences inside a longer name are not theirs (李金 inside 李金涛); an
  // organisation's inside a longer one are (山东中医药大学 in 山东中医药大学附属医院).
  const persons = [...candidates.values()].filter((c) => c.kind === 'person');
  const containing = longerContaining(persons);
  for (const c of persons) {
    const longer = containing.get(c.name);
    if (!longer) continue;
    c.at = c.at.filter((i) => !longer.some((o) => o.at.some((j) => i >= j && i + c.name.length <= j + o.name.length)));
    c.count = c.at.length;
    if (c.count === 0) candidates.delete(c.name);
  }
  return candidates;
}

/**
 * For every string that stands inside a longer person's name, the persons whose names hold it: each name's
 * substrings listed once, rather than every pair of persons compared.
 */
function longerContaining(persons: Candidate[]): Map<string, Candidate[]> {
  const containing = new Map<string, Candidate[]>();
  for (const o of persons) {
    const { name } = o;
    for (let from = 0; from < name.length; from++) {
      for (let to = from + 1; to <= name.length; to++) {
        if (to - from === name.length) continue;
        const part = name.slice(from, to);
        const list = containing.get(part);
        if (!list) containing.set(part, [o]);
        else if (list[list.length - 1] !== o) list.push(o);
      }
    }
  }
  return containing;
}

/** Names by their first and second character codes (looked up without slicing the text). */
type ByPair<T> = Map<number, Map<number, T[]>>;

function fileByPair<T>(table: ByPair<T>, name: string, value: T): void {
  const first = name.charCodeAt(0);
  let seconds = table.get(first);
  if (!seconds) table.set(first, (seconds = new Map()));
  const list = seconds.get(name.charCodeAt(1));
  if (list) list.push(value);
  else seconds.set(name.charCodeAt(1), [value]);
}

/** Names indexed by their first two characters, with a first-character filter for the scan. */
export class NameIndex {
  readonly first = new Uint8Array(0x10000);
  /** Hashed first two characters: most positions whose first character passes fail here, before a bigram is sliced. */
  readonly pairs = new Uint8Array(PAIR_SLOTS);
  readonly byBigram: ByPair<string> = new Map();
  /** Codes and pair slots set for the current document, cleared after it: the tables are made once per linter. */
  private readonly set: number[] = [];
  add(name: string): void {
    if (name.length < 2) return;
    const code = name.charCodeAt(0);
    const pair = pairSlot(code, name.charCodeAt(1));
    this.first[code] = 1;
    this.pairs[pair] = 1;
    this.set.push(code, pair);
    fileByPair(this.byBigram, name, name);
  }
  clear(): void {
    for (let k = 0; k < this.set.length; k += 2) {
      this.first[this.set[k]] = 0;
      this.pairs[this.set[k + 1]] = 0;
    }
    this.set.length = 0;
    this.byBigram.clear();
  }
}

export interface ModelNameIndex {
  first: Uint8Array;
  pairs: Uint8Array;
  byBigram: ByPair<NameEntry>;
}

export const PAIR_SLOTS = 1 << 16;

export function pairSlot(a: number, b: number): number {
  return (Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca6b)) >>> 16;
}

/** The model's names worth finding: learned ones seen at least twice, and every roster or curated name. */
export function buildNameIndex(section: NamesSection): ModelNameIndex {
  const index: ModelNameIndex = { first: new Uint8Array(0x10000), pairs: new Uint8Array(PAIR_SLOTS), byBigram: new Map() };
  for (const entry of section.names) {
    if (entry.name.length < 2) continue;
    if ((entry.source ?? 'corpus') === 'corpus' && entry.count < 2) continue;
    index.first[entry.name.charCodeAt(0)] = 1;
    index.pairs[pairSlot(entry.name.charCodeAt(0), entry.name.charCodeAt(1))] = 1;
    fileByPair(index.byBigram, entry.name, entry);
  }
  return index;
}

/** From every occurrence, the ones a left-to-right search that skips each match finds (what occurrences() gives). */
export function nonOverlapping(positions: number[], length: number): number[] {
  const kept: number[] = [];
  for (const i of positions) if (kept.length === 0 || i >= kept[kept.length - 1] + length) kept.push(i);
  return kept;
}

function placePrefix(name: string): number {
  const admin = [...name.slice(0, 8)].findIndex((ch) => ADMIN_CHARS.includes(ch));
  return admin >= 1 ? admin + 1 : 2;
}

export function groupCandidates(candidates: Map<string, Candidate>): Candidate[][] {
  const groups = new Map<string, Candidate[]>();
  for (const c of candidates.values()) {
    const key = `${c.kind}:${c.name.slice(0, c.kind === 'person' ? 1 : 2)}`;
    const list = groups.get(key);
    if (list) list.push(c);
    else groups.set(key, [c]);
  }
  // Least frequent first, so a minority is judged before it could serve as a majority.
  return [...groups.values()].map((g) => g.sort((a, b) => a.count - b.count || (a.name < b.name ? -1 : 1)));
}
