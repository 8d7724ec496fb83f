import * as assert from 'node:assert/strict';
import { ParagraphCache } from '../../server/src/core/paragraph-cache';
import type { Finding } from '../../server/src/core';

const finding = (offset: number): Finding => ({ rule: 'r', severity: 'warning', message: 'm', offset, length: 1, fixes: [] });
const paragraph = (i: number, length = 40) => `第${i}段`.padEnd(length, '文');

describe('paragraph cache: bounded by characters, least recently used out first', () => {
  it('holds no more characters than its capacity, whatever the number of paragraphs', () => {
    const cache = new ParagraphCache(1_000);
    for (let i = 0; i < 500; i++) {
      cache.beginLint();
      cache.set(paragraph(i), []);
    }
    assert.ok(cache.size <= 1_000, `size ${cache.size}`);
    assert.equal(cache.count, 25, '1,000 characters hold 25 paragraphs of 40');
    assert.ok(cache.get(paragraph(499)), 'the newest stays');
    assert.equal(cache.get(paragraph(0)), undefined, 'the oldest went');
  });

  it('weighs findings too, and keeps a paragraph used again over the ones typed over', () => {
    const cache = new ParagraphCache(1_000);
    const open = '正在编辑的文档里没有改过的段落'.repeat(3);
    cache.beginLint();
    cache.set(open, [finding(1), finding(2)]);
    assert.equal(cache.size, open.length + 2 * 200);
    for (let i = 0; i < 40; i++) {
      cache.beginLint();
      assert.ok(cache.get(open), `still there after ${i} versions of another paragraph`);
      cache.set(paragraph(i, 100), []);
    }
    assert.ok(cache.size <= 1_000, `size ${cache.size}`);
  });

  it('holds a document larger than the cache whole while it is linted, and lets it go after', () => {
    const cache = new ParagraphCache(1_000);
    cache.beginLint();
    for (let i = 0; i < 50; i++) cache.set(paragraph(i), []);
    assert.equal(cache.count, 50, 'one lint of 2,000 characters is held whole');
    cache.beginLint();
    for (let i = 0; i < 50; i++) assert.ok(cache.get(paragraph(i)), `the next lint finds paragraph ${i}`);
    cache.beginLint();
    cache.set('另一篇文档的段落', []);
    assert.ok(cache.size <= 1_000, 'a later lint of something else brings it back under the capacity');
  });

  it('does not count a replaced entry twice', () => {
    const cache = new ParagraphCache(1_000);
    cache.beginLint();
    cache.set('短段落', []);
    cache.set('短段落', [finding(0)]);
    assert.equal(cache.count, 1);
    assert.equal(cache.size, 3 + 200);
  });
});
