/**
 * The tools an editor would otherwise use, behind one interface so the speed benchmark
 * can time them on the same text as jiaodui: autocorrect-node (Rust, napi) and zhlint
 * (TypeScript), both devDependencies at pinned versions.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from './lib/corpus';

export interface Peer {
  name: string;
  version: string;
  /** What is called, for the report. */
  call: string;
  /** Lints the text and returns the number of problems reported. */
  lint(text: string): number;
}

function versionOf(pkg: string): string {
  try {
    return (JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'node_modules', pkg, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

export async function loadPeers(): Promise<{ peers: Peer[]; missing: Array<{ name: string; error: string }> }> {
  const peers: Peer[] = [];
  const missing: Array<{ name: string; error: string }> = [];
  try {
    const autocorrect = require('autocorrect-node') as typeof import('autocorrect-node');
    peers.push({
      name: 'autocorrect-node',
      version: versionOf('autocorrect-node'),
      call: "lintFor(text, 'corpus.txt')",
      lint: (text) => {
        const result = autocorrect.lintFor(text, 'corpus.txt');
        // It reports a parser failure ("call limit reached") as a field, not an exception.
        if (result.error) throw new Error(`autocorrect-node: ${result.error.split('\n').pop()?.trim()}`);
        return result.lines.length;
      },
    });
  } catch (error) {
    missing.push({ name: 'autocorrect-node', error: (error as Error).message });
  }
  try {
    // zhlint ships as an ES module only.
    const zhlint = (await import('zhlint')) as typeof import('zhlint');
    // Without a preset zhlint checks nothing; 'default' is what its CLI runs.
    const options = { rules: { preset: 'default' } };
    peers.push({
      name: 'zhlint',
      version: versionOf('zhlint'),
      call: "run(text, { rules: { preset: 'default' } })",
      lint: (text) => zhlint.run(text, options).validations.length,
    });
  } catch (error) {
    missing.push({ name: 'zhlint', error: (error as Error).message });
  }
  return { peers, missing };
}
