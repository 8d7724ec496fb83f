/**
 * The development-corpus harness on a tiny self-written corpus laid out like the real
 * one (one paragraph a line, a blank line between articles, a headline first): articles
 * are split right, the A/B halves are fixed, and a run produces a report per model.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { halfOf, loadArticles, sampleArticles } from '../../bench/lib/dev-corpus';
import { mulberry32 } from '../../bench/lib/rng';
import { runDevQuality } from '../../bench/dev-quality';

function writeCorpus(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jiaodui-dev-'));
  const article = (n: number) =>
    `第${n}条新闻的标题 今天发布\n本报讯 记者王小明报道：市政府今天召开会议，研究部署全年工作。\n会议要求，各部门要把工作做细做实。\n`;
  const month = (first: number) => [0, 1, 2, 3].map((i) => article(first + i)).join('\n');
  fs.writeFileSync(path.join(dir, 'news_2024-01.txt'), month(1));
  fs.writeFileSync(path.join(dir, 'news_2025-01.txt'), month(11));
  fs.writeFileSync(path.join(dir, 'reports.txt'), `报告一\n第一段。\n\n报告二\n第二段。\n`);
  return dir;
}

describe('bench: development-corpus harness', () => {
  const dir = writeCorpus();
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('splits files into articles at blank lines, headline first', () => {
    const articles = loadArticles(dir);
    assert.equal(articles.length, 10);
    assert.equal(articles[0].name, 'news_2024-01.txt#1');
    assert.ok(articles[0].content.startsWith('第1条新闻的标题'));
    assert.ok(articles.every((a) => !a.content.includes('\n\n')));
  });

  it('keeps the halves apart: 2024 news and odd reports learn (A), 2025 news and even reports are linted (B)', () => {
    assert.equal(halfOf('cctv_xwlb_2024-03.txt', 7), 'A');
    assert.equal(halfOf('cctv_xwlb_2025-03.txt', 7), 'B');
    assert.equal(halfOf('reports.txt', 1), 'A');
    assert.equal(halfOf('reports.txt', 2), 'B');
    const halves = loadArticles(dir).map((a) => a.half);
    assert.deepEqual(halves.filter((h) => h === 'A').length, 5);
  });

  it('samples deterministically for a given seed', () => {
    const articles = loadArticles(dir);
    const a = sampleArticles(articles, 3, mulberry32(1)).map((x) => x.name);
    const b = sampleArticles(articles, 3, mulberry32(1)).map((x) => x.name);
    assert.deepEqual(a, b);
    assert.equal(a.length, 3);
  });

  it('reports each model on half B, with a model learned from half A', function () {
    this.timeout(60_000);
    const report = runDevQuality({ dir, articles: 5, rounds: 1, perFamily: 1, resultsDir: path.join(dir, 'results') });
    assert.ok(report);
    assert.equal(report.articles, 5);
    assert.deepEqual(
      report.models.map((m) => m.model),
      ['default', 'learned'],
    );
    assert.equal(report.models[1].learnedFrom?.articles, 5);
    for (const m of report.models) assert.ok(fs.existsSync(m.findingsFile));
  });

  it('says so when the corpus is absent', () => {
    assert.equal(runDevQuality({ dir: path.join(dir, 'missing') }), null);
  });
});
