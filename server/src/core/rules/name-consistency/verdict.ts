/**
 * Whether a variant is a slip for a name: the edit, where it falls, the characters
 * it changes, the counts, and what the model and the roster know of both forms.
 */
import type { RuleContext } from '../../types';
import type { NameEntry, NamesSection } from '../../model/sections/names';
import { earliestEdit, isContrastivePair, isNumeralChar, singleEdit, type NameEdit } from '../../analysis/names';
import { isHan } from '../../analysis/han';
import { breaksLexicon, pairStandsTogether, strandsAt } from '../../analysis/lexical-break';
import { ADMIN_CHARS, type Candidate } from './candidates';

/** Occurrences of the majority form needed before a transposed variant is reported. */
const MIN_MAJORITY = 2;
/** A substituted character in a given name needs stronger evidence: three against one. */
const MIN_MAJORITY_SUBSTITUTION = 3;

export interface Verdict {
  majority: Candidate | { name: string; count: number; at: number[]; kind: 'person' | 'organisation'; roster: true };
  reason: 'document' | 'roster';
}

export interface KnownNames {
  roster: Map<string, NameEntry>;
  model: Map<string, NameEntry>;
  /** Pairs accepted as full/short forms, either direction. */
  accepted(a: string, b: string): boolean;
}

/** The roster, the model's names and its accepted short forms, looked up by name. */
export function buildKnownNames(section: NamesSection): KnownNames {
  const roster = new Map(section.names.filter((n) => n.source === 'roster').map((n) => [n.name, n]));
  const model = new Map(section.names.map((n) => [n.name, n]));
  const shortForms = section.shortForms;
  return { roster, model, accepted: (a, b) => shortForms[a] === b || shortForms[b] === a || (shortForms[a] !== undefined && shortForms[a] === shortForms[b]) };
}

/** The form the minority should have been, if the evidence is strong enough. */
export function bestMajority(minority: Candidate, group: Candidate[], known: KnownNames): Verdict | undefined {
  if (known.roster.has(minority.name)) return undefined;
  // The roster wins, even when its form is absent from the document.
  for (const entry of known.roster.values()) {
    if (entry.kind !== minority.kind) continue;
    if (plausibleVariant(minority, entry.name, true) && !known.accepted(minority.name, entry.name)) {
      const present = group.find((c) => c.name === entry.name);
      return { majority: { name: entry.name, count: present?.count ?? 0, at: present?.at ?? [], kind: entry.kind, roster: true }, reason: 'roster' };
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
  // Organisations: the edit lies after the place and before the last character.
  const lastTouched = edit.kind === 'transpose' ? edit.at + 1 : edit.kind === 'add' ? edit.at - 1 : edit.at;
  if (earliestEdit(edit, variant.name, name).at < Math.max(variant.prefix, 2) || lastTouched >= variant.name.length - 1) return false;
  if (changed.some((ch) => ADMIN_CHARS.includes(ch))) return false;
  if (edit.kind === 'substitute') return fromRoster && !isContrastivePair(changed[0], changed[1]);
  return true;
}

export function changedChars(from: string, to: string, edit: NameEdit): string[] {
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

/** A name needs this many occurrences before a one-character slip of it is reported… */
export const MIN_SLIP_MAJORITY = 2;
/** Characters of context either side when judging whether a variant breaks the lexicon. */
const SLIP_CONTEXT = 4;
/** Shorter variants are too short to tell a slip from another word (长清大学城 is not 清华大学). */
const MIN_ORGANISATION_SLIP = 4;
/** A name's words are common: a dictionary entry rarer than this in a variant (国利 for 国家) is a non-word. */
const COMMON_WORD = 20;

export function isSlipOf(ctx: RuleContext, joined: string, variant: string, at: number[], name: Candidate, known: KnownNames): boolean {
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
  return isOrganisationSlip(ctx, joined, variant, at, name, edit);
}

/**
 * An organisation's slip: one character changed, added or dropped anywhere but at
 * the head's end, turning the name's words into non-words at every occurrence, with
 * no other word of the document made of the new pairing (慢病 written elsewhere).
 */
function isOrganisationSlip(ctx: RuleContext, joined: string, variant: string, at: number[], name: Candidate, edit: NameEdit): boolean {
  // singleEdit(variant, name): 'add' puts back a character the variant lacks, 'drop' removes one it has extra.
  const length = name.name.length;
  const last = edit.kind === 'drop' ? edit.at >= length : edit.at >= length - 1;
  // A character added or dropped in the first two is a place cut short (美国联邦… / 美联邦…), not a slip.
  if (last || (edit.kind !== 'substitute' && earliestEdit(edit, variant, name.name).at < 2) || variant.length < MIN_ORGANISATION_SLIP) return false;
  // The first character changed, nothing before it shared: another place or country (俄国防部 / 乌国防部).
  if (edit.kind === 'substitute' && edit.at === 0) return false;
  for (const i of at) {
    const before = hanBefore(joined, i, SLIP_CONTEXT);
    const after = hanAfter(joined, i + variant.length, SLIP_CONTEXT);
    if (!breaksLexicon(ctx.lexicon, before, name.name, variant, after, COMMON_WORD)) return false;
  }
  if (edit.kind === 'add') return true;
  // The written character stands out of words in the variant (中皮医学会: 皮), not inside one (省人大民委: 民委).
  if (!strandsAt(ctx.lexicon, variant, edit.at, COMMON_WORD)) return false;
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

export function hanBefore(text: string, at: number, limit: number): string {
  let from = at;
  while (from > 0 && at - from < limit && isHan(text.charCodeAt(from - 1))) from--;
  return text.slice(from, at);
}

export function hanAfter(text: string, at: number, limit: number): string {
  let to = at;
  while (to < text.length && to - at < limit && isHan(text.charCodeAt(to))) to++;
  return text.slice(at, to);
}
