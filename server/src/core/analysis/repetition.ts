/**
 * Adjacent repetition in Chinese text (AA, ABAB, ABCABC…) and the judgement of
 * whether a repetition is language or a typo. Chinese reduplicates on purpose
 * (常常, 一项项, 实实在在, 研究研究), and word boundaries repeat a character by
 * accident of spelling (卫生院|院长, 工作|作为), so the judgement asks the lexicon
 * and the learned corpus, never a list of strings. `duplicate-word` reports what
 * this module cannot explain; `learnRepeats` uses the same judgement to learn
 * which unexplained repeats a corpus uses again and again (names, place names).
 */
import type { Lexicon } from '../lexicon';
import { segment } from '../segmenter';
import { codePointAt, codePointBefore, isHanIdeograph, isHanIdeographRun, isHighSurrogate } from './han';
import { surnameLength } from './names';

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
  | 'verb-abab'
  | 'given-name'
  | 'adjective'
  | 'boundary'
  | 'learned';

export interface RepeatEvidence {
  /** Learned legitimate contexts: a char + the doubled span, or the span + a char → count. */
  legitimate: Record<string, number>;
}

/** Thresholds on jieba frequencies: its dictionary carries noise entries below ~5 (度度 3, 局局长 3). */
const WORD_FREQ = 10;
const COVER_FREQ = 5;
const NAME_SURNAME_FREQ = 500;
const VERB_FREQ = 500;
const SUFFIX_PRODUCTIVITY = 30;
const STRONG_WORD_FREQ = 1000;
/** Copulas and auxiliaries are what typists double (是是, 有有), not verbs taking an object. */
const AUXILIARY_VERBS = /^[是有要会能可将让使被把得在为]$/;
/** Numerals other than 一 before a doubled measure word make it a typo (三个个), while 一个个 is grammar. */
const NUMERALS = /[二三四五六七八九十百千万亿两几0-9０-９]/;
const FUNCTION_POS = /^(p|u|c|d|r|y|e|o|uj|ul|uz|ug|uv|ud)$/;

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
  if (coveredByLongerWord(text, start, end, lexicon)) return 'inside-word';
  // When the first copy belongs to the word on its left (平台|台, 诊断|断), no
  // reading of the doubled span as a reduplication holds.
  const firstCopyAttached = firstCopyEndsLeftWord(text, repeat, lexicon);
  if (!afterNumeral && !firstCopyAttached && lexicon.has(span, WORD_FREQ)) return 'word';

  if (oneCharacter) {
    const char = copy;
    // AABB: 认认真真, where AB is a word and the next two characters double too.
    if (end + 1 < text.length && text[end] === text[end + 1] && text[end] !== char && lexicon.has(char + text[end], WORD_FREQ)) return 'aabb';
    if (start >= 2 && text[start - 1] === text[start - 2] && text[start - 1] !== char && lexicon.has(text[start - 2] + char, WORD_FREQ)) return 'aabb';
    if (!firstCopyAttached) {
      if (!afterNumeral && lexicon.pos(char) === 'q') return 'measure';
      // 一件件, and distributive 件件落实 opening a clause: 件 counts things (一件 is a word).
      const clauseInitial = !isHanIdeograph(codePointBefore(text, start));
      if ((before === '一' || clauseInitial) && lexicon.has('一' + char, WORD_FREQ * 2)) return 'one-measure';
      if (isGivenName(text, start, lexicon)) return 'given-name';
      if (isAdjectiveReduplication(text, start, lexicon)) return 'adjective';
      // Interjections and onomatopoeia double freely (嘘嘘, 哗哗).
      if (/^[eoy]$/.test(lexicon.pos(char) ?? '')) return 'adjective';
    }
  } else {
    const pos = lexicon.pos(copy) ?? '';
    if (copy[0] === '一' && unit === 2) return 'one-measure';
    if ((pos === 'v' || pos === 'vn') && lexicon.has(copy, VERB_FREQ) && isTentativeContext(text, start, end, lexicon)) return 'verb-abab';
  }
  if (isWordBoundary(text, repeat, lexicon) || isTimeThenPreposition(text, repeat, lexicon)) return 'boundary';
  return null;
}

/**
 * 诊断|断, 集团|团: the doubled span is a dictionary word (断断, 团团), but the
 * likelier reading of the surrounding text attaches the first copy to the word on
 * its left, which leaves the second copy as the slip.
 */
function firstCopyEndsLeftWord(text: string, repeat: Repeat, lexicon: Lexicon): boolean {
  const { start, unit } = repeat;
  const from = Math.max(0, start - 5);
  const middle = start + unit - from;
  const tokens = segment(lexicon, text.slice(from, Math.min(text.length, start + 2 * unit + 3)));
  return tokens.some((t) => t.end === middle && t.word.length > unit && lexicon.has(t.word, WORD_FREQ));
}

/**
 * Verb reduplication (研究研究, 讨论讨论) is tentative and colloquial: it follows a
 * modal or directive (要, 再, 来, 请…) or closes a sentence. A doubled verb leading
 * into an object or a compound (促进促进行动, 纳入纳入管理) is a slip.
 */
const TENTATIVE_BEFORE = new Set(['要', '得', '应', '应该', '需要', '来', '去', '再', '先', '请', '让', '也', '都', '就', '可以', '想', '好好', '不妨', '还得', '得好好']);
const TENTATIVE_AFTER = /^(?:吧|呢|嘛|一下)/;

function isTentativeContext(text: string, start: number, end: number, lexicon: Lexicon): boolean {
  // The whole clause is the reduplication (a quoted 研究研究): nothing else to read it by.
  const clauseStart = !isHanIdeograph(codePointBefore(text, start));
  const clauseEnd = !isHanIdeograph(codePointAt(text, end));
  if (clauseStart && clauseEnd) return true;
  if (TENTATIVE_AFTER.test(text.slice(end, end + 2))) return true;
  if (clauseStart) return false;
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
function coveredByLongerWord(text: string, start: number, end: number, lexicon: Lexicon): boolean {
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
      if (e >= end && e - s > end - start && wordFreqs[w] >= COVER_FREQ) return true;
    }
  }
  return false;
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
  const left = segment(lexicon, text.slice(Math.max(0, start - 5), start));
  const last = left[left.length - 1];
  return last !== undefined && last.word.length === 1;
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
 * The two copies belong to two different words: the first ends a word on its left
 * (卫生院, or a productive suffix after a word: 医保+局) and the second starts a
 * word on its right (院长). Both sides must hold: 创新|新 fails on the right
 * because what follows segments as 新/发展, not 新发/展.
 */
function isWordBoundary(text: string, repeat: Repeat, lexicon: Lexicon): boolean {
  const { start, unit } = repeat;
  const middle = start + unit;
  const rightTokens = segment(lexicon, text.slice(middle, Math.min(text.length, middle + 8)));
  const first = rightTokens[0];
  // A rare right-hand word (院办, 2 in jieba) still counts after a common word on the left (医院).
  const leftWord = segment(lexicon, text.slice(Math.max(0, start - 6), middle)).pop();
  const strongLeft = leftWord !== undefined && leftWord.word.length > unit && lexicon.has(leftWord.word, STRONG_WORD_FREQ);
  const rightMin = first && first.word.length >= 3 ? 2 : strongLeft ? 2 : WORD_FREQ;
  if (!first || first.word.length <= unit || !lexicon.has(first.word, rightMin)) return false;
  if (unit === 1 && rightWordCutsARealWord(text, middle, first.word.length, lexicon)) return false;

  // Nothing Han on the left (the paragraph starts here, often a line broken by
  // layout): the first copy cannot be judged, so the word on the right decides.
  if (!isHanIdeograph(codePointBefore(text, start))) return unit === 1 || first.word.length > unit;
  // 2021年|年底, 3个|个人: the first copy is a unit attached to the number before it.
  if (unit === 1 && NUMERALS.test(text[start - 1])) return true;

  const leftTokens = segment(lexicon, text.slice(Math.max(0, start - 6), middle));
  const last = leftTokens[leftTokens.length - 1];
  if (!last) return false;
  // Any dictionary word ends here (中医药局 is listed, if rarely): the right side has already proved itself.
  if (last.word.length > unit && lexicon.has(last.word, 1)) return true;
  if (unit !== 1) return false;
  // 钉|钉子, 画|画儿: a one-character verb standing alone, then its object.
  if (last.word.length === 1 && lexicon.pos(last.word) === 'v' && lexicon.has(last.word, STRONG_WORD_FREQ) && !AUXILIARY_VERBS.test(last.word)) return true;
  const previous = leftTokens[leftTokens.length - 2];
  return (
    previous !== undefined &&
    previous.word.length >= 2 &&
    lexicon.has(previous.word, WORD_FREQ) &&
    lexicon.suffixProductivity(text[start]) >= SUFFIX_PRODUCTIVITY
  );
}

/**
 * 促进|进行|动: the word found on the right (进行) only exists because of the extra
 * copy; without it, what follows reads as a longer word (行动) that the right word
 * cuts in two. 卫生院|院长|表示 passes: without the copy, 长表示 starts with 长 alone.
 */
function rightWordCutsARealWord(text: string, middle: number, rightLength: number, lexicon: Lexicon): boolean {
  const rest = segment(lexicon, text.slice(middle + 1, Math.min(text.length, middle + 9)));
  const first = rest[0];
  return first !== undefined && first.word.length >= 2 && first.end > rightLength - 1 && lexicon.has(first.word, WORD_FREQ);
}

/**
 * 现在|在卫生院: a time word ending in a preposition's character, then the
 * preposition itself. The right side is a single-character word, so the general
 * boundary test cannot see it.
 */
function isTimeThenPreposition(text: string, repeat: Repeat, lexicon: Lexicon): boolean {
  if (repeat.unit !== 1) return false;
  const char = text[repeat.start];
  if (lexicon.pos(char) !== 'p') return false;
  const left = segment(lexicon, text.slice(Math.max(0, repeat.start - 5), repeat.start + 1));
  const last = left[left.length - 1];
  return last !== undefined && last.word.length > 1 && lexicon.pos(last.word) === 't';
}

/** Plain-language names of the reasons, for docs and the learn summary. */
export const REPEAT_REASONS: Record<RepeatReason, string> = {
  word: '词典中的叠词（常常、看看）',
  'inside-word': '属于更长的词（实实在在、一项项、吉尔吉斯斯坦）',
  aabb: 'AABB 式重叠（认认真真）',
  measure: '量词重叠（个个、层层）',
  'one-measure': '“一”加量词重叠（一件件、一个一个）',
  'verb-abab': '动词重叠（研究研究）',
  'given-name': '姓名中的叠字（王芳芳）',
  adjective: '单音形容词重叠（稳稳、高高）',
  boundary: '两个词的交界（卫生院|院长、工作|作为、现在|在）',
  learned: '语料库中反复出现的写法',
};
