/** Character and line helpers of stray-digits: code points, line breaks, content lines. */
import type { TextModel } from '../../text';

export function isDigitChar(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '9' && ch.length === 1;
}

export function wholeLine(text: TextModel, line: number): { start: number; end: number } {
  const start = text.lineStart(line);
  if (line + 1 < text.lineCount) return { start, end: text.lineStart(line + 1) };
  // The last line: take the line break before it instead.
  const end = text.lineEnd(line);
  return { start: line > 0 ? text.lineEnd(line - 1) : start, end };
}

export function previousContentLine(text: TextModel, line: number): number | null {
  for (let l = line - 1; l >= 0; l--) {
    const content = text.masked.slice(text.lineStart(l), text.lineEnd(l));
    if (content.trim() !== '') return l;
    if (text.lineText(l).trim() !== '') return null; // masked content (code, a comment) in between
  }
  return null;
}

export function nextContentLine(text: TextModel, line: number): number | null {
  for (let l = line + 1; l < text.lineCount; l++) {
    const content = text.masked.slice(text.lineStart(l), text.lineEnd(l));
    if (content.trim() !== '') return l;
    if (text.lineText(l).trim() !== '') return null;
  }
  return null;
}

/** Just after the last line break before `i`, or 0 (read back to it: a draft without \r must not be searched whole for one). */
export function lastLineBreak(text: string, i: number): number {
  for (let j = Math.max(0, i - 1); j >= 0; j--) {
    const code = text.charCodeAt(j);
    if (code === 10 || code === 13) return j + 1;
  }
  return 0;
}

/** The first line break at or after `i`, or the text's length. */
export function nextLineBreak(text: string, i: number): number {
  for (let j = Math.max(0, i); j < text.length; j++) {
    const code = text.charCodeAt(j);
    if (code === 10 || code === 13) return j;
  }
  return text.length;
}

export function charAt(text: string, i: number): string | undefined {
  if (i < 0 || i >= text.length) return undefined;
  return String.fromCodePoint(text.codePointAt(i)!);
}

export function charBefore(text: string, i: number): string | undefined {
  if (i <= 0) return undefined;
  const low = text.charCodeAt(i - 1);
  if (low >= 0xdc00 && low <= 0xdfff && i >= 2) return text.slice(i - 2, i);
  return text[i - 1];
}

export function tail(line: string, n: number): string {
  return [...line].slice(-n).join('');
}

export function head(line: string, n: number): string {
  return [...line].slice(0, n).join('');
}
