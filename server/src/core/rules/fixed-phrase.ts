/**
 * fixed-phrase: a near-miss of a long phrase the corpus writes consistently (or a
 * curated 规范提法): one character substituted, dropped or added inside it, e.g.
 * 高质亮发展 where the corpus writes 高质量发展 throughout.
 *
 * What it deliberately ignores:
 * - edits at a phrase's first two or last two characters: a different word at a
 *   phrase boundary is usually a different phrase (省卫生健康委 / 市卫生健康委);
 * - a changed numeral (二十大 / 十九大, 第一 / 第二): a different fact, not a typo;
 * - contrastive slots (省/市/县, 上/下, 大/小…) and slots the corpus itself fills in
 *   more than one way (推进健康中国建设 / 推进美丽中国建设);
 * - a variant the corpus itself repeats or the lexicon knows as a word: both forms
 *   are then established (国家卫生健康委 / 国家卫健委);
 * - a doubled character (强基基工程): duplicate-word reports it.
 *
 * Speed: phrases sit in a character trie; each text position walks the trie
 * exactly and tries one edit per depth through "skip" edges (node → grandchild by
 * the grandchild's character), so the cost per position is a handful of lookups.
 */
import type { Rule, RuleContext } from '../types';
import type { Lexicon } from '../lexicon';
import {
  CORPUS_SOURCE,
  ROSTER_SOURCE,
  isHan,
  type PhraseEntry,
  type PhrasesSection,
} from '../model/sections/phrases';
import { isContrastivePair, isNumeralChar } from '../model/sections/names';
import { segment } from '../segmenter';

/** Phrases shorter than this are too easy to resemble by accident. */
const MIN_TARGET_LENGTH = 5;
/** Exact characters required on each side of the edit. */
const ANCHOR = 2;
/** A learned phrase needs this many occurrences (or two in different documents). */
const MIN_COUNT = 3;
/** Lexicon frequency above which the variant is a word of the language in its own right. */
const WORD_FREQ = 50;

export const fixedPhrase: Rule = {
  meta: {
    id: 'fixed-phrase',
    category: 'consistency',
    defaultSeverity: 'warning',
    fixable: true,
    scope: 'paragraph',
    docs: {
      summary: '固定提法有误：与语料中反复出现的提法仅差一字',
      gloss: 'A near-miss of a fixed phrase the corpus writes consistently (one character substituted, dropped or added)',
      why:
        '规范提法和机构名称错一个字，拼写检查器发现不了，因为每个字都是正确的字；但政治性提法和正式名称出错，是新闻出版的重大差错。本规则以语料中反复出现的长提法（以及收录的规范提法）为准，报告只差一字的写法。',
      example: { bad: '推进紧密型县域医供体建设', good: '推进紧密型县域医共体建设' },
      reference: '《图书编校质量差错认定细则》：政治性差错、知识性差错',
    },
  },
  checkParagraph(ctx, paragraph) {
    const index = phraseIndex(ctx.model.phrases);
    if (index.nodeCount <= 1) return;
    const text = paragraph.text;
    let lastEnd = -1;
    for (let i = 0; i + MIN_TARGET_LENGTH - 1 <= text.length; i++) {
      const code = text.charCodeAt(i);
      if (!isHan(code) || FUNCTION_CODES[code] || !index.startsTarget(code)) continue;
      const match = index.bestNearMiss(text, i);
      if (!match || i < lastEnd) continue;
      if (!acceptable(ctx, index, text, match)) continue;
      lastEnd = match.end;
      report(ctx, paragraph.start, text, match);
    }
  },
};

interface NearMiss {
  start: number;
  end: number;
  /** The phrase (or recurrent prefix of one) the text misses by one edit. */
  target: string;
  entry: PhraseEntry;
  kind: 'substitute' | 'drop' | 'add';
  /** Offset of the edit in the text, and in the target. */
  textAt: number;
  targetAt: number;
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

function acceptable(ctx: RuleContext, index: PhraseIndex, text: string, m: NearMiss): boolean {
  const variant = text.slice(m.start, m.end);
  if (ctx.isAllowed(variant)) return false;
  const targetChar = m.kind === 'add' ? '' : m.target[m.targetAt];
  const textChar = m.kind === 'drop' ? '' : text[m.textAt];
  if (isNumeralChar(targetChar) || isNumeralChar(textChar)) return false;
  if (ADMIN_CHARS.has(targetChar) || ADMIN_CHARS.has(textChar)) return false;
  if (m.kind === 'substitute' && isContrastivePair(targetChar, textChar)) return false;
  if (m.kind === 'add' && (text[m.textAt - 1] === textChar || text[m.textAt + 1] === textChar)) return false;
  const curated = m.entry.source !== CORPUS_SOURCE;
  const length = m.target.length;
  if (FUNCTION_CHARS.has(targetChar) || FUNCTION_CHARS.has(textChar)) {
    const enough = curated ? length >= MIN_LENGTH_FUNCTION_CURATED : m.kind === 'substitute' && length >= MIN_LENGTH_FUNCTION_SUBSTITUTION;
    if (!enough) return false;
  } else {
    const fluent = readsFluently(ctx.lexicon, text, m);
    const inside = editInsideWord(ctx.lexicon, m);
    let needed: number;
    if (!fluent && inside) needed = curated ? MIN_LENGTH_STRONG_CURATED : MIN_LENGTH_STRONG;
    else if (!fluent && m.kind === 'substitute') needed = curated ? MIN_LENGTH_WEAK_CURATED : MIN_LENGTH_SLOT;
    else needed = curated ? MIN_LENGTH_WEAK_CURATED : MIN_LENGTH_WEAK;
    if (length < needed) return false;
  }
  if (index.isRecurrent(variant)) return false;
  if (ctx.lexicon.freq(variant) >= WORD_FREQ) return false;
  if (m.kind === 'substitute' && index.slotVaries(m.target, m.targetAt)) return false;
  return true;
}

/**
 * True when the edit falls inside a word of the target (中西医|结合 losing its 医), not
 * between words. A run of single characters the lexicon cannot segment (强/基 in
 * 医疗卫生强基工程) is an unknown word, and counts as one.
 */
function editInsideWord(lexicon: Lexicon, m: NearMiss): boolean {
  const k = m.targetAt;
  const tokens = segment(lexicon, m.target);
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
  const edit =
    m.kind === 'substitute'
      ? { offset: base + m.textAt, length: 1, newText: m.target[m.targetAt] }
      : m.kind === 'drop'
        ? { offset: base + m.textAt, length: 0, newText: m.target[m.targetAt] }
        : { offset: base + m.textAt, length: 1, newText: '' };
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

function describeEdit(m: NearMiss, text: string): string {
  if (m.kind === 'substitute') return `“${m.target[m.targetAt]}”写成了“${text[m.textAt]}”`;
  if (m.kind === 'drop') return `少了“${m.target[m.targetAt]}”`;
  return `多了“${text[m.textAt]}”`;
}

function eligible(entry: PhraseEntry): boolean {
  if (entry.phrase.length < MIN_TARGET_LENGTH) return false;
  if (entry.source !== CORPUS_SOURCE) return true;
  return entry.count >= MIN_COUNT || (entry.count >= 2 && (entry.docs ?? 1) >= 2);
}

const EDGE = 0x10000;

/**
 * A character trie over the eligible phrases. Every node of depth ≥ 5 is a target:
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
  private readonly entries: PhraseEntry[];
  /** Every recurrent phrase, eligible or not, for the "is the variant itself recurrent" test. */
  private readonly all: string[];
  private bigrams?: Map<string, number[]>;

  constructor(section: PhrasesSection) {
    this.entries = section.phrases.filter(eligible);
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
          this.edges.set(node * EDGE + code, child);
          const grand = this.parent[node];
          if (grand >= 0 && this.depth[grand] >= ANCHOR) {
            const key = grand * EDGE + code;
            const list = this.skips.get(key);
            if (list) list.push(child);
            else this.skips.set(key, [child]);
          }
        } else if (this.rank(id) > this.rank(this.best[child])) this.best[child] = id;
        node = child;
      }
    });
  }

  /** True when some target starts with this character (the root has a child for it). */
  startsTarget(code: number): boolean {
    return this.edges.has(code);
  }

  get nodeCount(): number {
    return this.parent.length;
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
      if (d >= ANCHOR && p < text.length && isHan(text.charCodeAt(p))) {
        const here = text.charCodeAt(p);
        const after = p + 1 < text.length ? text.charCodeAt(p + 1) : -1;
        const afterIsHan = after >= 0 && isHan(after);
        // Substitution: target char x ≠ here, then `after` continues.
        const substitutes = afterIsHan ? this.skips.get(node * EDGE + after) : undefined;
        if (substitutes) {
          for (const g of substitutes) {
            if (this.char[this.parent[g]] === here || !this.extend(text, g, p + 2)) continue;
            if (this.depth[this.reached] > (bestNode < 0 ? 0 : this.depth[bestNode])) {
              bestNode = this.reached;
              bestEnd = this.reachedEnd;
              bestKind = 'substitute';
              bestTextAt = p;
              bestTargetAt = d;
            }
          }
        }
        // Dropped character: the target has x here, the text goes straight on.
        const drops = this.skips.get(node * EDGE + here);
        if (drops) {
          for (const g of drops) {
            if (!this.extend(text, g, p + 1)) continue;
            if (this.depth[this.reached] > (bestNode < 0 ? 0 : this.depth[bestNode])) {
              bestNode = this.reached;
              bestEnd = this.reachedEnd;
              bestKind = 'drop';
              bestTextAt = p;
              bestTargetAt = d;
            }
          }
        }
        // Added character: the text has an extra `here`.
        if (afterIsHan) {
          const child = this.edges.get(node * EDGE + after);
          if (child !== undefined && this.char[child] !== here && this.extend(text, child, p + 2)) {
            if (this.depth[this.reached] > (bestNode < 0 ? 0 : this.depth[bestNode])) {
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
      const next = this.edges.get(node * EDGE + text.charCodeAt(p));
      if (next === undefined) break;
      node = next;
    }
    if (bestNode < 0) return undefined;
    return { start, end: bestEnd, target: this.pathOf(bestNode), entry: this.entries[this.best[bestNode]], kind: bestKind, textAt: bestTextAt, targetAt: bestTargetAt };
  }

  /** Set by extend(): the deepest target reached and where it ends in the text. */
  private reached = -1;
  private reachedEnd = 0;

  /**
   * Walks exactly from `node` (one character already matched after the edit) and
   * records the deepest target of at least MIN_TARGET_LENGTH with ≥ ANCHOR characters
   * matched after the edit. Returns false when there is none.
   */
  private extend(text: string, node: number, p: number): boolean {
    let matched = 1;
    this.reached = -1;
    for (;;) {
      // A target never ends on a function character (…事业和): the phrase proper ends before it.
      if (matched >= ANCHOR && this.depth[node] >= MIN_TARGET_LENGTH && !FUNCTION_CODES[text.charCodeAt(p - 1)]) {
        this.reached = node;
        this.reachedEnd = p;
      }
      if (p >= text.length) break;
      const next = this.edges.get(node * EDGE + text.charCodeAt(p));
      if (next === undefined) break;
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

  /** True when the string is itself a recurrent phrase (or part of one) in the model. */
  isRecurrent(s: string): boolean {
    let rarest: number[] | undefined;
    for (let i = 0; i + 2 <= s.length; i++) {
      const list = this.bigramIndex().get(s.slice(i, i + 2));
      if (!list) return false;
      if (!rarest || list.length < rarest.length) rarest = list;
    }
    return (rarest ?? []).some((id) => this.all[id].includes(s));
  }

  /**
   * True when the corpus fills the target's slot `at` with more than one
   * character in the same local context (two characters either side).
   */
  slotVaries(target: string, at: number): boolean {
    const left = target.slice(Math.max(0, at - ANCHOR), at);
    const right = target.slice(at + 1, at + 1 + ANCHOR);
    for (const phrase of this.phrasesWith(left)) {
      for (let i = phrase.indexOf(left); i >= 0; i = phrase.indexOf(left, i + 1)) {
        const slot = i + left.length;
        if (slot < phrase.length && phrase[slot] !== target[at] && phrase.startsWith(right, slot + 1)) return true;
      }
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
