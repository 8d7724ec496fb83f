/**
 * masthead-date: a dated masthead or dateline whose weekday (星期一, 周一), lunar
 * date (农历十二月初一) or lunar year (乙巳年) contradicts the Gregorian date it sits
 * with. 2026年1月19日 is 星期一 and 农历乙巳年十二月初一.
 *
 * A field belongs to a date only when it is chained to it: written right before or
 * after it, or after another masthead field, separated by nothing but blanks,
 * brackets or commas — the way mastheads list 日期、星期、农历、期号 (even one per
 * line). A date without a weekday or lunar field is never flagged; neither is a
 * weekday that starts a range (周一至周五) or a date outside 1901–2099 for the lunar
 * check. A date without a year (1月19日（星期一）) takes its year from the first full
 * date in the document. Issue numbers are not checked: their schedule differs
 * from paper to paper.
 */
import type { Rule, RuleContext } from '../types';
import { isValidDate, lunarDayName, lunarMonthName, parseLunarDay, parseLunarMonth, stemBranch, toLunar, weekday, weekdayChar } from '../calendar/lunar';
import { fixer, makeFix } from '../fixer';

const HAN_DIGITS: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

const NUMBER = String.raw`(?:\d{1,4}|[〇零一二三四五六七八九十]{1,4})`;
const DATE = new RegExp(String.raw`(?:(\d{4}|[〇零一二三四五六七八九]{4})\s*年\s*)?(${NUMBER})\s*月\s*(${NUMBER})\s*[日号]`, 'g');
const DATE_AT = new RegExp(DATE.source, 'y');
/** The characters a date can start with: a digit or a Chinese numeral, of the year or of the month. */
const DATE_START = new Uint8Array(0x10000);
for (const ch of '0123456789〇零一二三四五六七八九十') DATE_START[ch.charCodeAt(0)] = 1;

/**
 * The matches of DATE, in order, the pattern tried only where a date can start:
 * its optional year leaves the regex engine no first character to look for.
 */
function findDates(text: string): RegExpExecArray[] {
  const found: RegExpExecArray[] = [];
  for (let i = 0; i < text.length; i++) {
    if (DATE_START[text.charCodeAt(i)] !== 1) continue;
    DATE_AT.lastIndex = i;
    const m = DATE_AT.exec(text);
    if (!m) continue;
    found.push(m);
    i = m.index + m[0].length - 1;
  }
  return found;
}

/** Fields that can follow or precede a masthead date, each anchored at the current position. */
const FIELDS: Array<{ kind: 'weekday' | 'lunar' | 'year' | 'other'; pattern: RegExp }> = [
  { kind: 'weekday', pattern: /^(?:星期|礼拜|周)([一二三四五六日天])/ },
  { kind: 'year', pattern: /^(农历)?([甲乙丙丁戊己庚辛壬癸][子丑寅卯辰巳午未申酉戌亥])年/ },
  {
    kind: 'lunar',
    pattern: /^(农历)?(闰)?(正|十一|十二|冬|腊|[一二三四五六七八九十])月(初[一二三四五六七八九十]|十[一二三四五六七八九]|二十|廿[一二三四五六七八九十]|三十)/,
  },
  { kind: 'other', pattern: /^农历/ },
  { kind: 'other', pattern: /^(?:总)?第\s*\d+\s*期/ },
  { kind: 'other', pattern: /^今日\s*\d+\s*版/ },
];
/** What may stand between chained fields. */
const SEPARATOR = /^[\s（）()【】[\]，,、·|｜/／]+/;
/** How far a chain may run from its date: a masthead, not a page. */
const MAX_CHAIN = 120;

export const mastheadDate: Rule = {
  meta: {
    id: 'masthead-date',
    category: 'consistency',
    defaultSeverity: 'error',
    fixable: true,
    fixKind: 'suggestion',
    scope: 'document',
    docs: {
      summary: '报头或电头的星期、农历与日期不符',
      gloss: 'A masthead or dateline whose weekday or lunar date contradicts its date',
      why: '报头日期、星期、农历每天都要改，最容易沿用前一天的版样而漏改。这类差错一眼就能被读者发现，是见报的硬伤。',
      example: { bad: '2026年1月19日 星期二 农历乙巳年十二月初二', good: '2026年1月19日 星期一 农历乙巳年十二月初一' },
      reference: '《农历的编算和颁行》（GB/T 33661-2017）',
    },
  },
  checkDocument(ctx) {
    const text = ctx.text.masked;
    const dates = findDates(text).map((m) => ({ m, fields: chainedFields(text, m.index!, m.index! + m[0].length) }));
    // A date without a year borrows the year of the document's verified masthead: the
    // first full date whose chained weekday agrees with it.
    const masthead = dates.find(({ m, fields }) => {
      const year = m[1] ? parseNumber(m[1], true) : undefined;
      const month = parseNumber(m[2]);
      const day = parseNumber(m[3]);
      if (year === undefined || month === undefined || day === undefined || !isValidDate(year, month, day)) return false;
      return fields.some((f) => f.kind === 'weekday' && sameWeekday(weekday(year, month, day), f.match[1]));
    });
    const documentYear = masthead ? parseNumber(masthead.m[1], true) : undefined;
    for (const { m, fields } of dates) {
      if (fields.length === 0) continue;
      const year = m[1] ? parseNumber(m[1], true) : documentYear;
      const month = parseNumber(m[2]);
      const day = parseNumber(m[3]);
      if (year === undefined || month === undefined || day === undefined || !isValidDate(year, month, day)) continue;
      const date = { year, month, day, label: `${m[1] ? `${year}年` : ''}${month}月${day}日` };
      for (const field of fields) check(ctx, date, field);
    }
  },
};

function sameWeekday(actual: number, written: string): boolean {
  return actual === 0 ? written === '日' || written === '天' : weekdayChar(actual) === written;
}

interface Field {
  kind: 'weekday' | 'lunar' | 'year' | 'other';
  start: number;
  match: RegExpExecArray;
}

/** Masthead fields chained to the date at [start, end), forwards then backwards. */
function chainedFields(text: string, start: number, end: number): Field[] {
  const fields: Field[] = [];
  // A range (1月19日至23日, 1月19日—20日) has no single weekday.
  if (/^\s*[至到—\-~～]/.test(text.slice(end, end + 3))) return fields;
  let at = end;
  for (;;) {
    const gap = SEPARATOR.exec(text.slice(at, at + 20));
    const from = at + (gap ? gap[0].length : 0);
    if (from - end > MAX_CHAIN || blankLines(text.slice(at, from)) > 2) break;
    const field = fieldAt(text, from);
    if (!field) break;
    if (field.kind === 'weekday' && /^[至到和、—\-~～]/.test(text.slice(from + field.match[0].length, from + field.match[0].length + 1))) break;
    fields.push(field);
    at = from + field.match[0].length;
  }
  // Backwards: fields written before the date on its line (星期一 2026年1月19日).
  let before = start;
  for (let steps = 0; steps < 4; steps++) {
    let gapStart = before;
    while (gapStart > 0 && /[ \t\u3000（）()【】，,、·|｜/／]/.test(text[gapStart - 1])) gapStart--;
    // Backwards only within the line: a field above belongs to the date above it.
    if (blankLines(text.slice(gapStart, before)) > 0 || gapStart === 0) break;
    let found: Field | undefined;
    for (let len = 1; len <= 12 && !found; len++) {
      const candidate = fieldAt(text, gapStart - len);
      if (candidate && candidate.start + candidate.match[0].length === gapStart) found = candidate;
    }
    if (!found) break;
    fields.push(found);
    before = found.start;
  }
  return fields;
}

function fieldAt(text: string, at: number): Field | undefined {
  if (at < 0) return undefined;
  const rest = text.slice(at, at + 16);
  for (const { kind, pattern } of FIELDS) {
    const match = pattern.exec(rest);
    if (match) return { kind, start: at, match };
  }
  return undefined;
}

function blankLines(gap: string): number {
  return (gap.match(/\n/g) ?? []).length;
}

interface CheckedDate {
  year: number;
  month: number;
  day: number;
  label: string;
}

function check(ctx: RuleContext, date: CheckedDate, field: Field): void {
  const { match, start } = field;
  if (field.kind === 'weekday') {
    const actual = weekday(date.year, date.month, date.day);
    const written = match[1];
    if (sameWeekday(actual, written)) return;
    const expected = weekdayChar(actual);
    const prefix = match[0].slice(0, -1);
    const offset = start + match[0].length - 1;
    ctx.report({
      offset: start,
      length: match[0].length,
      message: `星期与日期不符：${date.label}是${prefix}${expected}，应为“${prefix}${expected}”`,
      evidence: `按公历推算，${date.year}年${date.month}月${date.day}日是${prefix}${expected}。`,
      fixes: [makeFix(`改为“${prefix}${expected}”`, fixer.replaceTextRange([offset, offset + 1], expected))],
    });
    return;
  }
  const lunar = toLunar(date.year, date.month, date.day);
  if (!lunar) return;
  if (field.kind === 'year') {
    const expected = stemBranch(lunar.year);
    if (match[2] === expected) return;
    const offset = start + (match[1]?.length ?? 0);
    ctx.report({
      offset: start,
      length: match[0].length,
      message: `农历年份与日期不符：${date.label}是农历${expected}年，应为“${match[1] ?? ''}${expected}年”`,
      evidence: `按农历推算，${date.year}年${date.month}月${date.day}日在农历${expected}年${lunarMonthName(lunar.month, lunar.leap)}${lunarDayName(lunar.day)}。`,
      fixes: [makeFix(`改为“${expected}年”`, fixer.replaceTextRange([offset, offset + 2], expected))],
    });
    return;
  }
  if (field.kind === 'lunar') {
    const [whole, label = '', leapMark, monthText, dayText] = match;
    const month = parseLunarMonth(monthText);
    const day = parseLunarDay(dayText);
    if (month === lunar.month && day === lunar.day && !!leapMark === lunar.leap) return;
    const style = { winter: monthText === '冬' || monthText === '腊', first: monthText === '一' ? ('一' as const) : ('正' as const) };
    const expected = lunarMonthName(lunar.month, lunar.leap, style) + lunarDayName(lunar.day);
    ctx.report({
      offset: start,
      length: whole.length,
      message: `农历日期与公历不符：${date.label}是农历${expected}，应为“${label}${expected}”`,
      evidence: `按农历推算，${date.year}年${date.month}月${date.day}日是农历${stemBranch(lunar.year)}年${expected}。`,
      fixes: [makeFix(`改为“${label}${expected}”`, fixer.replaceTextRange([start + label.length, start + whole.length], expected))],
    });
  }
}

/** 2026, 二〇二六, 1, 十九, 二十一. */
function parseNumber(text: string, digitByDigit = false): number | undefined {
  if (/^\d+$/.test(text)) return Number(text);
  if (digitByDigit) {
    let value = 0;
    for (const ch of text) {
      const d = HAN_DIGITS[ch];
      if (d === undefined || d > 9) return undefined;
      value = value * 10 + d;
    }
    return value;
  }
  if (text === '十') return 10;
  const parts = text.split('十');
  if (parts.length === 1) return HAN_DIGITS[text];
  if (parts.length !== 2) return undefined;
  const tens = parts[0] === '' ? 1 : HAN_DIGITS[parts[0]];
  const ones = parts[1] === '' ? 0 : HAN_DIGITS[parts[1]];
  if (tens === undefined || ones === undefined) return undefined;
  return tens * 10 + ones;
}
