import * as assert from 'node:assert/strict';
import { TextModel } from '../../server/src/core/text';

describe('TextModel', () => {
  it('counts offsets in UTF-16 code units: 𠮷 occupies two', () => {
    const text = new TextModel('𠮷野家\n为为抓手');
    assert.equal(text.raw.indexOf('为'), 5);
    assert.deepEqual(text.positionAt(5), { line: 1, character: 0 });
    assert.deepEqual(text.positionAt(3), { line: 0, character: 3 });
    assert.equal(text.offsetAt({ line: 1, character: 1 }), 6);
  });

  it('handles CRLF, CR and mixed line endings', () => {
    const text = new TextModel('甲\r\n乙\r丙\n丁');
    assert.equal(text.lineCount, 4);
    assert.deepEqual(text.positionAt(text.raw.indexOf('丙')), { line: 2, character: 0 });
    assert.equal(text.lineText(0), '甲');
    assert.equal(text.lineEnd(0), 1);
  });

  it('splits paragraphs on blank lines, including lines of spaces', () => {
    const text = new TextModel('第一段\n续行\n\n  \n第二段\r\n\r\n第三段');
    assert.deepEqual(
      text.paragraphs.map((p) => text.raw.slice(p.start, p.end)),
      ['第一段\n续行', '第二段', '第三段'],
    );
  });

  it('masks a BOM without shifting offsets', () => {
    const text = new TextModel('\uFEFF为为');
    assert.equal(text.masked.length, text.raw.length);
    assert.equal(text.masked[0], ' ');
    assert.equal(text.paragraphs[0].start, 1);
  });

  it('masks Markdown code, front matter, comments, links and URLs, keeping length', () => {
    const raw = '---\ntitle: 为为\n---\n正文`为为`和 https://example.com/为为 以及[链接](http://a.b/c)。\n\n```\n为为\n```\n<!-- 为为 -->\n尾';
    const text = new TextModel(raw, 'markdown');
    assert.equal(text.masked.length, raw.length);
    assert.ok(!text.masked.includes('为为'), text.masked);
    assert.ok(text.masked.includes('正文'));
    assert.ok(text.masked.includes('[链接'));
    assert.ok(text.masked.includes('尾'));
  });

  it('reads disable directives in HTML-comment and bare-line form', () => {
    const text = new TextModel('<!-- jiaodui-disable-next-line duplicate-word -->\n为为\njiaodui-disable\n甲\njiaodui-enable stray-digits, cjk-spacing');
    assert.deepEqual(text.directives, [
      { kind: 'disable-next-line', rules: ['duplicate-word'], line: 0 },
      { kind: 'disable', rules: null, line: 2 },
      { kind: 'enable', rules: ['stray-digits', 'cjk-spacing'], line: 4 },
    ]);
    assert.ok(!text.masked.includes('jiaodui'));
  });

  it('reads a directive followed by a long blank tail in linear time', () => {
    const tail = ' '.repeat(100_000);
    const started = process.hrtime.bigint();
    const text = new TextModel(`<!-- jiaodui-disable-next-line duplicate-word -->${tail}\njiaodui-disable${tail}x\n`);
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    assert.deepEqual(text.directives, [
      { kind: 'disable-next-line', rules: ['duplicate-word'], line: 0 },
      { kind: 'disable', rules: ['x'], line: 1 },
    ]);
    // The backtracking form took 2.4 s at 40,000 blanks and grows with the square: 100,000 took ~15 s.
    assert.ok(ms < 2000, `${ms} ms`);
  });
});
