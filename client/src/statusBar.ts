/**
 * The status bar count of jiaodui findings in the active editor; a click opens the
 * Problems panel. Counts diagnostics whose source is jiaodui, so it agrees with
 * what the Problems panel shows.
 */
import * as vscode from 'vscode';

export class FindingCount implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('jiaodui.findings', vscode.StatusBarAlignment.Right, 100);
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly isLinted: (document: vscode.TextDocument) => boolean) {
    this.item.name = 'jiaodui 校对';
    this.item.command = 'workbench.actions.view.problems';
    this.subscriptions.push(
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      vscode.languages.onDidChangeDiagnostics((event) => {
        const active = vscode.window.activeTextEditor?.document.uri.toString();
        if (active && event.uris.some((uri) => uri.toString() === active)) this.update();
      }),
    );
    this.update();
  }

  update(): void {
    const document = vscode.window.activeTextEditor?.document;
    if (!document || !this.isLinted(document)) {
      this.item.hide();
      return;
    }
    const ours = vscode.languages.getDiagnostics(document.uri).filter((d) => d.source === 'jiaodui');
    const errors = ours.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length;
    const warnings = ours.filter((d) => d.severity === vscode.DiagnosticSeverity.Warning).length;
    this.item.text = ours.length === 0 ? '$(check) 校对' : `$(${errors > 0 ? 'error' : 'warning'}) 校对 ${ours.length}`;
    this.item.tooltip =
      ours.length === 0
        ? 'jiaodui：本文件没有发现问题'
        : `jiaodui：本文件 ${ours.length} 处问题（错误 ${errors}，警告 ${warnings}，其他 ${ours.length - errors - warnings}）。点击打开“问题”面板。`;
    this.item.show();
  }

  /** For the extension tests: what the item shows now. */
  get text(): string {
    return this.item.text;
  }

  dispose(): void {
    this.item.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}
