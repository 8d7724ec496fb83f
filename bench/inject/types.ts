/**
 * What every injector shares: the context it reads (a clean seed, its segmentation,
 * the learning corpus) and the Injection it proposes. An injector only proposes
 * candidates; the harness picks sites (spacing, away from real defects) and applies them.
 */
import { segment, type LearnedModel, type Lexicon } from '../../server/src/core';
import type { Rng } from '../lib/rng';

export interface Injection {
  /** Injection family, e.g. 'duplicate-char' (several families may test one rule). */
  family: string;
  /** The rule expected to flag it. */
  rule: string;
  /** Range of the clean text to replace. */
  start: number;
  end: number;
  replacement: string;
  /** Further edits of the same defect (the closing bracket of a pair). */
  more?: Array<{ start: number; end: number; replacement: string }>;
  /**
   * Further ranges of the clean text that count as the defect's location (e.g. the
   * partner of a deleted quote): a finding there is a hit too.
   */
  also?: Array<[number, number]>;
  /**
   * Ranges of the clean text no other injection may touch, though they are no part of the defect: the
   * other mentions a name variant is judged against (a slip injected into them would leave nothing to
   * compare with).
   */
  keep?: Array<[number, number]>;
  /** Short before → after, for the JSON report. */
  label: string;
  /** At most one injection per group per document (one variant per name, per list…). */
  group?: string;
}

export interface WordToken {
  word: string;
  /** Offsets into the whole text. */
  start: number;
  end: number;
  known: boolean;
}

export interface InjectContext {
  raw: string;
  /** Same length as raw; masked regions (URLs, code) are blanked by TextModel. */
  masked: string;
  lexicon: Lexicon;
  /** The documents the model is learned from (the other seeds), raw text. */
  learning: readonly string[];
  /** The model the held-out document is linted with (learned from `learning`). */
  model: LearnedModel;
  /** Lexicon segmentation of every Han run of the masked text. */
  tokens: readonly WordToken[];
  rng: Rng;
}

export interface Injector {
  family: string;
  rule: string;
  /** Report recall per injection group as well (the group names something worth a row: a confusable pair). */
  reportByGroup?: boolean;
  /** Every candidate site in the text; cheap enough to call once per document. */
  candidates(ctx: InjectContext): Injection[];
}

const HAN = /\p{Script=Han}/u;
export const isHan = (ch: string | undefined): boolean => ch !== undefined && ch.length > 0 && HAN.test(ch);
export const isDigit = (ch: string | undefined): boolean => ch !== undefined && ch >= '0' && ch <= '9' && ch.length === 1;

/** Segments each maximal run of BMP Han characters (runs are short: lines of prose). */
export function tokenize(masked: string, lexicon: Lexicon): WordToken[] {
  const tokens: WordToken[] = [];
  for (const m of masked.matchAll(/[\u3400-\u9fff\uf900-\ufaff]+/g)) {
    for (const t of segment(lexicon, m[0])) {
      tokens.push({ word: t.word, start: m.index! + t.start, end: m.index! + t.end, known: t.known });
    }
  }
  return tokens;
}

/** The clean-text extent an injection occupies, for spacing sites apart. */
export function footprint(inj: Injection): [number, number] {
  let start = inj.start;
  let end = inj.end;
  for (const [s, e] of [...(inj.also ?? []), ...(inj.more ?? []).map((m): [number, number] => [m.start, m.end])]) {
    start = Math.min(start, s);
    end = Math.max(end, e);
  }
  return [start, end];
}

/** The text around an offset, for labels. */
export function around(raw: string, start: number, end: number, radius = 4): string {
  return raw.slice(Math.max(0, start - radius), end + radius).replace(/\n/g, '⏎');
}

/** Characters common in Han text: a neutral pool for substitutions. */
export function hanPool(text: string): string[] {
  const counts = new Map<string, number>();
  for (const ch of text) if (isHan(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  return [...counts]
    .filter(([, n]) => n >= 3)
    .map(([ch]) => ch)
    .sort();
}

/**
 * Measure words, units and numeral context: a digit next to one of these reads as a
 * quantity, not as a stray digit, so injectors avoid them.
 */
export const NUMERIC_CONTEXT = new Set([
  ...'年月日时分秒号期版个名家人次项件条种位所座张份例元万亿千百十岁倍届批类级章节页米吨台辆套部篇次场天周点度层册组户支只',
]);

export interface AppliedInjection extends Injection {
  /** Where the defect sits in the injected text. */
  spans: Array<[number, number]>;
}

export interface InjectedText {
  text: string;
  injections: AppliedInjection[];
  /** Maps an offset of the clean text (outside any injection) to the injected text. */
  map(offset: number): number;
}

/** Applies non-overlapping injections and locates each in the result. */
export function applyInjections(raw: string, chosen: readonly Injection[]): InjectedText {
  interface Edit {
    owner: number;
    start: number;
    end: number;
    replacement: string;
    begin: number;
  }
  const edits: Edit[] = [];
  chosen.forEach((inj, owner) => {
    edits.push({ owner, start: inj.start, end: inj.end, replacement: inj.replacement, begin: -1 });
    for (const m of inj.more ?? []) edits.push({ owner, ...m, begin: -1 });
  });
  edits.sort((a, b) => a.start - b.start || a.end - b.end);
  const ends: number[] = [];
  const shifts: number[] = [];
  let out = '';
  let cursor = 0;
  let shift = 0;
  for (const edit of edits) {
    if (edit.start < cursor) throw new Error(`overlapping injections at ${edit.start}`);
    out += raw.slice(cursor, edit.start);
    edit.begin = out.length;
    out += edit.replacement;
    cursor = edit.end;
    shift += edit.replacement.length - (edit.end - edit.start);
    ends.push(edit.end);
    shifts.push(shift);
  }
  out += raw.slice(cursor);
  const map = (offset: number): number => {
    let s = 0;
    for (let i = 0; i < ends.length && ends[i] <= offset; i++) s = shifts[i];
    return offset + s;
  };
  const spanOf = (edit: Edit): [number, number] =>
    edit.replacement.trim().length > 0
      ? [edit.begin, edit.begin + edit.replacement.length]
      : // a deletion or inserted whitespace: the characters on either side carry the defect
        [Math.max(0, edit.begin - 1), edit.begin + edit.replacement.length + 1];
  const injections = chosen
    .map((inj, owner): AppliedInjection => {
      const spans = edits.filter((e) => e.owner === owner).map(spanOf);
      for (const [s, e] of inj.also ?? []) spans.push([map(s), map(e)]);
      return { ...inj, spans };
    })
    .sort((a, b) => a.spans[0][0] - b.spans[0][0]);
  return { text: out, injections, map };
}
