/**
 * Runs the extension-host suite (test/vscode/suite) inside a real VS Code through
 * @vscode/test-electron. It needs a VS Code build: VSCODE_EXECUTABLE_PATH, or a
 * download (not reachable offline). Without one it prints a plain SKIPPED line and
 * exits 0, so `npm run test:vscode` reports that nothing ran rather than failing the
 * build; the unit run (`npm test`) shows the same suite as skipped, never as passed.
 *
 *   npm run build && npm run test:vscode
 *   VSCODE_EXECUTABLE_PATH=/path/to/code npm run test:vscode
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import { downloadAndUnzipVSCode, runTests } from '@vscode/test-electron';

export const ROOT = path.resolve(__dirname, '../..');
export const SKIPPED_LINE = 'SKIPPED: extension-host tests — no VS Code build available (set VSCODE_EXECUTABLE_PATH)';

async function findVSCode(): Promise<string | undefined> {
  const fromEnv = process.env.VSCODE_EXECUTABLE_PATH;
  if (fromEnv) {
    if (!fs.existsSync(fromEnv)) throw new Error(`VSCODE_EXECUTABLE_PATH does not exist: ${fromEnv}`);
    return fromEnv;
  }
  try {
    return await downloadAndUnzipVSCode({ version: 'stable', timeout: 20_000 });
  } catch (error) {
    console.log(`  (download of VS Code failed: ${(error as Error).message.split('\n')[0]})`);
    return undefined;
  }
}

/** The suite runs as plain JS in the extension host; mocha stays external so it resolves from node_modules. */
async function buildSuite(): Promise<string> {
  const outdir = path.join(ROOT, '.vscode-test', 'suite');
  await esbuild.build({
    entryPoints: [path.join(__dirname, 'suite/index.ts'), path.join(__dirname, 'suite/extension.test.ts')],
    outdir,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode', 'mocha'],
    logLevel: 'warning',
  });
  return path.join(outdir, 'index.js');
}

/** A scratch workspace: a seed draft as .draft, and a short draft with known findings. */
function makeWorkspace(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jiaodui-vscode-'));
  const seed = fs.readdirSync(path.join(ROOT, 'seeds')).find((f) => f.startsWith('000_'))!;
  fs.copyFileSync(path.join(ROOT, 'seeds', seed), path.join(dir, 'seed.draft'));
  fs.writeFileSync(path.join(dir, 'duplicate.txt'), '一是以此为为抓手，推进改革。\n\n二是以创新为为抓手，推动发展。\n');
  return dir;
}

async function main(): Promise<number> {
  for (const file of ['dist/client.js', 'dist/server.js', 'dist/model.json']) {
    if (!fs.existsSync(path.join(ROOT, file))) {
      console.error(`${file} is missing: run \`node esbuild.mjs\` first`);
      return 1;
    }
  }
  const vscodeExecutablePath = await findVSCode();
  if (!vscodeExecutablePath) {
    console.log(SKIPPED_LINE);
    return 0;
  }
  const extensionTestsPath = await buildSuite();
  const workspace = makeWorkspace();
  try {
    return await runTests({
      vscodeExecutablePath,
      extensionDevelopmentPath: ROOT,
      extensionTestsPath,
      extensionTestsEnv: { JIAODUI_TEST_WORKSPACE: workspace },
      launchArgs: [workspace, '--disable-extensions', '--skip-welcome', '--skip-release-notes', '--disable-workspace-trust'],
    });
  } finally {
    fs.rmSync(workspace, { recursive: true, force: true });
  }
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
