/**
 * The house roster: canonical names, short forms and fixed formulations (提法) that
 * a newsroom maintains by hand in `.jiaoduirc.json` (`names`, `phrases`). Roster
 * entries always win over what was learned: they join the model as entries with
 * source 'roster', and learned entries one edit away from a roster entry are
 * dropped, so an archive that wrote a name wrongly for years cannot outvote the
 * roster's correct form.
 */
import type { LearnedModel } from './types';
import { ROSTER_SOURCE, type PhraseEntry } from './sections/phrases';
import { singleEdit, surnameLength } from '../analysis/names';
import type { NameEntry } from './sections/names';
import type { CorrectionEntry } from './sections/corrections';

export interface RosterName {
  /** Canonical form, e.g. 国家卫生健康委员会. */
  name: string;
  kind?: 'person' | 'organisation';
  /** Accepted other forms (short forms), e.g. ["国家卫生健康委", "国家卫健委"]. */
  aliases?: string[];
  /** Titles, for the hover (e.g. ["党组书记", "主任"]). */
  titles?: string[];
}

export interface Roster {
  names?: Array<string | RosterName>;
  phrases?: string[];
  /**
   * The house corrections list (勘误表): wrong form → right form, or → { right, note }. Always
   * reported by wrong-char, with the note as evidence; wins over corrections learned from edits.
   */
  corrections?: Record<string, string | { right: string; note?: string }>;
  /** A separate roster file with `names`/`phrases` (read by the config loader, relative to the config). */
  roster?: string;
}

export function applyRoster(model: LearnedModel, roster: Roster): LearnedModel {
  const rosterNames = (roster.names ?? []).map(normaliseName).filter((n) => n.name.length > 0);
  const rosterPhrases = (roster.phrases ?? []).map((p) => p.trim()).filter((p) => p.length > 0);
  const houseCorrections = Object.entries(roster.corrections ?? {})
    .map(([wrong, value]): CorrectionEntry =>
      typeof value === 'string'
        ? { wrong: wrong.trim(), right: value.trim(), source: 'house' }
        : { wrong: wrong.trim(), right: value.right.trim(), source: 'house', note: value.note },
    )
    .filter((c) => c.wrong.length > 0 && c.right.length > 0 && c.wrong !== c.right);
  if (rosterNames.length === 0 && rosterPhrases.length === 0 && houseCorrections.length === 0) return model;
  const house = new Set(houseCorrections.map((c) => c.wrong));
  return {
    ...model,
    corrections: {
      ...model.corrections,
      attested: model.corrections?.attested ?? {},
      entries: [...houseCorrections, ...(model.corrections?.entries ?? []).filter((c) => !house.has(c.wrong))],
    },
    phrases: { ...model.phrases, phrases: mergePhrases(model.phrases.phrases, rosterPhrases) },
    names: mergeNames(model.names.names, model.names.shortForms, rosterNames),
  };
}

function normaliseName(entry: string | RosterName): RosterName {
  const value = typeof entry === 'string' ? { name: entry } : entry;
  const name = value.name.trim();
  const kind = value.kind ?? (name.length <= 4 && surnameLength(name) > 0 ? 'person' : 'organisation');
  return { ...value, name, kind };
}

/** True when `learned` contains a string one edit away from `canonical` (and not `canonical` itself). */
function containsVariant(learned: string, canonical: string): boolean {
  if (learned.includes(canonical)) return false;
  const head = canonical.slice(0, 2);
  const tail = canonical.slice(-2);
  if (!learned.includes(head) && !learned.includes(tail)) return false;
  for (let len = canonical.length - 1; len <= canonical.length + 1; len++) {
    for (let i = 0; i + len <= learned.length; i++) {
      if (singleEdit(learned.slice(i, i + len), canonical)) return true;
    }
  }
  return false;
}

function mergePhrases(learned: PhraseEntry[], rosterPhrases: string[]): PhraseEntry[] {
  const canonical = new Set(rosterPhrases);
  const kept = learned.filter((p) => canonical.has(p.phrase) || !rosterPhrases.some((r) => containsVariant(p.phrase, r)));
  const byPhrase = new Map(kept.map((p) => [p.phrase, p]));
  for (const phrase of rosterPhrases) {
    const existing = byPhrase.get(phrase);
    byPhrase.set(phrase, { phrase, count: existing?.count ?? 0, docs: existing?.docs, source: ROSTER_SOURCE });
  }
  return [...byPhrase.values()];
}

function mergeNames(learned: NameEntry[], shortForms: Record<string, string>, rosterNames: RosterName[]) {
  const canonical = new Set(rosterNames.map((n) => n.name));
  const aliases = new Map<string, string>();
  for (const n of rosterNames) for (const alias of n.aliases ?? []) aliases.set(alias, n.name);
  const kept = learned.filter((n) => canonical.has(n.name) || aliases.has(n.name) || !rosterNames.some((r) => containsVariant(n.name, r.name)));
  const byName = new Map(kept.map((n) => [n.name, n]));
  for (const r of rosterNames) {
    const existing = byName.get(r.name);
    byName.set(r.name, {
      name: r.name,
      kind: r.kind ?? 'organisation',
      count: existing?.count ?? 0,
      docs: existing?.docs,
      titles: r.titles ?? existing?.titles,
      source: ROSTER_SOURCE,
    });
  }
  const merged: Record<string, string> = {};
  for (const [short, full] of Object.entries(shortForms)) {
    // A learned short form that is really a variant of a roster name is dropped.
    if (!canonical.has(short) && rosterNames.some((r) => singleEdit(short, r.name)) && !aliases.has(short)) continue;
    merged[short] = full;
  }
  for (const [alias, full] of aliases) merged[alias] = full;
  return { names: [...byName.values()], shortForms: merged };
}
