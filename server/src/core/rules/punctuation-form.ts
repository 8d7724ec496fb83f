/**
 * punctuation-form: dashes, ellipses and range marks typed in the wrong form.
 *   破折号: a single — standing where a dash is meant (at a line start or end, or
 *     against a bracket or quote), and runs like -- ---- －－ ―― written for ——.
 *   省略号: ... / ...... / 。。。 / ··· / a single … / three … written for ……
 *   连接号: ASCII ~ between numbers (1~3个) and an ASCII hyphen in a date or
 *     quantity range (2020 年-2022 年, 2-3 米) — unless the learned house style
 *     predominantly uses that mark for ranges — and hyphens chaining three or
 *     more Chinese terms (医保-医院-企业) → —.
 * Deliberately ignored: a single — between digits or between Han words (2016—2030,
 * 1—2月, 甘肃—匈牙利: the 一字线 connector), —— and …… themselves, four …, lines
 * made only of dashes (Markdown rules and layout separators), hyphens in codes and
 * numbers (CN 11-0010, 邮发代号 1-20, 2011-02-15, 图2-8), and a — split across a line
 * break as —/— (a wrapped ——, which broken-paragraph reports).
 */
import type { Rule } from '../types';
import { styleOf, type StyleSection } from '../model/sections/style';
import { charAt, charBefore, isAlnum, isAsciiDigit, isCjk, isCjkPunct, isLatinLetter, nextVisible, previousVisible } from '../analysis/cjk';
import { isHighSurrogate, isLowSurrogate } from '../analysis/han';
import { findRangeSites } from '../analysis/punctuation';
import { fixer, makeFix } from '../fixer';

export type FormKind = 'dash' | 'ellipsis' | 'range' | 'connector';

export interface FormSite {
  kind: FormKind;
  offset: number;
  length: number;
  /** The form as written, e.g. "--", "—", "...", "~". */
  written: string;
  replacement: string;
}

const EM = '—';
const DASH_RUN = /[-－―─—]{2,}/g;
const SINGLE_EM = /(?<!—)—(?!—)/g;
const ELLIPSIS_FORMS = /\.{3,}|。{3,}|．{3,}|[·・]{3,}|…+/g;
function isBlankLine(line: string): boolean {
  return /^[\s]*$/.test(line);
}

/** Last visible character of the nearest non-blank line before `offset`'s line (across blank lines). */
function previousLineEnd(text: string, offset: number): string | undefined {
  let lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  while (lineStart > 0) {
    // lastIndexOf clamps a negative start to 0 and would find the text's opening \n again, forever.
    const prevStart = lineStart >= 2 ? text.lastIndexOf('\n', lineStart - 2) + 1 : 0;
    const line = text.slice(prevStart, lineStart - 1).replace(/\r$/, '');
    if (!isBlankLine(line)) return [...line.trimEnd()].pop();
    lineStart = prevStart;
  }
  return undefined;
}

/** First visible character of the nearest non-blank line after `offset`'s line. */
function nextLineStart(text: string, offset: number): string | undefined {
  let lineEnd = text.indexOf('\n', offset);
  while (lineEnd >= 0) {
    const nextEnd = text.indexOf('\n', lineEnd + 1);
    const line = text.slice(lineEnd + 1, nextEnd < 0 ? text.length : nextEnd).replace(/\r$/, '');
    if (!isBlankLine(line)) return [...line.trimStart()][0];
    lineEnd = nextEnd;
  }
  return undefined;
}

function lineOf(text: string, offset: number): string {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  const end = text.indexOf('\n', offset);
  return text.slice(start, end < 0 ? text.length : end).replace(/\r$/, '');
}

/** Both neighbours are Chinese, or one is and the other is a line boundary; never with Latin/digits on both sides. */
function chineseContext(before: string | undefined, after: string | undefined): boolean {
  if (!(isCjk(before) || isCjk(after))) return false;
  if (isAlnum(before) && isAlnum(after)) return false;
  return true;
}

function dashSites(text: string): FormSite[] {
  const sites: FormSite[] = [];
  for (const m of text.matchAll(DASH_RUN)) {
    const run = m[0];
    // ——, and longer runs of — (fill-in blanks), are not a mis-typed dash.
    if (/^—+$/.test(run)) continue;
    const start = m.index!;
    const end = start + run.length;
    if (/^[-－―─—=_*\s]+$/.test(lineOf(text, start))) continue;
    const before = previousVisible(text, start);
    const after = nextVisible(text, end);
    // Operators and options: a--, --fix, <!-- -->.
    if (isAlnum(charBefore(text, start)) && !isCjk(after)) continue;
    if (isAlnum(charAt(text, end)) && !isCjk(before)) continue;
    if (!chineseContext(before, after)) continue;
    if (isAsciiDigit(before) && isAsciiDigit(after)) continue;
    sites.push({ kind: 'dash', offset: start, length: run.length, written: run, replacement: '——' });
  }

  for (const m of text.matchAll(SINGLE_EM)) {
    const start = m.index!;
    const end = start + 1;
    if (/[-－―─]/.test(text[start - 1] ?? '') || /[-－―─]/.test(text[end] ?? '')) continue;
    const before = previousVisible(text, start);
    const after = nextVisible(text, end);
    let dash: boolean;
    if (before === undefined && after === undefined) dash = false;
    else if (before === undefined) dash = previousLineEnd(text, start) !== EM && (isCjk(after) || isAlnum(after));
    else if (after === undefined) dash = nextLineStart(text, end) !== EM && (isCjk(before) || isAlnum(before));
    // Between words or numbers it is the 一字线 connector; against punctuation it can only be a dash.
    else dash = (isCjkPunct(before) && isCjk(after)) || (isCjk(before) && isCjkPunct(after)) || (isCjkPunct(before) && isAlnum(after));
    // “十四五”—“十五五”: quoted or bracketed items joined by the connector.
    if (dash && before !== undefined && after !== undefined && /[”’）》】」』]/.test(before) && /[“‘（《【「『]/.test(after)) dash = false;
    // A leading — followed by a space is a bullet, not a subtitle dash.
    if (dash && before === undefined && (text[end] === ' ' || text[end] === '\t')) dash = false;
    if (dash) sites.push({ kind: 'dash', offset: start, length: 1, written: EM, replacement: '——' });
  }
  return sites;
}

function ellipsisSites(text: string): FormSite[] {
  const sites: FormSite[] = [];
  for (const m of text.matchAll(ELLIPSIS_FORMS)) {
    const run = m[0];
    const start = m.index!;
    const end = start + run.length;
    // …… is right, and …………（two ellipses, twelve dots) marks omitted paragraphs.
    if (/^…+$/.test(run) && run.length % 2 === 0) continue;
    if (/^[.．。·・…\s]+$/.test(lineOf(text, start)) && !/^…+$/.test(run)) continue;
    const before = previousVisible(text, start);
    const after = nextVisible(text, end);
    if (/^\.+$/.test(run)) {
      // English “etc...”, ranges 1...10, paths ../..
      if (!chineseContext(before, after)) continue;
      if (isLatinLetter(charBefore(text, start)) && !isCjk(after)) continue;
      if (charAt(text, end) === '/' || charBefore(text, start) === '/') continue;
    } else if (!/^…+$/.test(run) && !(isCjk(before) || isCjk(after) || run[0] === '。')) continue;
    sites.push({ kind: 'ellipsis', offset: start, length: run.length, written: run, replacement: '……' });
  }
  return sites;
}

/**
 * Hyphens chaining three or more Chinese terms (医保-医院-企业): a sequence or flow,
 * which takes the 一字线. Two terms joined by one hyphen (吐鲁番-哈密盆地) may be a
 * compound name, where the standard keeps the short hyphen, so they are left alone.
 */
function connectorSites(text: string): FormSite[] {
  const sites: FormSite[] = [];
  const chain = /\p{Script=Han}{1,12}(?:-\p{Script=Han}{1,12}){2,}/uy;
  // Run the pattern only just before a hyphen between two non-ASCII characters (every
  // Han character is at or above U+2E80): across a whole draft it is costly, and a
  // chain starts at most 12 Han characters (24 code units) before its first hyphen,
  // which is the first such hyphen after where the last chain ended.
  let from = 0;
  for (let hyphen = text.indexOf('-'); hyphen >= 0; hyphen = text.indexOf('-', Math.max(hyphen + 1, from))) {
    if (hyphen < from || !(text.charCodeAt(hyphen - 1) >= 0x2e80 && text.charCodeAt(hyphen + 1) >= 0x2e80)) continue;
    for (let start = Math.max(from, hyphen - 24); start < hyphen; start++) {
      // The scan steps over whole characters: never start between the halves of 𠮷.
      if (isLowSurrogate(text.charCodeAt(start)) && isHighSurrogate(text.charCodeAt(start - 1))) continue;
      chain.lastIndex = start;
      const m = chain.exec(text);
      if (!m) continue;
      for (let i = m[0].indexOf('-'); i >= 0; i = m[0].indexOf('-', i + 1)) {
        sites.push({ kind: 'connector', offset: m.index + i, length: 1, written: '-', replacement: EM });
      }
      from = m.index + m[0].length;
      break;
    }
  }
  return sites;
}

/** The house accepts an ASCII range mark only when it is its main habit. */
function houseUsesForRanges(style: StyleSection, mark: string): boolean {
  const counts = style.ranges;
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  return total >= 5 && (counts[mark] ?? 0) / total >= 0.5;
}

function rangeFormSites(text: string, style: StyleSection): FormSite[] {
  const sites: FormSite[] = [];
  for (const site of findRangeSites(text)) {
    if (site.mark !== '-' && site.mark !== '~') continue;
    if (houseUsesForRanges(style, site.mark)) continue;
    const replacement = site.mark === '~' ? '～' : site.dated ? '—' : '～';
    sites.push({ kind: 'range', offset: site.offset, length: 1, written: site.mark, replacement });
  }
  return sites;
}

/** All form problems in `text` (masked). Exported for the style learner, which counts what it finds. */
export function findFormSites(text: string, style: StyleSection): FormSite[] {
  return [...dashSites(text), ...ellipsisSites(text), ...rangeFormSites(text, style), ...connectorSites(text)].sort((a, b) => a.offset - b.offset);
}

const MESSAGES: Record<FormKind, (site: FormSite) => string> = {
  dash: (s) => `破折号写成“${s.written}”，应为“——”`,
  ellipsis: (s) => `省略号写成“${s.written}”，应为“……”`,
  range: (s) => `表示范围的“${s.written}”应为连接号“${s.replacement}”`,
  connector: (s) => `连接多个词语的“${s.written}”应为一字线“${s.replacement}”`,
};

const EVIDENCE: Record<FormKind, string> = {
  dash: 'GB/T 15834-2011 4.10：破折号为两个字长的“——”，居中，不能断开',
  ellipsis: 'GB/T 15834-2011 4.11：省略号为六个点“……”，占两个字位置',
  range: 'GB/T 15834-2011 4.13：标示时间、数值的起止用一字线“—”或浪纹线“～”',
  connector: 'GB/T 15834-2011 4.13：标示相关项目的起止、递进或流程用一字线“—”',
};

function rangeEvidence(style: StyleSection): string {
  const parts = Object.entries(style.ranges)
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1])
    .map(([mark, n]) => `“${mark}”${n} 次`);
  return parts.length ? `；本语料库数字范围用${parts.join('、')}` : '';
}

export const punctuationForm: Rule<StyleSection> = {
  meta: {
    id: 'punctuation-form',
    category: 'punctuation',
    defaultSeverity: 'warning',
    fixable: true,
    fixKind: 'safe',
    scope: 'document',
    docs: {
      summary: '破折号、省略号、连接号的形式不规范',
      gloss: 'Dash, ellipsis and range marks in the wrong form',
      why: '破折号“——”和省略号“……”都占两个字位置，写成单个“—”、“--”、“...”或“。。。”在版面上一眼可见，也可能被误读为连接号或句号。数字范围用“～”或“—”，英文波浪号、连字符会被当成代码或编号。',
      example: { bad: '----本期内容----，等等...，1~3个百分点', good: '——本期内容——，等等……，1～3个百分点' },
      reference: 'GB/T 15834-2011 4.10 破折号（——）、4.11 省略号（……，六连点）、4.13 连接号（一字线“—”、浪纹线“～”标示起止）',
    },
  },
  createState: (model) => styleOf(model),
  checkDocument(ctx) {
    const style = ctx.state;
    for (const site of findFormSites(ctx.text.masked, style)) {
      ctx.report({
        offset: site.offset,
        length: site.length,
        message: MESSAGES[site.kind](site),
        evidence: EVIDENCE[site.kind] + (site.kind === 'range' ? rangeEvidence(style) : ''),
        subject: site.written,
        fixes: [makeFix(`改为“${site.replacement}”`, fixer.replaceTextRange([site.offset, site.offset + site.length], site.replacement))],
      });
    }
  },
};
