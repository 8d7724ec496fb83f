/**
 * The end-to-end run: build, install what the suites need (Debian packages, code-server), then the
 * VS Code suite and the Neovim suite, each timed. A step that cannot run fails the whole run with
 * its name: a suite that did not run is never reported as passing.
 *   npx tsx test/e2e/run.ts [vscode] [neovim]      (both when none is named)
 * Ends with one closing line, "e2e: N passed, N failed", summing the suites' own counts.
 */
import { spawn } from 'node:child_process';
import * as path from 'node:path';

const root = path.resolve(__dirname, '../..');
const bin = (name: string) => path.join(root, 'node_modules/.bin', name);

interface Step {
  name: string;
  command: string[];
  /** How the step's own closing line reports its tests; setup steps have none. */
  summary?: RegExp;
}

const wanted = new Set(process.argv.slice(2));
const all = wanted.size === 0;
for (const name of wanted) {
  if (name !== 'vscode' && name !== 'neovim') {
    console.error(`usage: tsx test/e2e/run.ts [vscode] [neovim] (unknown: ${name})`);
    process.exit(2);
  }
}

const steps: Step[] = [
  { name: 'build', command: [process.execPath, 'esbuild.mjs'] },
  { name: 'prerequisites (apt)', command: ['bash', 'test/e2e/setup/prerequisites.sh'] },
];
if (all || wanted.has('vscode')) {
  steps.push(
    { name: 'code-server install', command: ['bash', 'test/e2e/setup/code-server.sh', '.e2e/code-server'] },
    {
      name: 'VS Code suite',
      command: [
        bin('mocha'),
        '--no-config',
        '--require',
        'tsx/cjs',
        '--extension',
        'ts',
        '--timeout',
        '120000',
        '--reporter',
        'test/support/summary-reporter.cjs',
        'test/e2e/vscode/vscode.e2e.ts',
      ],
      summary: /^tests: (\d+) passed, (\d+) failed/m,
    },
  );
}
if (all || wanted.has('neovim')) {
  steps.push({ name: 'Neovim suite', command: [bin('tsx'), 'test/e2e/neovim/run.ts'], summary: /^neovim e2e: (\d+) passed, (\d+) failed/m });
}

function run(step: Step): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    console.log(`\n=== e2e: ${step.name}`);
    const child = spawn(step.command[0], step.command.slice(1), { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      process.stdout.write(chunk);
    });
    child.on('error', (error) => {
      console.error(`e2e: cannot start ${step.command[0]}: ${error.message}`);
      resolve({ code: 127, output });
    });
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 128 : 1), output }));
  });
}

async function main(): Promise<void> {
  const timings: string[] = [];
  let passed = 0;
  let failed = 0;
  let broken: string | undefined;
  for (const step of steps) {
    const started = Date.now();
    const { code, output } = await run(step);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const counts = step.summary?.exec(output);
    if (counts) {
      passed += Number(counts[1]);
      failed += Number(counts[2]);
    }
    timings.push(`  ${step.name.padEnd(22)} ${seconds.padStart(6)} s  ${code === 0 ? 'ok' : `FAILED (exit ${code})`}`);
    if (code !== 0 || (step.summary && !counts)) {
      if (!counts) failed++;
      broken ??= step.name;
      // Later suites need what a failed setup step was to provide.
      if (!step.summary) break;
    }
  }
  console.log('\n=== e2e: durations');
  console.log(timings.join('\n'));
  if (broken) console.log(`e2e: failed at “${broken}”`);
  console.log(`e2e: ${passed} passed, ${failed} failed`);
  process.exit(broken ? 1 : 0);
}

void main();
