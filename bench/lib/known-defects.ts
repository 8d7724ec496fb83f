/**
 * The real defects the seeds contain (bench/data/known-seed-defects.json), resolved
 * to character ranges. A finding on one of them is not a false alarm, and the
 * injector keeps clear of them so an injected defect is never confused with a real one.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from './corpus';

export const KNOWN_DEFECTS_FILE = path.join(REPO_ROOT, 'bench', 'data', 'known-seed-defects.json');

export interface KnownDefect {
  id: string;
  ref: string;
  file: string;
  /** 1-based line where `text` starts; null for pattern entries. */
  line: number | null;
  text?: string;
  /** JavaScript regex source (flags gmu) for a whole class of defects in one file. */
  pattern?: string;
  /** The rule meant to flag it; null when none is; "*" or a list for pattern entries. */
  rule: string | string[] | null;
  /**
   * Which findings on a site entry are not false alarms: "any" rule's (the default: a
   * human found something wrong there), or only its own "rule"'s (the other form of an
   * inconsistent pair, which may well be the right one).
   */
  excuses?: 'any' | 'rule';
  confidence: 'H' | 'M' | 'L';
  note: string;
}

export interface KnownRange {
  id: string;
  start: number;
  end: number;
  /** Rules whose findings here are excused, or null for every rule. */
  rules: ReadonlySet<string> | null;
  kind: 'site' | 'pattern';
  /** The rule meant to flag it (sites), or null. */
  expected: string | null;
}

export function loadKnownDefects(file = KNOWN_DEFECTS_FILE): KnownDefect[] {
  const data = JSON.parse(fs.readFileSync(file, 'utf8')) as { defects: KnownDefect[] };
  return data.defects;
}

function lineStartOffset(content: string, line: number): number {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const next = content.indexOf('\n', offset);
    if (next < 0) return -1;
    offset = next + 1;
  }
  return offset;
}

/** Ranges in `content` of the entries for `docName`; throws when a site entry no longer matches the seed. */
export function resolveKnownDefects(defects: readonly KnownDefect[], docName: string, content: string): KnownRange[] {
  const ranges: KnownRange[] = [];
  for (const d of defects) {
    if (d.file !== docName) continue;
    if (d.text !== undefined && d.line !== null) {
      const from = lineStartOffset(content, d.line);
      const at = from < 0 ? -1 : content.indexOf(d.text, from);
      const lineEnd = content.indexOf('\n', from);
      if (at < 0 || (lineEnd >= 0 && at > lineEnd)) {
        throw new Error(`known defect ${d.id}: “${d.text}” is not on line ${d.line} of ${docName}`);
      }
      const expected = typeof d.rule === 'string' ? d.rule : null;
      const rules = d.excuses === 'rule' ? new Set(expected ? [expected] : []) : null;
      ranges.push({ id: d.id, start: at, end: at + d.text.length, rules, kind: 'site', expected });
    } else if (d.pattern) {
      const rules = d.rule === '*' ? null : new Set(Array.isArray(d.rule) ? d.rule : d.rule ? [d.rule] : []);
      const re = new RegExp(d.pattern, 'gmu');
      for (const m of content.matchAll(re)) {
        ranges.push({ id: d.id, start: m.index!, end: m.index! + Math.max(1, m[0].length), rules, kind: 'pattern', expected: null });
      }
    }
  }
  return ranges.sort((a, b) => a.start - b.start);
}

/** Does a finding of `rule` over [start, end) land on a known real defect? */
export function isKnownDefect(ranges: readonly KnownRange[], rule: string, start: number, end: number): boolean {
  const stop = Math.max(end, start + 1);
  for (const r of ranges) {
    if (r.start >= stop) break;
    if (r.end > start && (r.rules === null || r.rules.has(rule))) return true;
  }
  return false;
}
