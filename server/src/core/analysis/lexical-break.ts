/**
 * Does a one-character slip break the lexicon? A typo inside a word usually turns
 * dictionary words into non-words (健康教育 → 健帮教育, 国家卫生健康委 → 国旨卫生健康委):
 * the written form leaves characters stranded that the intended form reads as
 * words. A deliberate variant reads as words just as well (中国医院协会 /
 * 中国医师协会, 推进健康 / 推动健康), and so does a name the lexicon does not know,
 * on both sides alike (岷县 / 漳县). Rules use this to accept short phrases and
 * slips near a name's edge, where the length of the phrase alone is no evidence.
 */
import type { Lexicon } from '../lexicon';
import { segment, type Token } from '../segmenter';

/** Single characters that stand alone as ordinary words: never a sign of a slip. */
const FUNCTION_WORDS = new Set('的了和与及或着过得地之等也都就还又在把被将为以对向从于给让使由其这那此该各每好并而且但如若所是有不'.split(''));
/**
 * Characters of `text` that the best segmentation leaves as single non-function
 * characters. A multi-character dictionary entry counts as a word unless rarer than
 * `rareBelow`: jieba's rare entries include real words (医务人员, 巡回医疗) as well as
 * noise (国利), so only a caller that knows its words are common raises the bar.
 */
export function strandedCount(lexicon: Lexicon, text: string, rareBelow = 0): number {
  return countStranded(lexicon, segment(lexicon, text), rareBelow);
}

function countStranded(lexicon: Lexicon, tokens: Token[], rareBelow: number): number {
  let stranded = 0;
  for (const token of tokens) {
    if (token.word.length === 1 ? !FUNCTION_WORDS.has(token.word) : rareBelow > 0 && lexicon.freq(token.word) < rareBelow) stranded++;
  }
  return stranded;
}

/**
 * True when the character at `at` of `text` is left out of words: a single
 * non-function character, or inside a two-character entry rarer than `rareBelow`. A
 * slip strands the character it changed (东方纲铁公司: 纲); a deliberate variant
 * makes a word of it (医学研究所 beside 医疗研究所: 医学).
 */
export function strandsAt(lexicon: Lexicon, text: string, at: number, rareBelow = 0): boolean {
  for (const token of segment(lexicon, text)) {
    if (at < token.start || at >= token.end) continue;
    if (token.word.length === 1) return !FUNCTION_WORDS.has(token.word);
    // A rare two-character entry may be noise (国利); a longer one is a term of its own (医学中心, 省人大民委).
    return token.word.length === 2 && rareBelow > 0 && lexicon.freq(token.word) < rareBelow;
  }
  return false;
}

/**
 * True when `written`, read with its context, strands more characters than
 * `intended` would in the same place: the slip turned words into non-words. The
 * whole window is compared, so a character the context glues into a word on one
 * side (国家支持下推动 for 持续推动) is not mistaken for a stranded one.
 */
export function breaksLexicon(lexicon: Lexicon, before: string, intended: string, written: string, after: string, rareBelow = 0): boolean {
  const writtenStranded = strandedCount(lexicon, before + written + after, rareBelow);
  if (writtenStranded === 0) return false;
  const from = before.length;
  const to = from + intended.length;
  const tokens = segment(lexicon, before + intended + after);
  // The intended form must stand as whole words here: 卫生健康委主 before 任 is no unit.
  if (tokens.some((t) => (t.start < from && t.end > from) || (t.start < to && t.end > to))) return false;
  return writtenStranded > countStranded(lexicon, tokens, rareBelow);
}

/** Characters of context either side when judging a pair of characters. */
const PAIR_CONTEXT = 3;

/**
 * True when text[at] and text[at + 1] read together: no dictionary word holds one
 * of them without the other. 慢病 in 重大慢病筛查 stands together (a word the lexicon
 * lacks); 报记 in 日报记者 does not — it is the seam between 日报 and 记者.
 */
export function pairStandsTogether(lexicon: Lexicon, text: string, at: number): boolean {
  const from = Math.max(0, at - PAIR_CONTEXT);
  const window = text.slice(from, Math.min(text.length, at + 2 + PAIR_CONTEXT));
  const a = at - from;
  for (const token of segment(lexicon, window)) {
    if (token.end - token.start < 2) continue;
    const holdsFirst = token.start <= a && a < token.end;
    const holdsSecond = token.start <= a + 1 && a + 1 < token.end;
    if (holdsFirst !== holdsSecond) return false;
  }
  return true;
}
