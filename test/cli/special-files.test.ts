/**
 * FIFOs, devices and sockets (issue 11): reading a FIFO blocks until a writer comes,
 * /dev/zero never ends, a socket cannot be read. Named on the command line they are an
 * input error (exit 2, one line naming them); found in a folder or by a glob they are
 * skipped with a one-line reason; an endless stdin stops. Every run here has a timeout:
 * a hang fails the test instead of stalling the suite.
 */
import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { CLI, DUPLICATE, lintJson, only, removeTempDirs, tempDir, write } from './support';

const DUP_ONLY = only('duplicate-word');
/** Far longer than any of these runs takes; a hang hits it. */
const TIMEOUT_MS = 15_000;
const posix = process.platform !== 'win32';

function runWithTimeout(args: string[], options: { cwd: string; stdin?: number }): { code: number | null; stdout: string; stderr: string; timedOut: boolean } {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd: options.cwd,
    stdio: [options.stdin ?? 'pipe', 'pipe', 'pipe'],
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    timeout: TIMEOUT_MS,
    killSignal: 'SIGKILL',
  });
  const timedOut = (result.error as NodeJS.ErrnoException | undefined)?.code === 'ETIMEDOUT';
  return { code: result.status, stdout: result.stdout ?? '', stderr: result.stderr ?? '', timedOut };
}

function mkfifo(file: string): void {
  execFileSync('mkfifo', [file]);
}

describe('cli: FIFOs, devices and sockets never hang a run', function () {
  this.timeout(TIMEOUT_MS * 3);
  let server: net.Server | undefined;
  before(function () {
    if (!posix) this.skip();
  });
  after(async () => {
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
    removeTempDirs();
  });

  it('a named FIFO is an input error: exit 2, one line naming it', () => {
    const dir = tempDir();
    mkfifo(path.join(dir, 'pipe.txt'));
    const result = runWithTimeout(['lint', 'pipe.txt'], { cwd: dir });
    assert.equal(result.timedOut, false, 'the run returns');
    assert.equal(result.code, 2);
    assert.equal(result.stderr.trim().split('\n').length, 1, result.stderr);
    assert.match(result.stderr, /pipe\.txt: 不是普通文件，是命名管道（FIFO），已跳过/);
  });

  it('a named device (/dev/zero) is an input error: exit 2, one line naming it', function () {
    if (!fs.existsSync('/dev/zero')) this.skip();
    const dir = tempDir();
    const result = runWithTimeout(['lint', '/dev/zero'], { cwd: dir });
    assert.equal(result.timedOut, false, 'the run returns');
    assert.equal(result.code, 2);
    assert.match(result.stderr.trim(), /^jiaodui: \/dev\/zero: 不是普通文件，是字符设备（character device），已跳过[^\n]*$/);
  });

  it('an endless stdin (cat /dev/zero | jiaodui lint -) stops with exit 2', function () {
    if (!fs.existsSync('/dev/zero')) this.skip();
    const dir = tempDir();
    const zero = fs.openSync('/dev/zero', 'r');
    try {
      const result = runWithTimeout(['lint', '-'], { cwd: dir, stdin: zero });
      assert.equal(result.timedOut, false, 'the run returns');
      assert.equal(result.code, 2);
      assert.match(result.stderr, /二进制文件/);
    } finally {
      fs.closeSync(zero);
    }
  });

  it('an endless stdin without NUL bytes (yes 中文 | jiaodui lint -) stops at --max-size', function () {
    const dir = tempDir();
    const result = spawnSync('sh', ['-c', `yes 中文 | "${process.execPath}" "${CLI}" lint - --max-size 100KB`], {
      cwd: dir,
      encoding: 'utf8',
      timeout: TIMEOUT_MS,
      killSignal: 'SIGKILL',
    });
    assert.equal((result.error as NodeJS.ErrnoException | undefined)?.code, undefined, 'the run returns');
    assert.equal(result.status, 2);
    assert.match(result.stderr, /文件过大（超过 [\d.]+ KB，上限 100 KB/);
  });

  it('in a folder or a glob, a FIFO, a socket and a link to a device are skipped with a reason; the rest is linted', async function () {
    const dir = tempDir();
    write(dir, 'drafts/a.txt', `${DUPLICATE}。\n`);
    mkfifo(path.join(dir, 'drafts/b.txt'));
    fs.symlinkSync('/dev/zero', path.join(dir, 'drafts/c.md'));
    const socketPath = path.join(dir, 'drafts/d.draft');
    server = net.createServer();
    await new Promise<void>((resolve) => server!.listen(socketPath, resolve));

    const walked = runWithTimeout(['lint', '--format', 'json', 'drafts', ...DUP_ONLY], { cwd: dir });
    assert.equal(walked.timedOut, false, 'the run returns');
    assert.equal(walked.code, 1, `the finding in a.txt sets the exit code, the skips do not: ${walked.stderr}`);
    const report = JSON.parse(walked.stdout) as { files: Array<{ path: string }> };
    assert.deepEqual(
      report.files.map((f) => f.path),
      ['drafts/a.txt'],
    );
    const lines = walked.stderr.trim().split('\n');
    assert.equal(lines.length, 3, walked.stderr);
    assert.match(lines[0], /^jiaodui: drafts\/b\.txt: 不是普通文件，是命名管道（FIFO），已跳过/);
    assert.match(lines[1], /^jiaodui: drafts\/c\.md: 不是普通文件，是字符设备（character device），已跳过/);
    assert.match(lines[2], /^jiaodui: drafts\/d\.draft: 不是普通文件，是套接字（socket），已跳过/);

    // A glob never matches a FIFO or a socket; a link to a device it matches is skipped with its reason.
    const globbed = runWithTimeout(['lint', '--format', 'json', 'drafts/*.*', ...DUP_ONLY], { cwd: dir });
    assert.equal(globbed.timedOut, false);
    assert.equal(globbed.code, 1);
    assert.deepEqual(
      (JSON.parse(globbed.stdout) as { files: Array<{ path: string }> }).files.map((f) => f.path),
      ['drafts/a.txt'],
    );
    assert.match(globbed.stderr.trim(), /^jiaodui: drafts\/c\.md: 不是普通文件，是字符设备（character device），已跳过[^\n]*$/);

    const learned = runWithTimeout(['learn', 'drafts', '--out', 'model.json'], { cwd: dir });
    assert.equal(learned.timedOut, false, 'learn returns too');
    assert.equal(learned.code, 0, learned.stderr);
    assert.ok(fs.existsSync(path.join(dir, 'model.json')));
    assert.equal(learned.stderr.trim().split('\n').length, 3, `the three skips are said: ${learned.stderr}`);
  });

  it('regular files and links to them are linted as before', () => {
    const dir = tempDir();
    write(dir, 'drafts/a.txt', `${DUPLICATE}。\n`);
    fs.symlinkSync(path.join(dir, 'drafts/a.txt'), path.join(dir, 'drafts/b.txt'));
    const { report, code, stderr } = lintJson(['drafts', ...DUP_ONLY], { cwd: dir });
    assert.equal(code, 1);
    assert.equal(stderr, '');
    assert.deepEqual(
      report.files.map((f) => f.path),
      ['drafts/a.txt', 'drafts/b.txt'],
    );
  });
});
