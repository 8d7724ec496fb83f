/**
 * name-consistency: within a document, the same person or organisation written
 * two ways — a person's name five times one way and once with two characters
 * swapped, an organisation with a character dropped or added (…中医医院 / …中医院).
 * The minority form is reported, pointing to the majority form and its count.
 * Names come from context (title + name + speech verb; place + organisation head),
 * from the learned model and from the house roster.
 *
 * What it deliberately ignores:
 * - two people who share a surname (王宏志 / 王建国) and two-character names that
 *   differ in the given name (张伟 / 张玮): different people, not typos;
 * - a full name and its accepted short form (国家卫生健康委员会 / 国家卫生健康委), learned
 *   from the corpus, curated, or listed as an alias in the roster;
 * - organisations that differ in a numeral (第一 / 第二人民医院), a contrastive
 *   character (城东 / 城西) or the place (…省 / …市), and any substitution: those
 *   name different organisations;
 * - a tie with no other evidence: the rule never guesses which form is right.
 * A roster name always wins: its one-edit variants are reported even when the
 * roster form does not occur in the document.
 */
import type { Rule, RuleContext } from '../types';
import { isHan, unwrap } from '../model/sections/phrases';
import {
  findOrganisations,
  findPersons,
  inNameContext,
  isContrastivePair,
  isNumeralChar,
  occurrences,
  singleEdit,
  surnameLength,
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
    if (candidates.size < 2 && !hasRoster(ctx.model.names)) return;
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
    const bigram = joined.slice(i, i + 2);
    for (const name of docIndex.byBigram.get(bigram) ?? []) if (joined.startsWith(name, i)) record(name, i);
    for (const entry of modelIndex.byBigram.get(bigram) ?? []) {
      if (!joined.startsWith(entry.name, i)) continue;
      record(entry.name, i);
      if (!found.has(entry.name)) note(entry.name, entry.kind, entry.kind === 'person' ? surnameLength(entry.name) || 1 : placePrefix(entry.name));
    }
  }
  const candidates = new Map<string, Candidate>();
  const add = (name: string, kind: Candidate['kind'], prefix: number, title?: string) => {
    if (candidates.has(name)) return;
    const positions = at.get(name) ?? occurrences(joined, name);
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
  readonly byBigram = new Map<string, string[]>();
  add(name: string): void {
    if (name.length < 2) return;
    this.first[name.charCodeAt(0)] = 1;
    const key = name.slice(0, 2);
    const list = this.byBigram.get(key);
    if (list) list.push(name);
    else this.byBigram.set(key, [name]);
  }
}

interface ModelNameIndex {
  first: Uint8Array;
  byBigram: Map<string, NameEntry[]>;
}

const modelIndexes = new WeakMap<NamesSection, ModelNameIndex>();

/** The model's names worth finding: learned ones seen at least twice, and every roster or curated name. */
function nameIndex(section: NamesSection): ModelNameIndex {
  let index = modelIndexes.get(section);
  if (!index) {
    index = { first: new Uint8Array(0x10000), byBigram: new Map() };
    for (const entry of section.names) {
      if (entry.name.length < 2) continue;
      if ((entry.source ?? 'corpus') === 'corpus' && entry.count < 2) continue;
      index.first[entry.name.charCodeAt(0)] = 1;
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
function addVariants(joined: string, candidates: Map<string, Candidate>, add: (name: string, kind: Candidate['kind'], prefix: number) => void): void {
  for (const c of [...candidates.values()]) {
    if (c.count < 2) continue;
    if (c.kind === 'person') {
      const sl = surnameLength(c.name) || 1;
      const surname = c.name.slice(0, sl);
      const given = c.name.slice(sl);
      if (given.length !== 2) continue;
      const swapped = surname + given[1] + given[0];
      if (given[0] !== given[1] && joined.includes(swapped)) add(swapped, 'person', sl);
      // Substituted second character: every occurrence of surname + first given character.
      const head = surname + given[0];
      for (let i = joined.indexOf(head); i >= 0; i = joined.indexOf(head, i + 1)) {
        const b = joined.charCodeAt(i + sl + 1);
        if (!isHan(b) || b === given.charCodeAt(1) || !inNameContext(joined, i, i + sl + 2)) continue;
        add(joined.slice(i, i + sl + 2), 'person', sl);
      }
    }
  }
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

function hasRoster(section: NamesSection): boolean {
  return knownNames(section).roster.size > 0;
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

function reportAll(ctx: RuleContext, joined: string, offsets: number[], minority: Candidate, verdict: Verdict, known: KnownNames): void {
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
function editsFor(offsets: number[], at: number, from: string, to: string, edit: { kind: string; at: number }) {
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
