/**
 * jiaodui/learnModel: the CLI's `jiaodui learn`, run in the server (which already
 * holds the core and the lexicon), so the editor needs no child process and it works
 * in any extension host, including a web workbench's.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { learnModel } from '../core';
import { discover, readRegularFile } from '../node/files';
import { writeModelFile } from '../node/model-file';
import { loadLexicon } from '../node/resources';
import type { LearnModelParams, LearnModelResult } from './protocol';

/** One corpus file is never larger than this (bytes). */
const MAX_CORPUS_FILE_BYTES = 64 * 1024 * 1024;

export function learnFromFolders(params: LearnModelParams): LearnModelResult {
  const { files, problems } = discover(params.inputs, process.cwd(), () => false);
  if (files.length === 0) {
    const why = problems.map((p) => `${p.path}：${p.reason}`).join('；');
    throw new Error(`没有可学习的稿件${why ? `（${why}）` : ''}`);
  }
  // Regular files only (discover checked; the read checks again on the open file): a FIFO would hang the server.
  const corpus = files.map((file) => ({
    path: file,
    content: readRegularFile(file, MAX_CORPUS_FILE_BYTES)
      .toString('utf8')
      .replace(/^\uFEFF/, ''),
  }));
  const model = learnModel(corpus, loadLexicon());
  fs.mkdirSync(path.dirname(params.out), { recursive: true });
  // Atomic, as the CLI does: a server linting meanwhile never reads half a model.
  writeModelFile(params.out, model);
  return { out: params.out, documents: corpus.length, characters: model.corpus.characters };
}
