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
 *
 * What it deliberately ignores:
 * - variants that read as words (医用设备 for 医疗设备, 中国医师协会 for 中国医院协会):
 *   a different phrase or body, unless the phrase is long enough to outweigh it;
 * - a changed numeral (二十大 / 十九大, 第一 / 第二): a different fact, not a typo;
 * - contrastive slots (省/市/县, 上/下, 大/小…) and slots the corpus itself fills in
 *   more than one way with words (推进健康中国建设 / 推进美丽中国建设);
 * - a variant the corpus itself repeats or the lexicon knows as a word: both forms
 *   are then established (国家卫生健康委 / 国家卫健委); a pairing the corpus writes as
 *   one unit (医政, 数智); a parallel pattern (提质提效); a measure word, modifier or
 *   suffix added between two words (中医药类特色班); a short phrase the corpus nearly
 *   always writes as part of a longer one (推进中医 in 推进中医药);
 * - a doubled character (强基基工程): duplicate-word reports it; an organisation the
 *   document names correctly twice: name-consistency reports its slips.
 *
 * Speed: phrases of five characters and more sit in a character trie (children and
 * skip edges — node → grandchild by the grandchild's character — in typed open-
 * addressing tables); each text position walks it exactly and tries one edit per
 * depth. Four-character phrases are looked up by hashed keys with the edited position
 * blanked. Small hashed pair filters turn most positions away after a load or two.
 */
import type { Rule, RuleContext } from '../types';
import type { Lexicon } from '../lexicon';
import { CORPUS_SOURCE, ROSTER_SOURCE, type PhraseEntry, type PhrasesSection } from '../model/sections/phrases';
import { HAN_CODES, isHan } from '../analysis/han';
import { isContrastivePair, isNumeralChar } from '../analysis/names';
import { endsWithOrganisationHead } from '../analysis/organisations';
import { segment, type Token } from '../segmenter';
import { breaksLexicon, pairStandsTogether, strandedCount } from '../analysis/lexical-break';
import { explainRepeat, findRepeats, MAX_UNIT } from '../analysis/repetition';

/** isHan as a table, held here so the hot loops index it directly. */
const HAN_TABLE: Uint8Array = HAN_CODES;
/** Phrases shorter than this are too easy to resemble by accident… */
const MIN_TARGET_LENGTH = 5;
/** …unless the variant breaks the lexicon where the phrase reads as words. */
const MIN_SLIP_LENGTH = 4;
/** Exact characters required on each side of the edit… */
const ANCHOR = 2;
/** …and the least, for a variant that breaks the lexicon. */
const MIN_ANCHOR = 1;
/** A learned phrase needs this many occurrences (or two in different documents). */
const MIN_COUNT = 3;
/**
 * Characters around a written character that, found in a recurrent phrase, show the
 * corpus writing it there. Three: a pair is too common to be evidence, and four
 * leaves most edits near a phrase's edge without a window inside the variant.
 */
const WRITTEN_CONTEXT = 3;
/**
 * How much harder (in nats of the lexicon's word model) the text reads with the
 * variant than with the phrase, above which the variant may be a slip. A slip
 * strands characters and breaks words; a variant that reads at least as easily
 * (伊军方 beside 伊朗军方, 我进一步 beside 我们进一步) was written so. Zero: on half A of
 * the development corpus a higher bar lost more injected slips than false alarms.
 */
const MIN_COST_RISE = 0;
/** Lexicon frequency above which the variant is a word of the language in its own right. */
const WORD_FREQ = 50;

export const fixedPhrase: Rule = {
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
      why:
        '规范提法和机构名称错一个字，拼写检查器发现不了，因为每个字都是正确的字；但政治性提法和正式名称出错，是新闻出版的重大差错。本规则以语料中反复出现的提法（以及收录的规范提法）为准，报告只差一字的写法；较短的提法只在错字把词拆成非词（如“健康教育”写成“健帮教育”）时才报告。',
      example: { bad: '推进紧密型县域医供体建设', good: '推进紧密型县域医共体建设' },
      reference: '《图书编校质量差错认定细则》：政治性差错、知识性差错',
    },
  },
  checkDocument(ctx) {
    const index = phraseIndex(ctx.model.phrases);
    if (index.empty) return;
    const document = ctx.text.masked;
    for (const paragraph of ctx.text.paragraphs) {
      for (const match of scanParagraph(ctx, index, paragraph.text)) {
        if (ctx.isAllowed(paragraph.text.slice(match.start, match.end))) continue;
        if (match.doubledAt !== undefined) {
          reportDoubled(ctx, paragraph.start, paragraph.text, match, match.doubledAt);
          continue;
        }
        if (match.slip !== undefined && meantInDocument(ctx.lexicon, document, paragraph.start, paragraph.text, match)) continue;
        // A fix never creates a finding at its site: a phrase that, written in, would double
        // what stands beside it (卫生健康工作 before 工作) is not what was meant.
        if (leavesRepeat(ctx, paragraph.text, match.start, match.end, match.target)) continue;
        report(ctx, paragraph.start, paragraph.text, match);
      }
    }
  },
};

/** Answers remembered per index before a memo starts afresh. */
const MEMO_LIMIT = 50_000;

/** The accepted near-misses of one paragraph, before the document-level checks. */
function scanParagraph(ctx: RuleContext, index: PhraseIndex, text: string): NearMiss[] {
  const lexicon = ctx.lexicon;
  const found: NearMiss[] = [];
  let lastEnd = -1;
  for (let i = 0; i + MIN_SLIP_LENGTH - 1 <= text.length; i++) {
    const code = text.charCodeAt(i);
    if (HAN_TABLE[code] !== 1 || FUNCTION_CODES[code] || !index.startsTarget(code)) continue;
    const match = index.bestNearMiss(text, i) ?? index.quadNearMiss(text, i);
    if (!match || i < lastEnd) continue;
    // A character doubled beside the phrase (中医医院|院感, 中医|医疗机构) leaves the phrase written whole: no near-miss.
    if (match.kind === 'add' && text.slice(match.start, match.end).includes(match.target)) continue;
    const extra = extraCopy(ctx, text, match);
    if (extra >= 0) {
      if (!doubledSlip(ctx, index, text, match, extra)) continue;
      lastEnd = match.end;
      found.push({ ...match, doubledAt: extra });
      continue;
    }
    if (!acceptable(lexicon, index, text, match)) continue;
    lastEnd = match.end;
    found.push(match);
  }
  return found;
}

/**
 * A slip the document itself contradicts: the variant is written again elsewhere,
 * or the pairing the written character makes (慢病, 医政) occurs elsewhere — a word
 * of this document the lexicon lacks. A slip of an organisation the document
 * names correctly twice is left to name-consistency, which reports it as such.
 */
function meantInDocument(lexicon: Lexicon, document: string, base: number, text: string, m: NearMiss): boolean {
  const start = base + m.start;
  const end = base + m.end;
  const elsewhere = (s: string, together: boolean) => {
    for (let i = document.indexOf(s); i >= 0; i = document.indexOf(s, i + 1)) {
      if ((i + s.length <= start || i >= end) && (!together || pairStandsTogether(lexicon, document, i))) return true;
    }
    return false;
  };
  if (elsewhere(text.slice(m.start, m.end), false)) return true;
  if (m.slip === 'confirm' && document.indexOf(m.target) < 0) return true;
  // An organisation the document names right twice is name-consistency's finding, not a second one here.
  if (endsWithOrganisationHead(m.target)) {
    const first = document.indexOf(m.target);
    if (first >= 0 && document.indexOf(m.target, first + m.target.length) >= 0) return true;
  }
  if (m.kind === 'drop') return false;
  return elsewhere(text.slice(m.textAt - 1, m.textAt + 1), true) || elsewhere(text.slice(m.textAt, m.textAt + 2), true);
}

interface NearMiss {
  start: number;
  end: number;
  /** The phrase (or recurrent prefix of one) the text misses by one edit. */
  target: string;
  entry: PhraseEntry;
  /** The target's trie node. */
  node: number;
  kind: 'substitute' | 'drop' | 'add';
  /** Offset of the edit in the text, and in the target. */
  textAt: number;
  targetAt: number;
  /**
   * Accepted only as a slip that breaks the lexicon, so the document gets a say;
   * 'confirm' when the slip is of a weaker kind (a character added between words,
   * a function character written inside a word) and the document must also write
   * the phrase correctly elsewhere.
   */
  slip?: 'lexical' | 'confirm';
  /** Set when the slip is a character written twice: the offset of the copy to remove. */
  doubledAt?: number;
}

/**
 * Function characters: inserting, dropping or swapping one (医院的数字化转型,
 * 筹资待遇, 实施好…) is ordinary variation, not a slip — unless the phrase is a
 * curated formulation, where every character is fixed.
 */
const FUNCTION_CHARS = new Set('的了和与及或着过得地之等也都就还又在把被将为以对向从于给让使由其这那此该各每好并而且但如若所'.split(''));
const FUNCTION_CODES = (() => {
  const flags = new Uint8Array(0x10000);
  for (const ch of FUNCTION_CHARS) flags[ch.charCodeAt(0)] = 1;
  return flags;
})();
/** Administrative level characters: 甘肃省 / 甘肃 is a choice, not a slip. */
const ADMIN_CHARS = new Set('省市县区州镇乡村旗盟'.split(''));
/** Lexicon frequency for a word to count as an ordinary word around the edit. */
const FLUENT_FREQ = 20;
const FLUENCY_CONTEXT = 3;
/**
 * Target lengths required. A slip inside a word that leaves a non-word (高质亮发展)
 * is strong evidence; a different single-character word in a slot (全国名中医 /
 * 全国老中医) is weaker; an edit that reads as ordinary words (医用设备 for 医疗设备)
 * or adds or drops a whole word at a boundary (甘肃省中医药全产业链) is usually meant,
 * so only a long phrase — or a curated one — outweighs it.
 */
const MIN_LENGTH_STRONG = 7;
const MIN_LENGTH_STRONG_CURATED = 5;
const MIN_LENGTH_SLOT = 8;
const MIN_LENGTH_WEAK = 10;
const MIN_LENGTH_WEAK_CURATED = 6;
const MIN_LENGTH_FUNCTION_CURATED = 8;
const MIN_LENGTH_FUNCTION_SUBSTITUTION = 12;

function acceptable(lexicon: Lexicon, index: PhraseIndex, text: string, m: NearMiss): boolean {
  const targetChar = m.kind === 'add' ? '' : m.target[m.targetAt];
  const textChar = m.kind === 'drop' ? '' : text[m.textAt];
  if (isNumeralChar(targetChar)) return false;
  const adminTarget = ADMIN_CHARS.has(targetChar);
  const adminText = ADMIN_CHARS.has(textChar);
  if ((adminTarget || adminText) && (m.kind !== 'substitute' || (adminTarget && adminText))) return false;
  // A numeral or an administrative character written inside a word (卫生 → 卫生一, 乡镇 → 乡施)
  // may still be a slip, but only one that breaks the lexicon.
  const unusualEdit = isNumeralChar(textChar) || adminTarget || adminText;
  if (m.kind === 'substitute' && isContrastivePair(targetChar, textChar)) return false;
  if (m.kind === 'add' && (text[m.textAt - 1] === textChar || text[m.textAt + 1] === textChar)) return false;
  const curated = m.entry.source !== CORPUS_SOURCE;
  const wellAnchored = !unusualEdit && m.target.length >= MIN_TARGET_LENGTH && Math.min(leftAnchor(m), rightAnchor(m)) >= ANCHOR;
  // Too short or too near an edge for every strict bar: only a slip can pass, so its cheap tests go first.
  const slipOnly = !wellAnchored || m.target.length < (curated ? MIN_LENGTH_STRONG_CURATED : MIN_LENGTH_STRONG);
  if (slipOnly && !mayBeSlip(index, text, m)) return false;
  // (mayBeSlip may have cut the target back to its recurrent start.)
  const length = m.target.length;
  const variant = text.slice(m.start, m.end);
  // A learned phrase is only what the corpus usually writes: a variant it also writes, or one that
  // reads as easily in a phrase too short to be evidence by its length, is usage. A curated
  // formulation is fixed in every character.
  if (!curated && index.writesAround(text, m)) return false;
  if (!curated && length < MIN_LENGTH_STRONG && costRise(lexicon, text, m) <= MIN_COST_RISE) return false;
  if (lexicon.freq(variant) >= WORD_FREQ) return false;
  if (index.isRecurrent(variant)) return false;
  // A slot the corpus fills in more than one way makes another filler meant — unless it breaks the
  // lexicon, which no filler the corpus writes does (持续出展 beside 持续开展 and 持续发展).
  const varies = m.kind === 'substitute' && index.slotVaries(m.target, m.targetAt);
  if (varies && !slipOnly && !mayBeSlip(index, text, m)) return false;
  if (FUNCTION_CHARS.has(targetChar) || FUNCTION_CHARS.has(textChar)) {
    const enough = curated ? length >= MIN_LENGTH_FUNCTION_CURATED : m.kind === 'substitute' && length >= MIN_LENGTH_FUNCTION_SUBSTITUTION;
    if (!enough || !wellAnchored || varies) {
      // 支付 → 支为, 扎实 → 扎就实: a function character inside a word, not beside one.
      if (m.kind === 'drop' || FUNCTION_CHARS.has(targetChar) || !mayBeSlip(index, text, m)) return false;
      if (!editInsideWord(lexicon, index, m) || !breaksPhrase(lexicon, index, text, m)) return false;
      m.slip = 'confirm';
    }
  } else {
    const inside = editInsideWord(lexicon, index, m);
    // The fluency test below only chooses between strict bars.
    if (slipOnly || varies) {
      if (m.kind === 'add' && !inside && !echoesNeighbour(text, m) && attaches(lexicon, textChar)) return false;
      if (!breaksPhrase(lexicon, index, text, m)) return false;
      m.slip = inside || echoesNeighbour(text, m) ? 'lexical' : 'confirm';
      return true;
    }
    const fluent = readsFluently(lexicon, text, m);
    // Another organisation, not a slip: 中国医师协会 / 中国医院协会.
    if (fluent && m.kind === 'substitute' && endsWithOrganisationHead(m.target)) return false;
    let needed: number;
    if (!fluent && inside) needed = curated ? MIN_LENGTH_STRONG_CURATED : MIN_LENGTH_STRONG;
    else if (!fluent && m.kind === 'substitute') needed = curated ? MIN_LENGTH_WEAK_CURATED : MIN_LENGTH_SLOT;
    else needed = curated ? MIN_LENGTH_WEAK_CURATED : MIN_LENGTH_WEAK;
    if (length < needed) {
      if (m.kind === 'add' && !inside && attaches(lexicon, textChar)) return false;
      if (!mayBeSlip(index, text, m) || !breaksPhrase(lexicon, index, text, m)) return false;
      m.slip = inside ? 'lexical' : 'confirm';
    }
  }
  return true;
}

/**
 * Parts of speech of a character that may stand between two words on purpose: a
 * modifier (新, 总, 常), numeral or measure (年, 类), pronoun (各) or suffix (型).
 */
const ATTACHING_POS = /^(a|ad|an|b|d|m|mq|q|k|r|f|z)$/;
/** A character ending this many words is a productive suffix (…性, …化, …法). */
const PRODUCTIVE_SUFFIX = 200;
/** Modal verbs and adverbs that jieba tags otherwise: 医保部门要协同税务部门, 货款仍由医保基金. */
const MODAL_CHARS = new Set('要会能可应须需该再更最很太才亦均皆仍已曾正'.split(''));

/** True when a character added between two words may be meant: 中医药类特色班, 数字化健康. */
function attaches(lexicon: Lexicon, char: string): boolean {
  return MODAL_CHARS.has(char) || ATTACHING_POS.test(lexicon.pos(char) ?? '') || lexicon.suffixProductivity(char) >= PRODUCTIVE_SUFFIX;
}

/**
 * True when an added character is the one written two places on or back: typed a
 * keystroke early or late (卫生健康作工作), a slip however the words fall.
 */
function echoesNeighbour(text: string, m: NearMiss): boolean {
  return m.kind === 'add' && (text[m.textAt + 2] === text[m.textAt] || text[m.textAt - 2] === text[m.textAt]);
}

/** Characters of the target before the edit, and after it. */
function leftAnchor(m: NearMiss): number {
  return m.targetAt;
}

function rightAnchor(m: NearMiss): number {
  return m.target.length - m.targetAt - (m.kind === 'add' ? 0 : 1);
}

/**
 * A slip inside a short phrase or near its edge: the phrase recurs, and the variant
 * strands characters the phrase reads as words (健康教育 → 健/帮/教育). A dropped
 * character leaves too little of a four-character phrase to tell, so drops need five.
 */
function breaksPhrase(lexicon: Lexicon, index: PhraseIndex, text: string, m: NearMiss): boolean {
  // A target cut inside a word of its phrase (国家卫生健 of 国家卫生健康委), or one that ends
  // inside a word where the corpus goes on (货款由医 of 货款由医保基金), is no unit to miss.
  if (!index.endsOnWord(lexicon, m)) return false;
  if (m.kind !== 'drop') {
    // A pairing the corpus writes elsewhere is a word the lexicon lacks (慢病, 医政, 数智), not a slip.
    if (index.attestsPair(lexicon, text.slice(m.textAt - 1, m.textAt + 1)) || index.attestsPair(lexicon, text.slice(m.textAt, m.textAt + 2))) return false;
  }
  let from = m.start;
  while (from > 0 && m.start - from < FLUENCY_CONTEXT && isHan(text.charCodeAt(from - 1))) from--;
  let to = m.end;
  while (to < text.length && to - m.end < FLUENCY_CONTEXT && isHan(text.charCodeAt(to))) to++;
  return breaksLexicon(lexicon, text.slice(from, m.start), m.target, text.slice(m.start, m.end), text.slice(m.end, to));
}

/** The checks of breaksPhrase that need no segmentation, run first because most candidates fail them. */
function mayBeSlip(index: PhraseIndex, text: string, m: NearMiss): boolean {
  if (m.kind === 'drop') {
    if (m.target.length < MIN_TARGET_LENGTH) return false;
    // A character left beside a function word may be a word of its own (在防的工作当中).
    if (FUNCTION_CODES[text.charCodeAt(m.textAt - 1)] || FUNCTION_CODES[text.charCodeAt(m.textAt)]) return false;
  }
  // A slip needs a phrase the corpus writes MIN_COUNT times: a rarer long target gives way to its recurrent start.
  if (m.entry.source === CORPUS_SOURCE && index.countOf(m.node) < MIN_COUNT && !index.cutToRecurrent(text, m)) return false;
  // The corpus writes the target only as the start of a longer phrase, and the text goes elsewhere.
  const next = index.usualNext(m.node);
  if (next?.dominant && text.charCodeAt(m.end) !== next.code) return false;
  if (m.kind === 'substitute') {
    // A parallel four-character pattern (提质提效 beside 提质增效) repeats a character on purpose.
    const written = text[m.textAt];
    for (let i = m.start; i < m.end; i++) if (i !== m.textAt && text[i] === written) return false;
  }
  return true;
}

/**
 * True when the edit falls inside a word of the target (中西医|结合 losing its 医), not
 * between words. A run of single characters the lexicon cannot segment (强/基 in
 * 医疗卫生强基工程) is an unknown word, and counts as one.
 */
function editInsideWord(lexicon: Lexicon, index: PhraseIndex, m: NearMiss): boolean {
  const k = m.targetAt;
  const tokens = index.segmentTarget(lexicon, m);
  const single = (t: number) => t >= 0 && t < tokens.length && tokens[t].end - tokens[t].start === 1 && !FUNCTION_CHARS.has(tokens[t].word);
  for (let t = 0; t < tokens.length; t++) {
    const token = tokens[t];
    if (m.kind === 'add') {
      if (token.start < k && k < token.end) return true;
      // Between two characters of an unknown word.
      if (token.end === k && single(t) && single(t + 1)) return true;
      continue;
    }
    if (token.start <= k && k < token.end) return token.end - token.start >= 2 || (single(t) && (single(t - 1) || single(t + 1)));
  }
  return false;
}

/** The lexicon's cost of reading a string: the best segmentation's summed −log word probability. */
function readingCost(lexicon: Lexicon, s: string): number {
  const logTotal = Math.log(lexicon.total || 1);
  let cost = 0;
  for (const token of segment(lexicon, s)) cost += logTotal - Math.log(Math.max(1, lexicon.freq(token.word)));
  return cost;
}

/** How much harder the text reads with the variant than with the phrase, a few characters of context included. */
function costRise(lexicon: Lexicon, text: string, m: NearMiss): number {
  let from = m.start;
  while (from > 0 && m.start - from < FLUENCY_CONTEXT && isHan(text.charCodeAt(from - 1))) from--;
  let to = m.end;
  while (to < text.length && to - m.end < FLUENCY_CONTEXT && isHan(text.charCodeAt(to))) to++;
  const before = text.slice(from, m.start);
  const after = text.slice(m.end, to);
  return readingCost(lexicon, before + text.slice(m.start, m.end) + after) - readingCost(lexicon, before + m.target + after);
}

/**
 * True when the variant segments into ordinary words around the edit (医用设备 for
 * 医疗设备, 推动 for 推进): then it may well be meant, and only a long phrase is
 * evidence enough. A slip usually leaves a stranded character (高质发展).
 */
function readsFluently(lexicon: Lexicon, text: string, m: NearMiss): boolean {
  // A few characters of context, so 全产业链 is seen whole even when the window stops at 全产业.
  let from = m.start;
  while (from > 0 && m.start - from < FLUENCY_CONTEXT && isHan(text.charCodeAt(from - 1))) from--;
  let to = m.end;
  while (to < text.length && to - m.end < FLUENCY_CONTEXT && isHan(text.charCodeAt(to))) to++;
  const tokens = segment(lexicon, text.slice(from, to));
  const tokenAt = (k: number) => tokens.find((t) => t.start <= k && k < t.end);
  const isWord = (k: number) => {
    const token = tokenAt(k);
    return !!token && token.word.length >= 2 && lexicon.freq(token.word) >= FLUENT_FREQ;
  };
  const k = m.textAt - from;
  if (m.kind === 'drop') return isWord(k - 1) && isWord(k);
  return isWord(k);
}

function report(ctx: RuleContext, base: number, text: string, m: NearMiss): void {
  const variant = text.slice(m.start, m.end);
  const { entry } = m;
  const curated = entry.source !== CORPUS_SOURCE;
  const countNote = [curated ? (entry.source === ROSTER_SOURCE ? '本社名录' : '规范提法') : '', entry.count > 0 ? `语料中出现 ${entry.count} 次` : '']
    .filter(Boolean)
    .join('，');
  // The whole near-miss is replaced by the phrase, so the result reads as the phrase whatever the edit was.
  const edit = { offset: base + m.start, length: m.end - m.start, newText: m.target };
  const where = entry.docs ? `，见于 ${entry.docs} 篇文档` : '';
  const sourceNote = curated ? `；来源：${entry.source === ROSTER_SOURCE ? '本社名录（.jiaoduirc.json）' : entry.source}` : '';
  ctx.report({
    offset: base + m.start,
    length: m.end - m.start,
    message: `疑似固定提法有误，应为“${m.target}”（${countNote}）`,
    evidence: `“${m.target}”${entry.count > 0 ? `在语料中出现 ${entry.count} 次${where}` : '是收录的规范写法'}${sourceNote}；此处写作“${variant}”，${describeEdit(m, text)}。`,
    subject: variant,
    fixes: [{ title: `改为“${m.target}”`, edits: [edit] }],
  });
}

/** Characters of context either side of a fix when looking for a repeat it would create: two units of the longest. */
const FIX_CONTEXT = 2 * MAX_UNIT;

/**
 * True when replacing text[start, end) by `replacement` leaves a repeat across the
 * replacement's edge that the repetition analysis cannot explain — one duplicate-word
 * would report (我国中中医药 → 我国中国中医药, 卫生健康作工作 → 卫生健康工作工作).
 */
function leavesRepeat(ctx: RuleContext, text: string, start: number, end: number, replacement: string): boolean {
  const before = text.slice(Math.max(0, start - FIX_CONTEXT), start);
  const corrected = before + replacement + text.slice(end, Math.min(text.length, end + FIX_CONTEXT));
  const from = before.length;
  const to = from + replacement.length;
  for (const repeat of findRepeats(corrected)) {
    const repeatEnd = repeat.start + repeat.copies * repeat.unit;
    // Repeats away from the replacement, or wholly inside the phrase (中医医院), are not the fix's doing.
    if (repeatEnd <= from || repeat.start >= to || (repeat.start >= from && repeatEnd <= to)) continue;
    if (explainRepeat(corrected, repeat, ctx.lexicon, ctx.model.repeats) === null) return true;
  }
  return false;
}

/**
 * The offset of a character written twice at the near-miss's edit, or −1: a
 * character added beside a copy of itself (中中医药事业 for 中医药事业), or a "dropped"
 * character between two copies of one whose phrase, written in, would double what
 * stands before it (我国中中医药 read as 中国中医药 missing 国 gives 我国中国中医药).
 */
function extraCopy(ctx: RuleContext, text: string, m: NearMiss): number {
  if (m.kind === 'add') return text[m.textAt - 1] === text[m.textAt] || text[m.textAt + 1] === text[m.textAt] ? m.textAt : -1;
  if (m.kind === 'drop' && text[m.textAt - 1] === text[m.textAt] && leavesRepeat(ctx, text, m.start, m.end, m.target)) return m.textAt;
  return -1;
}

/**
 * A doubled character next to a recurrent phrase is a slip this rule reports only
 * where duplicate-word's analysis explains the doubling away (a boundary: 我国中|中医药
 * reads as 中 + 中医药), so one slip gets one finding. It must read better single —
 * the text without the copy strands fewer characters (我国|中|中医药 → 我国|中医药) —
 * and removing the copy must leave no repeat of its own.
 */
function doubledSlip(ctx: RuleContext, index: PhraseIndex, text: string, m: NearMiss, at: number): boolean {
  if (m.entry.source === CORPUS_SOURCE && index.countOf(m.node) < MIN_COUNT) return false;
  const pairStart = text[at - 1] === text[at] ? at - 1 : at;
  // The first copy belongs to the word before it when the corpus writes that pair as a unit (乌军|军用).
  if (pairStart > 0 && index.attestsPair(ctx.lexicon, text.slice(pairStart - 1, pairStart + 1))) return false;
  if (explainRepeat(text, { start: pairStart, unit: 1, copies: 2 }, ctx.lexicon, ctx.model.repeats) === null) return false;
  let from = m.start;
  while (from > 0 && m.start - from < FLUENCY_CONTEXT && isHan(text.charCodeAt(from - 1))) from--;
  let to = m.end;
  while (to < text.length && to - m.end < FLUENCY_CONTEXT && isHan(text.charCodeAt(to))) to++;
  const single = text.slice(from, at) + text.slice(at + 1, to);
  if (strandedCount(ctx.lexicon, single) >= strandedCount(ctx.lexicon, text.slice(from, to))) return false;
  return !leavesRepeat(ctx, text, at, at + 1, '');
}

function reportDoubled(ctx: RuleContext, base: number, text: string, m: NearMiss, at: number): void {
  const char = text[at];
  const pairStart = text[at - 1] === char ? at - 1 : at;
  const variant = text.slice(m.start, m.end);
  const single = text.slice(m.start, at) + text.slice(at + 1, m.end);
  ctx.report({
    offset: base + pairStart,
    length: 2,
    message: `疑似多了一个“${char}”，应为“${single}”`,
    evidence: `“${variant}”与语料中的“${m.target}”（${m.entry.count} 次）只差一字，差在重复的“${char}”上；去掉一个“${char}”，“${single}”读作完整的词语。`,
    subject: text.slice(pairStart, pairStart + 2),
    fixes: [{ title: `删去多余的“${char}”`, edits: [{ offset: base + at, length: 1, newText: '' }] }],
  });
}

function describeEdit(m: NearMiss, text: string): string {
  if (m.kind === 'substitute') return `“${m.target[m.targetAt]}”写成了“${text[m.textAt]}”`;
  if (m.kind === 'drop') return `少了“${m.target[m.targetAt]}”`;
  return `多了“${text[m.textAt]}”`;
}

function eligible(entry: PhraseEntry): boolean {
  if (entry.phrase.length < MIN_SLIP_LENGTH) return false;
  if (entry.source !== CORPUS_SOURCE) return true;
  // A phrase too short for the strict bars is there for slips, which want MIN_COUNT.
  if (entry.phrase.length < MIN_TARGET_LENGTH) return entry.count >= MIN_COUNT;
  return entry.count >= MIN_COUNT || (entry.count >= 2 && (entry.docs ?? 1) >= 2);
}

const EDGE = 0x10000;
/** Slots of the hashed pair filters: small enough to stay in cache, few enough entries to stay sparse. */
const PAIR_SLOTS = 1 << 16;

/**
 * (node, character) → value for keys built as node·EDGE + character: open addressing
 * over typed arrays, so the trie walk looks up children without hashing numbers in a Map.
 */
class KeyTable {
  private readonly nodes: Int32Array;
  private readonly codes: Uint16Array;
  private readonly values: Int32Array;
  private readonly mask: number;

  constructor(entries: Map<number, number>) {
    let capacity = 16;
    while (capacity < entries.size * 2) capacity <<= 1;
    this.nodes = new Int32Array(capacity).fill(-1);
    this.codes = new Uint16Array(capacity);
    this.values = new Int32Array(capacity);
    this.mask = capacity - 1;
    for (const [key, value] of entries) {
      const node = Math.floor(key / EDGE);
      const code = key - node * EDGE;
      let i = keySlot(node, code) & this.mask;
      while (this.nodes[i] !== -1) i = (i + 1) & this.mask;
      this.nodes[i] = node;
      this.codes[i] = code;
      this.values[i] = value;
    }
  }

  /** The value, or -1. */
  get(node: number, code: number): number {
    const nodes = this.nodes;
    for (let i = keySlot(node, code) & this.mask; ; i = (i + 1) & this.mask) {
      const n = nodes[i];
      if (n === -1) return -1;
      if (n === node && this.codes[i] === code) return this.values[i];
    }
  }
}

function keySlot(node: number, code: number): number {
  const h = Math.imul(node, 0x9e3779b1) ^ Math.imul(code, 0x85ebca6b);
  return h ^ (h >>> 16);
}

/** Stands for the edited character in a quad's key. */
const BLANK = 0;

/** A 30-bit hash of four character codes: a small integer key, no string built. */
function quadHash(a: number, b: number, c: number, d: number): number {
  let h = Math.imul(a, 0x9e3779b1) ^ b;
  h = Math.imul(h, 0x85ebca6b) ^ c;
  h = Math.imul(h, 0xc2b2ae35) ^ d;
  h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d);
  return (h ^ (h >>> 13)) >>> 2;
}


function pairSlot(a: number, b: number): number {
  return (Math.imul(a, 40503) ^ Math.imul(b, 2654435761 | 0)) >>> 16;
}

/**
 * A character trie over the eligible phrases of five or more characters (four-character
 * ones are matched by key, see quadNearMiss). Every node of depth ≥ 5 is a target:
 * a prefix of a recurrent phrase recurs at least as often as the phrase.
 */
class PhraseIndex {
  private readonly edges = new Map<number, number>();
  /** node·EDGE + grandchild char → grandchildren reached through any child. */
  private readonly skips = new Map<number, number[]>();
  private readonly parent: number[] = [-1];
  private readonly char: number[] = [0];
  private readonly depth: number[] = [0];
  /** The best (highest-count) phrase passing through each node. */
  private readonly best: number[] = [-1];
  /** The highest count of a phrase through each node, and the count of the phrase ending there. */
  private readonly maxCount: number[] = [0];
  private readonly ownCount = new Map<number, number>();
  private children?: Map<number, number[]>;
  private readonly entries: PhraseEntry[];
  /** Hashed (first, third) and (first, second) character pairs of the targets: filter edits at the second character. */
  private readonly firstAndThird = new Uint8Array(PAIR_SLOTS);
  private readonly firstAndSecond = new Uint8Array(PAIR_SLOTS);
  /** Every recurrent phrase, eligible or not, for the "is the variant itself recurrent" test. */
  private readonly all: string[];
  private bigrams?: Map<string, number[]>;

  constructor(section: PhrasesSection) {
    const eligibleEntries = section.phrases.filter(eligible);
    this.entries = eligibleEntries.filter((entry) => entry.phrase.length >= MIN_TARGET_LENGTH);
    this.all = section.phrases.map((p) => p.phrase);
    this.entries.forEach((entry, id) => {
      let node = 0;
      for (let d = 0; d < entry.phrase.length; d++) {
        const code = entry.phrase.charCodeAt(d);
        let child = this.edges.get(node * EDGE + code);
        if (child === undefined) {
          child = this.parent.length;
          this.parent.push(node);
          this.char.push(code);
          this.depth.push(d + 1);
          this.best.push(id);
          this.maxCount.push(0);
          this.edges.set(node * EDGE + code, child);
          const grand = this.parent[node];
          if (grand >= 0 && this.depth[grand] >= MIN_ANCHOR) {
            const key = grand * EDGE + code;
            const list = this.skips.get(key);
            if (list) list.push(child);
            else this.skips.set(key, [child]);
          }
        } else if (this.rank(id) > this.rank(this.best[child])) this.best[child] = id;
        if (entry.count > this.maxCount[child]) this.maxCount[child] = entry.count;
        node = child;
      }
      this.ownCount.set(node, entry.count);
      this.firstAndThird[pairSlot(entry.phrase.charCodeAt(0), entry.phrase.charCodeAt(2))] = 1;
      this.firstAndSecond[pairSlot(entry.phrase.charCodeAt(0), entry.phrase.charCodeAt(1))] = 1;
    });
    this.buildQuads(eligibleEntries.filter((entry) => entry.phrase.length === MIN_SLIP_LENGTH));
    this.childOf = new KeyTable(this.edges);
    this.rootChars.set(this.quadStarts);
    const skipIds = new Map<number, number>();
    for (const [key, list] of this.skips) {
      skipIds.set(key, this.skipLists.length);
      this.skipLists.push(list);
    }
    this.skipOf = new KeyTable(skipIds);
    for (const key of this.edges.keys()) if (key < EDGE) this.rootChars[key] = 1;
  }

  /** The walk's lookups, frozen into typed tables once the trie is built. */
  private readonly childOf: KeyTable;
  private readonly skipOf: KeyTable;
  private readonly skipLists: number[][] = [];
  /** Characters that start a target, in the trie or among the quads. */
  private readonly rootChars = new Uint8Array(0x10000);

  /**
   * The character that most often follows the node's string in the corpus, and
   * whether it is dominant — there at least nine times in ten, leaving fewer than
   * MIN_COUNT occurrences on its own (推进中医 is 推进中医药 13 times in 14).
   */
  /**
   * Cuts a trie target back to its longest prefix that the corpus writes MIN_COUNT
   * times (基层医疗卫生机构, twice, to 基层医疗卫生, four times), keeping a character
   * after the edit and a phrase length. False when there is none.
   */
  cutToRecurrent(text: string, m: NearMiss): boolean {
    if (m.node < 0) return false;
    const shortest = Math.max(MIN_TARGET_LENGTH, m.targetAt + (m.kind === 'add' ? 1 : 2));
    for (let n = this.parent[m.node]; n > 0 && this.depth[n] >= shortest; n = this.parent[n]) {
      const end = m.end - (this.depth[m.node] - this.depth[n]);
      if (this.countOf(n) < MIN_COUNT || FUNCTION_CODES[text.charCodeAt(end - 1)]) continue;
      const best = this.entries[this.best[n]];
      m.end = end;
      m.node = n;
      m.target = m.target.slice(0, this.depth[n]);
      m.entry = { phrase: m.target, count: this.countOf(n), source: best.source, docs: best.docs };
      return true;
    }
    return false;
  }

  /** How often the corpus writes the node's string: its own count, or at least its most frequent extension's. */
  countOf(node: number): number {
    return node < 0 ? this.quadEntries[-1 - node].count : (this.ownCount.get(node) ?? this.maxCount[node]);
  }

  usualNext(node: number): { code: number; dominant: boolean } | undefined {
    if (node < 0) return undefined;
    const own = this.ownCount.get(node) ?? this.maxCount[node];
    if (own <= 0) return undefined;
    if (!this.children) {
      this.children = new Map();
      for (const child of this.edges.values()) {
        const list = this.children.get(this.parent[child]);
        if (list) list.push(child);
        else this.children.set(this.parent[child], [child]);
      }
    }
    let usual = -1;
    for (const child of this.children.get(node) ?? []) if (usual < 0 || this.maxCount[child] > this.maxCount[usual]) usual = child;
    if (usual < 0) return undefined;
    const extended = this.maxCount[usual];
    return { code: this.char[usual], dominant: extended * 10 >= own * 9 && own - extended < MIN_COUNT };
  }

  private readonly targetTokens = new WeakMap<Lexicon, Map<number, Token[]>>();

  /** The target's segmentation, remembered per trie node. */
  segmentTarget(lexicon: Lexicon, m: NearMiss): Token[] {
    let known = this.targetTokens.get(lexicon);
    if (!known) this.targetTokens.set(lexicon, (known = new Map()));
    let tokens = known.get(m.node);
    if (!tokens) known.set(m.node, (tokens = segment(lexicon, m.target)));
    return tokens;
  }

  private readonly wordEnds = new WeakMap<Lexicon, Map<number, boolean>>();

  /**
   * True when the target ends on a word boundary both in its phrase and before the
   * character the corpus most often writes next. Remembered per trie node.
   */
  endsOnWord(lexicon: Lexicon, m: NearMiss): boolean {
    let known = this.wordEnds.get(lexicon);
    if (!known) this.wordEnds.set(lexicon, (known = new Map()));
    let yes = known.get(m.node);
    if (yes === undefined) {
      const length = m.target.length;
      const boundary = (s: string) => segment(lexicon, s).some((t) => t.end === length);
      const next = this.usualNext(m.node);
      yes = (length >= m.entry.phrase.length || boundary(m.entry.phrase)) && (!next || boundary(m.target + String.fromCharCode(next.code)));
      known.set(m.node, yes);
    }
    return yes;
  }

  /** True when some target starts with this character. */
  startsTarget(code: number): boolean {
    return this.rootChars[code] === 1;
  }

  /**
   * Four-character phrases are matched apart from the trie, which they would
   * crowd at every shallow node: by hashed keys of their characters — one with the
   * second and one with the third character blanked, for every substitution there —
   * in an open-addressing table over typed arrays. The first and last characters
   * rule out nearly every position before any key is hashed.
   */
  private readonly quadEntries: PhraseEntry[] = [];
  private readonly quadNodes: number[] = [];
  private quadCodes = new Uint16Array(0);
  private quadHashes = new Int32Array(0);
  private quadIds = new Int32Array(0);
  private quadMask = 0;
  /** Hashed (first, last) character pairs of the quads, and their first characters. */
  private readonly quadEnds = new Uint8Array(PAIR_SLOTS);
  private readonly quadStarts = new Uint8Array(0x10000);

  private buildQuads(entries: PhraseEntry[]): void {
    let capacity = 16;
    while (capacity < entries.length * 3 * 3) capacity <<= 1;
    this.quadCodes = new Uint16Array(entries.length * 4);
    this.quadHashes = new Int32Array(capacity).fill(-1);
    this.quadIds = new Int32Array(capacity);
    this.quadMask = capacity - 1;
    entries.forEach((entry, id) => {
      const phrase = entry.phrase;
      // A quad that begins a longer phrase shares its trie node, so the corpus's continuations are known.
      let node = 0;
      for (let d = 0; d < phrase.length && node >= 0; d++) node = this.edges.get(node * EDGE + phrase.charCodeAt(d)) ?? -1;
      if (node > 0) this.ownCount.set(node, entry.count);
      else node = -1 - id;
      this.quadEntries.push(entry);
      this.quadNodes.push(node);
      const [a, b, c, d] = [0, 1, 2, 3].map((k) => phrase.charCodeAt(k));
      this.quadCodes.set([a, b, c, d], id * 4);
      for (const hash of [quadHash(a, b, c, d), quadHash(a, BLANK, c, d), quadHash(a, b, BLANK, d)]) {
        let i = hash & this.quadMask;
        while (this.quadHashes[i] !== -1) i = (i + 1) & this.quadMask;
        this.quadHashes[i] = hash;
        this.quadIds[i] = id;
      }
      this.quadStarts[a] = 1;
      this.quadEnds[pairSlot(a, d)] = 1;
    });
  }

  /** A one-edit near-miss of a four-character phrase starting at text[start], edited inside. */
  quadNearMiss(text: string, start: number): NearMiss | undefined {
    const a = text.charCodeAt(start);
    if (this.quadStarts[a] !== 1 || start + 4 > text.length) return undefined;
    const d = text.charCodeAt(start + 3);
    const e = start + 4 < text.length ? text.charCodeAt(start + 4) : 0;
    const substituted = this.quadEnds[pairSlot(a, d)] === 1;
    const added = HAN_TABLE[e] === 1 && this.quadEnds[pairSlot(a, e)] === 1;
    if (!substituted && !added) return undefined;
    const b = text.charCodeAt(start + 1);
    const c = text.charCodeAt(start + 2);
    if (HAN_TABLE[b] !== 1 || HAN_TABLE[c] !== 1 || HAN_TABLE[d] !== 1) return undefined;
    let best = -1;
    let bestAt = 0;
    let bestKind: 'substitute' | 'add' = 'substitute';
    // Substituted second or third character.
    if (substituted) {
      for (let at = 1; at <= 2; at++) {
        const written = at === 1 ? b : c;
        const hash = at === 1 ? quadHash(a, BLANK, c, d) : quadHash(a, b, BLANK, d);
        const id = at === 1 ? this.findQuad(hash, a, -1, c, d, 1, written) : this.findQuad(hash, a, b, -1, d, 2, written);
        if (id >= 0 && (best < 0 || this.quadEntries[id].count > this.quadEntries[best].count)) {
          best = id;
          bestAt = at;
        }
      }
      // …unless the four characters are themselves a phrase.
      if (best >= 0 && this.findQuad(quadHash(a, b, c, d), a, b, c, d, -1, -1) >= 0) best = -1;
    }
    // A character added after the first, second or third.
    if (added) {
      for (let at = 1; at <= 3; at++) {
        // The text's characters other than the added one.
        const y = at === 1 ? c : b;
        const z = at === 3 ? c : d;
        const id = this.findQuad(quadHash(a, y, z, e), a, y, z, e, -1, -1);
        if (id >= 0 && (best < 0 || this.quadEntries[id].count > this.quadEntries[best].count)) {
          best = id;
          bestAt = at;
          bestKind = 'add';
        }
      }
    }
    if (best < 0) return undefined;
    const entry = this.quadEntries[best];
    return { start, end: start + (bestKind === 'add' ? 5 : 4), target: entry.phrase, entry, node: this.quadNodes[best], kind: bestKind, textAt: start + bestAt, targetAt: bestAt, slip: undefined };
  }

  /**
   * The most frequent quad filed under `hash` whose characters are a, b, c, d (−1
   * matches any) and whose character at `blankAt`, if any, is not `written`; or −1.
   */
  private findQuad(hash: number, a: number, b: number, c: number, d: number, blankAt: number, written: number): number {
    const hashes = this.quadHashes;
    const codes = this.quadCodes;
    let found = -1;
    for (let i = hash & this.quadMask; hashes[i] !== -1; i = (i + 1) & this.quadMask) {
      if (hashes[i] !== hash) continue;
      const id = this.quadIds[i];
      const q = id * 4;
      if (codes[q] !== a || (b >= 0 && codes[q + 1] !== b) || (c >= 0 && codes[q + 2] !== c) || codes[q + 3] !== d) continue;
      if (blankAt > 0 && codes[q + blankAt] === written) continue;
      if (found < 0 || this.quadEntries[id].count > this.quadEntries[found].count) found = id;
    }
    return found;
  }

  /** True when there is nothing to match against. */
  get empty(): boolean {
    return this.parent.length <= 1 && this.quadEntries.length === 0;
  }

  private rank(id: number): number {
    const e = this.entries[id];
    return (e.source === ROSTER_SOURCE ? 1e9 : e.source !== CORPUS_SOURCE ? 1e8 : 0) + e.count;
  }

  private pathOf(node: number): string {
    let s = '';
    for (let n = node; n > 0; n = this.parent[n]) s = String.fromCharCode(this.char[n]) + s;
    return s;
  }

  /** The longest one-edit near-miss of a target starting at text[start], if any. */
  bestNearMiss(text: string, start: number): NearMiss | undefined {
    // The hot loop allocates nothing until a candidate is found: one per position at most.
    let bestNode = -1;
    let bestEnd = 0;
    let bestKind: NearMiss['kind'] = 'substitute';
    let bestTextAt = 0;
    let bestTargetAt = 0;
    let node = 0;
    for (let d = 0; ; d++) {
      const p = start + d;
      if (d >= MIN_ANCHOR && p < text.length && HAN_TABLE[text.charCodeAt(p)] === 1) {
        const here = text.charCodeAt(p);
        const after = p + 1 < text.length ? text.charCodeAt(p + 1) : -1;
        // Edits right after the first character pass a pair filter first: most positions end here.
        const first = d === 1 ? text.charCodeAt(start) : -1;
        const afterIsHan = after >= 0 && HAN_TABLE[after] === 1;
        // Substitution: target char x ≠ here, then `after` continues.
        const substitutes = afterIsHan && (d > 1 || this.firstAndThird[pairSlot(first, after)] === 1) ? this.skipOf.get(node, after) : -1;
        if (substitutes >= 0) {
          for (const g of this.skipLists[substitutes]) {
            if (this.char[this.parent[g]] === here || !this.extend(text, g, p + 2)) continue;
            if (this.better(bestNode, bestEnd)) {
              bestNode = this.reached;
              bestEnd = this.reachedEnd;
              bestKind = 'substitute';
              bestTextAt = p;
              bestTargetAt = d;
            }
          }
        }
        // Dropped character: the target has x here, the text goes straight on.
        const drops = d > 1 || this.firstAndThird[pairSlot(first, here)] === 1 ? this.skipOf.get(node, here) : -1;
        if (drops >= 0) {
          for (const g of this.skipLists[drops]) {
            if (!this.extend(text, g, p + 1)) continue;
            if (this.better(bestNode, bestEnd)) {
              bestNode = this.reached;
              bestEnd = this.reachedEnd;
              bestKind = 'drop';
              bestTextAt = p;
              bestTargetAt = d;
            }
          }
        }
        // Added character: the text has an extra `here`.
        if (afterIsHan && (d > 1 || this.firstAndSecond[pairSlot(first, after)] === 1)) {
          const child = this.childOf.get(node, after);
          if (child >= 0 && this.char[child] !== here && this.extend(text, child, p + 2)) {
            if (this.better(bestNode, bestEnd)) {
              bestNode = this.reached;
              bestEnd = this.reachedEnd;
              bestKind = 'add';
              bestTextAt = p;
              bestTargetAt = d;
            }
          }
        }
      }
      if (p >= text.length) break;
      const next = this.childOf.get(node, text.charCodeAt(p));
      if (next < 0) break;
      node = next;
    }
    if (bestNode < 0) return undefined;
    return { start, end: bestEnd, target: this.pathOf(bestNode), entry: this.entries[this.best[bestNode]], node: bestNode, kind: bestKind, textAt: bestTextAt, targetAt: bestTargetAt, slip: undefined };
  }

  /**
   * True when the target extend() just reached beats the best so far: a longer target,
   * or the same length explaining more of the text (卫生健康作工作 is 卫生健康工作 with 作
   * added, not 卫生健康[工]作 followed by a stray 工作).
   */
  private better(bestNode: number, bestEnd: number): boolean {
    if (bestNode < 0) return true;
    const depth = this.depth[this.reached];
    return depth > this.depth[bestNode] || (depth === this.depth[bestNode] && this.reachedEnd > bestEnd);
  }

  /** Set by extend(): the deepest target reached and where it ends in the text. */
  private reached = -1;
  private reachedEnd = 0;

  /**
   * Walks exactly from `node` (one character already matched after the edit) and
   * records the deepest target of at least MIN_TARGET_LENGTH with ≥ MIN_ANCHOR characters
   * matched after the edit. Returns false when there is none; acceptable() holds
   * shorter targets and anchors to the stricter bars unless the variant is a slip.
   */
  private extend(text: string, node: number, p: number): boolean {
    let matched = 1;
    this.reached = -1;
    for (;;) {
      // A target never ends on a function character (…事业和): the phrase proper ends before it.
      if (matched >= MIN_ANCHOR && this.depth[node] >= MIN_TARGET_LENGTH && !FUNCTION_CODES[text.charCodeAt(p - 1)]) {
        this.reached = node;
        this.reachedEnd = p;
      }
      if (p >= text.length) break;
      const next = this.childOf.get(node, text.charCodeAt(p));
      if (next < 0) break;
      node = next;
      p++;
      matched++;
    }
    return this.reached >= 0;
  }

  private bigramIndex(): Map<string, number[]> {
    if (!this.bigrams) {
      this.bigrams = new Map();
      this.all.forEach((phrase, id) => {
        const seen = new Set<string>();
        for (let i = 0; i + 2 <= phrase.length; i++) {
          const bigram = phrase.slice(i, i + 2);
          if (seen.has(bigram)) continue;
          seen.add(bigram);
          const list = this.bigrams!.get(bigram);
          if (list) list.push(id);
          else this.bigrams!.set(bigram, [id]);
        }
      });
    }
    return this.bigrams;
  }

  private phrasesWith(bigram: string): string[] {
    return (this.bigramIndex().get(bigram) ?? []).map((id) => this.all[id]);
  }

  private readonly attested = new WeakMap<Lexicon, Map<string, boolean>>();

  /** True when some recurrent phrase of the model writes this pair of characters as one unit. */
  attestsPair(lexicon: Lexicon, pair: string): boolean {
    let known = this.attested.get(lexicon);
    if (!known) this.attested.set(lexicon, (known = new Map()));
    let yes = known.get(pair);
    if (yes === undefined) {
      yes = this.phrasesWith(pair).some((phrase) => {
        for (let i = phrase.indexOf(pair); i >= 0; i = phrase.indexOf(pair, i + 1)) if (pairStandsTogether(lexicon, phrase, i)) return true;
        return false;
      });
      known.set(pair, yes);
    }
    return yes;
  }

  /** True when the string is itself a recurrent phrase (or part of one) in the model. */
  isRecurrent(s: string): boolean {
    let yes = this.recurrent.get(s);
    if (yes === undefined) {
      let rarest: number[] | undefined;
      for (let i = 0; i + 2 <= s.length; i++) {
        const list = this.bigramIndex().get(s.slice(i, i + 2));
        if (!list) {
          rarest = [];
          break;
        }
        if (!rarest || list.length < rarest.length) rarest = list;
      }
      yes = (rarest ?? []).some((id) => this.all[id].includes(s));
      if (this.recurrent.size >= MEMO_LIMIT) this.recurrent.clear();
      this.recurrent.set(s, yes);
    }
    return yes;
  }

  /** Answers of isRecurrent and slotVaries: a draft repeats its phrases, and so do their variants. */
  private readonly recurrent = new Map<string, boolean>();
  private readonly varying = new Map<string, boolean>();

  /**
   * True when the corpus fills the target's slot `at` with more than one
   * character in the same local context (two characters either side).
   */
  slotVaries(target: string, at: number): boolean {
    const key = target + at;
    let yes = this.varying.get(key);
    if (yes === undefined) {
      yes = this.fillsSlotOtherwise(target, at);
      if (this.varying.size >= MEMO_LIMIT) this.varying.clear();
      this.varying.set(key, yes);
    }
    return yes;
  }

  private fillsSlotOtherwise(target: string, at: number): boolean {
    const left = target.slice(Math.max(0, at - ANCHOR), at);
    const right = target.slice(at + 1, at + 1 + ANCHOR);
    // Phrases are indexed by character pairs: look up by whichever side has two (中_建交 by 建交).
    const byLeft = left.length >= 2 || right.length < 2;
    const key = byLeft ? left : right;
    if (key.length < 2) return false;
    for (const phrase of this.phrasesWith(key)) {
      for (let i = phrase.indexOf(key); i >= 0; i = phrase.indexOf(key, i + 1)) {
        const slot = byLeft ? i + left.length : i - 1;
        if (slot < left.length || slot >= phrase.length || phrase[slot] === target[at]) continue;
        if (phrase.startsWith(left, slot - left.length) && phrase.startsWith(right, slot + 1)) return true;
      }
    }
    return false;
  }

  /**
   * True when a run of three characters of the variant that holds the written
   * character (or, for a drop, the new junction) is part of a recurrent phrase: the
   * corpus writes it so (打好…攻坚战 beside 打赢, 副主任委员 beside 主任委员), and a
   * variant the corpus itself uses is usage, not a slip.
   */
  writesAround(text: string, m: NearMiss): boolean {
    const last = m.kind === 'drop' ? m.textAt - 1 : m.textAt;
    for (let i = Math.max(m.start, m.textAt - 2); i <= last && i + WRITTEN_CONTEXT <= m.end; i++) {
      const window = text.slice(i, i + WRITTEN_CONTEXT);
      // A window the phrase itself contains (the written character repeats one a little further on) is no evidence.
      if (!m.target.includes(window) && this.isRecurrent(window)) return true;
    }
    return false;
  }
}

const indexes = new WeakMap<PhrasesSection, PhraseIndex>();

function phraseIndex(section: PhrasesSection): PhraseIndex {
  let index = indexes.get(section);
  if (!index) {
    index = new PhraseIndex(section);
    indexes.set(section, index);
  }
  return index;
}
