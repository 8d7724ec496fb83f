/**
 * Neovim end-to-end suite: runs run.lua in a headless Neovim whose only configuration is the one
 * docs/editors.md shows (jiaodui.lua), against the built `jiaodui lsp`, with a time limit.
 *   npx tsx test/e2e/neovim/run.ts        (after `node esbuild.mjs`)
 * `jiaodui` is put on PATH the way `npm install -g` would, pointing at this checkout's dist/cli.js.
 * Neovim's user folders are redirected to a temporary home so a developer's own plugins and
 * settings cannot change the result.
 */
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { RULES } from '../../../server/src/core/rules';

const root = path.resolve(__dirname, '../../..');
const here = path.join(root, 'test/e2e/neovim');
const configFile = path.join(here, 'jiaodui.lua');
const docsFile = path.join(root, 'docs/editors.md');
const TIME_LIMIT_MS = 120_000;

function fail(message: string): never {
  console.error(`neovim e2e: ${message}`);
  console.log('neovim: 0 passed, 1 failed');
  process.exit(1);
}

/** Seed 000 with its 卫生卫生 line made harder: a reporter named with 𠮷 (a surrogate pair in
 * UTF-16, one code point, four UTF-8 bytes) and a half-width comma before the duplicate. */
function writeDraft(dir: string): string {
  const seed = fs.readdirSync(path.join(root, 'seeds')).find((name) => name.startsWith('000_'));
  if (!seed) fail('seeds/000_*.txt is missing');
  const lines = fs.readFileSync(path.join(root, 'seeds', seed), 'utf8').split('\n');
  const index = lines.findIndex((line) => line.includes('卫生卫生'));
  if (index < 0 || !lines[index].includes('本报讯（记者李季）1月14日，')) fail(`${seed} no longer has the expected 卫生卫生 line`);
  lines[index] = lines[index].replace('本报讯（记者李季）1月14日，', '本报讯（记者李𠮷𠮷）1月14日,');
  const draft = path.join(dir, 'henan-sanyi.draft');
  fs.writeFileSync(draft, lines.join('\n'));
  return draft;
}

function main(): void {
  const version = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
  if (version.error || version.status !== 0) fail('nvim is not installed (run test/e2e/setup/prerequisites.sh)');
  console.log(`# ${version.stdout.split('\n')[0]}`);
  const cli = path.join(root, 'dist/cli.js');
  if (!fs.existsSync(cli)) fail('dist/cli.js is missing: run `node esbuild.mjs` first');

  // The documentation shows exactly the configuration this suite runs: docs/editors.md holds it, and
  // any jiaodui Lua block in the README or there is that file verbatim.
  const config = fs.readFileSync(configFile, 'utf8');
  const luaBlocks = (file: string) =>
    fs.existsSync(file) ? [...fs.readFileSync(file, 'utf8').matchAll(/```lua\n([\s\S]*?)```/g)].map((m) => m[1]).filter((b) => b.includes('jiaodui')) : [];
  const blocks = [...luaBlocks(docsFile), ...luaBlocks(path.join(root, 'README.md'))];
  const documented = luaBlocks(docsFile).includes(config) && blocks.every((block) => block === config);
  console.log(`${documented ? 'ok' : 'not ok'} - docs/editors.md (and any README Lua block) shows test/e2e/neovim/jiaodui.lua verbatim`);

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jiaodui-nvim-'));
  const bin = path.join(dir, 'bin');
  fs.mkdirSync(bin);
  fs.writeFileSync(path.join(bin, 'jiaodui'), `#!/bin/sh\nexec "${process.execPath}" "${cli}" "$@"\n`, { mode: 0o755 });
  const draft = writeDraft(dir);

  const env = {
    ...process.env,
    PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}`,
    XDG_CONFIG_HOME: path.join(dir, 'config'),
    XDG_DATA_HOME: path.join(dir, 'data'),
    XDG_STATE_HOME: path.join(dir, 'state'),
    XDG_CACHE_HOME: path.join(dir, 'cache'),
    JIAODUI_E2E_CONFIG: configFile,
    JIAODUI_E2E_DRAFT: draft,
    JIAODUI_E2E_RULES: RULES.map((rule) => rule.meta.id).join(','),
  };
  const started = Date.now();
  const child = spawn('nvim', ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-c', `luafile ${path.join(here, 'run.lua')}`], {
    cwd: dir,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    process.stdout.write(chunk);
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const timer = setTimeout(() => {
    console.error(`neovim e2e: no result within ${TIME_LIMIT_MS / 1000} s; stopping nvim`);
    child.kill('SIGKILL');
  }, TIME_LIMIT_MS);
  child.on('close', (code, signal) => {
    clearTimeout(timer);
    if (stderr.trim()) console.error(stderr.trim());
    const summary = /^neovim: (\d+) passed, (\d+) failed$/m.exec(output);
    const passed = Number(summary?.[1] ?? 0) + (documented ? 1 : 0);
    const failed = Number(summary?.[2] ?? 0) + (documented ? 0 : 1) + (summary ? 0 : 1);
    const ok = code === 0 && summary !== null && failed === 0;
    console.log(`# nvim exited with ${signal ?? code} after ${((Date.now() - started) / 1000).toFixed(1)} s`);
    console.log(`neovim e2e: ${passed} passed, ${failed} failed`);
    if (ok) fs.rmSync(dir, { recursive: true, force: true });
    else console.log(`# left for inspection: ${dir}`);
    process.exit(ok ? 0 : 1);
  });
}

main();
