/** The seed newspapers the benchmarks read, and the paths they share. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { languageOfPath, type Language } from '../../server/src/core';

export const REPO_ROOT = path.resolve(__dirname, '../..');
export const SEEDS_DIR = path.join(REPO_ROOT, 'seeds');
export const RESULTS_DIR = path.join(REPO_ROOT, 'bench', 'results');

export interface SeedDoc {
  /** Base name, e.g. 000_e42e80259c6355a8.txt. */
  name: string;
  path: string;
  content: string;
  language: Language;
}

/** Same choice as learnModel and the CLI: the extension decides the language. */
export function languageOf(file: string): Language {
  return languageOfPath(file);
}

export function loadSeeds(dir = SEEDS_DIR): SeedDoc[] {
  return fs
    .readdirSync(dir)
    .filter((name) => /\.(txt|md)$/i.test(name))
    .sort()
    .map((name) => {
      const file = path.join(dir, name);
      return { name, path: file, content: fs.readFileSync(file, 'utf8'), language: languageOf(name) };
    });
}

export function writeResult(name: string, data: unknown, dir = RESULTS_DIR): string {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, name);
  fs.writeFileSync(file, JSON.stringify(data, null, 2) + '\n');
  return file;
}

/** Human-readable machine line for result files and the README. */
export function machineDescription(): string {
  const cpus = os.cpus();
  const model = cpus[0]?.model?.replace(/\s+/g, ' ').trim() ?? 'unknown CPU';
  return `${model} ×${cpus.length}, ${Math.round(os.totalmem() / 2 ** 30)} GB RAM, ${os.platform()} ${os.release()}, Node ${process.version}`;
}
