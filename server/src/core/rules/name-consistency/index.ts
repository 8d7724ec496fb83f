/**
 * name-consistency: within a document, the same person or organisation written
 * two ways — a person's name five times one way and once with two characters
 * swapped, an organisation with a character dropped or added (…中医医院 / …中医院).
 * The minority form is reported, pointing to the majority form and its count.
 * Names come from context (title + name + speech verb; place + organisation head),
 * from the learned model, from the house roster, and — for slips — from the terms
 * ending in an organisation head that the document repeats (互联网医院).
 *
 * Slips the finders cannot see are searched for directly: a name the document
 * writes at least twice is matched against the text with one edit allowed. An
 * organisation's variant counts when it breaks the lexicon where the name reads as
 * words (中华医学会 → 中皮医学会, 国家卫生健康委 → 国旨卫生健康委, even in the first
 * characters); a person's when a given-name character is changed where a name
 * stands, in a name introduced before (three against one, or two against one when
 * the odd form carries no title of its own).
 *
 * What it deliberately ignores:
 * - two people who share a surname (王宏志 / 王建国) and two-character names that
 *   differ in the given name (张伟 / 张玮) unless three against one and untitled;
 * - a full name and its accepted short form (国家卫生健康委员会 / 国家卫生健康委), learned
 *   from the corpus, curated, or listed as an alias in the roster;
 * - organisations that differ in a numeral (第一 / 第二人民医院), a contrastive
 *   character (城东 / 城西) or the place (…省 / …市), and a substitution that reads as
 *   words (北京大学 / 南京大学): those name different organisations;
 * - a tie with no other evidence: the rule never guesses which form is right.
 * A roster name always wins: its one-edit variants are reported even when the
 * roster form does not occur in the document.
 */
import type { Rule } from '../../types';
import { unwrap } from '../../analysis/unwrap';
import { collectCandidates, groupCandidates } from './candidates';
import { bestMajority, knownNames } from './verdict';
import { reportAll } from './report';
import { reportSlips } from './slips';

export const nameConsistency: Rule = {
  meta: {
    id: 'name-consistency',
    category: 'consistency',
    defaultSeverity: 'warning',
    fixable: true,
    fixKind: 'suggestion',
    scope: 'document',
    docs: {
      summary: '同一人名、机构名写法不一',
      gloss: 'The same person or organisation written two ways in one document',
      why:
        '人名、机构名错字是见报差错中最伤人的一类：被写错名字的人和单位会来电更正。拼写检查器看不出，因为每个字都对。同一篇稿件里，多数写法通常是对的，少数写法多半是笔误。',
      example: { bad: '李金涛表示……李金涛认为……李涛金指出', good: '李金涛表示……李金涛认为……李金涛指出' },
    },
  },
  checkDocument(ctx) {
    const { text: joined, offsets } = unwrap(ctx.text.masked);
    if (joined.trim() === '') return;
    const candidates = collectCandidates(ctx, joined);
    const known = knownNames(ctx.model.names);
    const reported = new Set<string>();
    const byKind = groupCandidates(candidates);
    for (const group of byKind) {
      for (const minority of group) {
        if (reported.has(minority.name) || ctx.isAllowed(minority.name)) continue;
        const verdict = bestMajority(minority, group, known);
        if (!verdict) continue;
        reported.add(minority.name);
        reportAll(ctx, joined, offsets, minority, verdict, known);
      }
    }
    reportSlips(ctx, joined, offsets, candidates, known, reported);
  },
};
