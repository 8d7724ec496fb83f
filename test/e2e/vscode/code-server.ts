/**
 * The real VS Code the browser suite drives: code-server (VS Code's web workbench with a Node
 * extension host), installed by test/e2e/setup/code-server.sh into .e2e/code-server. This module
 * packages the extension as a VSIX, installs it the way a user would (--install-extension), and runs
 * code-server on a free loopback port with its own user-data and extensions folders.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';

export const repoRoot = path.resolve(__dirname, '../../..');

/** The installed code-server launcher; fails with the command that installs it. */
export function codeServerBin(): string {
  const bin = process.env.JIAODUI_E2E_CODE_SERVER ?? path.join(repoRoot, '.e2e/code-server/bin/code-server');
  if (!fs.existsSync(bin)) {
    throw new Error(`code-server is not installed at ${bin}: run \`bash test/e2e/setup/code-server.sh .e2e/code-server\``);
  }
  return bin;
}

/** Packages the extension exactly as it would be published: no node_modules, dist/ carries everything. */
export function packageVsix(out: string): void {
  for (const file of ['dist/client.js', 'dist/server.js', 'dist/lexicon.bin', 'dist/model.json']) {
    if (!fs.existsSync(path.join(repoRoot, file))) throw new Error(`${file} is missing: run \`node esbuild.mjs\` first`);
  }
  execFileSync(
    process.execPath,
    [
      path.join(repoRoot, 'node_modules/@vscode/vsce/vsce'),
      // No flags: what a publisher runs. vscode:prepublish makes the production build.
      'package',
      '--out',
      out,
    ],
    { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] },
  );
}

export interface CodeServerDirs {
  userDataDir: string;
  extensionsDir: string;
}

export function installExtension(bin: string, dirs: CodeServerDirs, vsix: string): void {
  const output = execFileSync(bin, ['--user-data-dir', dirs.userDataDir, '--extensions-dir', dirs.extensionsDir, '--install-extension', vsix, '--force'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (!/successfully installed/i.test(output)) throw new Error(`code-server --install-extension: ${output}`);
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export class CodeServer {
  private constructor(
    readonly url: string,
    private readonly child: ChildProcess,
    readonly logFile: string,
  ) {}

  static async start(bin: string, dirs: CodeServerDirs, logFile: string): Promise<CodeServer> {
    const port = await freePort();
    const log = fs.openSync(logFile, 'w');
    const child = spawn(
      bin,
      [
        '--bind-addr',
        `127.0.0.1:${port}`,
        '--auth',
        'none',
        '--disable-telemetry',
        '--disable-update-check',
        '--disable-getting-started-override',
        '--ignore-last-opened',
        '--user-data-dir',
        dirs.userDataDir,
        '--extensions-dir',
        dirs.extensionsDir,
      ],
      { stdio: ['ignore', log, log], detached: true },
    );
    fs.closeSync(log);
    const server = new CodeServer(`http://127.0.0.1:${port}`, child, logFile);
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`code-server exited with ${child.exitCode}; see ${logFile}`);
      try {
        const response = await fetch(`${server.url}/healthz`);
        if (response.ok) return server;
      } catch {
        // Not listening yet.
      }
      await new Promise((r) => setTimeout(r, 250));
    }
    await server.stop();
    throw new Error(`code-server did not answer on ${server.url} within 60 s; see ${logFile}`);
  }

  folderUrl(folder: string): string {
    return `${this.url}/?folder=${encodeURIComponent(folder)}`;
  }

  /** Stops code-server and the extension host and language server it started (one process group). */
  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.pid === undefined) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    try {
      process.kill(-this.child.pid, 'SIGTERM');
    } catch {
      return;
    }
    const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 5000));
    if ((await Promise.race([exited, timeout])) === 'timeout') {
      try {
        process.kill(-this.child.pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }
  }
}
