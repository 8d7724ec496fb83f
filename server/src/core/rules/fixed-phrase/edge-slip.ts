/**
 * A phrase's first or last character written otherwise (交通运输部 → 电通运输部): the rest of the
 * phrase is written exactly, so nothing of the phrase is broken and the written character alone
 * can show the slip. It does when it stands alone, making no word with either neighbour. When it
 * makes one — a word of the lexicon (明年 for 全年 before 经济目标, 下一步 for 进一步; 推进 running into 高标准农田),
 * a pairing the archive writes readily, or a compound with the word before it as a noun head does
 * (医疗类 before 事业单位) — the text is writing another word there and only happens to sit
 * beside most of a phrase. An edit at an edge is weaker evidence than one inside, so a single
 * such pairing is enough to hold it back (an edit inside must make every pairing readily).
 * A pairing written at about chance is no word: a character written at random beside a phrase
 * pairs so with its neighbours, so only a common lexicon word, a rarer one the archive writes, or
 * a pairing the archive writes far more than chance counts (see pairIsWord).
 *
 * The edit must break a word of the phrase, one of two characters or more, and leave no sibling
 * of it: a verb compound varies what leads its head (当选 / 落选), a prefix what follows it
 * (中医 / 中拉), and what is left of the edge word may join the next into a word (注入|新动力).
 */
import type { Lexicon } from '../../lexicon';
import { HAN_CODES } from '../../analysis/han';
import { segment, type Token } from '../../segmenter';
import { pairStandsTogether } from '../../analysis/lexical-break';
import type { NearMiss } from './near-miss';
import type { PhraseIndex } from './phrase-index';
import {
  EDGE_AFFIX_MIN_NOUNS,
  EDGE_FIRST_QUAD_PER_MILLION,
  EDGE_HEAD_RATIO,
  EDGE_KEPT_PREFIX_MIN_NOUNS,
  EDGE_PAIR_WORD_FREQ,
  EDGE_RECURRENT_MIN_COUNT,
  EDGE_RECURRENT_PER_MILLION,
  EDGE_UNIT_ASSOCIATION,
  EDGE_WORD_FREQ,
  FUNCTION_CODES,
  FLUENT_FREQ,
  LEADING_VERB_POS,
  MIN_PAIR_ASSOCIATION,
  MIN_TARGET_LENGTH,
  PREFIXED_POS,
  UNKNOWN_WORD_RUN,
  VERB_POS,
} from './thresholds';

/** True when the near-miss substitutes the first or last character of its target. */
export function editsEdge(m: NearMiss): boolean {
  return m.kind === 'substitute' && (m.targetAt === 0 || m.targetAt === m.target.length - 1);
}

/** The longest lexicon word the rule looks for around an edge substitution's written character. */
const LONGEST_WORD = 4;

/** True when the character an edge substitution writes makes no word with either neighbour. */
export function edgeCharStands(lexicon: Lexicon, index: PhraseIndex, text: string, m: NearMiss): boolean {
  const at = m.textAt;
  const first = m.targetAt === 0;
  const tokens = index.segmentTarget(m);
  // The tests of the phrase's edge word ask what the written character might make of it (a sibling, a
  // coinage, another word): a phrase the archive writes often enough pins what stands at its edge, and a
  // character that joins nothing on either side (strandsAtEdge) makes none of them there.
  if (recurrentAtEdge(index, m) && strandsAtEdge(index, text, m)) return attachesNowhere(lexicon, text, m);
  // The phrase's edge word is an affix and a word (进|一步, 管理|者): another affix makes a sibling
  // word (下一步, 管理员), which the lexicon may lack, not a slip. After the word only a head or a
  // function character attaches so (管理员, 城镇的); another one (城镇化 → 城镇立) breaks the word
  // like any slip. Before it too many kinds do (下一步, 至事业单位, a place's abbreviation) to tell.
  const edgeWord = (first ? tokens[0] : tokens[tokens.length - 1])?.word ?? '';
  const written = text[at];
  const attachesAfter = isHead(lexicon, written) || FUNCTION_CODES[written.charCodeAt(0)] === 1;
  if (edgeWord.length >= 3 && lexicon.freq(first ? edgeWord.slice(1) : edgeWord.slice(0, -1)) >= FLUENT_FREQ && (first || attachesAfter)) return false;
  // A one-character word at the phrase's edge written as another (据|美国|媒体 → 道美国媒体 after 报) breaks
  // no word of the phrase: the text writes another word there.
  const edgeToken = first ? tokens[0] : tokens[tokens.length - 1];
  if (!edgeToken || edgeToken.word.length < 2) return false;
  // In a four-character phrase, whose other words are little evidence, a verb or adverb written for
  // the first character of a verb (加征 → 停征, 当选 → 落选) coins a sibling of it: a verb compound
  // keeps its head and varies what leads it, so the lexicon lacking the variant shows nothing.
  const short = m.target.length < MIN_TARGET_LENGTH;
  // A four-character phrase's first character is the weakest edge of all: the rest is one word and a
  // character, which a coinage leading with its own first character (a negation before a noun's second
  // character) leaves as written. Only a phrase the archive writes often for its size outweighs that, or a
  // written character that leads no coinage: one the archive never writes beside either neighbour.
  if (short && first && m.entry.count < Math.ceil((index.corpusCharacters / 1e6) * EDGE_FIRST_QUAD_PER_MILLION) && !pairsWithNeither(index, text, m))
    return false;
  if (short && first && VERB_POS.test(lexicon.pos(edgeToken.word) ?? '') && LEADING_VERB_POS.test(lexicon.pos(written) ?? '')) return false;
  // …and a prefix kept with a new second character (中医 → 中拉, 上来 → 上带) starts another word of its family.
  if (
    short &&
    !first &&
    edgeToken.word.length === 2 &&
    isPrefix(lexicon, edgeToken.word[0]) &&
    lexicon.nounAffixes(edgeToken.word[0]).starting >= EDGE_KEPT_PREFIX_MIN_NOUNS
  )
    return false;
  // What is left of the phrase's edge word joins the next word of the phrase into a word of its own
  // (创新|动力 → 注入|新动力): the text reads as words without the phrase.
  if (remnantJoins(lexicon, m, tokens)) return false;
  // Any lexicon word of three or four characters holding the written character (下一步 as much as 来年).
  if (inLongerWord(lexicon, text, at)) return false;
  // A word of two: the pair inside the phrase, and the one across its edge.
  for (const from of first ? [at, at - 1] : [at - 1, at]) {
    if (pairIsWord(lexicon, index, text, from)) return false;
  }
  const outside = first ? at - 1 : at + 1;
  if (outside < 0 || outside >= text.length || HAN_CODES[text.charCodeAt(outside)] !== 1) return true;
  // A last word of three or more the edit leaves no word (哥伦比亚 → 哥伦比新…) is broken whatever the written
  // character goes on to (新农民): what is left of it reads as nothing. A first word's tail may still be led
  // by a character that compounds with it, or with the word before, as another word.
  if (!first && edgeWord.length >= 3 && lexicon.freq(edgeWord.slice(0, -1)) < EDGE_WORD_FREQ) return true;
  // Characters beyond the edge that the lexicon reads as no words (卡瑟 before …耶夫, …率超 after 市占) are an
  // unknown word the written character continues, most often a name: the text writes that word, not the phrase.
  if (continuesUnknownWord(lexicon, text, at, first)) return false;
  // A head after a word (…类, …局) or a prefix before a noun (副…, 总…) compounds with it; a prefix
  // before a verb or a function word (万|超过, 大|明确, 新|就) compounds with nothing.
  return first ? !isHead(lexicon, written) : !(isPrefix(lexicon, written) && headsNoun(lexicon, text, outside));
}

/**
 * True when the written character makes, with its neighbour in the phrase and with the Han character
 * beyond the edge, no word of the lexicon and no pair the archive keeps (one it writes twice or more),
 * though chance would put it beside its neighbour in the phrase (CorpusEvidence.avoidsPair): it joins
 * nothing on either side, as a slip's character does (明显增多 → 一显增多 after 车辆), where a coinage
 * leading a noun's second character pairs with it. A character beyond the edge that is not Han, or a
 * model without the archive's pairs, tells nothing. On half A of the development corpus (600 articles,
 * model learned from half B) excusing such a character from the bar of a rare four-character phrase's
 * first character (EDGE_FIRST_QUAD_PER_MILLION) found 2 more injected slips for no false alarm more;
 * excusing it from the bar of a one-character edge word too found none more.
 */
function pairsWithNeither(index: PhraseIndex, text: string, m: NearMiss): boolean {
  const inner = m.targetAt === 0 ? m.textAt : m.textAt - 1;
  const outer = m.targetAt === 0 ? m.textAt - 1 : m.textAt;
  return index.evidence.avoidsPair(text, inner) && index.evidence.neverPairs(text, outer);
}

/**
 * True when the phrase is one the archive writes at least EDGE_RECURRENT_PER_MILLION times per million
 * characters of it, and EDGE_RECURRENT_MIN_COUNT times whatever its size: often enough that a character at its edge it never writes beside the rest is a slip,
 * whatever sibling or coinage the lexicon would let the written character make.
 */
function recurrentAtEdge(index: PhraseIndex, m: NearMiss): boolean {
  return m.entry.count >= Math.max(EDGE_RECURRENT_MIN_COUNT, Math.ceil((index.corpusCharacters / 1e6) * EDGE_RECURRENT_PER_MILLION));
}

/**
 * True when the written character makes, with its neighbour in the phrase, no word of the lexicon and no
 * pair the archive keeps, and across the edge either the same or a clause boundary (punctuation, a line's
 * end): it joins nothing on either side. A digit or a Latin letter beyond the edge is a word the written
 * character may belong to (a measure after a number), which no pair of the archive tells.
 */
function strandsAtEdge(index: PhraseIndex, text: string, m: NearMiss): boolean {
  const first = m.targetAt === 0;
  if (!index.evidence.neverPairs(text, first ? m.textAt : m.textAt - 1)) return false;
  const beyond = first ? m.textAt - 1 : m.textAt + 1;
  if (beyond < 0 || beyond >= text.length) return true;
  if (HAN_CODES[text.charCodeAt(beyond)] === 1) return index.evidence.neverPairs(text, first ? beyond : m.textAt);
  return !/[\p{L}\p{N}]/u.test(text[beyond]);
}

/**
 * True when the written character enters no lexicon word of three or four characters (下一步 as much as
 * 来年) and compounds with nothing across the edge: a head after a word (…类, …局) or a prefix before a
 * noun (副…, 总…) does, however rarely the archive wrote the pair.
 */
function attachesNowhere(lexicon: Lexicon, text: string, m: NearMiss): boolean {
  const at = m.textAt;
  if (inLongerWord(lexicon, text, at)) return false;
  const outside = m.targetAt === 0 ? at - 1 : at + 1;
  if (outside < 0 || outside >= text.length || HAN_CODES[text.charCodeAt(outside)] !== 1) return true;
  return m.targetAt === 0 ? !isHead(lexicon, text[at]) : !(isPrefix(lexicon, text[at]) && headsNoun(lexicon, text, outside));
}

/** True when a lexicon word of three or four characters holds text[at]. */
function inLongerWord(lexicon: Lexicon, text: string, at: number): boolean {
  for (let length = 3; length <= LONGEST_WORD; length++) {
    for (let from = Math.max(0, at - length + 1); from <= at && from + length <= text.length; from++) {
      const word = text.slice(from, from + length);
      if (allHan(word) && lexicon.freq(word) >= EDGE_WORD_FREQ) return true;
    }
  }
  return false;
}

/**
 * True when the UNKNOWN_WORD_RUN characters just beyond the written character (before it for a first
 * character, after it for a last) are Han, and read as that many single-character words, none a function
 * character: a run the lexicon cannot segment, which the written character joins.
 */
function continuesUnknownWord(lexicon: Lexicon, text: string, at: number, first: boolean): boolean {
  const from = first ? at - UNKNOWN_WORD_RUN : at + 1;
  const to = first ? at : at + 1 + UNKNOWN_WORD_RUN;
  if (from < 0 || to > text.length) return false;
  for (let i = from; i < to; i++) if (HAN_CODES[text.charCodeAt(i)] !== 1 || FUNCTION_CODES[text.charCodeAt(i)]) return false;
  // Segmented with the text around it, so a word running into the run from beyond it is seen whole.
  let start = from;
  let end = to;
  if (first) while (start > 0 && from - start < LONGEST_WORD && HAN_CODES[text.charCodeAt(start - 1)] === 1) start--;
  else while (end < text.length && end - to < LONGEST_WORD && HAN_CODES[text.charCodeAt(end)] === 1) end++;
  const tokens = segment(lexicon, text.slice(start, end));
  return tokens.filter((t) => t.start >= from - start && t.end <= to - start && t.end - t.start === 1).length === UNKNOWN_WORD_RUN;
}

/** True when the word the text starts at `at` is a noun (PREFIXED_POS): one a prefix before it may head. */
function headsNoun(lexicon: Lexicon, text: string, at: number): boolean {
  const word = segment(lexicon, text.slice(at, at + LONGEST_WORD + 2))[0]?.word ?? '';
  return PREFIXED_POS.test(lexicon.pos(word) ?? '');
}

/** A character that ends many nouns (EDGE_AFFIX_MIN_NOUNS), and many more than it starts (EDGE_HEAD_RATIO): 类, 局, 院. */
function isHead(lexicon: Lexicon, char: string): boolean {
  const { ending, starting } = lexicon.nounAffixes(char);
  return ending >= EDGE_AFFIX_MIN_NOUNS && ending >= EDGE_HEAD_RATIO * Math.max(1, starting);
}

/** A character that starts many nouns, and many more than it ends: 副, 总, 中. */
function isPrefix(lexicon: Lexicon, char: string): boolean {
  const { ending, starting } = lexicon.nounAffixes(char);
  return starting >= EDGE_AFFIX_MIN_NOUNS && starting >= EDGE_HEAD_RATIO * Math.max(1, ending);
}

/**
 * True when text[from] and text[from + 1] read as a word: a common one of the lexicon, a rarer
 * entry the archive writes at least at chance, or a pairing the archive writes far more often
 * than chance, which the lexicon lacks. A model without the archive's pairs takes any entry.
 */
function pairIsWord(lexicon: Lexicon, index: PhraseIndex, text: string, from: number): boolean {
  if (from < 0 || from + 2 > text.length) return false;
  const pair = text.slice(from, from + 2);
  if (!allHan(pair)) return false;
  // A word of the lexicon that a longer one splits (大明 of 大明确: 明确) is read so by no one.
  const freq = pairStandsTogether(lexicon, text, from) ? lexicon.freq(pair) : 0;
  const association = index.evidence.associationAt(text, from);
  if (association === undefined) return freq >= EDGE_WORD_FREQ;
  // Nor is a common one the archive never writes (时人 beside 营业时间): no word of the house.
  return (
    (freq >= EDGE_PAIR_WORD_FREQ && association > -Infinity) ||
    (freq >= EDGE_WORD_FREQ && association >= MIN_PAIR_ASSOCIATION) ||
    association >= EDGE_UNIT_ASSOCIATION
  );
}

/**
 * True when the characters of the phrase's edited edge word that stay written, with whole words of
 * the phrase beyond them, make a common lexicon word (FLUENT_FREQ): 新动力 of 创新|动力 with its 创
 * written otherwise. A word starting inside a word of the phrase (兴发 of 振兴|发展) is no reading of it.
 */
function remnantJoins(lexicon: Lexicon, m: NearMiss, tokens: readonly Token[]): boolean {
  const first = m.targetAt === 0;
  const edge = first ? tokens[0] : tokens[tokens.length - 1];
  for (const token of tokens) {
    if (token === edge) continue;
    // From just after the edit to the end of a later word, or from the start of an earlier word to just before it.
    const from = first ? 1 : token.start;
    const to = first ? token.end : m.target.length - 1;
    if (to - from >= 2 && to - from <= LONGEST_WORD && lexicon.freq(m.target.slice(from, to)) >= FLUENT_FREQ) return true;
  }
  return false;
}

function allHan(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (HAN_CODES[s.charCodeAt(i)] !== 1) return false;
  return true;
}
