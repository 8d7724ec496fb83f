/**
 * The `--fix` safety net (issue 9), over the seeds (whole, as --fix reads a file) and
 * self-written drafts: with the default kinds no Han character changes except
 * Traditional → Simplified, every edit lies inside a finding the report printed, and
 * a second --fix changes nothing (bench/lib/fix-safety.ts; bench/fix-safety.ts runs
 * the same check on the development corpus).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Linter } from '../../server/src/core';
import { checkFixSafety, type FixSafetyViolation } from '../../bench/lib/fix-safety';
import { optionsWith } from '../support/resources';

/** Self-written drafts with a mix of mechanical defects and judgement calls. */
const DRAFTS = [
  '今年共有参训人员三百名,市第一人民醫院负责人表\n\n示，将继续推进改革。',
  '国家卫生健康委体改司司长张明华出席会议并讲话。一是以此为为抓手，推进改革；二是以创新为抓手。',
  '记者 李红梅\n\n市卫生健康委主任李红梅介绍,全市已建成 12个社区医院。\n\n3 / 12\n\n李红梅说,下一步将做好 4个方面工作……李梅红表示，要加强监测。',
  '本报讯 会议指出,要坚持问题导向--这是根本。。参会人员共 80 人。之後,各地将陸續開展檢查,時間為2-3 个月。',
  '一、加强组织领导\n\n二、强化责任落实\n\n四、做好宣传引导\n\n该院负责人表示，将在\n年底前完成改造，并\n进一步提升服务\n能力和水平。',
];

/**
 * Known violations, each a defect of a rule for its owner to fix (then delete the
 * entry): printed on every run so they stay in sight, never silently passed.
 */
const PENDING: Array<{ where: string; property: FixSafetyViolation['property']; rule: string; owner: string; reason: string }> = [
  {
    where: 'draft 4',
    property: 'not-idempotent',
    rule: 'broken-paragraph',
    owner: 'MECH',
    reason: 'a short line inside a hard-wrapped paragraph is judged only once the lines before it are joined, so its break is a new finding after --fix',
  },
];

describe('--fix safety net', () => {
  const linter = new Linter(optionsWith());

  function check(name: string, text: string): number {
    const result = checkFixSafety(text, linter);
    const pending = PENDING.filter((p) => p.where === name);
    const open = result.violations.filter((v) => !pending.some((p) => p.property === v.property && v.detail.includes(p.rule)));
    for (const v of result.violations.filter((v) => !open.includes(v))) console.log(`    pending (${name}): ${v.property}: ${v.detail}`);
    assert.deepEqual(open, [], `${name}: ${open.map((v) => `${v.property}: ${v.detail}`).join('\n')}`);
    return result.applied;
  }

  it('holds on self-written drafts, and they exercise safe fixes', () => {
    let applied = 0;
    for (const [i, draft] of DRAFTS.entries()) applied += check(`draft ${i}`, draft);
    assert.ok(applied >= 10, `safe fixes were applied (${applied})`);
  });

  it('holds on the seeds', () => {
    const dir = path.resolve(__dirname, '../../seeds');
    let applied = 0;
    for (const file of fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.txt'))
      .sort())
      applied += check(file, fs.readFileSync(path.join(dir, file), 'utf8'));
    assert.ok(applied > 1000, `the seeds exercise --fix (${applied} fixes)`);
  });

  it('sees a change of wording when suggestions are let in (the check can fail)', () => {
    // The same check with suggestions allowed must see the wording change.
    const result = checkFixSafety('认真学习党的二十大的二十届历次全会精神。', linter, ['safe', 'suggestion']);
    assert.ok(
      result.violations.some((v) => v.property === 'han'),
      JSON.stringify(result.violations),
    );
  });
});
