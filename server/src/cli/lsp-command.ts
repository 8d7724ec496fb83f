/**
 * `jiaodui lsp`: run the language server from the sibling bundle (dist/server.js)
 * rather than bundling it into the CLI, which keeps `jiaodui lint` small and fast
 * to start. vscode-languageserver picks its transport from argv; stdio is the
 * default when none is given.
 */
import * as path from 'node:path';

export function runLsp(distDir: string): void {
  const transports = ['--stdio', '--node-ipc', '--pipe', '--socket'];
  if (!process.argv.some((a) => transports.some((t) => a === t || a.startsWith(`${t}=`)))) process.argv.push('--stdio');
  // Required at run time, not imported: only this command pays for loading the server.
  const server = require(path.join(distDir, 'server.js')) as { startServer?: () => void };
  if (typeof server.startServer === 'function') server.startServer();
}
