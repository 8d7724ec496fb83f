/**
 * Model section for `name-consistency`: person and organisation names the corpus
 * writes, with counts and the titles seen with them, and accepted short forms.
 *
 * The names are found by the finders of analysis/names.ts and analysis/organisations.ts,
 * the same the rule uses, so `jiaodui learn` on another archive learns its names.
 */
import type { CorpusDocument } from '../corpus';
import type { Lexicon } from '../../lexicon';
import { unwrap } from '../../analysis/unwrap';
import { findPersons, occurrences } from '../../analysis/names';
import { findOrganisations, PlaceStarts } from '../../analysis/organisations';
import standardNames from '../../../../../data/standard-phrases.json';

export interface NameEntry {
  name: string;
  kind: 'person' | 'organisation';
  count: number;
  /** Number of corpus documents the name occurs in. */
  docs?: number;
  /** Titles seen right before a person's name, most frequent first. */
  titles?: string[];
  /** 'corpus' when learned, 'roster' from the house config, or a curated source. */
  source?: string;
}

export interface NamesSection {
  names: NameEntry[];
  /** Short form → full form, both accepted. */
  shortForms: Record<string, string>;
}

export function emptyNames(): NamesSection {
  return { names: [], shortForms: {} };
}

// ---------------------------------------------------------------------------
// Learning

interface CuratedOrganisation {
  name: string;
  aliases?: string[];
  source: string;
}

export function learnNames(docs: CorpusDocument[], lexicon: Lexicon): NamesSection {
  const texts = docs.map((doc) => unwrap(doc.text.masked).text);
  const kinds = new Map<string, 'person' | 'organisation'>();
  const titles = new Map<string, Map<string, number>>();
  const starts = new PlaceStarts();
  texts.forEach((text) => {
    for (const m of findPersons(text, lexicon)) {
      kinds.set(m.name, 'person');
      if (m.title) {
        let t = titles.get(m.name);
        if (!t) titles.set(m.name, (t = new Map()));
        t.set(m.title, (t.get(m.title) ?? 0) + 1);
      }
    }
    for (const m of findOrganisations(text, lexicon, starts)) if (!kinds.has(m.name)) kinds.set(m.name, 'organisation');
  });
  const curated = standardNames.organisations as CuratedOrganisation[];
  const tally = countOccurrences(texts, [...kinds.keys(), ...curated.map((org) => org.name)]);
  const names: NameEntry[] = [];
  for (const [name, kind] of kinds) {
    const { count, docs: inDocs } = tally.get(name)!;
    const entry: NameEntry = { name, kind, count, docs: inDocs, source: 'corpus' };
    const seenTitles = titles.get(name);
    if (seenTitles)
      entry.titles = [...seenTitles]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 3)
        .map(([t]) => t);
    names.push(entry);
  }
  const shortForms: Record<string, string> = {};
  learnShortForms(names, shortForms);
  for (const org of curated) {
    const { count, docs: inDocs } = tally.get(org.name)!;
    const existing = names.find((n) => n.name === org.name);
    if (existing) existing.source = org.source;
    else names.push({ name: org.name, kind: 'organisation', count, docs: inDocs, source: org.source });
    for (const alias of org.aliases ?? []) shortForms[alias] = org.name;
  }
  names.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { names, shortForms: Object.fromEntries(Object.entries(shortForms).sort((a, b) => (a[0] < b[0] ? -1 : 1))) };
}

/**
 * Occurrences of every name in every text, counted as occurrences() counts them
 * (left to right, each match skipped), and the texts each occurs in — in one pass
 * over each text, with the names filed by their first two characters, rather than one
 * search of the whole corpus per name (names × corpus: minutes on a newsroom archive).
 */
function countOccurrences(texts: readonly string[], names: readonly string[]): Map<string, { count: number; docs: number }> {
  const tally = new Map<string, { count: number; docs: number }>();
  const byStart = new Map<number, string[]>();
  for (const name of names) {
    if (tally.has(name)) continue;
    tally.set(name, { count: 0, docs: 0 });
    if (name.length < 2) continue;
    const key = name.charCodeAt(0) * 0x10000 + name.charCodeAt(1);
    const list = byStart.get(key);
    if (list) list.push(name);
    else byStart.set(key, [name]);
  }
  // Names of one character (none is learned; a curated list might hold one) are searched directly.
  const short = [...tally.keys()].filter((name) => name.length === 1);
  for (const text of texts) {
    const nextFree = new Map<string, number>();
    for (let i = 0; i + 1 < text.length; i++) {
      const list = byStart.get(text.charCodeAt(i) * 0x10000 + text.charCodeAt(i + 1));
      if (!list) continue;
      for (const name of list) {
        if ((nextFree.get(name) ?? 0) > i || !text.startsWith(name, i)) continue;
        nextFree.set(name, i + name.length);
        tally.get(name)!.count++;
      }
    }
    for (const name of nextFree.keys()) tally.get(name)!.docs++;
    for (const name of short) {
      const n = occurrences(text, name).length;
      tally.get(name)!.count += n;
      if (n > 0) tally.get(name)!.docs++;
    }
  }
  return tally;
}

/**
 * A short form keeps the full name's start and end and drops characters inside it
 * (国家卫健委 ← 国家卫生健康委, 国家医保局 ← 国家医疗保障局), or cuts 委员会 to 委. It
 * counts as accepted only when the corpus uses both forms in several documents:
 * a pair seen inside one document only is exactly the inconsistency the rule
 * reports (…中医院 / …中医医院 in one article).
 */
function learnShortForms(names: NameEntry[], shortForms: Record<string, string>): void {
  const orgs = names.filter((n) => n.kind === 'organisation' && (n.docs ?? 0) >= 2);
  const byStart = new Map<string, NameEntry[]>();
  for (const org of orgs) {
    const key = org.name.slice(0, 2);
    const list = byStart.get(key);
    if (list) list.push(org);
    else byStart.set(key, [org]);
  }
  for (const group of byStart.values()) {
    for (const full of group) {
      for (const short of group) {
        if (short.name.length >= full.name.length || full.name.startsWith(short.name)) continue;
        const truncated = full.name.endsWith('委员会') && short.name === full.name.slice(0, -2);
        const contracted = short.name[short.name.length - 1] === full.name[full.name.length - 1] && isSubsequence(short.name, full.name);
        if (!truncated && !contracted) continue;
        const current = shortForms[short.name];
        const currentCount = current ? (orgs.find((o) => o.name === current)?.count ?? 0) : -1;
        if (full.count > currentCount) shortForms[short.name] = full.name;
      }
    }
  }
}

function isSubsequence(short: string, full: string): boolean {
  let j = 0;
  for (let i = 0; i < full.length && j < short.length; i++) if (full[i] === short[j]) j++;
  return j === short.length;
}
