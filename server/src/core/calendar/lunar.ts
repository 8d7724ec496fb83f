/**
 * A small Chinese lunar (农历) calendar for 1901–2099: Gregorian date → lunar year,
 * month (with leap months), day and the year's stem-branch (干支) name. It exists so
 * `masthead-date` can check a masthead's 农历 line against its date.
 *
 * Data: one number per lunar year from 1900, in the bit-packed encoding common to
 * open-source Chinese calendars (derived from the Hong Kong Observatory's Gregorian–
 * lunar tables): bits 4–15 give the lengths of months 1–12 (1 = 30 days, 0 = 29,
 * month 1 in bit 15), bits 0–3 the leap month (0 = none), bit 16 the leap month's
 * length. 2033 carries the leap eleventh month fixed by GB/T 33661-2017《农历的编算和
 * 颁行》. Every month start in 1901–2099 was checked against new moons computed with
 * Meeus, Astronomical Algorithms ch. 49 (Beijing time): all agree within a day, and
 * the day-level differences fall on new moons within minutes of midnight.
 */
const LUNAR_INFO = [
  0x04bd8,
  0x04ae0,
  0x0a570,
  0x054d5,
  0x0d260,
  0x0d950,
  0x16554,
  0x056a0,
  0x09ad0,
  0x055d2, // 1900–1909
  0x04ae0,
  0x0a5b6,
  0x0a4d0,
  0x0d250,
  0x1d255,
  0x0b540,
  0x0d6a0,
  0x0ada2,
  0x095b0,
  0x14977, // 1910–1919
  0x04970,
  0x0a4b0,
  0x0b4b5,
  0x06a50,
  0x06d40,
  0x1ab54,
  0x02b60,
  0x09570,
  0x052f2,
  0x04970, // 1920–1929
  0x06566,
  0x0d4a0,
  0x0ea50,
  0x06e95,
  0x05ad0,
  0x02b60,
  0x186e3,
  0x092e0,
  0x1c8d7,
  0x0c950, // 1930–1939
  0x0d4a0,
  0x1d8a6,
  0x0b550,
  0x056a0,
  0x1a5b4,
  0x025d0,
  0x092d0,
  0x0d2b2,
  0x0a950,
  0x0b557, // 1940–1949
  0x06ca0,
  0x0b550,
  0x15355,
  0x04da0,
  0x0a5b0,
  0x14573,
  0x052b0,
  0x0a9a8,
  0x0e950,
  0x06aa0, // 1950–1959
  0x0aea6,
  0x0ab50,
  0x04b60,
  0x0aae4,
  0x0a570,
  0x05260,
  0x0f263,
  0x0d950,
  0x05b57,
  0x056a0, // 1960–1969
  0x096d0,
  0x04dd5,
  0x04ad0,
  0x0a4d0,
  0x0d4d4,
  0x0d250,
  0x0d558,
  0x0b540,
  0x0b6a0,
  0x195a6, // 1970–1979
  0x095b0,
  0x049b0,
  0x0a974,
  0x0a4b0,
  0x0b27a,
  0x06a50,
  0x06d40,
  0x0af46,
  0x0ab60,
  0x09570, // 1980–1989
  0x04af5,
  0x04970,
  0x064b0,
  0x074a3,
  0x0ea50,
  0x06b58,
  0x055c0,
  0x0ab60,
  0x096d5,
  0x092e0, // 1990–1999
  0x0c960,
  0x0d954,
  0x0d4a0,
  0x0da50,
  0x07552,
  0x056a0,
  0x0abb7,
  0x025d0,
  0x092d0,
  0x0cab5, // 2000–2009
  0x0a950,
  0x0b4a0,
  0x0baa4,
  0x0ad50,
  0x055d9,
  0x04ba0,
  0x0a5b0,
  0x15176,
  0x052b0,
  0x0a930, // 2010–2019
  0x07954,
  0x06aa0,
  0x0ad50,
  0x05b52,
  0x04b60,
  0x0a6e6,
  0x0a4e0,
  0x0d260,
  0x0ea65,
  0x0d530, // 2020–2029
  0x05aa0,
  0x076a3,
  0x096d0,
  0x04afb,
  0x04ad0,
  0x0a4d0,
  0x1d0b6,
  0x0d250,
  0x0d520,
  0x0dd45, // 2030–2039
  0x0b5a0,
  0x056d0,
  0x055b2,
  0x049b0,
  0x0a577,
  0x0a4b0,
  0x0aa50,
  0x1b255,
  0x06d20,
  0x0ada0, // 2040–2049
  0x14b63,
  0x09370,
  0x049f8,
  0x04970,
  0x064b0,
  0x168a6,
  0x0ea50,
  0x06b20,
  0x1a6c4,
  0x0aae0, // 2050–2059
  0x092e0,
  0x0d2e3,
  0x0c960,
  0x0d557,
  0x0d4a0,
  0x0da50,
  0x05d55,
  0x056a0,
  0x0a6d0,
  0x055d4, // 2060–2069
  0x052d0,
  0x0a9b8,
  0x0a950,
  0x0b4a0,
  0x0b6a6,
  0x0ad50,
  0x055a0,
  0x0aba4,
  0x0a5b0,
  0x052b0, // 2070–2079
  0x0b273,
  0x06930,
  0x07337,
  0x06aa0,
  0x0ad50,
  0x14b55,
  0x04b60,
  0x0a570,
  0x054e4,
  0x0d160, // 2080–2089
  0x0e968,
  0x0d520,
  0x0daa0,
  0x16aa6,
  0x056d0,
  0x04ae0,
  0x0a9d4,
  0x0a2d0,
  0x0d150,
  0x0f252, // 2090–2099
];

/** Lunar 1900-01-01 fell on Gregorian 1900-01-31. */
const EPOCH = Date.UTC(1900, 0, 31);
const DAY = 86_400_000;
export const FIRST_YEAR = 1901;
export const LAST_YEAR = 2099;

export interface LunarDate {
  year: number;
  month: number;
  day: number;
  leap: boolean;
}

const STEMS = '甲乙丙丁戊己庚辛壬癸';
const BRANCHES = '子丑寅卯辰巳午未申酉戌亥';
const MONTHS = ['正', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];
const DAYS_TENS = ['初', '十', '廿', '三'];
const DIGITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const WEEKDAYS = '日一二三四五六';

export function isValidDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(year: number, month: number, day: number): number {
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}

/** The weekday's character as written after 星期/周: 日 for Sunday. */
export function weekdayChar(index: number): string {
  return WEEKDAYS[index];
}

function monthLength(year: number, month: number, leap: boolean): number {
  const info = LUNAR_INFO[year - 1900];
  if (leap) return info & 0x10000 ? 30 : 29;
  return info & (0x10000 >> month) ? 30 : 29;
}

/** The lunar date of a Gregorian date, or undefined outside 1901–2099. */
export function toLunar(year: number, month: number, day: number): LunarDate | undefined {
  if (year < FIRST_YEAR || year > LAST_YEAR || !isValidDate(year, month, day)) return undefined;
  let offset = Math.round((Date.UTC(year, month - 1, day) - EPOCH) / DAY);
  let lunarYear = 1900;
  for (;;) {
    const info = LUNAR_INFO[lunarYear - 1900];
    let days = 0;
    for (let m = 1; m <= 12; m++) days += monthLength(lunarYear, m, false);
    if (info & 0xf) days += monthLength(lunarYear, info & 0xf, true);
    if (offset < days) break;
    offset -= days;
    lunarYear++;
    if (lunarYear - 1900 >= LUNAR_INFO.length) return undefined;
  }
  const leapMonth = LUNAR_INFO[lunarYear - 1900] & 0xf;
  for (let m = 1; m <= 12; m++) {
    const days = monthLength(lunarYear, m, false);
    if (offset < days) return { year: lunarYear, month: m, day: offset + 1, leap: false };
    offset -= days;
    if (m === leapMonth) {
      const leapDays = monthLength(lunarYear, m, true);
      if (offset < leapDays) return { year: lunarYear, month: m, day: offset + 1, leap: true };
      offset -= leapDays;
    }
  }
  return undefined;
}

/** 干支 name of a lunar year: 2025 → 乙巳. */
export function stemBranch(lunarYear: number): string {
  const n = (((lunarYear - 4) % 60) + 60) % 60;
  return STEMS[n % 10] + BRANCHES[n % 12];
}

/** 十二月, 正月, 闰六月. `style` keeps a writer's 冬月/腊月 or 一月 choice. */
export function lunarMonthName(month: number, leap: boolean, style: { winter?: boolean; first?: '正' | '一' } = {}): string {
  let name = MONTHS[month - 1];
  if (style.first === '一' && month === 1) name = '一';
  if (style.winter && month === 11) name = '冬';
  if (style.winter && month === 12) name = '腊';
  return `${leap ? '闰' : ''}${name}月`;
}

/** 初一 … 初十, 十一 … 十九, 二十, 廿一 … 廿九, 三十. */
export function lunarDayName(day: number): string {
  if (day === 10) return '初十';
  if (day === 20) return '二十';
  if (day === 30) return '三十';
  return DAYS_TENS[Math.floor(day / 10)] + DIGITS[day % 10];
}

/** Parses a lunar day name (初一, 十五, 廿三, 二十, 三十); undefined if it is not one. */
export function parseLunarDay(text: string): number | undefined {
  for (let day = 1; day <= 30; day++) if (lunarDayName(day) === text) return day;
  if (text === '廿十') return 20;
  return undefined;
}

/** Parses a lunar month name (正, 一 … 十二, 冬, 腊) without 月/闰. */
export function parseLunarMonth(text: string): number | undefined {
  if (text === '正' || text === '一') return 1;
  if (text === '冬') return 11;
  if (text === '腊') return 12;
  const index = MONTHS.indexOf(text);
  return index >= 0 ? index + 1 : undefined;
}
