/**
 * The text model every rule reads: the raw text, a masked copy of the same length
 * (code, URLs, front matter, comments and disable markers blanked out so rules only
 * see prose), paragraphs, and the one place where offsets become line/character.
 *
 * Masking keeps offsets stable: a masked character becomes a space, a newline stays
 * a newline, and a surrogate pair becomes two spaces, so an offset into `masked` is
 * an offset into `raw`.
 */

export interface Paragraph {
  index: number;
  /** Offset of the paragraph's first character in the text. */
  start: number;
  /** Offset just past its last character (before the separating blank line). */
  end: number;
  /** The masked paragraph text (same length as end - start). */
  text: string;
}

export interface Position {
  line: number;
  character: number;
}

export type DirectiveKind = 'disable-next-line' | 'disable' | 'enable';

export interface Directive {
  kind: DirectiveKind;
  /** Rule ids, or null for every rule. */
  rules: string[] | null;
  line: number;
}

export type Language = 'markdown' | 'plaintext';

/** The language of a draft by its file name or URI: Markdown for .md and .markdown, plain text otherwise. */
export function languageOfPath(file: string): Language {
  return /\.(md|markdown)$/i.test(file) ? 'markdown' : 'plaintext';
}

/** The rule list runs to the line end; a closing --> is cut off after the match (a lazy list before optional `-->[ \t]*` backtracked quadratically on a long blank tail). */
const DIRECTIVE_LINE = /^[ \t]*(?:<!--[ \t]*)?jiaodui-(disable-next-line|disable|enable)\b([^\n]*)$/;
const URL_PATTERN =
  /\b(?:https?|ftp):\/\/[^\s<>"“”‘’（）()【】《》，。；！？]+|\bwww\.[A-Za-z0-9-]+\.[^\s<>"“”‘’（）()【】《》，。；！？]+|[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;

export class TextModel {
  readonly raw: string;
  readonly masked: string;
  readonly language: Language;
  readonly paragraphs: Paragraph[];
  readonly directives: Directive[];
  private readonly lineStarts: number[];

  /**
   * @param alreadyMasked the text is the masked copy of another TextModel (a
   *   paragraph handed to a rule): masking it again would find nothing new.
   */
  constructor(raw: string, language: Language = 'plaintext', alreadyMasked = false, singleParagraph = false) {
    this.raw = raw;
    this.language = language;
    this.lineStarts = computeLineStarts(raw);
    const { masked, directives } = alreadyMasked ? { masked: raw, directives: [] } : mask(raw, language, this.lineStarts);
    this.masked = masked;
    this.directives = directives;
    this.paragraphs = singleParagraph ? [{ index: 0, start: 0, end: raw.length, text: raw }] : splitParagraphs(masked);
  }

  /**
   * One paragraph's masked text as a model of its own (what paragraph rules see).
   * Splitting it again would only find the one paragraph it is: it has no blank
   * line inside and no blanks at either end.
   */
  static forParagraph(paragraphText: string): TextModel {
    return new TextModel(paragraphText, 'plaintext', true, true);
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.raw.length));
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid] <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: clamped - this.lineStarts[low] };
  }

  offsetAt(position: Position): number {
    if (position.line >= this.lineStarts.length) return this.raw.length;
    const start = this.lineStarts[Math.max(0, position.line)];
    const end = this.lineEnd(position.line);
    return Math.min(start + Math.max(0, position.character), end);
  }

  lineStart(line: number): number {
    return this.lineStarts[line];
  }

  /** Offset of the line's end, before its \r\n or \n. */
  lineEnd(line: number): number {
    const next = line + 1 < this.lineStarts.length ? this.lineStarts[line + 1] : this.raw.length;
    let end = next;
    if (end > this.lineStarts[line] && this.raw[end - 1] === '\n') end--;
    if (end > this.lineStarts[line] && this.raw[end - 1] === '\r') end--;
    return end;
  }

  lineText(line: number): string {
    return this.raw.slice(this.lineStarts[line], this.lineEnd(line));
  }

  /** The paragraph containing `offset`, if any (binary search). */
  paragraphAt(offset: number): Paragraph | undefined {
    let low = 0;
    let high = this.paragraphs.length - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      const p = this.paragraphs[mid];
      if (offset < p.start) high = mid - 1;
      else if (offset >= p.end) low = mid + 1;
      else return p;
    }
    return undefined;
  }
}

export function computeLineStarts(text: string): number[] {
  const starts = [0];
  // Lines ended by \n alone (nearly every draft): the native search finds each break, where a
  // loop over every code unit runs in V8's slow first tiers for most of a one-shot lint.
  if (!text.includes('\r')) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    return starts;
  }
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

/** Paragraphs are runs of non-blank lines; a line of only spaces separates them. */
export function splitParagraphs(masked: string): Paragraph[] {
  // Read by code unit, line by line: a 3 MB draft is tens of thousands of lines.
  const paragraphs: Paragraph[] = [];
  const n = masked.length;
  const newlinesOnly = !masked.includes('\r');
  let start = -1;
  let end = -1;
  for (let lineStart = 0; lineStart < n;) {
    let lineEnd = newlinesOnly ? masked.indexOf('\n', lineStart) : lineStart;
    if (lineEnd < 0) lineEnd = n;
    else if (!newlinesOnly) while (lineEnd < n && !isLineBreak(masked.charCodeAt(lineEnd))) lineEnd++;
    let last = lineEnd;
    while (last > lineStart && isWhiteSpaceCode(masked.charCodeAt(last - 1))) last--;
    if (last === lineStart) {
      // A blank line (or one of spaces only) ends the paragraph.
      if (start >= 0) {
        paragraphs.push({ index: paragraphs.length, start, end, text: masked.slice(start, end) });
        start = -1;
      }
    } else {
      if (start < 0) {
        start = lineStart;
        while (isIndent(masked.charCodeAt(start))) start++;
      }
      end = last;
    }
    lineStart = lineEnd < n ? lineEnd + (masked.charCodeAt(lineEnd) === 13 && masked.charCodeAt(lineEnd + 1) === 10 ? 2 : 1) : n;
  }
  if (start >= 0) paragraphs.push({ index: paragraphs.length, start, end, text: masked.slice(start, end) });
  return paragraphs;
}

function isLineBreak(code: number): boolean {
  return code === 10 || code === 13;
}

/** What /[\s\u3000]/ matches (and String.prototype.trim removes), by code unit. */
export function isWhiteSpaceCode(code: number): boolean {
  if (code <= 32) return code === 32 || (code >= 9 && code <= 13);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** Indentation before a paragraph's first line: spaces, tabs, ideographic spaces. */
function isIndent(code: number): boolean {
  return code === 32 || code === 9 || code === 0x3000;
}

/** Ranges [from, to) to blank; blanking keeps line breaks so offsets and lines stay put. */
type Ranges = Array<[number, number]>;

function applyBlanks(raw: string, ranges: Ranges): string {
  if (ranges.length === 0) return raw;
  ranges.sort((a, b) => a[0] - b[0]);
  const parts: string[] = [];
  let at = 0;
  for (const [from, to] of ranges) {
    const start = Math.max(from, at);
    if (to <= start) continue;
    parts.push(raw.slice(at, start), raw.slice(start, to).replace(/[^\r\n]/g, ' '));
    at = to;
  }
  parts.push(raw.slice(at));
  return parts.join('');
}

/*
 * Masking builds a list of ranges and one new string at the end: splitting a
 * 2 MB draft into an array of characters cost more than linting it.
 */
function mask(raw: string, language: Language, lineStarts: number[]): { masked: string; directives: Directive[] } {
  const ranges: Ranges = [];
  const directives: Directive[] = [];
  if (raw.charCodeAt(0) === 0xfeff) ranges.push([0, 1]);

  if (raw.includes('jiaodui-')) {
    for (let line = 0; line < lineStarts.length; line++) {
      const start = lineStarts[line];
      const next = line + 1 < lineStarts.length ? lineStarts[line + 1] : raw.length;
      const text = raw.slice(start, next).replace(/[\r\n]+$/, '');
      if (!text.includes('jiaodui-')) continue;
      const m = DIRECTIVE_LINE.exec(text);
      if (m) {
        const list = m[2]
          .replace(/-->\s*$/, '')
          .split(/[\s,，]+/)
          .filter(Boolean);
        directives.push({ kind: m[1] as DirectiveKind, rules: list.length ? list : null, line });
        ranges.push([start, start + text.length]);
      }
    }
  }

  if (language === 'markdown') maskMarkdown(raw, ranges, lineStarts);

  for (const m of raw.matchAll(URL_PATTERN)) ranges.push([m.index!, m.index! + m[0].length]);
  return { masked: applyBlanks(raw, ranges), directives };
}

function maskMarkdown(raw: string, ranges: Ranges, lineStarts: number[]): void {
  const lineAt = (i: number) => raw.slice(lineStarts[i], i + 1 < lineStarts.length ? lineStarts[i + 1] : raw.length);
  const blocks: Ranges = [];
  let line = 0;
  // Front matter: a --- block at the very top.
  if (/^\uFEFF?---[ \t]*\r?\n/.test(raw)) {
    for (let i = 1; i < lineStarts.length; i++) {
      if (/^(---|\.\.\.)[ \t]*\r?\n?$/.test(lineAt(i))) {
        const end = i + 1 < lineStarts.length ? lineStarts[i + 1] : raw.length;
        blocks.push([0, end]);
        line = i + 1;
        break;
      }
    }
  }
  // Fenced code blocks.
  let fence: string | null = null;
  let fenceStart = 0;
  if (raw.includes('```') || raw.includes('~~~')) {
    for (; line < lineStarts.length; line++) {
      const text = lineAt(line);
      const m = /^[ ]{0,3}(`{3,}|~{3,})/.exec(text);
      if (fence === null && m) {
        fence = m[1];
        fenceStart = lineStarts[line];
      } else if (fence !== null && m && m[1][0] === fence[0] && m[1].length >= fence.length && /^[ ]{0,3}[`~]+[ \t]*\r?\n?$/.test(text)) {
        blocks.push([fenceStart, lineStarts[line] + text.length]);
        fence = null;
      }
    }
    if (fence !== null) blocks.push([fenceStart, raw.length]);
  }
  ranges.push(...blocks);

  // Inline constructs are looked for outside the blocks only.
  const masked = applyBlanks(raw, blocks.slice());
  // HTML comments, inline code, autolinks, link destinations, raw HTML tags.
  const patterns = [
    /<!--[\s\S]*?-->/g,
    /(`+)(?:(?!\1)[^\n])+\1/g,
    /<[a-zA-Z][a-zA-Z0-9+.-]*:[^\s<>]*>/g,
    /\]\([^)\s]*(?:\s+"[^"]*")?\)/g,
    /<\/?[a-zA-Z][a-zA-Z0-9-]*(?:\s[^<>\n]*)?\/?>/g,
  ];
  for (const pattern of patterns) {
    for (const m of masked.matchAll(pattern)) {
      if (pattern.source.startsWith('\\]')) ranges.push([m.index! + 1, m.index! + m[0].length]);
      else ranges.push([m.index!, m.index! + m[0].length]);
    }
  }
}
