/**
 * What the corpus writes, asked of every recurrent phrase of the model (eligible or
 * not): is a string part of one, does the corpus fill a phrase's slot in more than
 * one way, does it write a pair of characters as one unit, does it write the
 * characters around an edit. Phrases are found through an index of their character
 * pairs; the answers a draft asks again and again are remembered.
 */
import type { Lexicon } from '../../lexicon';
import { pairStandsTogether } from '../../analysis/lexical-break';
import { segment } from '../../segmenter';
import { keepsWritten, type NearMiss } from './near-miss';
import {
  ANCHOR,
  MEMO_LIMIT,
  MIN_AVOIDED_PAIR_EXPECTED,
  MIN_PAIR_ASSOCIATION,
  MIN_WRITTEN_SHARE,
  NAME_POS,
  PAIR_WEIGHT,
  UNSEEN_CHARACTER_COUNT,
  WRITTEN_CONTEXT,
} from './thresholds';
import { phraseAt, phraseTotal, type ArchivePairs, type PhraseColumns } from '../../model/sections/phrases';
import { HAN_CODES } from '../../analysis/han';
import { KeyTable } from './tables';

/** Names the layout of PairTables (see model/tables.ts): stored tables with another key are rebuilt. */
export const EVIDENCE_TABLES_KEY = 'fixed-phrase pairs 1';

/**
 * Phrases by the character pairs they hold: the pairs (first · 0x10000 + second) in
 * ascending order, and pair p's phrases ids[from[p], from[p + 1]), ascending.
 */
export interface PairTables {
  keys: Uint32Array;
  from: Int32Array;
  ids: Int32Array;
}

/** The pair index of the columns, in two passes over the phrases (count, then place). */
export function buildPairTables(columns: PhraseColumns): PairTables {
  const { text, starts } = columns;
  const total = phraseTotal(columns);
  const pairs = new KeyTable();
  const sizes: number[] = [];
  const keyOf: number[] = [];
  // A pair counts once per phrase: seen[pair] is the last phrase it was counted for, plus one.
  let seen = new Int32Array(1024);
  const each = (visit: (pair: number, id: number) => void) => {
    seen.fill(0);
    for (let id = 0; id < total; id++) {
      for (let i = starts[id]; i + 2 < starts[id + 1]; i++) {
        const a = text.charCodeAt(i);
        const b = text.charCodeAt(i + 1);
        let pair = pairs.get(a, b);
        if (pair < 0) {
          pair = sizes.length;
          pairs.set(a, b, pair);
          sizes.push(0);
          keyOf.push(a * 0x10000 + b);
          if (pair >= seen.length) {
            const grown = new Int32Array(seen.length * 2);
            grown.set(seen);
            seen = grown;
          }
        }
        if (seen[pair] === id + 1) continue;
        seen[pair] = id + 1;
        visit(pair, id);
      }
    }
  };
  each((pair) => sizes[pair]++);
  // Pairs in key order, so a lookup is a binary search.
  const keys = Uint32Array.from(keyOf).sort();
  const rankOf = new Map<number, number>();
  keys.forEach((key, rank) => rankOf.set(key, rank));
  const from = new Int32Array(keys.length + 1);
  for (let pair = 0; pair < sizes.length; pair++) from[rankOf.get(keyOf[pair])! + 1] = sizes[pair];
  for (let rank = 0; rank < keys.length; rank++) from[rank + 1] += from[rank];
  const ids = new Int32Array(from[keys.length]);
  const next = from.slice(0, keys.length);
  const rankOfPair = Int32Array.from(keyOf, (key) => rankOf.get(key)!);
  each((pair, id) => (ids[next[rankOfPair[pair]]++] = id));
  return { keys, from, ids };
}

/** The index of the pair a, b (key a·0x10000 + b) in sorted pair keys, or -1. */
function pairIndex(keys: Uint32Array, a: number, b: number): number {
  const key = a * 0x10000 + b;
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keys[mid] < key) lo = mid + 1;
    else hi = mid;
  }
  return lo < keys.length && keys[lo] === key ? lo : -1;
}

/** The number of a pair in the tables, or -1. */
function pairNumber(tables: PairTables, a: number, b: number): number {
  return pairIndex(tables.keys, a, b);
}

export class CorpusEvidence {
  private bigrams?: PairTables;
  private readonly recurrent = new Map<string, boolean>();
  private readonly varying = new Map<string, boolean>();
  private readonly attested = new Map<string, boolean>();
  private readonly attestedAlone = new Map<string, boolean>();
  private readonly unitWindows = new Map<string, boolean>();
  private readonly recurrentCounts = new Map<string, number>();
  /** The corpus's own two-character units (PhrasesSection.units), as pair keys; built on the first question. */
  private unitKeys?: Set<number>;
  /** How often the archive writes each character first and second in a stored pair, and all stored pairs: PMI's marginals. */
  private firstCounts?: Uint32Array;
  private secondCounts?: Uint32Array;
  private pairTotal = 0;
  /** How often the archive writes a name character (see nameSlotAssociation) after, and before, each character, and in all. */
  private namesAfter?: Uint32Array;
  private namesBefore?: Uint32Array;
  private namesAfterTotal = 0;
  private namesBeforeTotal = 0;

  constructor(
    private readonly columns: PhraseColumns,
    private readonly lexicon: Lexicon,
    stored?: PairTables,
    private readonly units = '',
    private readonly pairs?: ArchivePairs,
  ) {
    this.bigrams = stored;
  }

  /**
   * True when every pair of characters the edit makes (the written character with each Han
   * neighbour; for a drop, the new junction) is one the archive writes as readily as chance
   * would put the two side by side (see MIN_PAIR_ASSOCIATION): the variant reads as the
   * archive's own writing (本届大会 beside 本次大会), not as a slip, which
   * pairs a character with neighbours the archive never gives it. A model without the
   * archive's pairs (learned before they were kept) knows nothing here.
   */
  writesEditPairs(text: string, m: NearMiss): boolean {
    if (!this.pairs || this.pairs.keys.length === 0) return false;
    // The pair ending at the written character (or at the junction of a drop) and, unless a drop, the one starting there.
    const lastAt = m.kind === 'drop' ? m.textAt - 1 : m.textAt;
    let seen = 0;
    for (let at = m.textAt - 1; at <= lastAt; at++) {
      if (at < 0 || at + 1 >= text.length || HAN_CODES[text.charCodeAt(at)] !== 1 || HAN_CODES[text.charCodeAt(at + 1)] !== 1) continue;
      if (this.pairAssociation(text.charCodeAt(at), text.charCodeAt(at + 1)) < MIN_PAIR_ASSOCIATION) return false;
      seen++;
    }
    return seen > 0;
  }

  /**
   * True when every pair of characters the edit makes (as in writesEditPairs) is one the archive
   * never keeps (written fewer than PAIR_MIN_COUNT times), while every pair the phrase makes in
   * its place is one it keeps: the written character is a stranger to both its neighbours where
   * the phrase's own character is at home (工作取得的成绩间予肯定, 间予 and 绩间 never written,
   * 给予 and 绩给 written). False when the model keeps no archive pairs.
   */
  strangerAtEdit(text: string, m: NearMiss): boolean {
    if (!this.pairs || this.pairs.keys.length === 0) return false;
    const isHanAt = (s: string, at: number) => at >= 0 && at < s.length && HAN_CODES[s.charCodeAt(at)] === 1;
    const kept = (s: string, at: number) => pairIndex(this.pairs!.keys, s.charCodeAt(at), s.charCodeAt(at + 1)) >= 0;
    const lastAt = m.kind === 'drop' ? m.textAt - 1 : m.textAt;
    let pairs = 0;
    for (let at = m.textAt - 1; at <= lastAt; at++) {
      if (!isHanAt(text, at) || !isHanAt(text, at + 1)) continue;
      if (kept(text, at)) return false;
      pairs++;
    }
    if (pairs === 0) return false;
    // The phrase written in: the pairs its character makes (for an added one, the junction it broke).
    const phrase = text.slice(0, m.start) + m.target + text.slice(m.end);
    const at = m.start + m.targetAt;
    const [from, to] = m.kind === 'add' ? [at - 1, at - 1] : [at - 1, at];
    for (let p = from; p <= to; p++) if (isHanAt(phrase, p) && isHanAt(phrase, p + 1) && !kept(phrase, p)) return false;
    return true;
  }

  /** True when the model keeps the archive's character pairs (learned from 500,000 characters up). */
  get knowsPairs(): boolean {
    return !!this.pairs && this.pairs.keys.length > 0;
  }

  /**
   * The archive's association (nats) of the pair text[at], text[at + 1] (see pairAssociation),
   * or undefined when the model keeps no pairs or the two are not Han characters.
   */
  associationAt(text: string, at: number): number | undefined {
    if (!this.pairs || this.pairs.keys.length === 0 || at < 0 || at + 1 >= text.length) return undefined;
    if (HAN_CODES[text.charCodeAt(at)] !== 1 || HAN_CODES[text.charCodeAt(at + 1)] !== 1) return undefined;
    return this.pairAssociation(text.charCodeAt(at), text.charCodeAt(at + 1));
  }

  /**
   * True when text[at], text[at + 1] are Han characters that make no word of the lexicon and a pair the
   * archive never keeps (writes once at most). False when the model keeps no pairs.
   */
  neverPairs(text: string, at: number): boolean {
    return this.associationAt(text, at) === -Infinity && this.lexicon.freq(text.slice(at, at + 2)) === 0;
  }

  /**
   * True when the archive never pairs text[at], text[at + 1] (neverPairs) though chance would put them side
   * by side MIN_AVOIDED_PAIR_EXPECTED times: two characters it writes often and keeps apart (精经), not a
   * rare one it has barely met (堰), whose pairs are unseen whatever they spell. `expected` asks more of
   * chance; a word of the lexicon rarer than `wordFreq` counts as no word (the default: none does).
   */
  avoidsPair(text: string, at: number, expected = MIN_AVOIDED_PAIR_EXPECTED, wordFreq = 1): boolean {
    return (
      this.associationAt(text, at) === -Infinity && this.lexicon.freq(text.slice(at, at + 2)) < wordFreq && (this.expectedPairCount(text, at) ?? 0) >= expected
    );
  }

  /**
   * How often chance would put text[at] and text[at + 1] side by side in the archive: the product of
   * how often it writes the first character first in a pair and the second second, over all its pairs
   * (pairAssociation's denominator). Undefined when the model keeps no pairs or the two are not Han.
   */
  private expectedPairCount(text: string, at: number): number | undefined {
    if (!this.pairs || this.pairs.keys.length === 0 || at < 0 || at + 1 >= text.length) return undefined;
    if (HAN_CODES[text.charCodeAt(at)] !== 1 || HAN_CODES[text.charCodeAt(at + 1)] !== 1) return undefined;
    this.marginals();
    return (this.firstCounts![text.charCodeAt(at)] * this.secondCounts![text.charCodeAt(at + 1)]) / this.pairTotal;
  }

  /**
   * How much harder (nats) the archive's character model reads the text with the near-miss than
   * with the phrase written in, one character of Han context either side, or undefined when the
   * model keeps no archive pairs. Each character is predicted from the one before it, the pair's
   * share of what the archive writes after that character blended with the character's own share
   * (see archiveCharacterCost): a slip pairs characters the archive never puts together, where a
   * reading the archive finds ordinary (a shortened form: 业量质 for 业务量质) costs no more.
   */
  archiveCostRise(text: string, m: NearMiss): number | undefined {
    if (!this.pairs || this.pairs.keys.length === 0) return undefined;
    let from = m.start;
    if (from > 0 && HAN_CODES[text.charCodeAt(from - 1)] === 1) from--;
    let to = m.end;
    if (to < text.length && HAN_CODES[text.charCodeAt(to)] === 1) to++;
    const before = text.slice(from, m.start);
    const after = text.slice(m.end, to);
    return this.archiveCharacterCost(before + text.slice(m.start, m.end) + after) - this.archiveCharacterCost(before + m.target + after);
  }

  /** The archive's interpolated character-bigram cost (nats) of a string's Han pairs. */
  archiveCharacterCost(s: string): number {
    this.marginals();
    const pairs = this.pairs!;
    let cost = 0;
    for (let i = 0; i + 1 < s.length; i++) {
      const a = s.charCodeAt(i);
      const b = s.charCodeAt(i + 1);
      if (HAN_CODES[a] !== 1 || HAN_CODES[b] !== 1) continue;
      const index = pairIndex(pairs.keys, a, b);
      const followed = this.firstCounts![a];
      const conditional = index >= 0 && followed > 0 ? pairs.counts[index] / followed : 0;
      const alone = Math.max(this.secondCounts![b], UNSEEN_CHARACTER_COUNT) / this.pairTotal;
      cost -= Math.log(PAIR_WEIGHT * conditional + (1 - PAIR_WEIGHT) * alone);
    }
    return cost;
  }

  /**
   * The pair's pointwise association in the archive (nats): its count against what its
   * characters' counts predict side by side; −Infinity for a pair the archive does not keep.
   */
  private pairAssociation(a: number, b: number): number {
    const pairs = this.pairs!;
    const keys = pairs.keys;
    const index = pairIndex(keys, a, b);
    if (index < 0) return -Infinity;
    this.marginals();
    return Math.log((pairs.counts[index] * this.pairTotal) / (this.firstCounts![a] * this.secondCounts![b]));
  }

  /**
   * How much more readily (nats) the archive writes a name or place character (NAME_POS) standing
   * alone after the character `code` (before it, unless `after`) than after (before) any character:
   * a slot that takes a place's abbreviation (援 before 巴, 朝: 援巴, 援朝) takes another place,
   * though the archive never wrote that one there. A pair the lexicon lists (美元, 华人) is a word, not a
   * name standing alone. Undefined when the model keeps no pairs or never writes the character so.
   */
  nameSlotAssociation(code: number, after: boolean): number | undefined {
    if (!this.pairs || this.pairs.keys.length === 0) return undefined;
    this.nameMarginals();
    const beside = after ? this.firstCounts![code] : this.secondCounts![code];
    if (beside === 0) return undefined;
    const names = after ? this.namesAfter![code] : this.namesBefore![code];
    const total = after ? this.namesAfterTotal : this.namesBeforeTotal;
    return Math.log((names * this.pairTotal) / (beside * Math.max(1, total)));
  }

  /** Counts the archive's pairs that write a name character alone on either side, on the first question. */
  private nameMarginals(): void {
    if (this.namesAfter) return;
    this.marginals();
    const pairs = this.pairs!;
    this.namesAfter = new Uint32Array(0x10000);
    this.namesBefore = new Uint32Array(0x10000);
    // 1 a name character, 2 not, 0 not yet asked.
    const nameChar = new Uint8Array(0x10000);
    const isName = (code: number) => (nameChar[code] ||= NAME_POS.test(this.lexicon.pos(String.fromCharCode(code)) ?? '') ? 1 : 2) === 1;
    for (let i = 0; i < pairs.keys.length; i++) {
      const a = Math.floor(pairs.keys[i] / 0x10000);
      const b = pairs.keys[i] % 0x10000;
      const nameAfter = isName(b);
      const nameBefore = isName(a);
      if ((!nameAfter && !nameBefore) || this.lexicon.freq(String.fromCharCode(a, b)) > 0) continue;
      if (nameAfter) {
        this.namesAfter[a] += pairs.counts[i];
        this.namesAfterTotal += pairs.counts[i];
      }
      if (nameBefore) {
        this.namesBefore[b] += pairs.counts[i];
        this.namesBeforeTotal += pairs.counts[i];
      }
    }
  }

  /** How often the archive writes each character first and second in a stored pair, counted on the first question. */
  private marginals(): void {
    const pairs = this.pairs!;
    const keys = pairs.keys;
    if (!this.firstCounts) {
      this.firstCounts = new Uint32Array(0x10000);
      this.secondCounts = new Uint32Array(0x10000);
      for (let i = 0; i < keys.length; i++) {
        this.firstCounts[Math.floor(keys[i] / 0x10000)] += pairs.counts[i];
        this.secondCounts[keys[i] % 0x10000] += pairs.counts[i];
        this.pairTotal += pairs.counts[i];
      }
    }
  }

  /**
   * True when text[at] and text[at + 1] are one of the corpus's own units (a pair the lexicon
   * lacks that the archive writes again and again: 推普, 中秘) and read together here: no
   * dictionary word of the text holds one of them without the other.
   */
  writesUnitAt(text: string, at: number): boolean {
    if (at < 0 || at + 2 > text.length || this.units.length === 0) return false;
    if (!this.unitKeys) {
      this.unitKeys = new Set();
      for (let i = 0; i + 1 < this.units.length; i += 2) this.unitKeys.add(this.units.charCodeAt(i) * 0x10000 + this.units.charCodeAt(i + 1));
    }
    return this.unitKeys.has(text.charCodeAt(at) * 0x10000 + text.charCodeAt(at + 1)) && pairStandsTogether(this.lexicon, text, at);
  }

  /** True when the string is itself a recurrent phrase (or part of one) in the model. */
  isRecurrent(s: string): boolean {
    let yes = this.recurrent.get(s);
    if (yes === undefined) {
      const index = this.bigramIndex();
      let rarest = -1;
      for (let i = 0; i + 2 <= s.length; i++) {
        const pair = pairNumber(index, s.charCodeAt(i), s.charCodeAt(i + 1));
        if (pair < 0) {
          rarest = -2;
          break;
        }
        if (rarest < 0 || index.from[pair + 1] - index.from[pair] < index.from[rarest + 1] - index.from[rarest]) rarest = pair;
      }
      yes = false;
      if (rarest >= 0) {
        for (let k = index.from[rarest]; k < index.from[rarest + 1] && !yes; k++) yes = phraseAt(this.columns, index.ids[k]).includes(s);
      }
      remember(this.recurrent, s, yes);
    }
    return yes;
  }

  /** True when some recurrent phrase of the model writes this pair of characters as one unit. */
  attestsPair(pair: string): boolean {
    let yes = this.attested.get(pair);
    if (yes === undefined) {
      yes = this.phrasesWith(pair).some((phrase) => {
        for (let i = phrase.indexOf(pair); i >= 0; i = phrase.indexOf(pair, i + 1)) if (pairStandsTogether(this.lexicon, phrase, i)) return true;
        return false;
      });
      remember(this.attested, pair, yes);
    }
    return yes;
  }

  /**
   * True when some recurrent phrase of the model writes this pair as a word of its own: standing
   * together (see attestsPair) and not only inside a longer word of the lexicon (新天 written only in
   * 新天地 is no word 新天 the lexicon lacks, where 慢病 in 重大慢病筛查 is).
   */
  attestsPairAlone(pair: string): boolean {
    let yes = this.attestedAlone.get(pair);
    if (yes === undefined) {
      yes = this.phrasesWith(pair).some((phrase) => {
        let tokens: ReturnType<typeof segment> | undefined;
        for (let i = phrase.indexOf(pair); i >= 0; i = phrase.indexOf(pair, i + 1)) {
          if (!pairStandsTogether(this.lexicon, phrase, i)) continue;
          tokens ??= segment(this.lexicon, phrase);
          if (!tokens.some((t) => t.start <= i && i + 2 <= t.end && t.end - t.start > 2)) return true;
        }
        return false;
      });
      remember(this.attestedAlone, pair, yes);
    }
    return yes;
  }

  /**
   * True when the corpus fills the target's slot `at` with more than one character in the same
   * local context: `context` characters either side (two, ANCHOR, unless told).
   */
  slotVaries(target: string, at: number, context = ANCHOR): boolean {
    const key = `${target}${at}/${context}`;
    let yes = this.varying.get(key);
    if (yes === undefined) {
      yes = this.fillsSlotOtherwise(target, at, context);
      remember(this.varying, key, yes);
    }
    return yes;
  }

  /**
   * True when a run of WRITTEN_CONTEXT characters of the variant that holds the
   * written character (or, for a drop, the new junction) is part of a recurrent
   * phrase: the corpus writes it so (打好…攻坚战 beside 打赢, 副主任委员 beside 主任委员),
   * and a variant the corpus itself uses is usage, not a slip.
   *
   * `word` ([from, to) of the text) is the word of the phrase the written character stands in,
   * when it is one of two characters or more: then only a run that also holds another character
   * of that word counts. A character written in a word is a word meant only if the corpus writes
   * it with the rest of that word (中国代表 beside 中方代表); a run on the word's other side shows
   * it beside the neighbouring word, where a slip may fall by chance (联合国海|理会 beside 联合国海洋).
   *
   * A run is evidence only in proportion to the phrase: one the archive writes a small share of
   * the times it writes the phrase (MIN_WRITTEN_SHARE) shows the variant's words as usage only
   * where the archive's phrase writes a pair the edit makes in the run as one unit (see
   * pairStandsTogether). Three characters a house writing the phrase hundreds of times writes a
   * handful of times across the seam of two other words (集中|入企 beside 中小企业, 加强|建设 beside
   * 强国建设) are chance, not the variant's usage.
   *
   * `explained`, another reading of the same text: a run it reads as its own phrase written right is
   * no evidence (the archive writes it because it writes that phrase), only one that holds its edit too.
   */
  writesAround(text: string, m: NearMiss, word?: readonly [number, number], explained?: NearMiss): boolean {
    const last = m.kind === 'drop' ? m.textAt - 1 : m.textAt;
    for (let i = Math.max(m.start, m.textAt - WRITTEN_CONTEXT + 1); i <= last && i + WRITTEN_CONTEXT <= m.end; i++) {
      if (word && !holdsOtherOf(i, i + WRITTEN_CONTEXT, m.textAt, word)) continue;
      if (explained && keepsWritten(explained, i, i + WRITTEN_CONTEXT)) continue;
      const window = text.slice(i, i + WRITTEN_CONTEXT);
      // A window the phrase itself contains (the written character repeats one a little further on) is no evidence.
      if (m.target.includes(window)) continue;
      const count = this.recurrentCount(window);
      if (count === 0) continue;
      if (count >= MIN_WRITTEN_SHARE * m.entry.count) return true;
      // The pairs the edit makes inside the run (inside `word` when given), by offset in the run:
      // the written character with each neighbour, or the junction of a drop.
      const offsets: number[] = [];
      for (let at = Math.max(i, m.textAt - 1); at <= last && at + 2 <= i + WRITTEN_CONTEXT; at++) {
        if (!word || (word[0] <= at && at + 1 < word[1])) offsets.push(at - i);
      }
      if (offsets.length > 0 && this.writesAsUnit(window, offsets)) return true;
    }
    return false;
  }

  /** How often the commonest recurrent phrase holding `s` is written; 0 when none holds it. */
  recurrentCount(s: string): number {
    let count = this.recurrentCounts.get(s);
    if (count === undefined) {
      count = 0;
      if (this.isRecurrent(s)) {
        for (const id of this.phraseIdsWith(s.slice(0, 2))) {
          if (this.columns.counts[id] > count && phraseAt(this.columns, id).includes(s)) count = this.columns.counts[id];
        }
      }
      if (this.recurrentCounts.size >= MEMO_LIMIT) this.recurrentCounts.clear();
      this.recurrentCounts.set(s, count);
    }
    return count;
  }

  /**
   * True when some recurrent phrase of the model writes `window` with one of its pairs at `offsets`
   * standing together (see pairStandsTogether): a unit of the phrase, not the seam of two words.
   */
  private writesAsUnit(window: string, offsets: readonly number[]): boolean {
    const key = `${window}/${offsets.join(',')}`;
    let yes = this.unitWindows.get(key);
    if (yes === undefined) {
      yes = this.phrasesWith(window.slice(0, 2)).some((phrase) => {
        for (let k = phrase.indexOf(window); k >= 0; k = phrase.indexOf(window, k + 1)) {
          if (offsets.some((offset) => pairStandsTogether(this.lexicon, phrase, k + offset))) return true;
        }
        return false;
      });
      remember(this.unitWindows, key, yes);
    }
    return yes;
  }

  /**
   * The characters other than the target's own the corpus writes in slot `at` between the same
   * neighbours (see slotVaries), each with the count of the commonest recurrent phrase that writes it so.
   */
  slotFillers(target: string, at: number, context = ANCHOR): Map<string, number> {
    const fillers = new Map<string, number>();
    this.fillsSlotOtherwise(target, at, context, fillers);
    return fillers;
  }

  private fillsSlotOtherwise(target: string, at: number, context: number, fillers?: Map<string, number>): boolean {
    const left = target.slice(Math.max(0, at - context), at);
    const right = target.slice(at + 1, at + 1 + context);
    // Phrases are indexed by character pairs: look up by the pair beside the slot on whichever side has two (中_建交 by 建交).
    const byLeft = left.length >= 2 || right.length < 2;
    const key = byLeft ? left.slice(-2) : right.slice(0, 2);
    if (key.length < 2) return false;
    for (const id of this.phraseIdsWith(key)) {
      const phrase = phraseAt(this.columns, id);
      for (let i = phrase.indexOf(key); i >= 0; i = phrase.indexOf(key, i + 1)) {
        const slot = byLeft ? i + 2 : i - 1;
        if (slot < left.length || slot >= phrase.length || phrase[slot] === target[at]) continue;
        if (!phrase.startsWith(left, slot - left.length) || !phrase.startsWith(right, slot + 1)) continue;
        if (!fillers) return true;
        fillers.set(phrase[slot], Math.max(fillers.get(phrase[slot]) ?? 0, this.columns.counts[id]));
      }
    }
    return fillers !== undefined && fillers.size > 0;
  }

  private phraseIdsWith(bigram: string): number[] {
    const index = this.bigramIndex();
    const pair = bigram.length === 2 ? pairNumber(index, bigram.charCodeAt(0), bigram.charCodeAt(1)) : -1;
    const ids: number[] = [];
    if (pair >= 0) for (let k = index.from[pair]; k < index.from[pair + 1]; k++) ids.push(index.ids[k]);
    return ids;
  }

  private phrasesWith(bigram: string): string[] {
    const index = this.bigramIndex();
    const pair = bigram.length === 2 ? pairNumber(index, bigram.charCodeAt(0), bigram.charCodeAt(1)) : -1;
    const phrases: string[] = [];
    if (pair >= 0) for (let k = index.from[pair]; k < index.from[pair + 1]; k++) phrases.push(phraseAt(this.columns, index.ids[k]));
    return phrases;
  }

  /** Built on the first question, unless the model file brought it. */
  private bigramIndex(): PairTables {
    this.bigrams ??= buildPairTables(this.columns);
    return this.bigrams;
  }
}

/** True when the run [from, to) holds a character of the word [word[0], word[1]) other than the one at `at`. */
function holdsOtherOf(from: number, to: number, at: number, word: readonly [number, number]): boolean {
  for (let k = Math.max(from, word[0]); k < Math.min(to, word[1]); k++) if (k !== at) return true;
  return false;
}

/** Remembers an answer, starting afresh once the memo is full. */
function remember(memo: Map<string, boolean>, key: string, yes: boolean): void {
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(key, yes);
}
