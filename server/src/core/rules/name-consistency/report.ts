/**
 * Findings and their fixes. A finding marks each occurrence of the slip and names
 * the original: the form written more often, or when the counts tie, the earlier
 * one (named in the message), or the roster's. Its fixes offer every form the story
 * uses, the original first (统一为“李金涛”（5 处）, 统一为“李涛金”（1 处）): which is right is
 * the editor's call, so they are suggestions. Edits are character-level and mapped
 * back through the unwrap, so a line wrap inside a name is left alone.
 */
import type { Fix, RuleContext, TextEdit } from '../../types';
import { fixer, makeFix } from '../../fixer';
import { singleEdit, type NameEdit } from '../../analysis/names';
import type { Likeness } from '../../analysis/similar';
import type { KnownNames } from './verdict';

/** Why a variant is taken for a slip of the original. */
export interface PairEvidence {
  /** The changed characters sound or look alike, or two are swapped. */
  alike?: Likeness | 'swap';
  /** The title written before both forms. */
  sameTitle?: string;
  /** The variant carries no title, after the original was introduced. */
  bare?: boolean;
  /** The original is the house roster's form. */
  roster?: boolean;
  /** The variant breaks into non-words where the original reads as words. */
  lexical?: boolean;
}

export interface NamePair {
  kind: 'person' | 'organisation';
  original: { name: string; at: number[]; roster?: boolean };
  variant: { name: string; at: number[] };
  evidence: PairEvidence;
}

export function reportPair(ctx: RuleContext, offsets: ArrayLike<number>, known: KnownNames, pair: NamePair): void {
  const { original, variant, evidence } = pair;
  const what = pair.kind === 'person' ? '人名' : '机构名称';
  const n = original.at.length;
  const m = variant.at.length;
  const message = original.roster
    ? `同一${what}写法不一：“${variant.name}”应为“${original.name}”（本社名录的规范写法）`
    : n > m
      ? `同一${what}写法不一：“${variant.name}”应为“${original.name}”（本文出现 ${n} 次）`
      : `同一${what}写法不一：“${variant.name}”与前文“${original.name}”不一致（各出现 ${n} 次）`;
  const lines = original.at.slice(0, 5).map((i) => ctx.text.positionAt(offsets[i]).line + 1);
  const where = lines.length ? `（第 ${lines.join('、')} 行）` : '';
  const reasons: string[] = [];
  const edit = singleEdit(variant.name, original.name)!;
  if (evidence.alike === 'swap') reasons.push(`“${original.name.slice(edit.at, edit.at + 2)}”两字顺序颠倒`);
  else if (evidence.alike && edit.kind === 'substitute')
    reasons.push(`“${variant.name[edit.at]}”与“${original.name[edit.at]}”${evidence.alike === 'sound' ? '同音' : '形近'}`);
  if (evidence.sameTitle) reasons.push(`两种写法前都是“${evidence.sameTitle}”`);
  if (evidence.bare) reasons.push(`“${variant.name}”前没有职务，“${original.name}”已在前文出现`);
  if (evidence.lexical) reasons.push(`“${variant.name}”读不成词，“${original.name}”读得通`);
  const learned = known.model.get(original.name);
  const titles = learned?.titles?.length ? `，职务：${learned.titles.join('、')}` : '';
  const corpus = learned && learned.count > 0 && !original.roster ? `；语料中“${original.name}”出现 ${learned.count} 次${titles}` : '';
  const counts = original.roster ? `“${original.name}”是本社名录的写法` : `本文中“${original.name}”出现 ${n} 次${where}`;
  const evidenceText = `${counts}，“${variant.name}”出现 ${m} 次${reasons.length ? '；' + reasons.join('；') : ''}${corpus}。`;
  const fixes = fixesFor(offsets, pair);
  for (const i of variant.at) {
    const start = offsets[i];
    const end = offsets[i + variant.name.length - 1] + 1;
    ctx.report({ offset: start, length: end - start, message, evidence: evidenceText, subject: variant.name, fixes });
  }
}

/** One fix per form, the original first: each rewrites every occurrence of the other form. */
function fixesFor(offsets: ArrayLike<number>, pair: NamePair): Fix[] {
  const { original, variant } = pair;
  const toOriginal = singleEdit(variant.name, original.name)!;
  const fixes = [
    makeFix(
      `统一为“${original.name}”（${original.at.length} 处）`,
      variant.at.flatMap((i) => editsFor(offsets, i, variant.name, original.name, toOriginal)),
    ),
  ];
  if (original.at.length > 0) {
    const toVariant = singleEdit(original.name, variant.name)!;
    fixes.push(
      makeFix(
        `统一为“${variant.name}”（${variant.at.length} 处）`,
        original.at.flatMap((i) => editsFor(offsets, i, original.name, variant.name, toVariant)),
      ),
    );
  }
  return fixes;
}

/** Character-level edits at `at`, mapped back through the unwrap (a line wrap inside the name stays). */
function editsFor(offsets: ArrayLike<number>, at: number, from: string, to: string, edit: NameEdit): TextEdit[] {
  const pos = offsets[at + edit.at];
  switch (edit.kind) {
    case 'substitute':
      return [fixer.replaceTextRange([pos, pos + 1], to[edit.at])];
    case 'transpose': {
      const next = offsets[at + edit.at + 1];
      return [fixer.replaceTextRange([pos, pos + 1], from[edit.at + 1]), fixer.replaceTextRange([next, next + 1], from[edit.at])];
    }
    case 'drop':
      return [fixer.removeRange([pos, pos + 1])];
    default:
      return [fixer.insertTextAt(pos, to[edit.at])];
  }
}
