/**
 * VS Code end to end: the packaged extension (VSIX) installed into a real VS Code (code-server's web
 * workbench with its Node extension host), driven through the UI in Chromium as an editor would.
 * Steps run in order on one window and share its state; each leaves a screenshot in
 * test-artifacts/e2e/vscode/.
 *   npm run test:e2e:vscode   (needs test/e2e/setup/prerequisites.sh and code-server.sh first)
 *
 * The folder opens in Restricted Mode, as the workbench opens any new folder: every step before the
 * last runs untrusted, which is itself the check that jiaodui lints there. The folder's
 * .vscode/settings.json names a jiaodui.modelPath that does not exist; the extension declares that
 * setting restricted, so it must be ignored until the folder is trusted, and honoured after. Its
 * .jiaoduirc.json names a model too: untrusted, the server must not read it, and say so once.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import { isBuiltin } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { RULES } from '../../../server/src/core/rules';
import { CodeServer, codeServerBin, installExtension, packageVsix, repoRoot } from './code-server';
import { CHROMIUM_ARGS, USER_SETTINGS, Workbench } from './workbench';

const RULE_IDS = new Set(RULES.map((rule) => rule.meta.id));
const SEED_WITH_DUPLICATE = '000_e42e80259c6355a8.txt'; // line 75: 实施医疗卫生卫生强基工程
const SEED_ASCII_PUNCTUATION = '002_4acac4c9a8c70a7d.txt'; // half-width punctuation throughout
const BYLINE_DRAFT = 'henan.draft';
/** A safe fix (the half-width commas) and a suggestion (为为) in one Markdown draft. */
const MIXED_DRAFT = 'mixed.md';
const MIXED_TEXT = '一是以此为为抓手,推进改革。\n\n二是加强监测,做好防控。\n';
/** Typed at the end of MIXED_DRAFT before a save: one more safe fix (the comma). */
const ADDED_PARAGRAPH = '三是,抓好落实。';
/** Fix-all on save, for Markdown only: the steps on the plain-text seeds save without it. */
const FIX_ON_SAVE = { '[markdown]': { 'editor.codeActionsOnSave': { 'source.fixAll.jiaodui': 'explicit' } } };
const UNTRUSTED_MODEL = 'house-model.json';
/** The model the folder's .jiaoduirc.json names (missing too: reading it would warn “无法读取模型”). */
const CONFIG_MODEL = 'config-model.json';
const BYLINE_TEXT = [
  '### 河南“三医”协同机制工作推进会召开',
  '',
  '本报讯（记者李季）1月14日，河南省“三医”协同机制工作推进会召开。',
  '',
  '（编辑 孙惠）',
  '',
].join('\n');

function commandLabel(id: string): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
    contributes?: { commands?: Array<{ command: string; title: string; category?: string }> };
  };
  const command = manifest.contributes?.commands?.find((c) => c.command === id);
  if (!command) throw new Error(`package.json contributes no command ${id}`);
  return command.category ? `${command.category}: ${command.title}` : command.title;
}

/** What `jiaodui lint --fix` makes of `text`: the editor's fix-all must agree with the CLI. */
function cliFixed(text: string, name: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jiaodui-cli-fix-'));
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  try {
    execFileSync(process.execPath, [path.join(repoRoot, 'dist/cli.js'), 'lint', '--fix', '--no-config', file], { stdio: 'ignore' });
  } catch {
    // Exit 1 only says findings remain after fixing.
  }
  const fixed = fs.readFileSync(file, 'utf8');
  fs.rmSync(dir, { recursive: true, force: true });
  return fixed;
}

describe('VS Code (code-server 4.139 web workbench) end to end', function () {
  this.timeout(120_000);
  const artifacts = path.join(repoRoot, 'test-artifacts/e2e/vscode');
  // Outside the clone: an extension installed under it would find the repository's node_modules by
  // walking up, and a missing bundled dependency would go unnoticed. The workspace likewise sits
  // where no .jiaoduirc.json of the repository applies.
  let runDir: string;
  let workspace: string;
  let server: CodeServer | undefined;
  let browser: Browser | undefined;
  let bench: Workbench;

  before(async function () {
    this.timeout(240_000);
    const bin = codeServerBin();
    fs.rmSync(artifacts, { recursive: true, force: true });
    fs.mkdirSync(artifacts, { recursive: true });
    runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jiaodui-vscode-e2e-'));
    const dirs = { userDataDir: path.join(runDir, 'user-data'), extensionsDir: path.join(runDir, 'extensions') };
    fs.mkdirSync(path.join(dirs.userDataDir, 'User'), { recursive: true });
    fs.mkdirSync(dirs.extensionsDir, { recursive: true });
    fs.writeFileSync(path.join(dirs.userDataDir, 'User/settings.json'), JSON.stringify({ ...USER_SETTINGS, ...FIX_ON_SAVE }, null, 2));

    const vsix = path.join(runDir, 'jiaodui.vsix');
    packageVsix(vsix);
    installExtension(bin, dirs, vsix);

    workspace = path.join(runDir, 'drafts');
    fs.mkdirSync(workspace);
    for (const seed of [SEED_WITH_DUPLICATE, SEED_ASCII_PUNCTUATION]) {
      fs.copyFileSync(path.join(repoRoot, 'seeds', seed), path.join(workspace, seed));
    }
    fs.writeFileSync(path.join(workspace, BYLINE_DRAFT), BYLINE_TEXT);
    fs.writeFileSync(path.join(workspace, MIXED_DRAFT), MIXED_TEXT);
    fs.mkdirSync(path.join(workspace, '.vscode'));
    fs.writeFileSync(path.join(workspace, '.vscode/settings.json'), JSON.stringify({ 'jiaodui.modelPath': UNTRUSTED_MODEL }, null, 2));
    fs.writeFileSync(path.join(workspace, '.jiaoduirc.json'), JSON.stringify({ model: CONFIG_MODEL }, null, 2));

    server = await CodeServer.start(bin, dirs, path.join(runDir, 'code-server.log'));
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    bench = new Workbench(page, artifacts);
    await bench.open(server.folderUrl(workspace));
  });

  afterEach(async function () {
    if (!bench) return;
    const slug = (this.currentTest?.title ?? 'step')
      .replace(/[^\w\u4e00-\u9fff]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60);
    const failed = this.currentTest?.state === 'failed';
    const file = await bench.screenshot(failed ? `FAILED-${slug}` : slug);
    if (failed) {
      console.log(`      screenshot: ${path.relative(repoRoot, file)}`);
      // Close a menu or widget the failed step left open, so the next step starts from the editor.
      await bench.page.keyboard.press('Escape');
      await bench.page.keyboard.press('Escape');
    }
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
    if (runDir) {
      const log = path.join(runDir, 'code-server.log');
      if (fs.existsSync(log)) fs.copyFileSync(log, path.join(artifacts, 'code-server.log'));
      fs.rmSync(runDir, { recursive: true, force: true });
    }
  });

  it('installs from the VSIX without node_modules', () => {
    const installed = fs.readdirSync(path.join(runDir, 'extensions')).find((name) => name.startsWith('jiaodui.jiaodui-'));
    assert.ok(installed, 'the extension folder is missing');
    const folder = path.join(runDir, 'extensions', installed);
    // One bundle carries the extension and the language server it forks (--jiaodui-server), so the
    // LSP libraries ship once; dist/server.js is built for `jiaodui lsp` and other editors only.
    assert.ok(fs.existsSync(path.join(folder, 'dist/client.js')), 'dist/client.js not shipped');
    assert.ok(fs.existsSync(path.join(folder, 'dist/lexicon.bin')), 'the lexicon is not shipped');
    assert.ok(!fs.existsSync(path.join(folder, 'dist/server.js')), 'the VSIX ships the separate server bundle');
    assert.ok(fs.existsSync(path.join(folder, 'syntaxes/newsdraft.tmLanguage.json')), 'the grammar is not shipped');
    assert.ok(!fs.existsSync(path.join(folder, 'node_modules')), 'the VSIX ships node_modules');
    // The bundles load nothing from node_modules: Node's own modules, and `vscode` from the host.
    // The CLI bundle stays out of the VSIX (.vscodeignore: the extension never loads it).
    assert.ok(!fs.existsSync(path.join(folder, 'dist/cli.js')), 'the VSIX ships the CLI bundle');
    for (const bundle of ['dist/client.js']) {
      const source = fs.readFileSync(path.join(folder, bundle), 'utf8');
      const external = [...source.matchAll(/\brequire\(["']([^"']+)["']\)/g)].map((m) => m[1]).filter((name) => name !== 'vscode' && !isBuiltin(name));
      assert.deepEqual(external, [], `${bundle} requires packages the VSIX does not ship`);
    }
  });

  it('opens the folder in Restricted Mode', async () => {
    await bench.statusItem('status.workspaceTrust').filter({ hasText: 'Restricted Mode' }).waitFor({ timeout: 30_000 });
  });

  it('shows the count of findings in the status bar', async () => {
    await bench.openFile(SEED_WITH_DUPLICATE);
    const count = await bench.findingCount((n) => n > 0);
    assert.ok(count > 0);
  });

  it('lists the findings with their rule ids in the Problems panel', async () => {
    const count = await bench.findingCount((n) => n > 0);
    await bench.statusItem('jiaodui.findings').click(); // the item's command opens Problems
    const rows = await bench.problemRows(SEED_WITH_DUPLICATE, count);
    // The list is virtualised: a short list is rendered whole.
    if (count <= 10) assert.equal(rows.length, count, 'Problems and the status bar disagree');
    for (const row of rows) {
      const [source, rule] = row.text.split('\n').slice(1, 3);
      assert.equal(source, 'jiaodui', `not from jiaodui: ${row.text}`);
      assert.ok(RULE_IDS.has(rule), `unknown rule id in ${JSON.stringify(row.text)}`);
    }
    assert.ok(
      rows.some((row) => row.text.includes('duplicate-word') && row.text.includes('[Ln 75,')),
      `no duplicate-word finding on line 75: ${rows.map((r) => r.text.replace(/\n/g, ' ')).join(' | ')}`,
    );
    const badge = await bench.page.locator('.markers-panel .monaco-list-row', { hasText: SEED_WITH_DUPLICATE }).first().innerText();
    assert.ok(badge.endsWith(`\n${count}`), `Problems counts ${JSON.stringify(badge)}, the status bar ${count}`);
  });

  it('applies the quick fix for 卫生卫生 from the lightbulb', async () => {
    const file = path.join(workspace, SEED_WITH_DUPLICATE);
    const before = fs.readFileSync(file, 'utf8');
    const count = await bench.findingCount((n) => n > 0);
    await bench.clickFinding('卫生卫生');
    const lightbulb = bench.editor().locator('.lightBulbWidget');
    await lightbulb.waitFor({ state: 'visible', timeout: 15_000 });
    await lightbulb.click();
    const menu = bench.page.locator('.action-widget .monaco-list-row.action');
    await menu.first().waitFor({ timeout: 15_000 });
    const titles = await menu.allInnerTexts();
    // A suggestion is offered as a quick fix (not preferred: only safe fixes are), with the rule's
    // confirming command, "ignore here" and "allow" after it.
    assert.ok(
      titles.some((t) => t.includes('应用本文件中所有 duplicate-word 建议')),
      `menu was ${JSON.stringify(titles)}`,
    );
    await menu.filter({ hasText: '删去重复' }).first().click();
    await bench.editor().locator('.view-line', { hasText: '实施医疗卫生强基工程' }).waitFor({ timeout: 15_000 });
    await bench.save();
    const after = fs.readFileSync(file, 'utf8');
    assert.equal(after, before.replace('医疗卫生卫生强基工程', '医疗卫生强基工程'), `menu was ${JSON.stringify(titles)}`);
    await bench.findingCount((n) => n === count - 1);
  });

  it('fixes every fixable finding with “jiaodui: Fix all in file”', async () => {
    const file = path.join(workspace, SEED_ASCII_PUNCTUATION);
    const before = fs.readFileSync(file, 'utf8');
    const expected = cliFixed(before, SEED_ASCII_PUNCTUATION);
    assert.notEqual(expected, before, 'the CLI finds nothing to fix in the seed');
    await bench.openFile(SEED_ASCII_PUNCTUATION);
    const count = await bench.findingCount((n) => n > 0);
    await bench.runCommand(commandLabel('jiaodui.fixAll'));
    await bench.page.locator('.tabs-container .tab.active.dirty').waitFor({ timeout: 15_000 });
    const remaining = await bench.findingCount((n) => n < count);
    await bench.save();
    const after = fs.readFileSync(file, 'utf8');
    assert.ok(after === expected, `the editor's fix-all differs from \`jiaodui lint --fix\` (${count} → ${remaining} findings)`);
  });

  it('fix-all on save (source.fixAll.jiaodui) changes only the safe findings', async () => {
    const file = path.join(workspace, MIXED_DRAFT);
    await bench.openFile(MIXED_DRAFT);
    await bench.findingCount((n) => n === 3);
    // An edit makes the save a real one: a paragraph at the end with one more half-width comma.
    // Waiting for its finding means the server has the edited text before the save asks it for
    // the fix-all (a blank line changed no count, so the save could race the change).
    await bench.page.keyboard.press('Control+End');
    await bench.page.keyboard.press('Enter');
    await bench.page.keyboard.insertText(ADDED_PARAGRAPH);
    await bench.findingCount((n) => n === 4);
    try {
      await bench.save();
    } catch (error) {
      console.log(`      notifications: ${(await bench.notifications()).join(' | ')}`);
      throw error;
    }
    const after = fs.readFileSync(file, 'utf8');
    const typed = `${MIXED_TEXT}\n${ADDED_PARAGRAPH}`;
    assert.equal(after, cliFixed(typed, MIXED_DRAFT), 'fix-all on save differs from `jiaodui lint --fix`');
    assert.ok(
      after.includes('以此为为抓手，推进改革') && after.includes('加强监测，做好防控') && after.includes('三是，抓好落实'),
      `safe fixes applied, the suggestion left: ${JSON.stringify(after)}`,
    );
    await bench.findingCount((n) => n === 1);
  });

  it('applies a rule’s suggestions only after a confirmation that states the count', async () => {
    const file = path.join(workspace, MIXED_DRAFT);
    const before = fs.readFileSync(file, 'utf8');
    const dialog = bench.page.locator('.monaco-dialog-box');
    await bench.runCommand(commandLabel('jiaodui.applySuggestions'));
    await dialog.waitFor({ timeout: 15_000 });
    assert.match(await dialog.innerText(), /应用 1 处“duplicate-word”建议？/);
    await dialog.locator('.monaco-button', { hasText: /^(Cancel|取消)$/ }).click();
    await dialog.waitFor({ state: 'hidden', timeout: 10_000 });
    assert.equal(await bench.page.locator('.tabs-container .tab.active.dirty').count(), 0, 'cancelled: nothing changed');
    assert.equal(fs.readFileSync(file, 'utf8'), before);

    await bench.runCommand(commandLabel('jiaodui.applySuggestions'));
    await dialog.waitFor({ timeout: 15_000 });
    await dialog.locator('.monaco-button', { hasText: /^应用$/ }).click();
    await bench.editor().locator('.view-line', { hasText: '一是以此为抓手，推进改革' }).waitFor({ timeout: 15_000 });
    await bench.save();
    assert.equal(fs.readFileSync(file, 'utf8'), before.replace('以此为为抓手', '以此为抓手'));
    await bench.findingCount((n) => n === 0);
  });

  it('colours a byline with the newsdraft grammar', async () => {
    await bench.openFile(BYLINE_DRAFT);
    await bench
      .statusItem('status.editor.mode')
      .filter({ hasText: /News draft|稿件|newsdraft/ })
      .waitFor({ timeout: 15_000 });
    const line = bench.editor().locator('.view-line', { hasText: '本报讯（记者李季）' });
    await line.waitFor({ timeout: 15_000 });
    const colours = (await bench.page.evaluate(`
      Array.from(document.querySelectorAll('.editor-group-container.active .monaco-editor .view-line'))
        .filter((line) => line.textContent.includes('本报讯（记者李季）'))
        .flatMap((line) => Array.from(line.querySelectorAll('span > span')).map((span) => [span.textContent, getComputedStyle(span).color]))
    `)) as Array<[string, string]>;
    const colourOf = (text: string) => colours.find(([t]) => t.includes(text))?.[1];
    const byline = colourOf('李季');
    const body = colourOf('协同机制工作推进会召开');
    assert.ok(byline && body, `tokens not found: ${JSON.stringify(colours)}`);
    assert.notEqual(byline, body, `the byline is not coloured apart from the body: ${JSON.stringify(colours)}`);

    await bench.select('李季');
    await bench.runCommand('Developer: Inspect Editor Tokens and Scopes');
    const inspector = bench.page.locator('.token-inspect-widget');
    await inspector.waitFor({ timeout: 15_000 });
    const scopes = await inspector.innerText();
    assert.match(scopes, /meta\.byline\.newsdraft/, scopes);
    assert.match(scopes, /text\.newsdraft/, scopes);
    await bench.page.keyboard.press('Escape');
  });

  it('reads no file the folder’s .jiaoduirc.json names in Restricted Mode, and says so', async () => {
    await bench.statusItem('status.workspaceTrust').filter({ hasText: 'Restricted Mode' }).waitFor({ timeout: 5_000 });
    const notes = await bench.notifications();
    const aboutConfigModel = notes.filter((n) => n.includes(CONFIG_MODEL));
    assert.ok(
      aboutConfigModel.some((n) => n.includes('工作区未受信任')),
      `no note that ${CONFIG_MODEL} was left unread: ${notes.join(' | ')}`,
    );
    assert.ok(!aboutConfigModel.some((n) => n.includes('无法读取')), `${CONFIG_MODEL} was read while untrusted: ${notes.join(' | ')}`);
  });

  it('ignores the folder’s jiaodui.modelPath in Restricted Mode', async () => {
    // Three drafts were linted above with the folder's settings pulled for each; had the restricted
    // setting been passed on, the server would have warned that house-model.json cannot be read.
    await bench.statusItem('status.workspaceTrust').filter({ hasText: 'Restricted Mode' }).waitFor({ timeout: 5_000 });
    const notes = await bench.notifications();
    assert.ok(!notes.some((n) => n.includes(UNTRUSTED_MODEL)), `model path honoured while untrusted: ${notes.join(' | ')}`);
  });

  it('honours the folder’s jiaodui.modelPath once the folder is trusted', async () => {
    await bench.statusItem('status.workspaceTrust').click();
    const trust = bench.page.locator('.workspace-trust-editor .monaco-button', { hasText: /^Trust$/ });
    await trust.waitFor({ timeout: 15_000 });
    await trust.click();
    await bench.statusItem('status.workspaceTrust').waitFor({ state: 'detached', timeout: 15_000 });
    const warning = bench.page.locator('.notification-toast', { hasText: UNTRUSTED_MODEL });
    await warning.waitFor({ timeout: 30_000 });
    // The same look-up that found nothing while untrusted finds it now.
    const notes = await bench.notifications();
    assert.ok(
      notes.some((n) => n.includes(UNTRUSTED_MODEL)),
      notes.join(' | '),
    );
  });
});
