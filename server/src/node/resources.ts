/**
 * Loads the prepared artefacts (lexicon, default model) from `dist/`, once per
 * process. Both bundles (dist/cli.js, dist/server.js) sit next to them; tests that
 * run from sources find them through the package root.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseModelBytes, type Lexicon, type LearnedModel } from '../core';
import { FileTooLargeError, readRegularFile } from './files';
import { readLexiconFile } from './lexicon-file';

/** A model file is never larger than this (bytes); the embedded one is a few MB. */
const MAX_MODEL_BYTES = 512 * 1024 * 1024;

export const LEXICON_FILE = 'lexicon.bin';
export const DEFAULT_MODEL_FILE = 'model.json';
/**
 * The default model again, as the binary container with fixed-phrase's tables built in
 * (scripts/prepare-model.ts): loaded instead of model.json when the build left it there,
 * which saves building the tables at every start. The VSIX, size-capped, ships model.json only.
 */
export const PREPARED_MODEL_FILE = 'model.bin';

export function distDir(): string {
  const candidates = [__dirname, path.resolve(__dirname, '../../../dist'), path.resolve(__dirname, '../../dist')];
  for (const dir of candidates) if (fs.existsSync(path.join(dir, LEXICON_FILE))) return dir;
  throw new Error(`找不到 ${LEXICON_FILE}：请先运行 npm run build（looked in ${candidates.join(', ')}）`);
}

let lexicon: Lexicon | undefined;
export function loadLexicon(): Lexicon {
  lexicon ??= readLexiconFile(path.join(distDir(), LEXICON_FILE));
  return lexicon;
}

const models = new Map<string, LearnedModel>();
/** Loads a model file (default: the embedded model learned from seeds/). */
export function loadModel(file?: string): LearnedModel {
  if (file === undefined) return loadDefaultModel();
  const resolved = path.resolve(file);
  let model = models.get(resolved);
  if (!model) {
    let bytes: Uint8Array;
    try {
      // A regular file only: a model path naming a FIFO or /dev/zero must not hang a lint.
      bytes = readRegularFile(resolved, MAX_MODEL_BYTES);
    } catch (error) {
      const why = (error as NodeJS.ErrnoException).code ?? (error instanceof FileTooLargeError ? 'too large' : (error as Error).message);
      throw new Error(`${resolved}: 无法读取模型（${why}）`);
    }
    model = parseModelBytes(bytes, resolved);
    models.set(resolved, model);
  }
  return model;
}

let defaultModel: LearnedModel | undefined;
/** The embedded model: its prepared binary form when present and readable, else model.json. */
function loadDefaultModel(): LearnedModel {
  if (defaultModel) return defaultModel;
  const dir = distDir();
  const prepared = path.join(dir, PREPARED_MODEL_FILE);
  if (fs.existsSync(prepared)) {
    try {
      defaultModel = loadModel(prepared);
    } catch {
      // A model.bin the running code cannot read (an older build's): the readable model serves.
    }
  }
  defaultModel ??= loadModel(path.join(dir, DEFAULT_MODEL_FILE));
  return defaultModel;
}
