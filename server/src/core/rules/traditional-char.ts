/**
 * traditional-char: Traditional characters in a Simplified draft (醫院, 之後,
 * 說明), as pasting from a Hong Kong or Taiwan source leaves them. Candidates come
 * from OpenCC's Traditional → Simplified tables (opencc-js), read word by word so
 * that 乾隆, 皇后 and 著名 keep their characters; a candidate is reported only when
 * the lexicon agrees: the Simplified reading is a known word or a far more common
 * character, and the original is not a word. It deliberately ignores characters
 * that are valid Simplified in some words (乾, 於, 徵, 著 …, as OpenCC's own phrase
 * table shows), Simplified characters that several Traditional ones merged into
 * (后, 里, 于, 余, 台, 云, 只 never change), and the Traditional forms the learned
 * corpus uses on purpose (characters.traditionalAllowed: names, quoted titles).
 */
import type { Rule, RuleContext } from '../types';
import type { Paragraph } from '../text';
import type { Lexicon } from '../lexicon';
import { segment } from '../segmenter';
import { hanWindowEnd, hanWindowStart, isHanIdeograph } from '../analysis/han';
import { traditionalKey } from '../model/sections/characters';
import { traditionalTablesFor, type TraditionalTables } from '../analysis/traditional-chars';
import { fixer, makeFix } from '../fixer';

/** Han characters read on each side of a suspect, so the converter sees whole words. */
const WINDOW = 4;
/** A Simplified word must be at least this common to vouch for the conversion. */
const WORD_MIN_FREQ = 5;
/** A lone character converts only when its Simplified form is this many times more common. */
const CHAR_RATIO = 20;
/** Corpus sightings that make a Traditional form the house's own usage. */
const ALLOWED_MIN_COUNT = 2;

export const traditionalChar: Rule = {
  meta: {
    id: 'traditional-char',
    category: 'characters',
    defaultSeverity: 'warning',
    fixable: true,
    fixKind: 'safe',
    fixKindNote: '逐字转换与按词转换结果不同（需看语境）时为建议',
    scope: 'paragraph',
    docs: {
      summary: '简体稿中的繁体字',
      gloss: 'Traditional characters in a Simplified draft',
      why: '从港澳台稿源或繁体网页复制的文字会把繁体字带进简体稿（醫院、之後），肉眼在大段简体字中很难发现。《通用规范汉字表》规定出版物使用规范简化字。本规则用 OpenCC 繁简对照逐词转换，并用词典核对，只报告确属繁体的字；乾隆、皇后、著名等简体中本来就用的字不报。',
      example: { bad: '市第一人民醫院', good: '市第一人民医院' },
      reference: '《通用规范汉字表》（2013）；《中华人民共和国国家通用语言文字法》第十七条',
    },
  },
  checkParagraph(ctx, paragraph) {
    const text = paragraph.text;
    // Every Traditional-only character is outside ASCII; most paragraphs stop here.
    if (!/[^\x00-\x7f]/.test(text)) return;
    const tables = traditionalTablesFor(text);
    if (!tables) return;
    for (let runStart = tables.findTraditional(text, 0); runStart >= 0;) {
      let runEnd = runStart;
      while (isTraditionalAt(tables, text, runEnd)) runEnd += text.codePointAt(runEnd)! > 0xffff ? 2 : 1;
      checkRun(ctx, paragraph, tables, runStart, runEnd);
      runStart = tables.findTraditional(text, runEnd);
    }
  },
};

function isTraditionalAt(tables: TraditionalTables, text: string, i: number): boolean {
  return i < text.length && tables.traditionalOnly.has(String.fromCodePoint(text.codePointAt(i)!));
}

/** Converts a run of Traditional-only characters with a few characters of context, and reports what changed. */
function checkRun(ctx: RuleContext, paragraph: Paragraph, tables: TraditionalTables, runStart: number, runEnd: number): void {
  const text = paragraph.text;
  const { convert } = tables;
  const allowed = ctx.model.characters?.traditionalAllowed ?? {};
  const lexicon = ctx.lexicon;
  const windowStart = hanWindowStart(text, runStart, WINDOW, isHanIdeograph);
  const windowEnd = hanWindowEnd(text, runEnd, WINDOW, isHanIdeograph);
  const original = text.slice(windowStart, windowEnd);
  let simplified = convert(original);
  let offset = windowStart;
  if (simplified.length !== original.length) {
    // A phrase changed length: fall back to the run alone.
    simplified = convert(text.slice(runStart, runEnd));
    offset = runStart;
    if (simplified.length !== runEnd - runStart) return;
  }
  // The changed part of the run.
  let from = runStart;
  while (from < runEnd && text[from] === simplified[from - offset]) from++;
  let to = runEnd;
  while (to > from && text[to - 1] === simplified[to - 1 - offset]) to--;
  if (from >= to) return;
  const flagged = text.slice(from, to);
  const replacement = simplified.slice(from - offset, to - offset);

  const key = traditionalKey(text, from, lexicon);
  if ((key && (allowed[key.word] ?? 0) >= ALLOWED_MIN_COUNT) || (allowed[flagged] ?? 0) >= ALLOWED_MIN_COUNT) return;
  if (coveredByKnownWord(lexicon, original, from - windowStart, to - windowStart)) return;
  const evidence = simplifiedEvidence(lexicon, simplified, from - offset, to - offset, flagged, replacement);
  if (!evidence) return;

  ctx.report({
    offset: paragraph.start + from,
    length: to - from,
    message: `繁体字“${flagged}”，应为“${replacement}”`,
    evidence,
    // Unambiguous when the characters convert the same way alone as in their words;
    // a conversion that only the phrase table decides is a suggestion.
    fixes: [
      makeFix(
        `改为简体“${replacement}”`,
        fixer.replaceTextRange([paragraph.start + from, paragraph.start + to], replacement),
        convert(flagged) === replacement ? 'safe' : 'suggestion',
      ),
    ],
  });
}

/** The original already reads as a known word across the suspect (a Simplified word that keeps the character). */
function coveredByKnownWord(lexicon: Lexicon, window: string, from: number, to: number): boolean {
  for (const token of segment(lexicon, window)) {
    if (token.end <= from || token.start >= to) continue;
    if (token.end - token.start >= 2 && lexicon.freq(token.word) >= WORD_MIN_FREQ) return true;
  }
  return false;
}

function simplifiedEvidence(lexicon: Lexicon, simplified: string, from: number, to: number, flagged: string, replacement: string): string | null {
  for (const token of segment(lexicon, simplified)) {
    if (token.end <= from || token.start >= to) continue;
    if (token.end - token.start >= 2 && lexicon.freq(token.word) >= WORD_MIN_FREQ) {
      return `OpenCC 繁简转换为“${replacement}”，“${token.word}”是常用词，原写法不是简体词。`;
    }
  }
  // No word around it: compare the characters themselves.
  const chars = [...flagged];
  const targets = [...replacement];
  if (chars.length !== targets.length) return null;
  const ok = chars.every((ch, i) => lexicon.freq(targets[i]) >= CHAR_RATIO * Math.max(1, lexicon.freq(ch)));
  return ok ? `OpenCC 繁简转换为“${replacement}”，简体字形远比“${flagged}”常用。` : null;
}
