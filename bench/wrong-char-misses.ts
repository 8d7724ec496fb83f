/**
 * Why wrong-char misses the non-word slips it misses: injects one slip at a time
 * (the wrong-char-nonword family of bench/inject) into articles of the development
 * corpus, lints each copy with the default model (or one learned from the other half),
 * and for every slip not reported asks the rule's lexicon tier (SlipIndex.verdict) which
 * step let it go: a guard (surname, numeral, parallel phrase, run of single characters …),
 * no candidate, or a score below the threshold. Clean candidates down to a score of FLOOR
 * are listed too: the false alarms a lower threshold would make.
 *
 *   npx tsx bench/wrong-char-misses.ts [--half A|B] [--articles N] [--per-article N] [--seed N] [--model default|learned]
 *
 * Writes bench/results/wrong-char-misses-<half>.tsv (one miss a line: reason, word,
 * slip, context, segmentation, detail) and wrong-char-clean-<half>.tsv, and prints the
 * reasons by count, split by the length of the broken word.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { Linter, learnModel, segment, type LearnedModel, type Lexicon } from '../server/src/core';
import { loadLexicon, loadModel } from '../server/src/node/resources';
import { RESULTS_DIR } from './lib/corpus';
import { articlesOf, sampleArticles, type Half } from './lib/dev-corpus';
import { mulberry32 } from './lib/rng';
import { wrongCharNonWordInjector } from './inject/wrong-char';
import { tokenize } from './inject/types';
import { TextModel } from '../server/src/core/text';
import { SlipIndex } from '../server/src/core/rules/wrong-char/nonword';
import { ARCHIVE_MIN_CHARACTERS, MIN_SCORE, MIN_SCORE_WITH_ARCHIVE, STORY_WORD_DISCOUNT } from '../server/src/core/rules/wrong-char/thresholds';

/** The step that let the slip at run[at] go: the furthest either pair holding it reached. */
function diagnose(index: SlipIndex, minScore: number, run: string, at: number): { reason: string; detail: string } {
  const verdicts = [at - 1, at].filter((i) => i >= 0 && i + 1 < run.length).map((i) => index.verdict(run, i));
  const slips = verdicts.filter((v) => typeof v !== 'string');
  if (slips.length) {
    const best = slips.sort((a, b) => b.score - a.score)[0];
    const detail = `${best.written}→${best.intended} ${best.word}(${best.wordFreq}) gain ${best.gain.toFixed(1)} score ${best.score.toFixed(1)}`;
    if (best.score >= minScore) return { reason: best.at === at ? 'found but dropped (repeat, allow, overlap)' : 'other character picked', detail };
    return { reason: `score < ${minScore} (${best.score < minScore - 3 ? 'far' : 'near'})`, detail };
  }
  const order = [
    'pair-is-word',
    'left-makes-word',
    'right-makes-word',
    'both-stand-alone',
    'not-suspicious',
    'not-stray',
    'single-run',
    'numeral',
    'parallel',
    'surname',
    'no-candidate',
  ];
  const reached = verdicts.map(String).sort((a, b) => order.indexOf(b) - order.indexOf(a));
  return { reason: reached[0] ?? 'no pair', detail: verdicts.join(' ') };
}

/** The lowest gain of a clean candidate listed for reading. */
const FLOOR = 3;

function cli(argv: string[]): void {
  const { values } = parseArgs({
    args: argv,
    options: {
      half: { type: 'string' },
      articles: { type: 'string' },
      'per-article': { type: 'string' },
      seed: { type: 'string' },
      model: { type: 'string' },
    },
  });
  const half = (values.half as Half | undefined) ?? 'A';
  const seed = Number(values.seed ?? 20240601);
  const rng = mulberry32(seed);
  const lexicon: Lexicon = loadLexicon();
  const articles = sampleArticles(articlesOf(half), Number(values.articles ?? 600), rng.fork('lint-sample'));
  let model: LearnedModel = loadModel();
  if (values.model === 'learned') {
    const other = articlesOf(half === 'A' ? 'B' : 'A');
    model = learnModel(
      other.map((a) => ({ path: a.name, content: a.content })),
      lexicon,
    );
  }
  const linter = new Linter({ model, lexicon });
  const minScore = (model.corpus?.characters ?? 0) >= ARCHIVE_MIN_CHARACTERS ? MIN_SCORE_WITH_ARCHIVE : MIN_SCORE;
  // minScore is the bar without the story's evidence; where the story writes the word it is STORY_WORD_DISCOUNT lower.
  const index = new SlipIndex(lexicon, model.corrections?.attested, minScore - STORY_WORD_DISCOUNT);
  const perArticle = Number(values['per-article'] ?? 3);
  const reasons = new Map<string, number>();
  const byLength = new Map<string, number>();
  const lines: string[] = [];
  const cleanLines: string[] = [];
  let injected = 0;
  let found = 0;
  let yielded = 0;
  for (const article of articles) {
    const raw = article.content;
    const text = new TextModel(raw, 'plaintext');
    const clean = linter.lint(raw);
    // Candidates on the clean article, whatever their gain: the false alarms a lower threshold would make.
    for (const run of text.masked.matchAll(/\p{Script=Han}+/gu)) {
      for (let i = 0; i + 1 < run[0].length; i++) {
        const v = index.verdict(run[0], i);
        if (typeof v === 'string' || v.score < FLOOR) continue;
        const at = run.index! + v.at;
        const s = Math.max(0, at - 8);
        cleanLines.push(
          [
            v.score.toFixed(1),
            `${v.written}→${v.intended} ${v.word}(${v.wordFreq})`,
            `${raw.slice(s, at)}【${raw[at]}】${raw.slice(at + 1, at + 9)}`.replace(/\n/g, '⏎'),
            article.name,
          ].join('\t'),
        );
        i++;
      }
    }
    const cands = wrongCharNonWordInjector
      .candidates({ raw, masked: text.masked, lexicon, learning: [], model, tokens: tokenize(text.masked, lexicon), rng: rng.fork(`c:${article.name}`) })
      .filter((c) => !clean.some((f) => f.offset < c.end + 5 && f.offset + f.length > c.start - 5) && text.masked[c.start] === raw[c.start]);
    const picked = rng
      .fork(`p:${article.name}`)
      .shuffle([...cands])
      .slice(0, perArticle);
    for (const inj of picked) {
      injected++;
      const copy = raw.slice(0, inj.start) + inj.replacement + raw.slice(inj.end);
      const findings = linter.lint(copy);
      const on = findings.filter((f) => f.offset <= inj.start && f.offset + Math.max(1, f.length) > inj.start);
      const word = /: (\S+) → (\S+)$/.exec(inj.label)!;
      const lengthKey = `len${word[1].length}`;
      if (on.some((f) => f.rule === 'wrong-char')) {
        found++;
        byLength.set(`${lengthKey} found`, (byLength.get(`${lengthKey} found`) ?? 0) + 1);
        continue;
      }
      if (on.length) yielded++;
      const runs = [...copy.matchAll(/\p{Script=Han}+/gu)];
      const run = runs.find((m) => m.index! <= inj.start && inj.start < m.index! + m[0].length)!;
      const diag = on.length
        ? { reason: `other rule: ${on.map((f) => f.rule).join(',')}`, detail: '' }
        : diagnose(index, minScore, run[0], inj.start - run.index!);
      const key = diag.reason;
      reasons.set(key, (reasons.get(key) ?? 0) + 1);
      byLength.set(`${lengthKey} ${key}`, (byLength.get(`${lengthKey} ${key}`) ?? 0) + 1);
      const s = Math.max(0, inj.start - 8);
      const ctx = `${copy.slice(s, inj.start)}【${copy[inj.start]}】${copy.slice(inj.start + 1, inj.start + 9)}`.replace(/\n/g, '⏎');
      const seg = segment(lexicon, run[0].slice(Math.max(0, inj.start - run.index! - 4), inj.start - run.index! + 5))
        .map((t) => t.word)
        .join('|');
      lines.push([key, word[1], word[2], ctx, seg, diag.detail].join('\t'));
    }
  }
  console.log(`half ${half}, ${articles.length} articles: ${injected} slips, found ${found} (${(found / injected).toFixed(3)}), other rule on span ${yielded}`);
  for (const [k, n] of [...reasons].sort((a, b) => b[1] - a[1])) console.log(`${String(n).padStart(5)}  ${(n / injected).toFixed(3)}  ${k}`);
  console.log('');
  for (const [k, n] of [...byLength].sort()) console.log(`${String(n).padStart(5)}  ${k}`);
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `wrong-char-misses-${half}.tsv`);
  fs.writeFileSync(file, lines.sort().join('\n') + '\n');
  const cleanFile = path.join(RESULTS_DIR, `wrong-char-clean-${half}.tsv`);
  fs.writeFileSync(cleanFile, cleanLines.sort((a, b) => parseFloat(b) - parseFloat(a)).join('\n') + '\n');
  console.log(`\nwrote ${file} and ${cleanFile} (clean candidates with gain ≥ ${FLOOR})`);
}

cli(process.argv.slice(2));
