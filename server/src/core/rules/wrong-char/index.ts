/**
 * wrong-char: a wrong character (错别字) — a homophone the input method offered, a
 * look-alike, a character slipped inside a word or a set expression. Precision first: an
 * editor forgives a missed slip, not a page of false alarms. Three tiers:
 *
 * - known wrong forms (lists.ts): the house corrections list, corrections learned from
 *   the newsroom's own edits, and a built-in list of commonly mistaken words;
 * - non-word slips (nonword.ts): a character that breaks a dictionary word, where a
 *   same-sounding or similar-looking character restores a well-attested word and makes
 *   the sentence read far likelier.
 *
 * - real-word swaps (context.ts): 在 for 再, 作 for 做 — both spellings are words, so only
 *   the newsroom's archive can tell: a member of a vetted confusable pair written between
 *   neighbours the archive never gives it, but often gives its partner.
 *
 * Findings are suggestions, never applied by --fix alone.
 */
import type { Rule, RuleContext } from '../../types';
import { hanContextAfter, hanContextBefore, isHan } from '../../analysis/han';
import { KnownErrors, type KnownErrorMatch } from './lists';
import { SlipIndex, type NonWordSlip } from './nonword';
import { ContextTier, type ContextSwap } from './context';
import { ARCHIVE_MIN_CHARACTERS, MIN_SCORE, MIN_SCORE_WITH_ARCHIVE, STORY_WORD_DISCOUNT } from './thresholds';
import type { LearnedModel } from '../../model/types';

/** Han characters of context quoted around the corrected word in the message. */
const CONTEXT = 2;

const KIND_NAMES = { sound: '音同音近', shape: '形近' } as const;

/** Paragraphs whose detections are kept per linter (an editor session re-lints the same ones on every keystroke). */
const PARAGRAPH_CACHE_LIMIT = 20_000;

interface Detections {
  known: KnownErrorMatch[];
  slips: NonWordSlip[];
  swaps: ContextSwap[];
}

interface WrongCharState {
  known: KnownErrors;
  slips: SlipIndex;
  context: ContextTier;
  /** The score a slip must clear when the story does not write the intended word elsewhere. */
  minScore: number;
  paragraphs: Map<string, Detections>;
}

/**
 * A slip is a one-off: the same stray pair written twice or more in one story is the
 * story's own word (an abbreviation, a place the dictionary lacks), not a typing error.
 */
const MAX_SLIP_OCCURRENCES = 1;

export const wrongChar: Rule<WrongCharState> = {
  meta: {
    id: 'wrong-char',
    category: 'characters',
    defaultSeverity: 'warning',
    fixable: true,
    fixKind: 'suggestion',
    // Document scope so that a "slip" the story writes again and again (its own term) is
    // recognised; each paragraph's detections are still cached by the rule's state.
    scope: 'document',
    // A phrase or a name the newsroom writes is the better evidence: one finding per span.
    yieldsTo: ['fixed-phrase', 'name-consistency'],
    docs: {
      summary: '错别字：同音、形近字误用，或本报勘误表中的错误写法',
      gloss: 'A wrong character: a homophone or look-alike that breaks a word, or a form on the house corrections list',
      why: '错别字是校对的第一要务，多是输入法给出的同音字（建设→建社）或形近字。本规则只在证据充分时报告：一是本报勘误表（配置 corrections）、从编辑改稿中学到的改正（jiaodui learn --edits）和常见错别字表中的写法；二是某字使所在的词不成词、换成同音或形近字后成为常用词且整句读起来可能性大得多的情形（同音字越多的字，误打成其中某一个的可能越小，证据要求越高；文中别处写了那个常用词的，证据要求低一些），同一写法在文中反复出现的（文章自己的简称、词典未收的地名）不报。三是在/再、做/作这类两种写法都成词的误用：用 jiaodui learn 从本报稿库学到每组易混字各自常见的前后字，某字的前后字在稿库中从未这样搭配、而换成另一字常见（至少 3 次）且前后字都明显支持另一字时才报告；稿库太小时几乎不报。人名、音译名不作判断。修改建议须由编辑确认。',
      example: { bad: '全面提高教学质亮，完善配套按装。', good: '全面提高教学质量，完善配套安装。' },
    },
  },
  createState(model, lexicon) {
    const minScore = vouchingArchive(model) ? MIN_SCORE_WITH_ARCHIVE : MIN_SCORE;
    return {
      known: new KnownErrors(model.corrections?.entries ?? []),
      // Paragraphs are judged down to the discounted score; the story decides (checkDocument).
      slips: new SlipIndex(lexicon, model.corrections?.attested, minScore - STORY_WORD_DISCOUNT),
      minScore,
      context: new ContextTier(model.corrections?.context ?? {}, lexicon),
      paragraphs: new Map(),
    };
  },
  checkDocument(ctx) {
    const raw = ctx.text.masked;
    for (const paragraph of ctx.text.paragraphs) {
      const found = detect(ctx, paragraph.text);
      for (const match of found.known) reportKnown(ctx, paragraph.start, paragraph.text, match);
      for (const slip of found.slips) {
        const written = writtenWord(paragraph.text, slip);
        if (occurrences(raw, written.text, MAX_SLIP_OCCURRENCES + 1) > MAX_SLIP_OCCURRENCES) continue;
        if (inParallelSeries(paragraph.text, written.start, written.start + written.text.length)) continue;
        // The story writes the intended word elsewhere: its writer uses it, and a form one
        // keystroke from it is likelier a slip than the story's own coinage (纠治 beside no 纠正).
        const wordInStory = occurrences(raw, slip.word, 1);
        if (slip.score < ctx.state.minScore - (wordInStory ? STORY_WORD_DISCOUNT : 0)) continue;
        reportSlip(ctx, paragraph.start, paragraph.text, slip, written, occurrences(raw, slip.word, Infinity));
      }
      for (const swap of found.swaps) {
        // The same neighbours around the same character twice in one story are its usage.
        if (occurrences(raw, swap.writtenContext, MAX_SLIP_OCCURRENCES + 1) > MAX_SLIP_OCCURRENCES) continue;
        reportSwap(ctx, paragraph.start, paragraph.text, swap);
      }
    }
  },
};

/** Is the model learned from an archive large enough that a pair it never writes is evidence of a slip? */
function vouchingArchive(model: LearnedModel): boolean {
  return (model.corpus?.characters ?? 0) >= ARCHIVE_MIN_CHARACTERS;
}

function detect(ctx: Ctx, text: string): Detections {
  const cache = ctx.state.paragraphs;
  let found = cache.get(text);
  if (found) return found;
  const known = ctx.state.known.find(text, ctx.lexicon);
  const taken = (i: number) => known.some((m) => i >= m.start && i < m.end);
  const slips: NonWordSlip[] = [];
  for (const run of text.matchAll(/\p{Script=Han}+/gu)) {
    if (run[0].length < 2) continue;
    for (const slip of ctx.state.slips.find(run[0])) {
      const at = run.index! + slip.at;
      if (!taken(at)) slips.push({ ...slip, at });
    }
  }
  const swaps: ContextSwap[] = [];
  if (!ctx.state.context.empty) {
    const slipAt = new Set(slips.map((slip) => slip.at));
    for (let i = 1; i + 1 < text.length; i++) {
      if (taken(i) || slipAt.has(i)) continue;
      const swap = ctx.state.context.judge(text, i);
      if (swap) swaps.push(swap);
    }
  }
  found = { known, slips, swaps };
  if (cache.size >= PARAGRAPH_CACHE_LIMIT) cache.clear();
  cache.set(text, found);
  return found;
}

/** The mark that separates the items of a series (引资、引技、引智). */
const SERIES_MARK = '、';

/**
 * Is text[start, end) an item of a series whose neighbouring item, across a 、, shares a
 * character with it in the same place (引资、引技、引智; 学纪、知纪、明纪)? Such a series
 * coins its items on one pattern: an item the dictionary lacks is the pattern, not a slip.
 */
function inParallelSeries(text: string, start: number, end: number): boolean {
  const length = end - start;
  const sharesSlot = (other: number) => {
    if (other < 0 || other + length > text.length) return false;
    for (let k = 0; k < length; k++) if (text[other + k] === text[start + k]) return true;
    return false;
  };
  return (text[start - 1] === SERIES_MARK && sharesSlot(start - 1 - length)) || (text[end] === SERIES_MARK && sharesSlot(end + 1));
}

/** How often `needle` occurs in `text`, counting up to `cap`. */
function occurrences(text: string, needle: string, cap: number): number {
  let n = 0;
  for (let i = text.indexOf(needle); i >= 0 && n < cap; i = text.indexOf(needle, i + 1)) n++;
  return n;
}

/** The word as written: the intended word's span with the suspect character in it. */
function writtenWord(text: string, slip: NonWordSlip): { text: string; start: number } {
  const offset = slip.word.indexOf(slip.intended);
  for (let start = Math.max(0, slip.at - slip.word.length + 1); start <= slip.at; start++) {
    const candidate = text.slice(start, start + slip.word.length);
    if (candidate.length === slip.word.length && candidate.slice(0, slip.at - start) + slip.intended + candidate.slice(slip.at - start + 1) === slip.word) {
      return { text: candidate, start };
    }
  }
  return { text: slip.written, start: slip.at - Math.max(0, offset) };
}

type Ctx = RuleContext<WrongCharState>;

function corrected(text: string, start: number, end: number, replacement: string): string {
  return hanContextBefore(text, start, CONTEXT) + replacement + hanContextAfter(text, end, CONTEXT);
}

function reportKnown(ctx: Ctx, base: number, text: string, { error, start, end }: KnownErrorMatch): void {
  if (ctx.isAllowed(error.wrong)) return;
  const evidence =
    error.source === 'house'
      ? `本报勘误表：“${error.wrong}”应为“${error.right}”${error.note ? `（${error.note}）` : ''}。`
      : error.source === 'edits'
        ? `编辑改稿时曾 ${error.count ?? 1} 次把“${error.wrong}”改为“${error.right}”${error.note ? `（见 ${error.note}）` : ''}。`
        : `常见错别字：“${error.wrong}”应为“${error.right}”。词典收“${error.right}”（词频 ${ctx.lexicon.freq(error.right)}），不收“${error.wrong}”。`;
  ctx.report({
    offset: base + start,
    length: end - start,
    message: `疑为错别字“${error.wrong}”，应为“${corrected(text, start, end, error.right)}”`,
    evidence,
    subject: error.wrong,
    fixes: [{ title: `改为“${error.right}”`, edits: [{ offset: base + start, length: end - start, newText: error.right }] }],
  });
}

function reportSlip(ctx: Ctx, base: number, text: string, slip: NonWordSlip, word: { text: string; start: number }, wordInStory: number): void {
  const written = word.text;
  if (ctx.isAllowed(written) || !isHan(slip.intended.codePointAt(0)!)) return;
  ctx.report({
    offset: base + slip.at,
    length: 1,
    // The whole intended word is quoted, with its context, so the editor reads a word, not a fragment.
    message: `疑为错别字“${slip.written}”，应为“${corrected(text, word.start, word.start + written.length, slip.word)}”（${KIND_NAMES[slip.kind]}）`,
    evidence:
      `“${written}”不是词典中的词，“${slip.written}”在此只能单独成字；换成${KIND_NAMES[slip.kind]}字“${slip.intended}”即为常用词“${slip.word}”（词频 ${slip.wordFreq}），` +
      `整句按词典读来的可能性高 e^${slip.gain.toFixed(1)} 倍；“${slip.intended}”的${KIND_NAMES[slip.kind]}字有 ${slip.confusables} 个，` +
      `计入误打成“${slip.written}”的可能，得分 ${slip.score.toFixed(1)}；“${written}”在全文只出现这一次` +
      (wordInStory ? `，“${slip.word}”在文中另写 ${wordInStory} 次` : '') +
      (vouchingArchive(ctx.model) ? `，所学语料（${ctx.model.corpus.characters} 字）中从未出现。` : '。'),
    subject: written,
    fixes: [{ title: `改为“${slip.intended}”`, edits: [{ offset: base + slip.at, length: 1, newText: slip.intended }] }],
  });
}

function reportSwap(ctx: Ctx, base: number, text: string, swap: ContextSwap): void {
  if (ctx.isAllowed(swap.writtenContext)) return;
  const model = ctx.model.corpus;
  ctx.report({
    offset: base + swap.at,
    length: 1,
    message: `疑为错别字“${swap.written}”，应为“${corrected(text, swap.at, swap.at + 1, swap.intended)}”（${swap.written}/${swap.intended}误用）`,
    evidence:
      `所学语料（${model.documents} 篇）中“${swap.writtenContext}”一次也没有，“${swap.intendedContext}”出现 ${swap.support} 次；` +
      `按前后字估计，此处写“${swap.intended}”的可能性高 e^${swap.ratio.toFixed(1)} 倍。“${swap.written}”和“${swap.intended}”都成字成词，请编辑按文意确认。`,
    subject: swap.writtenContext,
    fixes: [{ title: `改为“${swap.intended}”`, edits: [{ offset: base + swap.at, length: 1, newText: swap.intended }] }],
  });
}
