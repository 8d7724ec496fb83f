/**
 * Times one peer on one file in a process of its own: `tsx bench/peer-child.ts NAME FILE`.
 * autocorrect-node keeps state between calls — after one large input, later calls in
 * the same process return at once with "call limit reached" and no findings — so a
 * peer timed twice in one process measures nothing. Prints {ms, problems, error}.
 */
import * as fs from 'node:fs';
import { loadPeers } from './peers';

async function main(): Promise<void> {
  const [name, file] = process.argv.slice(2);
  const { peers } = await loadPeers();
  const peer = peers.find((p) => p.name === name);
  if (!peer) throw new Error(`peer not available: ${name}`);
  const text = fs.readFileSync(file, 'utf8');
  const t0 = performance.now();
  let problems = 0;
  let error = '';
  try {
    problems = peer.lint(text);
  } catch (e) {
    error = (e as Error).message;
  }
  process.stdout.write(JSON.stringify({ ms: performance.now() - t0, problems, error }));
}

void main();
