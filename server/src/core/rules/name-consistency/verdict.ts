/**
 * Whether a variant is a slip for a name: the edit, where it falls, the characters
 * it changes, the counts, and what the model and the roster know of both forms.
 */
import type { RuleContext } from '../../types';
import type { NameEntry, NamesSection } from '../../model/sections/names';
import { isContrastivePair, isNumeralChar, looksLikeWord, mayBeInGivenName, inNameContext, singleEdit, surnameLength, titleBefore } from '../../analysis/names';
import { isHan } from '../../analysis/han';
import { breaksLexicon, pairStandsTogether } from '../../analysis/lexical-break';
import { ADMIN_CHARS, type Candidate } from './candidates';

/** Occurrences of the majority form needed before a transposed variant is reported. */
const MIN_MAJORITY = 2;
/** A substituted character in a given name needs stronger evidence: three against one. */
const MIN_MAJORITY_SUBSTITUTION = 3;

export interface Verdict {
  majority: Candidate | { name: string; count: number; kind: 'person' | 'organisation'; roster: true };
  reason: 'document' | 'roster';
}

export interface KnownNames {
  roster: Map<string, NameEntry>;
  model: Map<string, NameEntry>;
  /** Pairs accepted as full/short forms, either direction. */
  accepted(a: string, b: string): boolean;
}

const knownCache = new WeakMap<NamesSection, KnownNames>();

export function knownNames(section: NamesSection): KnownNames {
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
export function bestMajority(minority: Candidate, group: Candidate[], known: KnownNames): Verdict | undefined {
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

export function changedChars(from: string, to: string, edit: { kind: string; at: number }): string[] {
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
/** …and a two-character person's name (刘勇 / 刘南), where another person is as likely, this many. */
const MIN_SLIP_MAJORITY_SHORT = 3;
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
