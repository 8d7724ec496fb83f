/**
 * The palette commands (category “jiaodui”). Each one asks the server through a
 * custom request and applies the answer with workspace APIs that exist in every
 * extension host (desktop and the web workbench's Node host alike).
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  APPLY_SUGGESTIONS_COMMAND,
  CONVERT_TO_SIMPLIFIED_REQUEST,
  SUGGESTIONS_REQUEST,
  type ApplySuggestionsArgs,
  type SuggestionsParams,
  type SuggestionsResult,
  FIX_ALL_REQUEST,
  LEARN_MODEL_REQUEST,
  LINT_FILES_REQUEST,
  type DocumentEditsResult,
  type LearnModelResult,
  type LintFilesParams,
  type LintFilesResult,
} from '../../server/src/lsp/protocol';
import { EXCLUDED_FOLDERS, draftGlob, languageOfPath } from './drafts';

export interface CommandHost {
  client(): LanguageClient | undefined;
  languages(): string[];
  restart(): Promise<void>;
  output: vscode.OutputChannel;
}

const LINT_BATCH = 20;
/** Lint workspace leaves files larger than this alone (the CLI's default limit). */
const MAX_WORKSPACE_FILE = 20 * 1024 * 1024;

export function registerCommands(context: vscode.ExtensionContext, host: CommandHost): void {
  const running = (): LanguageClient | undefined => {
    const client = host.client();
    if (!client?.isRunning()) {
      void vscode.window.showWarningMessage('jiaodui：语言服务器未运行（可用“jiaodui: 重启服务器”）。');
      return undefined;
    }
    return client;
  };

  context.subscriptions.push(
    vscode.commands.registerCommand('jiaodui.fixAll', async () => {
      const editor = vscode.window.activeTextEditor;
      const client = running();
      if (!editor || !client) return;
      const result = await client.sendRequest<DocumentEditsResult | null>(FIX_ALL_REQUEST, { uri: editor.document.uri.toString() });
      const applied = await applyDocumentEdits(client, editor.document, result);
      if (applied === 0) void vscode.window.setStatusBarMessage('jiaodui：没有可自动修复的问题', 3000);
      return applied;
    }),

    // Suggestions are judgements about wording: one rule at a time, and only after the editor confirms the count.
    vscode.commands.registerCommand(APPLY_SUGGESTIONS_COMMAND, async (args?: ApplySuggestionsArgs) => {
      const client = running();
      if (!client) return;
      const uri = args?.uri ?? vscode.window.activeTextEditor?.document.uri.toString();
      const document = uri ? vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri) : undefined;
      if (!document) return;
      const ask = (rule?: string) =>
        client.sendRequest<SuggestionsResult | null>(SUGGESTIONS_REQUEST, { uri: document.uri.toString(), rule } satisfies SuggestionsParams);
      const available = (await ask())?.rules ?? [];
      if (available.length === 0) {
        void vscode.window.setStatusBarMessage('jiaodui：本文件没有待确认的建议', 3000);
        return 0;
      }
      // One rule with suggestions: nothing to pick, go straight to the confirmation.
      let rule = args?.rule ?? (available.length === 1 ? available[0].rule : undefined);
      if (!rule) {
        const picked = await vscode.window.showQuickPick(
          available.map((r) => ({ label: r.rule, description: `${r.count} 处建议` })),
          { title: 'jiaodui：应用哪条规则的建议？', placeHolder: '选择规则' },
        );
        rule = picked?.label;
      }
      const count = available.find((r) => r.rule === rule)?.count ?? 0;
      if (!rule || count === 0) return 0;
      const apply = '应用';
      const choice = await vscode.window.showWarningMessage(
        `应用 ${count} 处“${rule}”建议？`,
        { modal: true, detail: '建议是对措辞的判断（不随“全部修复”和保存时修复自动应用），请确认后再改。' },
        apply,
      );
      if (choice !== apply) return 0;
      return applyDocumentEdits(client, document, await ask(rule));
    }),

    vscode.commands.registerCommand('jiaodui.convertToSimplified', async () => {
      const editor = vscode.window.activeTextEditor;
      const client = running();
      if (!editor || !client) return;
      const result = await client.sendRequest<DocumentEditsResult | null>(CONVERT_TO_SIMPLIFIED_REQUEST, { uri: editor.document.uri.toString() });
      const applied = await applyDocumentEdits(client, editor.document, result);
      void vscode.window.setStatusBarMessage(applied > 0 ? `jiaodui：已转换 ${applied} 处为简体` : 'jiaodui：没有需要转换的繁体字', 3000);
      return applied;
    }),

    vscode.commands.registerCommand('jiaodui.lintWorkspace', async () => {
      const client = running();
      if (!client) return;
      const glob = draftGlob(host.languages());
      if (!glob) {
        void vscode.window.showInformationMessage('jiaodui：jiaodui.languages 中没有可按扩展名查找的语言。');
        return;
      }
      const uris = await vscode.workspace.findFiles(glob, EXCLUDED_FOLDERS);
      const total: LintFilesResult = { linted: 0, findings: 0, skipped: 0 };
      await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: 'jiaodui：校对工作区', cancellable: true },
        async (progress, token) => {
          for (let i = 0; i < uris.length && !token.isCancellationRequested; i += LINT_BATCH) {
            const batch = uris.slice(i, i + LINT_BATCH);
            const files: LintFilesParams['files'] = [];
            for (const uri of batch) {
              try {
                const stat = await vscode.workspace.fs.stat(uri);
                if (stat.size > MAX_WORKSPACE_FILE) {
                  total.skipped++;
                  continue;
                }
                const text = new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri)).replace(/^\uFEFF/, '');
                files.push({ uri: uri.toString(), languageId: languageOfPath(uri.path), text });
              } catch {
                total.skipped++;
              }
            }
            const result = await client.sendRequest<LintFilesResult>(LINT_FILES_REQUEST, { files } satisfies LintFilesParams, token);
            total.linted += result.linted;
            total.findings += result.findings;
            total.skipped += result.skipped;
            progress.report({ increment: (batch.length / uris.length) * 100, message: `${Math.min(i + LINT_BATCH, uris.length)}/${uris.length}` });
          }
        },
      );
      void vscode.window.showInformationMessage(
        `jiaodui：已校对 ${total.linted} 个文件，发现 ${total.findings} 处问题${total.skipped ? `（跳过 ${total.skipped} 个）` : ''}。`,
      );
      if (total.findings > 0) void vscode.commands.executeCommand('workbench.actions.view.problems');
      return total;
    }),

    vscode.commands.registerCommand('jiaodui.learnModel', async (folder?: vscode.Uri) => {
      const client = running();
      if (!client) return;
      const inputs =
        folder instanceof vscode.Uri
          ? [folder]
          : await vscode.window.showOpenDialog({
              canSelectFolders: true,
              canSelectFiles: false,
              canSelectMany: true,
              openLabel: '从此语料学习',
              title: 'jiaodui：选择语料文件夹',
            });
      if (!inputs || inputs.length === 0) return;
      const workspaceFolder = vscode.workspace.getWorkspaceFolder(inputs[0]) ?? vscode.workspace.workspaceFolders?.[0];
      const suggested = vscode.Uri.joinPath(workspaceFolder?.uri ?? inputs[0], '.jiaodui', 'model.json');
      const out = await vscode.window.showSaveDialog({ defaultUri: suggested, filters: { 'jiaodui 模型': ['json'] }, title: 'jiaodui：模型保存到' });
      if (!out) return;
      let result: LearnModelResult;
      try {
        result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'jiaodui：正在学习模型…' }, () =>
          client.sendRequest<LearnModelResult>(LEARN_MODEL_REQUEST, { inputs: inputs.map((u) => u.fsPath), out: out.fsPath }),
        );
      } catch (error) {
        void vscode.window.showErrorMessage(`jiaodui：学习失败：${(error as Error).message}`);
        return;
      }
      const setIt = '设为 jiaodui.modelPath';
      const choice = await vscode.window.showInformationMessage(
        `jiaodui：已从 ${result.documents} 篇稿件（${result.characters} 字符）学习模型，保存到 ${vscode.workspace.asRelativePath(out)}。`,
        setIt,
      );
      if (choice === setIt) {
        const owner = vscode.workspace.getWorkspaceFolder(out);
        if (owner) {
          // Inside the workspace the setting stays portable: relative to its folder, as the server resolves it.
          await vscode.workspace
            .getConfiguration('jiaodui', owner.uri)
            .update('modelPath', vscode.workspace.asRelativePath(out, false), vscode.ConfigurationTarget.WorkspaceFolder);
        } else {
          await vscode.workspace.getConfiguration('jiaodui').update('modelPath', out.fsPath, vscode.ConfigurationTarget.Global);
        }
      }
      return result;
    }),

    vscode.commands.registerCommand('jiaodui.restartServer', () => host.restart()),
    vscode.commands.registerCommand('jiaodui.showOutput', () => host.output.show(true)),
  );
}

/** Applies a server answer to the document if it still has the version the edits were made for. */
async function applyDocumentEdits(client: LanguageClient, document: vscode.TextDocument, result: DocumentEditsResult | null): Promise<number> {
  if (!result || result.edits.length === 0) return 0;
  if (result.version !== document.version) {
    void vscode.window.showWarningMessage('jiaodui：文件在处理期间已改动，请重试。');
    return 0;
  }
  const edit = new vscode.WorkspaceEdit();
  edit.set(
    document.uri,
    result.edits.map((e) => vscode.TextEdit.replace(client.protocol2CodeConverter.asRange(e.range), e.newText)),
  );
  return (await vscode.workspace.applyEdit(edit)) ? result.edits.length : 0;
}
