/**
 * bench:quality on the development corpus (../shared/dev-corpus, see bench/lib/dev-corpus.ts):
 * the same harness as the seeds' leave-one-out run, on news the rules were not tuned on.
 *
 * For each model — the default one (learned from seeds/, as shipped) and one learned from
 * half A of the corpus (as a newsroom would learn from its archive) — it lints a seeded
 * sample of half-B articles as they are (every finding not on a reviewed real defect is a
 * false alarm), then injects defects of every family into copies and scores each rule's
 * recall and precision. Findings on clean articles are written to bench/results/ for
 * reading; the real defects found that way are kept in bench/data/known-dev-defects.json.
 *
 *   npx tsx bench/dev-quality.ts [--articles N] [--model default|learned|both] [--rules id,id]
 *                                [--families f,f] [--rounds N] [--per-family N] [--seed N]
 *                                [--learn-articles N] [--half A|B] [--learn-sizes M,M…]
 *                                [--learn-files]
 *
 * --learn-files learns from the other half's corpus files as they are, many stories a file (as
`jiaodui learn` on a month's file), instead of one document a story.
--half A lints half A instead (for tuning thresholds; report figures on B).
 * --learn-sizes 0.5,1,2,3 learns a model from that many million characters of the other half
 * (a seeded sample of its articles, each size a superset of the smaller) and lints the same
 * articles with each: how recall grows with the size of the archive.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { RULES, learnModel, type Finding, type LearnedModel, type Lexicon, type TextModel } from '../server/src/core';
import { loadLexicon, loadModel } from '../server/src/node/resources';
import { RESULTS_DIR, writeResult, type SeedDoc } from './lib/corpus';
import { articlesOf, characterCount, devCorpusAvailable, sampleArticles, DEV_NEWS_DIR, type Article, type Half } from './lib/dev-corpus';
import { loadKnownDefects } from './lib/known-defects';
import { mulberry32 } from './lib/rng';
import { fixed, renderTable, verdict } from './lib/table';
import { INJECTORS } from './inject';
import { CONTEXT_PAIRS } from '../server/src/core/analysis/context-pairs';
import { DEFAULT_SEED, runQuality, type FamilyScore, type QualityReport } from './quality';

export const KNOWN_DEV_DEFECTS_FILE = path.join(__dirname, 'data', 'known-dev-defects.json');

/** The issue's targets on untouched copy: every judgement rule ≤ 0.2 false alarms per 10k. */
export const DEV_FALSE_ALARM_TARGET = 0.2;

export interface DevQualityOptions {
  articles?: number;
  models?: Array<'default' | 'learned'>;
  rules?: string[];
  families?: string[];
  rounds?: number;
  perFamily?: number;
  seed?: number;
  /** Articles of half A the learned model is built from (default: all of half A). */
  learnArticles?: number;
  /** Learn from a seeded sample of the other half's articles, up to this many characters. */
  learnChars?: number;
  /** Characters of half A the injectors may read as "the learning corpus" (bounded: n-gram tables). */
  injectorLearningChars?: number;
  /**
   * Learn from the corpus files as they are, many stories a file (`jiaodui learn` on a month's file),
   * rather than from one document a story: the model must judge alike however the archive is cut.
   */
  learnFiles?: boolean;
  half?: Half;
  lexicon?: Lexicon;
  dir?: string;
  /** Where the findings for review go (default bench/results). */
  resultsDir?: string;
}

export interface DevModelReport {
  model: 'default' | 'learned';
  learnedFrom: { articles: number; characters: number; seconds: number } | null;
  report: QualityReport;
  /** Where the clean findings were written for review. */
  findingsFile: string;
  /**
   * False alarms on the clean articles by the group a finding names (wrong-char's context
   * tier names its pair, “再/在误用”), so a group's recall reads beside what it costs.
   */
  groupFalseAlarms: Record<string, number>;
}

export interface DevQualityReport {
  benchmark: 'dev-quality';
  date: string;
  half: Half;
  articles: number;
  characters: number;
  models: DevModelReport[];
}

export function runDevQuality(options: DevQualityOptions = {}): DevQualityReport | null {
  const dir = options.dir ?? DEV_NEWS_DIR;
  if (!devCorpusAvailable(dir)) return null;
  const seed = options.seed ?? DEFAULT_SEED;
  const rng = mulberry32(seed);
  const lexicon = options.lexicon ?? loadLexicon();
  const half = options.half ?? 'B';
  const other: Half = half === 'A' ? 'B' : 'A';
  const linted = sampleArticles(articlesOf(half, dir), options.articles ?? 600, rng.fork('lint-sample'));
  const learningPool = articlesOf(other, dir);
  const learning = options.learnChars
    ? firstCharacters(rng.fork('learn-chars').shuffle([...learningPool]), options.learnChars)
    : options.learnArticles
      ? sampleArticles(learningPool, options.learnArticles, rng.fork('learn-sample'))
      : learningPool;
  const injectorLearning = boundedTexts(learning, options.injectorLearningChars ?? 400_000);
  const known = loadKnownDefects(KNOWN_DEV_DEFECTS_FILE);
  const injectors = options.families ? INJECTORS.filter((i) => options.families!.includes(i.family) || options.families!.includes(i.rule)) : INJECTORS;

  const models: DevModelReport[] = [];
  for (const which of options.models ?? ['default', 'learned']) {
    let model: LearnedModel;
    let learnedFrom: DevModelReport['learnedFrom'] = null;
    if (which === 'default') model = loadModel();
    else {
      const started = Date.now();
      model = learnModel(options.learnFiles ? joinedByFile(learning) : learning.map((a) => ({ path: a.name, content: a.content })), lexicon);
      learnedFrom = { articles: learning.length, characters: characterCount(learning), seconds: (Date.now() - started) / 1000 };
    }
    const lines: string[] = [];
    // Every injection with found (1) or missed (0): recall by kind of edit, count, length… for reading.
    const injectionLines: string[] = [];
    const groupFalseAlarms: Record<string, number> = {};
    const report = runQuality({
      seed,
      rounds: options.rounds ?? 1,
      perFamily: options.perFamily ?? 2,
      docs: linted,
      fixedModel: { model, learning: injectorLearning },
      injectors,
      known,
      lexicon,
      reference: false,
      // Every miss and injected false positive, for the files below.
      examples: Infinity,
      onInjection: (doc, inj, found, text) => {
        if (options.rules && !options.rules.includes(inj.rule)) return;
        const [s, e] = inj.spans[0];
        injectionLines.push(
          `${found ? 1 : 0}\t${inj.rule}\t${inj.family}\t${doc.name}\t${inj.label}\t${text.slice(Math.max(0, s - 8), e + 8).replace(/\n/g, '⏎')}`,
        );
      },
      onCleanFalseAlarm: (doc: SeedDoc, f: Finding, text: TextModel) => {
        if (options.rules && !options.rules.includes(f.rule)) return;
        const at = text.positionAt(f.offset);
        const raw = doc.content;
        const s = Math.max(0, f.offset - 12);
        const e = Math.min(raw.length, f.offset + Math.max(1, f.length) + 12);
        const excerpt = `${raw.slice(s, f.offset)}【${raw.slice(f.offset, f.offset + f.length)}】${raw.slice(f.offset + f.length, e)}`.replace(/\n/g, '⏎');
        const pair = /（(\p{Script=Han})\/(\p{Script=Han})误用）/u.exec(f.message);
        if (pair) {
          const group = CONTEXT_PAIRS.find((g) => g.includes(pair[1]) && g.includes(pair[2]));
          if (group) groupFalseAlarms[group] = (groupFalseAlarms[group] ?? 0) + 1;
        }
        lines.push(`${f.rule}\t${doc.name}:${at.line + 1}:${at.character + 1}\t${excerpt}\t${f.message}`);
      },
    });
    const resultsDir = options.resultsDir ?? RESULTS_DIR;
    fs.mkdirSync(resultsDir, { recursive: true });
    const findingsFile = path.join(resultsDir, `dev-findings-${which}-${half}.tsv`);
    fs.writeFileSync(findingsFile, lines.sort().join('\n') + (lines.length ? '\n' : ''));
    // Injections no rule of theirs found, and findings on injected copies that hit no injection.
    const examples = [
      ...report.examples.misses.map((e) => `miss\t${e.rule}\t${e.seed}:${e.line}\t${e.text}\t${e.label}\t${e.flaggedBy?.join(',') ?? ''}`),
      ...report.examples.injectedFalsePositives.map((e) => `false-positive\t${e.rule}\t${e.seed}:${e.line}\t${e.text}\t${e.message}`),
    ].filter((line) => !options.rules || options.rules.includes(line.split('\t')[1]));
    fs.writeFileSync(path.join(resultsDir, `dev-misses-${which}-${half}.tsv`), examples.join('\n') + (examples.length ? '\n' : ''));
    fs.writeFileSync(path.join(resultsDir, `dev-injections-${which}-${half}.tsv`), injectionLines.join('\n') + (injectionLines.length ? '\n' : ''));
    models.push({ model: which, learnedFrom, report, findingsFile, groupFalseAlarms });
  }
  return { benchmark: 'dev-quality', date: new Date().toISOString(), half, articles: linted.length, characters: characterCount(linted), models };
}

/**
 * Recall counting the injections reported, on purpose, by a rule the family's rule yields
 * to on the same span (RuleMeta.yieldsTo: wrong-char leaves a slip inside a house phrase to
 * fixed-phrase): the defect is found, once, by the rule with the better evidence.
 */
export function recallWithYielded(f: FamilyScore): number | null {
  if (!f.injected) return null;
  const yieldsTo = RULES.find((r) => r.meta.id === f.rule)?.meta.yieldsTo ?? [];
  return (f.detected + yieldsTo.reduce((n, r) => n + (f.flaggedByOtherRules[r] ?? 0), 0)) / f.injected;
}

/** The first articles until `limit` characters are reached. */
function firstCharacters(articles: readonly Article[], limit: number): Article[] {
  const out: Article[] = [];
  let total = 0;
  for (const a of articles) {
    if (total >= limit) break;
    out.push(a);
    total += a.content.length;
  }
  return out;
}

/** Per archive size: each rule's recall per family, precision and false alarms, one row per size. */
export function formatLearnCurve(runs: ReadonlyArray<{ size: number; dev: DevQualityReport }>, rules?: readonly string[]): string {
  const rows: Array<Array<string | number>> = [];
  let families: string[] = [];
  for (const { size, dev } of runs) {
    const m = dev.models[0];
    const fams = m.report.families.filter((f) => f.injected > 0 && (!rules || rules.includes(f.rule)));
    families = fams.map((f) => f.family);
    for (const r of m.report.rules.filter((s) => (!rules || rules.includes(s.rule)) && (s.injected > 0 || s.findings > 0))) {
      rows.push([
        `${size} M`,
        m.learnedFrom!.characters.toLocaleString('en'),
        r.rule,
        ...fams.filter((f) => f.rule === r.rule).map((f) => `${fixed(f.recall)} (${fixed(recallWithYielded(f))})`),
        fixed(r.precision),
        fixed(r.falseAlarmsPer10k),
      ]);
    }
  }
  const header = ['archive', 'characters', 'rule', ...families.map((f) => `recall ${f} (with yielded)`), 'precision', 'FA/10k'];
  return renderTable(header, rows, new Set(header.map((_, i) => i).filter((i) => i !== 0 && i !== 2)));
}

/** The first articles up to `limit` characters, as one array (memoised n-gram tables key on it). */
function boundedTexts(articles: readonly Article[], limit: number): string[] {
  const out: string[] = [];
  let total = 0;
  for (const a of articles) {
    if (total >= limit) break;
    out.push(a.content);
    total += a.content.length;
  }
  return out;
}

export function formatDevQuality(dev: DevQualityReport, rules?: readonly string[]): string {
  const out: string[] = [];
  out.push(
    `jiaodui bench:quality — development corpus, half ${dev.half}: ${dev.articles} articles, ${dev.characters.toLocaleString('en')} characters (one article = one document)`,
  );
  for (const m of dev.models) {
    const r = m.report;
    out.push('');
    out.push(
      m.model === 'default'
        ? 'model: default (learned from seeds/, as shipped)'
        : `model: learned from half ${dev.half === 'A' ? 'B' : 'A'} (${m.learnedFrom!.articles} articles, ${m.learnedFrom!.characters.toLocaleString('en')} characters, ${m.learnedFrom!.seconds.toFixed(1)} s)`,
    );
    const rows = r.rules
      .filter((s) => !rules || rules.includes(s.rule))
      .filter((s) => s.injected > 0 || s.falseAlarms > 0 || s.findings > 0)
      .map((s) => [
        s.rule,
        s.injected,
        fixed(s.recall),
        fixed(s.precision),
        s.falseAlarms,
        fixed(s.falseAlarmsPer10k),
        verdict(s.falseAlarmsPer10k, DEV_FALSE_ALARM_TARGET, 'max'),
      ]);
    out.push(renderTable(['rule', 'injected', 'recall', 'precision', 'FA', 'FA/10k', `≤${DEV_FALSE_ALARM_TARGET}`], rows, new Set([1, 2, 3, 4, 5])));
    const fams = r.families.filter((f) => f.injected > 0 && (!rules || rules.includes(f.rule)));
    if (fams.length) {
      out.push('');
      out.push(
        renderTable(
          ['family', 'rule', 'sites', 'injected', 'recall', 'with yielded', 'flagged instead by'],
          fams.map((f) => [
            f.family,
            f.rule,
            f.candidates,
            f.injected,
            fixed(f.recall),
            fixed(recallWithYielded(f)),
            Object.entries(f.flaggedByOtherRules)
              .map(([k, n]) => `${k} ${n}`)
              .join(', '),
          ]),
          new Set([2, 3, 4, 5]),
        ),
      );
    }
    for (const f of fams) {
      if (!f.byGroup) continue;
      const groups = Object.entries(f.byGroup).sort((a, b) => b[1].injected - a[1].injected);
      out.push(
        `${f.family} recall by group (clean false alarms): ` +
          groups.map(([g, s]) => `${g} ${s.detected}/${s.injected}${m.groupFalseAlarms[g] ? ` (${m.groupFalseAlarms[g]} FA)` : ''}`).join(', '),
      );
    }
    out.push(`clean findings for review: ${path.relative(process.cwd(), m.findingsFile)}`);
  }
  return out.join('\n');
}

/** The articles joined back into their corpus files, one blank line between stories, as `jiaodui learn` reads a month's file. */
function joinedByFile(articles: readonly Article[]): Array<{ path: string; content: string }> {
  const files = new Map<string, string[]>();
  for (const a of articles) {
    const stories = files.get(a.file) ?? [];
    stories.push(a.content);
    files.set(a.file, stories);
  }
  return [...files].map(([file, stories]) => ({ path: file, content: stories.join('\n') }));
}

function cli(argv: string[]): void {
  const { values } = parseArgs({
    args: argv,
    options: {
      articles: { type: 'string' },
      model: { type: 'string' },
      rules: { type: 'string' },
      families: { type: 'string' },
      rounds: { type: 'string' },
      'per-family': { type: 'string' },
      seed: { type: 'string' },
      'learn-articles': { type: 'string' },
      half: { type: 'string' },
      'learn-sizes': { type: 'string' },
      'learn-files': { type: 'boolean' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    console.log(
      fs
        .readFileSync(__filename, 'utf8')
        .split('*/')[0]
        .replace(/^\/\*\*?|^ \* ?/gm, ''),
    );
    return;
  }
  const num = (v: string | undefined) => (v === undefined ? undefined : Number(v));
  const rules = values.rules?.split(',');
  if (values['learn-sizes']) {
    const runs: Array<{ size: number; dev: DevQualityReport }> = [];
    for (const size of values['learn-sizes'].split(',').map(Number)) {
      const dev = runDevQuality({
        articles: num(values.articles),
        models: ['learned'],
        rules,
        families: values.families?.split(',') ?? rules,
        rounds: num(values.rounds),
        perFamily: num(values['per-family']),
        seed: num(values.seed),
        learnChars: size * 1_000_000,
        half: (values.half as Half | undefined) ?? 'B',
      });
      if (!dev) {
        console.log(`bench:quality — development corpus not found at ${DEV_NEWS_DIR}; skipped.`);
        return;
      }
      runs.push({ size, dev });
    }
    const { half, articles, characters } = runs[0].dev;
    console.log(
      `recall by archive size — half ${half}: ${articles} articles, ${characters.toLocaleString('en')} characters linted; models learned from the other half`,
    );
    console.log(formatLearnCurve(runs, rules));
    console.log(
      `\nwrote ${writeResult(
        `dev-quality-curve-${half}.json`,
        runs.map(({ size, dev }) => ({ size, ...dev, models: dev.models.map((m) => ({ ...m, report: { ...m.report, examples: undefined } })) })),
      )}`,
    );
    return;
  }
  const model = values.model ?? 'both';
  const dev = runDevQuality({
    articles: num(values.articles),
    models: model === 'both' ? ['default', 'learned'] : [model as 'default' | 'learned'],
    rules,
    families: values.families?.split(',') ?? rules,
    rounds: num(values.rounds),
    perFamily: num(values['per-family']),
    seed: num(values.seed),
    learnArticles: num(values['learn-articles']),
    learnFiles: values['learn-files'],
    half: (values.half as Half | undefined) ?? 'B',
  });
  if (!dev) {
    console.log(`bench:quality — development corpus not found at ${DEV_NEWS_DIR}; skipped (it lives beside the checkout in ../shared).`);
    return;
  }
  console.log(formatDevQuality(dev, rules));
  const { models, ...rest } = dev;
  console.log(
    `\nwrote ${writeResult(`dev-quality-${dev.half}.json`, { ...rest, models: models.map((m) => ({ ...m, report: { ...m.report, examples: undefined } })) })}`,
  );
}

if (require.main === module) cli(process.argv.slice(2));
