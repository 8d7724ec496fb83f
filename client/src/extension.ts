/**
 * VS Code client: starts the bundled language server (dist/client.js in its server role, node IPC),
 * registers the commands and the status bar count. The document selector follows
 * `jiaodui.languages`; changing it restarts the client.
 */
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { registerCommands } from './commands';
import { FindingCount } from './statusBar';
import { SERVER_ROLE_ARG, WORKSPACE_TRUST_NOTIFICATION, type InitializationOptions, type WorkspaceTrustParams } from '../../server/src/lsp/protocol';

const DEFAULT_LANGUAGES = ['newsdraft', 'plaintext', 'markdown'];

let client: LanguageClient | undefined;
let output: vscode.LogOutputChannel | undefined;

export interface JiaoduiApi {
  /** The running language client (for the extension tests). */
  client(): LanguageClient | undefined;
  /** The status bar text for the active editor. */
  statusText(): string;
}

function configuredLanguages(): string[] {
  const value = vscode.workspace.getConfiguration('jiaodui').get<unknown>('languages');
  return Array.isArray(value) && value.every((l) => typeof l === 'string') ? value : DEFAULT_LANGUAGES;
}

export async function activate(context: vscode.ExtensionContext): Promise<JiaoduiApi> {
  output = vscode.window.createOutputChannel('jiaodui', { log: true });
  context.subscriptions.push(output);
  const ruleIds = declaredRuleIds(context);
  // One watcher for the extension's lifetime, shared by every client across restarts.
  const configWatcher = vscode.workspace.createFileSystemWatcher('**/.jiaoduirc.json');
  context.subscriptions.push(configWatcher);

  const start = async () => {
    const languages = configuredLanguages();
    await vscode.commands.executeCommand('setContext', 'jiaodui.languages', languages);
    // The server is this extension's own bundle in its server role (client/src/main.ts).
    const module = context.asAbsolutePath('dist/client.js');
    const args = [SERVER_ROLE_ARG];
    const serverOptions: ServerOptions = {
      run: { module, args, transport: TransportKind.ipc },
      debug: { module, args, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
    };
    const clientOptions: LanguageClientOptions = {
      documentSelector: languages.flatMap((language) => [
        { scheme: 'file', language },
        { scheme: 'untitled', language },
      ]),
      synchronize: { fileEvents: configWatcher },
      // In a restricted (untrusted) workspace the server reads no file a .jiaoduirc.json names.
      initializationOptions: { watchesConfigFiles: true, workspaceTrusted: vscode.workspace.isTrusted } satisfies InitializationOptions,
      outputChannel: output,
      diagnosticCollectionName: 'jiaodui',
      middleware: {
        workspace: {
          // Send only the rule severities the user set: a schema default must not
          // override what .jiaoduirc.json says (the CLI would not see it).
          configuration: async (params, token, next) => {
            const result = await next(params, token);
            if (!Array.isArray(result)) return result;
            return result.map((value, i) => {
              const item = params.items[i];
              if (item?.section !== 'jiaodui' || typeof value !== 'object' || value === null) return value;
              const scope = item.scopeUri ? vscode.Uri.parse(item.scopeUri) : undefined;
              return { ...value, rules: explicitRuleSettings(scope, ruleIds) };
            });
          },
        },
      },
    };
    client = new LanguageClient('jiaodui', 'jiaodui 校对', serverOptions, clientOptions);
    await client.start();
  };

  const restart = async () => {
    const previous = client;
    client = undefined;
    if (previous) await previous.stop().catch(() => undefined);
    await start();
  };

  registerCommands(context, { client: () => client, languages: configuredLanguages, restart, output });
  context.subscriptions.push(
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      void client?.sendNotification(WORKSPACE_TRUST_NOTIFICATION, { trusted: true } satisfies WorkspaceTrustParams);
    }),
  );

  const count = new FindingCount((document) => {
    const settings = vscode.workspace.getConfiguration('jiaodui', document.uri);
    return settings.get<boolean>('enable', true) && configuredLanguages().includes(document.languageId);
  });
  context.subscriptions.push(
    count,
    vscode.workspace.onDidChangeConfiguration(async (event) => {
      if (event.affectsConfiguration('jiaodui.languages')) await restart();
      if (event.affectsConfiguration('jiaodui')) count.update();
    }),
  );

  try {
    await start();
  } catch (error) {
    // Keep the commands (Restart server, Show output) usable when the server cannot start.
    output.error(`jiaodui: 语言服务器启动失败：${(error as Error)?.stack ?? String(error)}`);
    void vscode.window.showErrorMessage('jiaodui：语言服务器启动失败，详见“jiaodui”输出。', '显示输出').then((choice) => choice && output?.show());
  }
  return { client: () => client, statusText: () => count.text };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}

/** Rule ids from the settings schema the registry generates (jiaodui.rules.<id>). */
function declaredRuleIds(context: vscode.ExtensionContext): string[] {
  const properties = (
    context.extension.packageJSON as {
      contributes?: { configuration?: { properties?: Record<string, unknown> } | Array<{ properties?: Record<string, unknown> }> };
    }
  ).contributes?.configuration;
  const all = Array.isArray(properties) ? properties.flatMap((c) => Object.keys(c.properties ?? {})) : Object.keys(properties?.properties ?? {});
  return all.filter((key) => key.startsWith('jiaodui.rules.')).map((key) => key.slice('jiaodui.rules.'.length));
}

function explicitRuleSettings(scope: vscode.Uri | undefined, ruleIds: string[]): Record<string, unknown> {
  const config = vscode.workspace.getConfiguration('jiaodui', scope);
  const rules: Record<string, unknown> = {};
  for (const id of ruleIds) {
    const inspected = config.inspect(`rules.${id}`);
    const explicit =
      inspected?.workspaceFolderLanguageValue ??
      inspected?.workspaceFolderValue ??
      inspected?.workspaceLanguageValue ??
      inspected?.workspaceValue ??
      inspected?.globalLanguageValue ??
      inspected?.globalValue;
    if (explicit !== undefined) rules[id] = explicit;
  }
  // A hand-written "jiaodui.rules": { id: severity } object (not in the schema) is honoured too.
  const object = config.get<Record<string, unknown>>('rules');
  if (object && typeof object === 'object') {
    for (const [id, value] of Object.entries(object)) if (!ruleIds.includes(id) && value !== undefined) rules[id] = value;
  }
  return rules;
}
