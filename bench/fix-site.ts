/**
 * bench:quality, fix safety on the development corpus (issue 11): over a seeded sample of
 * articles, each finding's first fix is applied alone and the article linted again; a
 * finding that appears at the fix's site is a violation (bench/lib/fix-site.ts). Clean
 * copy has few findings, so a second sample gets one defect of each injection family
 * (bench/inject) at a time, and the fixes of the findings on it are checked too. Prints
 * the number of fixes checked and of violations, by rule pair, with a few sites for
 * reading (never written into the repository). test/core/fix-site.test.ts runs the same
 * check on the seeds and self-written drafts.
 *
 *   npx tsx bench/fix-site.ts [--articles N] [--injected N] [--seed N] [--examples N]
 *
 * Without ../shared/dev-corpus it says so and exits 0.
 */
import { parseArgs } from 'node:util';
import { Linter, applyEdits, type TextEdit } from '../server/src/core';
import { INJECTORS } from './inject';
import { tokenize, type InjectContext } from './inject/types';
import { loadLexicon, loadModel } from '../server/src/node/resources';
import { characterCount, devCorpusAvailable, loadArticles, sampleArticles, DEV_NEWS_DIR } from './lib/dev-corpus';
import { checkFixSites, describeViolation, writtenSpans, type FixSiteViolation } from './lib/fix-site';
import { mulberry32 } from './lib/rng';

const DEFAULT_ARTICLES = 1000;
const DEFAULT_INJECTED_ARTICLES = 100;
const DEFAULT_SEED = 11;

export interface FixSiteReport {
  articles: number;
  characters: number;
  checked: number;
  /** Copies with one injected defect, and the fixes checked on them. */
  injectedCopies: number;
  injectedChecked: number;
  violations: Array<{ article: string; violation: FixSiteViolation }>;
}

export function runFixSite(options: { articles?: number; injected?: number; seed?: number } = {}): FixSiteReport | null {
  if (!devCorpusAvailable()) return null;
  const rng = mulberry32(options.seed ?? DEFAULT_SEED);
  const all = loadArticles(DEV_NEWS_DIR);
  const articles = sampleArticles(all, options.articles ?? DEFAULT_ARTICLES, rng.fork('clean'));
  const lexicon = loadLexicon();
  const model = loadModel();
  const linter = new Linter({ model, lexicon });
  const lint = (text: string) => linter.lint(text);
  const report: FixSiteReport = {
    articles: articles.length,
    characters: characterCount(articles),
    checked: 0,
    injectedCopies: 0,
    injectedChecked: 0,
    violations: [],
  };
  for (const article of articles) {
    const result = checkFixSites(article.content, lint);
    report.checked += result.checked;
    report.violations.push(...result.violations.map((violation) => ({ article: article.name, violation })));
  }

  for (const article of sampleArticles(all, options.injected ?? DEFAULT_INJECTED_ARTICLES, rng.fork('injected'))) {
    const raw = article.content;
    const ctx: InjectContext = { raw, masked: raw, lexicon, learning: [], model, tokens: tokenize(raw, lexicon), rng: rng.fork(`candidates:${article.name}`) };
    for (const injector of INJECTORS) {
      const candidates = injector.candidates({ ...ctx, rng: ctx.rng.fork(injector.family) });
      if (candidates.length === 0) continue;
      const chosen = ctx.rng.pick(candidates);
      const edits: TextEdit[] = [chosen, ...(chosen.more ?? [])].map((e) => ({ offset: e.start, length: e.end - e.start, newText: e.replacement }));
      const text = applyEdits(raw, edits);
      // Only the findings on the injected defect: the rest of the copy is checked above.
      const sites = writtenSpans(edits);
      const onDefect = (f: { offset: number; length: number }) => sites.some((s) => f.offset <= s.end && s.start <= f.offset + f.length);
      const result = checkFixSites(text, lint, onDefect);
      report.injectedCopies++;
      report.injectedChecked += result.checked;
      report.violations.push(...result.violations.map((violation) => ({ article: `${article.name} + ${chosen.family}`, violation })));
    }
  }
  return report;
}

function main(): void {
  const { values } = parseArgs({
    options: { articles: { type: 'string' }, injected: { type: 'string' }, seed: { type: 'string' }, examples: { type: 'string' }, help: { type: 'boolean' } },
  });
  if (values.help) {
    console.log('npx tsx bench/fix-site.ts [--articles N] [--injected N] [--seed N] [--examples N]');
    return;
  }
  const started = performance.now();
  const number = (value: string | undefined) => (value === undefined ? undefined : Number(value));
  const report = runFixSite({ articles: number(values.articles), injected: number(values.injected), seed: number(values.seed) });
  if (!report) {
    console.log(`fix-site: ../shared/dev-corpus is absent (${DEV_NEWS_DIR}); skipped.`);
    return;
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `fix-site (dev corpus, ${seconds} s): ${report.checked} fixes applied alone on ${report.articles} untouched articles (${report.characters} characters) ` +
      `and ${report.injectedChecked} on ${report.injectedCopies} copies with one injected defect: ${report.violations.length} created a finding at their site`,
  );
  const byPair = new Map<string, FixSiteViolation[]>();
  for (const { violation } of report.violations) {
    const pair = `${violation.fixed.rule} → ${violation.created.rule}`;
    byPair.set(pair, [...(byPair.get(pair) ?? []), violation]);
  }
  const examples = values.examples ? Number(values.examples) : 2;
  for (const [pair, list] of [...byPair].sort((a, b) => b[1].length - a[1].length)) {
    console.log(`  ${String(list.length).padStart(4)}  ${pair}`);
    for (const v of list.slice(0, examples)) console.log(`        ${describeViolation(v)}`);
  }
}

if (require.main === module) main();
