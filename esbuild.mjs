// The build: lexicon → bundles (client, server, CLI) → default model learned from seeds/.
import * as esbuild from 'esbuild';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import { buildLexicon, LEXICON_HEADER } from './scripts/build-lexicon.mjs';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
};

const entries = [
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] },
  { entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js' },
  { entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
];

const started = Date.now();
const lexiconIsCurrent = () => {
  try {
    const fd = fs.openSync('dist/lexicon.txt', 'r');
    const head = Buffer.alloc(LEXICON_HEADER.length);
    fs.readSync(fd, head, 0, head.length, 0);
    fs.closeSync(fd);
    return head.toString() === LEXICON_HEADER;
  } catch {
    return false;
  }
};
if (!lexiconIsCurrent() || process.argv.includes('--lexicon')) buildLexicon('dist');
if (watch) {
  for (const entry of entries) await (await esbuild.context({ ...common, ...entry })).watch();
} else {
  await Promise.all(entries.map((entry) => esbuild.build({ ...common, ...entry })));
  fs.chmodSync('dist/cli.js', 0o755);
  execFileSync(process.execPath, ['dist/cli.js', 'learn', 'seeds', '--out', 'dist/model.json', '--quiet'], { stdio: 'inherit' });
  console.log(`build: dist/ ready in ${Date.now() - started} ms`);
}
