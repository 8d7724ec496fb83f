/**
 * Evidence from the rest of the story. The lexicon lacks the units news invents
 * (an abbreviation like 俄军, a term like 船体舱段, a transliterated place): at a
 * word boundary where one side is such a unit, the dictionary cannot tell the
 * boundary from a slip, but the story can — it writes the unit again elsewhere,
 * standing as one unit and without the doubled character beside it.
 */
import type { Lexicon } from '../../lexicon';
import { pairStandsTogether } from '../lexical-break';
import { segment } from '../../segmenter';
import { titleBefore } from '../names';

/** The document a paragraph belongs to, for evidence from outside the paragraph. */
export interface Story {
  /** The whole (masked) text of the document. */
  text: string;
  /** Where the paragraph being judged starts in it. */
  offset: number;
}

/**
 * Occurrences elsewhere in the story that make a two-character unit the story's
 * own. One is enough: a slip (提|提高) leaves the pair it makes (断提) inside other
 * words wherever else the text writes it (不断|提升), so it never stands alone.
 * Chosen on half A of the development corpus.
 */
export const STORY_PAIR_OCCURRENCES = 1;

/**
 * True when the story writes `pair` elsewhere as a unit of its own (no dictionary
 * word holds one of its characters without the other) and not beside the doubled
 * character: `doubled` must not follow it (side 'left', 俄军|军) or precede it
 * (side 'right', 船|船体), or the other occurrence is the same question again.
 * `at` is where this occurrence of the pair starts in the paragraph.
 */
export function storyWritesPair(
  story: Story,
  lexicon: Lexicon,
  pair: string,
  at: number,
  side: 'left' | 'right',
  occurrences = STORY_PAIR_OCCURRENCES,
): boolean {
  const here = story.offset + at;
  const text = story.text;
  const doubled = side === 'left' ? pair[1] : pair[0];
  let found = 0;
  for (let p = text.indexOf(pair); p >= 0; p = text.indexOf(pair, p + 1)) {
    if (p === here) continue;
    const neighbour = side === 'left' ? text[p + 2] : text[p - 1];
    if (neighbour === doubled) continue;
    if (!pairStandsTogether(lexicon, text, p)) continue;
    if (++found >= occurrences) return true;
  }
  return false;
}

/**
 * After a function word standing alone (党中央|对|对台工作), a unit the lexicon lacks
 * opened by the same character must be a term of the story, written this many times
 * elsewhere: a preposition doubled before a passing abbreviation (在|在京) is the
 * slip, and a story writes a passing phrase once or twice, its subject again and
 * again. Chosen on half A of the development corpus.
 */
export const STORY_TERM_PAIR_OCCURRENCES = 3;

/**
 * True when the story writes `char` elsewhere as a surname: right after a post
 * (总书记|习…, 市长|甘…), opening a name rather than a dictionary word (专家|家庭
 * is no name). A surname too rare for the surname list is still the story's own.
 */
export function storyUsesSurname(story: Story, lexicon: Lexicon, char: string, at: number): boolean {
  const here = story.offset + at;
  const text = story.text;
  for (let p = text.indexOf(char); p >= 0; p = text.indexOf(char, p + 1)) {
    if (p === here || titleBefore(text, p) === undefined) continue;
    if (namesAWord(lexicon, text.slice(p, p + 2)) || namesAWord(lexicon, text.slice(p, p + 3))) continue;
    return true;
  }
  return false;
}

/** A dictionary word other than a person's name. */
function namesAWord(lexicon: Lexicon, word: string): boolean {
  const pos = lexicon.pos(word);
  return pos !== undefined && !pos.startsWith('nr');
}

/** Characters of context either side when reading another occurrence of a unit. */
const UNIT_CONTEXT = 4;

/**
 * True when the story writes `unit` — a word and the character after it (自驾|游,
 * 罕见|病) — elsewhere as a unit of its own: the best reading there starts a word
 * at its start and ends one at its end, and the doubled character does not follow.
 * A slip's unit (不断|提 in 不断提提高) runs on into a word wherever else it occurs
 * (不断|提升).
 */
export function storyWritesUnit(story: Story, lexicon: Lexicon, unit: string, at: number): boolean {
  const here = story.offset + at;
  const text = story.text;
  const doubled = unit[unit.length - 1];
  for (let p = text.indexOf(unit); p >= 0; p = text.indexOf(unit, p + 1)) {
    if (p === here || text[p + unit.length] === doubled) continue;
    const from = Math.max(0, p - UNIT_CONTEXT);
    const end = p + unit.length;
    const tokens = segment(lexicon, text.slice(from, Math.min(text.length, end + UNIT_CONTEXT)));
    const cuts = (offset: number) => !tokens.some((t) => t.start < offset - from && t.end > offset - from);
    if (cuts(p) && cuts(end)) return true;
  }
  return false;
}
