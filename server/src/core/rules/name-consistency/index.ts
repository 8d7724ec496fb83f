/**
 * name-consistency: within one story, the same person or organisation written two
 * ways — 李金涛 five times and once 李涛金, 某市中医医院 and 某市中医院. The odd
 * form is reported, naming the original: the form written more often, or when the
 * counts tie, the earlier one (a name written once each way is the case an editor
 * most needs caught). The document is the story: a file is linted as one draft.
 *
 * Whether two forms are one name is decided from evidence inside the story, not from
 * counts alone (persons.ts, organisations.ts, verdict.ts, slips.ts):
 * - persons: the slip looks or sounds like the name (same pinyin, similar shape:
 *   analysis/similar.ts), or swaps two given-name characters; or it carries the same
 *   post, or stands bare after the name was introduced. Against it: a post of its own
 *   the original never has (商务部部长王文涛 / 财政部部长王文海), one list holding both
 *   (王宁、王毅), the model or roster knowing it as a name, the lexicon as a word;
 * - organisations: the slip breaks into non-words where the original reads as words
 *   (东方纲铁公司 / 东方钢铁公司, 国旨卫生健康委, 中皮医学会); two forms that both read
 *   as words name two bodies (北京大学 / 南京大学), and so do a numeral, a contrastive
 *   character or a place level changed (第一 / 第二人民医院, 城东 / 城西, …省 / …市);
 *   a full name and its accepted short form (learned, curated, roster alias) are one.
 * A roster name always wins: its one-edit variants are reported even when the
 * roster form does not occur in the document.
 */
import type { Rule } from '../../types';
import { unwrapDocument } from '../../analysis/unwrap';
import { buildNameIndex, collectCandidates, groupCandidates, NameIndex, type ModelNameIndex } from './candidates';
import { PlaceStarts } from '../../analysis/organisations';
import { bestMajority, buildKnownNames, type KnownNames } from './verdict';
import { reportPair } from './report';
import { checkPersons } from './persons';
import { checkOrganisationPairs } from './organisations';
import { reportSlips } from './slips';

/** Built once per linter: the model's names indexed for the scan, looked up by name, and the lexicon's place starts. */
interface NameState {
  index: ModelNameIndex;
  /** Tables for the names of the document in hand, reused from one document to the next. */
  docIndex: NameIndex;
  known: KnownNames;
  places: PlaceStarts;
}

export const nameConsistency: Rule<NameState> = {
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
      why: '人名、机构名错字是见报差错中最伤人的一类：被写错名字的人和单位会来电更正。拼写检查器看不出，因为每个字都对。本规则在同一篇稿件里比较写法：多数写法通常是对的；两种写法各出现一次时，标出后出现的一处并指明前文写法。是否同一人、同一单位，看稿件内部的证据：字音字形相近、两字颠倒、职务相同或后文不再带职务、错字拆散了原名的词；各有职务、并列在一处的两人不合并。一个文件按一篇稿件检查（the document is the file: a draft is one story）；把多篇稿件合在一个文件里（整月的稿件、版面合集）时，不同稿件里相差一字的两个名字也会被比较，请按篇拆分后再检查，或对这类文件关闭本规则。',
      example: { bad: '李金涛表示……李金涛认为……李涛金指出', good: '李金涛表示……李金涛认为……李金涛指出' },
    },
  },
  createState(model) {
    return { index: buildNameIndex(model.names), docIndex: new NameIndex(), known: buildKnownNames(model.names), places: new PlaceStarts() };
  },
  checkDocument(ctx) {
    const { text: joined, offsets } = unwrapDocument(ctx.text);
    if (joined.trim() === '') return;
    const { index, docIndex, known, places } = ctx.state;
    const candidates = collectCandidates(ctx, joined, index, docIndex, places);
    const reported = new Set<string>();
    const byKind = groupCandidates(candidates);
    checkPersons(ctx, joined, offsets, candidates, known, reported);
    for (const group of byKind) {
      if (group[0].kind === 'person') continue;
      for (const minority of group) {
        if (reported.has(minority.name) || ctx.isAllowed(minority.name)) continue;
        const verdict = bestMajority(minority, group, known);
        if (!verdict) continue;
        reported.add(minority.name);
        const { majority } = verdict;
        const original = { name: majority.name, at: 'at' in majority ? majority.at : [], roster: verdict.reason === 'roster' };
        reportPair(ctx, offsets, known, { kind: minority.kind, original, variant: { name: minority.name, at: minority.at }, evidence: {} });
      }
    }
    reportSlips(ctx, joined, offsets, candidates, known, reported);
    checkOrganisationPairs(ctx, joined, offsets, known, reported);
  },
};
