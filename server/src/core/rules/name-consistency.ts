/**
 * name-consistency: within a document, the same person or organisation written
 * two ways — a person's name five times one way and once with two characters
 * swapped, an organisation with a character dropped or added (…中医医院 / …中医院).
 * The minority form is reported, pointing to the majority form and its count.
 * Names come from context (title + name + speech verb; place + organisation head),
 * from the learned model, from the house roster, and — for slips — from the terms
 * ending in an organisation head that the document repeats (互联网医院).
 *
 * Slips the finders cannot see are searched for directly: a name the document
 * writes at least twice is matched against the text with one edit allowed. An
 * organisation's variant counts when it breaks the lexicon where the name reads as
 * words (中华医学会 → 中皮医学会, 国家卫生健康委 → 国旨卫生健康委, even in the first
 * characters); a person's when a given-name character is changed where a name
 * stands, in a name introduced before (three against one, or two against one when
 * the odd form carries no title of its own).
 *
 * What it deliberately ignores:
 * - two people who share a surname (王宏志 / 王建国) and two-character names that
 *   differ in the given name (张伟 / 张玮) unless three against one and untitled;
 * - a full name and its accepted short form (国家卫生健康委员会 / 国家卫生健康委), learned
 *   from the corpus, curated, or listed as an alias in the roster;
 * - organisations that differ in a numeral (第一 / 第二人民医院), a contrastive
 *   character (城东 / 城西) or the place (…省 / …市), and a substitution that reads as
 *   words (北京大学 / 南京大学): those name different organisations;
 * - a tie with no other evidence: the rule never guesses which form is right.
 * A roster name always wins: its one-edit variants are reported even when the
 * roster form does not occur in the document.
 */
import type { Rule, RuleContext } from '../types';
import { isHan, unwrap } from '../model/sections/phrases';
import { breaksLexicon, pairStandsTogether } from './shared/lexical-break';
import {
  findOrganisations,
  findPersons,
  inNameContext,
  isContrastivePair,
  isNumeralChar,
  looksLikeWord,
  mayBeInGivenName,
  occurrences,
  repeatedOrganisationTerms,
  singleEdit,
  surnameLength,
  titleBefore,
  type NameEntry,
  type NamesSection,
} from '../model/sections/names';

/** Occurrences of the majority form needed before a transposed variant is reported. */
const MIN_MAJORITY = 2;
/** A substituted character in a given name needs stronger evidence: three against one. */
const MIN_MAJORITY_SUBSTITUTION = 3;
const ADMIN_CHARS = '省市县区州镇乡村旗盟';

export const nameConsistency: Rule = {
  meta: {
    id: 'name-consistency',
    category: 'consistency',
    defaultSeverity: 'warning',
    fixable: true,
    scope: 'document',
    docs: {
      summary: '同一人名、机构名写法不一',
      gloss: 'The same person or organisation written two ways in one document',
      why:
        '人名、机构名错字是见报差错中最伤人的一类：被写错名字的人和单位会来电更正。拼写检查器看不出，因为每个字都对。同一篇稿件里，多数写法通常是对的，少数写法多半是笔误。',
      example: { bad: '李金涛表示……李金涛认为……李涛金指出', good: '李金涛表示……李金涛认为……李金涛指出' },
    },
  },
  checkDocument(ctx) {
    const { text: joined, offsets } = unwrap(ctx.text.masked);
    if (joined.trim() === '') return;
    const candidates = collectCandidates(ctx, joined);
    const known = knownNames(ctx.model.names);
    const reported = new Set<string>();
    const byKind = groupCandidates(candidates);
    for (const group of byKind) {
      for (const minority of group) {
        if (reported.has(minority.name) || ctx.isAllowed(minority.name)) continue;
        const verdict = bestMajority(minority, group, known);
        if (!verdict) continue;
        reported.add(minority.name);
        reportAll(ctx, joined, offsets, minority, verdict, known);
      }
    }
    reportSlips(ctx, joined, offsets, candidates, known, reported);
  },
};

interface Candidate {
  name: string;
  kind: 'person' | 'organisation';
  /** Characters of place (organisation) or surname (person) at the start. */
  prefix: number;
  /** Non-overlapping occurrences in the unwrapped text. */
  at: number[];
  count: number;
  title?: string;
}

interface Verdict {
  majority: Candidate | { name: string; count: number; kind: 'person' | 'organisation'; roster: true };
  reason: 'document' | 'roster';
}

function collectCandidates(ctx: RuleContext, joined: string): Map<string, Candidate> {
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
  for (const m of findOrganisations(joined, ctx.lexicon)) note(m.name, 'organisation', m.prefix ?? 2);
  const modelIndex = nameIndex(ctx.model.names);
  const docIndex = new NameIndex();
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
    const pair = pairSlot(code, joined.charCodeAt(i + 1));
    if (!modelIndex.pairs[pair] && !docIndex.pairs[pair]) continue;
    const bigram = joined.slice(i, i + 2);
    for (const name of docIndex.byBigram.get(bigram) ?? []) if (joined.startsWith(name, i)) record(name, i);
    for (const entry of modelIndex.byBigram.get(bigram) ?? []) {
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
  addVariants(joined, candidates, add);
  // A person's occurrences inside a longer name are not theirs (王宏 inside 王宏志); an
  // organisation's inside a longer one are (山东中医药大学 in 山东中医药大学附属医院).
  const persons = [...candidates.values()].filter((c) => c.kind === 'person');
  for (const c of persons) {
    const longer = persons.filter((o) => o.name.length > c.name.length && o.name.includes(c.name));
    if (longer.length === 0) continue;
    c.at = c.at.filter((i) => !longer.some((o) => o.at.some((j) => i >= j && i + c.name.length <= j + o.name.length)));
    c.count = c.at.length;
    if (c.count === 0) candidates.delete(c.name);
  }
  return candidates;
}

/** Names indexed by their first two characters, with a first-character filter for the scan. */
class NameIndex {
  readonly first = new Uint8Array(0x10000);
  /** Hashed first two characters: most positions whose first character passes fail here, before a bigram is sliced. */
  readonly pairs = new Uint8Array(PAIR_SLOTS);
  readonly byBigram = new Map<string, string[]>();
  add(name: string): void {
    if (name.length < 2) return;
    this.first[name.charCodeAt(0)] = 1;
    this.pairs[pairSlot(name.charCodeAt(0), name.charCodeAt(1))] = 1;
    const key = name.slice(0, 2);
    const list = this.byBigram.get(key);
    if (list) list.push(name);
    else this.byBigram.set(key, [name]);
  }
}

interface ModelNameIndex {
  first: Uint8Array;
  pairs: Uint8Array;
  byBigram: Map<string, NameEntry[]>;
}

const PAIR_SLOTS = 1 << 16;

function pairSlot(a: number, b: number): number {
  return (Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca6b)) >>> 16;
}

const modelIndexes = new WeakMap<NamesSection, ModelNameIndex>();

/** The model's names worth finding: learned ones seen at least twice, and every roster or curated name. */
function nameIndex(section: NamesSection): ModelNameIndex {
  let index = modelIndexes.get(section);
  if (!index) {
    index = { first: new Uint8Array(0x10000), pairs: new Uint8Array(PAIR_SLOTS), byBigram: new Map() };
    for (const entry of section.names) {
      if (entry.name.length < 2) continue;
      if ((entry.source ?? 'corpus') === 'corpus' && entry.count < 2) continue;
      index.first[entry.name.charCodeAt(0)] = 1;
      index.pairs[pairSlot(entry.name.charCodeAt(0), entry.name.charCodeAt(1))] = 1;
      const key = entry.name.slice(0, 2);
      const list = index.byBigram.get(key);
      if (list) list.push(entry);
      else index.byBigram.set(key, [entry]);
    }
    modelIndexes.set(section, index);
  }
  return index;
}

/**
 * A slip rarely sits where the person patterns look, so the one-edit variants of
 * each person named at least twice are searched for directly: the swapped given
 * name anywhere, a substituted last character wherever a name can stand.
 * Organisation variants need no search: a place and a head still frame them.
 */
function addVariants(
  joined: string,
  candidates: Map<string, Candidate>,
  add: (name: string, kind: Candidate['kind'], prefix: number, title?: string, positionsOf?: () => number[]) => void,
): void {
  const people: Array<{ sl: number; swapped?: string; head: string; second: number }> = [];
  for (const c of candidates.values()) {
    if (c.count < 2 || c.kind !== 'person') continue;
    const sl = surnameLength(c.name) || 1;
    const surname = c.name.slice(0, sl);
    const given = c.name.slice(sl);
    if (given.length !== 2) continue;
    people.push({ sl, swapped: given[0] !== given[1] ? surname + given[1] + given[0] : undefined, head: surname + given[0], second: given.charCodeAt(1) });
  }
  if (people.length === 0) return;
  // Every person's swapped form and surname + first given character, found in one pass over the text.
  const found = allOccurrences(joined, people.flatMap((p) => (p.swapped ? [p.swapped, p.head] : [p.head])));
  for (const { sl, swapped, head, second } of people) {
    const swappedAt = swapped ? found.get(swapped)! : [];
    if (swapped && swappedAt.length > 0) add(swapped, 'person', sl, undefined, () => nonOverlapping(swappedAt, swapped.length));
    // Substituted second character: every occurrence of surname + first given character.
    const heads = found.get(head)!;
    for (const i of heads) {
      const b = joined.charCodeAt(i + sl + 1);
      if (!isHan(b) || b === second || !inNameContext(joined, i, i + sl + 2)) continue;
      add(joined.slice(i, i + sl + 2), 'person', sl, undefined, () =>
        nonOverlapping(
          heads.filter((j) => joined.charCodeAt(j + sl + 1) === b),
          sl + 2,
        ),
      );
    }
  }
}

/** Every occurrence (overlapping ones too) of each pattern, in order, from one pass over the text. */
function allOccurrences(text: string, patterns: string[]): Map<string, number[]> {
  const found = new Map<string, number[]>();
  const first = new Uint8Array(0x10000);
  const byFirst = new Map<number, string[]>();
  for (const pattern of patterns) {
    if (found.has(pattern)) continue;
    found.set(pattern, []);
    const code = pattern.charCodeAt(0);
    first[code] = 1;
    const list = byFirst.get(code);
    if (list) list.push(pattern);
    else byFirst.set(code, [pattern]);
  }
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (first[code] !== 1) continue;
    for (const pattern of byFirst.get(code)!) if (text.startsWith(pattern, i)) found.get(pattern)!.push(i);
  }
  return found;
}

/** From every occurrence, the ones a left-to-right search that skips each match finds (what occurrences() gives). */
function nonOverlapping(positions: number[], length: number): number[] {
  const kept: number[] = [];
  for (const i of positions) if (kept.length === 0 || i >= kept[kept.length - 1] + length) kept.push(i);
  return kept;
}

function placePrefix(name: string): number {
  const admin = [...name.slice(0, 8)].findIndex((ch) => ADMIN_CHARS.includes(ch));
  return admin >= 1 ? admin + 1 : 2;
}

function groupCandidates(candidates: Map<string, Candidate>): Candidate[][] {
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

interface KnownNames {
  roster: Map<string, NameEntry>;
  model: Map<string, NameEntry>;
  /** Pairs accepted as full/short forms, either direction. */
  accepted(a: string, b: string): boolean;
}

const knownCache = new WeakMap<NamesSection, KnownNames>();

function knownNames(section: NamesSection): KnownNames {
  let known = knownCache.get(section);
  if (!known) {
    const roster = new Map(section.names.filter((n) => n.source === 'roster').map((n) => [n.name, n]));
    const model = new Map(section.names.map((n) => [n.name, n]));
    const shortForms = section.shortForms;
    known = { roster, model, accepted: (a, b) => shortForms[a] === b || shortForms[b] === a || (shortForms[a] !== undefined && shortForms[a] === shortForms[b]) };
    knownCache.set(section, known);
  }
  return known;
}

/** The form the minority should have been, if the evidence is strong enough. */
function bestMajority(minority: Candidate, group: Candidate[], known: KnownNames): Verdict | undefined {
  if (known.roster.has(minority.name)) return undefined;
  // The roster wins, even when its form is absent from the document.
  for (const entry of known.roster.values()) {
    if (entry.kind !== minority.kind) continue;
    if (plausibleVariant(minority, entry.name, true) && !known.accepted(minority.name, entry.name)) {
      return { majority: { name: entry.name, count: group.find((c) => c.name === entry.name)?.count ?? 0, kind: entry.kind, roster: true }, reason: 'roster' };
    }
  }
  let best: Candidate | undefined;
  for (const other of group) {
    if (other === minority || other.count < minority.count) continue;
    if (!plausibleVariant(minority, other.name, false)) continue;
    if (known.accepted(minority.name, other.name)) continue;
    const edit = singleEdit(minority.name, other.name)!;
    const needed = edit.kind === 'substitute' ? MIN_MAJORITY_SUBSTITUTION : MIN_MAJORITY;
    let majorityCount = other.count;
    if (other.count === minority.count) {
      // A tie is broken only by the corpus: the learned form must clearly dominate.
      const a = known.model.get(other.name)?.count ?? 0;
      const b = known.model.get(minority.name)?.count ?? 0;
      if (a < 2 || a < 2 * b) continue;
      majorityCount = other.count + 1;
    }
    if (majorityCount < needed && !(minority.kind === 'organisation' && majorityCount > minority.count)) continue;
    if (edit.kind === 'substitute' && minority.count > 1) continue;
    // Both forms established in the corpus as separate names: not a slip.
    const learnedMinority = known.model.get(minority.name);
    if (learnedMinority && (learnedMinority.docs ?? 1) >= 2 && learnedMinority.count >= 2) continue;
    if (!best || other.count > best.count) best = other;
  }
  return best ? { majority: best, reason: 'document' } : undefined;
}

/** True when `variant` could be a slip for `name`: one edit, in the right place, of the right kind. */
function plausibleVariant(variant: Candidate, name: string, fromRoster: boolean): boolean {
  const edit = singleEdit(variant.name, name);
  if (!edit) return false;
  const changed = changedChars(variant.name, name, edit);
  if (changed.some(isNumeralChar)) return false;
  if (variant.kind === 'person') {
    const surname = surnameLength(name) || 1;
    if (variant.name.length !== name.length || name.length < surname + 2) return false;
    if (edit.at < surname) return false;
    return edit.kind === 'transpose' || edit.kind === 'substitute';
  }
  // Organisations: the edit lies after the place and before the last character.
  const lastTouched = edit.kind === 'transpose' ? edit.at + 1 : edit.kind === 'add' ? edit.at - 1 : edit.at;
  if (edit.at < Math.max(variant.prefix, 2) || lastTouched >= variant.name.length - 1) return false;
  if (changed.some((ch) => ADMIN_CHARS.includes(ch))) return false;
  if (edit.kind === 'substitute') return fromRoster && !isContrastivePair(changed[0], changed[1]);
  return true;
}

function changedChars(from: string, to: string, edit: { kind: string; at: number }): string[] {
  switch (edit.kind) {
    case 'substitute':
      return [from[edit.at], to[edit.at]];
    case 'drop':
      return [from[edit.at]];
    case 'add':
      return [to[edit.at]];
    default:
      return [from[edit.at], from[edit.at + 1]];
  }
}

function reportAll(ctx: RuleContext, joined: string, offsets: ArrayLike<number>, minority: Candidate, verdict: Verdict, known: KnownNames): void {
  const target = verdict.majority.name;
  const edit = singleEdit(minority.name, target)!;
  const what = minority.kind === 'person' ? '人名' : '机构名称';
  const learned = known.model.get(target);
  const countNote =
    verdict.reason === 'roster'
      ? '本社名录的规范写法'
      : `本文出现 ${verdict.majority.count} 次`;
  const titles = learned?.titles?.length ? `，职务：${learned.titles.join('、')}` : '';
  const corpusNote = learned && learned.count > 0 && verdict.reason === 'document' ? `；语料中“${target}”出现 ${learned.count} 次${titles}` : '';
  const firstLines = verdict.reason === 'document' && 'at' in verdict.majority
    ? verdict.majority.at.slice(0, 5).map((i) => ctx.text.positionAt(offsets[i]).line + 1)
    : [];
  const where = firstLines.length ? `（第 ${firstLines.join('、')} 行）` : '';
  for (const i of minority.at) {
    const start = offsets[i];
    const end = offsets[i + minority.name.length - 1] + 1;
    ctx.report({
      offset: start,
      length: end - start,
      message: `同一${what}写法不一：“${minority.name}”应为“${target}”（${countNote}）`,
      evidence: `本文中“${target}”出现 ${verdict.majority.count} 次${where}，“${minority.name}”出现 ${minority.count} 次${corpusNote}。`,
      subject: minority.name,
      fixes: [{ title: `改为“${target}”`, edits: editsFor(offsets, i, minority.name, target, edit) }],
    });
  }
}

/** Character-level edits, mapped back through the unwrap so a wrap inside the name is left alone. */
function editsFor(offsets: ArrayLike<number>, at: number, from: string, to: string, edit: { kind: string; at: number }) {
  const pos = (k: number) => offsets[at + k];
  switch (edit.kind) {
    case 'substitute':
      return [{ offset: pos(edit.at), length: 1, newText: to[edit.at] }];
    case 'transpose':
      return [
        { offset: pos(edit.at), length: 1, newText: from[edit.at + 1] },
        { offset: pos(edit.at + 1), length: 1, newText: from[edit.at] },
      ];
    case 'drop':
      return [{ offset: pos(edit.at), length: 1, newText: '' }];
    default:
      return [{ offset: pos(edit.at), length: 0, newText: to[edit.at] }];
  }
}

// ---------------------------------------------------------------------------
// Slips the finders cannot see

/** A name needs this many occurrences before a one-character slip of it is reported… */
const MIN_SLIP_MAJORITY = 2;
/** …and a two-character person's name (刘勇 / 刘南), where another person is as likely, this many. */
const MIN_SLIP_MAJORITY_SHORT = 3;
/** Characters of context either side when judging whether a variant breaks the lexicon. */
const SLIP_CONTEXT = 4;
/** Shorter variants are too short to tell a slip from another word (长清大学城 is not 清华大学). */
const MIN_ORGANISATION_SLIP = 4;
/** A name's words are common: a dictionary entry rarer than this in a variant (国利 for 国家) is a non-word. */
const COMMON_WORD = 20;

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
function reportSlips(ctx: RuleContext, joined: string, offsets: ArrayLike<number>, candidates: Map<string, Candidate>, known: KnownNames, reported: Set<string>): void {
  const all = [...candidates.values()];
  // Repeated terms ending in an organisation head are names here even where no place frames them (互联网医院).
  for (const [term, at] of repeatedOrganisationTerms(joined, MIN_SLIP_MAJORITY, ctx.lexicon)) {
    if (candidates.has(term)) continue;
    const kept = nonOverlapping(at, term.length);
    all.push({ name: term, kind: 'organisation', prefix: 0, at: kept, count: kept.length });
  }
  const names = all.filter(
    (c) => c.count >= MIN_SLIP_MAJORITY && !reported.has(c.name) && c.name.length >= (c.kind === 'person' ? 2 : 4) && c.name.length <= MAX_SLIP_NAME,
  );
  if (names.length === 0) return;
  const slips = findSlipWindows(joined, names);
  for (const [variant, slip] of slips) {
    const name = slip.of;
    if (reported.has(variant) || reported.has(name.name) || ctx.isAllowed(variant)) continue;
    const at = nonOverlapping(slip.at.sort((a, b) => a - b), variant.length);
    const existing = candidates.get(variant);
    const count = Math.max(at.length, existing?.count ?? 0);
    if (count >= name.count || !isSlipOf(ctx, joined, variant, at, name, known)) continue;
    reported.add(variant);
    const minority: Candidate = { name: variant, kind: name.kind, prefix: name.prefix, at, count };
    reportAll(ctx, joined, offsets, minority, { majority: name, reason: 'document' }, known);
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
          if (joined.startsWith(surname, i) && oneEditApart(joined, i, size, person.name) && inNameContext(joined, i, i + size)) this.note(i, size, person);
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
          } else if (size !== length ? joined.charCodeAt(start) !== full.charCodeAt(0) : joined.charCodeAt(start) !== full.charCodeAt(0) && joined.charCodeAt(start + 1) !== full.charCodeAt(1)) continue;
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
    if (start < 0 || start + size > joined.length || !oneEditApart(joined, start, size, name.name)) return;
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

/** True when text[start, start + size) is exactly one substitution, addition or drop away from `name`. */
function oneEditApart(text: string, start: number, size: number, name: string): boolean {
  const n = name.length;
  let i = 0;
  while (i < size && i < n && text.charCodeAt(start + i) === name.charCodeAt(i)) i++;
  if (size === n) {
    if (i === n) return false;
    for (let k = i + 1; k < n; k++) if (text.charCodeAt(start + k) !== name.charCodeAt(k)) return false;
    return true;
  }
  if (size === n - 1) {
    for (let k = i; k < size; k++) if (text.charCodeAt(start + k) !== name.charCodeAt(k + 1)) return false;
    return true;
  }
  if (size === n + 1) {
    for (let k = i + 1; k < size; k++) if (text.charCodeAt(start + k) !== name.charCodeAt(k - 1)) return false;
    return true;
  }
  return false;
}

/** Longest name searched for slips: longer runs are phrases, fixed-phrase's business. */
const MAX_SLIP_NAME = 16;

function isSlipOf(ctx: RuleContext, joined: string, variant: string, at: number[], name: Candidate, known: KnownNames): boolean {
  const edit = singleEdit(variant, name.name)!;
  const changed = changedChars(variant, name.name, edit);
  // A numeral or place level changed is another body (第一 / 第二, 省 / 市); a numeral written inside a word is a slip.
  const numeralChanged = edit.kind === 'substitute' ? isNumeralChar(changed[1]) : changed.some(isNumeralChar);
  if (numeralChanged || changed.some((ch) => ADMIN_CHARS.includes(ch))) return false;
  if (edit.kind === 'substitute' && isContrastivePair(changed[0], changed[1])) return false;
  // Both forms established as names: two people, two bodies.
  if (known.roster.has(variant) || known.accepted(variant, name.name)) return false;
  const learned = known.model.get(variant);
  if (learned && learned.count >= 2 && (learned.docs ?? 1) >= 2) return false;
  return name.kind === 'person' ? isPersonSlip(ctx, joined, variant, at, name, edit) : isOrganisationSlip(ctx, joined, variant, at, name, edit);
}

/**
 * An organisation's slip: one character changed, added or dropped anywhere but at
 * the head's end, turning the name's words into non-words at every occurrence, with
 * no other word of the document made of the new pairing (慢病 written elsewhere).
 */
function isOrganisationSlip(ctx: RuleContext, joined: string, variant: string, at: number[], name: Candidate, edit: { kind: string; at: number }): boolean {
  // singleEdit(variant, name): 'add' puts back a character the variant lacks, 'drop' removes one it has extra.
  const length = name.name.length;
  const last = edit.kind === 'drop' ? edit.at >= length : edit.at >= length - 1;
  if (last || (edit.kind !== 'substitute' && edit.at === 0) || variant.length < MIN_ORGANISATION_SLIP) return false;
  for (const i of at) {
    const before = hanBefore(joined, i, SLIP_CONTEXT);
    const after = hanAfter(joined, i + variant.length, SLIP_CONTEXT);
    if (!breaksLexicon(ctx.lexicon, before, name.name, variant, after, COMMON_WORD)) return false;
  }
  if (edit.kind === 'add') return true;
  // The pairings the written character makes, anywhere else in the document, standing together.
  const written = variant[edit.at];
  for (const pair of [variant.slice(edit.at - 1, edit.at + 1), variant.slice(edit.at, edit.at + 2)]) {
    if (pair.length < 2 || !pair.includes(written)) continue;
    for (let i = joined.indexOf(pair); i >= 0; i = joined.indexOf(pair, i + 1)) {
      if (at.some((j) => i >= j && i < j + variant.length)) continue;
      if (pairStandsTogether(ctx.lexicon, joined, i)) return false;
    }
  }
  return true;
}

/**
 * A person's slip: a given-name character substituted, where a name stands, in a
 * name the document introduced before. A name written three times one way and once
 * another is a slip; twice and once, only if the odd form comes after the name was
 * introduced and carries no title of its own (a new person is introduced with one).
 */
function isPersonSlip(ctx: RuleContext, joined: string, variant: string, at: number[], name: Candidate, edit: { kind: string; at: number }): boolean {
  if (edit.kind !== 'substitute' || edit.at < (surnameLength(name.name) || 1)) return false;
  if (!mayBeInGivenName(variant[edit.at]) || looksLikeWord(ctx.lexicon, variant) || looksLikeWord(ctx.lexicon, name.name)) return false;
  const short = name.name.length <= 2;
  if (at.length !== 1 || name.count < (short ? MIN_SLIP_MAJORITY_SHORT : MIN_SLIP_MAJORITY)) return false;
  const i = at[0];
  if (!inNameContext(joined, i, i + variant.length)) return false;
  // The surname closes a word instead (国家卫生健康委: 健康 holds the 康).
  if (i > 0 && ctx.lexicon.has(joined.slice(i - 1, i + 1), COMMON_WORD)) return false;
  if (name.at[0] > i) return false;
  const title = titleBefore(joined, i);
  if (title && !name.at.some((j) => titleBefore(joined, j) === title)) return false;
  if (short && title) return false;
  if (name.count < MIN_MAJORITY_SUBSTITUTION && title) return false;
  return true;
}

function hanBefore(text: string, at: number, limit: number): string {
  let from = at;
  while (from > 0 && at - from < limit && isHan(text.charCodeAt(from - 1))) from--;
  return text.slice(from, at);
}

function hanAfter(text: string, at: number, limit: number): string {
  let to = at;
  while (to < text.length && to - at < limit && isHan(text.charCodeAt(to))) to++;
  return text.slice(at, to);
}
