/**
 * Model section for `name-consistency`: person and organisation names the corpus
 * writes, with counts and the titles seen with them, and accepted short forms.
 *
 * Names are found by context, not by a list: a person is a surname plus one or two
 * characters standing between a title (记者, 主任, 院长, 合伙人…) or a clause start
 * and a speech verb or title (表示, 介绍, 书记…); an organisation is a place name
 * (the lexicon's ns words, 国家, 中国…) followed by a run ending in an organisation
 * head (医院, 卫生院, 中心, 委员会, 局…). The same finders serve the learner and the
 * rule, so `jiaodui learn` on another archive learns that archive's names.
 */
import type { CorpusDocument } from '../types';
import type { Lexicon } from '../../lexicon';
import { isHan, unwrap } from './phrases';
import standardNames from '../../../../../data/standard-phrases.json';

export interface NameEntry {
  name: string;
  kind: 'person' | 'organisation';
  count: number;
  /** Number of corpus documents the name occurs in. */
  docs?: number;
  /** Titles seen right before a person's name, most frequent first. */
  titles?: string[];
  /** 'corpus' when learned, 'roster' from the house config, or a curated source. */
  source?: string;
}

export interface NamesSection {
  names: NameEntry[];
  /** Short form → full form, both accepted. */
  shortForms: Record<string, string>;
}

export function emptyNames(): NamesSection {
  return { names: [], shortForms: {} };
}

// ---------------------------------------------------------------------------
// Linguistic data

/** Common single-character surnames (百家姓, by modern frequency). */
const SINGLE_SURNAMES = new Set(
  ('王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤' +
    '常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝化')
    .split(''),
);
const COMPOUND_SURNAMES = ['欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '令狐', '尉迟', '长孙', '慕容', '夏侯', '宇文', '司徒', '公孙', '端木', '独孤', '南宫', '西门'];

/** Words right before a person's name: posts, roles, bylines. Longest first. */
const TITLES = [
  '新闻发言人', '一级巡视员', '二级巡视员', '监察专员', '主任医师', '副主任医师', '护士长', '党委书记', '党组书记', '副书记', '副主任', '副院长', '副局长', '副司长', '副处长', '副部长',
  '副厅长', '副省长', '副市长', '副县长', '副区长', '副主席', '副会长', '副所长', '副校长', '秘书长', '理事长', '董事长', '总经理', '负责人', '发言人', '主持人', '合伙人', '研究员', '巡视员',
  '特约记者', '实习记者', '本报记者', '通讯员', '记者', '主任', '院长', '书记', '局长', '司长', '处长', '部长', '厅长', '省长', '市长', '县长', '区长', '主席', '教授', '医生', '医师', '专家',
  '院士', '委员', '总监', '经理', '会长', '所长', '站长', '科长', '组长', '队长', '校长', '村医', '代表', '博士', '老师', '同志',
];

/** Words right after a person's name. */
const AFTER_NAME = [
  '表示', '介绍', '说', '认为', '指出', '强调', '提到', '谈到', '坦言', '称', '告诉', '建议', '解释', '透露', '回应', '回答', '答', '出席', '主持', '参加', '讲话', '致辞', '一行', '同志', '等', '摄',
  '书记', '院长', '主任', '局长', '司长', '处长', '教授', '医生', '院士', '代表', '先生', '女士', '介绍到', '分析', '提出', '呼吁', '希望', '补充', '说道', '讲解', '带领', '率队', '调研',
];

/** Characters that never occur in a given name here: particles and function words. */
const NOT_IN_GIVEN_NAME = new Set('的了在是和与及或等对把被将从向为于以而且也都就还又这那其之个们着过得地不没有要会能说表示认介绍指'.split(''));

/** Organisation heads, longest first; single characters need a word boundary. */
const ORG_HEADS = [
  '卫生健康委员会', '社区卫生服务中心', '卫生服务中心', '疾病预防控制中心', '妇幼保健院', '人民医院', '中医医院', '委员会', '卫生院', '中医院', '研究所', '研究院', '研究会', '研究中心', '管理局',
  '办公室', '医院', '中心', '大学', '学院', '公司', '协会', '学会', '集团', '基金会', '联合会', '医学会', '卫健委', '医保局', '疾控局', '药监局', '卫生局', '委', '局', '厅', '司', '办', '院', '所', '站', '部', '处', '馆',
];

/** Place-like prefixes the lexicon does not tag as places. */
const NATIONAL_PREFIXES = ['国家', '中国', '中华', '全国', '中央', '国务院'];
const ADMIN_SUFFIX = /[省市县区州镇乡村旗盟]$/;

/** Numerals: a changed numeral is a different fact (二十大 / 十九大), not a typo. */
const NUMERAL_CHARS = new Set('〇零一二三四五六七八九十百千万亿两壹贰叁肆伍陆柒捌玖拾第0123456789０１２３４５６７８９'.split(''));

/** Characters that contrast with each other in a slot (省/市, 上/下): swapping them names something else. */
const CONTRAST_GROUPS = ['省市县区州镇乡村旗盟', '国省', '上下', '前后', '左右', '东西南北中', '内外', '大小', '高低', '多少', '新旧', '正副', '男女', '老少幼', '春夏秋冬', '年月日周', '早中晚', '长短', '进出', '增减', '升降', '收支', '党政', '中西'];

/** True when the string ends in an organisation head of two or more characters (…协会, …医院). */
export function endsWithOrganisationHead(name: string): boolean {
  return ORG_HEADS.some((head) => head.length >= 2 && name.endsWith(head));
}

export function isNumeralChar(ch: string): boolean {
  return ch.length > 0 && NUMERAL_CHARS.has(ch);
}

/** True when the character may stand in a given name (not a particle or function word). */
export function mayBeInGivenName(ch: string): boolean {
  return !NOT_IN_GIVEN_NAME.has(ch);
}

export function isContrastivePair(a: string, b: string): boolean {
  return a !== b && CONTRAST_GROUPS.some((group) => group.includes(a) && group.includes(b));
}

export function surnameLength(name: string): number {
  if (COMPOUND_SURNAMES.some((s) => name.startsWith(s))) return 2;
  return SINGLE_SURNAMES.has(name[0]) ? 1 : 0;
}

// ---------------------------------------------------------------------------
// Edit distance

export type EditKind = 'substitute' | 'drop' | 'add' | 'transpose';

export interface NameEdit {
  kind: EditKind;
  /** Position in `from` where the edit applies. */
  at: number;
}

/**
 * The single edit that turns `from` into `to`, if they are exactly one edit apart
 * (substitution, insertion, deletion, or a transposition of neighbours: optimal
 * string alignment distance 1).
 */
export function singleEdit(from: string, to: string): NameEdit | undefined {
  if (from === to) return undefined;
  const lf = from.length;
  const lt = to.length;
  if (Math.abs(lf - lt) > 1) return undefined;
  let i = 0;
  while (i < lf && i < lt && from[i] === to[i]) i++;
  if (lf === lt) {
    if (from.slice(i + 1) === to.slice(i + 1)) return { kind: 'substitute', at: i };
    if (i + 1 < lf && from[i] === to[i + 1] && from[i + 1] === to[i] && from.slice(i + 2) === to.slice(i + 2)) return { kind: 'transpose', at: i };
    return undefined;
  }
  if (lf > lt) return from.slice(i + 1) === to.slice(i) ? { kind: 'drop', at: i } : undefined;
  return from.slice(i) === to.slice(i + 1) ? { kind: 'add', at: i } : undefined;
}

// ---------------------------------------------------------------------------
// Finders

export interface Mention {
  name: string;
  kind: 'person' | 'organisation';
  /** Offsets into the unwrapped text. */
  start: number;
  end: number;
  /** The title right before a person's name, if any. */
  title?: string;
  /** Offset in the name where the place prefix ends (organisations). */
  prefix?: number;
}

const TITLE_SET = new Set(TITLES);
/** Titles by their last character, longest first, so the lookup before a name is one map access. */
const TITLES_BY_LAST = groupBy(TITLES, (t) => t.charCodeAt(t.length - 1));
const AFTER_BY_FIRST = groupBy(AFTER_NAME, (w) => w.charCodeAt(0));
const CLAUSE_OPENERS = new Set([...' \t\n，,。；;：:！!？?、（(“"‘【《\u3000']);
const CLAUSE_OPENER_CODES = codeFlags([...CLAUSE_OPENERS]);

/** Words by the code of one of their characters: looking one up reads a code, making no one-character string. */
function groupBy(words: string[], key: (w: string) => number): Map<number, string[]> {
  const map = new Map<number, string[]>();
  for (const w of [...words].sort((a, b) => b.length - a.length)) {
    const k = key(w);
    const list = map.get(k);
    if (list) list.push(w);
    else map.set(k, [w]);
  }
  return map;
}

export function titleBefore(text: string, at: number): string | undefined {
  if (at < 2) return undefined;
  for (const title of TITLES_BY_LAST.get(text.charCodeAt(at - 1)) ?? []) {
    if (at >= title.length && text.startsWith(title, at - title.length)) return title;
  }
  return undefined;
}

function afterNameOk(text: string, at: number): boolean {
  if (at >= text.length) return true;
  const c = text.charCodeAt(at);
  if (!isHan(c)) return !/[A-Za-z0-9]/.test(text[at]);
  for (const w of AFTER_BY_FIRST.get(c) ?? []) if (text.startsWith(w, at)) return true;
  return false;
}

/** Per UTF-16 code: 1 = single surname, 2 = first character of a compound surname. */
const SURNAME_FLAGS = (() => {
  const flags = new Uint8Array(0x10000);
  for (const s of SINGLE_SURNAMES) flags[s.charCodeAt(0)] |= 1;
  for (const s of COMPOUND_SURNAMES) flags[s.charCodeAt(0)] |= 2;
  return flags;
})();

export function surnameAt(text: string, i: number): number {
  const flags = SURNAME_FLAGS[text.charCodeAt(i)];
  if (flags === 0) return 0;
  if (flags & 2) {
    for (const s of COMPOUND_SURNAMES) if (text.charCodeAt(i) === s.charCodeAt(0) && text.charCodeAt(i + 1) === s.charCodeAt(1)) return 2;
  }
  return flags & 1;
}

/**
 * Person names: surname + 1–2 characters between a title or clause start and a
 * speech verb, title or punctuation. A candidate the lexicon knows as an ordinary
 * word (张家口, 高效) is not a name.
 */
export function findPersons(text: string, lexicon: Lexicon): Mention[] {
  const mentions: Mention[] = [];
  for (let i = 0; i < text.length; i++) {
    const sl = surnameAt(text, i);
    if (sl === 0) continue;
    const title = titleBefore(text, i) ?? (i > 0 && text[i - 1] === ' ' ? titleBefore(text, i - 1) : undefined);
    if (!title && !(i === 0 || CLAUSE_OPENER_CODES[text.charCodeAt(i - 1)] === 1)) continue;
    let fit: string | undefined;
    let fits = 0;
    for (let given = 2; given >= 1; given--) {
      const end = i + sl + given;
      if (end > text.length) continue;
      let ok = true;
      for (let k = i + sl; k < end; k++) {
        if (!isHan(text.charCodeAt(k)) || NOT_IN_GIVEN_NAME.has(text[k])) ok = false;
      }
      if (!ok || !afterNameOk(text, end)) continue;
      // Without a title, only a speech verb after the name tells it is a person.
      if (!title && !(end < text.length && isHan(text.charCodeAt(end)))) continue;
      const name = text.slice(i, end);
      if (looksLikeWord(lexicon, name)) continue;
      const givenName = name.slice(sl);
      if (TITLE_SET.has(givenName) || (TITLES_BY_LAST.get(text.charCodeAt(end)) ?? []).some((t) => t.length === 2 && t[0] === text[end - 1])) continue;
      fit = name;
      fits++;
    }
    if (fits !== 1 || !fit) continue;
    mentions.push({ name: fit, kind: 'person', start: i, end: i + fit.length, title });
    i += fit.length - 1;
  }
  return mentions;
}

/**
 * True when text[start, end) stands where a name stands: after a title, or before
 * a speech verb or title, or between a clause boundary and punctuation.
 */
export function inNameContext(text: string, start: number, end: number): boolean {
  if (titleBefore(text, start)) return true;
  if (end < text.length && isHan(text.charCodeAt(end)) && afterNameOk(text, end)) return true;
  return (start === 0 || CLAUSE_OPENER_CODES[text.charCodeAt(start - 1)] === 1) && (end >= text.length || (!isHan(text.charCodeAt(end)) && afterNameOk(text, end)));
}

export function looksLikeWord(lexicon: Lexicon, name: string): boolean {
  const pos = lexicon.pos(name);
  if (pos === undefined) return false;
  if (pos.startsWith('nr')) return false;
  return lexicon.freq(name) >= 3;
}

/** Added to a national prefix's length so it outranks an overlapping place. */
const NATIONAL = 16;
/** Per lexicon: first two characters → can a place token start with them? */
const placeStartCache = new WeakMap<Lexicon, Map<string, boolean>>();
const NATIONAL_STARTS = new Set(NATIONAL_PREFIXES.map((prefix) => prefix.slice(0, 2)));

/**
 * Can a place token start with text[at, at + 2)? Only if a national prefix or one
 * of the lexicon's place names (ns) does: most positions fail here, so the lexicon
 * is consulted for whole tokens only where a place can begin. Answered per pair of
 * characters, as they come up, rather than by listing every place name at startup.
 */
function mayStartPlace(lexicon: Lexicon, text: string, at: number): boolean {
  let starts = placeStartCache.get(lexicon);
  if (!starts) placeStartCache.set(lexicon, (starts = new Map()));
  const pair = text.slice(at, at + 2);
  let may = starts.get(pair);
  if (may === undefined) {
    may = NATIONAL_STARTS.has(pair) || lexicon.hasPrefixWithPos(pair, 0, 2, 'ns');
    starts.set(pair, may);
  }
  return may;
}

/**
 * Length of a place token starting at `at` (甘肃省, 定西市, 国家…), or 0; national
 * prefixes are marked by adding NATIONAL so they outrank an overlapping place.
 */
function placeAt(lexicon: Lexicon, text: string, at: number): number {
  if (at + 1 >= text.length || !mayStartPlace(lexicon, text, at)) return 0;
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

function codeFlags(chars: string[]): Uint8Array {
  const flags = new Uint8Array(0x10000);
  for (const ch of chars) flags[ch.charCodeAt(0)] = 1;
  return flags;
}

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
    const extended = before >= 0 && isHan(before) && !NOT_IN_ORG_CODES[before] && term.length < MAX_TERM && at.every((p) => p > 0 && text.charCodeAt(p - 1) === before);
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
export function findOrganisations(text: string, lexicon: Lexicon): Mention[] {
  const mentions: Mention[] = [];
  const places = new Int8Array(text.length).fill(-1);
  /** Rank of the place token at `at`: its length, plus NATIONAL for 国家, 中国… */
  const placeRank = (at: number) => {
    if (at < 0 || at >= text.length) return 0;
    if (places[at] < 0) places[at] = placeAt(lexicon, text, at);
    return places[at];
  };
  const lengthOf = (rank: number) => (rank > NATIONAL ? rank - NATIONAL : rank);
  /** A place token counts only where no stronger token overlaps it (山东省 beats 东省 and 合山). */
  const placeLength = (at: number) => {
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

/** Non-overlapping occurrences of `needle` in `text`. */
export function occurrences(text: string, needle: string): number[] {
  const at: number[] = [];
  if (!needle) return at;
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length)) at.push(i);
  return at;
}

// ---------------------------------------------------------------------------
// Learning

interface CuratedOrganisation {
  name: string;
  aliases?: string[];
  source: string;
}

export function learnNames(docs: CorpusDocument[], lexicon: Lexicon): NamesSection {
  const texts = docs.map((doc) => unwrap(doc.text.masked).text);
  const kinds = new Map<string, 'person' | 'organisation'>();
  const titles = new Map<string, Map<string, number>>();
  texts.forEach((text) => {
    for (const m of findPersons(text, lexicon)) {
      kinds.set(m.name, 'person');
      if (m.title) {
        let t = titles.get(m.name);
        if (!t) titles.set(m.name, (t = new Map()));
        t.set(m.title, (t.get(m.title) ?? 0) + 1);
      }
    }
    for (const m of findOrganisations(text, lexicon)) if (!kinds.has(m.name)) kinds.set(m.name, 'organisation');
  });
  const names: NameEntry[] = [];
  for (const [name, kind] of kinds) {
    let count = 0;
    let inDocs = 0;
    for (const text of texts) {
      const n = occurrences(text, name).length;
      count += n;
      if (n > 0) inDocs++;
    }
    const entry: NameEntry = { name, kind, count, docs: inDocs, source: 'corpus' };
    const seenTitles = titles.get(name);
    if (seenTitles) entry.titles = [...seenTitles].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([t]) => t);
    names.push(entry);
  }
  const shortForms: Record<string, string> = {};
  learnShortForms(names, shortForms);
  for (const org of standardNames.organisations as CuratedOrganisation[]) {
    let count = 0;
    let inDocs = 0;
    for (const text of texts) {
      const n = occurrences(text, org.name).length;
      count += n;
      if (n > 0) inDocs++;
    }
    const existing = names.find((n) => n.name === org.name);
    if (existing) existing.source = org.source;
    else names.push({ name: org.name, kind: 'organisation', count, docs: inDocs, source: org.source });
    for (const alias of org.aliases ?? []) shortForms[alias] = org.name;
  }
  names.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { names, shortForms: Object.fromEntries(Object.entries(shortForms).sort((a, b) => (a[0] < b[0] ? -1 : 1))) };
}

/**
 * A short form keeps the full name's start and end and drops characters inside it
 * (国家卫健委 ← 国家卫生健康委, 国家医保局 ← 国家医疗保障局), or cuts 委员会 to 委. It
 * counts as accepted only when the corpus uses both forms in several documents:
 * a pair seen inside one document only is exactly the inconsistency the rule
 * reports (…中医院 / …中医医院 in one article).
 */
function learnShortForms(names: NameEntry[], shortForms: Record<string, string>): void {
  const orgs = names.filter((n) => n.kind === 'organisation' && (n.docs ?? 0) >= 2);
  const byStart = new Map<string, NameEntry[]>();
  for (const org of orgs) {
    const key = org.name.slice(0, 2);
    const list = byStart.get(key);
    if (list) list.push(org);
    else byStart.set(key, [org]);
  }
  for (const group of byStart.values()) {
    for (const full of group) {
      for (const short of group) {
        if (short.name.length >= full.name.length || full.name.startsWith(short.name)) continue;
        const truncated = full.name.endsWith('委员会') && short.name === full.name.slice(0, -2);
        const contracted = short.name[short.name.length - 1] === full.name[full.name.length - 1] && isSubsequence(short.name, full.name);
        if (!truncated && !contracted) continue;
        const current = shortForms[short.name];
        const currentCount = current ? (orgs.find((o) => o.name === current)?.count ?? 0) : -1;
        if (full.count > currentCount) shortForms[short.name] = full.name;
      }
    }
  }
}

function isSubsequence(short: string, full: string): boolean {
  let j = 0;
  for (let i = 0; i < full.length && j < short.length; i++) if (full[i] === short[j]) j++;
  return j === short.length;
}
