/**
 * Builds data/given-name-chars.json from pycorrector's person_name.txt (Apache-2.0, see
 * data/THIRD-PARTY-NOTICES.md): for each character, in how many of the listed two- and
 * three-character names that open with a common single surname it stands in the given
 * name. wrong-char reads it to tell a name (丁薛祥: 祥 names hundreds of people) from a
 * slip after a character that happens to be a surname too (成裹: 裹 names nobody).
 *
 *   npx tsx scripts/gen-given-name-chars.ts [../shared/data/pycorrector]
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { surnameAt } from '../server/src/core/analysis/names';

const ROOT = path.resolve(__dirname, '..');
const source = path.resolve(process.argv[2] ?? path.join(ROOT, '..', 'shared', 'data', 'pycorrector'));
const han = (c: string) => /^\p{Script=Han}$/u.test(c);

/** Characters named by a single listed name are left out: one name is no habit. */
const MIN_NAMES = 2;

const counts = new Map<string, number>();
let names = 0;
for (const line of fs.readFileSync(path.join(source, 'person_name.txt'), 'utf8').split('\n')) {
  const name = line.split(/\s+/)[0] ?? '';
  if (name.length < 2 || name.length > 3 || ![...name].every(han) || surnameAt(name, 0) !== 1) continue;
  names++;
  for (const ch of new Set(name.slice(1))) counts.set(ch, (counts.get(ch) ?? 0) + 1);
}
const kept = [...counts].filter(([, n]) => n >= MIN_NAMES).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
const out = {
  source: 'pycorrector/data person_name.txt: per character, the two- and three-character names (single common surname) whose given name holds it',
  names,
  counts: Object.fromEntries(kept),
};
fs.writeFileSync(path.join(ROOT, 'data', 'given-name-chars.json'), JSON.stringify(out) + '\n');
console.log(`data/given-name-chars.json: ${kept.length} characters from ${names} names`);
