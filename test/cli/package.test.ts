/**
 * Packaging as a user receives it: the npm tarball and the VSIX, built the way
 * `npm pack` and `npx vsce package` build them (a production build: minified, no source
 * maps). The tarball installs with no runtime dependency and runs `lint`, `learn` and the
 * programmatic API; the VSIX packs with no flag and no warning and carries the licence,
 * the notices and what the extension loads, and nothing else. The dev build is restored after.
 */
import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ROOT } from './support';

const npm = (args: string[], cwd: string) =>
  execFileSync('npm', args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' },
  });

describe('packaging (npm tarball and VSIX)', function () {
  this.timeout(180_000);
  let tmp: string;

  before(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'jiaodui-pack-'));
    execFileSync(process.execPath, ['esbuild.mjs', '--production'], { cwd: ROOT, stdio: 'pipe' });
  });
  after(() => {
    fs.rmSync(tmp, { recursive: true, force: true });
    execFileSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT, stdio: 'pipe' });
  });

  it('the npm tarball carries the CLI, API, data, licence and notices; no maps, no VS Code client', () => {
    const [pack] = JSON.parse(npm(['pack', '--json', '--ignore-scripts', '--pack-destination', tmp], ROOT)) as Array<{
      filename: string;
      size: number;
      files: Array<{ path: string }>;
    }>;
    const files = pack.files.map((f) => f.path);
    // 2.4 MB with the lexicon as text; 1.7 MB with dist/lexicon.bin (2026-12-06).
    assert.ok(pack.size < 2 * 2 ** 20, `tarball is ${pack.size} bytes`);
    for (const must of [
      'LICENSE',
      'README.md',
      'dist/cli.js',
      'dist/api.js',
      'dist/types/api.d.ts',
      'dist/lexicon.bin',
      'dist/model.json',
      'dist/THIRD-PARTY-NOTICES.txt',
    ]) {
      assert.ok(files.includes(must), `${must} missing from the tarball`);
    }
    assert.deepEqual(
      files.filter((f) => f.endsWith('.map') || f === 'dist/client.js' || f.startsWith('server/') || f.startsWith('test/')),
      [],
    );
    fs.renameSync(path.join(tmp, pack.filename), path.join(tmp, 'jiaodui.tgz'));
  });

  it('installs globally with no runtime dependency and runs lint, learn and the API', () => {
    const prefix = path.join(tmp, 'prefix');
    npm(['install', '-g', '--offline', '--prefix', prefix, path.join(tmp, 'jiaodui.tgz')], tmp);
    const installed = path.join(prefix, 'lib', 'node_modules', 'jiaodui');
    assert.ok(fs.existsSync(installed));
    assert.equal(fs.existsSync(path.join(installed, 'node_modules')), false, 'no dependency was installed');
    const bin = path.join(prefix, 'bin', 'jiaodui');
    const draft = path.join(tmp, 'draft.txt');
    fs.writeFileSync(draft, '我们要以此为为抓手，推进工作。\n');
    const lint = spawnSync(bin, ['lint', draft, '--format', 'json'], { encoding: 'utf8' });
    assert.equal(lint.status, 1, lint.stderr);
    assert.ok(
      (JSON.parse(lint.stdout) as { files: Array<{ diagnostics: Array<{ rule: string }> }> }).files[0].diagnostics.some((d) => d.rule === 'duplicate-word'),
    );
    const out = path.join(tmp, 'model.json');
    const learn = spawnSync(bin, ['learn', path.join(ROOT, 'seeds'), '--out', out], { encoding: 'utf8' });
    assert.equal(learn.status, 0, learn.stderr);
    assert.ok(fs.statSync(out).size > 1000);
    const api = spawnSync(
      process.execPath,
      ['-e', `const j = require('jiaodui'); const f = j.lint('我们要以此为为抓手。'); console.log(f.map((x) => x.rule).join(','))`],
      {
        cwd: tmp,
        encoding: 'utf8',
        env: { ...process.env, NODE_PATH: path.join(prefix, 'lib', 'node_modules') },
      },
    );
    assert.equal(api.status, 0, api.stderr);
    assert.match(api.stdout, /duplicate-word/);
  });

  it('`npx vsce package` needs no flag, warns of nothing, and ships only what the extension loads', () => {
    const vsix = path.join(tmp, 'jiaodui.vsix');
    const result = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/@vscode/vsce/vsce'), 'package', '--out', vsix], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(result.status, 0, result.stderr + result.stdout);
    assert.doesNotMatch(result.stdout + result.stderr, /WARNING/i);
    const listing = execFileSync('unzip', ['-Z1', vsix], { encoding: 'utf8' }).split('\n').filter(Boolean);
    for (const must of [
      'extension/LICENSE.txt',
      'extension/dist/THIRD-PARTY-NOTICES.txt',
      'extension/dist/client.js',
      'extension/dist/lexicon.bin',
      'extension/dist/model.json',
    ]) {
      assert.ok(listing.includes(must), `${must} missing from the VSIX`);
    }
    assert.deepEqual(
      listing.filter((f) => f.endsWith('.map') || f.endsWith('dist/cli.js') || f.includes('node_modules/')),
      [],
    );
    // The target (issue 12): at most 1.5 MB (10^6 bytes, not vsce's MiB), lexicon and model inside.
    // 1,469,409 bytes on 2026-12-06, 1,088,128 of them the lexicon (dist/lexicon.bin, stored).
    assert.ok(fs.statSync(vsix).size <= 1_500_000, `VSIX is ${fs.statSync(vsix).size} bytes`);
  });
});
