/**
 * Model section for the house style of punctuation and spacing, read by
 * punctuation-width, punctuation-form and cjk-spacing. Counts, not verdicts: the
 * rules decide from the proportions, and cite the counts in their evidence.
 * Everything is counted with the rules' own scanners, so the model and the rules
 * always agree on what a “half-width comma in Chinese text” or a “Han–digit
 * junction” is.
 */
import type { CorpusDocument } from '../corpus';
import type { Lexicon } from '../../lexicon';
import { FULL_WIDTH, findHalfWidthSites, findRangeSites } from '../../analysis/punctuation';
import { findSpacingJunctions } from '../../analysis/spacing';

export interface MarkCount {
  fullWidth: number;
  halfWidth: number;
}

export interface SpacingCount {
  spaced: number;
  tight: number;
  /**
   * Documents by their own habit (at least DOCUMENT_VOTE_MIN junctions): ≥ 90% tight,
   * ≥ 90% spaced, or mixed. One long inconsistent document (a PDF compendium) must not
   * outvote a run of consistent issues, so the rules read these too.
   */
  documents: { tight: number; spaced: number; mixed: number };
}

/** A document with fewer junctions than this has no habit worth counting. */
export const DOCUMENT_VOTE_MIN = 10;

export interface StyleSection {
  /** Per mark, keyed by its half-width form (",", ":", ";", "?", "!", "(", ")"): how Chinese text writes it. */
  punctuation: Record<string, MarkCount>;
  /** Junctions of a Han character with a number (hanDigit) or a Latin word (hanLatin). */
  spacing: { hanDigit: SpacingCount; hanLatin: SpacingCount };
  /** Mark written between two numbers as a range, keyed by the mark: "—", "～", "~", "-", "–", "至". */
  ranges: Record<string, number>;
  /** 破折号 forms seen: "——" and the deviant forms the rule reports ("—", "--", "----", …). */
  dashes: Record<string, number>;
  /** 省略号 forms seen: "……" and deviant ones ("...", "。。。", "…"). */
  ellipses: Record<string, number>;
}

export function emptyStyle(): StyleSection {
  const punctuation: Record<string, MarkCount> = {};
  for (const mark of Object.keys(FULL_WIDTH)) punctuation[mark] = { fullWidth: 0, halfWidth: 0 };
  return {
    punctuation,
    spacing: { hanDigit: emptySpacingCount(), hanLatin: emptySpacingCount() },
    ranges: {},
    dashes: {},
    ellipses: {},
  };
}

function emptySpacingCount(): SpacingCount {
  return { spaced: 0, tight: 0, documents: { tight: 0, spaced: 0, mixed: 0 } };
}

function vote(count: SpacingCount, spaced: number, tight: number): void {
  count.spaced += spaced;
  count.tight += tight;
  const total = spaced + tight;
  if (total < DOCUMENT_VOTE_MIN) return;
  if (tight / total >= 0.9) count.documents.tight++;
  else if (spaced / total >= 0.9) count.documents.spaced++;
  else count.documents.mixed++;
}

const bump = (counts: Record<string, number>, key: string) => {
  counts[key] = (counts[key] ?? 0) + 1;
};

export function learnStyle(docs: CorpusDocument[], _lexicon: Lexicon): StyleSection {
  const style = emptyStyle();
  const halfOf = new Map(Object.entries(FULL_WIDTH).map(([half, full]) => [full, half]));
  for (const doc of docs) {
    const text = doc.text.masked;

    for (const ch of text) {
      const half = halfOf.get(ch);
      if (half) style.punctuation[half].fullWidth++;
    }
    const junctions = { digit: { spaced: 0, tight: 0 }, latin: { spaced: 0, tight: 0 } };
    for (const paragraph of doc.text.paragraphs) {
      for (const site of findHalfWidthSites(paragraph.text)) {
        for (const mark of site.marks) style.punctuation[mark].halfWidth++;
      }
      for (const junction of findSpacingJunctions(paragraph.text)) {
        junctions[junction.kind][junction.spaced ? 'spaced' : 'tight']++;
      }
    }
    vote(style.spacing.hanDigit, junctions.digit.spaced, junctions.digit.tight);
    vote(style.spacing.hanLatin, junctions.latin.spaced, junctions.latin.tight);

    for (const site of findRangeSites(text)) bump(style.ranges, site.mark);
    for (const m of text.matchAll(/—+|[-－―─]{2,}/g)) {
      // Only dashes in Chinese text: a lone — between numbers is a range, counted above.
      const run = m[0];
      if (run === '—' && /\d/.test(text[m.index! - 1] ?? '') && /\d/.test(text[m.index! + 1] ?? '')) continue;
      if (/^[-]+$/.test(run) && !/\p{Script=Han}/u.test(text.slice(Math.max(0, m.index! - 1), m.index! + run.length + 1))) continue;
      bump(style.dashes, run);
    }
    for (const m of text.matchAll(/…+|\.{3,}|。{3,}/g)) {
      if (/^\.+$/.test(m[0]) && !/\p{Script=Han}/u.test(text.slice(Math.max(0, m.index! - 1), m.index! + m[0].length + 1))) continue;
      bump(style.ellipses, m[0]);
    }
  }
  return style;
}

/**
 * The style section of `model`, with any part an older model file lacks filled in
 * empty, so rules never trip over a missing count. It builds a new object: the rules
 * call it in createState, once per linter, never per paragraph.
 */
export function styleOf(model: { style?: Partial<StyleSection> }): StyleSection {
  return normaliseStyle(model);
}

function normaliseStyle(model: { style?: Partial<StyleSection> }): StyleSection {
  const empty = emptyStyle();
  const style = model.style ?? {};
  const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
  const punctuation = { ...empty.punctuation };
  if (isRecord(style.punctuation)) {
    for (const [mark, count] of Object.entries(style.punctuation)) {
      if (isRecord(count) && typeof count.fullWidth === 'number' && typeof count.halfWidth === 'number') punctuation[mark] = count as unknown as MarkCount;
    }
  }
  const spacingCount = (v: unknown): SpacingCount => {
    const count = emptySpacingCount();
    if (!isRecord(v)) return count;
    if (typeof v.spaced === 'number') count.spaced = v.spaced;
    if (typeof v.tight === 'number') count.tight = v.tight;
    if (isRecord(v.documents)) {
      for (const key of ['tight', 'spaced', 'mixed'] as const) if (typeof v.documents[key] === 'number') count.documents[key] = v.documents[key] as number;
    }
    return count;
  };
  const counts = (v: unknown): Record<string, number> =>
    isRecord(v) ? (Object.fromEntries(Object.entries(v).filter(([, n]) => typeof n === 'number')) as Record<string, number>) : {};
  return {
    punctuation,
    spacing: { hanDigit: spacingCount(style.spacing?.hanDigit), hanLatin: spacingCount(style.spacing?.hanLatin) },
    ranges: counts(style.ranges),
    dashes: counts(style.dashes),
    ellipses: counts(style.ellipses),
  };
}
