/**
 * numbering-sequence: broken enumerations — an item whose marker lost its 是
 * (一是…二是…三对…四是), a skipped ordinal (一是…三是, （一）（二）（四）, 第一…第三), a
 * duplicated one, and an announced count the list does not match (六大关键领域 then
 * only up to 五是).
 *
 * Inline lists (一是, 第一，, inline （一）) live within one logical paragraph — hard
 * wraps are joined first, so a PDF extraction that wraps every line still reads
 * as prose — and may continue into the next paragraph only with the very next
 * ordinal. Heading markers at the start of a paragraph (（一）, 一、, 1.) run through
 * the document as sections; a higher-level heading or a markdown heading restarts
 * the levels below it, and an ordinal 一 always starts a new list.
 *
 * What it deliberately ignores: quoted text; lists in different paragraphs that
 * do not continue each other; a lone marker (a series number such as ——论…（五）);
 * ordinals that go backwards (usually a nested list); numerals that count things
 * (三年来, 三个方面) where a lost 是 would otherwise be suspected.
 */
import type { Rule, RuleContext } from '../types';
import { unwrapDocument } from '../analysis/unwrap';
import { fixer, makeFix } from '../fixer';

const HAN_NUMERAL = '一二三四五六七八九十';
const NUMERAL = `[${HAN_NUMERAL}]{1,3}`;
/**
 * Characters before an inline marker: a clause boundary. Tested after the match
 * rather than as a lookbehind, which the regex engine would try at every position
 * of the draft; none of these characters can occur inside a marker, so the
 * matches are the same.
 */
const BOUNDARY_BEFORE = /[\s，,。；;：:！!？?、）)”’】]/;

type MarkerType = 'shi' | 'yao' | 'di' | 'paren' | 'paren-arabic' | 'heading' | 'heading-arabic';

interface Marker {
  type: MarkerType;
  value: number;
  /** Offsets in the unwrapped text. */
  start: number;
  end: number;
  paragraph: number;
  /** At the start of its paragraph: a section heading rather than an inline item. */
  heading: boolean;
}

const INLINE_PATTERNS: Array<{ type: MarkerType; pattern: RegExp; afterBoundary: boolean }> = [
  { type: 'shi', pattern: new RegExp(`(${NUMERAL})是`, 'g'), afterBoundary: true },
  { type: 'yao', pattern: new RegExp(`(${NUMERAL})要(?![求素点])`, 'g'), afterBoundary: true },
  { type: 'di', pattern: new RegExp(`第(${NUMERAL})(?=[，,、：:])`, 'g'), afterBoundary: true },
  { type: 'paren', pattern: new RegExp(`[（(](${NUMERAL})[）)]`, 'g'), afterBoundary: false },
  { type: 'paren-arabic', pattern: /[（(](\d{1,2})[）)]/g, afterBoundary: false },
];
const HEADING_PATTERNS: Array<{ type: MarkerType; pattern: RegExp }> = [
  { type: 'heading', pattern: new RegExp(`^(${NUMERAL})、`) },
  { type: 'heading-arabic', pattern: /^(\d{1,2})[.．、](?!\d)/ },
];
/** Heading levels, outermost first: a marker of one level restarts all deeper ones. */
const LEVELS: MarkerType[] = ['heading', 'paren', 'heading-arabic', 'paren-arabic'];

/** After a bare numeral, these make it a quantity (三年, 三个, 三大), not a lost 是. */
const COUNTING = new Set('个年月日天周次项条大级类种批届期号名位家所点方面倍成甲等岁元万亿千百十人组轮道份件台座支只张篇部本段'.split(''));
/** Classifiers that announce a count before a list: 六大关键领域, 三个方面. */
const ANNOUNCE = new RegExp(`([${HAN_NUMERAL}两]{1,2})(?:大|个|项|方面|条|点|种|件)`, 'g');
const ANNOUNCE_REACH = 40;

export const numberingSequence: Rule = {
  meta: {
    id: 'numbering-sequence',
    category: 'structure',
    defaultSeverity: 'warning',
    fixable: true,
    fixKind: 'suggestion',
    scope: 'document',
    docs: {
      summary: '序号不连续、重复或与所述项数不符',
      gloss: 'Broken enumerations: a skipped or repeated ordinal, a count the list does not match, a marker that lost its 是',
      why: '“一是、二是、三是”和“（一）（二）（三）”是新闻稿最常见的结构。漏字（三对）、跳号、重号和“六大领域只列了五项”都是排版改稿中常见的硬伤，读者一眼可见。',
      example: {
        bad: '一是打通数据壁垒。二是统一政策。三对重点人群加强宣传。四是推进分级诊疗。',
        good: '一是打通数据壁垒。二是统一政策。三是对重点人群加强宣传。四是推进分级诊疗。',
      },
    },
  },
  checkDocument(ctx) {
    const { text: joined, offsets } = unwrapDocument(ctx.text);
    const visible = maskQuotes(joined);
    const paragraphs = paragraphStarts(visible);
    const markers = findMarkers(visible, paragraphs);
    const reporter = new Reporter(ctx, visible, offsets);
    checkInline(markers, visible, paragraphs, reporter);
    checkHeadings(markers, visible, paragraphs, reporter);
  },
};

/** Blanks the inside of “…” and ‘…’ closed within one paragraph: quoted lists are someone else's. */
function maskQuotes(text: string): string {
  return text.replace(/“[^“”\n]*”|‘[^‘’\n]*’|「[^「」\n]*」/g, (q) => q[0] + ' '.repeat(q.length - 2) + q[q.length - 1]);
}

function paragraphStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

function paragraphOf(starts: number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid] <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}

function findMarkers(text: string, starts: number[]): Marker[] {
  const markers: Marker[] = [];
  const atParagraphStart = (p: number, offset: number) => /^[\s#>*-]*$/.test(text.slice(starts[p], offset));
  for (const { type, pattern, afterBoundary } of INLINE_PATTERNS) {
    for (const m of text.matchAll(pattern)) {
      if (afterBoundary && m.index! > 0 && !BOUNDARY_BEFORE.test(text[m.index! - 1])) continue;
      const value = parseNumeral(m[1]);
      if (value === undefined || value === 0) continue;
      const start = m.index!;
      const paragraph = paragraphOf(starts, start);
      markers.push({
        type,
        value,
        start,
        end: start + m[0].length,
        paragraph,
        heading: (type === 'paren' || type === 'paren-arabic') && atParagraphStart(paragraph, start),
      });
    }
  }
  starts.forEach((lineStart, paragraph) => {
    const line = text.slice(lineStart, text.indexOf('\n', lineStart) < 0 ? text.length : text.indexOf('\n', lineStart));
    const indent = /^[\s#>*]*/.exec(line)![0].length;
    for (const { type, pattern } of HEADING_PATTERNS) {
      const m = pattern.exec(line.slice(indent));
      if (!m) continue;
      const value = parseNumeral(m[1]);
      if (value === undefined || value === 0) continue;
      markers.push({ type, value, start: lineStart + indent, end: lineStart + indent + m[0].length, paragraph, heading: true });
    }
  });
  return markers.sort((a, b) => a.start - b.start);
}

class Reporter {
  private readonly seen = new Set<number>();
  constructor(
    private readonly ctx: RuleContext,
    private readonly text: string,
    private readonly offsets: ArrayLike<number>,
  ) {}

  /** Reports [start, end) of the unwrapped text; `edits` are in unwrapped offsets too. */
  report(
    start: number,
    end: number,
    message: string,
    evidence: string,
    fix?: { title: string; edits: Array<{ at: number; length: number; newText: string }> },
  ): void {
    if (this.seen.has(start)) return;
    this.seen.add(start);
    const from = this.offsets[start];
    const to = this.offsets[end - 1] + 1;
    this.ctx.report({
      offset: from,
      length: to - from,
      message,
      evidence,
      subject: this.text.slice(start, end),
      fixes: fix
        ? [
            makeFix(
              fix.title,
              fix.edits.map((e) => fixer.replaceTextRange([this.offsets[e.at], this.offsets[e.at] + e.length], e.newText)),
            ),
          ]
        : [],
    });
  }
}

function label(marker: Marker, value = marker.value): string {
  const n = marker.type === 'paren-arabic' || marker.type === 'heading-arabic' ? String(value) : toNumeral(value);
  switch (marker.type) {
    case 'shi':
      return `${n}是`;
    case 'yao':
      return `${n}要`;
    case 'di':
      return `第${n}`;
    case 'paren':
    case 'paren-arabic':
      return `（${n}）`;
    case 'heading':
      return `${n}、`;
    default:
      return `${n}.`;
  }
}

/** Inline lists: 一是…二是…, 第一，…第二，…, inline （一）…（二）. */
function checkInline(markers: Marker[], text: string, starts: number[], reporter: Reporter): void {
  for (const type of ['shi', 'yao', 'di', 'paren', 'paren-arabic'] as MarkerType[]) {
    const stream = markers.filter((m) => m.type === type && !m.heading);
    let list: Marker[] = [];
    const close = () => {
      if (list.length >= 2 && (type === 'shi' || type === 'yao')) checkAnnouncedCount(list, text, starts, reporter);
      list = [];
    };
    for (let k = 0; k < stream.length; k++) {
      const marker = stream[k];
      const last = list[list.length - 1];
      if (marker.value === 1) {
        close();
        list = [marker];
        continue;
      }
      if (!last) continue;
      const sameParagraph = marker.paragraph === last.paragraph;
      const nextParagraph = marker.paragraph === last.paragraph + 1;
      if (marker.value === last.value + 1 && (sameParagraph || nextParagraph)) {
        list.push(marker);
        continue;
      }
      if (marker.value === last.value + 2 && (sameParagraph || nextParagraph)) {
        const lost = findLostMarker(text, last, marker);
        if (lost !== undefined) {
          reportLostMarker(reporter, text, lost, last, marker);
          list.push({ ...last, value: last.value + 1 }, marker);
          continue;
        }
      }
      if (!sameParagraph) {
        close();
        continue;
      }
      if (marker.value > last.value + 1) {
        const missing = Array.from({ length: marker.value - last.value - 1 }, (_, i) => label(marker, last.value + 1 + i)).join('、');
        reporter.report(
          marker.start,
          marker.end,
          `序号不连续：“${label(last)}”之后是“${label(marker)}”，缺少“${missing}”`,
          `同一段中的序号应连续；“${label(last)}”与“${label(marker)}”之间没有“${missing}”。`,
        );
        list.push(marker);
      } else if (marker.value === last.value) {
        const next = stream[k + 1];
        const renumber = next && next.paragraph === marker.paragraph && next.value === last.value + 2;
        reporter.report(
          marker.start,
          marker.end,
          `序号重复：“${label(marker)}”出现两次${renumber ? `，应为“${label(marker, last.value + 1)}”` : ''}`,
          `同一段中“${label(marker)}”已经用过${renumber ? `，其后是“${label(next)}”` : ''}。`,
          renumber ? renumberFix(text, marker, last.value + 1) : undefined,
        );
        list.push({ ...marker, value: renumber ? last.value + 1 : marker.value });
      } else {
        // Going backwards: a nested or new list; start over without judging.
        close();
      }
    }
    close();
  }
}

/** The bare numeral (三对…) standing where the missing item should be, between two markers. */
function findLostMarker(text: string, last: Marker, next: Marker): number | undefined {
  const numeral = toNumeral(last.value + 1);
  for (let i = text.indexOf(numeral, last.end); i >= 0 && i < next.start; i = text.indexOf(numeral, i + 1)) {
    if (i > 0 && !/[\s，,。；;：:！!？?、）)”]/.test(text[i - 1])) continue;
    const after = text[i + numeral.length];
    if (!after || HAN_NUMERAL.includes(after) || COUNTING.has(after) || !/\p{Script=Han}/u.test(after)) continue;
    return i;
  }
  return undefined;
}

function reportLostMarker(reporter: Reporter, text: string, at: number, last: Marker, next: Marker): void {
  const numeral = toNumeral(last.value + 1);
  const word = last.type === 'yao' ? '要' : '是';
  const flagged = text.slice(at, at + numeral.length + 1);
  const corrected = numeral + word + flagged.slice(numeral.length);
  reporter.report(
    at,
    at + flagged.length,
    `序号缺“${word}”：“${flagged}”应为“${corrected}”`,
    `前有“${label(last)}”，后有“${label(next)}”，此处应为“${label(last, last.value + 1)}”。`,
    { title: `改为“${corrected}”`, edits: [{ at: at + numeral.length, length: 0, newText: word }] },
  );
}

function renumberFix(text: string, marker: Marker, value: number) {
  const match = new RegExp(`\\d+|[${HAN_NUMERAL}]+`).exec(text.slice(marker.start, marker.end))!;
  const replacement = marker.type === 'paren-arabic' || marker.type === 'heading-arabic' ? String(value) : toNumeral(value);
  return { title: `改为“${label(marker, value)}”`, edits: [{ at: marker.start + match.index, length: match[0].length, newText: replacement }] };
}

/** 六大关键领域：一是…五是 — the announced count against the list's length. */
function checkAnnouncedCount(list: Marker[], text: string, starts: number[], reporter: Reporter): void {
  const first = list[0];
  const lastItem = list[list.length - 1];
  const windowStart = Math.max(starts[first.paragraph], first.start - ANNOUNCE_REACH);
  const before = text.slice(windowStart, first.start);
  // The announcement must lead into the list: no sentence ends in between.
  const sentenceStart = Math.max(before.lastIndexOf('。'), before.lastIndexOf('！'), before.lastIndexOf('？'));
  const lead = before.slice(sentenceStart + 1);
  const matches = [...lead.matchAll(ANNOUNCE)];
  if (matches.length !== 1) return;
  const announced = parseNumeral(matches[0][1] === '两' ? '二' : matches[0][1]);
  if (announced === undefined || announced < 2 || announced === lastItem.value) return;
  const at = windowStart + sentenceStart + 1 + matches[0].index!;
  const end = at + matches[0][0].length;
  const shortfall = announced > lastItem.value;
  reporter.report(
    at,
    end,
    shortfall ? `项数不符：前称“${matches[0][0]}”，后文只列到“${label(lastItem)}”` : `项数不符：前称“${matches[0][0]}”，后文列到“${label(lastItem)}”`,
    `“${matches[0][0]}”引出的列举共 ${lastItem.value} 项。`,
  );
}

/** Section headings: （一）（二）…, 一、二、…, 1. 2. … through the document. */
function checkHeadings(markers: Marker[], text: string, starts: number[], reporter: Reporter): void {
  const lastAt = new Map<MarkerType, Marker>();
  // A markdown heading (# …) starts a new article: every level restarts.
  const articleStarts = starts.map((start, p) => (text[start] === '#' ? p : -1)).filter((p) => p >= 0);
  let article = 0;
  for (const marker of markers) {
    if (!marker.heading) continue;
    while (article < articleStarts.length && articleStarts[article] < marker.paragraph) {
      lastAt.clear();
      article++;
    }
    const level = LEVELS.indexOf(marker.type);
    if (level < 0) continue;
    for (const deeper of LEVELS.slice(level + 1)) lastAt.delete(deeper);
    const last = lastAt.get(marker.type);
    lastAt.set(marker.type, marker);
    if (marker.value === 1 || !last) continue;
    if (marker.value === last.value + 1) continue;
    if (marker.value > last.value + 1) {
      const missing = Array.from({ length: marker.value - last.value - 1 }, (_, i) => label(marker, last.value + 1 + i)).join('、');
      reporter.report(marker.start, marker.end, `序号不连续：“${label(last)}”之后是“${label(marker)}”，缺少“${missing}”`, `上一个同级标题是“${label(last)}”。`);
    } else if (marker.value === last.value) {
      reporter.report(
        marker.start,
        marker.end,
        `序号重复：“${label(marker)}”出现两次，应为“${label(marker, last.value + 1)}”`,
        `上一个同级标题也是“${label(last)}”。`,
        renumberFix(text, marker, last.value + 1),
      );
      lastAt.set(marker.type, { ...marker, value: last.value + 1 });
    } else {
      lastAt.delete(marker.type);
    }
  }
}

function parseNumeral(text: string): number | undefined {
  if (/^\d+$/.test(text)) return Number(text);
  const digit = (c: string) => '〇一二三四五六七八九'.indexOf(c);
  if (text.length === 1) return text === '十' ? 10 : digit(text) > 0 ? digit(text) : undefined;
  const ten = text.indexOf('十');
  if (ten < 0 || text.indexOf('十', ten + 1) >= 0) return undefined;
  const tens = ten === 0 ? 1 : digit(text.slice(0, ten));
  const ones = ten === text.length - 1 ? 0 : digit(text.slice(ten + 1));
  if (tens <= 0 || ones < 0 || text.length > 3) return undefined;
  return tens * 10 + ones;
}

function toNumeral(value: number): string {
  const digits = '〇一二三四五六七八九';
  if (value < 10) return digits[value];
  if (value === 10) return '十';
  if (value < 20) return `十${digits[value - 10]}`;
  return `${digits[Math.floor(value / 10)]}十${value % 10 ? digits[value % 10] : ''}`;
}
