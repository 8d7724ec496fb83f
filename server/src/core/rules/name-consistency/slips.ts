/**
 * Slips the finders cannot see: a name the document writes at least twice is
 * matched against the text with one edit allowed.
 */
import type { RuleContext } from '../../types';
import { isHan } from '../../analysis/han';
import { inNameContext, surnameLength, windowEdit } from '../../analysis/names';
import { repeatedOrganisationTerms } from '../../analysis/organisations';
import { nonOverlapping, pairSlot, PAIR_SLOTS, type Candidate } from './candidates';
import { isSlipOf, MIN_SLIP_MAJORITY, type KnownNames } from './verdict';
import { reportPair } from './report';

interface Slip {
  of: Candidate;
  at: number[];
}

/**
 * One-character slips of a name the document writes at least twice, found by
 * matching the name itself against the text: a slip in the place or the surname
 * hides the variant from the finders (国旨卫生健康委, 中皮医学会 are no longer framed
 * by a place). Each name is split in two halves and every half is found in one pass;
 * a window holding one half exactly and one edit away from the name is a variant.
 * An organisation's variant counts only where it breaks the lexicon that the name
 * reads as words; a person's only where a name stands, after the name was introduced.
 */
export function reportSlips(
  ctx: RuleContext,
  joined: string,
  offsets: ArrayLike<number>,
  candidates: Map<string, Candidate>,
  known: KnownNames,
  reported: Set<string>,
): void {
  const all = [...candidates.values()];
  // Repeated terms ending in an organisation head are names here even where no place frames them (互联网医院).
  for (const [term, at] of repeatedOrganisationTerms(joined, MIN_SLIP_MAJORITY, ctx.lexicon)) {
    if (candidates.has(term)) continue;
    const kept = nonOverlapping(at, term.length);
    all.push({ name: term, kind: 'organisation', prefix: 0, at: kept, count: kept.length });
  }
  const names = all.filter(
    (c) => c.kind === 'organisation' && c.count >= MIN_SLIP_MAJORITY && !reported.has(c.name) && c.name.length >= 4 && c.name.length <= MAX_SLIP_NAME,
  );
  if (names.length === 0) return;
  const slips = findSlipWindows(joined, names);
  for (const [variant, slip] of slips) {
    const name = slip.of;
    if (reported.has(variant) || reported.has(name.name) || ctx.isAllowed(variant)) continue;
    const at = nonOverlapping(
      slip.at.sort((a, b) => a - b),
      variant.length,
    );
    const existing = candidates.get(variant);
    const count = Math.max(at.length, existing?.count ?? 0);
    if (count >= name.count || !isSlipOf(ctx, joined, variant, at, name, known)) continue;
    reported.add(variant);
    reportPair(ctx, offsets, known, {
      kind: name.kind,
      original: { name: name.name, at: name.at },
      variant: { name: variant, at },
      evidence: { lexical: true },
    });
  }
}

/**
 * Every window of the text one substitution, addition or drop away from a name,
 * anchored on the name's halves: a person's surname (the slip is in the given
 * name), an organisation's first or second half. One pass over the text; windows
 * are compared character by character and sliced only when they are variants.
 */
function findSlipWindows(joined: string, names: Candidate[]): Map<string, Slip> {
  const scanner = new SlipScanner(joined);
  try {
    for (const c of names) scanner.file(c);
    scanner.scan();
    return scanner.slips;
  } finally {
    scanner.release();
  }
}

/** The state of one findSlipWindows pass (methods rather than closures: one pass per document). */
class SlipScanner {
  readonly slips = new Map<string, Slip>();
  private readonly bySurname = new Map<number, Array<{ person: Candidate; surname: string }>>();
  private readonly pairBuckets = new Map<number, HalfEntry[]>();
  private readonly tripleBuckets = new Map<number, HalfEntry[]>();
  /** Slots this pass set in the shared tables, to clear afterwards. */
  private readonly marked: Array<Uint8Array | number> = [];

  constructor(private readonly joined: string) {}

  private mark(table: Uint8Array, slot: number): void {
    if (table[slot] === 1) return;
    table[slot] = 1;
    this.marked.push(table, slot);
  }

  release(): void {
    for (let k = 0; k < this.marked.length; k += 2) (this.marked[k] as Uint8Array)[this.marked[k + 1] as number] = 0;
  }

  /** Files a person under the first character of the surname, an organisation under its two halves. */
  file(c: Candidate): void {
    if (c.kind === 'person') {
      const code = c.name.charCodeAt(0);
      this.mark(SCRATCH.surnameStarts, code);
      const entry = { person: c, surname: c.name.slice(0, surnameLength(c.name) || 1) };
      const list = this.bySurname.get(code);
      if (list) list.push(entry);
      else this.bySurname.set(code, [entry]);
      return;
    }
    const split = c.name.length >> 1;
    this.fileHalf(c.name.slice(0, split), c, true);
    this.fileHalf(c.name.slice(split), c, false);
  }

  /** Halves are filed by a hash of their first two characters (two-character halves) or three (longer ones). */
  private fileHalf(half: string, name: Candidate, left: boolean): void {
    const pair = half.length === 2;
    const slot = pair ? pairSlot(half.charCodeAt(0), half.charCodeAt(1)) : tripleSlot(half.charCodeAt(0), half.charCodeAt(1), half.charCodeAt(2));
    this.mark(pair ? SCRATCH.pairFilter : SCRATCH.tripleFilter, slot);
    this.mark(SCRATCH.halfStarts, half.charCodeAt(0));
    this.mark(SCRATCH.openings, pairSlot(half.charCodeAt(0), half.charCodeAt(1)));
    const buckets = pair ? this.pairBuckets : this.tripleBuckets;
    let bucket = buckets.get(slot);
    if (!bucket) buckets.set(slot, (bucket = []));
    let entry: HalfEntry | undefined;
    for (const e of bucket) if (e.half === half) entry = e;
    if (!entry) bucket.push((entry = { half, owners: [] }));
    entry.owners.push({ name, left });
  }

  scan(): void {
    const { joined } = this;
    const { surnameStarts, halfStarts, openings, pairFilter, tripleFilter } = SCRATCH;
    for (let i = 0; i + 1 < joined.length; i++) {
      const code = joined.charCodeAt(i);
      if (surnameStarts[code] === 1) {
        for (const { person, surname } of this.bySurname.get(code)!) {
          const size = person.name.length;
          // Only where a name can stand: most surname characters in a text start ordinary words.
          if (joined.startsWith(surname, i) && windowEdit(joined, i, size, person.name, false) !== undefined && inNameContext(joined, i, i + size))
            this.note(i, size, person);
        }
      }
      if (halfStarts[code] !== 1) continue;
      const second = joined.charCodeAt(i + 1);
      const pair = pairSlot(code, second);
      // Every half's first two characters pass here; most positions stop.
      if (openings[pair] !== 1) continue;
      if (pairFilter[pair] === 1) this.scanHalves(this.pairBuckets.get(pair), i);
      if (i + 2 < joined.length) {
        const triple = tripleSlot(code, second, joined.charCodeAt(i + 2));
        if (tripleFilter[triple] === 1) this.scanHalves(this.tripleBuckets.get(triple), i);
      }
    }
  }

  private scanHalves(bucket: HalfEntry[] | undefined, i: number): void {
    if (!bucket) return;
    const { joined } = this;
    for (const { half, owners } of bucket) {
      if (!joined.startsWith(half, i)) continue;
      for (const { name, left } of owners) {
        const full = name.name;
        const length = full.length;
        let exact: boolean | undefined;
        for (let size = length - 1; size <= length + 1; size++) {
          const start = left ? i : i + half.length - size;
          // A slip never touches the last character nor adds or drops the first, and leaves one of
          // the first two in place: a character or two settle most windows.
          if (left) {
            if (joined.charCodeAt(start + size - 1) !== full.charCodeAt(length - 1)) continue;
          } else if (
            size !== length
              ? joined.charCodeAt(start) !== full.charCodeAt(0)
              : joined.charCodeAt(start) !== full.charCodeAt(0) && joined.charCodeAt(start + 1) !== full.charCodeAt(1)
          )
            continue;
          // The name itself, written right: nothing one edit away shares this half here.
          exact ??= joined.startsWith(full, left ? i : i + half.length - length);
          if (exact) break;
          this.note(start, size, name);
        }
      }
    }
  }

  private note(start: number, size: number, name: Candidate): void {
    const { joined } = this;
    if (start < 0 || start + size > joined.length || !windowEdit(joined, start, size, name.name, false)) return;
    for (let k = start; k < start + size; k++) if (!isHan(joined.charCodeAt(k))) return;
    const window = joined.slice(start, start + size);
    const slip = this.slips.get(window);
    if (!slip) this.slips.set(window, { of: name, at: [start] });
    else if (slip.of === name) {
      if (!slip.at.includes(start)) slip.at.push(start);
    } else if (name.count > slip.of.count) this.slips.set(window, { of: name, at: [start] });
  }
}

/** Per-character and hashed-pair tables for findSlipWindows, allocated once and cleared after each use. */
const SCRATCH = {
  surnameStarts: new Uint8Array(0x10000),
  halfStarts: new Uint8Array(0x10000),
  /** Hashed first two characters of every half. */
  openings: new Uint8Array(PAIR_SLOTS),
  pairFilter: new Uint8Array(PAIR_SLOTS),
  tripleFilter: new Uint8Array(PAIR_SLOTS),
};

interface HalfEntry {
  half: string;
  owners: Array<{ name: Candidate; left: boolean }>;
}

function tripleSlot(a: number, b: number, c: number): number {
  return (Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca6b) ^ Math.imul(c, 0xc2b2ae35)) >>> 16;
}

/** Longest name searched for slips: longer runs are phrases, fixed-phrase's business. */
const MAX_SLIP_NAME = 16;
