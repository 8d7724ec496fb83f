/**
 * CLI shell: argv → lint/learn → output and exit code. Minimal bootstrap version;
 * the full CLI (formats, --fix, config, globbing) lives in server/src/cli/.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Linter, learnModel } from './core';
import { loadLexicon, loadModel } from './node/resources';

function collect(target: string, out: string[]): void {
  const stat = fs.statSync(target);
  if (stat.isDirectory()) {
    for (const name of fs.readdirSync(target).sort()) collect(path.join(target, name), out);
  } else if (/\.(txt|md)$/i.test(target)) out.push(target);
}

function main(argv: string[]): number {
  const [command, ...rest] = argv;
  if (command === 'learn') {
    const outIndex = rest.indexOf('--out');
    const out = outIndex >= 0 ? rest[outIndex + 1] : 'model.json';
    const inputs = rest.filter((a, i) => !a.startsWith('--') && i !== outIndex + 1);
    const files: string[] = [];
    for (const input of inputs) collect(input, files);
    const model = learnModel(files.map((f) => ({ path: f, content: fs.readFileSync(f, 'utf8') })), loadLexicon());
    // Atomic: a reader (tests, the server) never sees a half-written model.
    const tmp = `${out}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(model));
    fs.renameSync(tmp, out);
    return 0;
  }
  if (command === 'lint') {
    const files: string[] = [];
    for (const input of rest.filter((a) => !a.startsWith('--'))) collect(input, files);
    const linter = new Linter({ model: loadModel(), lexicon: loadLexicon() });
    let count = 0;
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      for (const f of linter.lint(text, file.endsWith('.md') ? 'markdown' : 'plaintext')) {
        count++;
        console.log(`${file}:${f.offset} ${f.severity} ${f.message} [${f.rule}]`);
      }
    }
    return count > 0 ? 1 : 0;
  }
  console.error('usage: jiaodui lint PATHS... | jiaodui learn PATHS... --out FILE');
  return 2;
}

process.exitCode = main(process.argv.slice(2));
