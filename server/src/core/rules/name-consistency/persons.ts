/**
 * A person written two ways in one story. Every person the document names (found
 * by context, from the model, or from the roster) is a canonical form; every window
 * of the text that keeps its surname and changes one given-name character, or swaps
 * two, is a variant. Whether the variant is the same person is decided from evidence
 * inside the story, not from counts alone:
 * - the slip looks or sounds like the original (same pinyin, similar shape), or two
 *   given-name characters are swapped: the commonest slips of eye and keyboard;
 * - the same title before both forms (主任张海涛 … 主任张海波), or the variant
 *   bare after the name was introduced (a new person is introduced with a title);
 * and against it:
 * - the variant carries a title of its own that the original never has (主任张海涛 …
 *   副主任张海波: two officials);
 * - both stand in one list (王宁、王毅): two people named side by side;
 * - the model or the roster knows the variant as a name of its own, the lexicon as
 *   a word, or the changed character cannot stand in a given name.
 * The form written more often is the original; when the counts tie, the earlier one.
 */
import type { RuleContext } from '../../types';
import type { Lexicon } from '../../lexicon';
import { isHan } from '../../analysis/han';
import {
  afterNameOk,
  framedAsName,
  GIVEN_NAME_CODES,
  inNameContext,
  isNumeralChar,
  joinsWords,
  titleAfter,
  titleBefore,
  looksLikeWord,
  mayBeInGivenName,
  opensClause,
  surnameAt,
  surnameLength,
  windowEdit,
  type NameEdit,
} from '../../analysis/names';
import { likeness, type Likeness } from '../../analysis/similar';
import { nonOverlapping, type Candidate } from './candidates';
import type { KnownNames } from './verdict';
import { reportPair, type PairEvidence } from './report';

/**
 * A two-character name (one given character) changed to an unlike character needs the original written this
 * many times before the bare variant (…。莫某表示) is taken for it. 2 raises no false alarm on half A
 * (3.5 M characters, either model) and catches the slip in a name written three times.
 */
const MIN_SHORT_MAJORITY = 2;
/** A dictionary word at least this common is an ordinary word, not a slip (国家 in 王国家). */
const COMMON_WORD = 20;
/**
 * After a name framed by a clause start, a word this common made of its last character and the next
 * (全国高等学校: 高等) says the name is a misreading; rarer pairs are chance (李金怀表示: 怀表). Chosen on half A.
 */
const GLUE_WORD = 1000;
/**
 * A given name that is a word this common in the lexicon is the word (企业 8,000+, 美国) and not a
 * name (建国 3,083 is a name). Chosen on the development corpus, whose learned junk names these were.
 */
const GIVEN_NAME_WORD = 5000;
/** The surname with the first given character this common is a word (韩国 3,375, 全国); 王国 (2,631) may be a name. */
const SURNAME_WORD = 3000;
/** Mentions that make a full name the finders missed a name of the story (repeatedNames). */
const REPEATED_NAME_MIN = 2;
/** Longest post read before a name (党组书记、… stops at the list mark). */
const MAX_POST = 10;
/** Characters a post does not run across: function words. */
const POST_STOP = new Set([...'的了在是和与及或等对把被将从向为于以也都就还又这那其之个们着过得地由同']);
/** A list of people runs without clause punctuation between its names. */
const SENTENCE_BREAK = /[。！？，；：\n!?,;:]/;
/** Marks between the names of a list: 、, or 和/与/及 next to a name. */
const LIST_MARK = /[、和与及]/;

interface PersonForm {
  name: string;
  /** Surname length. */
  sl: number;
  at: number[];
  /** Titles written right before the form, and the model's titles for it. */
  titles: Set<string>;
  roster: boolean;
  /** Named by the finders, the model or the roster (not only a window one edit from a name). */
  found: boolean;
}

export function checkPersons(
  ctx: RuleContext,
  joined: string,
  offsets: ArrayLike<number>,
  candidates: Map<string, Candidate>,
  known: KnownNames,
  reported: Set<string>,
): void {
  const forms: PersonForm[] = [];
  for (const c of candidates.values()) {
    if (c.kind !== 'person') continue;
    const form = personForm(c.name, c.at, joined, known);
    if (form) forms.push(form);
  }
  for (const entry of known.roster.values()) {
    if (entry.kind !== 'person' || candidates.has(entry.name)) continue;
    const form = personForm(entry.name, [], joined, known);
    if (form) forms.push(form);
  }
  for (const form of repeatedNames(joined, ctx.lexicon, forms, known)) forms.push(form);
  if (forms.length === 0) return;
  const byName = new Map(forms.map((f) => [f.name, f]));
  // Every window one given-name character from a form, seen from either side: the finders may have
  // framed only the slip (副市长韩小证) and not the original (韩小正、李明等).
  const pairs: Array<{ original: PersonForm; variant: PersonForm }> = [];
  // One form per name (byName), so a pair is known by its two forms.
  const paired = new Map<PersonForm, Set<PersonForm>>();
  const surnames = new Map<string, number[]>();
  for (const form of forms) {
    for (const [window, positions] of variantsOf(joined, form, surnames)) {
      let other = byName.get(window);
      if (!other) {
        const at = nonOverlapping(positions, window.length);
        other = { name: window, sl: form.sl, at, titles: titlesAt(joined, window, at), roster: false, found: false };
        byName.set(window, other);
      }
      const [original, variant] = outranks(form, other) ? [form, other] : [other, form];
      let variants = paired.get(original);
      if (!variants) paired.set(original, (variants = new Set()));
      if (variants.has(variant)) continue;
      variants.add(variant);
      pairs.push({ original, variant });
    }
  }
  pairs.sort((p, q) => (outranks(p.original, q.original) ? -1 : outranks(q.original, p.original) ? 1 : 0));
  for (const { original, variant } of pairs) {
    if (reported.has(original.name) || reported.has(variant.name) || ctx.isAllowed(variant.name) || variant.at.length === 0) continue;
    const evidence = samePerson(ctx, joined, original, variant, known);
    if (!evidence) continue;
    reported.add(variant.name);
    reportPair(ctx, offsets, known, {
      kind: 'person',
      original: { name: original.name, at: original.at, roster: original.roster },
      variant: { name: variant.name, at: variant.at },
      evidence,
    });
  }
}

/**
 * Full names the finders missed because no speech verb follows them (…部长张海涛共同出席, 丁某某在报告中指出):
 * a surname and two given characters that the story writes at least twice, opening a clause, after a title
 * or a conjunction at least once, never glued into a common word after it, and whose first two characters
 * stand nowhere else on their own (王某同 is 王某 + 同 where 王某 is written alone too). The story's own
 * repetition is the evidence a name stands there.
 */
function repeatedNames(joined: string, lexicon: Lexicon, forms: PersonForm[], known: KnownNames): PersonForm[] {
  // A first pass counts every surname with two given characters after it by a hash of its codes, slicing
  // nothing; only windows whose hash is written at least twice and framed once are built as strings.
  const spots: number[] = [];
  const counts = new Map<number, number>();
  const framedKeys = new Set<number>();
  for (let i = 0; i < joined.length; i++) {
    const sl = surnameAt(joined, i);
    if (sl === 0) continue;
    const end = i + sl + 2;
    if (end > joined.length) continue;
    let given = true;
    for (let k = i + sl; k < end && given; k++) given = GIVEN_NAME_CODES[joined.charCodeAt(k)] === 1;
    if (!given) continue;
    let hash = sl;
    for (let k = i; k < end; k++) hash = Math.imul(hash ^ joined.charCodeAt(k), 0x01000193);
    const key = hash >>> 2;
    counts.set(key, (counts.get(key) ?? 0) + 1);
    if (!framedKeys.has(key) && (opensClause(joined, i) || titleBefore(joined, i) !== undefined || joinsWords(joined, i - 1))) framedKeys.add(key);
    spots.push(i, sl, key);
  }
  // Every surname with two given characters after it, its non-overlapping occurrences, and whether one of them
  // is framed on the left.
  const windows = new Map<string, { sl: number; at: number[]; framed: boolean }>();
  for (let s = 0; s < spots.length; s += 3) {
    const key = spots[s + 2];
    if ((counts.get(key) ?? 0) < REPEATED_NAME_MIN || !framedKeys.has(key)) continue;
    const i = spots[s];
    const sl = spots[s + 1];
    const name = joined.slice(i, i + sl + 2);
    let window = windows.get(name);
    if (!window) windows.set(name, (window = { sl, at: [], framed: false }));
    if (window.at.length === 0 || window.at[window.at.length - 1] + name.length <= i) window.at.push(i);
    window.framed ||= opensClause(joined, i) || titleBefore(joined, i) !== undefined || joinsWords(joined, i - 1);
  }
  const out: PersonForm[] = [];
  const named = new Set(forms.map((f) => f.name));
  for (const [name, { sl, at, framed }] of windows) {
    if (!framed || at.length < REPEATED_NAME_MIN || named.has(name) || named.has(name.slice(0, -1)) || looksLikeWord(lexicon, name)) continue;
    // Quoted whole (“某某国”) it is a term; a name runs on into the sentence somewhere (丁某某在…).
    if (at.some((j) => joined[j - 1] === '“' && joined[j + name.length] === '”') || !at.some((j) => isHan(joined.charCodeAt(j + name.length)))) continue;
    const form: PersonForm = { name, sl, at, titles: titlesAt(joined, name, at), roster: false, found: true };
    if (endsInWord(lexicon, joined, form) || standsAlone(joined, name.slice(0, -1), [form])) continue;
    for (const t of known.model.get(name)?.titles ?? []) form.titles.add(t);
    out.push(form);
  }
  return out;
}

/** The roster's form, then the form written more often, then the one written first, is the original. */
function outranks(a: PersonForm, b: PersonForm): boolean {
  if (a.roster !== b.roster) return a.roster;
  if (a.at.length !== b.at.length) return a.at.length > b.at.length;
  return (a.at[0] ?? Infinity) < (b.at[0] ?? Infinity);
}

function personForm(name: string, at: number[], joined: string, known: KnownNames): PersonForm | undefined {
  const sl = surnameLength(name) || 1;
  const given = name.length - sl;
  if (given < 1 || given > 2) return undefined;
  const titles = titlesAt(joined, name, at);
  for (const t of known.model.get(name)?.titles ?? []) titles.add(t);
  return { name, sl, at, titles, roster: known.roster.has(name), found: true };
}

/** The posts written right before the form: the title with the body it belongs to (商务部部长, not only 部长). */
function titlesAt(joined: string, name: string, at: number[]): Set<string> {
  const titles = new Set<string>();
  for (const i of at) {
    // A title right after the name is its post as much as one before (赵某某委员长 / 委员长赵某某).
    const after = titleAfter(joined, i + name.length);
    if (after) titles.add(after);
    const title = titleBefore(joined, i);
    if (!title) continue;
    let from = i - title.length;
    while (from > 0 && i - from < MAX_POST && isHan(joined.charCodeAt(from - 1)) && !POST_STOP.has(joined[from - 1])) from--;
    titles.add(joined.slice(from, i));
  }
  return titles;
}

/** Two posts are one when one ends the other (市人大常委会主任 / 主任); 商务部部长 and 财政部部长 are two. */
function samePost(a: string, b: string): boolean {
  return a.endsWith(b) || b.endsWith(a);
}

/**
 * Every window of the text that keeps the surname and is one given-name character
 * away from the name (substituted, or two swapped): found from the surname's
 * occurrences, compared code by code.
 */
function variantsOf(joined: string, original: PersonForm, surnames: Map<string, number[]>): Map<string, number[]> {
  const variants = new Map<string, number[]>();
  const { name, sl } = original;
  const surname = name.slice(0, sl);
  const size = name.length;
  for (const i of surnamePositions(joined, surname, surnames)) {
    if (i + size > joined.length) break;
    const edit = windowEdit(joined, i, size, name, true);
    if (!edit || edit.at < sl || edit.kind === 'add' || edit.kind === 'drop') continue;
    let han = true;
    for (let k = i + sl; k < i + size; k++) if (!isHan(joined.charCodeAt(k))) han = false;
    if (!han) continue;
    const variant = joined.slice(i, i + size);
    const list = variants.get(variant);
    if (list) list.push(i);
    else variants.set(variant, [i]);
  }
  return variants;
}

/** Every occurrence of the surname (overlapping ones too), searched once per document however many forms share it. */
function surnamePositions(joined: string, surname: string, surnames: Map<string, number[]>): number[] {
  let positions = surnames.get(surname);
  if (!positions) {
    positions = [];
    for (let i = joined.indexOf(surname); i >= 0; i = joined.indexOf(surname, i + 1)) positions.push(i);
    surnames.set(surname, positions);
  }
  return positions;
}

/** The evidence that `variant` is `original` miswritten, or undefined when it may be someone else. */
function samePerson(ctx: RuleContext, joined: string, original: PersonForm, variant: PersonForm, known: KnownNames): PairEvidence | undefined {
  const { lexicon } = ctx;
  const edit = windowEdit(variant.name, 0, variant.name.length, original.name, true) as NameEdit;
  const written = variant.name[edit.at];
  const intended = original.name[edit.at];
  const swapped = edit.kind === 'transpose';
  const alike: Likeness | 'swap' | undefined = swapped ? 'swap' : likeness(written, intended);
  // A function character or a numeral in a given name is no name (王宏的, 王宏一行), unless it looks or sounds like
  // the name's own (张海示 / 张海际, 李文二 / 李文尔). At the end it may still be the word after a shorter name (莫塔说):
  // it is the name's own only where it starts no word that follows names and the shorter form stands nowhere else
  // in the story (张海示表示).
  const last = edit.at === variant.name.length - 1;
  const odd = !mayBeInGivenName(written) || isNumeralChar(written);
  const wordAfter = () => variant.at.some((i) => afterNameOk(joined, i + edit.at)) || standsAlone(joined, variant.name.slice(0, -1), [original, variant]);
  if (!swapped && (isNumeralChar(intended) || (odd && (!alike || (last && wordAfter()))))) return undefined;
  // Both established as names of their own: two people.
  if (variant.roster) return undefined;
  const learned = known.model.get(variant.name);
  if (learned && learned.count >= 2 && (learned.docs ?? 1) >= 2) return undefined;
  if (looksLikeWord(lexicon, variant.name) || !nameShaped(lexicon, original) || !nameShaped(lexicon, variant)) return undefined;
  const short = original.name.length - original.sl === 1;
  // Where the variant stands: a name's place, or — for a slip that looks or sounds like the name — anywhere it is not glued into words.
  for (const form of [original, variant]) {
    for (const i of form.at) {
      const end = i + form.name.length;
      // A conjunction read as a surname (主席和洪某), or a name's last character that starts a title
      // (苏某总书记: 总 opens 总书记): the window is no name.
      if (joinsWords(joined, i) || (form.name.length - form.sl === 2 && titleAfter(joined, end - 1) !== undefined)) return undefined;
      // Framed on both sides as a name; or, for a full name, one side is enough where the name was
      // found or a title stands before it, and a slip that looks or sounds like it may stand anywhere.
      // A variant of a full name the finders introduced may also open a clause (…报告。李金波围绕…): the glue
      // checks below keep out the words that open clauses.
      const framed =
        framedAsName(joined, i, end) ||
        (!short &&
          (form.found ||
            inNameContext(joined, i, end) ||
            (alike !== undefined && (form === variant || variant.found)) ||
            (form === variant && original.found && opensClause(joined, i) && !endsInWord(lexicon, joined, original))));
      if (!framed) return undefined;
      // Glued into words on either side (促进农村共同富裕): no name stands there. A title before the name is a
      // word that ends where the name starts (部长石某某: not 长石).
      if (i > 0 && !titleBefore(joined, i) && lexicon.has(joined.slice(i - 1, i + 1), COMMON_WORD)) return undefined;
      if (end < joined.length && lexicon.has(joined.slice(end - 1, end + 1), framed && titleBefore(joined, i) ? Infinity : framed ? GLUE_WORD : COMMON_WORD))
        return undefined;
    }
  }
  if (inOneSentenceList(joined, original, variant) && !alike) return undefined;
  // A title of its own, never the original's: another person introduced.
  const ownTitles = [...variant.titles].filter((t) => ![...original.titles].some((o) => samePost(t, o)));
  if (ownTitles.length > 0 && original.titles.size > 0 && !original.roster) return undefined;
  const sameTitle = [...variant.titles].find((t) => [...original.titles].some((o) => samePost(t, o)));
  const introducedBefore = original.at.length > 0 && original.at[0] < variant.at[0];
  // A name in a list (…、王东明、…) is introduced by the list's title.
  const listed = variant.at.some((i) => joined[i - 1] === '、' || joined[i + variant.name.length] === '、');
  const bare = variant.titles.size === 0 && !listed && introducedBefore;
  // The variant carries the introduction the original lacks: a headline names 韩小正, the lead 副市长韩小证.
  const introduces = variant.titles.size > 0 && original.titles.size === 0 && introducedBefore;
  if (original.roster) return { alike, sameTitle, bare, roster: true };
  if (short) {
    // One given character is the whole given name: a role both share (记者, 主任) says little. The variant
    // must look or sound like the name, or follow a name written often.
    if (alike && (bare || introduces || (variant.titles.size > 0 && original.titles.size === 0))) return { alike, bare };
    if ((bare || introduces) && original.at.length >= MIN_SHORT_MAJORITY) return { bare };
    return undefined;
  }
  if (alike) return { alike, sameTitle, bare };
  return sameTitle || bare || introduces ? { sameTitle, bare } : undefined;
}

/**
 * True when the form's last character makes a common word with the character after it somewhere (郭某收到:
 * 收到): where the name ends is then unsure, and the form is no anchor for a variant framed on one side only.
 */
function endsInWord(lexicon: Lexicon, joined: string, form: PersonForm): boolean {
  return form.at.some((j) => {
    const end = j + form.name.length;
    return end < joined.length && lexicon.has(joined.slice(end - 1, end + 1), COMMON_WORD);
  });
}

/** True when `prefix` occurs in the text outside every occurrence of the given forms: a name of its own there. */
function standsAlone(joined: string, prefix: string, forms: PersonForm[]): boolean {
  for (let i = joined.indexOf(prefix); i >= 0; i = joined.indexOf(prefix, i + 1)) {
    if (!forms.some((f) => f.at.some((j) => i >= j && i + prefix.length <= j + f.name.length))) return true;
  }
  return false;
}

/**
 * A name does not read as a common word split after the surname: the given name is
 * no everyday word (和企业, 和美国: a conjunction and a noun) and the surname with the
 * first given character is none either (韩国大法院, 全国高等学校). Given names that are
 * words (建国, 建华) are rarer than the thresholds.
 */
function nameShaped(lexicon: Lexicon, form: PersonForm): boolean {
  const given = form.name.slice(form.sl);
  const head = form.name.slice(0, form.sl + 1);
  const common = (word: string, freq: number) => lexicon.freq(word) >= freq && !(lexicon.pos(word) ?? '').startsWith('nr');
  return !(given.length >= 2 && common(given, GIVEN_NAME_WORD)) && !(given.length >= 2 && common(head, SURNAME_WORD));
}

/**
 * True when the two forms stand in one enumeration (王宁、王毅出席; 大使张海涛、…大使张海波):
 * one clause holds both, with a list mark between them. People listed together are
 * different people.
 */
function inOneSentenceList(joined: string, a: PersonForm, b: PersonForm): boolean {
  for (const i of a.at) {
    for (const j of b.at) {
      const [from, to] = i < j ? [i + a.name.length, j] : [j + b.name.length, i];
      if (to < from) continue;
      const between = joined.slice(from, to);
      if (!SENTENCE_BREAK.test(between) && LIST_MARK.test(between)) return true;
    }
  }
  return false;
}
