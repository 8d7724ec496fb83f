/**
 * Protocol tests: the built server (`node dist/server.js --stdio`, as `jiaodui lsp`
 * and other editors run it) driven by a real JSON-RPC client. Rules are developed
 * separately, so assertions pick findings by rule id and compare the server with the
 * core's own lint of the same text rather than with fixed counts.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CodeAction, Diagnostic, Hover, TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { TextModel } from '../../server/src/core/text';
import { Linter, fixAll } from '../../server/src/core/engine';
import { RULES_BY_ID } from '../../server/src/core/rules';
import { findConfigFile, loadConfigFile, resolveLintOptions } from '../../server/src/node/config';
import { LspClient, ROOT, applyTextEdits, textInRange } from './lsp-client';

const DUPLICATE = '一是以此为为抓手，推进改革。\n\n二是以创新为为抓手，推动发展。\n\n会议强调,要坚持问题导向。\n';

function editsOf(edit: WorkspaceEdit | undefined, uri: string): TextEdit[] {
  assert.ok(edit, 'the action carries an edit');
  if (edit.documentChanges) {
    return edit.documentChanges.flatMap((c) => ('textDocument' in c && c.textDocument.uri === uri ? (c.edits as TextEdit[]) : []));
  }
  return edit.changes?.[uri] ?? [];
}

function messageOf(d: Diagnostic): string {
  return typeof d.message === 'string' ? d.message : d.message.value;
}

function byRule(diagnostics: Diagnostic[], rule: string): Diagnostic[] {
  return diagnostics.filter((d) => d.code === rule);
}

/** The options the CLI would use for a file at `file` (its .jiaoduirc.json, if any). */
function cliOptions(file: string) {
  const configFile = findConfigFile(path.dirname(file));
  return resolveLintOptions(configFile ? { config: loadConfigFile(configFile), configDir: path.dirname(configFile) } : {});
}

describe('language server over stdio (dist/server.js)', function () {
  this.timeout(60_000);
  let client: LspClient;
  let dir: string;
  const settingsByUri = new Map<string, Record<string, unknown>>();
  const uriOf = (name: string) => pathToFileURL(path.join(dir, name)).href;

  before(async function () {
    if (!fs.existsSync(path.join(ROOT, 'dist/server.js'))) throw new Error('dist/server.js is missing: run `node esbuild.mjs` first');
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jiaodui-lsp-'));
    client = await LspClient.start({
      rootUri: pathToFileURL(dir).href,
      settings: (scopeUri) => ({ debounceMs: 20, ...(scopeUri ? settingsByUri.get(scopeUri) : {}) }),
    });
  });

  after(async () => {
    await client?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('announces incremental sync, code actions (with source.fixAll.jiaodui) and hovers', () => {
    const caps = client.initializeResult.capabilities;
    const sync = caps.textDocumentSync as { change: number; openClose: boolean };
    assert.equal(sync.change, 2, 'TextDocumentSyncKind.Incremental');
    assert.equal(sync.openClose, true);
    const kinds = (caps.codeActionProvider as { codeActionKinds: string[] }).codeActionKinds;
    assert.ok(kinds.includes('quickfix'));
    assert.ok(kinds.includes('source.fixAll.jiaodui'));
    assert.equal(caps.hoverProvider, true);
  });

  it('publishes the core’s findings for a seed draft, with source, code, docs link, severity and version', async () => {
    const seed = fs.readdirSync(path.join(ROOT, 'seeds')).find((f) => f.startsWith('000_'))!;
    const file = path.join(ROOT, 'seeds', seed);
    const text = fs.readFileSync(file, 'utf8');
    const uri = pathToFileURL(file).href;
    const published = client.waitForDiagnostics(uri, (p) => p.version === 1);
    await client.open(uri, text);
    const { diagnostics, version } = await published;
    assert.equal(version, 1);

    const model = new TextModel(text, 'plaintext');
    const core = new Linter(cliOptions(file)).lintModel(model);
    assert.ok(core.length > 0, 'the seed has findings (rules are registered and the model is built)');
    // Document-scope findings may arrive in a second publish on a large draft; wait for the complete set.
    const complete =
      diagnostics.length === core.length
        ? diagnostics
        : (await client.waitForDiagnostics(uri, (p) => p.diagnostics.length === core.length, { includePast: true })).diagnostics;
    const key = (rule: string, start: { line: number; character: number }, end: { line: number; character: number }) =>
      `${rule}@${start.line}:${start.character}-${end.line}:${end.character}`;
    assert.deepEqual(
      complete.map((d) => key(String(d.code), d.range.start, d.range.end)).sort(),
      core.map((f) => key(f.rule, model.positionAt(f.offset), model.positionAt(f.offset + f.length))).sort(),
    );
    const severities = { error: 1, warning: 2, info: 3, hint: 4 } as const;
    for (const d of complete) {
      assert.equal(d.source, 'jiaodui');
      assert.ok(RULES_BY_ID.has(String(d.code)), `code ${d.code} is a rule id`);
      assert.match(d.codeDescription!.href, new RegExp(`rules\\.md#${d.code}$`));
      const finding = core.find((f) => f.rule === d.code && f.message === messageOf(d))!;
      assert.ok(finding, `a core finding has the message “${messageOf(d)}”`);
      assert.equal(d.severity, severities[finding.severity]);
      assert.equal((d.data as { rule: string }).rule, d.code);
    }
    await client.close(uri);
  });

  it('re-lints after an incremental change and publishes only for the newest version', async () => {
    const uri = uriOf('incremental.txt');
    await client.open(uri, DUPLICATE);
    const first = await client.waitForDiagnostics(uri, (p) => p.version === 1);
    const duplicates = byRule(first.diagnostics, 'duplicate-word');
    assert.equal(duplicates.length, 2, 'both doubled 为 are flagged');

    // Three quick edits inside the debounce window: delete the first extra 为 in two
    // steps (insert a character, then delete both), then fix the second one.
    const firstExtra = duplicates[0].range.start;
    const at = (line: number, character: number) => ({ line, character });
    await client.change(uri, 2, [{ range: { start: at(firstExtra.line, firstExtra.character), end: at(firstExtra.line, firstExtra.character) }, text: '的' }]);
    await client.change(uri, 3, [
      { range: { start: at(firstExtra.line, firstExtra.character), end: at(firstExtra.line, firstExtra.character + 2) }, text: '' },
    ]);
    const second = duplicates[1].range.start;
    await client.change(uri, 4, [{ range: { start: at(second.line, second.character), end: at(second.line, second.character + 1) }, text: '' }]);
    const latest = await client.waitForDiagnostics(uri, (p) => p.version === 4);
    assert.equal(byRule(latest.diagnostics, 'duplicate-word').length, 0, 'both repairs are seen');
    await new Promise((r) => setTimeout(r, 150));
    const versions = client.published.filter((p) => p.uri === uri).map((p) => p.version);
    assert.ok(!versions.includes(2) && !versions.includes(3), `superseded versions are never published (got ${versions.join(',')})`);
    assert.deepEqual(
      [...versions].sort((a, b) => a! - b!),
      versions,
      'versions never go backwards',
    );
    await client.close(uri);
  });

  it('offers every quick fix (preferred only when safe), the rule’s suggestions behind a command, ignore-here and allow', async () => {
    const uri = uriOf('actions.txt');
    await client.open(uri, DUPLICATE);
    const { diagnostics } = await client.waitForDiagnostics(uri, (p) => p.version === 1);
    const target = byRule(diagnostics, 'duplicate-word')[0];
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: target.range,
      context: { diagnostics: [target] },
    });
    const quickFix = actions.find((a) => a.kind === 'quickfix' && a.edit && a.title.startsWith('删去重复'));
    assert.ok(quickFix, `the suggestion is a quick fix (${actions.map((a) => a.title).join(' | ')})`);
    assert.ok(!quickFix.isPreferred, 'a suggestion is never the preferred (auto-applied) fix');
    const fixed = applyTextEdits(DUPLICATE, editsOf(quickFix.edit, uri));
    assert.ok(fixed.startsWith('一是以此为抓手'), fixed);
    assert.ok(fixed.includes('以创新为为抓手'), 'the other finding is untouched');

    assert.ok(!actions.some((a) => a.title.startsWith('修复本文件中所有 duplicate-word')), 'no unconfirmed fix-all for a judgement rule');
    const suggestions = actions.find((a) => a.command?.command === 'jiaodui.applySuggestions');
    assert.ok(suggestions, 'the rule’s suggestions are offered through the confirming command');
    assert.match(suggestions.title, /duplicate-word 建议（2 处）/);
    assert.deepEqual(suggestions.command!.arguments, [{ uri, rule: 'duplicate-word' }]);
    const counts = await client.request<{ rules: Array<{ rule: string; count: number }>; edits: TextEdit[] }>('jiaodui/suggestions', { uri });
    assert.deepEqual(counts.rules, [{ rule: 'duplicate-word', count: 2 }]);
    assert.deepEqual(counts.edits, [], 'without a rule, only the counts');
    const all = await client.request<{ edits: TextEdit[]; version: number }>('jiaodui/suggestions', { uri, rule: 'duplicate-word' });
    const allFixed = applyTextEdits(DUPLICATE, all.edits);
    assert.ok(allFixed.includes('以此为抓手') && allFixed.includes('以创新为抓手'), allFixed);
    assert.ok(allFixed.includes('会议强调,'), 'one rule’s suggestions leave other rules’ findings alone');

    const width = byRule(diagnostics, 'punctuation-width')[0];
    const widthActions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: width.range,
      context: { diagnostics: [width] },
    });
    const preferred = widthActions.filter((a) => a.kind === 'quickfix' && a.isPreferred);
    assert.equal(preferred.length, 1, 'a safe fix is preferred');
    assert.ok(applyTextEdits(DUPLICATE, editsOf(preferred[0].edit, uri)).includes('会议强调，'));

    const ignore = actions.find((a) => a.title.startsWith('忽略此处'));
    assert.ok(ignore);
    const ignored = applyTextEdits(DUPLICATE, editsOf(ignore.edit, uri));
    assert.ok(ignored.startsWith('jiaodui-disable-next-line duplicate-word\n一是以此为为抓手'), ignored);
    await client.change(uri, 2, [
      { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'jiaodui-disable-next-line duplicate-word\n' },
    ]);
    const after = await client.waitForDiagnostics(uri, (p) => p.version === 2);
    assert.deepEqual(
      byRule(after.diagnostics, 'duplicate-word').map((d) => d.range.start.line),
      [3],
      'the marked line is silent, the other finding stays',
    );

    const allow = actions.find((a) => a.title.startsWith('在本项目中允许'));
    assert.ok(allow?.command, 'allow-in-project is a command');
    await client.close(uri);
  });

  it('marks Markdown with an HTML-comment disable marker', async () => {
    const uri = uriOf('ignore.md');
    const text = '# 标题\n\n  以此为为抓手，推进改革。\n';
    await client.open(uri, text, 'markdown');
    const { diagnostics } = await client.waitForDiagnostics(uri, (p) => p.version === 1);
    const target = byRule(diagnostics, 'duplicate-word')[0];
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: target.range,
      context: { diagnostics: [target] },
    });
    const ignore = actions.find((a) => a.title.startsWith('忽略此处'))!;
    assert.equal(
      applyTextEdits(text, editsOf(ignore.edit, uri)),
      '# 标题\n\n  <!-- jiaodui-disable-next-line duplicate-word -->\n  以此为为抓手，推进改革。\n',
    );
    await client.close(uri);
  });

  it('source.fixAll.jiaodui (fix-all on save) applies the safe fixes and leaves the suggestions', async () => {
    const uri = uriOf('on-save.md');
    const text = '一是以此为为抓手,推进改革。\n\n二是加强监测,做好防控。\n';
    await client.open(uri, text, 'markdown');
    await client.waitForDiagnostics(uri, (p) => p.version === 1);
    // What VS Code sends before a save: only the one kind, automatic, no diagnostics.
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 3, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll.jiaodui'], triggerKind: 2 },
    });
    assert.deepEqual(
      actions.map((a) => a.kind),
      ['source.fixAll.jiaodui'],
    );
    assert.equal(applyTextEdits(text, editsOf(actions[0].edit, uri)), '一是以此为为抓手，推进改革。\n\n二是加强监测，做好防控。\n');
    const request = await client.request<{ edits: TextEdit[] }>('jiaodui/fixAll', { uri });
    assert.equal(applyTextEdits(text, request.edits), '一是以此为为抓手，推进改革。\n\n二是加强监测，做好防控。\n', 'the Fix all command too');
    await client.close(uri);
  });

  it('source.fixAll.jiaodui gives the same text as the core’s fixAll (seed 002, many overlapping passes)', async () => {
    const seed = fs.readdirSync(path.join(ROOT, 'seeds')).find((f) => f.startsWith('002_'))!;
    const file = path.join(ROOT, 'seeds', seed);
    const text = fs.readFileSync(file, 'utf8');
    const uri = pathToFileURL(file).href;
    await client.open(uri, text);
    await client.waitForDiagnostics(uri, (p) => p.version === 1);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    });
    const fixAllAction = actions.find((a) => a.kind === 'source.fixAll.jiaodui');
    const expected = fixAll(text, cliOptions(file)).text;
    assert.notEqual(expected, text, 'the seed has fixable findings');
    assert.ok(fixAllAction, 'source.fixAll.jiaodui is offered when asked for');
    const edits = editsOf(fixAllAction.edit, uri);
    assert.ok(edits.length > 1, 'minimal edits, not one whole-document replacement');
    assert.equal(applyTextEdits(text, edits), expected);

    const onlyQuickFix = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['quickfix'] },
    });
    assert.ok(!onlyQuickFix.some((a) => a.kind?.startsWith('source')), 'source actions only when asked for');

    const request = await client.request<{ edits: TextEdit[]; version: number }>('jiaodui/fixAll', { uri });
    assert.equal(request.version, 1);
    assert.equal(applyTextEdits(text, request.edits), expected, 'jiaodui/fixAll (the VS Code command) agrees');
    await client.close(uri);
  });

  it('hovers a finding with the rule, the message, why, the evidence, the fix and the docs link', async () => {
    const uri = uriOf('hover.txt');
    await client.open(uri, DUPLICATE);
    const { diagnostics } = await client.waitForDiagnostics(uri, (p) => p.version === 1);
    const target = byRule(diagnostics, 'duplicate-word')[0];
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: target.range.start });
    const value = (hover.contents as { value: string }).value;
    assert.equal((hover.contents as { kind: string }).kind, 'markdown');
    const meta = RULES_BY_ID.get('duplicate-word')!.meta;
    assert.ok(value.includes('duplicate-word'));
    assert.ok(value.includes(messageOf(target).slice(0, 4)), 'the message');
    assert.ok(meta.docs.why && value.includes('为什么'), 'why');
    // duplicate-word always says why it believes a repeat is a slip; the hover carries it,
    // the diagnostic does not (it would bloat every publish).
    assert.ok(value.includes('依据'), 'the evidence');
    assert.equal((target.data as { evidence?: string }).evidence, undefined, 'evidence stays on the server');
    assert.ok(value.includes('修复'), 'the fix');
    assert.ok(value.includes('rules.md#duplicate-word'), 'the docs link');
    const none = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 0 } });
    assert.equal(none, null, 'no hover away from findings');
    await client.close(uri);
  });

  it('counts positions in UTF-16 code units: 𠮷 before a finding', async () => {
    const uri = uriOf('surrogate.txt');
    const text = '𠮷𠮷报道：以此为为抓手，推进改革。\r\n';
    await client.open(uri, text);
    const { diagnostics } = await client.waitForDiagnostics(uri, (p) => p.version === 1);
    const target = byRule(diagnostics, 'duplicate-word')[0];
    assert.ok(target, 'the doubled 为 is found after the surrogate pairs');
    const expected = new TextModel(text).positionAt(text.indexOf('为为'));
    assert.equal(target.range.start.character, expected.character);
    assert.equal(target.range.start.character, text.indexOf('为为'), 'JS string index = UTF-16 units (𠮷 counts 2)');
    assert.ok([...text.slice(0, target.range.start.character)].length < target.range.start.character, 'code points would give a smaller number');
    assert.match(textInRange(text, target.range), /为/);
    const fix = (target.data as { fixes: Array<{ edits: TextEdit[] }> }).fixes[0];
    assert.equal(applyTextEdits(text, fix.edits), text.replace('为为', '为'));
    await client.close(uri);
  });

  it('does not lint a document above jiaodui.maxLiveSize live: one information diagnostic at line 0', async () => {
    const uri = uriOf('huge.txt');
    settingsByUri.set(uri, { maxLiveSize: 1024 });
    const text = '以此为为抓手，推进改革。\n\n'.repeat(100);
    await client.open(uri, text);
    const { diagnostics } = await client.waitForDiagnostics(uri, (p) => p.version === 1);
    assert.equal(diagnostics.length, 1);
    assert.equal(diagnostics[0].severity, 3);
    assert.equal(diagnostics[0].range.start.line, 0);
    assert.match(messageOf(diagnostics[0]), /未作实时校对/);
    settingsByUri.delete(uri);
    await client.close(uri);
  });

  it('clears diagnostics when the document closes', async () => {
    const uri = uriOf('close.txt');
    await client.open(uri, DUPLICATE);
    await client.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0);
    const cleared = client.waitForDiagnostics(uri, (p) => p.diagnostics.length === 0);
    await client.close(uri);
    const { version } = await cleared;
    assert.equal(version, undefined);
  });

  it('lints only the languages in jiaodui.languages; `text` (Neovim, eglot) counts as plaintext', async () => {
    const json = uriOf('data.json');
    const text = uriOf('vim.txt');
    await client.open(json, DUPLICATE, 'json');
    await client.open(text, DUPLICATE, 'text');
    await client.waitForDiagnostics(text, (p) => byRule(p.diagnostics, 'duplicate-word').length > 0);
    await new Promise((r) => setTimeout(r, 100));
    assert.equal(client.published.filter((p) => p.uri === json).length, 0, 'nothing published for JSON');
    await client.close(json);
    await client.close(text);
  });

  it('judges a document with an empty or unknown languageId by its extension (.md as Markdown)', async () => {
    const bare = uriOf('bare.txt');
    const markdown = uriOf('bare.md');
    const other = uriOf('bare.json');
    await client.open(bare, DUPLICATE, '');
    await client.open(markdown, `\`\`\`\n${DUPLICATE}\`\`\`\n\n${DUPLICATE}`, 'unknown');
    await client.open(other, DUPLICATE, '');
    await client.waitForDiagnostics(bare, (p) => byRule(p.diagnostics, 'duplicate-word').length > 0);
    // Markdown masks a code block: only the copy after the fence (line 8 on) is flagged.
    const published = await client.waitForDiagnostics(markdown, (p) => byRule(p.diagnostics, 'duplicate-word').length > 0);
    assert.ok(byRule(published.diagnostics, 'duplicate-word').every((d) => d.range.start.line >= 8));
    await new Promise((r) => setTimeout(r, 100));
    assert.equal(client.published.filter((p) => p.uri === other).length, 0, 'nothing published for a .json file');
    for (const uri of [bare, markdown, other]) await client.close(uri);
  });

  it('follows settings: per-rule severity and off, refreshed on didChangeConfiguration', async () => {
    const uri = uriOf('settings.txt');
    await client.open(uri, DUPLICATE);
    await client.waitForDiagnostics(uri, (p) => byRule(p.diagnostics, 'duplicate-word').length > 0);
    const previous = client.settings;
    const hinted = client.waitForDiagnostics(
      uri,
      (p) => byRule(p.diagnostics, 'duplicate-word').every((d) => d.severity === 4) && byRule(p.diagnostics, 'duplicate-word').length > 0,
    );
    await client.configurationChanged({ debounceMs: 20, rules: { 'duplicate-word': 'hint' } });
    await hinted;
    const off = client.waitForDiagnostics(uri, (p) => byRule(p.diagnostics, 'duplicate-word').length === 0);
    await client.configurationChanged({ debounceMs: 20, rules: { 'duplicate-word': 'off' } });
    await off;
    await client.configurationChanged(previous);
    await client.close(uri);
  });

  it('applies .jiaoduirc.json found upward, and reloads it when it changes', async () => {
    const project = path.join(dir, 'project');
    fs.mkdirSync(path.join(project, 'drafts'), { recursive: true });
    const config = path.join(project, '.jiaoduirc.json');
    fs.writeFileSync(config, JSON.stringify({ rules: { 'duplicate-word': 'off' } }));
    const uri = pathToFileURL(path.join(project, 'drafts', 'a.txt')).href;
    await client.open(uri, DUPLICATE);
    const first = await client.waitForDiagnostics(uri, (p) => p.version === 1, { includePast: true }).catch(() => ({ diagnostics: [] as Diagnostic[] }));
    assert.equal(byRule(first.diagnostics, 'duplicate-word').length, 0, 'the config turns the rule off');
    fs.writeFileSync(config, JSON.stringify({ rules: { 'duplicate-word': 'warning' }, ignore: [] }));
    const back = client.waitForDiagnostics(uri, (p) => byRule(p.diagnostics, 'duplicate-word').length > 0);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(config).href, type: 2 }] });
    const { diagnostics } = await back;
    assert.ok(
      byRule(diagnostics, 'duplicate-word').every((d) => d.severity === 2),
      'severity from the config',
    );
    await client.close(uri);
  });

  it('“allow in this project” adds the word to .jiaoduirc.json, keeping other keys, and the finding goes', async () => {
    const project = path.join(dir, 'allow');
    fs.mkdirSync(project, { recursive: true });
    const config = path.join(project, '.jiaoduirc.json');
    fs.writeFileSync(config, '{\n    "rules": { "punctuation-width": "off" },\n    "allow": ["某词"]\n}\n');
    const uri = pathToFileURL(path.join(project, 'a.txt')).href;
    await client.open(uri, DUPLICATE);
    const { diagnostics } = await client.waitForDiagnostics(uri, (p) => byRule(p.diagnostics, 'duplicate-word').length > 0);
    const target = byRule(diagnostics, 'duplicate-word')[0];
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: target.range,
      context: { diagnostics: [target] },
    });
    const allow = actions.find((a) => a.title.startsWith('在本项目中允许'))!;
    const word = (target.data as { subject: string }).subject;
    const cleared = client.waitForDiagnostics(uri, (p) =>
      byRule(p.diagnostics, 'duplicate-word').every((d) => !textInRange(DUPLICATE, d.range).includes(word)),
    );
    await client.request('workspace/executeCommand', { command: allow.command!.command, arguments: allow.command!.arguments });
    const written = JSON.parse(fs.readFileSync(config, 'utf8'));
    assert.deepEqual(written.rules, { 'punctuation-width': 'off' });
    assert.deepEqual(written.allow, ['某词', word]);
    assert.match(fs.readFileSync(config, 'utf8'), /\n {4}"rules"/, 'indentation kept');
    await cleared;
    await client.close(uri);
  });

  it('creates .jiaoduirc.json at the workspace root when there is none', async () => {
    const uri = uriOf('fresh/new.txt');
    fs.mkdirSync(path.join(dir, 'fresh'), { recursive: true });
    await client.request('workspace/executeCommand', { command: 'jiaodui.allowWord', arguments: [{ uri, word: '某某某' }] });
    const created = path.join(dir, '.jiaoduirc.json');
    assert.deepEqual(JSON.parse(fs.readFileSync(created, 'utf8')), { allow: ['某某某'] });
    fs.rmSync(created);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(created).href, type: 3 }] });
  });

  it('converts a document to Simplified (jiaodui/convertToSimplified)', async () => {
    const uri = uriOf('traditional.txt');
    const text = '醫療衛生強基工程𠮷穩步推進。\n第二行沒有問題嗎？\n';
    await client.open(uri, text);
    const result = await client.request<{ edits: TextEdit[]; version: number }>('jiaodui/convertToSimplified', { uri });
    assert.equal(applyTextEdits(text, result.edits), '医疗卫生强基工程𠮷稳步推进。\n第二行没有问题吗？\n');
    await client.close(uri);
  });

  it('lints files that are not open (jiaodui/lintFiles) and publishes their diagnostics', async () => {
    const uri = uriOf('closed.txt');
    const published = client.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0);
    const result = await client.request<{ linted: number; findings: number }>('jiaodui/lintFiles', {
      files: [{ uri, languageId: 'plaintext', text: DUPLICATE }],
    });
    assert.equal(result.linted, 1);
    const { diagnostics, version } = await published;
    assert.equal(version, undefined, 'a closed file has no version');
    assert.equal(result.findings, diagnostics.length);
    assert.ok(byRule(diagnostics, 'duplicate-word').length === 2);
  });
});
