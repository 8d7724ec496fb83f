/**
 * Inside a real VS Code: the extension activates on a draft, the server's findings
 * reach the Problems panel, a quick fix applies, and the fix-all command runs.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';

const EXTENSION_ID = 'jiaodui.jiaodui';
const workspace = process.env.JIAODUI_TEST_WORKSPACE!;

function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'jiaodui');
}

/** Resolves when the document has jiaodui diagnostics matching `test`. */
function diagnosticsFor(uri: vscode.Uri, test: (d: vscode.Diagnostic[]) => boolean, timeout = 30_000): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const found = ours(uri);
      if (!test(found)) return false;
      listener.dispose();
      clearTimeout(timer);
      resolve(found);
      return true;
    };
    const listener = vscode.languages.onDidChangeDiagnostics(() => void check());
    const timer = setTimeout(() => {
      listener.dispose();
      reject(new Error(`no matching jiaodui diagnostics for ${uri.toString()} (have ${ours(uri).length})`));
    }, timeout);
    check();
  });
}

describe('jiaodui in the extension host', () => {
  it('activates on a .draft file, which is a newsdraft document', async () => {
    const document = await vscode.workspace.openTextDocument(path.join(workspace, 'seed.draft'));
    await vscode.window.showTextDocument(document);
    assert.equal(document.languageId, 'newsdraft');
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is installed`);
    await extension.activate();
    assert.ok(extension.isActive);
  });

  it('shows the seed draft’s findings in the Problems panel, and their count in the status bar', async () => {
    const uri = vscode.Uri.file(path.join(workspace, 'seed.draft'));
    const diagnostics = await diagnosticsFor(uri, (d) => d.length > 0);
    for (const d of diagnostics) {
      assert.equal(d.source, 'jiaodui');
      assert.equal(typeof (d.code as { value: string }).value, 'string', 'code is the rule id, with a docs link');
    }
    const api = vscode.extensions.getExtension(EXTENSION_ID)!.exports as { statusText(): string };
    assert.match(api.statusText(), new RegExp(String(ours(uri).length)));
  });

  it('applies the preferred quick fix', async () => {
    const document = await vscode.workspace.openTextDocument(path.join(workspace, 'duplicate.txt'));
    await vscode.window.showTextDocument(document);
    const [first] = await diagnosticsFor(document.uri, (d) => d.some((x) => (x.code as { value: string }).value === 'duplicate-word'));
    const target = ours(document.uri).find((x) => (x.code as { value: string }).value === 'duplicate-word') ?? first;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      document.uri,
      target.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    const preferred = actions.find((a) => a.isPreferred);
    assert.ok(preferred?.edit, `a preferred quick fix (${actions.map((a) => a.title).join(' | ')})`);
    assert.ok(await vscode.workspace.applyEdit(preferred.edit));
    assert.ok(document.getText().startsWith('一是以此为抓手'), document.getText());
  });

  it('runs “Fix all in file”', async () => {
    const document = await vscode.workspace.openTextDocument(path.join(workspace, 'duplicate.txt'));
    await vscode.window.showTextDocument(document);
    await diagnosticsFor(document.uri, (d) => d.some((x) => (x.code as { value: string }).value === 'duplicate-word'));
    await vscode.commands.executeCommand('jiaodui.fixAll');
    assert.ok(!document.getText().includes('为为'), document.getText());
    await diagnosticsFor(document.uri, (d) => !d.some((x) => (x.code as { value: string }).value === 'duplicate-word'));
  });

  it('restarts the server and lints again', async () => {
    await vscode.commands.executeCommand('jiaodui.restartServer');
    const uri = vscode.Uri.file(path.join(workspace, 'seed.draft'));
    await diagnosticsFor(uri, (d) => d.length > 0);
  });
});
