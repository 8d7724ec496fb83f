/**
 * An organisation written two ways in one story, each form as often as the other or
 * the odd one fewer times: two mentions ending in the same organisation head
 * (委员会, 办公厅, 公司…) that differ in one character before it (东方钢铁公司 /
 * 东方纲铁公司, 某市科学技术协会 / 某市科学枝术协会). Counts decide nothing here: the
 * slip is the form that breaks the words the other reads as (纲铁 is no word, 钢铁
 * is), and two forms that both read as words name two bodies (北京大学 / 南京大学).
 * When both break, the later is flagged. Place-framed names and names written
 * twice are also judged by the finder and slip paths; this one sees the rest.
 */
import type { RuleContext } from '../../types';
import { isContrastivePair, isNumeralChar, occurrences } from '../../analysis/names';
import { headedRuns, type HeadedRun } from '../../analysis/organisations';
import { breaksLexicon, pairStandsTogether, strandsAt } from '../../analysis/lexical-break';
import { likeness } from '../../analysis/similar';
import { hanAfter, hanBefore, type KnownNames } from './verdict';
import { reportPair } from './report';

/** Characters of context either side when judging whether a form breaks the lexicon. */
const CONTEXT = 4;
/** A name's words are common: a dictionary entry rarer than this (国利 for 国家) counts as a non-word. */
const COMMON_WORD = 20;
/** Characters the two mentions must share before the changed one: with none, nothing anchors them as one name. */
const MIN_SHARED_BEFORE = 1;
/** Characters at the end every head shares with the other (学院 of 科学院, 医院 of 人民医院): never the slip. */
const SHARED_TAIL = 2;
/** Shortest organisation term compared. */
const MIN_TERM = 4;

export function checkOrganisationPairs(ctx: RuleContext, joined: string, offsets: ArrayLike<number>, known: KnownNames, reported: Set<string>): void {
  const runs = headedRuns(joined, ctx.lexicon);
  if (runs.length < 2) return;
  // Runs are compared by the last two characters of their heads: a slip inside a longer head
  // (中国科学院 / 中国渴学院, …人民医院 / …人北医院) leaves a shorter head in place.
  // A run written again adds no pair: alignedPair reads only the run's text, and the pairs
  // its first writing makes come first. Each text is kept once, where it is first written,
  // so a head written hundreds of times costs pairs of distinct runs, not of mentions.
  const byHead = new Map<string, HeadedRun[]>();
  const seen = new Set<string>();
  for (const run of runs) {
    const text = joined.slice(run.start, run.end);
    if (seen.has(text)) continue;
    seen.add(text);
    const key = joined.slice(run.end - 2, run.end);
    const list = byHead.get(key);
    if (list) list.push(run);
    else byHead.set(key, [run]);
  }
  const judged = new Set<string>();
  for (const list of byHead.values()) {
    for (let a = 0; a < list.length; a++) {
      for (let b = a + 1; b < list.length; b++) {
        const pair = alignedPair(joined, list[a], list[b]);
        if (!pair) continue;
        const key = `${pair.first}\u0000${pair.second}`;
        if (judged.has(key)) continue;
        judged.add(key);
        judgePair(ctx, joined, offsets, known, reported, pair.first, pair.second, pair.at);
      }
    }
  }
}

/**
 * The longest terms ending at the two heads that differ in exactly one character
 * before the head, with at least MIN_SHARED_BEFORE shared characters before it.
 */
function alignedPair(joined: string, x: HeadedRun, y: HeadedRun): { first: string; second: string; at: number } | undefined {
  let mismatch = -1;
  let length = SHARED_TAIL;
  for (;;) {
    const i = x.end - length - 1;
    const j = y.end - length - 1;
    if (i < x.start || j < y.start) break;
    if (joined.charCodeAt(i) !== joined.charCodeAt(j)) {
      if (mismatch >= 0) break;
      mismatch = length;
    }
    length++;
  }
  if (mismatch < 0 || length < MIN_TERM || length - 1 - mismatch < MIN_SHARED_BEFORE) return undefined;
  const first = joined.slice(x.end - length, x.end);
  const second = joined.slice(y.end - length, y.end);
  if (first === second) return undefined;
  // Offset of the changed character inside the term.
  return { first, second, at: length - 1 - mismatch };
}

function judgePair(
  ctx: RuleContext,
  joined: string,
  offsets: ArrayLike<number>,
  known: KnownNames,
  reported: Set<string>,
  first: string,
  second: string,
  at: number,
): void {
  if (reported.has(first) || reported.has(second) || ctx.isAllowed(first) || ctx.isAllowed(second)) return;
  // A variant already reported inside one of the forms, or holding one (协某医院 / 滨江协某医院), is the same slip.
  for (const name of reported) if ([first, second].some((form) => name.includes(form) || form.includes(name))) return;
  const a = first[at];
  const b = second[at];
  // One numeral for another, a place level or a contrast names another body (第一 / 第二, 省 / 市, 城东 / 城西).
  if ((isNumeralChar(a) && isNumeralChar(b)) || isContrastivePair(a, b)) return;
  if (known.accepted(first, second) || known.roster.has(first) !== known.roster.has(second)) return;
  const firstAt = occurrences(joined, first);
  const secondAt = occurrences(joined, second);
  if (firstAt.length === 0 || secondAt.length === 0) return;
  const breaksSecond = breaksAt(ctx, joined, secondAt, first, second, at);
  const breaksFirst = breaksAt(ctx, joined, firstAt, second, first, at);
  let original: { name: string; at: number[] };
  let variant: { name: string; at: number[] };
  if (breaksSecond && !breaksFirst)
    [original, variant] = [
      { name: first, at: firstAt },
      { name: second, at: secondAt },
    ];
  else if (breaksFirst && !breaksSecond)
    [original, variant] = [
      { name: second, at: secondAt },
      { name: first, at: firstAt },
    ];
  else if (breaksFirst && breaksSecond && likeness(a, b)) {
    // Both strand characters (names the lexicon lacks): a look-alike or sound-alike decides; the later form is flagged.
    [original, variant] =
      secondAt[0] > firstAt[0]
        ? [
            { name: first, at: firstAt },
            { name: second, at: secondAt },
          ]
        : [
            { name: second, at: secondAt },
            { name: first, at: firstAt },
          ];
  } else return;
  // The odd form is never the one written more often.
  if (variant.at.length > original.at.length) return;
  const learned = known.model.get(variant.name);
  if (learned && learned.count >= 2 && (learned.docs ?? 1) >= 2) return;
  reported.add(variant.name);
  const alike = likeness(original.name[at], variant.name[at]);
  reportPair(ctx, offsets, known, { kind: 'organisation', original, variant, evidence: { lexical: true, alike } });
}

/**
 * True when `written`, wherever it stands, strands characters that `intended` reads
 * as words, and the pairings its changed character makes are no words the document
 * writes elsewhere (慢病 in 慢病管理 makes 慢病预防中心 no slip).
 */
function breaksAt(ctx: RuleContext, joined: string, positions: number[], intended: string, written: string, at: number): boolean {
  if (!strandsAt(ctx.lexicon, written, at, COMMON_WORD)) return false;
  for (const i of positions) {
    const before = hanBefore(joined, i, CONTEXT);
    const after = hanAfter(joined, i + written.length, CONTEXT);
    if (!breaksLexicon(ctx.lexicon, before, intended, written, after, COMMON_WORD)) return false;
  }
  const ch = written[at];
  for (const pair of [written.slice(at - 1, at + 1), written.slice(at, at + 2)]) {
    if (pair.length < 2 || !pair.includes(ch)) continue;
    for (let i = joined.indexOf(pair); i >= 0; i = joined.indexOf(pair, i + 1)) {
      if (positions.some((j) => i >= j && i < j + written.length)) continue;
      if (pairStandsTogether(ctx.lexicon, joined, i)) return false;
    }
  }
  return true;
}
