// Prepares dist/lexicon.txt from jieba's dictionary (shipped by @node-rs/jieba):
// the Han-only entries, `word freq pos` per line, sorted by UTF-16 code unit under a
// header with the totals, so the run time looks words up by binary search instead of
// building a Map on every start. Run at build time only: no native module is needed
// when jiaodui runs.
import { createRequire } from 'node:module';
import * as fs from 'node:fs';
import * as path from 'node:path';

const require = createRequire(import.meta.url);
export const LEXICON_HEADER = '#jiaodui-lexicon';

export function buildLexicon(outDir) {
  const dictPath = path.join(path.dirname(require.resolve('@node-rs/jieba/package.json')), 'dict.txt');
  const lines = fs.readFileSync(dictPath, 'utf8').split('\n');
  const han = /^\p{Script=Han}+$/u;
  const byWord = new Map();
  for (const line of lines) {
    const [word, freqText, pos] = line.trim().split(' ');
    const freq = Number(freqText);
    if (!word || !han.test(word) || !(freq > 0)) continue;
    const previous = byWord.get(word);
    if (previous && previous.freq >= freq) continue;
    byWord.set(word, { freq, pos: pos || 'x' });
  }
  const words = [...byWord.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  let total = 0;
  let max = 1;
  const out = [];
  for (const word of words) {
    const { freq, pos } = byWord.get(word);
    total += freq;
    if (word.length > max) max = word.length;
    out.push(`${word} ${freq} ${pos}`);
  }
  fs.mkdirSync(outDir, { recursive: true });
  const target = path.join(outDir, 'lexicon.txt');
  const tmp = `${target}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, `${LEXICON_HEADER} total=${total} max=${max}\n${out.join('\n')}\n`);
  fs.renameSync(tmp, target);
  return { target, words: out.length };
}
