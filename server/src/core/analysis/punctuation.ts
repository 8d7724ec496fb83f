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

/** A straight quotation in Chinese text: its marks, their curly forms, and the spaces the fix removes. */
export interface StraightQuoteSite {
  /** '"' or "'". */
  mark: string;
  /** Offsets of the opening and closing marks; one of them is -1 for a mark left without a partner. */
  open: number;
  close: number;
  /** The edits that make the marks curly (empty for a lone mark: its direction is a guess). */
  edits: Array<{ offset: number; length: number; newText: string }>;
  /** The flagged range: from the first mark to the last, spaces removed by the fix included. */
  offset: number;
  length: number;
}

const CURLY: Readonly<Record<string, [string, string]>> = { '"': ['“', '”'], "'": ['‘', '’'] };
/** ASCII marks before an opening quote that say code or data (f("…"), key="…", ["…"]). */
const CODE_BEFORE_QUOTE = /[=([{,:]/;

/**
 * Straight quotes " and ' around Chinese text, to be written “ ” and ‘ ’ (GB/T
 * 15834-2011 4.8). The marks of a paragraph pair up in order, as a reader pairs them;
 * a pair is Chinese when its content or a neighbour outside it is. Left alone: pairs
 * around English between Latin words (He said "Hello"), apostrophes (China's,
 * students'), inch and foot marks after a number (6.1", 5'10") and quoted strings in
 * code shapes (f("…"), key="…"); everything the text model masks (code, URLs) never
 * reaches here.
 */
export function findStraightQuotes(text: string): StraightQuoteSite[] {
  if (!text.includes('"') && !text.includes("'")) return [];
  const sites: StraightQuoteSite[] = [];
  for (const mark of ['"', "'"]) {
    const marks: number[] = [];
    for (let i = text.indexOf(mark); i >= 0; i = text.indexOf(mark, i + 1)) {
      const before = charBefore(text, i);
      // China's, students': an apostrophe, unless a Chinese word follows (把'AI'用好).
      if (mark === "'" && isLatinLetter(before) && !isCjk(charAt(text, i + 1))) continue;
      // 6.1" 5'10": a mark after a number where a quotation could only open is a unit.
      // (2024"博士行"招聘: Chinese words right after it and a partner later make it a quotation.)
      if (/[0-9.]/.test(before ?? '') && marks.length % 2 === 0 && !(isHanChar(charAt(text, i + 1)) && text.indexOf(mark, i + 1) > 0)) continue;
      marks.push(i);
    }
    for (let k = 0; k < marks.length; k += 2) {
      const open = marks[k];
      const close = k + 1 < marks.length ? marks[k + 1] : -1;
      if (close < 0) {
        // A lone mark: Chinese on either side makes it one, but which way it faces is a guess.
        if (isCjk(previousVisible(text, open)) || isCjk(nextVisible(text, open + 1))) sites.push({ mark, open, close: -1, edits: [], offset: open, length: 1 });
        continue;
      }
      const content = text.slice(open + 1, close);
      if (content.includes('\n')) continue;
      const outsideBefore = previousVisible(text, open);
      const outsideAfter = nextVisible(text, close + 1);
      let chinese = false;
      for (const ch of content) if (isCjk(ch)) chinese = true;
      // English content is a Chinese quotation only with Chinese around it (据"Nature"报道), not beside English (He said, "Hello" 然后).
      const chineseOrNothing = (ch: string | undefined) => ch === undefined || isCjk(ch);
      if (!chinese) chinese = (isCjk(outsideBefore) || isCjk(outsideAfter)) && chineseOrNothing(outsideBefore) && chineseOrNothing(outsideAfter);
      if (!chinese) continue;
      const glued = charBefore(text, open);
      if (glued !== undefined && CODE_BEFORE_QUOTE.test(glued) && (isAlnum(charBefore(text, open - 1)) || /[\w\]]/.test(text[open - 2] ?? ''))) continue;
      // Spaces typed between a quote and the Chinese text or mark outside it go with the fix.
      let from = open;
      while (from > 0 && SPACE.test(text[from - 1])) from--;
      if (from < open && !(isCjk(charBefore(text, from)) || /[,:;?!]/.test(text[from - 1] ?? ''))) from = open;
      let to = close + 1;
      while (to < text.length && SPACE.test(text[to])) to++;
      if (to > close + 1 && !isCjk(charAt(text, to))) to = close + 1;
      const [left, right] = CURLY[mark];
      sites.push({
        mark,
        open,
        close,
        edits: [
          { offset: from, length: open + 1 - from, newText: left },
          { offset: close, length: to - close, newText: right },
        ],
        offset: from,
        length: to - from,
      });
    }
  }
  return sites.sort((a, b) => a.offset - b.offset);
}
