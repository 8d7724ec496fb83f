import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { RULES } from '../../server/src/core';
import { escapeData, escapeProperty } from '../../server/src/cli/formats/github';
import { diagnosticJson } from '../../server/src/cli/formats/json';
import type { CliDiagnostic } from '../../server/src/cli/report';
import { DUPLICATE, HALF_WIDTH, ROOT, diagnosticsOf, lintJson, only, removeTempDirs, run, tempDir, write } from './support';

const TWO_RULES = only('duplicate-word', 'punctuation-width');

/** The parts of a SARIF log these tests read (the schema checks the rest). */
interface SarifView {
  version: string;
  runs: Array<{
    columnKind: string;
    tool: { driver: { name: string; rules: Array<{ id: string; helpUri: string }> } };
    results: Array<{
      ruleId: string;
      level: string;
      locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number; endColumn: number } } }>;
      fixes: Array<{ artifactChanges: Array<{ replacements: unknown[] }> }>;
    }>;
    invocations: Array<{ executionSuccessful: boolean; toolExecutionNotifications: unknown[] }>;
  }>;
}

function keys(value: object): string[] {
  return Object.keys(value);
}

describe('cli: output formats', () => {
  after(removeTempDirs);

  it('json: exactly the documented shape, offsets into the decoded text', () => {
    const dir = tempDir();
    const text = `标题\n\n${DUPLICATE}，${HALF_WIDTH}。\n`;
    write(dir, 'drafts/a.txt', text);
    const { code, report } = lintJson(['drafts', ...TWO_RULES, '--rule', 'punctuation-width=warning'], { cwd: dir });
    assert.equal(code, 1);
    assert.deepEqual(keys(report), ['version', 'files', 'summary']);
    assert.equal(report.version, 1);
    assert.deepEqual(keys(report.summary), ['files', 'errors', 'warnings', 'infos']);
    assert.equal(report.files.length, 1);
    assert.deepEqual(keys(report.files[0]), ['path', 'diagnostics']);
    assert.equal(report.files[0].path, 'drafts/a.txt');
    const all = report.files[0].diagnostics;
    assert.ok(all.length >= 2);
    for (const d of all) {
      assert.deepEqual(keys(d), ['rule', 'severity', 'message', 'offset', 'length', 'range', 'fixes']);
      assert.deepEqual(keys(d.range), ['start', 'end']);
      assert.deepEqual(keys(d.range.start), ['line', 'character']);
      for (const fix of d.fixes) {
        assert.deepEqual(keys(fix), ['title', 'kind', 'edits']);
        assert.ok(fix.kind === 'safe' || fix.kind === 'suggestion');
        for (const edit of fix.edits) assert.deepEqual(keys(edit), ['offset', 'length', 'newText']);
      }
    }
    const summary = { files: 1, errors: 0, warnings: 0, infos: 0 };
    for (const d of all) {
      if (d.severity === 'error') summary.errors++;
      else if (d.severity === 'warning') summary.warnings++;
      else summary.infos++;
    }
    assert.deepEqual(report.summary, summary);

    const [dup] = diagnosticsOf(report, 'duplicate-word');
    // The rule may flag the extra copy or the doubled pair; either way the range holds only 为.
    assert.match(text.slice(dup.offset, dup.offset + dup.length), /^为{1,2}$/);
    assert.equal(dup.range.start.line, 2);
    assert.equal(dup.range.start.character, dup.offset - text.indexOf(DUPLICATE));
    assert.deepEqual(dup.range.end, { line: 2, character: dup.range.start.character + dup.length });
    const [comma] = diagnosticsOf(report, 'punctuation-width');
    assert.equal(text.slice(comma.offset, comma.offset + comma.length), ',');
    assert.deepEqual(comma.range.end, { line: 2, character: comma.range.start.character + 1 });
  });

  it('json: a diagnostic is written as JSON.stringify writes its documented copy, whatever its strings hold', () => {
    const awkward = ['引号"与\\反斜杠', '换行\n回车\r制表\t', '\u0000\u001f\u2028\u2029', '𠮷', '\ud842 孤立代理', ''];
    for (const text of awkward) {
      const d: CliDiagnostic & { internal?: string } = {
        rule: 'fixed-phrase',
        severity: 'warning',
        message: text,
        offset: 3,
        length: 2,
        range: { start: { line: 0, character: 3 }, end: { line: 1, character: 0 } },
        fixes: [
          {
            title: text,
            kind: 'suggestion',
            edits: [{ offset: 3, length: 2, newText: text, range: { start: { line: 0, character: 3 }, end: { line: 0, character: 5 } } }],
          },
          { title: '删除', kind: 'safe', edits: [] },
        ],
        internal: 'never written',
      };
      const documented = {
        rule: d.rule,
        severity: d.severity,
        message: d.message,
        offset: d.offset,
        length: d.length,
        range: { start: { line: 0, character: 3 }, end: { line: 1, character: 0 } },
        fixes: d.fixes.map((f) => ({ title: f.title, kind: f.kind, edits: f.edits.map((e) => ({ offset: e.offset, length: e.length, newText: e.newText })) })),
      };
      assert.equal(diagnosticJson(d), JSON.stringify(documented), JSON.stringify(text));
    }
  });

  it('json: 𠮷 before a finding shifts offsets by two UTF-16 units, BOM excluded, CRLF lines counted', () => {
    const dir = tempDir();
    const text = `𠮷𠮷。\r\n${'𠮷'}${HALF_WIDTH}\r\n`;
    write(dir, 'a.txt', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]));
    const { report } = lintJson(['a.txt', ...TWO_RULES], { cwd: dir });
    const [comma] = diagnosticsOf(report, 'punctuation-width');
    assert.ok(comma, JSON.stringify(report));
    assert.equal(comma.offset, text.indexOf(','));
    assert.equal(comma.offset, 4 + 1 + 2 + 2 + 2);
    assert.deepEqual(comma.range.start, { line: 1, character: 4 });
    assert.equal(comma.fixes[0].edits[0].offset, comma.offset);
  });

  it('sarif: valid against the SARIF 2.1.0 schema, with rules, regions and fixes', () => {
    const dir = tempDir();
    write(dir, 'drafts/新闻 稿.txt', `${DUPLICATE}，${HALF_WIDTH}。\n`);
    write(dir, 'drafts/clean.md', '# 标题\n\n正文。\n');
    const result = run(['lint', 'drafts', '--format', 'sarif', ...TWO_RULES], { cwd: dir });
    assert.equal(result.code, 1, result.stderr);
    const log = JSON.parse(result.stdout) as SarifView;
    const schema = JSON.parse(fs.readFileSync(path.join(ROOT, 'test/fixtures/sarif-schema-2.1.0.json'), 'utf8'));
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    assert.ok(validate(structuredClone(log)), JSON.stringify(validate.errors, null, 2));

    const [sarifRun] = log.runs;
    assert.equal(log.version, '2.1.0');
    assert.equal(sarifRun.columnKind, 'utf16CodeUnits');
    assert.equal(sarifRun.tool.driver.name, 'jiaodui');
    assert.deepEqual(
      sarifRun.tool.driver.rules.map((r) => r.id),
      RULES.map((r) => r.meta.id),
    );
    for (const rule of sarifRun.tool.driver.rules) assert.match(rule.helpUri, new RegExp(`docs/rules\\.md#${rule.id}$`));
    const dup = sarifRun.results.find((r) => r.ruleId === 'duplicate-word')!;
    assert.equal(dup.level, 'error');
    const location = dup.locations[0].physicalLocation;
    assert.equal(location.artifactLocation.uri, `drafts/${encodeURIComponent('新闻 稿.txt')}`);
    assert.equal(location.region.startLine, 1);
    assert.ok([3, 4].includes(location.region.startColumn), `column ${location.region.startColumn}`);
    assert.ok([4, 5].includes(location.region.endColumn), `end column ${location.region.endColumn}`);
    assert.ok(location.region.endColumn > location.region.startColumn);
    assert.ok(dup.fixes[0].artifactChanges[0].replacements.length > 0);
  });

  it('sarif: an input that failed becomes an error notification, still schema-valid', () => {
    const dir = tempDir();
    write(dir, 'bin.txt', Buffer.from([0x41, 0x00, 0x42]));
    const result = run(['lint', 'bin.txt', 'missing.txt', '--format', 'sarif'], { cwd: dir });
    assert.equal(result.code, 2);
    const log = JSON.parse(result.stdout) as SarifView;
    const ajv = new Ajv({ strict: false });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(fs.readFileSync(path.join(ROOT, 'test/fixtures/sarif-schema-2.1.0.json'), 'utf8')));
    assert.ok(validate(structuredClone(log)), JSON.stringify(validate.errors));
    const [invocation] = log.runs[0].invocations;
    assert.equal(invocation.executionSuccessful, false);
    assert.equal(invocation.toolExecutionNotifications.length, 2);
  });

  it('github: one workflow command per finding, 1-based positions, escaped file name', () => {
    const dir = tempDir();
    write(dir, 'a,b:c%.txt', `\n${DUPLICATE}。\n`);
    const result = run(['lint', 'a,b:c%.txt', '--format', 'github', ...only('duplicate-word')], { cwd: dir });
    assert.equal(result.code, 1, result.stderr);
    const lines = result.stdout.trim().split('\n');
    assert.ok(lines.length >= 1);
    const match = /^::error file=([^,]+),line=(\d+),col=(\d+),endLine=(\d+),endColumn=(\d+),title=duplicate-word::(.+)$/.exec(lines[0]);
    assert.ok(match, lines[0]);
    assert.equal(match[1], 'a%2Cb%3Ac%25.txt');
    assert.equal(match[2], '2');
    assert.ok(['3', '4'].includes(match[3]));
    assert.ok(['4', '5'].includes(match[5]) && Number(match[5]) > Number(match[3]));
    assert.match(match[6], /为/);
  });

  it('github: escaping of data and properties', () => {
    assert.equal(escapeData('a%b\r\nc'), 'a%25b%0D%0Ac');
    assert.equal(escapeProperty('x:y,z%\n'), 'x%3Ay%2Cz%25%0A');
  });

  it('text: path, then line:column severity message rule, then a summary', () => {
    const dir = tempDir();
    write(dir, 'a.txt', `${DUPLICATE}。\n`);
    const result = run(['lint', 'a.txt', ...only('duplicate-word')], { cwd: dir });
    const lines = result.stdout.split('\n');
    assert.equal(lines[0], 'a.txt');
    assert.match(lines[1], /^\s+1:[34]\s+error\s+\S[^为]*为.* duplicate-word$/);
    assert.match(result.stdout, /✖ 共 1 处问题/);
    assert.doesNotMatch(result.stdout, /\u001b\[/, 'no colour when stdout is not a terminal');
    assert.match(run(['lint', 'a.txt', '--color', ...only('duplicate-word')], { cwd: dir }).stdout, /\u001b\[31m/);
  });
});
