/**
 * Seed regression and golden snapshots.
 *
 * 1. Every defect found by hand in seeds/ (shared/docs/seed-defects.md) that a rule
 *    is meant to catch is found with the default model.
 * 2. A caret snapshot of all findings per seed (test/golden/seeds/<file>.snap), in the
 *    manner of harper's golden files: a change in behaviour shows in review. Regenerate
 *    with UPDATE_GOLDEN=1 npm test.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Linter, TextModel, type Finding } from '../../server/src/core';
import { optionsWith } from '../support/resources';

const root = path.resolve(__dirname, '../..');
const seedDir = path.join(root, 'seeds');
const seeds = fs.readdirSync(seedDir).filter((f) => f.endsWith('.txt')).sort();

interface KnownDefect {
  file: string;
  /** 1-based physical line, as in seed-defects.md. */
  line: number;
  rule: string;
  /** Text the finding must cover (or touch, for line-level findings). */
  excerpt: string;
  note: string;
}

const KNOWN: KnownDefect[] = [
  { file: '000', line: 75, rule: 'duplicate-word', excerpt: '卫生', note: '1a #1 医疗卫生卫生强基工程' },
  { file: '001', line: 143, rule: 'duplicate-word', excerpt: '度', note: '1a #2 年度度纠风重点' },
  { file: '002', line: 108, rule: 'duplicate-word', excerpt: '新', note: '1a #3 传承创新新发展' },
  { file: '002', line: 132, rule: 'duplicate-word', excerpt: '为', note: '1a #4 以中西医结合为为抓手' },
  { file: '003', line: 145, rule: 'fixed-phrase', excerpt: '的', note: '1a #5 党的二十大的二十届历次全会精神' },
  { file: '001', line: 81, rule: 'fixed-phrase', excerpt: '中西结合', note: '1a #12 中西结合与少数民族医药司' },
  { file: '004', line: 2613, rule: 'name-consistency', excerpt: '王志宏', note: '1a #13 王宏志 ×5 elsewhere' },
  { file: '004', line: 1220, rule: 'numbering-sequence', excerpt: '三', note: '1a #23 一是/二是/三对/四是' },
  { file: '004', line: 1375, rule: 'stray-digits', excerpt: '36 / 88', note: '§3 page marker interrupting a sentence' },
  { file: '002', line: 3, rule: 'punctuation-width', excerpt: ',', note: '§1b 稳中求进,擘画' },
  { file: '002', line: 5, rule: 'punctuation-form', excerpt: '—', note: '§1b single — as a subtitle leader' },
  { file: '004', line: 182, rule: 'punctuation-form', excerpt: '----', note: '§1b ----本期内容----' },
  { file: '000', line: 35, rule: 'broken-paragraph', excerpt: '', note: '§1b 吕柱表/示' },
];

function lintSeed(file: string): { text: string; model: TextModel; findings: Finding[] } {
  const text = fs.readFileSync(path.join(seedDir, file), 'utf8');
  const linter = new Linter(optionsWith());
  return { text, model: new TextModel(text), findings: linter.lint(text) };
}

function snapshot(model: TextModel, findings: Finding[]): string {
  const out: string[] = [];
  for (const f of findings) {
    const start = model.positionAt(f.offset);
    const end = model.positionAt(f.offset + f.length);
    const line = model.lineText(start.line);
    const width = start.line === end.line ? Math.max(1, end.character - start.character) : Math.max(1, line.length - start.character);
    const excerptStart = Math.max(0, start.character - 12);
    const pad = [...line.slice(excerptStart, start.character)].map((c) => (c.charCodeAt(0) > 0x2e80 ? '　' : ' ')).join('');
    const carets = [...line.slice(start.character, start.character + width)].map((c) => (c.charCodeAt(0) > 0x2e80 ? '＾' : '^')).join('') || '^';
    out.push(`${start.line + 1}:${start.character + 1} ${f.rule} ${f.severity}: ${f.message}`);
    out.push(`  ${line.slice(excerptStart, start.character + width + 12)}`);
    out.push(`  ${pad}${carets}`);
  }
  return out.join('\n') + '\n';
}

describe('seeds', () => {
  const cache = new Map<string, ReturnType<typeof lintSeed>>();
  const get = (prefix: string) => {
    const file = seeds.find((s) => s.startsWith(prefix))!;
    if (!cache.has(file)) cache.set(file, lintSeed(file));
    return cache.get(file)!;
  };

  describe('known defects are found', () => {
    for (const known of KNOWN) {
      it(`${known.file}:${known.line} ${known.rule} — ${known.note}`, () => {
        const { model, findings } = get(known.file);
        const hit = findings.some((f) => {
          if (f.rule !== known.rule) return false;
          const first = model.positionAt(f.offset).line + 1;
          const last = model.positionAt(f.offset + f.length).line + 1;
          const covered = model.raw.slice(f.offset, f.offset + f.length);
          const nearLine = known.line >= first - 2 && known.line <= last + 2;
          return nearLine && (known.excerpt === '' || covered.includes(known.excerpt) || known.excerpt.includes(covered));
        });
        assert.ok(hit, `no ${known.rule} finding near line ${known.line}`);
      });
    }
  });

  describe('golden snapshots', () => {
    for (const file of seeds) {
      it(file, () => {
        const { model, findings } = get(file.slice(0, 3));
        const actual = snapshot(model, findings);
        const snapFile = path.join(__dirname, 'seeds', `${file}.snap`);
        if (process.env.UPDATE_GOLDEN || !fs.existsSync(snapFile)) {
          fs.mkdirSync(path.dirname(snapFile), { recursive: true });
          fs.writeFileSync(snapFile, actual);
          if (!process.env.UPDATE_GOLDEN) assert.fail(`wrote a new snapshot ${path.relative(root, snapFile)}; review and commit it`);
        }
        assert.equal(actual, fs.readFileSync(snapFile, 'utf8'), 'findings changed; review, then UPDATE_GOLDEN=1 npm test');
      });
    }
  });
});
