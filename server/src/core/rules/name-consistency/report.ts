/** Findings and their fixes, mapped back through the unwrap. */
import type { RuleContext } from '../../types';
import { singleEdit } from '../../analysis/names';
import type { Candidate } from './candidates';
import type { KnownNames, Verdict } from './verdict';

export function reportAll(ctx: RuleContext, _joined: string, offsets: ArrayLike<number>, minority: Candidate, verdict: Verdict, known: KnownNames): void {
  const target = verdict.majority.name;
  const edit = singleEdit(minority.name, target)!;
  const what = minority.kind === 'person' ? '人名' : '机构名称';
  const learned = known.model.get(target);
  const countNote =
    verdict.reason === 'roster'
      ? '本社名录的规范写法'
      : `本文出现 ${verdict.majority.count} 次`;
  const titles = learned?.titles?.length ? `，职务：${learned.titles.join('、')}` : '';
  const corpusNote = learned && learned.count > 0 && verdict.reason === 'document' ? `；语料中“${target}”出现 ${learned.count} 次${titles}` : '';
  const firstLines = verdict.reason === 'document' && 'at' in verdict.majority
    ? verdict.majority.at.slice(0, 5).map((i) => ctx.text.positionAt(offsets[i]).line + 1)
    : [];
  const where = firstLines.length ? `（第 ${firstLines.join('、')} 行）` : '';
  for (const i of minority.at) {
    const start = offsets[i];
    const end = offsets[i + minority.name.length - 1] + 1;
    ctx.report({
      offset: start,
      length: end - start,
      message: `同一${what}写法不一：“${minority.name}”应为“${target}”（${countNote}）`,
      evidence: `本文中“${target}”出现 ${verdict.majority.count} 次${where}，“${minority.name}”出现 ${minority.count} 次${corpusNote}。`,
      subject: minority.name,
      fixes: [{ title: `改为“${target}”`, edits: editsFor(offsets, i, minority.name, target, edit) }, ...unifyFixes(offsets, minority, verdict)],
    });
  }
}

/**
 * Which form is right is the editor's call: one fix per form the story uses, each
 * rewriting every occurrence of the other (统一为“李红梅”（5 处）, 统一为“李梅红”（1 处）).
 */
function unifyFixes(offsets: ArrayLike<number>, minority: Candidate, verdict: Verdict) {
  const majority = verdict.majority;
  if (!('at' in majority)) return [];
  const unify = (to: Candidate, from: Candidate) => ({
    title: `统一为“${to.name}”（${to.count} 处）`,
    edits: from.at.flatMap((j) => editsFor(offsets, j, from.name, to.name, singleEdit(from.name, to.name)!)),
  });
  // With one occurrence of this form, unifying on the majority is the first fix itself.
  return minority.at.length > 1 ? [unify(majority, minority), unify(minority, majority)] : [unify(minority, majority)];
}

/** Character-level edits, mapped back through the unwrap so a wrap inside the name is left alone. */
function editsFor(offsets: ArrayLike<number>, at: number, from: string, to: string, edit: { kind: string; at: number }) {
  const pos = (k: number) => offsets[at + k];
  switch (edit.kind) {
    case 'substitute':
      return [{ offset: pos(edit.at), length: 1, newText: to[edit.at] }];
    case 'transpose':
      return [
        { offset: pos(edit.at), length: 1, newText: from[edit.at + 1] },
        { offset: pos(edit.at + 1), length: 1, newText: from[edit.at] },
      ];
    case 'drop':
      return [{ offset: pos(edit.at), length: 1, newText: '' }];
    default:
      return [{ offset: pos(edit.at), length: 0, newText: to[edit.at] }];
  }
}
