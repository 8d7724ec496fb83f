/**
 * The CI recipes in docs/ci.md are tested, not just written: the GitHub Actions workflow
 * is parsed and its `run:` steps are executed (as Actions would, `bash -e`, `if: always()`
 * steps after a failure) against a fixture folder, with `jiaodui` on PATH pointing at the
 * built CLI; the pre-commit hooks name commands that exist and match draft files.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CLI, ROOT } from './support';

const yaml = require('js-yaml') as { load(text: string): unknown };

interface Step {
  name?: string;
  run?: string;
  uses?: string;
  if?: string;
  with?: Record<string, unknown>;
}
interface Workflow {
  on: Record<string, unknown>;
  permissions: Record<string, string>;
  jobs: Record<string, { steps: Step[] }>;
}

function fencedBlocks(markdown: string, lang: string): string[] {
  return [...markdown.matchAll(new RegExp('```' + lang + '\\n([\\s\\S]*?)```', 'g'))].map((m) => m[1]);
}

describe('docs/ci.md: the recipes work', function () {
  this.timeout(60_000);
  const doc = fs.readFileSync(path.join(ROOT, 'docs/ci.md'), 'utf8');
  let work: string;
  let bin: string;

  before(() => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'jiaodui-ci-'));
    bin = path.join(work, '.bin');
    fs.mkdirSync(bin);
    fs.writeFileSync(path.join(bin, 'jiaodui'), `#!/bin/sh\nexec "${process.execPath}" "${CLI}" "$@"\n`, { mode: 0o755 });
    fs.mkdirSync(path.join(work, 'drafts'));
    fs.writeFileSync(path.join(work, 'drafts', 'a.txt'), '我们要以此为为抓手，推进工作。\n');
    fs.writeFileSync(path.join(work, 'drafts', 'b.md'), '# 标题\n\n会议要求，各部门要把工作做细做实。\n');
  });
  after(() => fs.rmSync(work, { recursive: true, force: true }));

  it('the GitHub Actions workflow runs: annotations, then SARIF for code scanning even after findings', () => {
    const [block] = fencedBlocks(doc, 'yaml');
    const workflow = yaml.load(block) as Workflow;
    assert.ok('pull_request' in workflow.on);
    assert.equal(workflow.permissions['security-events'], 'write');
    const steps = Object.values(workflow.jobs)[0].steps;
    const upload = steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif'));
    assert.ok(upload, 'uploads SARIF');
    let failed = false;
    const outcomes: Array<{ run: string; code: number | null; stdout: string }> = [];
    for (const step of steps.filter((s) => s.run)) {
      // Installing from the registry is what the package test covers; here PATH has the build.
      if (/^npm install -g jiaodui\b/.test(step.run!)) continue;
      if (failed && step.if !== 'always()') continue;
      const result = spawnSync('bash', ['-e', '-c', step.run!], {
        cwd: work,
        encoding: 'utf8',
        env: { ...process.env, PATH: `${bin}:${process.env.PATH}`, NO_COLOR: '1' },
      });
      outcomes.push({ run: step.run!, code: result.status, stdout: result.stdout });
      if (result.status !== 0) failed = true;
    }
    const [annotate, sarif] = outcomes;
    assert.equal(annotate.code, 1, 'the annotation step fails the job on an error finding');
    assert.match(annotate.stdout, /^::error file=drafts\/a\.txt,line=1,col=\d.*title=duplicate-word::/m);
    assert.equal(sarif.code, 0, 'the SARIF step succeeds when jiaodui found something');
    const report = JSON.parse(fs.readFileSync(path.join(work, String(upload!.with!.sarif_file)), 'utf8')) as {
      version: string;
      runs: Array<{ results: unknown[] }>;
    };
    assert.equal(report.version, '2.1.0');
    assert.ok(report.runs[0].results.length >= 1);
  });

  it('the SARIF step still fails when jiaodui cannot run (exit 2)', () => {
    const [block] = fencedBlocks(doc, 'yaml');
    const sarifStep = (yaml.load(block) as Workflow).jobs.proofread.steps.find((s) => s.run?.includes('--format sarif'))!;
    const result = spawnSync('bash', ['-e', '-c', sarifStep.run!.replace('drafts/', 'missing/')], {
      cwd: work,
      encoding: 'utf8',
      env: { ...process.env, PATH: `${bin}:${process.env.PATH}` },
    });
    assert.equal(result.status, 1);
  });

  it('.pre-commit-hooks.yaml: every hook runs jiaodui on draft files', () => {
    const hooks = yaml.load(fs.readFileSync(path.join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Array<{
      id: string;
      entry: string;
      language: string;
      files: string;
    }>;
    assert.deepEqual(
      hooks.map((h) => h.id),
      ['jiaodui', 'jiaodui-fix'],
    );
    for (const hook of hooks) {
      assert.match(hook.entry, /^jiaodui lint\b/);
      assert.equal(hook.language, 'node');
      const files = new RegExp(hook.files);
      for (const name of ['a.txt', 'b.md', 'c.draft', 'd.gao']) assert.ok(files.test(name), name);
      assert.ok(!files.test('e.json'));
      const result = spawnSync(process.execPath, [CLI, ...hook.entry.split(' ').slice(1), path.join(work, 'drafts', 'b.md')], { encoding: 'utf8' });
      assert.equal(result.status, 0, result.stderr);
    }
  });
});
