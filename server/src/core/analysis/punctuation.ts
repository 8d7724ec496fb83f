/**
 * Scanners for punctuation in Chinese text: half-width marks in Chinese context
 * (punctuation-width reports them) and marks written between two numbers as a range
 * (punctuation-form reports the wrong ones). The style learner counts with the same
 * scanners, so the model and the rules always agree on what they count.
 */
import { charAt, charBefore, isAlnum, isCjk, isLatinLetter, nextVisible, previousVisible } from './cjk';
import { isHanChar } from './han';

/** Half-width marks and the full-width form Chinese text writes them in. */
export const FULL_WIDTH: Readonly<Record<string, string>> = { ',': '，', ':': '：', ';': '；', '?': '？', '!': '！', '(': '（', ')': '）' };

/** A half-width mark (or run of marks) in Chinese context, with the spaces its fix removes. */
export interface HalfWidthSite {
  /** Start of the flagged range (the first absorbed space, or the mark). */
  offset: number;
  length: number;
  markOffset: number;
  /** The half-width mark(s) as written, e.g. "," or "?!". */
  marks: string;
  /** Whether spaces around the mark are removed by the fix. */
  absorbsSpaces: boolean;
}

const SPACE = /[ \t\u3000]/;
const CODE_NEIGHBOUR = /[=<>/\\|&^*_`~#@$[\]{}'"]/;

/** The character past the number or word touching position `from` (direction -1: leftwards). */
function beyondNumber(text: string, from: number, direction: 1 | -1): string | undefined {
  let i = direction === 1 ? from : from - 1;
  while (i >= 0 && i < text.length && /[A-Za-z0-9.%‰]/.test(text[i])) i += direction;
  return direction === 1 ? charAt(text, i) : charBefore(text, i + 1);
}

/** Chinese context for one mark or run at [start, end): judged on visible neighbours. */
function inChineseContext(text: string, start: number, end: number): boolean {
  const before = previousVisible(text, start);
  const after = nextVisible(text, end);
  if (isAlnum(before) && isAlnum(after)) return false;
  // 58.9%;2025年: a number on each side, itself embedded in Chinese on both sides.
  if (!(isCjk(before) || isCjk(after)) && !(isCjk(beyondNumber(text, start, -1)) && isCjk(beyondNumber(text, end, 1)))) return false;
  // Operator and code shapes: a!=b, x:=1, a?.b, ![image].
  const rightNow = charAt(text, end);
  const leftNow = charBefore(text, start);
  if (rightNow !== undefined && CODE_NEIGHBOUR.test(rightNow) && !isCjk(before)) return false;
  if (rightNow === '=' || (rightNow === '[' && text[end - 1] === '!')) return false;
  if (leftNow !== undefined && CODE_NEIGHBOUR.test(leftNow) && !isCjk(after)) return false;
  return true;
}

/** Spaces between [start, end) and a visible neighbour on the same line, when that neighbour is text. */
function spacesAround(text: string, start: number, end: number): { left: number; right: number } {
  let left = start;
  while (left > 0 && SPACE.test(text[left - 1])) left--;
  let right = end;
  while (right < text.length && SPACE.test(text[right])) right++;
  const leftNeighbour = charBefore(text, left);
  const rightNeighbour = charAt(text, right);
  // A full-width mark carries its own spacing, so a typed space between it and text is surplus; but
  // indentation at a line start and trailing spaces (a Markdown hard break) are layout, and stay.
  const isText = (ch: string | undefined) => ch !== undefined && ch !== '\n' && ch !== '\r' && (isCjk(ch) || isAlnum(ch));
  return { left: isText(leftNeighbour) ? left : start, right: isText(rightNeighbour) ? right : end };
}

function containsChinese(s: string): boolean {
  for (const ch of s) if (isCjk(ch)) return true;
  return false;
}

/** Every half-width mark in Chinese context in `text`, in order. Shared with the style learner. */
/** The marks findHalfWidthSites looks at: its run pattern's characters. */
const HALF_WIDTH_MARK = /[,:;?!()]/;

export function findHalfWidthSites(text: string): HalfWidthSite[] {
  // Without a half-width mark there is nothing to find: most paragraphs stop here.
  if (!HALF_WIDTH_MARK.test(text)) return [];
  const chinese = new Set<number>();

  // Parentheses: pair them first, then judge each pair as a whole so both halves convert or neither does.
  const open: number[] = [];
  const lone: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x28) open.push(i);
    else if (c === 0x29) {
      const o = open.pop();
      if (o === undefined) {
        lone.push(i);
        continue;
      }
      const content = text.slice(o + 1, i);
      const before = previousVisible(text, o);
      const after = nextVisible(text, i + 1);
      const latinOutside = isAlnum(before) && isAlnum(after);
      let isChinese: boolean;
      if (content.trim() === '') isChinese = false;
      else if (containsChinese(content)) isChinese = !latinOutside;
      else {
        // ASCII content: f(x), COVID-19(x) stay; 会(IHE)会长, (1)加强 convert.
        const glued = isAlnum(charBefore(text, o));
        isChinese = !glued && !latinOutside && (isCjk(before) || isCjk(after));
      }
      if (isChinese) {
        chinese.add(o);
        chinese.add(i);
      }
    }
  }
  lone.push(...open);
  for (const i of lone) {
    // A lone “(” glued to a word is a call or a formula, f(x; a lone “)” after 1 or a is an enumeration and still Chinese.
    if (text[i] === '(' && isAlnum(charBefore(text, i))) continue;
    if (inChineseContext(text, i, i + 1)) chinese.add(i);
  }

  const sites: HalfWidthSite[] = [];
  const runPattern = /[,:;?!]+|[()]/g;
  for (const m of text.matchAll(runPattern)) {
    const start = m.index!;
    const end = start + m[0].length;
    const isParen = m[0] === '(' || m[0] === ')';
    if (isParen ? !chinese.has(start) : !inChineseContext(text, start, end)) continue;
    const spaces = spacesAround(text, start, end);
    sites.push({
      offset: spaces.left,
      length: spaces.right - spaces.left,
      markOffset: start,
      marks: m[0],
      absorbsSpaces: spaces.left < start || spaces.right > end,
    });
  }
  return sites;
}

/** Marks written between two numbers as a range: what the house uses is learned from these. */
export interface RangeSite {
  offset: number;
  mark: string;
  /** The left end carries a date unit (年/月/日): a time span. */
  dated: boolean;
}

const RANGE = /(?<![\d.])(\d+(?:\.\d+)?)( ?[年月日])? ?([~～\-—–至]) ?(\d+(?:\.\d+)?)(?![\d.])/g;
/** Numbering contexts where a hyphen joins numbers legitimately: 图2-8, 表3-1 (GB/T 15834-2011 4.13: the short hyphen numbers figures and tables). */
const NUMBERING_PREFIX = /[图表式例附]$/;


/** Every range between two numbers (2016—2030, 1～6, 1~3, 2020 年-2022 年), code-like hyphens excluded. */
export function findRangeSites(text: string): RangeSite[] {
  const sites: RangeSite[] = [];
  for (const m of text.matchAll(RANGE)) {
    const [whole, left, unit, mark, right] = m;
    const start = m.index!;
    const end = start + whole.length;
    const markOffset = start + whole.indexOf(mark, left.length + (unit?.length ?? 0));
    const dated = unit !== undefined;
    if (mark === '-' || mark === '~') {
      const before = charBefore(text, start);
      const after = charAt(text, end);
      // Codes: CN 11-0010, GB/T 15834-2011, 2011-02-15, 010-88842603, 1-20 at a line end.
      if (isLatinLetter(previousVisible(text, start)) || before === '/' || before === '-' || after === '-' || after === '/') continue;
      if (before !== undefined && NUMBERING_PREFIX.test(before)) continue;
      // Ranges never pad with zeros; 2023-01 is a date code.
      if (left.length > 4 || right.length > 4 || /^0\d/.test(right)) continue;
      const following = nextVisible(text, end);
      const unitAfter = isHanChar(following) || following === '%';
      if (mark === '-' && !dated && !unitAfter) continue;
      if (mark === '~' && !dated && !unitAfter && !isCjk(previousVisible(text, start))) continue;
    }
    sites.push({ offset: markOffset, mark, dated });
  }
  return sites;
}
