/**
 * The language server's plain functions (fix-all composition, carrying findings
 * across an edit, the allow-list JSON edit, Simplified conversion) and an in-process
 * server with hand-made rules: a rule that throws is logged once and skipped.
 */
import * as assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { ProposedFeatures, createConnection } from 'vscode-languageserver/node';
import { Linter, fixAll } from '../../server/src/core/engine';
import { applyEdits } from '../../server/src/core/fixes';
import type { Finding, Rule } from '../../server/src/core/types';
import { fixAllEdits } from '../../server/src/lsp/edits';
import { addAllowedWord } from '../../server/src/lsp/project';
import { carryFindings, mergeFindings, SplitLinter } from '../../server/src/lsp/splitLinter';
import { toSimplifiedEdits } from '../../server/src/lsp/convert';
import { ignoreEdit } from '../../server/src/lsp/codeActions';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { repositoryWebUrl } from '../../server/src/node/package-info';
import { startServer } from '../../server/src/server';
import { emptyModelOptions } from '../support/resources';
import { LspClient, applyTextEdits } from './lsp-client';

function rule(id: string, scope: 'paragraph' | 'document', check: (text: string, report: (f: Omit<Finding, 'rule' | 'severity'>) => void) => void): Rule {
  const meta = {
    id,
    category: 'duplication' as const,
    defaultSeverity: 'warning' as const,
    fixable: true,
    fixKind: 'safe' as const,
    scope,
    docs: { summary: `测试规则 ${id}`, gloss: id, why: '测试', example: { bad: 'XX', good: 'X' } },
  };
  const run = (ctx: Parameters<NonNullable<Rule['checkDocument']>>[0]) => check(ctx.text.raw, (f) => ctx.report(f));
  return scope === 'paragraph' ? { meta, checkParagraph: (ctx) => run(ctx) } : { meta, checkDocument: (ctx) => run(ctx) };
}

/** Every "XX": replace the pair by one X (overlapping findings on XXX, so fix-all needs passes). */
const pairs = rule('test-pairs', 'paragraph', (text, report) => {
  for (let i = text.indexOf('XX'); i >= 0; i = text.indexOf('XX', i + 1)) {
    report({ message: '重复的 X', offset: i, length: 2, fixes: [{ title: '删去一个 X', edits: [{ offset: i, length: 2, newText: 'X' }] }] });
  }
});
/** "ab" → "a-b" by an insertion: an empty edit next to other edits. */
const hyphen = rule('test-hyphen', 'paragraph', (text, report) => {
  for (let i = text.indexOf('ab'); i >= 0; i = text.indexOf('ab', i + 1)) {
    report({ message: '缺连字符', offset: i, length: 2, fixes: [{ title: '加连字符', edits: [{ offset: i + 1, length: 0, newText: '-' }] }] });
  }
});
/** A document rule with a two-edit fix: ( … ] → ( … ). */
const brackets = rule('test-brackets', 'document', (text, report) => {
  const open = text.indexOf('(');
  const close = text.indexOf(']', open);
  if (open >= 0 && close > open) {
    report({
      message: '括号不配对',
      offset: open,
      length: close - open + 1,
      fixes: [
        {
          title: '配对',
          edits: [
            { offset: open, length: 1, newText: '(' },
            { offset: close, length: 1, newText: ')' },
          ],
        },
      ],
    });
  }
});
const RULE_SET = [pairs, hyphen, brackets];

describe('language server: fix-all as edits against the original text', () => {
  const options = { ...emptyModelOptions() };

  function check(text: string): void {
    const linter = new SplitLinter(options, RULE_SET);
    const result = fixAllEdits(text, (t) => linter.lint(t, 'plaintext'));
    const core = fixAll(text, options, new Linter(options, RULE_SET));
    assert.equal(result.text, core.text, `fix-all text for ${JSON.stringify(text)}`);
    assert.equal(applyEdits(text, result.edits), core.text, `composed edits for ${JSON.stringify(text)}`);
    const sorted = [...result.edits].sort((a, b) => a.offset - b.offset);
    for (let i = 1; i < sorted.length; i++) assert.ok(sorted[i - 1].offset + sorted[i - 1].length <= sorted[i].offset, 'edits do not overlap');
  }

  it('composes overlapping passes (XXXX → X) and keeps untouched text out of the edits', () => {
    check('XXXX');
    check('aXXXXb and XXX, ab (x]');
    const linter = new SplitLinter(options, RULE_SET);
    const { edits } = fixAllEdits('前文很长很长 XXX 后文也很长', (t) => linter.lint(t, 'plaintext'));
    assert.equal(edits.length, 1);
    assert.deepEqual(edits[0], { offset: 7, length: 3, newText: 'X' });
  });

  it('agrees with the core on random texts', () => {
    let seed = 12345;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const alphabet = ['X', 'X', 'a', 'b', '(', ']', ' ', '\n', '𠮷', '中'];
    for (let n = 0; n < 300; n++) {
      const length = 1 + Math.floor(random() * 24);
      let text = '';
      for (let i = 0; i < length; i++) text += alphabet[Math.floor(random() * alphabet.length)];
      check(text);
    }
  });

  it('limits fix-all to one rule when asked', () => {
    const linter = new SplitLinter(options, RULE_SET);
    const result = fixAllEdits(
      'XX ab',
      (t) => linter.lint(t, 'plaintext'),
      (f) => f.rule === 'test-hyphen',
    );
    assert.equal(result.text, 'XX a-b');
  });
});

describe('language server: carrying document findings across an edit', () => {
  const finding = (offset: number, length: number, editOffset = offset): Finding => ({
    rule: 'r',
    severity: 'warning',
    message: 'm',
    offset,
    length,
    fixes: [{ title: 't', edits: [{ offset: editOffset, length: 1, newText: 'x' }] }],
  });

  it('moves findings after the change, keeps those before, drops those it touches', () => {
    const findings = [finding(0, 2), finding(5, 2), finding(10, 2)];
    // Insert 3 characters at 7 (right after the second finding).
    const carried = carryFindings(findings, [{ start: 7, end: 7, length: 3 }]);
    assert.deepEqual(
      carried.map((f) => [f.offset, f.fixes[0].edits[0].offset]),
      [
        [0, 0],
        [5, 5],
        [13, 13],
      ],
    );
    // Replace [5, 6): inside the second finding.
    assert.deepEqual(
      carryFindings(findings, [{ start: 5, end: 6, length: 1 }]).map((f) => f.offset),
      [0, 10],
    );
    // Delete [2, 5): between the first two; the later ones move back.
    assert.deepEqual(
      carryFindings(findings, [{ start: 2, end: 5, length: 0 }]).map((f) => f.offset),
      [0, 2, 7],
    );
  });

  it('applies several changes in order', () => {
    const carried = carryFindings(
      [finding(10, 2)],
      [
        { start: 0, end: 0, length: 1 },
        { start: 0, end: 2, length: 0 },
      ],
    );
    assert.deepEqual(
      carried.map((f) => f.offset),
      [9],
    );
  });

  it('a split linter gives what one linter gives', () => {
    const options = emptyModelOptions();
    const text = 'XXX (ab]\n\nab XX';
    const split = new SplitLinter(options, RULE_SET);
    const whole = new Linter(options, RULE_SET).lint(text);
    assert.deepEqual(split.lint(text, 'plaintext'), whole);
    assert.deepEqual(mergeFindings([], whole), whole);
  });
});

describe('language server: small pure helpers', () => {
  it('adds a word to allow, keeping other keys, order and indentation', () => {
    const before = '{\n    "rules": { "x": "off" },\n    "allow": ["甲"],\n    "model": "m.json"\n}\n';
    const { text, changed } = addAllowedWord(before, '乙');
    assert.ok(changed);
    assert.deepEqual(JSON.parse(text), { rules: { x: 'off' }, allow: ['甲', '乙'], model: 'm.json' });
    assert.ok(text.startsWith('{\n    "rules"'));
    assert.deepEqual(addAllowedWord(text, '乙'), { text, changed: false });
    assert.deepEqual(JSON.parse(addAllowedWord('', '丙').text), { allow: ['丙'] });
    assert.throws(() => addAllowedWord('[1]', '丁'));
    assert.throws(() => addAllowedWord('{ not json', '丁'));
  });

  it('converts Traditional to Simplified with edits that touch only changed characters', () => {
    const text = '今天，醫療衛生工作會議召開。\n第二行 plain\n𠮷後來';
    const edits = toSimplifiedEdits(text);
    assert.equal(applyTextEdits(text, edits), '今天，医疗卫生工作会议召开。\n第二行 plain\n𠮷后来');
    assert.equal(edits.length, 2, 'one edit per changed line');
    assert.equal(edits[0].range.start.character, 3);
    assert.equal(edits[1].range.start.character, 2, 'after the surrogate pair, in UTF-16 units');
    assert.deepEqual(toSimplifiedEdits('全是简体。'), []);
  });

  it('links rule docs into the repository named in package.json', () => {
    assert.equal(repositoryWebUrl('git+https://github.com/acme/jiaodui.git'), 'https://github.com/acme/jiaodui');
    assert.equal(repositoryWebUrl('github:acme/jiaodui'), 'https://github.com/acme/jiaodui');
    assert.equal(repositoryWebUrl('git@github.com:acme/jiaodui.git'), 'https://github.com/acme/jiaodui');
    assert.equal(repositoryWebUrl('acme/jiaodui'), 'https://github.com/acme/jiaodui');
  });
});

describe('language server in process: a rule that throws', () => {
  it('is reported once in the log and skipped; the other rules still publish', async () => {
    const boom = rule('test-boom', 'paragraph', () => {
      throw new Error('规则内部错误');
    });
    const toServer = new PassThrough();
    const toClient = new PassThrough();
    const connection = createConnection(ProposedFeatures.all, new StreamMessageReader(toServer), new StreamMessageWriter(toClient));
    startServer({ connection, rules: [boom, pairs] });
    const client = await LspClient.start({ streams: { input: toClient, output: toServer }, settings: { debounceMs: 0 } });
    try {
      for (const name of ['a', 'b']) {
        const uri = `untitled:${name}`;
        await client.open(uri, 'XX 与 XX');
        const { diagnostics } = await client.waitForDiagnostics(uri, (p) => p.version === 1);
        assert.deepEqual(
          diagnostics.map((d) => d.code),
          ['test-pairs', 'test-pairs'],
        );
      }
      const reports = client.logs.filter((l) => l.message.includes('test-boom'));
      assert.equal(reports.length, 1, 'logged once');
      assert.match(reports[0].message, /规则内部错误/);
    } finally {
      await client.stop();
      connection.dispose();
    }
  });
});

describe('language server in process: document rules on a large document', () => {
  it('carries document findings across a keystroke, then refreshes them when typing pauses', async function () {
    this.timeout(20_000);
    // Slow enough (> 15 ms) that the server defers it while typing.
    const slowOpenParens = rule('test-slow-parens', 'document', (text, report) => {
      const until = performance.now() + 25;
      while (performance.now() < until) {
        // Busy: stands in for a rule that reads the whole document.
      }
      for (let i = text.indexOf('('); i >= 0; i = text.indexOf('(', i + 1)) report({ message: '左括号', offset: i, length: 1, fixes: [] });
    });
    const toServer = new PassThrough();
    const toClient = new PassThrough();
    const connection = createConnection(ProposedFeatures.all, new StreamMessageReader(toServer), new StreamMessageWriter(toClient));
    startServer({ connection, rules: [slowOpenParens, pairs] });
    const client = await LspClient.start({ streams: { input: toClient, output: toServer }, settings: { debounceMs: 0 } });
    const uri = 'untitled:slow';
    const summary = (p: { diagnostics: Array<{ code?: unknown; range: { start: { character: number; line: number } } }> }) =>
      p.diagnostics.map((d) => `${d.code}@${d.range.start.line}:${d.range.start.character}`).sort();
    try {
      await client.open(uri, '(甲\n\n乙(');
      const opened = await client.waitForDiagnostics(uri, (p) => p.version === 1);
      assert.deepEqual(summary(opened), ['test-slow-parens@0:0', 'test-slow-parens@2:1']);

      // Typing "XX" at the start: the paragraph rule runs at once; the parens are carried.
      await client.change(uri, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'XX' }]);
      const fast = await client.waitForDiagnostics(uri, (p) => p.version === 2);
      assert.deepEqual(summary(fast), ['test-pairs@0:0', 'test-slow-parens@0:2', 'test-slow-parens@2:1']);

      // Deleting a paren: the finding it held is dropped at once, not left dangling.
      await client.change(uri, 3, [{ range: { start: { line: 0, character: 2 }, end: { line: 0, character: 3 } }, text: '' }]);
      const dropped = await client.waitForDiagnostics(uri, (p) => p.version === 3);
      assert.deepEqual(summary(dropped), ['test-pairs@0:0', 'test-slow-parens@2:1']);

      // After the pause the document rule runs on version 3 and publishes again for it.
      await client.change(uri, 4, [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: '(' }]);
      await client.waitForDiagnostics(uri, (p) => p.version === 4);
      const refreshed = await client.waitForDiagnostics(uri, (p) => p.version === 4, { timeout: 5000 });
      assert.deepEqual(summary(refreshed), ['test-pairs@0:0', 'test-slow-parens@2:0', 'test-slow-parens@2:2']);
      const versions = client.published.filter((p) => p.uri === uri).map((p) => p.version);
      assert.ok(!versions.slice(versions.indexOf(4)).some((v) => v !== 4), 'nothing older after version 4');
    } finally {
      await client.stop();
      connection.dispose();
    }
  });
});

describe('language server in process: the first lint of a large document', () => {
  it('is done in slices, and closing the document stops it', async function () {
    this.timeout(20_000);
    let checked = 0;
    const counting = rule('test-counting', 'paragraph', () => {
      checked++;
    });
    const toServer = new PassThrough();
    const toClient = new PassThrough();
    const connection = createConnection(ProposedFeatures.all, new StreamMessageReader(toServer), new StreamMessageWriter(toClient));
    startServer({ connection, rules: [counting, pairs] });
    const client = await LspClient.start({ streams: { input: toClient, output: toServer }, settings: { debounceMs: 0 } });
    try {
      const paragraphs = Array.from({ length: 500 }, (_, i) => `第${i}段`.padEnd(200, '文'));
      const big = 'untitled:big';
      await client.open(big, paragraphs.join('\n\n'));
      await client.close(big);
      await client.open('untitled:small', 'XX');
      await client.waitForDiagnostics('untitled:small', (p) => p.diagnostics.length === 1);
      assert.ok(checked < 250, `abandoned early: ${checked} of 500 paragraphs checked`);
      assert.ok(!client.published.some((p) => p.uri === big && p.diagnostics.length > 0));

      // Left open, the same document is linted completely, each paragraph once.
      checked = 0;
      const again = 'untitled:big-again';
      await client.open(again, paragraphs.map((p) => p.replace('段', '节')).join('\n\n') + '\n\nXX');
      await client.waitForDiagnostics(again, (p) => p.diagnostics.length === 1);
      // 500 new paragraphs; the "XX" paragraph is already cached from the small document.
      assert.equal(checked, 500);
    } finally {
      await client.stop();
      connection.dispose();
    }
  });
});

describe('language server: ignore-here joins an existing marker', () => {
  const doc = (text: string, languageId = 'plaintext') => TextDocument.create('file:///a.txt', languageId, 1, text);
  it('adds the rule after the last one, before a closing -->, even after a long blank tail', () => {
    const tail = ' '.repeat(50_000);
    const started = Date.now();
    assert.deepEqual(ignoreEdit(doc(`<!-- jiaodui-disable-next-line stray-digits  -->${tail}\n为为\n`, 'markdown'), 1, 'duplicate-word').range.start, {
      line: 0,
      character: 43,
    });
    assert.ok(Date.now() - started < 2000, 'the backtracking form took ~6 s at 50,000 blanks');
    assert.deepEqual(ignoreEdit(doc('jiaodui-disable-next-line stray-digits \t\n为为\n'), 1, 'duplicate-word').range.start, { line: 0, character: 38 });
  });

  it('writes a new marker above when the line above lists no rule', () => {
    const edit = ignoreEdit(doc('<!-- jiaodui-disable-next-line -->\n为为\n', 'markdown'), 1, 'duplicate-word');
    assert.match(edit.newText, /jiaodui-disable-next-line duplicate-word/);
  });
});
