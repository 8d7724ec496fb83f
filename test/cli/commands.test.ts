import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RULES } from '../../server/src/core';
import { CLEAN, CLI, ROOT, removeTempDirs, run, tempDir, write } from './support';

describe('cli: commands', () => {
  after(removeTempDirs);

  it('--version prints the package version', () => {
    const version = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
    const result = run(['--version']);
    assert.equal(result.code, 0);
    assert.equal(result.stdout.trim(), version);
  });

  it('--help prints usage with the exit codes', () => {
    for (const args of [['--help'], ['lint', '--help']]) {
      const result = run(args);
      assert.equal(result.code, 0);
      assert.match(result.stdout, /jiaodui lint/);
      assert.match(result.stdout, /Exit codes/);
    }
  });

  it('rules lists every registered rule, as a table and as JSON', () => {
    const text = run(['rules']);
    assert.equal(text.code, 0);
    for (const rule of RULES)
      assert.match(text.stdout, new RegExp(`^${rule.meta.id}\\s+${rule.meta.category}\\s+${rule.meta.defaultSeverity}\\s+(safe|suggestion|mixed|-)\\s`, 'm'));
    assert.match(text.stdout, /^duplicate-word\s+\S+\s+\S+\s+suggestion\s/m, 'a judgement rule makes suggestions');
    assert.match(text.stdout, /^punctuation-width\s+\S+\s+\S+\s+safe\s/m);
    const json = JSON.parse(run(['rules', '--format', 'json']).stdout) as Array<{
      id: string;
      defaultSeverity: string;
      fixable: boolean;
      fixKind: string | null;
    }>;
    assert.deepEqual(
      json.map((r) => r.id),
      RULES.map((r) => r.meta.id),
    );
    assert.deepEqual(
      json.map((r) => r.fixable),
      RULES.map((r) => r.meta.fixable),
    );
    assert.deepEqual(
      json.map((r) => r.fixKind === null),
      RULES.map((r) => !r.meta.fixable),
    );
  });

  it('learn writes a model atomically and summarises it; lint uses it with --model', () => {
    const dir = tempDir();
    write(dir, 'corpus/a.txt', `${CLEAN}\n`.repeat(20));
    write(dir, 'corpus/b.md', `# 标题\n\n${CLEAN}\n`);
    const result = run(['learn', 'corpus', '--out', 'model.json'], { cwd: dir });
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /documents\s+2/);
    assert.match(result.stdout, /characters\s+\d+/);
    const model = JSON.parse(fs.readFileSync(path.join(dir, 'model.json'), 'utf8')) as { schema: string; corpus: { documents: number } };
    assert.equal(model.schema, 'jiaodui-model');
    assert.equal(model.corpus.documents, 2);
    assert.deepEqual(fs.readdirSync(dir).sort(), ['corpus', 'model.json'], 'no temporary file left behind');
    write(dir, 'a.txt', `${CLEAN}\n`);
    assert.equal(run(['lint', 'a.txt', '--model', 'model.json'], { cwd: dir }).code, 0);
    const quiet = run(['learn', 'corpus', '--out', 'm2.json', '--quiet'], { cwd: dir });
    assert.equal(quiet.stdout, '');
  });

  it('learn on several threads writes exactly the model one thread writes (the seeds)', function () {
    this.timeout(60_000);
    const dir = tempDir();
    const seeds = path.join(ROOT, 'seeds');
    for (const jobs of ['1', '2', '3']) assert.equal(run(['learn', seeds, '--out', `m${jobs}.json`, '--quiet', '--jobs', jobs], { cwd: dir }).code, 0);
    const one = fs.readFileSync(path.join(dir, 'm1.json'), 'utf8');
    assert.ok(one.length > 10_000);
    assert.equal(fs.readFileSync(path.join(dir, 'm2.json'), 'utf8'), one);
    assert.equal(fs.readFileSync(path.join(dir, 'm3.json'), 'utf8'), one);
  });

  it('learn refuses a corpus with a bad file and writes nothing', () => {
    const dir = tempDir();
    write(dir, 'corpus/a.txt', `${CLEAN}\n`);
    write(dir, 'corpus/b.txt', Buffer.from([0xd6, 0xd0]));
    const result = run(['learn', 'corpus', '--out', 'model.json'], { cwd: dir });
    assert.equal(result.code, 2);
    assert.match(result.stderr, /b\.txt/);
    assert.equal(fs.existsSync(path.join(dir, 'model.json')), false);
    assert.equal(run(['learn', 'corpus']).code, 2, '--out is required');
  });
});

describe('cli: lsp', () => {
  it('starts the language server on stdio and answers initialize', async function () {
    this.timeout(20000);
    const child = spawn(process.execPath, [CLI, 'lsp'], { stdio: ['pipe', 'pipe', 'pipe'] });
    try {
      const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });
      child.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
      const reply = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString('utf8');
          if (/"id":1,"result"/.test(out)) resolve(out);
        });
        child.on('exit', (code) => reject(new Error(`lsp exited with ${code} before answering: ${out}`)));
      });
      assert.match(reply, /"capabilities"/);
    } finally {
      child.kill();
    }
  });
});
