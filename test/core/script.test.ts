/**
 * Text that is not Chinese is not linted as Chinese: English and Japanese paragraphs are
 * left alone (never "fixed"), whatever rules would otherwise say, while Chinese copy that
 * names things in English or quotes a Japanese title is still linted.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isChineseText } from '../../server/src/core/analysis/script';
import { Linter } from '../../server/src/core';
import { loadLexicon, loadModel } from '../../server/src/node/resources';

const ROOT = path.resolve(__dirname, '../..');

describe('script: which text is Chinese', () => {
  const chinese = [
    '我们要坚持以人民为中心的发展思想。',
    '世界卫生组织（World Health Organization）发布了新的指南，各国卫生部门要认真研究落实。',
    '他在东京看了动画片《ドラえもん》，觉得很有意思，回国后写了一篇长文。',
    '约翰・史密斯说，合作很重要。',
    '2025年，GDP增长5%。',
    '……',
  ];
  const notChinese = [
    'He said “it works…”, and left. The committee will meet again next week.',
    '日本語の文章です。東京で強い雨が降りました。',
    'Die Kommission tritt nächste Woche wieder zusammen, sagte er.',
  ];
  for (const text of chinese) it(`Chinese: ${text}`, () => assert.equal(isChineseText(text), true));
  for (const text of notChinese) it(`not Chinese: ${text}`, () => assert.equal(isChineseText(text), false));
});

describe('engine: English and Japanese are left alone', () => {
  const linter = new Linter({ model: loadModel(), lexicon: loadLexicon() });

  it('an English paragraph keeps its quotes, ellipsis and commas; the Chinese paragraph beside it is linted', () => {
    const text = 'He said “it works…”, and left. Then the meeting went on for an hour.\n\n我们要以此为为抓手,推进工作。\n';
    const findings = linter.lint(text);
    assert.ok(findings.length >= 2);
    assert.ok(
      findings.every((f) => f.offset > text.indexOf('\n\n')),
      JSON.stringify(findings.map((f) => f.rule)),
    );
  });

  it('a Chinese paragraph in a text that is not Chinese as a whole still has its doubled word found', () => {
    const english = 'The committee met on Monday and agreed on the plan. It will meet again next week to review the progress made by each team.\n\n';
    const text = english + '我们要以社区为为重点推进工作。\n\nThe minutes will be published on the website after the meeting ends.\n';
    const doubled = linter.lint(text).filter((f) => f.rule === 'duplicate-word');
    assert.deepEqual(
      doubled.map((f) => text.slice(f.offset, f.offset + f.length)),
      ['为为'],
    );
    assert.equal(doubled[0].offset, english.length + '我们要以社区'.length);
  });

  it('Japanese kanji are not Traditional Chinese characters', () => {
    const text = '日本語の文章です。東京で強い雨が降りました。漢字の語彙を学ぶ。\n';
    assert.deepEqual(linter.lint(text), []);
  });

  it("jiaodui's own docs lint clean", () => {
    const docs = [
      'README.md',
      'CHANGELOG.md',
      ...fs
        .readdirSync(path.join(ROOT, 'docs'))
        .filter((f) => f.endsWith('.md'))
        .map((f) => `docs/${f}`),
    ];
    for (const doc of docs) {
      const findings = linter.lint(fs.readFileSync(path.join(ROOT, doc), 'utf8'), 'markdown');
      assert.deepEqual(
        findings.map((f) => `${f.rule} ${f.message}`),
        [],
        doc,
      );
    }
  });
});
