/**
 * Why fixed-phrase let each missed injection go: the verdict point (file:line) that turned each
 * candidate down, tallied over the misses of a dev-quality run (learned model, fixed-phrase only).
 * The rule carries no tracing of its own, so this copies the working tree to a scratch folder,
 * rewrites every verdict point of acceptance.ts, edge-slip.ts and index.ts there to report its
 * line (see instrument.ts), and runs the copy. Line numbers are those of the working tree.
 *
 *   npx tsx bench/phrase-blockers [--half A|B] [--articles 600]
 *
 * Prints the tally; writes one row per miss to bench/results/phrase-blockers-<half>.tsv (decisive
 * verdict, injection, context, every candidate judged over the site with the verdicts it met) and
 * every clean false alarm with the candidates judged around it to phrase-alarms-<half>.tsv.
 * "other-target": the scan judged near-misses of other phrases over the site, never the injected one.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { instrument } from './instrument';

const { values } = parseArgs({ options: { half: { type: 'string', default: 'A' }, articles: { type: 'string', default: '600' } } });
const root = path.resolve(__dirname, '../..');
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'jiaodui-phrase-blockers-'));
const tree = path.join(scratch, 'tree');
try {
  // The working tree as it stands, edits not yet committed included.
  const files = execFileSync('git', ['ls-files', '-co', '--exclude-standard'], { cwd: root, encoding: 'utf8' }).split('\n').filter(Boolean);
  for (const file of files) {
    if (!fs.existsSync(path.join(root, file))) continue;
    fs.mkdirSync(path.dirname(path.join(tree, file)), { recursive: true });
    fs.copyFileSync(path.join(root, file), path.join(tree, file));
  }
  fs.symlinkSync(path.join(root, 'node_modules'), path.join(tree, 'node_modules'));
  // ../shared beside the copy, as beside the checkout.
  const shared = path.resolve(root, '../shared');
  if (fs.existsSync(shared)) fs.symlinkSync(shared, path.join(scratch, 'shared'));
  instrument(tree);
  execFileSync(process.execPath, ['esbuild.mjs'], { cwd: tree, stdio: 'ignore' });
  const results = path.join(root, 'bench/results');
  fs.mkdirSync(results, { recursive: true });
  execFileSync(
    process.execPath,
    [path.join(root, 'node_modules/tsx/dist/cli.mjs'), 'bench/phrase-blockers/run.ts', values.half!, values.articles!, root, results],
    {
      cwd: tree,
      stdio: 'inherit',
    },
  );
} finally {
  fs.rmSync(scratch, { recursive: true, force: true });
}
