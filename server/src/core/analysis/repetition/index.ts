/**
 * Adjacent repetition in Chinese text (AA, ABAB, ABCABC…) and the judgement of
 * whether a repetition is language or a typo. Chinese reduplicates on purpose
 * (常常, 一项项, 实实在在, 研究研究), and word boundaries repeat a character by
 * accident of spelling (卫生院|院长, 工作|作为), so the judgement asks the lexicon
 * and the learned corpus, never a list of strings. `duplicate-word` reports what
 * this module cannot explain; `learnRepeats` uses the same judgement to learn
 * which unexplained repeats a corpus uses again and again (names, place names).
 */
import type { Lexicon } from '../../lexicon';
import { segment, type Token } from '../../segmenter';
import { codePointAt, codePointBefore, isHanIdeograph, isHanIdeographRun, isHighSurrogate } from '../han';
import { surnameLength, titleBefore } from '../names';

export interface Repeat {
  /** Offset of the first copy. */
  start: number;
  /** Length of one copy. */
  unit: number;
  /** How many copies in a row (2 for a doubling, 3 for a tripling…): the span is [start, start + copies * unit). */
  copies: number;
}

/** Longest unit looked for: a doubled place name (…自治州…自治州) can run to ten characters. */
export const MAX_UNIT = 10;

/**
 * Repeats are made of Han ideographs (analysis/han.ts), 〇 excluded: 二〇〇八 is a
 * year, not a doubled 〇. Positions are UTF-16 offsets, but a repeat starts and ends
 * on whole characters: a character from Extension B or later (𠮷) is one character
 * of two units, and a repeat of it is a repeat of one character.
 */

/**
 * Every adjacent repeat of a Han unit, leftmost first; at one position the shortest
 * unit wins, a run of copies is one repeat (服务服务服务: three copies), and a
 * repeat overlapping one already found is dropped.
 */
export function findRepeats(text: string, maxUnit = MAX_UNIT): Repeat[] {
  const repeats: Repeat[] = [];
  let coveredUntil = 0;
  const next = nextOccurrences(text);
  for (let i = 0; i < text.length - 1; i++) {
    // A low surrogate is the second half of a character begun at i - 1: never a start.
    if (!isHanIdeograph(text.codePointAt(i)!)) continue;
    // Only a unit that brings the same character round again can repeat: follow its next occurrences.
    for (let j = next[i]; j >= 0; j = next[j]) {
      const unit = j - i;
      if (unit > maxUnit || i + 2 * unit > text.length) break;
      let same = true;
      for (let k = 1; k < unit; k++) {
        if (text.charCodeAt(i + k) !== text.charCodeAt(i + unit + k)) {
          same = false;
          break;
        }
      }
      if (!same || !isHanIdeographRun(text, i, i + 2 * unit)) continue;
      // ABAB where the unit itself is a repeat (AAAA) is two AA repeats, not one.
      if (unit > 1 && isUniform(text, i, unit)) continue;
      if (i < coveredUntil) break;
      let copies = 2;
      while (i + (copies + 1) * unit <= text.length && text.startsWith(text.slice(i, i + unit), i + copies * unit)) copies++;
      repeats.push({ start: i, unit, copies });
      coveredUntil = i + copies * unit;
      break;
    }
  }
  return repeats;
}

/** Scratch for nextOccurrences: next[i] is where text[i] occurs again, or -1. */
let next = new Int32Array(1024);
/** Per code unit, base + the position it was last seen at; below base (0 included) means not in this text. */
const lastSeen = new Float64Array(0x10000);
let base = 1;

function nextOccurrences(text: string): Int32Array {
  if (next.length < text.length) next = new Int32Array(Math.max(text.length, next.length * 2));
  const from = base;
  base += text.length + 1;
  for (let i = text.length - 1; i >= 0; i--) {
    const code = text.charCodeAt(i);
    const seen = lastSeen[code];
    next[i] = seen >= from ? seen - from : -1;
    lastSeen[code] = from + i;
  }
  return next;
}

/** Is text[start, start + unit) one character written over and over (AA, 𠮷𠮷)? */
function isUniform(text: string, start: number, unit: number): boolean {
  const first = text.codePointAt(start)!;
  const width = first > 0xffff ? 2 : 1;
  if (unit % width !== 0) return false;
  for (let k = width; k < unit; k += width) if (text.codePointAt(start + k) !== first) return false;
  return true;
}

/** A unit of one character: one UTF-16 unit, or a surrogate pair (𠮷). */
function isOneCharacter(text: string, start: number, unit: number): boolean {
  return unit === 1 || (unit === 2 && isHighSurrogate(text.charCodeAt(start)));
}

/** Why a repeat is legitimate, or null when nothing explains it. */
export type RepeatReason =
  | 'word'
  | 'inside-word'
  | 'aabb'
  | 'measure'
  | 'one-measure'
  | 'distributive'
  | 'verb-abab'
  | 'given-name'
  | 'adjective'
  | 'boundary'
  | 'learned';

export interface RepeatEvidence {
  /** Learned legitimate contexts: a char + the doubled span, or the span + a char → count. */
  legitimate: Record<string, number>;
}

/**
 * Thresholds on jieba frequencies (the dictionary's total is about 60 million).
 * WORD_FREQ: a word the dictionary really knows; below ~5 it carries noise entries
 * (度度 3, 局局长 3, 提提 3).
 */
const WORD_FREQ = 10;
/** A longer dictionary word around the repeat (钉钉子 3, 手把手 36) is read whole even when rare. */
const COVER_FREQ = 3;
/**
 * A word the doubling broke (央视网 3, 研究生): listed at all, above jieba's
 * noise floor of 1–2, is enough, since two strong words meeting still explain it.
 */
const BROKEN_WORD_FREQ = 3;
/** A doubled noun the dictionary knows above its noise floor (乡乡 7, 县县 27; 茶茶 3 is noise). */
const DISTRIBUTIVE_FREQ = 5;
const NAME_SURNAME_FREQ = 500;
/** Characters in a row that no dictionary word holds before a doubled one: a transliterated name (拉瓦卢马纳纳). */
const NAME_RUN = 2;
const VERB_FREQ = 500;
/**
 * A common word on the left makes a rare word on the right acceptable (医院|院办 2),
 * and lets a function word follow it as its own copy (机会|会很快, 反对|对俄).
 */
const STRONG_WORD_FREQ = 100;
/** A word common enough that cutting it in two means the cut is wrong (行动 in 促进|进行|动; 长石 197 is not). */
const ESTABLISHED_WORD_FREQ = 1000;
/**
 * A head character builds nouns on the words before it (统战+部, 生态环境+部,
 * 宣传+处): it ends at least HEAD_NOUNS established nouns and ends more nouns
 * than it starts by HEAD_RATIO. 部 ends 169 nouns and starts 24, 处 51/15, 市 246/42;
 * 提 13/6, 国 178/153 and 社 52/32 do not qualify, so 不断提|提高 and 民族社|社区
 * stay slips. Chosen on half A of the development corpus.
 */
const HEAD_NOUNS = 30;
/** Posts run to five characters (新闻发言人); longer ones are not looked for. */
const MAX_TITLE_LENGTH = 5;
const HEAD_RATIO = 3;
/** Copulas and auxiliaries are what typists double (是是, 有有), not verbs taking an object. */
const AUXILIARY_VERBS = /^[是有要会能可将让使被把得在为]$/;
/** Numerals other than 一 before a doubled measure word make it a typo (三个个), while 一个个 is grammar. */
const NUMERALS = /[二三四五六七八九十百千万亿两几0-9０-９]/;
const FUNCTION_POS = /^(p|u|c|d|r|y|e|o|uj|ul|uz|ug|uv|ud)$/;
const PARTICLE_POS = /^(u|uj|ul|uz|ug|uv|ud|y|e)$/;
/** Nominal parts of speech in jieba's tag set (nouns, places, organisations, abbreviations, time words). */
const NOMINAL_POS = /^(n|nr|ns|nt|nz|nrt|nrfg|ng|vn|an|j|t|s|l)$/;

/** The two readings around a repeat: the segmentation to the left of its middle and to the right. */
interface Sides {
  /** Last token of the left context up to the end of the first copy. */
  left: Token | undefined;
  /** The token before it. */
  beforeLeft: Token | undefined;
  /** Tokens of the right context from the start of the second copy. */
  right: Token[];
}

function sidesOf(text: string, repeat: Repeat, lexicon: Lexicon): Sides {
  const middle = repeat.start + repeat.unit;
  const leftTokens = segment(lexicon, text.slice(Math.max(0, repeat.start - 6), middle));
  return {
    left: leftTokens[leftTokens.length - 1],
    beforeLeft: leftTokens[leftTokens.length - 2],
    right: segment(lexicon, text.slice(middle, Math.min(text.length, middle + 8))),
  };
}

export function explainRepeat(text: string, repeat: Repeat, lexicon: Lexicon, evidence?: RepeatEvidence): RepeatReason | null {
  const { start, unit } = repeat;
  // Three or more copies are never reduplication in running text (哈哈哈 is a dictionary word).
  if (repeat.copies > 2 && !lexicon.has(text.slice(start, start + repeat.copies * unit), 1)) return null;
  const end = start + 2 * unit;
  const span = text.slice(start, end);
  const copy = text.slice(start, start + unit);
  const before = start > 0 ? text[start - 1] : '';
  const after = end < text.length ? text[end] : '';
  const oneCharacter = isOneCharacter(text, start, unit);
  const afterNumeral = oneCharacter && before !== '' && NUMERALS.test(before);

  if (evidence && learnedContext(evidence, before, span, after)) return 'learned';
  // 研究究生, 华盛盛顿: without the second copy, a word runs across the first. The
  // copy broke that word, so only two strong words meeting can explain it (中医|医院).
  const brokenWord = brokenWordFreq(text, repeat, lexicon);
  if (coveredByLongerWord(text, start, end, lexicon, brokenWord)) return 'inside-word';
  const sides = sidesOf(text, repeat, lexicon);
  // 部队一艘|艘战舰: the first copy ends 一 + measure word, and the second repeats the measure.
  if (unit === 1 && before === '一' && sides.left?.word === '一' + copy && isMeasureWord(copy, lexicon)) return 'one-measure';
  // When the first copy belongs to the word on its left (平台|台, 诊断|断), no
  // reading of the doubled span as a reduplication holds.
  const firstCopyAttached = endsKnownWord(sides, unit, lexicon);
  // The second copy opens a word with what follows (提|提高): then no reduplication reading holds.
  const opened = Math.max(openedWordFreq(sides, unit, lexicon), anyOpenedWordFreq(text, start + unit, unit, lexicon));
  const secondCopyOpensWord = opened >= WORD_FREQ;
  if (!afterNumeral && !firstCopyAttached && lexicon.has(span, WORD_FREQ)) return 'word';

  if (oneCharacter && brokenWord < BROKEN_WORD_FREQ) {
    const char = copy;
    // AABB: 认认真真, where AB is a word and the next two characters double too.
    if (end + 1 < text.length && text[end] === text[end + 1] && text[end] !== char && lexicon.has(char + text[end], WORD_FREQ)) return 'aabb';
    if (start >= 2 && text[start - 1] === text[start - 2] && text[start - 1] !== char && lexicon.has(text[start - 2] + char, WORD_FREQ)) return 'aabb';
    if (!firstCopyAttached && !secondCopyOpensWord) {
      // 张张, 层层; distributive 件件落实 opening a clause: 件 counts things.
      if (!afterNumeral && isStandaloneMeasure(char, lexicon)) return 'measure';
      if (!isHanIdeograph(codePointBefore(text, start)) && isMeasureWord(char, lexicon)) return 'measure';
      // 村村通, 县县有: a one-character noun doubled means "every", when it opens no word with what follows.
      if (!afterNumeral && isDistributiveNoun(text, start, end, lexicon)) return 'distributive';
      // 说说心愿, 品品年味: a common one-character verb doubled, opening a clause or after 要, 来, 再….
      if (lexicon.pos(char) === 'v' && lexicon.has(char, VERB_FREQ) && !AUXILIARY_VERBS.test(char) && isTentativeContext(text, start, end, lexicon, true)) return 'verb-abab';
    }
    if (!firstCopyAttached && !secondCopyOpensWord) {
      if (isGivenName(text, start, lexicon)) return 'given-name';
      if (isAdjectiveReduplication(text, start, lexicon)) return 'adjective';
      // Interjections and onomatopoeia double freely (嘘嘘, 哗哗).
      if (/^[eoy]$/.test(lexicon.pos(char) ?? '')) return 'adjective';
    }
  } else if (!oneCharacter) {
    const pos = lexicon.pos(copy) ?? '';
    // 一件一件, 一个问题一个问题: 一 + a measure word, repeated to mean "one by one".
    if (copy[0] === '一' && isMeasureWord(copy[1], lexicon)) return 'one-measure';
    if ((pos === 'v' || pos === 'vn') && lexicon.has(copy, VERB_FREQ) && isTentativeContext(text, start, end, lexicon)) return 'verb-abab';
    // 手把手|把: a dictionary word runs across the middle, so the text is no two copies.
    if (wordAcrossMiddle(text, repeat, lexicon)) return 'inside-word';
  }
  if (brokenWord >= BROKEN_WORD_FREQ) return secondCopyOpensWord && (firstCopyAttached || isHeadOfCompound(text, repeat, lexicon, sides)) ? 'boundary' : null;
  if (isWordBoundary(text, repeat, lexicon, sides)) return 'boundary';
  return null;
}

/**
 * A measure word: the dictionary tags it q, or knows 一 + it as a numeral phrase
 * (一艘, 一顶, 一趟 are tagged m; jieba tags 艘 itself m and 顶 v).
 */
function isMeasureWord(char: string, lexicon: Lexicon): boolean {
  return lexicon.pos(char) === 'q' || (lexicon.pos('一' + char) === 'm' && lexicon.has('一' + char, WORD_FREQ * 2));
}

/**
 * A measure word standing alone (张张, 层层, 年年增加, 做到件件有着落): tagged q, or a
 * unit that 一 counts (年 tagged m, 件 tagged zg). Not every character 一 precedes: 一贯 and
 * 一起 are tagged m too, but 贯 and 起 are verbs.
 */
function isStandaloneMeasure(char: string, lexicon: Lexicon): boolean {
  const pos = lexicon.pos(char);
  // jieba tags 件 and 项 zg (a bound morpheme); 一件, 一项 are numeral phrases all the same.
  return pos === 'q' || ((pos === 'm' || pos === 'zg') && isMeasureWord(char, lexicon));
}

/**
 * 村村通, 县县有图书馆, 户户: a one-character noun doubled to mean "every", inside a
 * clause that goes on. The dictionary must know the doubled form above its noise
 * floor (村村 59, 乡乡 7).
 */
function isDistributiveNoun(text: string, start: number, end: number, lexicon: Lexicon): boolean {
  const char = text[start];
  if (!NOMINAL_POS.test(lexicon.pos(char) ?? '') && lexicon.pos(char) !== 'zg') return false;
  if (!isHanIdeograph(codePointAt(text, end))) return false;
  return lexicon.has(char + char, DISTRIBUTIVE_FREQ);
}

/**
 * 手把手|把自己: the best reading has a word that holds the whole first copy and
 * runs into the second, so the text is no two copies. A word that merely straddles
 * the middle (我国|中国|中医药 in 国中国中) does not count.
 */
function wordAcrossMiddle(text: string, repeat: Repeat, lexicon: Lexicon): boolean {
  const from = Math.max(0, repeat.start - 4);
  const first = repeat.start - from;
  const middle = first + repeat.unit;
  const tokens = segment(lexicon, text.slice(from, Math.min(text.length, repeat.start + 2 * repeat.unit + 4)));
  return tokens.some((t) => t.start === first && t.end > middle && t.word.length >= 2 && lexicon.has(t.word, COVER_FREQ));
}

/**
 * Verb reduplication (研究研究, 讨论讨论) is tentative and colloquial: it follows a
 * modal or directive (要, 再, 来, 请…) or closes a sentence. A doubled verb leading
 * into an object or a compound (促进促进行动, 纳入纳入管理) is a slip.
 */
const TENTATIVE_BEFORE = new Set(['要', '得', '应', '应该', '需要', '来', '去', '再', '先', '请', '让', '也', '都', '就', '可以', '想', '好好', '不妨', '还得', '得好好']);
const TENTATIVE_AFTER = /^(?:吧|呢|嘛|一下)/;

function isTentativeContext(text: string, start: number, end: number, lexicon: Lexicon, clauseOpening = false): boolean {
  // The whole clause is the reduplication (a quoted 研究研究): nothing else to read it by.
  const clauseStart = !isHanIdeograph(codePointBefore(text, start));
  const clauseEnd = !isHanIdeograph(codePointAt(text, end));
  if (clauseStart && clauseEnd) return true;
  if (TENTATIVE_AFTER.test(text.slice(end, end + 2))) return true;
  if (clauseStart) return clauseOpening;
  const left = segment(lexicon, text.slice(Math.max(0, start - 4), start));
  const last = left[left.length - 1];
  return last !== undefined && TENTATIVE_BEFORE.has(last.word);
}

function learnedContext(evidence: RepeatEvidence, before: string, span: string, after: string): boolean {
  const learned = evidence.legitimate;
  return (before !== '' && (learned[before + span] ?? 0) > 0) || (after !== '' && (learned[span + after] ?? 0) > 0);
}

/** Scratch for Lexicon.wordsAt. */
let wordLengths = new Int32Array(32);
let wordFreqs = new Float64Array(32);

/** A dictionary word strictly containing the doubled span: 实实在在, 一项项, 吉尔吉斯斯坦. */
function coveredByLongerWord(text: string, start: number, end: number, lexicon: Lexicon, brokenWord: number): boolean {
  const max = lexicon.maxWordLength;
  if (wordLengths.length < max) {
    wordLengths = new Int32Array(max);
    wordFreqs = new Float64Array(max);
  }
  // Each start's words in one walk of the lexicon, rather than a lookup per end.
  for (let s = Math.max(0, start - max + 1); s <= start; s++) {
    const found = lexicon.wordsAt(text, s, max, wordLengths, wordFreqs);
    for (let w = 0; w < found; w++) {
      const e = s + wordLengths[w];
      // A rarer entry than the word the copy broke is a slip jieba kept (罗罗斯 4 against 俄罗斯).
      if (e >= end && e - s > end - start && wordFreqs[w] >= COVER_FREQ && wordFreqs[w] >= brokenWord && !typoEntry(text, s, e, start, end, wordFreqs[w], lexicon)) return true;
    }
  }
  return false;
}

/**
 * The frequency of the commonest dictionary word that, once the second copy is
 * removed, starts before the first copy and ends after it (研究究生 → 研究生,
 * 鹿儿儿岛 → 鹿儿岛); 0 when there is none.
 */
function brokenWordFreq(text: string, repeat: Repeat, lexicon: Lexicon): number {
  const { start, unit } = repeat;
  const from = Math.max(0, start - 6);
  if (from === start) return 0;
  const without = text.slice(from, start + unit) + text.slice(start + 2 * unit, Math.min(text.length, start + 2 * unit + 6));
  const copyEnd = start + unit - from;
  const max = lexicon.maxWordLength;
  if (wordLengths.length < max) {
    wordLengths = new Int32Array(max);
    wordFreqs = new Float64Array(max);
  }
  let best = 0;
  for (let s = 0; s < start - from; s++) {
    const found = lexicon.wordsAt(without, s, max, wordLengths, wordFreqs);
    for (let w = 0; w < found; w++) if (s + wordLengths[w] > copyEnd && wordFreqs[w] > best) best = wordFreqs[w];
  }
  return best;
}

/**
 * jieba lists some slips as words (罗罗斯 4, 萨萨克 5, 僳僳族 3): a rare entry
 * whose single-copy form is the commoner word is a typo the dictionary kept, not
 * a reduplication. A verb before its own object stays (钉|钉子 in 钉钉子).
 */
function typoEntry(text: string, s: number, e: number, start: number, end: number, freq: number, lexicon: Lexicon): boolean {
  if (freq >= WORD_FREQ) return false;
  const half = (end - start) / 2;
  const single = text.slice(s, start + half) + text.slice(end, e);
  if (lexicon.freq(single) <= freq) return false;
  const copy = text.slice(start, start + half);
  return !(s === start && lexicon.pos(copy) === 'v' && lexicon.pos(single) === 'n');
}

/** 王芳芳, 胡强强: a common surname standing alone before a doubled content character. */
function isGivenName(text: string, start: number, lexicon: Lexicon): boolean {
  if (start === 0) return false;
  const surname = text[start - 1];
  const char = text[start];
  // jieba tags some of the commonest surnames as other parts of speech (张 is a measure word).
  const isSurname = surnameLength(surname) === 1 || (lexicon.pos(surname) === 'nr' && lexicon.has(surname, NAME_SURNAME_FREQ));
  // 卫|生生 is 卫生 + 生: a surname character that forms a word with the first copy is not a surname here.
  if (!isSurname || lexicon.has(surname + char, WORD_FREQ)) return false;
  if (FUNCTION_POS.test(lexicon.pos(char) ?? '')) return false;
  // The surname must stand alone, not end a word (季度度: 季 is part of nothing, but 度 is).
  const left = segment(lexicon, text.slice(Math.max(0, start - 6), start));
  const last = left[left.length - 1];
  if (last === undefined || last.word.length !== 1) return false;
  // A name opens a clause or a list item, follows a title (记者胡强强), or ends a run of
  // characters no word holds (拉瓦卢马纳纳, a transliteration). 文|旅旅 and 惠|企企
  // after ordinary words are slips, whatever the surname list says.
  const nameStart = start - 1;
  if (!isHanIdeograph(codePointBefore(text, nameStart)) || text[nameStart - 1] === '、' || titleBefore(text, nameStart) !== undefined) return true;
  let singles = 0;
  for (let k = left.length - 1; k >= 0 && left[k].word.length === 1 && !FUNCTION_POS.test(lexicon.pos(left[k].word) ?? ''); k--) singles++;
  return singles >= NAME_RUN;
}

/**
 * 稳稳, 高高: a one-character adjective doubled as an adverbial, standing on its own.
 * When the first copy ends a word (创新|新), the doubled 新 is the typo, not this.
 */
function isAdjectiveReduplication(text: string, start: number, lexicon: Lexicon): boolean {
  const pos = lexicon.pos(text[start]) ?? '';
  if (pos !== 'a' && pos !== 'ad') return false;
  // Only the reduplications the dictionary knows at all (稳稳, 高高), not any doubled adjective (全全).
  if (!lexicon.has(text.slice(start, start + 2), 1)) return false;
  const left = segment(lexicon, text.slice(Math.max(0, start - 5), start + 1));
  return left[left.length - 1]?.word.length === 1;
}

/**
 * The two copies belong to two different words. The first must end a word on its
 * left: a dictionary word (太湖|湖体, 统战部|部长), or a head that builds nouns on
 * the word before it (生态环境+部|部长, 宣传+处|处长, 红旗+大队|大队长). A single
 * character standing alone is not enough: 提 is a word, but 不断提|提高 is the
 * commonest slip of all. The second copy must then open a word on its right
 * (部长, 档期), or be a function word after a common word (机会|会很快, 反对|对).
 * 创新|新 fails on the right because what follows reads 新/发展, not 新发/展.
 */
function isWordBoundary(text: string, repeat: Repeat, lexicon: Lexicon, sides: Sides): boolean {
  const { start, unit } = repeat;
  const middle = start + unit;
  const first = sides.right[0];
  const left = sides.left;
  // A rare right-hand word (院办, 2 in jieba) still counts after a common word on the left (医院).
  const strongLeft = endsKnownWord(sides, unit, lexicon, STRONG_WORD_FREQ);
  const rightMin = first && first.word.length >= 3 ? 2 : strongLeft ? 2 : WORD_FREQ;
  const rightWord =
    (first !== undefined && first.word.length > unit && openedWordFreq(sides, unit, lexicon) >= rightMin) || anyOpenedWordFreq(text, middle, unit, lexicon) >= WORD_FREQ;
  if (rightWord && unit === 1 && rightWordCutsARealWord(text, middle, first.word.length, lexicon)) return false;

  // Nothing Han on the left (the paragraph starts here, often a line broken by
  // layout): the first copy cannot be judged, so the word on the right decides.
  if (!isHanIdeograph(codePointBefore(text, start))) return rightWord;
  // 2021年|年底, 3个|个人: the first copy is a unit attached to the number before it.
  if (unit === 1 && rightWord && NUMERALS.test(text[start - 1])) return true;
  if (!left) return false;
  const leftWord = endsKnownWord(sides, unit, lexicon) || anyEndedWord(text, middle, unit, lexicon);
  if (rightWord && (leftWord || isHeadOfCompound(text, repeat, lexicon, sides))) return true;
  // 机会|会很快, 反对|对俄, 现在|在: a function word after a common word ending in its character.
  if (unit === 1 && strongLeft && isFunctionWord(text[start], lexicon)) return true;
  // 中药|药对、: after a common word, the second copy and one more character close the
  // phrase, a two-character term the dictionary lacks. A slip at a word's end goes on
  // into the text (年度|度考核) or stands alone (年度|度，).
  if (unit === 1 && strongLeft && closesTwoCharacterUnit(text, middle, lexicon)) return true;
  return false;
}

/**
 * The first copy ends a word the dictionary knows with what precedes it: the last
 * token of the left reading is longer than the copy, and it or its tail is an
 * established word (审计工作 is listed rarely, but it ends in 工作).
 */
function endsKnownWord(sides: Sides, unit: number, lexicon: Lexicon, minFreq = WORD_FREQ): boolean {
  const word = sides.left?.word;
  if (word === undefined || word.length <= unit) return false;
  for (let from = 0; word.length - from > unit; from++) if (lexicon.has(from === 0 ? word : word.slice(from), minFreq)) return true;
  return false;
}

/**
 * The highest frequency of a word the second copy opens with what follows: the
 * first token of the right reading, or its head (服务体系 is listed rarely, 服务 often).
 */
function openedWordFreq(sides: Sides, unit: number, lexicon: Lexicon): number {
  const word = sides.right[0]?.word;
  let best = 0;
  if (word === undefined) return best;
  for (let length = unit + 1; length <= word.length; length++) best = Math.max(best, lexicon.freq(word.slice(0, length)));
  return best;
}

/**
 * Some dictionary word longer than the copy ends with the first copy, whatever the
 * best reading picks (美得州: 得州 23, read 美|得|州 by frequency alone).
 */
function anyEndedWord(text: string, middle: number, unit: number, lexicon: Lexicon): boolean {
  for (let length = unit + 1; length <= Math.min(6, middle); length++) {
    if (isHanIdeographRun(text, middle - length, middle) && lexicon.has(text.slice(middle - length, middle), WORD_FREQ)) return true;
  }
  return false;
}

/**
 * The commonest dictionary word longer than the copy that starts at the second copy,
 * whatever the best reading picks (小时|时长 is read 时|长的 by frequency alone).
 */
function anyOpenedWordFreq(text: string, middle: number, unit: number, lexicon: Lexicon): number {
  const max = lexicon.maxWordLength;
  if (wordLengths.length < max) {
    wordLengths = new Int32Array(max);
    wordFreqs = new Float64Array(max);
  }
  const found = lexicon.wordsAt(text, middle, max, wordLengths, wordFreqs);
  let best = 0;
  for (let w = 0; w < found; w++) if (wordLengths[w] > unit && wordFreqs[w] > best && isHanIdeographRun(text, middle, middle + wordLengths[w])) best = wordFreqs[w];
  return best;
}

function closesTwoCharacterUnit(text: string, middle: number, lexicon: Lexicon): boolean {
  if (!isHanIdeograph(codePointAt(text, middle + 1)) || isHanIdeograph(codePointAt(text, middle + 2))) return false;
  // 保持|持的, 部署|署了: a particle or an aspect marker after the copy is a verb's ending, not a term's.
  return !PARTICLE_POS.test(lexicon.pos(text[middle + 1]) ?? '');
}

/** Prepositions, particles, conjunctions, adverbs, pronouns and auxiliaries: words that stand alone. */
function isFunctionWord(char: string, lexicon: Lexicon): boolean {
  return AUXILIARY_VERBS.test(char) || FUNCTION_POS.test(lexicon.pos(char) ?? '');
}

/**
 * The first copy heads a noun built on the word before it, the dictionary listing
 * the whole or not: 生态环境|部, 宣传|处 (a head character, see HEAD_NOUNS), or a
 * noun of two characters or more after a name or noun (红旗|大队). The second copy
 * then opens a noun (部长, 处长, 大队长): a title or a part of what the first names.
 */
function isHeadOfCompound(text: string, repeat: Repeat, lexicon: Lexicon, sides: Sides): boolean {
  const { start, unit } = repeat;
  const copy = text.slice(start, start + unit);
  const rightWord = sides.right[0].word;
  if (!NOMINAL_POS.test(lexicon.pos(rightWord) ?? '')) return false;
  const left = sides.left;
  if (left === undefined || !left.word.endsWith(copy)) return false;
  // The modifier: the rest of a listed compound (巡视组, 萨拉托夫州), or the word before the copy.
  const listed = left.word.length > unit && lexicon.has(left.word, 1);
  const modifier = listed ? left.word.slice(0, left.word.length - unit) : left.word === copy ? sides.beforeLeft?.word : undefined;
  if (modifier === undefined || modifier.length < 2) return false;
  // A phrase the dictionary lists rarely (生态环境 3) counts by its last word (环境).
  if (!listed && !nominalWordEnds(modifier, lexicon)) return false;
  if (unit > 1) return NOMINAL_POS.test(lexicon.pos(copy) ?? '');
  const { ending, starting } = lexicon.nounAffixes(copy);
  if (ending < HEAD_NOUNS) return false;
  if (ending >= HEAD_RATIO * starting) return true;
  // A weaker head (司 ends 56 nouns, starts 47) still heads an organisation when a post
  // follows that opens with it (应急司|司长, 巡视组|组长): the post is the evidence.
  return ending >= starting && titleAt(text, start + unit) > 0;
}

/** The length of a post or title (names' vocabulary: 司长, 主席) that starts at `at`, or 0. */
function titleAt(text: string, at: number): number {
  for (let length = 2; length <= MAX_TITLE_LENGTH && at + length <= text.length; length++) {
    if (titleBefore(text, at + length)?.length === length) return length;
  }
  return 0;
}

function nominalWordEnds(phrase: string, lexicon: Lexicon): boolean {
  for (let from = 0; phrase.length - from >= 2; from++) {
    const word = from === 0 ? phrase : phrase.slice(from);
    if (lexicon.has(word, WORD_FREQ) && NOMINAL_POS.test(lexicon.pos(word) ?? '')) return true;
  }
  return false;
}

/**
 * 促进|进行|动: the word found on the right (进行) only exists because of the extra
 * copy; without it, what follows reads as a longer, established word (行动) that
 * the right word cuts in two. 卫生院|院长|表示 passes: without the copy, 长表示
 * starts with 长 alone; so does 统战部|部长|石泰峰, 长石 being a rare word.
 */
function rightWordCutsARealWord(text: string, middle: number, rightLength: number, lexicon: Lexicon): boolean {
  const rest = segment(lexicon, text.slice(middle + 1, Math.min(text.length, middle + 9)));
  const first = rest[0];
  return first !== undefined && first.word.length >= 2 && first.end > rightLength - 1 && lexicon.has(first.word, ESTABLISHED_WORD_FREQ);
}

/** Plain-language names of the reasons, for docs and the learn summary. */
export const REPEAT_REASONS: Record<RepeatReason, string> = {
  word: '词典中的叠词（常常、看看）',
  'inside-word': '属于更长的词（实实在在、一项项、吉尔吉斯斯坦、手把手）',
  aabb: 'AABB 式重叠（认认真真）',
  measure: '量词重叠（个个、层层）',
  'one-measure': '“一”加量词重叠（一件件、一个一个）',
  distributive: '单音名词重叠表“每一”（村村通、户户）',
  'verb-abab': '动词重叠（研究研究）',
  'given-name': '姓名中的叠字（王芳芳）',
  adjective: '单音形容词重叠（稳稳、高高）',
  boundary: '两个词的交界（卫生院|院长、工作|作为、机会|会）',
  learned: '语料库中反复出现的写法',
};
