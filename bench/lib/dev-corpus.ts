/**
 * The development corpus (../shared/dev-corpus, see its README): professionally edited
 * news and official text, a world larger than the seeds and different from them. It is
 * read from beside the checkout and never copied into the repository.
 *
 * A file holds many articles (one paragraph a line, a blank line between articles, the
 * first line a headline), so it is split into articles: one article is one document,
 * as a draft is one story, or document-scope rules would compare different stories.
 *
 * The fixed A/B split keeps learning and judging apart, as a newsroom would live it:
 * half A (2024 news, and every other official report) is what a model is learned from
 * and thresholds are tuned on; half B (2025 news, the other reports) is only ever linted,
 * so a figure measured on B is a fair check.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT, type SeedDoc } from './corpus';
import type { Rng } from './rng';

export const DEV_CORPUS_DIR = path.resolve(REPO_ROOT, '..', 'shared', 'dev-corpus');
export const DEV_NEWS_DIR = path.join(DEV_CORPUS_DIR, 'news');

export type Half = 'A' | 'B';

export interface Article extends SeedDoc {
  /** The corpus file the article comes from, e.g. cctv_xwlb_2025-01.txt. */
  file: string;
  /** 1-based position of the article in its file. */
  index: number;
  half: Half;
}

export function devCorpusAvailable(dir = DEV_NEWS_DIR): boolean {
  return fs.existsSync(dir) && fs.readdirSync(dir).some((f) => f.endsWith('.txt'));
}

/** Which half a file's article belongs to: by year for the news, alternating for reports. */
export function halfOf(file: string, index: number): Half {
  const year = /_(\d{4})-\d{2}\.txt$/.exec(file);
  if (year) return year[1] === '2024' ? 'A' : 'B';
  return index % 2 === 1 ? 'A' : 'B';
}

/** Every article of the corpus, in file order; `name` is "file#index" for reports. */
export function loadArticles(dir = DEV_NEWS_DIR): Article[] {
  if (!devCorpusAvailable(dir)) return [];
  const articles: Article[] = [];
  for (const file of fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()) {
    const content = fs.readFileSync(path.join(dir, file), 'utf8').replace(/\r\n?/g, '\n');
    let index = 0;
    for (const block of content.split(/\n[ \t\u3000]*\n/)) {
      const text = block.replace(/^\n+|\n+$/g, '');
      if (text.trim().length === 0) continue;
      index++;
      articles.push({
        name: `${file}#${index}`,
        path: path.join(dir, file),
        content: text + '\n',
        language: 'plaintext',
        file,
        index,
        half: halfOf(file, index),
      });
    }
  }
  return articles;
}

export function articlesOf(half: Half, dir = DEV_NEWS_DIR): Article[] {
  return loadArticles(dir).filter((a) => a.half === half);
}

/**
 * A seeded sample of at most `count` articles (all of them when count ≥ their number),
 * returned in corpus order so reports read naturally.
 */
export function sampleArticles(articles: readonly Article[], count: number, rng: Rng): Article[] {
  if (count >= articles.length) return [...articles];
  const picked = new Set(rng.shuffle(articles.map((_, i) => i)).slice(0, count));
  return articles.filter((_, i) => picked.has(i));
}

export const characterCount = (docs: readonly { content: string }[]): number => docs.reduce((n, d) => n + d.content.length, 0);
