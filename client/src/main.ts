/**
 * The VSIX's one bundle (dist/client.js): the extension in VS Code's extension host, and
 * the language server the extension forks with SERVER_ROLE_ARG. Both halves speak LSP
 * through vscode-jsonrpc, -languageserver-protocol and -types; two bundles carried those
 * twice (28 KB of a 1.5 MB VSIX). Each half is required only in its own process, so the
 * server never loads `vscode` and the extension host never starts a server.
 * dist/server.js stays the server's own bundle for the tests and other editors.
 */
// CommonJS throughout (no import statement): `module.exports` is this bundle's exports.
const { SERVER_ROLE_ARG } = require('../../server/src/lsp/protocol') as typeof import('../../server/src/lsp/protocol');

if (process.argv.includes(SERVER_ROLE_ARG)) {
  (require('../../server/src/server') as typeof import('../../server/src/server')).startServer();
} else {
  module.exports = require('./extension') as typeof import('./extension');
}
