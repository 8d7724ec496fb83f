/**
 * CLI shell: argv → command → output and exit code. Thin on purpose: discovery,
 * decoding, linting, formats and fixes live in server/src/cli/, the rules in the
 * pure core. The same bundle doubles as the lint worker thread.
 */
import { parseArgs, UsageError } from './cli/args';
import { USAGE } from './cli/help';
import { EXIT_USAGE, FatalError, runLint } from './cli/lint-command';
import { isLearnWorker, runLearn, runLearnWorker } from './cli/learn-command';
import { formatRules } from './cli/rules-command';
import { runLsp } from './cli/lsp-command';
import { runInit, runPrintConfig } from './cli/init-command';
import { packageInfo } from './node/package-info';
import { isLintWorker, runLintWorker } from './cli/workers';
import { isJiaoduiThread } from './node/threads';

const stdout = (text: string | Uint8Array) => void process.stdout.write(text);
const stderr = (text: string) => void process.stderr.write(text);

async function main(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  switch (args.command) {
    case 'help':
      stdout(USAGE);
      return 0;
    case 'version':
      stdout(`${packageInfo().version}\n`);
      return 0;
    case 'rules':
      stdout(formatRules(args.format));
      return 0;
    case 'learn':
      return runLearn(args, { cwd: process.cwd(), stdout, stderr, entry: __filename });
    case 'lsp':
      runLsp(__dirname);
      return 0;
    case 'lint': {
      const io = {
        cwd: process.cwd(),
        stdout,
        stderr,
        entry: __filename,
        stdoutIsTTY: process.stdout.isTTY === true,
        env: process.env,
      };
      if (args.printConfig !== undefined) return runPrintConfig(args, args.printConfig, io);
      if (args.init) return runInit(args, io);
      return runLint(args, io);
    }
  }
}

const inThread = isJiaoduiThread();
if (inThread && isLintWorker()) {
  runLintWorker();
} else if (inThread && isLearnWorker()) {
  runLearnWorker();
} else {
  // `jiaodui lint … | head` closes the pipe early: stop quietly, as other Unix tools do.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit();
  });
  main(process.argv.slice(2)).then(
    (code) => {
      // `lsp` keeps running on its connection; only set the code for commands that finish.
      process.exitCode = code;
    },
    (error: unknown) => {
      if (error instanceof UsageError) {
        stderr(`jiaodui: ${error.message} — 用法见 jiaodui --help\n`);
      } else if (error instanceof FatalError) {
        stderr(`jiaodui: ${error.message}\n`);
      } else {
        stderr(`jiaodui: ${(error as Error)?.stack ?? String(error)}\n`);
      }
      process.exitCode = EXIT_USAGE;
    },
  );
}
