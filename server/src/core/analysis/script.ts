/**
 * Is a stretch of text Chinese at all? Rules judge Chinese copy: run over an English
 * sentence, punctuation-width would turn its quotes and ellipsis into Chinese marks, and
 * over Japanese, traditional-char would call its kanji (語, 強, 東) Traditional Chinese.
 * The engine asks this of each paragraph (and of the whole text for document rules) and
 * leaves what is not Chinese alone.
 *
 * Two signals, both cheap and robust:
 * - kana: Japanese prose cannot be written without it (a Japanese sentence is 40–70 %
 *   kana, a kanji-heavy headline still a third), while Chinese text meets it only in a
 *   quoted Japanese title or name. The
 *   katakana middle dot and the prolonged sound mark are left out: Chinese copy borrows
 *   the dot for foreign names.
 * - Latin letters: a paragraph that is mostly English (a quoted abstract, an English
 *   version) has few Han characters among its letters; a Chinese paragraph that names
 *   an organisation in English still has far more Han than the name has letters.
 */
import { isHan } from './han';

/** Kana as a share of kana + Han above which a paragraph reads as Japanese. */
export const JAPANESE_KANA_SHARE = 0.3;
/** Fewer kana than this is a quoted name or title, never Japanese prose. */
const MIN_KANA = 3;
/** Han as a share of Han + Latin letters below which a paragraph reads as a Latin-script language. */
export const CHINESE_MIN_HAN_SHARE = 0.2;
/** Fewer Latin letters than this never make a paragraph non-Chinese (an acronym, a unit). */
const MIN_LATIN_LETTERS = 20;

const isKana = (code: number): boolean => (code >= 0x3041 && code <= 0x309f) || (code >= 0x30a0 && code <= 0x30fa) || (code >= 0x31f0 && code <= 0x31ff);
const isLatinLetter = (code: number): boolean =>
  (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) || (code >= 0xc0 && code <= 0x24f && code !== 0xd7 && code !== 0xf7);

export interface ScriptCounts {
  han: number;
  kana: number;
  latin: number;
}

export function countScripts(text: string): ScriptCounts {
  let han = 0;
  let kana = 0;
  let latin = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) {
      if (isLatinLetter(unit)) latin++;
      continue;
    }
    const code = text.codePointAt(i)!;
    if (code > 0xffff) i++;
    if (isHan(code)) han++;
    else if (isKana(code)) kana++;
    else if (isLatinLetter(code)) latin++;
  }
  return { han, kana, latin };
}

/** Kana and Latin letters as isKana and isLatinLetter read them (code units: neither has a supplementary character). */
const KANA = /[\u3041-\u309f\u30a0-\u30fa\u31f0-\u31ff]/g;
const LATIN_LETTER = /[A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f]/g;

/** Does `pattern` (global) match at least `count` times in the text? */
function matchesAtLeast(pattern: RegExp, text: string, count: number): boolean {
  pattern.lastIndex = 0;
  let found = 0;
  while (pattern.test(text)) if (++found >= count) return true;
  return false;
}

/** Does the text read as Chinese (so that rules judging Chinese copy apply)? Text with no letters of any script does. */
export function isChineseText(text: string): boolean {
  // With fewer kana and letters than either test needs, the text is Chinese without counting
  // its Han: two native scans instead of a loop over every character (most paragraphs).
  if (!matchesAtLeast(KANA, text, MIN_KANA) && !matchesAtLeast(LATIN_LETTER, text, MIN_LATIN_LETTERS)) return true;
  const { han, kana, latin } = countScripts(text);
  if (kana >= MIN_KANA && kana >= JAPANESE_KANA_SHARE * (kana + han)) return false;
  if (latin >= MIN_LATIN_LETTERS && han < CHINESE_MIN_HAN_SHARE * (han + latin)) return false;
  return true;
}
