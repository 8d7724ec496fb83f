/**
 * Runs inside the instrumented copy (see index.ts): dev-quality with the learned model on
 * fixed-phrase alone, collecting the verdicts each candidate met, paragraph by paragraph.
 * Arguments: half, articles, the working tree (for source lines) and the results folder. A miss's
 * verdict is the last its own reading met; a rival reading held back after it is noted with ~rival.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Finding } from '../../server/src/core';
import type { SeedDoc } from '../lib/corpus';
import type { AppliedInjection } from '../inject/types';
import { runDevQuality } from '../dev-quality';

interface Candidate {
  target: string;
  start: number;
  end: number;
  kind: string;
  verdicts: string[];
}
interface Judged {
  target: string;
  start: number;
  end: number;
  kind: string;
}

const [half, articles, workingTree, results] = process.argv.slice(2);
const hooks = globalThis as Record<string, unknown>;
const paragraphs = new Map<string, Candidate[]>();
let current: Candidate[] = [];
let candidate: Candidate | undefined;
/** The phrase index the scan uses (the same for every paragraph of a run). */
interface StageIndex {
  nearMissesAt(text: string, start: number, fromStage: number, toStage: number): readonly Judged[] | undefined;
}
let phraseIndex: StageIndex | undefined;
hooks.__phraseParagraph = (text: string, index: StageIndex) => {
  current = [];
  paragraphs.set(text, current);
  candidate = undefined;
  phraseIndex = index;
};
hooks.__phraseRival = (m: Judged) => {
  candidate = { target: m.target, start: m.start, end: m.end, kind: m.kind, verdicts: ['skipped'] };
  current.push(candidate);
};
hooks.__phraseCandidate = (m: Judged) => {
  candidate = { target: m.target, start: m.start, end: m.end, kind: m.kind, verdicts: [] };
  current.push(candidate);
};
hooks.__phraseReport = (m: Judged) => {
  candidate = current.find((c) => c.start === m.start && c.target === m.target) ?? candidate;
};
hooks.__phraseVerdict = (where: string) => {
  candidate?.verdicts.push(where);
};

/** The candidates judged over [start, end) of a text, found by the paragraph that holds it. */
function judgedOver(text: string, start: number, end: number): Candidate[] | undefined {
  return siteOf(text, start, end)?.list;
}

/** The paragraph as the rule saw it that holds [start, end) of a text, its offset there and its candidates. */
function siteOf(text: string, start: number, end: number): { paragraph: string; offset: number; list: Candidate[] } | undefined {
  const from = text.lastIndexOf('\n', start - 1) + 1;
  const to = text.indexOf('\n', start) < 0 ? text.length : text.indexOf('\n', start);
  let paragraph = text.slice(from, to);
  let list = paragraphs.get(paragraph);
  let offset = from;
  if (!list) {
    // The paragraph as the rule saw it may be masked or joined: find it by the site and its neighbours.
    const site = text.slice(start, end);
    const around = text.slice(Math.max(from, start - 3), Math.min(to, end + 3));
    for (const [seen, judged] of paragraphs) {
      const at = seen.indexOf(site);
      if (at >= 0 && seen.includes(around)) {
        list = judged;
        paragraph = seen;
        offset = start - at;
        break;
      }
    }
  }
  return list && { paragraph, offset, list: list.filter((c) => c.start < end - offset && c.end > start - offset) };
}

/**
 * Where the index would read the injected phrase at all: every stage at every position from a little
 * before the site to its end, asked directly (whatever the scan's stage loop and position skips did).
 */
function stagesReading(text: string, start: number, end: number, group: string): string {
  const site = siteOf(text, start, end);
  if (!site || !phraseIndex) return '';
  const out: string[] = [];
  for (let p = Math.max(0, start - site.offset - 12); p < end - site.offset; p++) {
    for (let stage = 0; stage < 5; stage++) {
      for (const m of phraseIndex.nearMissesAt(site.paragraph, p, stage, stage + 1) ?? []) {
        if (m.target === group || group.startsWith(m.target) || group.endsWith(m.target))
          out.push(`stage${stage}@${p - (start - site.offset)}:${m.target}/${m.kind}`);
      }
    }
  }
  return out.join(' ');
}

const show = (c: Candidate) => `${c.target}[${c.kind} ${c.verdicts.join(',')}]`;
const tally = new Map<string, number>();
const rows: string[] = [];
hooks.__phraseInjection = (_doc: SeedDoc, inj: AppliedInjection, found: boolean, text: string) => {
  if (inj.rule !== 'fixed-phrase' || found) return;
  const [s, e] = inj.spans[0];
  const over = judgedOver(text, s, e);
  const mine = over?.find((c) => c.target === inj.group) ?? over?.find((c) => !!inj.group && (inj.group.startsWith(c.target) || inj.group.endsWith(c.target)));
  let key: string;
  if (!over) key = 'paragraph-not-seen';
  else if (!mine) key = over.length ? 'other-target' : 'not-found';
  else key = mine.verdicts.filter((v) => !v.endsWith('~rival')).at(-1) ?? 'accepted, then dropped';
  tally.set(key, (tally.get(key) ?? 0) + 1);
  const stages = key === 'other-target' ? `\t${stagesReading(text, s, e, inj.group ?? '') || 'never read'}` : '';
  rows.push(
    `${key}\t${inj.label}\t${text.slice(Math.max(0, s - 6), e + 6).replace(/\n/g, '⏎')}\t${mine ? show(mine) : (over ?? []).map(show).join(' | ')}${stages}`,
  );
};
const alarms: string[] = [];
hooks.__phraseFalseAlarm = (doc: SeedDoc, f: Finding) => {
  if (f.rule !== 'fixed-phrase') return;
  const raw = doc.content;
  const over = judgedOver(raw, f.offset, f.offset + f.length) ?? [];
  alarms.push(
    `${raw.slice(f.offset, f.offset + f.length)}\t${raw.slice(Math.max(0, f.offset - 8), f.offset + f.length + 8).replace(/\n/g, '⏎')}\t${over.map(show).join(' | ')}`,
  );
};

runDevQuality({
  half: half as 'A' | 'B',
  articles: Number(articles),
  models: ['learned'],
  rules: ['fixed-phrase'],
  families: ['fixed-phrase'],
  resultsDir: path.join(results, 'phrase-blockers-run'),
});

const source: Record<string, string[]> = {};
for (const file of ['acceptance', 'index', 'edge-slip'])
  source[file] = fs.readFileSync(path.join(workingTree, `server/src/core/rules/fixed-phrase/${file}.ts`), 'utf8').split('\n');
console.log(`\nmissed injections by the verdict that let them go (${rows.length}):`);
for (const [key, count] of [...tally].sort((a, b) => b[1] - a[1])) {
  const [file, line] = key.split(':');
  console.log(`${String(count).padStart(5)}  ${key.padEnd(18)} ${(source[file]?.[Number(line) - 1] ?? '').trim().slice(0, 110)}`);
}
const missesFile = path.join(results, `phrase-blockers-${half}.tsv`);
const alarmsFile = path.join(results, `phrase-alarms-${half}.tsv`);
fs.writeFileSync(missesFile, rows.sort().join('\n') + '\n');
fs.writeFileSync(alarmsFile, alarms.join('\n') + '\n');
console.log(`\n${missesFile}\n${alarmsFile}`);
