/**
 * punctuation-width: half-width , : ; ? ! ( ) in Chinese text, to be written
 * full-width (，：；？！（）) as GB/T 15834-2011 requires. Whether a mark sits in
 * Chinese text is read from its neighbours on the same line: a Han character or a
 * full-width mark on at least one side, and not a digit or Latin letter on both
 * sides. Parentheses are judged as a pair: a pair whose content or outer neighbour
 * is Chinese converts together; a lone parenthesis goes by its own neighbours.
 * Spaces typed around a half-width mark inside Chinese text go with it.
 *
 * Deliberately ignored: marks between Latin words or digits (1,000 / 3:2 / 12:30 /
 * “see (1) below”), function-call and code shapes (f(x), a!=b), Markdown images
 * (![…]), and everything the text model masks (URLs, e-mail addresses, code). The
 * learned style only feeds the evidence line; the standard is not up for a vote.
 */
import type { Rule } from '../types';
import { charAt, charBefore, isAlnum, isCjk, nextVisible, previousVisible } from './shared/cjk';
import { styleOf } from '../model/sections/style';

export const FULL_WIDTH: Readonly<Record<string, string>> = { ',': '，', ':': '：', ';': '；', '?': '？', '!': '！', '(': '（', ')': '）' };
const MARK_NAMES: Readonly<Record<string, string>> = { ',': '逗号', ':': '冒号', ';': '分号', '?': '问号', '!': '叹号', '(': '括号', ')': '括号' };

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

export function toFullWidth(marks: string): string {
  return [...marks].map((c) => FULL_WIDTH[c] ?? c).join('');
}

function markName(marks: string): string {
  return marks.length === 1 ? `半角${MARK_NAMES[marks]}` : '半角标点';
}

export const punctuationWidth: Rule = {
  meta: {
    id: 'punctuation-width',
    category: 'punctuation',
    defaultSeverity: 'warning',
    fixable: true,
    scope: 'paragraph',
    docs: {
      summary: '中文语境中的半角标点',
      gloss: 'Half-width punctuation in Chinese text',
      why:
        '中文排版中半角逗号、冒号、括号等只占半个字宽，与汉字挤在一起，版面参差，也暴露稿件来自英文输入法或外部转录。国家标准要求中文语境用全角标点；数字、时间、外文中的半角标点不受影响。',
      example: { bad: '稳中求进,擘画医疗服务新蓝图', good: '稳中求进，擘画医疗服务新蓝图' },
      reference: 'GB/T 15834-2011《标点符号用法》第 4 章（各标点的形式）、第 5 章（位置和书写形式：逗号、冒号、括号等各占一个字位置，即全角）',
    },
  },
  checkParagraph(ctx, paragraph) {
    const learned = styleOf(ctx.model).punctuation;
    for (const site of findHalfWidthSites(paragraph.text)) {
      const full = toFullWidth(site.marks);
      const counts = site.marks.length === 1 ? learned[site.marks] : undefined;
      const evidence =
        'GB/T 15834-2011：中文语境用全角标点' +
        (counts && counts.fullWidth + counts.halfWidth > 0
          ? `；本语料库中文语境用全角${MARK_NAMES[site.marks]} ${counts.fullWidth} 次、半角 ${counts.halfWidth} 次`
          : '');
      const spaceNote = site.absorbsSpaces ? '，并删去多余空格' : '';
      ctx.report({
        offset: site.offset,
        length: site.length,
        message: `${markName(site.marks)}“${site.marks}”，应为全角“${full}”${spaceNote}`,
        evidence,
        subject: site.marks,
        fixes: [{ title: `改为全角“${full}”`, edits: [{ offset: site.offset, length: site.length, newText: full }] }],
      });
    }
  },
};
