/**
 * Fix safety (issue 11): a finding's first fix applied ALONE, as a quick fix in the
 * editor is, leaves no new finding at its site (bench/lib/fix-site.ts says exactly
 * what counts). Over self-written drafts, one for each kind of fix, and over the
 * seeds (cut at blank lines into drafts of about a page; the bulk rules sampled so the
 * test stays quick; FIX_SITE_ALL=1 checks every finding). The development corpus is
 * checked by `npm run bench:quality` (bench/fix-site.ts).
 *
 * PENDING_FIX_SITES lists the violations known today in rules that have an owner,
 * each with an example and the reason; the test prints them. A violation not listed
 * fails the test. Owners empty the list: an entry that no longer occurs is printed as
 * stale, to be deleted.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Linter, applyEdits, type Finding } from '../../server/src/core';
import { checkFixSites, describeViolation, type FixSiteViolation } from '../../bench/lib/fix-site';
import { optionsWith } from '../support/resources';

/** One draft per kind of fix (and a few look-alikes), written for this test. */
const DRAFTS = [
  // fixed-phrase: the two slips of the issue
  '我国中中医药事业发展取得新成效。\n',
  '要做好卫生健康作工作。\n',
  // duplicate-word
  '会议强调，要以此为为抓手，推进改革。\n\n二是以创新为为抓手，推动发展。\n',
  '在新征程上，要坚持以人民为中心的的发展思想。\n',
  '要坚持预防为主，做好疾病预防控制工作作，保障人民群众生命安全。\n',
  // punctuation-width
  '会议强调,要坚持问题导向,推动高质量发展.\n',
  '他说:"我们要继续努力。"\n',
  // cjk-spacing
  '全市共有医院 12 家，床位 3500 张，比上年增长 5.2%。\n',
  '2024 年全国卫生健康工作会议于 1 月 10 日在京召开，会议总结了 2023 年工作。\n',
  'CT 检查和 MRI检查都很重要，AI 辅助诊断正在推广。\n',
  // punctuation-form, next to cjk-spacing's junctions
  '该项目总投资 2-3 亿元，预计 2024-2025 年完成。\n',
  '会议要求...各地抓好落实--切实推进改革。\n',
  // repeated-punctuation, paired-punctuation
  '记者从国家卫生健康委获悉——今年将继续推进改革。。\n',
  '这是一个重要的问题！！各方要高度重视，，\n',
  '报告指出（2024年版，全国卫生健康工作会议在京召开。\n',
  // traditional-char
  '各地医院積極推進改革，取得顯著成效。\n',
  // numbering-sequence
  '一是加强组织领导。二是完善政策体系。四是强化督导考核。\n',
  '一是加强领导，二是完善制度，三对重点人群开展筛查，四是强化考核。\n',
  // masthead-date (5 March 2024 was a Tuesday)
  '本报讯 2024年3月5日 星期三 农历正月廿五\n\n今天的会议在北京召开。\n',
  // name-consistency
  '国家卫生健康委主任马晓伟出席会议。马晓伟指出，要持续深化改革。马小伟强调，要抓好落实。\n',
  // broken-paragraph, stray-digits
  '患者在医院里接受治\n疗，病情逐渐好转，医生表\n示将继续观察。\n',
  '36 / 88\n\n会议要求各地切实抓好落实。\n',
  '会议要求各地切实抓好落实，加快推进\n\n12 / 40\n\n医疗卫生体制改革。\n',
  // surrogate pairs and CRLF around fixes
  '𠮷野家在京开业,𠮷野家表示将扩大经营。\r\n\r\n要以此为为抓手。\r\n',
];

interface Pending {
  /** The rule whose fix was applied, and the rule that then fires at its site. */
  fixed: string;
  created: string;
  /** Text the violation's site shows (before the fix), to tell the entry's case apart. */
  example: string;
  owner: string;
  reason: string;
}

/**
 * Known violations in owned rules, to be emptied by their owners (issue 15): fix the
 * rule, run this test, delete the entry it prints as stale.
 */
const PENDING_FIX_SITES: Pending[] = [];

/** Bulk rules are sampled to about this many fixes over the seeds (all of them with FIX_SITE_ALL=1). */
const SEED_SAMPLE_PER_RULE = 15;
/** Seeds are cut at blank lines into drafts of at least this many characters. */
const SEED_DRAFT_SIZE = 1000;

function seedDrafts(): Array<{ name: string; text: string }> {
  const dir = path.resolve(__dirname, '../../seeds');
  const drafts: Array<{ name: string; text: string }> = [];
  for (const file of fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()) {
    let current = '';
    let part = 0;
    for (const piece of fs.readFileSync(path.join(dir, file), 'utf8').split(/(?<=\n[ \t\u3000]*\n)/)) {
      current += piece;
      if (current.length >= SEED_DRAFT_SIZE) {
        drafts.push({ name: `${file}#${++part}`, text: current });
        current = '';
      }
    }
    if (current.trim()) drafts.push({ name: `${file}#${++part}`, text: current });
  }
  return drafts;
}

const isPending = (v: FixSiteViolation) => (p: Pending) => p.fixed === v.fixed.rule && p.created === v.created.rule && v.before.includes(p.example);

function judge(violations: Array<{ name: string; violation: FixSiteViolation }>, pendingSeen: Set<Pending>): string[] {
  const failures: string[] = [];
  for (const { name, violation } of violations) {
    const pending = PENDING_FIX_SITES.find(isPending(violation));
    if (pending) pendingSeen.add(pending);
    else failures.push(`${name}: ${describeViolation(violation)}`);
  }
  return failures;
}

describe('fix safety: a fix applied alone leaves no new finding at its site', function () {
  this.timeout(60_000);
  const linter = new Linter(optionsWith());
  const lint = (text: string) => linter.lint(text);
  const pendingSeen = new Set<Pending>();

  after(() => {
    for (const p of PENDING_FIX_SITES) {
      const state = pendingSeen.has(p)
        ? 'pending'
        : process.env.FIX_SITE_ALL === '1'
          ? 'STALE (no longer occurs: delete the entry)'
          : 'not met in this sampled run (FIX_SITE_ALL=1 checks every fix)';
      console.log(`      fix-site ${state}: ${p.fixed} → ${p.created} on “${p.example}” [${p.owner}] ${p.reason}`);
    }
  });

  it('the checker sees a fix that creates a finding, and the fix that does not', () => {
    // A hand-made fix that doubles a character must be caught; a rule's own fix must not.
    const text = '要以此为抓手，推进改革。\n';
    assert.deepEqual(lint(text), [], 'the draft is clean');
    const at = text.indexOf('为');
    const planted: Finding = {
      rule: 'planted',
      severity: 'warning',
      message: 'planted',
      offset: at,
      length: 1,
      fixes: [{ title: 'doubles 为', edits: [{ offset: at + 1, length: 0, newText: '为' }] }],
    };
    const caught = checkFixSites(text, (t) => (t === text ? [planted] : lint(t)));
    assert.equal(caught.violations.length, 1);
    assert.equal(caught.violations[0].created.rule, 'duplicate-word');
    const doubled = '要以此为为抓手，推进改革。\n';
    assert.deepEqual(checkFixSites(doubled, lint), { checked: 1, violations: [] });
  });

  it('a run of breaks that only changes extent is not new; a new edit at the site is', () => {
    // A hard-wrapped paragraph cut by a page marker: one run of breaks either side.
    const prose =
      '互联网医疗建设是医院信息部门近年来的重要任务之一，为了持续改进患者体验，线上线下一体化成为当前互联网医疗建设的主攻方向，在此过程中信息部门面临多重挑战，' +
      '首先要在与医院既有业务信息系统融合的基础上统筹互联网医疗建设，其次需要积极开展多科室协同，再次要有效平衡线上线下数据共享与数据安全，' +
      '加强互联网医疗线上线下数据共享水平需要打造坚实的数据底座，将医院数据中心与医疗应用分层解耦，最后还要做好运营工作。';
    const lines = prose.match(/.{1,20}/gu)!;
    const text = lines.slice(0, 5).join('\n\n') + '\n\n12 / 40\n\n' + lines.slice(5).join('\n\n') + '\n';
    const runs = (t: string) => lint(t).filter((f) => f.rule === 'broken-paragraph');
    const marker = lint(text).find((f) => f.rule === 'stray-digits')!;
    assert.equal(runs(text).length, 2, 'one run either side of the page marker');
    const joined = runs(applyEdits(text, marker.fixes[0].edits));
    assert.equal(joined.length, 1, 'deleting the marker makes them one run, at a span no finding had');
    assert.equal(
      joined[0].fixes[0].edits.length,
      runs(text).reduce((n, f) => n + f.fixes[0].edits.length, 0),
      'whose every break was reported before',
    );
    assert.deepEqual(checkFixSites(text, lint).violations, []);

    // The same shape with one break the old findings did not propose, at the site: a violation.
    const plain = '甲乙丙丁戊己庚辛\n';
    const fix = (offset: number): Finding => ({
      rule: 'run',
      severity: 'warning',
      message: 'run',
      offset,
      length: 1,
      fixes: [{ title: 'join', edits: [{ offset, length: 0, newText: '' }] }],
    });
    const site: Finding = { ...fix(4), rule: 'other', fixes: [{ title: 'write', edits: [{ offset: 4, length: 1, newText: '午' }] }] };
    const before = [fix(1), site];
    const grown = (edits: number[]): Finding => ({
      ...fix(1),
      length: 6,
      fixes: [{ title: 'join', edits: edits.map((offset) => ({ offset, length: 0, newText: '' })) }],
    });
    const lintWith = (after: Finding[]) => (t: string) => (t === plain ? before : after);
    assert.deepEqual(checkFixSites(plain, lintWith([grown([1, 6])]), (f) => f === site).violations, [], 'a new edit away from the site');
    assert.equal(checkFixSites(plain, lintWith([grown([1, 4])]), (f) => f === site).violations.length, 1, 'a new edit at the site');
    assert.equal(checkFixSites(plain, lintWith([grown([4])]), (f) => f === site).violations.length, 1, 'nothing carried on');
  });

  it('holds on self-written drafts', () => {
    let checked = 0;
    const violations: Array<{ name: string; violation: FixSiteViolation }> = [];
    for (const [i, draft] of DRAFTS.entries()) {
      const result = checkFixSites(draft, lint);
      checked += result.checked;
      violations.push(...result.violations.map((violation) => ({ name: `draft ${i}`, violation })));
    }
    assert.ok(checked >= 30, `the drafts exercise fixes (${checked} checked)`);
    const failures = judge(violations, pendingSeen);
    assert.deepEqual(failures, [], `fixes that create findings:\n${failures.join('\n')}`);
  });

  it('holds on the seeds', () => {
    const drafts = seedDrafts();
    const all = process.env.FIX_SITE_ALL === '1';
    // Sample evenly: every k-th fixable finding of a rule, k set by the rule's total.
    const totals = new Map<string, number>();
    for (const d of drafts) for (const f of lint(d.text)) if (f.fixes.length > 0) totals.set(f.rule, (totals.get(f.rule) ?? 0) + 1);
    const seen = new Map<string, number>();
    const sampled = (f: Finding) => {
      const n = seen.get(f.rule) ?? 0;
      seen.set(f.rule, n + 1);
      return all || n % Math.max(1, Math.ceil((totals.get(f.rule) ?? 0) / SEED_SAMPLE_PER_RULE)) === 0;
    };
    let checked = 0;
    const violations: Array<{ name: string; violation: FixSiteViolation }> = [];
    for (const d of drafts) {
      const result = checkFixSites(d.text, lint, sampled);
      checked += result.checked;
      violations.push(...result.violations.map((violation) => ({ name: d.name, violation })));
    }
    assert.ok(checked >= 60, `the seeds exercise fixes (${checked} checked)`);
    const failures = judge(violations, pendingSeen);
    assert.deepEqual(failures, [], `fixes that create findings:\n${failures.join('\n')}`);
  });
});
