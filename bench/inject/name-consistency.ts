/**
 * Name variants for `name-consistency`: one later mention (never the first) of a
 * person or organisation name that the document writes exactly two or three times
 * is altered by one character, the way slips happen in a newsroom:
 * - two given-name characters swapped (王宏志 → 王志宏);
 * - one character replaced by one of the same pinyin (typed through an IME) or of a
 *   similar shape (misread), from pycorrector's confusion sets in ../shared/data;
 * - or replaced by a random Han character of the document.
 * Two families score the two counts apart: name-variant-2 (one right, one wrong: a
 * tie) and name-variant-3 (two right, one wrong).
 *
 * Person names are found without the product's finders: a common surname plus one or
 * two characters, not a dictionary word, seen at least once next to a title or a
 * speech verb (主任刘勇 / 王宏志表示). Organisation names are maximal repeated n-grams
 * that end in an organisation suffix and start at a word.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { segment } from '../../server/src/core';
import { REPO_ROOT } from '../lib/corpus';
import { hanPool, type InjectContext, type Injection, type Injector } from './types';
import { occurrences, ORGANISATION_SUFFIX, repeatedNgrams } from './ngrams';

const SURNAMES = new Set([
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝',
]);
const TITLE_BEFORE =
  /(记者|编辑|主任|局长|院长|司长|书记|处长|部长|厅长|委员|教授|专家|主席|会长|理事长|负责人|科长|所长|馆长|经理|总监|医生|医师|护士长|校长|市长|县长|省长|主持人|研究员|专员|通讯员|嘉宾|总理|总统|首相|大使|常委|代表|村民|农民|工人|院士|队长|站长|董事长|总书记|国家主席)$/;
/** A name does not end in an organisation character (卫健委 is not a person). */
const NOT_PERSON_END = /[委局院办部厅司处科室所站报网]$/;
/** Organisation names start with a place or a noun, never with a verb, preposition or numeral. */
const ORGANISATION_START_POS = /^(n|nr|ns|nt|nz|j|vn)$/;
const VERB_AFTER = /^(表示|介绍|说|指出|认为|强调|提出|建议|坦言|透露|告诉|谈到|提到|会见|会谈|主持|出席|：|）)/;

/** Characters of one pinyin (both tones) and of one shape, per character, from pycorrector's tables. */
interface Confusions {
  sound: Map<string, string[]>;
  shape: Map<string, string[]>;
}

let confusions: Confusions | undefined;
function loadConfusions(): Confusions {
  if (confusions) return confusions;
  const dir = path.resolve(REPO_ROOT, '..', 'shared', 'data', 'pycorrector');
  const sound = new Map<string, string[]>();
  const shape = new Map<string, string[]>();
  const read = (file: string) => (fs.existsSync(path.join(dir, file)) ? fs.readFileSync(path.join(dir, file), 'utf8').split('\n') : []);
  for (const line of read('same_pinyin.txt')) {
    if (line.startsWith('#')) continue;
    const [ch, same = '', other = ''] = line.split('\t');
    if (ch)
      sound.set(
        ch.trim(),
        [...(same + other)].filter((c) => /\p{Script=Han}/u.test(c)),
      );
  }
  for (const line of read('same_stroke.txt')) {
    const group = line.split(/\s+/).filter((c) => c.length === 1);
    for (const ch of group) shape.set(ch, [...(shape.get(ch) ?? []), ...group.filter((c) => c !== ch)]);
  }
  confusions = { sound, shape };
  return confusions;
}

type Kind = 'person' | 'organisation';

/** Function characters that never stand in a given name here. */
const FUNCTION_CHARS = new Set([...'的了在是和与及或等对把被将从向为于以而也都就还又这那其之个们着过得地不没有要会能说同并']);

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
      if (at.length < 2) continue;
      // 康报 inside 健康报: the character before glues onto the surname at every occurrence.
      if (at.every((p) => lexicon.has(masked.slice(p - 1, p + 1), 100))) continue;
      const evidence = at.some((p) => TITLE_BEFORE.test(masked.slice(Math.max(0, p - 5), p)) || VERB_AFTER.test(masked.slice(p + len, p + len + 2)));
      if (!evidence) continue;
      if (len === 3) {
        // 李冰表 (李冰 + 表示): the third character starts a common word at every occurrence.
        const glued = at.every((p) => lexicon.has(masked.slice(p + 2, p + 4), 500));
        if (glued || FUNCTION_CHARS.has(name[2])) continue;
      }
      // 关于党, 和机关: a function word or a common word across the surname and the given name.
      if (FUNCTION_CHARS.has(name[0]) || FUNCTION_CHARS.has(name[1]) || lexicon.has(name.slice(0, 2), 50) || lexicon.has(name.slice(1, 3), 500)) continue;
      // Part of a longer name (哈马斯, 马特凯恩): the same Han character always before or after it.
      const sameAround = (offset: number) => {
        const chars = new Set(at.map((p) => masked[offset < 0 ? p - 1 : p + len] ?? ''));
        const [only] = [...chars];
        return (
          chars.size === 1 &&
          /^[\u3400-\u9fff]$/.test(only) &&
          (offset < 0 ? !TITLE_BEFORE.test(masked.slice(Math.max(0, at[0] - 5), at[0])) : !VERB_AFTER.test(masked.slice(at[0] + len)))
        );
      };
      if (sameAround(-1) || sameAround(1)) continue;
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

function organisationNames(ctx: InjectContext): Map<string, number[]> {
  const names = new Map<string, number[]>();
  const starts = new Set(ctx.tokens.map((t) => t.start));
  for (const [name] of repeatedNgrams([ctx.masked], 5, 14, 2)) {
    if (!ORGANISATION_SUFFIX.test(name)) continue;
    const first = segment(ctx.lexicon, name)[0];
    if (!ORGANISATION_START_POS.test(ctx.lexicon.pos(first.word) ?? '')) continue;
    const at = occurrences(ctx.masked, name).filter((p) => starts.has(p));
    if (at.length >= 2) names.set(name, at);
  }
  return names;
}

function nameVariantInjector(mentions: 2 | 3): Injector {
  return {
    family: `name-variant-${mentions}`,
    rule: 'name-consistency',
    candidates(ctx) {
      const out: Injection[] = [];
      const { raw, rng, learning } = ctx;
      const pool = hanPool(raw);
      const exists = (s: string) => raw.includes(s) || learning.some((doc) => doc.includes(s));
      const propose = (name: string, at: number[], kind: Kind) => {
        // Exactly this many mentions in the whole document (a longer name containing it counts).
        if (occurrences(ctx.masked, name).length !== mentions) return;
        for (const p of at.slice(1)) {
          const variant = kind === 'person' ? personVariant(name, pool, rng) : organisationVariant(name, pool, rng);
          if (!variant || exists(variant.text)) continue;
          out.push({
            family: this.family,
            rule: this.rule,
            start: p,
            end: p + name.length,
            replacement: variant.text,
            // The other mentions are what the slip is judged against: no other family's defect may land on them.
            keep: at.filter((q) => q !== p).map((q): [number, number] => [q, q + name.length]),
            group: name,
            label: `${name} (${kind}, ${mentions}× in the document) → ${variant.text} (${variant.how})`,
          });
        }
      };
      for (const [name, at] of personNames(ctx)) propose(name, at, 'person');
      for (const [name, at] of organisationNames(ctx)) propose(name, at, 'organisation');
      return out;
    },
  };
}

export const nameVariant2Injector = nameVariantInjector(2);
export const nameVariant3Injector = nameVariantInjector(3);

interface Variant {
  text: string;
  how: 'swap' | 'sound' | 'shape' | 'random';
}

/** One character at `k` replaced: same pinyin, similar shape or random, as the dice say. */
function substitute(name: string, k: number, pool: readonly string[], rng: InjectContext['rng']): Variant | null {
  const { sound, shape } = loadConfusions();
  const roll = rng.int(3);
  const how = roll === 0 ? 'sound' : roll === 1 ? 'shape' : 'random';
  const choices = how === 'sound' ? sound.get(name[k]) : how === 'shape' ? shape.get(name[k]) : pool;
  if (!choices || choices.length === 0) return null;
  const ch = rng.pick(choices);
  if (ch === name[k] || ch === name[k - 1] || ch === name[k + 1]) return null;
  return { text: name.slice(0, k) + ch + name.slice(k + 1), how };
}

function personVariant(name: string, pool: readonly string[], rng: InjectContext['rng']): Variant | null {
  if (name.length === 3 && name[1] !== name[2] && rng.chance(0.25)) return { text: name[0] + name[2] + name[1], how: 'swap' };
  return substitute(name, 1 + rng.int(name.length - 1), pool, rng);
}

function organisationVariant(name: string, pool: readonly string[], rng: InjectContext['rng']): Variant | null {
  const suffix = ORGANISATION_SUFFIX.exec(name)?.[0].length ?? 1;
  const span = name.length - suffix - 1;
  if (span < 1) return null;
  return substitute(name, 1 + rng.int(span), pool, rng);
}
