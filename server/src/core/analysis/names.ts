/**
 * Person names in Chinese news copy, found by context rather than by a list: a
 * surname plus one or two characters standing between a title (记者, 主任, 院长,
 * 合伙人…) or a clause start and a speech verb or title (表示, 介绍, 书记…). Also the
 * one-edit algorithm every name comparison uses, and the character classes that
 * tell a slip from another name (numerals, contrastive pairs, function words).
 * The learner (model/sections/names.ts) and the rule (rules/name-consistency/)
 * share these finders, so `jiaodui learn` on another archive learns its names.
 */
import type { Lexicon } from '../lexicon';
import { HAN_CODES, isHan } from './han';

// ---------------------------------------------------------------------------
// Linguistic data

/** A list of words written as one string, space-separated. */
function words(...lines: string[]): string[] {
  return lines
    .join(' ')
    .split(/\s+/)
    .filter((w) => w.length > 0);
}

/** Common single-character surnames (百家姓, by modern frequency). */
const SINGLE_SURNAMES = new Set(
  (
    '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤' +
    '常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝化'
  ).split(''),
);
const COMPOUND_SURNAMES = words('欧阳 司马 上官 诸葛 东方 皇甫 令狐 尉迟 长孙 慕容 夏侯 宇文 司徒 公孙 端木 独孤 南宫 西门');

/** Words right before a person's name: posts, roles, bylines. Longest first. */
const TITLES = words(
  '新闻发言人 一级巡视员 二级巡视员 监察专员 主任医师 副主任医师 护士长 党委书记 党组书记 副书记 副主任 副院长 ' +
    '副局长 副司长 副处长 副部长 副厅长 副省长 副市长 副县长 副区长 副主席 副会长 副所长 副校长 秘书长 理事长 ' +
    '董事长 总经理 负责人 发言人 主持人 合伙人 研究员 巡视员 特约记者 实习记者 本报记者 通讯员 记者 主任 院长 ' +
    '书记 局长 司长 处长 部长 厅长 省长 市长 县长 区长 主席 教授 医生 医师 专家 院士 委员 总监 经理 会长 ' +
    '所长 站长 科长 组长 队长 校长 村医 代表 博士 老师 同志',
  // Posts and roles of national and international news.
  '委员长 副委员长 总书记 国家主席 副总理 总理 副总统 总统 首相 国务委员 常委 外长 大使 议长 国王 王储 总督 ' +
    '副组长 检察长 司令员 政委 总裁 首席执行官 村支书 支书 村民 居民 教练 运动员 选手 主播',
);

/** Words right after a person's name. */
const AFTER_NAME = words(
  '表示 介绍 说 认为 指出 强调 提到 谈到 坦言 称 告诉 建议 解释 透露 回应 回答 答 出席 主持 参加 讲话 ' +
    '致辞 一行 同志 等 摄 书记 院长 主任 局长 司长 处长 教授 医生 院士 代表 先生 女士 介绍到 分析 提出 ' +
    '呼吁 希望 补充 说道 讲解 带领 率队 调研 报道 老人 家中 一家 率领 举行 互致 接受 会见 会谈 宣读 宣布 发表 签署 致电 ' +
    '致信 祝贺 考察 看望 慰问 听取 总统 总理 委员长 主席 部长 大使 夫妇',
);

/** Characters that never occur in a given name here: particles and function words. */
const NOT_IN_GIVEN_NAME = new Set('的了在是和与及或等对把被将从向为于以而且也都就还又这那其之个们着过得地不没有要会能说表示认介绍指'.split(''));

/** Numerals: a changed numeral is a different fact (二十大 / 十九大), not a typo. */
const NUMERAL_CHARS = new Set('〇零一二三四五六七八九十百千万亿两壹贰叁肆伍陆柒捌玖拾第0123456789０１２３４５６７８９'.split(''));

/** Characters that contrast with each other in a slot (省/市, 上/下): swapping them names something else. */
const CONTRAST_GROUPS = [
  '省市县区州镇乡村旗盟',
  '国省',
  '上下',
  '前后',
  '左右',
  '东西南北中',
  '内外',
  '大小',
  '高低',
  '多少',
  '新旧',
  '正副',
  '男女',
  '老少幼',
  '春夏秋冬',
  '年月日周',
  '早中晚',
  '长短',
  '进出',
  '来去',
  '去返',
  '往返',
  '增减',
  '升降',
  '收支',
  '党政',
  '中西',
];

/** Per UTF-16 code: 1 where a Han character may stand in a given name (no particle or function word). */
const GIVEN_CHAR_CODES = (() => {
  const table = HAN_CODES.slice();
  for (const ch of NOT_IN_GIVEN_NAME) table[ch.charCodeAt(0)] = 0;
  return table;
})();

/** Per UTF-16 code: GIVEN_CHAR_CODES without the numerals (a full name found by repetition holds none). */
export const GIVEN_NAME_CODES = (() => {
  const table = GIVEN_CHAR_CODES.slice();
  for (const ch of NUMERAL_CHARS) table[ch.charCodeAt(0)] = 0;
  return table;
})();

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
  return windowEdit(from, 0, from.length, to, true);
}

/**
 * Where an added or dropped character sits at the earliest: in 美国国防部 / 美国防部 the
 * extra 国 may be either of the two, and the first is the one that matters (it cuts
 * 美国 to 美, a contraction, not a slip). Other edits are returned unchanged.
 */
export function earliestEdit(edit: NameEdit, from: string, to: string): NameEdit {
  if (edit.kind !== 'add' && edit.kind !== 'drop') return edit;
  const s = edit.kind === 'add' ? to : from;
  let at = edit.at;
  while (at > 0 && s[at - 1] === s[at]) at--;
  return { kind: edit.kind, at };
}

/**
 * singleEdit for the window text[start, start + size) as `from`, compared code by
 * code without slicing it: the slip scanner tries many windows per name and most
 * fail on the first codes. Transpositions count only when `transpose` is set.
 */
export function windowEdit(text: string, start: number, size: number, to: string, transpose: boolean): NameEdit | undefined {
  const n = to.length;
  if (Math.abs(size - n) > 1) return undefined;
  let i = 0;
  while (i < size && i < n && text.charCodeAt(start + i) === to.charCodeAt(i)) i++;
  if (size === n) {
    if (i === n) return undefined;
    let k = i + 1;
    while (k < n && text.charCodeAt(start + k) === to.charCodeAt(k)) k++;
    if (k === n) return { kind: 'substitute', at: i };
    if (!transpose || i + 1 >= n || text.charCodeAt(start + i) !== to.charCodeAt(i + 1) || text.charCodeAt(start + i + 1) !== to.charCodeAt(i))
      return undefined;
    for (k = i + 2; k < n; k++) if (text.charCodeAt(start + k) !== to.charCodeAt(k)) return undefined;
    return { kind: 'transpose', at: i };
  }
  if (size > n) {
    for (let k = i; k < n; k++) if (text.charCodeAt(start + k + 1) !== to.charCodeAt(k)) return undefined;
    return { kind: 'drop', at: i };
  }
  for (let k = i; k < size; k++) if (text.charCodeAt(start + k) !== to.charCodeAt(k + 1)) return undefined;
  return { kind: 'add', at: i };
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
const TITLES_BY_FIRST = groupBy(TITLES, (t) => t.charCodeAt(0));
/** After these a clause starts, and a name may open it (a closing quote ends a quoted sentence: …。”李金涛说). */
const CLAUSE_OPENERS = new Set([...' \t\n，,。；;：:！!？?、（(“"‘’”【《」\u3000']);
const CLAUSE_OPENER_CODES = codeFlags([...CLAUSE_OPENERS]);

/** Words by the code of one of their characters: looking one up reads a code, making no one-character string. */
export function groupBy(words: string[], key: (w: string) => number): Map<number, string[]> {
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

/** Words that may follow a name a title introduced: time words and function words, never alone enough to frame a name. */
const AFTER_TITLED_NAME = words('的 在 今天 昨天 当天 近日 日前 此前 随后 还 也 就 则 同 向 对 与 和 作 从 到 来到 首先 代表 一同 ' + '分别');
const AFTER_TITLED_BY_FIRST = groupBy(AFTER_TITLED_NAME, (w) => w.charCodeAt(0));

function afterTitledNameOk(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  if (code >= 0x30 && code <= 0x39) return true;
  for (const w of AFTER_TITLED_BY_FIRST.get(code) ?? []) if (text.startsWith(w, at)) return true;
  return false;
}

/** True when what starts at `at` may follow a name: a speech verb, a title, punctuation, the end. */
export function afterNameOk(text: string, at: number): boolean {
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
        if (GIVEN_CHAR_CODES[text.charCodeAt(k)] !== 1) ok = false;
      }
      // After a title, the name is framed already: a date, a time word or a function word may follow it
      // (市长张海涛25日在杭州调研, 部长张海涛今天在江西, 局长张海涛的讲话).
      if (!ok || !(afterNameOk(text, end) || (title !== undefined && afterTitledNameOk(text, end)))) continue;
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
  return (
    (start === 0 || CLAUSE_OPENER_CODES[text.charCodeAt(start - 1)] === 1) && (end >= text.length || (!isHan(text.charCodeAt(end)) && afterNameOk(text, end)))
  );
}

/**
 * True when text[start, end) is framed as a whole name on both sides, as findPersons
 * frames one: a title or a clause boundary before it, and after it a speech verb, a
 * title, punctuation, a date or a function word. Stricter than
 * inNameContext, which one side satisfies: 张海 after 常委 inside 常委张海涛 is not framed.
 */
export function framedAsName(text: string, start: number, end: number): boolean {
  const title = titleBefore(text, start) ?? (start > 0 && text[start - 1] === ' ' ? titleBefore(text, start - 1) : undefined);
  const opens = opensClause(text, start) || PERSON_CONJUNCTION_CODES[text.charCodeAt(start - 1)] === 1;
  if (!title && !opens) return false;
  return afterNameOk(text, end) || afterTitledNameOk(text, end) || titleAfter(text, end) !== undefined;
}

/** True when a clause starts at `at`: the text's start, or after punctuation, a space or an opening quote. */
export function opensClause(text: string, at: number): boolean {
  return at === 0 || CLAUSE_OPENER_CODES[text.charCodeAt(at - 1)] === 1;
}

/** Words that join a person to another (我和李明总统, 同韩小正副总理): a name may follow them. */
const PERSON_CONJUNCTION_CODES = codeFlags([...'和同与及']);

/** True when text[at] joins two words (主席和洪某某): 和 is a surname too, but not inside a clause. */
export function joinsWords(text: string, at: number): boolean {
  return PERSON_CONJUNCTION_CODES[text.charCodeAt(at)] === 1 && at > 0 && isHan(text.charCodeAt(at - 1));
}

/** True when a title starts at `at` (李明总统, 韩小正副总理, 张海涛国家主席). */
export function titleAfter(text: string, at: number): string | undefined {
  for (const title of TITLES_BY_FIRST.get(text.charCodeAt(at)) ?? []) if (title.length >= 2 && text.startsWith(title, at)) return title;
  return undefined;
}

export function looksLikeWord(lexicon: Lexicon, name: string): boolean {
  const pos = lexicon.pos(name);
  if (pos === undefined) return false;
  if (pos.startsWith('nr')) return false;
  return lexicon.freq(name) >= 3;
}

/** Added to a national prefix's length so it outranks an overlapping place. */

/** Flags per UTF-16 code for a set of one-character strings. */
export function codeFlags(chars: string[]): Uint8Array {
  const flags = new Uint8Array(0x10000);
  for (const ch of chars) flags[ch.charCodeAt(0)] = 1;
  return flags;
}

/** Non-overlapping occurrences of `needle` in `text`. */
export function occurrences(text: string, needle: string): number[] {
  const at: number[] = [];
  if (!needle) return at;
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length)) at.push(i);
  return at;
}
