// Prepares dist/lexicon.txt from jieba's dictionary (shipped by @node-rs/jieba):
// the Han-only entries, `word freq pos` per line. Run at build time only, so no
// native module is needed when jiaodui runs.
import { createRequire } from 'node:module';
import * as fs from 'node:fs';
import * as path from 'node:path';

const require = createRequire(import.meta.url);
export function buildLexicon(outDir) {
  const dictPath = path.join(path.dirname(require.resolve('@node-rs/jieba/package.json')), 'dict.txt');
  const lines = fs.readFileSync(dictPath, 'utf8').split('\n');
  const han = /^\p{Script=Han}+$/u;
  const out = [];
  for (const line of lines) {
    const [word, freq, pos] = line.trim().split(' ');
    if (!word || !han.test(word) || !(Number(freq) > 0)) continue;
    out.push(`${word} ${Number(freq)} ${pos || 'x'}`);
  }
  fs.mkdirSync(outDir, { recursive: true });
  const target = path.join(outDir, 'lexicon.txt');
  fs.writeFileSync(target, out.join('\n') + '\n');
  return { target, words: out.length };
}
