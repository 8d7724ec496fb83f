/**
 * Name variants for `name-consistency`: one occurrence (never the first) of a person
 * or organisation name that the held-out document writes at least three times is
 * altered by one character: two given-name characters swapped (王宏志 → 王志宏) or
 * one character substituted (定西市中医医院 → 定西市中药医院).
 *
 * Person names are found without any model: a common surname plus one or two
 * characters, not a dictionary word, seen at least once next to a title or a speech
 * verb (主任刘勇 / 王宏志表示). Organisation names are maximal repeated n-grams that
 * end in an organisation suffix.
 */
import { segment } from '../../server/src/core';
import { hanPool, type InjectContext, type Injection, type Injector } from './types';
import { occurrences, ORGANISATION_SUFFIX, repeatedNgrams } from './ngrams';

export const MIN_NAME_COUNT = 3;

const SURNAMES = new Set([
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝',
]);
const TITLE_BEFORE = /(记者|编辑|主任|局长|院长|司长|书记|处长|部长|厅长|委员|教授|专家|主席|会长|理事长|负责人|科长|所长|馆长|经理|总监|医生|医师|护士长|校长|市长|县长|省长|主持人|研究员|专员|通讯员|嘉宾)$/;
/** A name does not end in an organisation character (卫健委 is not a person). */
const NOT_PERSON_END = /[委局院办部厅司处科室所站报网]$/;
/** Organisation names start with a place or a noun, never with a verb, preposition or numeral. */
const ORGANISATION_START_POS = /^(n|nr|ns|nt|nz|j|vn)$/;
const VERB_AFTER = /^(表示|介绍|说|指出|认为|强调|提出|建议|坦言|透露|告诉|谈到|提到|：|）)/;

function personNames(ctx: InjectContext): Map<string, number[]> {
  const { masked, lexicon } = ctx;
  const names = new Map<string, number[]>();
  const seen = new Set<string>();
  for (let i = 0; i < masked.length - 1; i++) {
    if (!SURNAMES.has(masked[i])) continue;
    for (const len of [3, 2]) {
      const name = masked.slice(i, i + len);
      if (seen.has(name) || !/^[\u3400-\u9fff]+$/.test(name)) continue;
      seen.add(name);
      if (lexicon.has(name, 20) || NOT_PERSON_END.test(name)) continue;
      const at = occurrences(masked, name);
      if (at.length < MIN_NAME_COUNT) continue;
      // 康报 inside 健康报: the character before glues onto the surname at every occurrence.
      if (at.every((p) => lexicon.has(masked.slice(p - 1, p + 1), 100))) continue;
      const evidence = at.some((p) => TITLE_BEFORE.test(masked.slice(Math.max(0, p - 5), p)) || VERB_AFTER.test(masked.slice(p + len, p + len + 2)));
      if (!evidence) continue;
      if (len === 3) {
        // 李冰表 (李冰 + 表示): the third character starts a common word at every occurrence.
        const glued = at.every((p) => lexicon.has(masked.slice(p + 2, p + 4), 500));
        if (glued) continue;
      }
      names.set(name, at);
    }
  }
  // 金涛 inside 李金涛, 王宏 inside 王宏志: keep only the longer name when it covers every occurrence.
  for (const [name, at] of names) {
    for (const [other, otherAt] of names) {
      if (other !== name && other.length > name.length && other.includes(name) && otherAt.length === at.length) names.delete(name);
    }
  }
  return names;
}

export const nameConsistencyInjector: Injector = {
  family: 'name-variant',
  rule: 'name-consistency',
  candidates(ctx) {
    const out: Injection[] = [];
    const { raw, masked, rng, learning } = ctx;
    const pool = hanPool(raw);
    const exists = (s: string) => raw.includes(s) || learning.some((doc) => doc.includes(s));
    const propose = (name: string, at: number[], kind: 'person' | 'organisation') => {
      for (const p of at.slice(1)) {
        const variant = kind === 'person' ? personVariant(name, pool, rng) : organisationVariant(name, pool, rng);
        if (!variant || exists(variant)) continue;
        out.push({
          family: this.family,
          rule: this.rule,
          start: p,
          end: p + name.length,
          replacement: variant,
          group: name,
          label: `${name} (${kind}, ${at.length}× in the document) → ${variant}`,
        });
      }
    };
    for (const [name, at] of personNames(ctx)) propose(name, at, 'person');
    const starts = new Set(ctx.tokens.map((t) => t.start));
    for (const [name] of repeatedNgrams([masked], 5, 14, MIN_NAME_COUNT)) {
      if (!ORGANISATION_SUFFIX.test(name)) continue;
      const first = segment(ctx.lexicon, name)[0];
      if (!ORGANISATION_START_POS.test(ctx.lexicon.pos(first.word) ?? '')) continue;
      const at = occurrences(masked, name).filter((p) => starts.has(p));
      if (at.length >= MIN_NAME_COUNT) propose(name, at, 'organisation');
    }
    return out;
  },
};

function personVariant(name: string, pool: readonly string[], rng: InjectContext['rng']): string | null {
  if (name.length === 3 && name[1] !== name[2] && rng.chance(0.5)) return name[0] + name[2] + name[1];
  const k = 1 + rng.int(name.length - 1);
  const ch = rng.pick(pool);
  return ch === name[k] ? null : name.slice(0, k) + ch + name.slice(k + 1);
}

function organisationVariant(name: string, pool: readonly string[], rng: InjectContext['rng']): string | null {
  const suffix = ORGANISATION_SUFFIX.exec(name)?.[0].length ?? 1;
  const span = name.length - suffix - 1;
  if (span < 1) return null;
  const k = 1 + rng.int(span);
  const ch = rng.pick(pool);
  if (ch === name[k] || ch === name[k - 1] || ch === name[k + 1]) return null;
  return name.slice(0, k) + ch + name.slice(k + 1);
}
