/**
 * bench:quality, the `--fix` safety net on the development corpus (issue 9): over a
 * seeded sample of articles, untouched and with one injected defect of each family
 * (bench/inject), `--fix` with the default kinds must leave the Han characters as they
 * were (Traditional → Simplified aside), edit only inside findings it reports, and
 * leave nothing for a second run (bench/lib/fix-safety.ts). Prints the fixes applied
 * by rule and every violation with its article (never written into the repository).
 * test/core/fix-safety.test.ts runs the same check on the seeds and self-written drafts.
 *
 *   npx tsx bench/fix-safety.ts [--articles N] [--injected N] [--seed N]
 *
 * Without ../shared/dev-corpus it says so and exits 0.
 */
import { parseArgs } from 'node:util';
import { Linter, applyEdits, type TextEdit } from '../server/src/core';
import { INJECTORS } from './inject';
import { tokenize, type InjectContext } from './inject/types';
import { loadLexicon, loadModel } from '../server/src/node/resources';
import { devCorpusAvailable, loadArticles, sampleArticles, DEV_NEWS_DIR } from './lib/dev-corpus';
import { checkFixSafety, type FixSafetyViolation } from './lib/fix-safety';
import { mulberry32 } from './lib/rng';

const DEFAULT_ARTICLES = 2000;
const DEFAULT_INJECTED_ARTICLES = 200;
const DEFAULT_SEED = 9;

export interface FixSafetyReport {
  documents: number;
  characters: number;
  applied: number;
  byRule: Map<string, number>;
  violations: Array<{ article: string; violation: FixSafetyViolation }>;
}

export function runFixSafety(options: { articles?: number; injected?: number; seed?: number } = {}): FixSafetyReport | null {
  if (!devCorpusAvailable()) return null;
  const rng = mulberry32(options.seed ?? DEFAULT_SEED);
  const all = loadArticles(DEV_NEWS_DIR);
  const lexicon = loadLexicon();
  const model = loadModel();
  const linter = new Linter({ model, lexicon });
  const report: FixSafetyReport = { documents: 0, characters: 0, applied: 0, byRule: new Map(), violations: [] };
  const check = (name: string, text: string) => {
    const result = checkFixSafety(text, linter);
    report.documents++;
    report.characters += text.length;
    report.applied += result.applied;
    for (const [rule, n] of result.byRule) report.byRule.set(rule, (report.byRule.get(rule) ?? 0) + n);
    report.violations.push(...result.violations.map((violation) => ({ article: name, violation })));
  };
  const articles = sampleArticles(all, options.articles ?? DEFAULT_ARTICLES, rng.fork('clean'));
  for (const article of articles) check(article.name, article.content);

  for (const article of sampleArticles(all, options.injected ?? DEFAULT_INJECTED_ARTICLES, rng.fork('injected'))) {
    const raw = article.content;
    const ctx: InjectContext = { raw, masked: raw, lexicon, learning: [], model, tokens: tokenize(raw, lexicon), rng: rng.fork(`candidates:${article.name}`) };
    for (const injector of INJECTORS) {
      const candidates = injector.candidates({ ...ctx, rng: ctx.rng.fork(injector.family) });
      if (candidates.length === 0) continue;
      const chosen = ctx.rng.pick(candidates);
      const edits: TextEdit[] = [chosen, ...(chosen.more ?? [])].map((e) => ({ offset: e.start, length: e.end - e.start, newText: e.replacement }));
      check(`${article.name} + ${chosen.family}`, applyEdits(raw, edits));
    }
  }
  return report;
}

function main(): void {
  const { values } = parseArgs({
    options: { articles: { type: 'string' }, injected: { type: 'string' }, seed: { type: 'string' }, help: { type: 'boolean' } },
  });
  if (values.help) {
    console.log('npx tsx bench/fix-safety.ts [--articles N] [--injected N] [--seed N]');
    return;
  }
  const started = performance.now();
  const number = (value: string | undefined) => (value === undefined ? undefined : Number(value));
  const report = runFixSafety({ articles: number(values.articles), injected: number(values.injected), seed: number(values.seed) });
  if (!report) {
    console.log(`fix-safety: ../shared/dev-corpus is absent (${DEV_NEWS_DIR}); skipped.`);
    return;
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const rules = [...report.byRule]
    .sort((a, b) => b[1] - a[1])
    .map(([rule, n]) => `${rule} ${n}`)
    .join(', ');
  console.log(
    `fix-safety (dev corpus, ${seconds} s): --fix on ${report.documents} documents (${report.characters} characters, untouched and with injected defects) ` +
      `applied ${report.applied} safe fixes (${rules || 'none'}); ${report.violations.length} violations`,
  );
  const byProperty = new Map<string, number>();
  for (const { violation } of report.violations) byProperty.set(violation.property, (byProperty.get(violation.property) ?? 0) + 1);
  for (const [property, n] of byProperty) console.log(`  ${String(n).padStart(4)}  ${property}`);
  for (const { article, violation } of report.violations.slice(0, 20))
    console.log(`        ${article}: ${violation.property}: ${violation.detail.replace(/\n/g, '⏎')}`);
}

if (require.main === module) main();
