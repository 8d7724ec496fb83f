/**
 * fixed-phrase: a near-miss of a phrase the corpus writes consistently (or a curated
 * 规范提法): one character substituted, dropped or added inside it, e.g. 高质亮发展
 * where the corpus writes 高质量发展 throughout.
 *
 * Long phrases are evidence by their length. Shorter ones (four characters up) and
 * edits next to a phrase's first or last character count only as slips that break
 * the lexicon: the phrase reads as words where the variant strands characters
 * (健康教育 → 健帮教育, 推进中医药 → 推进中名药), and the phrase recurs. The whole
 * document gets a say there, which is why the rule is document-scoped: a variant the
 * document writes again, or whose new pairing it uses elsewhere as a word (慢病), is meant.
 * With a learned archive, a character that pairs with neither neighbour as the archive ever
 * writes, in a long phrase it writes often, is a slip whatever usage would excuse (a stranger:
 * acceptance.ts strangerInPhrase), and a pair chance would put side by side often but the archive
 * never writes is avoided, evidence for a rare phrase's slip (CorpusEvidence.avoidsPair).
 *
 * What it deliberately ignores:
 * - a variant the learned corpus writes itself around the edit (打好…攻坚战 beside
 *   打赢, 副主任委员 beside 主任委员), or one that reads at least as easily as a short
 *   learned phrase (伊军方 beside 伊朗军方): usage, not a slip (a bigger archive knows
 *   more usage, so it must make the rule quieter, never noisier); one the archive's character
 *   model reads nearly as easily as the phrase (快递业量 beside 快递业务量: a shortened form);
 * - a numeral, measure, pronoun, adverb, conjunction or common verb written for another of its
 *   kind (多项 → 多份, 和 → 及, 提升 → 抬升), and an adverb added between the words of a set phrase (任务越艰巨);
 * - variants that read as words (医用设备 for 医疗设备, 中国医师协会 for 中国医院协会):
 *   a different phrase or body, unless the phrase is long enough to outweigh it;
 * - a changed numeral (二十大 / 十九大, 第一 / 第二): a different fact, not a typo;
 * - contrastive slots (省/市/县, 上/下, 大/小…) and slots the corpus itself fills in
 *   more than one way with words (推进健康中国建设 / 推进美丽中国建设);
 * - a variant the corpus itself repeats or the lexicon knows as a word: both forms
 *   are then established (国家卫生健康委 / 国家卫健委); a pairing the corpus writes as
 *   one unit (医政, 数智), in a recurrent phrase or again and again on its own (推普, 中秘); a parallel pattern (提质提效); a measure word, modifier or
 *   suffix added between two words (中医药类特色班); a short phrase the corpus nearly
 *   always writes as part of a longer one (推进中医 in 推进中医药);
 * - grammar around the phrase: a coinage in a series the text coordinates (细管、智管、众管;
 *   办优办强), a correlative's first half whose second half follows (既…又), a count's hedge
 *   written as another (上百 / 约百); a piece of a curated formulation the text leaves for other
 *   words is judged as a learned phrase, and a variant the document writes twice, never the
 *   phrase, is its own form however long;
 * - another common word the archive writes in a word's place (防灾 for 防疫), a country's abbreviation
 *   for another's (中蒙 → 中秘), a prefix the archive writes before a word (残奥委会 beside 奥委会), and a
 *   phrase whose first character the text reads as the end of a word before it (赛场|时 over 场上…);
 * - a doubled character duplicate-word reports (强基基工程); an organisation the
 *   document names correctly twice: name-consistency reports its slips.
 *
 * A fix replaces the whole near-miss by the phrase and never doubles its context
 * (see fix-site.ts). Files: phrase-index.ts (trie walk), quad-index.ts (four-character
 * phrases), corpus-evidence.ts (what the corpus writes), acceptance.ts (the policy),
 * thresholds.ts (every named bar), report.ts (messages and fixes).
 */
import type { Rule, RuleContext } from '../../types';
import type { Lexicon } from '../../lexicon';
import { pairStandsTogether } from '../../analysis/lexical-break';
import { endsWithOrganisationHead } from '../../analysis/organisations';
import { HAN_CODES } from '../../analysis/han';
import { accept, makesWordAround, rivalConfirmed, rivalSpeaksFor, strangerInPhrase, writtenAsUsage } from './acceptance';
import { segment } from '../../segmenter';
import { edgeCharStands, editsEdge } from './edge-slip';
import { doubledSlip, extraCopy, leavesRepeat } from './fix-site';
import { targetChar, type Accepted, type NearMiss } from './near-miss';
import { PhraseIndex } from './phrase-index';
import { reportDoubled, reportNearMiss } from './report';
import { FUNCTION_CODES, FUNCTION_FRAME_CONTEXT, MIN_RIVAL_COUNT_RATIO, MIN_SLIP_LENGTH, PREPOSITION_POS } from './thresholds';
import { CORPUS_SOURCE } from '../../model/sections/phrases';

/** Tables held here so the scan indexes them directly. */
const HAN_TABLE: Uint8Array = HAN_CODES;
const FUNCTION_TABLE: Uint8Array = FUNCTION_CODES;

export const fixedPhrase: Rule<PhraseIndex> = {
  meta: {
    id: 'fixed-phrase',
    category: 'consistency',
    defaultSeverity: 'warning',
    fixable: true,
    fixKind: 'suggestion',
    // Document scope: a variant the document writes elsewhere, or whose new pairing it
    // uses elsewhere (慢病 beside 疾病), is meant.
    scope: 'document',
    docs: {
      summary: '固定提法有误：与语料中反复出现的提法仅差一字',
      gloss: 'A near-miss of a fixed phrase the corpus writes consistently (one character substituted, dropped or added)',
      why: '规范提法和机构名称错一个字，拼写检查器发现不了，因为每个字都是正确的字；但政治性提法和正式名称出错，是新闻出版的重大差错。本规则以语料中反复出现的提法（以及收录的规范提法）为准，报告只差一字的写法；较短的提法只在错字把词拆成非词（如“健康教育”写成“健帮教育”）时才报告。',
      example: { bad: '推进紧密型县域医供体建设', good: '推进紧密型县域医共体建设' },
      reference: '《图书编校质量差错认定细则》：政治性差错、知识性差错',
    },
  },
  createState(model, lexicon) {
    return new PhraseIndex(model.phrases, lexicon, model.corpus.characters, model.corpus.documents);
  },
  checkDocument(ctx) {
    const index = ctx.state;
    if (index.empty) return;
    const document = ctx.text.masked;
    for (const paragraph of ctx.text.paragraphs) {
      for (const { match, acceptance, extraAt, stranger } of scanParagraph(ctx, index, paragraph.text)) {
        if (ctx.isAllowed(paragraph.text.slice(match.start, match.end))) continue;
        if (acceptance === 'doubled') {
          reportDoubled(ctx, paragraph.start, paragraph.text, match, extraAt!);
          continue;
        }
        if (meantInDocument(ctx.lexicon, document, paragraph.start, paragraph.text, { match, acceptance })) continue;
        // A fix never creates a finding at its site: a phrase that, written in, would double
        // what stands beside it (卫生健康工作 before 工作) is not what was meant.
        if (leavesRepeat(ctx, paragraph.text, match.start, match.end, match.target)) continue;
        const archiveRise = match.entry.source === CORPUS_SOURCE ? index.evidence.archiveCostRise(paragraph.text, match) : undefined;
        reportNearMiss(ctx, paragraph.start, paragraph.text, match, archiveRise, stranger);
      }
    }
  },
};

/** The accepted near-misses of one paragraph, before the document-level checks. */
function scanParagraph(ctx: RuleContext<PhraseIndex>, index: PhraseIndex, text: string): Accepted[] {
  const found: Accepted[] = [];
  let lastEnd = -1;
  for (let i = 0; i + MIN_SLIP_LENGTH - 1 <= text.length; i++) {
    const code = text.charCodeAt(i);
    if (HAN_TABLE[code] !== 1) continue;
    if (i < lastEnd) continue;
    // The first near-miss the policy keeps: the longest phrase at a position is not always the one
    // the text misses (an edit inside one phrase may be the first character of another).
    let accepted: Accepted | undefined;
    let tried: NearMiss[] | undefined;
    let usage: boolean | undefined;
    // At a function character only the phrases that begin with it are looked for: one whose first
    // character it replaces is rare, and a four-character phrase's last character is its frame's (see
    // framedByFunctionWord), so the dearer stages would cost every such position for next to nothing.
    const toStage = FUNCTION_TABLE[code] ? PhraseIndex.FIRST_SUBSTITUTED_STAGE : PhraseIndex.NEAR_MISS_STAGES;
    for (
      let readings = index.nearMissesAt(text, i, 0, toStage);
      readings && !accepted && !usage;
      readings = index.nearMissesAt(text, i, index.foundStage + 1, toStage)
    ) {
      // A rival reading at an edge blames another character than an inner one let go, and only the
      // archive's pairs can confirm such a reading (rivalConfirmed): without them it is not looked for.
      if (tried && index.foundStage >= PhraseIndex.FIRST_SUBSTITUTED_STAGE && !index.evidence.knowsPairs) break;
      for (let k = 0; k < readings.length && !accepted && !usage; k++) {
        const match = readings[k];
        if (tried) {
          if (tried.some((t) => sameNearMiss(t, match))) continue;
          // A reading that makes another claim than the ones let go — it blames another character, or
          // means another one where it blames the same (a four-character phrase's slot beside a longer
          // phrase's) — must show that its edit makes pairings the archive never writes, and the text must
          // not be the archive's own writing whichever phrase it misses. Where the rival may speak for it
          // (rivalSpeaksFor), the text it reads as its phrase written right is no such writing: the
          // archive writes it there because it writes the rival's phrase. One with the same slip (a
          // shorter phrase) is judged as it stands: the acceptance reads the archive around its edit itself.
          if (!tried.some((t) => sameSlip(t, match))) {
            if (!rivalConfirmed(index, text, match) && !outnumbers(index, match, tried)) continue;
            usage = writtenAsUsage(index, text, tried[0], rivalSpeaksFor(index, tried[0], match) ? match : undefined);
            if (usage) break;
          }
        }
        (tried ??= []).push(match);
        accepted = judge(ctx, index, text, match);
      }
    }
    if (!accepted) continue;
    lastEnd = accepted.match.end;
    found.push(accepted);
  }
  return found;
}

/** True when the rival's phrase is written MIN_RIVAL_COUNT_RATIO times as often as every reading let go. */
function outnumbers(index: PhraseIndex, rival: NearMiss, tried: readonly NearMiss[]): boolean {
  const count = index.countOf(rival.node);
  return tried.every((t) => count >= MIN_RIVAL_COUNT_RATIO * index.countOf(t.node));
}

/** True when two near-misses make the same edit in the text and mean the same character there. */
function sameSlip(a: NearMiss, b: NearMiss): boolean {
  return a.textAt === b.textAt && a.kind === b.kind && targetChar(a) === targetChar(b);
}

/**
 * True when a learned phrase that begins with a function character (为…服务, 在…会见) is missed only as
 * the function word's frame allows: the text reads its first character as part of the word before
 * (座谈会 before a phrase that begins with 会), the edit makes a word the lexicon lists with its
 * neighbours (会见 → 再见), the last character is written otherwise (the frame goes on with another
 * word), or a preposition's object is (为民 → 为农: the slot the preposition opens). Such phrases are
 * the archive's frames around a function word; a slip inside them breaks what the frame holds.
 */
function framedByFunctionWord(lexicon: Lexicon, text: string, m: NearMiss): boolean {
  if (m.kind === 'substitute' && (m.targetAt === m.target.length - 1 || (m.targetAt === 1 && lexicon.pos(m.target[0]) === PREPOSITION_POS))) return true;
  if (m.kind !== 'drop' && makesWordAround(lexicon, text, m.textAt)) return true;
  const from = Math.max(0, m.start - FUNCTION_FRAME_CONTEXT);
  const first = m.start - from;
  return segment(lexicon, text.slice(from, m.start + FUNCTION_FRAME_CONTEXT)).some((t) => t.start < first && first < t.end);
}

/** True when two ways of looking found the same near-miss. */
function sameNearMiss(a: NearMiss, b: NearMiss): boolean {
  return a.target === b.target && a.end === b.end && a.textAt === b.textAt && a.kind === b.kind;
}

/** The near-miss as accepted, or undefined: the checks of one candidate of the paragraph scan. */
function judge(ctx: RuleContext<PhraseIndex>, index: PhraseIndex, text: string, match: NearMiss): Accepted | undefined {
  // A character doubled beside the phrase (中医医院|院感, 中医|医疗机构) leaves the phrase written whole: no near-miss.
  if (match.kind === 'add' && text.slice(match.start, match.end).includes(match.target)) return undefined;
  if (match.entry.source === CORPUS_SOURCE && FUNCTION_TABLE[match.target.charCodeAt(0)] && framedByFunctionWord(ctx.lexicon, text, match)) return undefined;
  // A phrase's first or last character written otherwise is a slip only when that character stands alone.
  if (editsEdge(match) && !strangerInPhrase(ctx.lexicon, index, text, match) && !edgeCharStands(ctx.lexicon, index, text, match)) return undefined;
  const extraAt = extraCopy(ctx, text, match);
  if (extraAt < 0) return accept(ctx.lexicon, index, text, match);
  return doubledSlip(ctx, index, text, match, extraAt) ? { match, acceptance: 'doubled', extraAt } : undefined;
}

/**
 * A slip the document itself contradicts: the variant is written again elsewhere,
 * or the pairing the written character makes (慢病, 医政) occurs elsewhere — a word
 * of this document the lexicon lacks. A slip of an organisation the document
 * names correctly twice is left to name-consistency, which reports it as such.
 * A near-miss accepted by the strict bars yields only to the variant written again
 * where the document never writes the phrase.
 */
function meantInDocument(lexicon: Lexicon, document: string, base: number, text: string, { match: m, acceptance }: Accepted): boolean {
  const start = base + m.start;
  const end = base + m.end;
  const elsewhere = (s: string, together: boolean) => {
    for (let i = document.indexOf(s); i >= 0; i = document.indexOf(s, i + 1)) {
      if ((i + s.length <= start || i >= end) && (!together || pairStandsTogether(lexicon, document, i))) return true;
    }
    return false;
  };
  const writtenAgain = elsewhere(text.slice(m.start, m.end), false);
  // However strong the evidence, a slip is an accident: the same variant written twice, and the phrase
  // never, is the document's own form (a formulation of its time, a name it spells so).
  if (acceptance === 'strict') return writtenAgain && document.indexOf(m.target) < 0;
  if (writtenAgain) return true;
  if (acceptance === 'confirm' && !writesEditedPiece(document, m)) return true;
  // An organisation the document names right twice is name-consistency's finding, not a second one here.
  if (endsWithOrganisationHead(m.target)) {
    const first = document.indexOf(m.target);
    if (first >= 0 && document.indexOf(m.target, first + m.target.length) >= 0) return true;
  }
  if (m.kind === 'drop') return false;
  return elsewhere(text.slice(m.textAt - 1, m.textAt + 1), true) || elsewhere(text.slice(m.textAt, m.textAt + 2), true);
}

/**
 * True when the document writes the target, or a piece of it of MIN_SLIP_LENGTH characters or more
 * that holds the edit, right: the confirmation a weaker slip needs. The scan reads the longest phrase
 * through an edit first (深化健康教育 over 健康教育); the document confirms the words around the
 * slip, and seldom writes the whole of a long phrase twice.
 */
function writesEditedPiece(document: string, m: NearMiss): boolean {
  const t = m.target;
  // The target's characters a piece must hold: the one replaced or dropped, or the two an added one parts.
  const lo = m.kind === 'add' ? Math.max(0, m.targetAt - 1) : m.targetAt;
  const hi = Math.min(t.length - 1, m.targetAt);
  for (let length = t.length; length >= MIN_SLIP_LENGTH; length--) {
    for (let from = Math.max(0, hi + 1 - length); from <= Math.min(lo, t.length - length); from++) {
      if (document.indexOf(t.slice(from, from + length)) >= 0) return true;
    }
  }
  return false;
}
