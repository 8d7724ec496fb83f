/**
 * Organisation names in Chinese news copy: a place name (the lexicon's ns words,
 * 国家, 中国…) followed by a run ending in an organisation head (医院, 卫生院, 中心,
 * 委员会, 局…), and the terms ending in such a head that a text repeats (互联网医院).
 */
import type { Lexicon } from '../lexicon';
import { isHan } from './han';
import { codeFlags, groupBy, type Mention } from './names';

/** Organisation heads, longest first; single characters need a word boundary. */
const ORG_HEADS = [
  '卫生健康委员会',
  '社区卫生服务中心',
  '卫生服务中心',
  '疾病预防控制中心',
  '妇幼保健院',
  '人民医院',
  '中医医院',
  '委员会',
  '卫生院',
  '中医院',
  '研究所',
  '研究院',
  '研究会',
  '研究中心',
  '管理局',
  '办公室',
  '医院',
  '中心',
  '大学',
  '学院',
  '公司',
  '协会',
  '学会',
  '集团',
  '基金会',
  '联合会',
  '医学会',
  '卫健委',
  '医保局',
  '疾控局',
  '药监局',
  '卫生局',
  '卫生健康委',
  '办公厅',
  '科学院',
  '工程院',
  '检察院',
  '法院',
  '银行',
  '总局',
  '总署',
  '理事会',
  '电视台',
  '出版社',
  '实验室',
  '研究中心',
  '委',
  '局',
  '厅',
  '司',
  '办',
  '院',
  '所',
  '站',
  '部',
  '处',
  '馆',
];

/** Place-like prefixes the lexicon does not tag as places. */
const NATIONAL_PREFIXES = ['国家', '中国', '中华', '全国', '中央', '国务院'];
const ADMIN_SUFFIX = /[省市县区州镇乡村旗盟]$/;

/** True when the string ends in an organisation head of two or more characters (…协会, …医院). */
export function endsWithOrganisationHead(name: string): boolean {
  return ORG_HEADS.some((head) => head.length >= 2 && name.endsWith(head));
}

/** Added to a national prefix's length so it outranks an overlapping place. */
const NATIONAL = 16;
const NATIONAL_STARTS = new Set(NATIONAL_PREFIXES.map((prefix) => prefix.slice(0, 2)));

/**
 * Can a place token start at a position? Answers for one lexicon, kept by the caller for
 * as long as it uses that lexicon (a linter's rule state, one learning run), so most
 * characters and pairs are asked once. Looked up by character code, without slicing
 * the text: the finder asks at nearly every position before an organisation head.
 */
export class PlaceStarts {
  /** Per first character: 0 not asked yet, 1 no place starts with it, 2 some may. */
  readonly firsts = new Uint8Array(0x10000);
  /** Per first character, the answer for each second character asked so far. */
  readonly pairs = new Map<number, Map<number, boolean>>();
}

const NATIONAL_FIRST_CODES = codeFlags(NATIONAL_PREFIXES.map((prefix) => prefix[0]));

/**
 * Can a place token start with text[at, at + 2)? Only if a national prefix or one
 * of the lexicon's place names (ns) does: most positions fail here, so the lexicon
 * is consulted for whole tokens only where a place can begin. Answered per character
 * and per pair of characters, as they come up, rather than by listing every place
 * name at startup; a pair is asked only when some place starts with its first character.
 */
function mayStartPlace(lexicon: Lexicon, starts: PlaceStarts, text: string, at: number): boolean {
  const first = text.charCodeAt(at);
  let state = starts.firsts[first];
  if (state === 0) {
    state = NATIONAL_FIRST_CODES[first] === 1 || lexicon.hasPrefixWithPos(text, at, at + 1, 'ns') ? 2 : 1;
    starts.firsts[first] = state;
  }
  if (state === 1) return false;
  const second = text.charCodeAt(at + 1);
  let seconds = starts.pairs.get(first);
  if (!seconds) starts.pairs.set(first, (seconds = new Map()));
  let may = seconds.get(second);
  if (may === undefined) {
    may = NATIONAL_STARTS.has(text.slice(at, at + 2)) || lexicon.hasPrefixWithPos(text, at, at + 2, 'ns');
    seconds.set(second, may);
  }
  return may;
}

/**
 * Length of a place token starting at `at` (甘肃省, 定西市, 国家…), or 0; national
 * prefixes are marked by adding NATIONAL so they outrank an overlapping place.
 */
function placeAt(lexicon: Lexicon, starts: PlaceStarts, text: string, at: number): number {
  if (at + 1 >= text.length || !mayStartPlace(lexicon, starts, text, at)) return 0;
  for (const prefix of NATIONAL_PREFIXES) if (text.startsWith(prefix, at)) return prefix.length + NATIONAL;
  for (let len = 4; len >= 2; len--) {
    if (at + len > text.length) continue;
    const word = text.slice(at, at + len);
    if (len >= 3 && ADMIN_SUFFIX.test(word) && lexicon.pos(word.slice(0, -1))?.startsWith('ns')) return len;
    if (lexicon.pos(word) === 'ns' && lexicon.freq(word) >= 3) return len;
  }
  return 0;
}

const HEADS_BY_LAST = groupBy(ORG_HEADS, (h) => h.charCodeAt(h.length - 1));
/** Lexicon POS of words an organisation may end in (卫健委, 医保局 are nt or abbreviations). */
const ORG_POS = /^(nt|j|ns|nz)$/;
/** Characters that cannot occur between a place and an organisation head. */
const NOT_IN_ORG = new Set('与以为按的了在是和及或着过得地之等也都就还又把被将对向从于给让使由其这那此该各每并而且但如若所我你他她它们，'.split(''));
const MAX_ORG_LENGTH = 18;
const NOT_IN_ORG_CODES = codeFlags([...NOT_IN_ORG]);
const HEAD_LAST_CODES = codeFlags(ORG_HEADS.map((h) => h[h.length - 1]));
const MULTI_HEAD_LAST_CODES = codeFlags(ORG_HEADS.filter((h) => h.length >= 2).map((h) => h[h.length - 1]));

/** The longest organisation head ending just before `e`, if any. */
function headEndingAt(text: string, e: number): string | undefined {
  for (const h of HEADS_BY_LAST.get(text.charCodeAt(e - 1)) ?? []) if (e >= h.length && text.startsWith(h, e - h.length)) return h;
  return undefined;
}

/** A term's first word must be at least this common in the lexicon. */
const TERM_WORD_FREQ = 20;
/** Shortest and longest repeated organisation term: two characters before a head, a dozen in all. */
const MIN_TERM = 4;
const MAX_TERM = 12;

/**
 * Terms ending in an organisation head of two or more characters that the text
 * repeats, framed by a place or not (互联网医院, 社区卫生服务中心, 北大肿瘤医院): every
 * run of Han characters ending at such a head that occurs at least `minCount` times,
 * kept only when the text does not always write the same character before it (then
 * the longer term is the name). Positions are where each occurrence starts.
 */
export function repeatedOrganisationTerms(text: string, minCount: number, lexicon: Lexicon): Map<string, number[]> {
  // Every candidate term is counted by a hash, no string built; only the repeated ones are sliced.
  const keys: number[] = [];
  const spans: number[] = [];
  const counts = new Map<number, number>();
  for (let e = MIN_TERM; e <= text.length; e++) {
    if (!MULTI_HEAD_LAST_CODES[text.charCodeAt(e - 1)]) continue;
    const head = headEndingAt(text, e);
    if (!head || head.length < 2) continue;
    // A long head is a term by itself (社区卫生服务中心); a short one needs characters before it.
    let hash = 0;
    for (let start = e - 1; start >= 0 && e - start <= MAX_TERM; start--) {
      const code = text.charCodeAt(start);
      if (start < e - head.length && (!isHan(code) || NOT_IN_ORG_CODES[code])) break;
      hash = (Math.imul(hash, 0x01000193) ^ code) >>> 0;
      if (start > e - head.length || e - start < MIN_TERM) continue;
      const key = (hash ^ Math.imul(e - start, 0x9e3779b1)) >>> 2;
      counts.set(key, (counts.get(key) ?? 0) + 1);
      keys.push(key);
      spans.push(start, e);
    }
  }
  const positions = new Map<string, number[]>();
  for (let k = 0; k < keys.length; k++) {
    if ((counts.get(keys[k]) ?? 0) < minCount) continue;
    const start = spans[2 * k];
    const term = text.slice(start, spans[2 * k + 1]);
    const list = positions.get(term);
    if (list) list.push(start);
    else positions.set(term, [start]);
  }
  const terms = new Map<string, number[]>();
  for (const [term, at] of positions) {
    if (at.length < minCount) continue;
    at.sort((a, b) => a - b);
    const before = at[0] > 0 ? text.charCodeAt(at[0] - 1) : -1;
    const extended =
      before >= 0 && isHan(before) && !NOT_IN_ORG_CODES[before] && term.length < MAX_TERM && at.every((p) => p > 0 && text.charCodeAt(p - 1) === before);
    if (!extended && startsWithNoun(lexicon, term)) terms.set(term, at);
  }
  return terms;
}

/**
 * True when a term opens with a word that can name something (互联网, 社区, 北大): not a
 * verb (提高医院, 增强医院 are clauses) and not a fragment cut from a word before it (下公立医院).
 */
function startsWithNoun(lexicon: Lexicon, term: string): boolean {
  for (let length = Math.min(4, term.length - 1); length >= 2; length--) {
    const word = term.slice(0, length);
    if (lexicon.freq(word) < TERM_WORD_FREQ) continue;
    const pos = lexicon.pos(word) ?? '';
    return !pos.startsWith('v') || pos === 'vn';
  }
  return false;
}

/**
 * Organisation names: a run of Han characters ending in an organisation head and
 * starting at a place name. Every place token inside the run starts a candidate
 * too, so 甘肃省定西市中医医院 also yields 定西市中医医院.
 */
export function findOrganisations(text: string, lexicon: Lexicon, starts: PlaceStarts = new PlaceStarts()): Mention[] {
  const mentions: Mention[] = [];
  const places = new Int8Array(text.length).fill(-1);
  /** Rank of the place token at `at`: its length, plus NATIONAL for 国家, 中国… */
  const placeRank = (at: number) => {
    if (at < 0 || at >= text.length) return 0;
    if (places[at] < 0) places[at] = placeAt(lexicon, starts, text, at);
    return places[at];
  };
  const lengthOf = (rank: number) => (rank > NATIONAL ? rank - NATIONAL : rank);
  /** placeLength per position plus one (0: not yet asked): each head scans back over the same positions. */
  const lengths = new Int8Array(text.length);
  /** A place token counts only where no stronger token overlaps it (山东省 beats 东省 and 合山). */
  const placeLength = (at: number) => {
    if (lengths[at] === 0) lengths[at] = strongestPlaceLength(at) + 1;
    return lengths[at] - 1;
  };
  const strongestPlaceLength = (at: number) => {
    const rank = placeRank(at);
    if (rank === 0) return 0;
    const len = lengthOf(rank);
    for (let q = at - 3; q < at + len; q++) {
      if (q === at || q < 0) continue;
      const other = placeRank(q);
      if (other === 0 || q + lengthOf(other) <= at) continue;
      if (other > rank || (other === rank && q < at)) return 0;
    }
    return len;
  };
  for (let e = 1; e <= text.length; e++) {
    if (!HEAD_LAST_CODES[text.charCodeAt(e - 1)]) continue;
    const head = headEndingAt(text, e);
    if (!head) continue;
    const headStart = e - head.length;
    if (head.length === 1) {
      // A one-character head must not be the end of an ordinary word (格局, 党委) nor start one (委员).
      if (e < text.length && isHan(text.charCodeAt(e)) && lexicon.freq(text.slice(e - 1, e + 1)) >= 20) continue;
      const word = text.slice(e - 2, e);
      const pos = lexicon.pos(word);
      if (pos !== undefined && lexicon.freq(word) >= 20 && !ORG_POS.test(pos)) continue;
    }
    for (let p = headStart - 1; p >= 0 && e - p <= MAX_ORG_LENGTH; p--) {
      const code = text.charCodeAt(p);
      if (!isHan(code) || NOT_IN_ORG_CODES[code]) break;
      const len = placeLength(p);
      if (len === 0 || p + len > headStart) continue;
      const name = text.slice(p, e);
      if (name.length >= 4) mentions.push({ name, kind: 'organisation', start: p, end: e, prefix: len });
    }
  }
  return mentions.sort((a, b) => a.start - b.start || b.end - a.end);
}

export interface HeadedRun {
  /** Where the Han run before the head starts (at most MAX_TERM characters before `end`). */
  start: number;
  /** Where the head ends: the organisation term is text[k, end) for some start ≤ k. */
  end: number;
  head: string;
}

/**
 * Every organisation head of two or more characters in the text, with the run of
 * Han characters that may name the body before it (stopping at function words):
 * the raw material for comparing two mentions of one organisation, placed or not.
 */
export function headedRuns(text: string, lexicon?: Lexicon): HeadedRun[] {
  const runs: HeadedRun[] = [];
  for (let e = MIN_TERM; e <= text.length; e++) {
    if (!MULTI_HEAD_LAST_CODES[text.charCodeAt(e - 1)]) continue;
    const head = headEndingAt(text, e);
    if (!head || head.length < 2) continue;
    let start = e - head.length;
    while (start > 0 && e - start < MAX_TERM && isHan(text.charCodeAt(start - 1))) {
      if (!NOT_IN_ORG_CODES[text.charCodeAt(start - 1)]) start--;
      // A function character that ends a word with the one before it is no boundary (协和医院, 共和国).
      else if (
        lexicon &&
        start >= 2 &&
        e - start + 2 <= MAX_TERM &&
        isHan(text.charCodeAt(start - 2)) &&
        lexicon.has(text.slice(start - 2, start), WORD_IN_NAME)
      )
        start -= 2;
      else break;
    }
    if (e - start >= MIN_TERM) runs.push({ start, end: e, head });
  }
  return runs;
}

/** A pair ending in a function character is a word inside a name when the lexicon has it this often (协和). */
const WORD_IN_NAME = 20;
