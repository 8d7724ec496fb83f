/**
 * Characters people are named with: for each character, in how many of pycorrector's listed
 * names (data/given-name-chars.json, from person_name.txt, see data/THIRD-PARTY-NOTICES.md)
 * it stands in the given name. 明, 华, 祥 name hundreds; 裹, 蛆, 豌 nobody. A surname
 * followed by such characters reads as a person; followed by others, as a surname-shaped
 * character of an ordinary sentence (成|裹, 安|蛆).
 */
import givenNameChars from '../../../../data/given-name-chars.json';

const counts: Readonly<Record<string, number>> = givenNameChars.counts;

/** How many listed names hold `ch` in their given name (0 for a character no listed name holds twice). */
export function givenNameCount(ch: string): number {
  return counts[ch] ?? 0;
}
