/**
 * VS Code client (bootstrap stub): starts the language server.
 */
import type * as vscode from 'vscode';

export function activate(_context: vscode.ExtensionContext): void {}
export function deactivate(): void {}
