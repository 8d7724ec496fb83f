// What a CI job would run with AutoCorrect instead of jiaodui, as one whole process:
//   node bench/autocorrect-process.cjs PATH
// PATH is a file or a folder (its .txt/.md files, sorted, linted one after another in
// this process). Plain CommonJS, so the process pays Node's start-up and the native
// module's load, nothing else. Prints {files, problems, errors}.
const fs = require('node:fs');
const path = require('node:path');
const autocorrect = require('autocorrect-node');

const target = process.argv[2];
const files = fs.statSync(target).isDirectory()
  ? fs
      .readdirSync(target)
      .filter((name) => /\.(txt|md)$/i.test(name))
      .sort()
      .map((name) => path.join(target, name))
  : [target];
let problems = 0;
let errors = 0;
for (const file of files) {
  const result = autocorrect.lintFor(fs.readFileSync(file, 'utf8'), path.basename(file));
  // A parser failure ("call limit reached") comes back as a field, not an exception.
  if (result.error) errors++;
  problems += result.lines.length;
}
process.stdout.write(JSON.stringify({ files: files.length, problems, errors }));
