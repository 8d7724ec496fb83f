/**
 * How well one piece of the archive's evidence tells fixed-phrase's injected slips from the
 * near-miss readings of clean text: the statistic behind acceptance.ts strangerInPhrase (the
 * written character paired with neither neighbour as the archive writes, the phrase's character
 * with both; CorpusEvidence.strangerAtEdit) with the character model's rise
 * (archiveCostRise), by the phrase's length and count. For each bar: the injected slips it
 * holds (those the rule missed and those it found) and the clean positions where some reading
 * passes it. A bar worth adding holds many missed slips and few clean positions; the clean
 * positions are before every other test of the rule (names, wording, the document), so they
 * overstate the false alarms it would add.
 *
 *   npx tsx bench/dev-quality.ts --rules fixed-phrase --model learned --half A
 *   npx tsx bench/phrase-evidence.ts [--half A|B] [--articles 600]
 *
 * --half and --articles must match the dev-quality run: its injections are read from
 * bench/results/dev-injections-learned-<half>.tsv, and the clean articles are drawn the same way.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { learnModel } from '../server/src/core';
import { loadLexicon } from '../server/src/node/resources';
import { fixedPhrase } from '../server/src/core/rules/fixed-phrase';
import type { NearMiss } from '../server/src/core/rules/fixed-phrase/near-miss';
import type { PhraseIndex } from '../server/src/core/rules/fixed-phrase/phrase-index';
import { RESULTS_DIR } from './lib/corpus';
import { articlesOf, sampleArticles, type Half } from './lib/dev-corpus';
import { mulberry32 } from './lib/rng';
import { DEFAULT_SEED } from './quality';
import { renderTable } from './lib/table';

const { values } = parseArgs({ options: { half: { type: 'string', default: 'A' }, articles: { type: 'string', default: '600' } } });
const half = values.half as Half;
const file = path.join(RESULTS_DIR, `dev-injections-learned-${half}.tsv`);
if (!fs.existsSync(file)) {
  console.error(`${file} not found: run bench/dev-quality.ts --rules fixed-phrase --model learned --half ${half} --articles ${values.articles} first`);
  process.exit(2);
}

/** One reading: a phrase the text misses by one edit, with what the bars ask of it. */
interface Reading {
  kind: NearMiss['kind'];
  length: number;
  count: number;
  firstSubstituted: boolean;
  stranger: boolean;
  rise: number;
}

const lexicon = loadLexicon();
const model = learnModel(
  articlesOf(half === 'A' ? 'B' : 'A').map((a) => ({ path: a.name, content: a.content })),
  lexicon,
);
const index = fixedPhrase.createState!(model, lexicon) as PhraseIndex;

function reading(text: string, m: Omit<NearMiss, 'entry' | 'node'>, count: number): Reading {
  const near = m as NearMiss;
  return {
    kind: m.kind,
    length: m.target.length,
    count,
    firstSubstituted: m.kind === 'substitute' && m.targetAt === 0,
    stranger: index.evidence.strangerAtEdit(text, near),
    rise: index.evidence.archiveCostRise(text, near) ?? -Infinity,
  };
}

// The injected slips, each read at its site as the phrase it misses.
const slips: Array<Reading & { found: boolean }> = [];
for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
  const [found, rule, , , label, excerpt] = line.split('\t');
  const parsed = rule === 'fixed-phrase' && /^(.*) \((\d+)× in the model\) → (.*)$/.exec(label);
  if (!parsed) continue;
  const [, target, count, variant] = parsed;
  const text = excerpt.replace(/⏎/g, '\n');
  const start = text.indexOf(variant);
  if (start < 0) continue;
  let at = 0;
  while (at < variant.length && variant[at] === target[at]) at++;
  const kind = variant.length === target.length ? 'substitute' : variant.length < target.length ? 'drop' : 'add';
  slips.push({
    found: found === '1',
    ...reading(text, { start, end: start + variant.length, target, kind, textAt: start + at, targetAt: at }, Number(count)),
  });
}

// Every reading the index finds in the clean articles, by position.
const clean = new Map<string, Reading[]>();
const articles = sampleArticles(articlesOf(half), Number(values.articles), mulberry32(DEFAULT_SEED).fork('lint-sample'));
for (const article of articles) {
  article.content.split('\n').forEach((paragraph, p) => {
    for (let i = 0; i < paragraph.length; i++) {
      for (let readings = index.nearMissesAt(paragraph, i); readings; readings = index.nearMissesAt(paragraph, i, index.foundStage + 1)) {
        const key = `${article.name}:${p}:${i}`;
        clean.set(key, [...(clean.get(key) ?? []), ...readings.map((m) => reading(paragraph, m, m.entry.count))]);
      }
    }
  });
}

const rows: string[][] = [];
for (const [lengths, fits] of [
  ['4', (n: number) => n === 4],
  ['5+', (n: number) => n >= 5],
] as const) {
  for (const minCount of [5, 10, 30]) {
    for (const minRise of [0, 4, 8]) {
      const held = (r: Reading) => fits(r.length) && r.kind !== 'drop' && !r.firstSubstituted && r.stranger && r.count >= minCount && r.rise >= minRise;
      const missed = slips.filter((s) => !s.found && held(s)).length;
      const found = slips.filter((s) => s.found && held(s)).length;
      const positions = [...clean.values()].filter((readings) => readings.some(held)).length;
      rows.push([lengths, String(minCount), String(minRise), String(missed), String(found), String(positions)]);
    }
  }
}
const readings = [...clean.values()].reduce((n, r) => n + r.length, 0);
console.log(
  `stranger evidence — half ${half}: ${slips.length} injected slips (${slips.filter((s) => !s.found).length} missed), ` +
    `${readings.toLocaleString('en')} near-miss readings at ${clean.size.toLocaleString('en')} positions of ${articles.length} clean articles`,
);
console.log(renderTable(['length', 'count ≥', 'rise ≥', 'missed slips held', 'found slips held', 'clean positions held'], rows));
