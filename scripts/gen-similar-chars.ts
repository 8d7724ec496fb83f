/**
 * Builds data/similar-chars.json from pycorrector's confusion sets (Apache-2.0, see
 * data/THIRD-PARTY-NOTICES.md): characters read alike (same pinyin in any tone, one
 * group a string) and characters that look alike (one group a string). The rules use
 * them as evidence that a one-character variant is a slip of the eye or of the input
 * method rather than another word or another person.
 *
 *   npx tsx scripts/gen-similar-chars.ts [../shared/data/pycorrector]
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..');
const source = path.resolve(process.argv[2] ?? path.join(ROOT, '..', 'shared', 'data', 'pycorrector'));
const han = (c: string) => /^\p{Script=Han}$/u.test(c);

const sound = new Set<string>();
for (const line of fs.readFileSync(path.join(source, 'same_pinyin.txt'), 'utf8').split('\n')) {
  if (line.startsWith('#')) continue;
  const [ch = '', same = '', other = ''] = line.split('\t');
  const group = [...new Set([...ch.trim(), ...same, ...other])].filter(han).sort();
  if (group.length > 1) sound.add(group.join(''));
}
const shape = new Set<string>();
for (const line of fs.readFileSync(path.join(source, 'same_stroke.txt'), 'utf8').split('\n')) {
  const group = [...new Set(line.split(/\s+/))].filter(han);
  if (group.length > 1) shape.add(group.join(''));
}
const out = { source: 'pycorrector/data same_pinyin.txt (same pinyin, any tone) and same_stroke.txt', sound: [...sound].sort(), shape: [...shape].sort() };
fs.writeFileSync(path.join(ROOT, 'data', 'similar-chars.json'), JSON.stringify(out, null, 0).replace(/","/g, '",\n"') + '\n');
console.log(`data/similar-chars.json: ${sound.size} sound groups, ${shape.size} shape groups`);
