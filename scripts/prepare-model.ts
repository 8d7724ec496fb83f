/**
 * Build step: dist/model.json (the default model, learned from seeds/) → dist/model.bin,
 * the same model as the binary container with fixed-phrase's tables built in. A lint
 * process that loads model.bin starts without building the phrase trie and the pair
 * tables (~50 ms of CPU on every cold start, 2026-12-06). model.json stays: it is the
 * readable form, and the VSIX (size-capped) ships only it.
 *
 *   node esbuild.mjs runs this; by hand: npx tsx scripts/prepare-model.ts dist
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseModelBytes } from '../server/src/core';
import { preparedModelContent } from '../server/src/node/model-file';
import { DEFAULT_MODEL_FILE, PREPARED_MODEL_FILE } from '../server/src/node/resources';
import { writeFileAtomic } from '../server/src/node/write';

const dist = process.argv[2] ?? 'dist';
const source = path.join(dist, DEFAULT_MODEL_FILE);
writeFileAtomic(path.join(dist, PREPARED_MODEL_FILE), preparedModelContent(parseModelBytes(fs.readFileSync(source), source)));
