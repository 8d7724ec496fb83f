// Prepares dist/lexicon.bin from jieba's dictionary (shipped by @node-rs/jieba): the
// Han-only entries, in the compact binary format of server/src/core/lexicon-format.ts
// (sorted, front-coded, each section compressed), written by the same TypeScript the
// run time reads it with. Run at build time only: no native module is needed when
// jiaodui runs.
import * as esbuild from 'esbuild';
import { createRequire } from 'node:module';
import * as fs from 'node:fs';
import * as path from 'node:path';

const require = createRequire(import.meta.url);
export const LEXICON_FILE = 'lexicon.bin';

/** server/src/node/lexicon-file.ts, bundled in memory and loaded as a CommonJS module. */
async function lexiconFileModule() {
  const built = await esbuild.build({
    entryPoints: [path.join(import.meta.dirname, '../server/src/node/lexicon-file.ts')],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    write: false,
    logLevel: 'warning',
  });
  const module = { exports: {} };
  new Function('module', 'exports', 'require', built.outputFiles[0].text)(module, module.exports, require);
  return module.exports;
}

/** True when outDir holds a lexicon in the current binary format. */
export async function lexiconIsCurrent(outDir) {
  const { LEXICON_BINARY_HEADER } = await lexiconFileModule();
  try {
    const fd = fs.openSync(path.join(outDir, LEXICON_FILE), 'r');
    const head = Buffer.alloc(LEXICON_BINARY_HEADER.length);
    fs.readSync(fd, head, 0, head.length, 0);
    fs.closeSync(fd);
    return head.toString() === LEXICON_BINARY_HEADER;
  } catch {
    return false;
  }
}

export async function buildLexicon(outDir) {
  const dictPath = path.join(path.dirname(require.resolve('@node-rs/jieba/package.json')), 'dict.txt');
  const han = /^\p{Script=Han}+$/u;
  const lines = fs
    .readFileSync(dictPath, 'utf8')
    .split('\n')
    .filter((line) => han.test(line.trim().split(' ')[0]));
  fs.mkdirSync(outDir, { recursive: true });
  const { writeLexiconFile } = await lexiconFileModule();
  const target = path.join(outDir, LEXICON_FILE);
  const { words, bytes } = writeLexiconFile(target, lines);
  // The text format shipped before: never left beside the binary one.
  fs.rmSync(path.join(outDir, 'lexicon.txt'), { force: true });
  return { target, words, bytes };
}
