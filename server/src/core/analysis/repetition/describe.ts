/** Why a repeat was judged a slip, in words an editor can check: the evidence of a duplicate-word finding. */
import type { Lexicon } from '../../lexicon';
import { isHanIdeograph } from '../han';
import { isFunctionWord } from './boundary';
import { isOneCharacter, type Repeat } from './find';
import { WORD_FREQ } from './thresholds';
import { sidesOf } from './words';

/**
 * What each copy reads with its neighbours (the word it belongs to, or the pair it
 * makes that no dictionary word holds), and what the doubled span is not. A first
 * character doubled reads “断提”不成词，后一个“提”属于“提高”; a last one reads
 * 前一个“度”属于“年度”，“度考”不成词; a function word doubled, that it is one.
 */
export function describeSlip(text: string, repeat: Repeat, lexicon: Lexicon): string {
  const { start, unit } = repeat;
  const copy = text.slice(start, start + unit);
  const end = start + repeat.copies * unit;
  const span = text.slice(start, end);
  if (!isOneCharacter(text, start, unit)) return `“${span}”不是词典中的词，也不是“研究研究”式的动词重叠。`;
  if (isFunctionWord(copy, lexicon)) return `“${copy}”是虚词或助动词，不重叠使用。`;
  const sides = sidesOf(text, repeat, lexicon);
  const parts: string[] = [];
  const left = sides.left?.word;
  const before = text[start - 1];
  if (left !== undefined && left.length > unit && left.endsWith(copy) && lexicon.has(left, 1)) parts.push(`前一个“${copy}”属于“${left}”`);
  else if (before !== undefined && isHanIdeograph(before.codePointAt(0)!)) parts.push(`“${before}${copy}”不成词`);
  const right = sides.right[0]?.word;
  const after = text[end];
  if (right !== undefined && right.length > unit && lexicon.has(right, WORD_FREQ)) parts.push(`后一个“${copy}”属于“${right}”`);
  else if (after !== undefined && isHanIdeograph(after.codePointAt(0)!)) parts.push(`“${copy}${after}”不成词`);
  return `${parts.length ? parts.join('，') + '；' : ''}“${span}”不是叠词，也不是量词重叠、人名或两个词的交界。`;
}
