/**
 * A phrase's first or last character written otherwise (交通运输部 → 电通运输部): the rest of the
 * phrase is written exactly, so nothing of the phrase is broken and the written character alone
 * can show the slip. It does when it stands alone, making no word with either neighbour. When it
 * makes one — a word of the lexicon (明年 for 全年 before 经济目标, 下一步 for 进一步; 推进 running into 高标准农田),
 * a pairing the archive writes readily, or a compound with the word before it as a noun head does
 * (医疗类 before 事业单位) — the text is writing another word there and only happens to sit
 * beside most of a phrase. An edit at an edge is weaker evidence than one inside, so a single
 * such pairing is enough to hold it back (an edit inside must make every pairing readily).
 */
import type { Lexicon } from '../../lexicon';
import { HAN_CODES } from '../../analysis/han';
import type { NearMiss } from './near-miss';
import type { PhraseIndex } from './phrase-index';
import { EDGE_HEAD_RATIO, EDGE_WORD_FREQ, FLUENT_FREQ, MIN_PAIR_ASSOCIATION } from './thresholds';

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
  // The phrase's edge word is an affix and a word (进|一步, 管理|者): another affix makes a sibling
  // word (下一步, 管理员), which the lexicon may lack, not a slip.
  const tokens = index.segmentTarget(m);
  const edgeWord = (first ? tokens[0] : tokens[tokens.length - 1])?.word ?? '';
  if (edgeWord.length >= 3 && lexicon.freq(first ? edgeWord.slice(1) : edgeWord.slice(0, -1)) >= FLUENT_FREQ) return false;
  // Any lexicon word holding the written character (下一步 as much as 来年), in the text as written.
  for (let length = 2; length <= LONGEST_WORD; length++) {
    for (let from = Math.max(0, at - length + 1); from <= at && from + length <= text.length; from++) {
      const word = text.slice(from, from + length);
      if (allHan(word) && lexicon.freq(word) >= EDGE_WORD_FREQ) return false;
    }
  }
  // A pairing the archive writes readily: the one inside the phrase, and the one across its edge.
  for (const from of first ? [at, at - 1] : [at - 1, at]) {
    const association = index.evidence.associationAt(text, from);
    if (association !== undefined && association >= MIN_PAIR_ASSOCIATION) return false;
  }
  // A noun head after a word (…类, …局) or a prefix before one (副…, 总…) compounds with it.
  const outside = first ? at - 1 : at + 1;
  if (outside < 0 || outside >= text.length || HAN_CODES[text.charCodeAt(outside)] !== 1) return true;
  const { ending, starting } = lexicon.nounAffixes(text[at]);
  return first ? ending < EDGE_HEAD_RATIO * Math.max(1, starting) : starting < EDGE_HEAD_RATIO * Math.max(1, ending);
}

function allHan(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (HAN_CODES[s.charCodeAt(i)] !== 1) return false;
  return true;
}
