/**
 * fixed-phrase recall by kind of slip, read from the injections bench/dev-quality.ts dumps
 * (bench/results/dev-injections-<model>-<half>.tsv): by edit (substituted, dropped, added),
 * where in the phrase it falls (first, inner, last character), the phrase's length (four
 * characters, or five and more) and how often the model holds the phrase. The families of
 * slips the rule misses most are where the next mechanism is needed.
 *
 *   npx tsx bench/dev-quality.ts --rules fixed-phrase --model learned --half A
 *   npx tsx bench/phrase-recall.ts [--model default|learned] [--half A|B]
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { RESULTS_DIR } from './lib/corpus';

const { values } = parseArgs({ options: { model: { type: 'string', default: 'learned' }, half: { type: 'string', default: 'A' } } });
const file = path.join(RESULTS_DIR, `dev-injections-${values.model}-${values.half}.tsv`);
if (!fs.existsSync(file)) {
  console.error(`${file} not found: run bench/dev-quality.ts --rules fixed-phrase --model ${values.model} --half ${values.half} first`);
  process.exit(2);
}

/** Where the variant differs from the phrase: the edit's kind and its position in the phrase. */
function editOf(phrase: string, variant: string): { kind: string; at: number } {
  if (variant.length === phrase.length) {
    for (let i = 0; i < phrase.length; i++) if (phrase[i] !== variant[i]) return { kind: 'substitute', at: i };
  }
  if (variant.length < phrase.length) {
    for (let i = 0; i < phrase.length; i++) if (phrase.slice(0, i) + phrase.slice(i + 1) === variant) return { kind: 'drop', at: i };
  }
  for (let i = 0; i < variant.length; i++) if (variant.slice(0, i) + variant.slice(i + 1) === phrase) return { kind: 'add', at: i };
  return { kind: '?', at: -1 };
}

const tallies = new Map<string, Map<string, [number, number]>>();
const count = (table: string, key: string, found: boolean) => {
  const rows = tallies.get(table) ?? new Map<string, [number, number]>();
  tallies.set(table, rows);
  const row = rows.get(key) ?? [0, 0];
  row[0]++;
  if (found) row[1]++;
  rows.set(key, row);
};

for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
  const [found, rule, , , label] = line.split('\t');
  if (rule !== 'fixed-phrase') continue;
  const parsed = /^(\S+) \((\d+)× in the model\) → (\S+)$/u.exec(label ?? '');
  if (!parsed) continue;
  const [, phrase, times, variant] = parsed;
  const { kind, at } = editOf(phrase, variant);
  const last = kind === 'add' ? phrase.length : phrase.length - 1;
  const where = at === 0 ? 'first' : at === last ? 'last' : 'inner';
  const length = phrase.length === 4 ? '4' : '5+';
  const n = Number(times);
  const hit = found === '1';
  count('edit · position · length', `${kind} ${where} ${length}`, hit);
  count('phrase count in the model', n < 5 ? '3–4' : n < 10 ? '5–9' : n < 30 ? '10–29' : n < 100 ? '30–99' : '100+', hit);
  count('all', 'all', hit);
}

for (const [table, rows] of tallies) {
  console.log(`\n${table}`);
  for (const [key, [injected, found]] of [...rows].sort())
    console.log(`  ${key.padEnd(24)} ${String(injected).padStart(5)}  recall ${(found / injected).toFixed(2)}`);
}
