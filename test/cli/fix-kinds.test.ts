/**
 * --fix is safe to run blind (issue 9): it applies safe fixes only, lists what it
 * changed and what remains, and never applies a fix whose finding it did not show.
 * `--fix-type safe,suggestion` opts in to the judgements.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT, lintJson, removeTempDirs, run, tempDir } from './support';

/** A slip in a curated formulation: its fix is a suggestion. */
const SLIP = '认真学习党的二十大的二十届历次全会精神。\n';
/** A doubled character: which copy goes is the editor's call, so its fix is a suggestion. */
const DOUBLED = '要不断提提高服务水平。\n';
const BOTH = ['--fix-type', 'safe,suggestion'];

interface Applied {
  rule: string;
  kind: string;
  range: { start: { line: number; character: number } };
  old: string;
  new: string;
}

function copySeeds(): string {
  const dir = tempDir();
  fs.cpSync(path.join(ROOT, 'seeds'), path.join(dir, 'seeds'), { recursive: true });
  return dir;
}

function readSeeds(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const name of fs.readdirSync(path.join(dir, 'seeds')).sort()) out.set(name, fs.readFileSync(path.join(dir, 'seeds', name), 'utf8'));
  return out;
}

describe('cli: fix kinds', () => {
  after(removeTempDirs);

  it('--fix leaves a suggestion alone and shows it; --fix-type safe,suggestion applies it and lists it', () => {
    const blind = run(['lint', '-', '--fix'], { input: SLIP });
    assert.equal(blind.stdout, SLIP, 'the text is unchanged');
    assert.match(blind.stderr, /1:5 +warning +\S*党的二十大和二十届历次全会精神.*fixed-phrase/);
    assert.match(blind.stderr, /已修复 0 处/);
    assert.match(blind.stderr, /1 处修改建议/);

    const asked = run(['lint', '-', '--fix', ...BOTH], { input: SLIP });
    assert.equal(asked.stdout, '认真学习党的二十大和二十届历次全会精神。\n');
    assert.match(asked.stderr, /1:5 +已修复 +“党的二十大的二十届历次全会精神” → “党的二十大和二十届历次全会精神” +fixed-phrase/);
  });

  it('a doubled character is shown, not removed', () => {
    const blind = run(['lint', '-', '--fix'], { input: DOUBLED });
    assert.equal(blind.stdout, DOUBLED);
    assert.match(blind.stderr, /duplicate-word/);
    const asked = run(['lint', '-', '--fix', ...BOTH], { input: DOUBLED });
    assert.match(asked.stderr, /已修复 +“提提” → “提” +duplicate-word/, 'opting in still applies it, listed');
  });

  it('on the seeds, --fix changes punctuation, spacing and breaks only; every judgement stays and is reported', () => {
    const dir = copySeeds();
    const before = readSeeds(dir);
    const result = lintJson(['seeds', '--fix'], { cwd: dir });
    const report = result.report as unknown as {
      files: Array<{ path: string; applied: Applied[]; diagnostics: Array<{ rule: string; fixes: Array<{ kind: string }> }> }>;
    };
    const after = readSeeds(dir);
    const seed4 = [...after.keys()].find((n) => n.startsWith('004'))!;
    for (const word of ['中药药对', '定西市中医医院', '王志宏']) {
      assert.equal(after.get(seed4)!.includes(word), before.get(seed4)!.includes(word), `${word} is left as written`);
    }
    const han = (t: string) => t.match(/\p{Script=Han}/gu)!.join('');
    for (const [name, text] of before) assert.equal(han(after.get(name)!), han(text), `${name}: no Han character changed`);
    const applied = report.files.flatMap((f) => f.applied);
    assert.ok(applied.length > 1000, `many mechanical fixes (${applied.length})`);
    assert.ok(applied.every((a) => a.kind === 'safe'));
    const judgements = new Set(['duplicate-word', 'fixed-phrase', 'name-consistency', 'numbering-sequence']);
    assert.ok(!applied.some((a) => judgements.has(a.rule)), 'no judgement applied');
    const remaining = report.files.flatMap((f) => f.diagnostics);
    for (const rule of ['duplicate-word', 'name-consistency'])
      assert.ok(
        remaining.some((d) => d.rule === rule),
        `${rule} findings are still reported`,
      );
    assert.ok(
      remaining.every((d) => d.fixes[0]?.kind !== 'safe'),
      'nothing safe is left unfixed',
    );

    const again = run(['lint', 'seeds', '--fix'], { cwd: dir });
    assert.match(again.stdout, /已修复 0 处/, 'a second --fix changes nothing');
    assert.deepEqual(readSeeds(dir), after);
  });

  it('--fix --fix-type safe,suggestion on the seeds applies the judgements too, each listed, none unseen', () => {
    const dir = copySeeds();
    const lint = lintJson(['seeds'], { cwd: dir }).report as unknown as {
      files: Array<{ path: string; diagnostics: Array<{ rule: string; range: Applied['range']; fixes: unknown[] }> }>;
    };
    const shown = new Set(
      lint.files.flatMap((f) =>
        f.diagnostics.filter((d) => d.fixes.length > 0).map((d) => `${f.path}:${d.range.start.line}:${d.range.start.character}:${d.rule}`),
      ),
    );
    const fixed = lintJson(['seeds', '--fix', ...BOTH], { cwd: dir }).report as unknown as { files: Array<{ path: string; applied: Applied[] }> };
    const applied = fixed.files.flatMap((f) => f.applied.map((a) => ({ ...a, key: `${f.path}:${a.range.start.line}:${a.range.start.character}:${a.rule}` })));
    assert.ok(applied.some((a) => a.kind === 'suggestion'));
    for (const a of applied) assert.ok(shown.has(a.key), `applied ${a.key} was a finding of the plain lint`);
    // 参训人员 is split across two lines, and left as written when the line is rejoined.
    const seed4 = [...readSeeds(dir).entries()].find(([n]) => n.startsWith('004'))![1];
    const original = fs.readFileSync(
      path.join(
        ROOT,
        'seeds',
        [...readSeeds(dir).keys()].find((n) => n.startsWith('004'))!,
      ),
      'utf8',
    );
    const count = (text: string, word: string) => text.replace(/\s/g, '').split(word).length - 1;
    assert.equal(count(seed4, '参训人员'), count(original, '参训人员'), 'rejoined, and left as written');
    assert.equal(count(seed4, '参保人员'), count(original, '参保人员'));
  });

  it('--fix-type is checked: known kinds only, and only with --fix or --fix-dry-run', () => {
    const bad = run(['lint', '-', '--fix', '--fix-type', 'safe,layout'], { input: SLIP });
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--fix-type .*“layout”/);
    const alone = run(['lint', '-', '--fix-type', 'safe'], { input: SLIP });
    assert.equal(alone.code, 2);
    assert.match(alone.stderr, /--fix-type 只能与 --fix 或 --fix-dry-run 一起用/);
    const suggestionOnly = run(['lint', '-', '--fix', '--fix-type', 'suggestion'], { input: '认真学习党的二十大的二十届历次全会精神,\n' });
    assert.equal(suggestionOnly.stdout, '认真学习党的二十大和二十届历次全会精神,\n', 'suggestion alone leaves the safe comma fix out');
  });

  it('name-consistency offers every form the story uses, as suggestions', () => {
    const story = [
      '记者李红梅报道。',
      '李红梅说，医院要改善服务。',
      '李红梅介绍了具体措施。',
      '会上，李梅红还强调了安全生产。',
      '李红梅最后总结了工作。',
      '李红梅要求抓好落实。',
    ].join('\n\n');
    const { report } = lintJson(['-', '--rule', 'fixed-phrase=off'], { input: story });
    const finding = report.files[0].diagnostics.find((d) => d.rule === 'name-consistency');
    assert.ok(finding, JSON.stringify(report));
    assert.deepEqual(
      finding.fixes.map((f) => [f.title, f.kind]),
      [
        ['统一为“李红梅”（5 处）', 'suggestion'],
        ['统一为“李梅红”（1 处）', 'suggestion'],
      ],
    );
    const apply = (fix: (typeof finding.fixes)[number]) => {
      let out = story;
      for (const e of [...fix.edits].sort((a, b) => b.offset - a.offset)) out = out.slice(0, e.offset) + e.newText + out.slice(e.offset + e.length);
      return out;
    };
    assert.equal(apply(finding.fixes[0]), story.replaceAll('李梅红', '李红梅'));
    assert.equal(apply(finding.fixes[1]), story.replaceAll('李红梅', '李梅红'));
  });

  it('the json report lists applied fixes per file, positions in the text before fixing', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'a.txt'), '第一段没有问题。\n\n会议强调,要坚持问题导向。\n');
    const { report } = lintJson(['a.txt', '--fix'], { cwd: dir });
    const file = report.files[0] as unknown as { applied: Applied[] };
    assert.deepEqual(
      file.applied.map((a) => [a.rule, a.kind, a.range.start.line, a.range.start.character, a.old, a.new]),
      [['punctuation-width', 'safe', 2, 4, ',', '，']],
    );
    const plain = lintJson(['a.txt'], { cwd: dir }).report.files[0] as unknown as Record<string, unknown>;
    assert.ok(!('applied' in plain), 'a plain lint has no applied list');
  });
});
