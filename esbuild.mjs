// The build: lexicon → bundles (client, server, CLI) → default model learned from seeds/.
import * as esbuild from 'esbuild';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import { buildLexicon, lexiconIsCurrent, LEXICON_FILE } from './scripts/build-lexicon.mjs';
import { writeNotices } from './scripts/notices.mjs';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');
const common = {
  bundle: true,
  metafile: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  // Chinese text (messages, data tables) as UTF-8, not \uXXXX escapes: 3 bytes a
  // character instead of 6 (server.js 673 KB -> 560 KB). Node reads sources as UTF-8.
  charset: 'utf8',
  logLevel: 'warning',
};

const entries = [
  // The extension and, forked with --jiaodui-server, its language server (client/src/main.ts).
  { entryPoints: ['client/src/main.ts'], outfile: 'dist/client.js', external: ['vscode'] },
  { entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js' },
  { entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  // require('jiaodui'): the programmatic API (package.json `exports`), never the VS Code client.
  { entryPoints: ['server/src/api.ts'], outfile: 'dist/api.js' },
];

const started = Date.now();
// A production build starts from an empty dist/: source maps or bundles of an earlier
// build must not ride along into the VSIX or the tarball. The lexicon is kept (it is
// rebuilt below only when its header is stale).
if (production && fs.existsSync('dist')) {
  for (const file of fs.readdirSync('dist')) if (file !== LEXICON_FILE) fs.rmSync(`dist/${file}`, { recursive: true, force: true });
}
if (!(await lexiconIsCurrent('dist')) || process.argv.includes('--lexicon')) await buildLexicon('dist');
if (watch) {
  for (const entry of entries) await (await esbuild.context({ ...common, ...entry })).watch();
} else {
  const results = await Promise.all(entries.map((entry) => esbuild.build({ ...common, ...entry })));
  fs.chmodSync('dist/cli.js', 0o755);
  writeNotices(
    results.map((r) => r.metafile),
    'dist/THIRD-PARTY-NOTICES.txt',
  );
  execFileSync(process.execPath, ['dist/cli.js', 'learn', 'seeds', '--out', 'dist/model.json', '--quiet'], { stdio: 'inherit' });
  // dist/model.bin: the default model with its phrase tables built in, so a lint start skips building them.
  const prepare = await esbuild.build({
    ...common,
    sourcemap: false,
    metafile: false,
    entryPoints: ['scripts/prepare-model.ts'],
    write: false,
    outfile: 'prepare-model.js',
  });
  execFileSync(process.execPath, ['-', 'dist'], { input: prepare.outputFiles[0].text, stdio: ['pipe', 'inherit', 'inherit'] });
  // The API's type declarations, for the npm package (a production build is what npm pack ships).
  if (production) execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.api.json'], { stdio: 'inherit' });
  console.log(`build: dist/ ready in ${Date.now() - started} ms`);
}
