/**
 * `jiaodui learn CORPUS... --out model.json`: read a corpus (strictly decoded, as
 * lint does), learn a model, write it atomically — the build runs this to make
 * dist/model.json, and a reader must never see half a model. A corpus file that
 * cannot be read stops the run (exit 2) rather than silently learning from less.
 */
import * as path from 'node:path';
import { learnModel, type LearnedModel } from '../core';
import { loadLexicon } from '../node/resources';
import type { LearnArgs } from './args';
import { InputError, readText } from './decode';
import { discover } from '../node/files';
import { writeFileAtomic } from '../node/write';

export interface LearnIo {
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

export function runLearn(args: LearnArgs, io: LearnIo): number {
  const discovery = discover(args.inputs, io.cwd, () => false);
  const problems = discovery.problems.map((p) => `${p.path}: ${p.reason}`);
  const files: Array<{ path: string; content: string }> = [];
  for (const file of discovery.files) {
    try {
      files.push({ path: file, content: readText(file, args.maxSize).text });
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      problems.push(`${path.relative(io.cwd, file) || file}: ${error.message}`);
    }
  }
  for (const problem of problems) io.stderr(`jiaodui: ${problem}\n`);
  if (problems.length > 0) {
    io.stderr('jiaodui: 语料有误，未写出模型（corpus errors; no model written）\n');
    return 2;
  }
  if (files.length === 0) {
    io.stderr('jiaodui: 语料为空，未写出模型（empty corpus）\n');
    return 2;
  }
  const started = Date.now();
  const model = learnModel(files, loadLexicon());
  const out = path.resolve(io.cwd, args.out);
  try {
    writeFileAtomic(out, JSON.stringify(model));
  } catch (error) {
    io.stderr(`jiaodui: ${args.out}: 无法写出模型（${(error as NodeJS.ErrnoException).code ?? (error as Error).message}）\n`);
    return 2;
  }
  if (!args.quiet) io.stdout(learnSummary(model, args.out, Date.now() - started));
  return 0;
}

/** What each section holds, by size: enough to see that learning found something. */
export function learnSummary(model: LearnedModel, out: string, ms: number): string {
  const lines = [
    `已写出模型 ${out}（model written in ${ms} ms）`,
    `  文档 documents   ${model.corpus.documents}`,
    `  字符 characters  ${model.corpus.characters}`,
  ];
  for (const [name, section] of Object.entries(model)) {
    if (name === 'schema' || name === 'version' || name === 'corpus') continue;
    lines.push(`  ${name.padEnd(15)} ${describeSection(section)}`);
  }
  return `${lines.join('\n')}\n`;
}

function describeSection(section: unknown): string {
  if (Array.isArray(section)) return `${section.length}`;
  if (typeof section !== 'object' || section === null) return String(section);
  const parts: string[] = [];
  for (const [key, value] of Object.entries(section)) {
    if (Array.isArray(value)) parts.push(`${key} ${value.length}`);
    else if (typeof value === 'number') parts.push(`${key} ${value}`);
    else if (typeof value === 'object' && value !== null) {
      const values = Object.values(value);
      // Named counters (fullWidth, ownLine…) are worth showing; maps keyed by learned data show their size.
      const counters = Object.keys(value).every((k) => /^[A-Za-z]\w*$/.test(k));
      if (counters && values.length > 0 && values.length <= 6 && values.every((v) => typeof v === 'number')) {
        parts.push(`${key} {${Object.entries(value).map(([k, v]) => `${k} ${v}`).join(', ')}}`);
      } else parts.push(`${key} ${values.length}`);
    }
  }
  return parts.join(' · ');
}
