/**
 * Traditional → Simplified for a whole document (OpenCC `t` → `cn`), as edits per
 * changed stretch of a line, so undo and the cursor stay local. Lines are converted
 * one by one: OpenCC's phrase tables never span a line break in running text.
 */
import { toSimplified } from '../core';
import type { WireTextEdit } from './protocol';

export function toSimplifiedEdits(text: string): WireTextEdit[] {
  const edits: WireTextEdit[] = [];
  const lines = text.split(/\r\n|\r|\n/);
  lines.forEach((line, index) => {
    if (!/[^\x00-\x7f]/.test(line)) return;
    const converted = toSimplified(line);
    if (converted === line) return;
    let start = 0;
    while (start < line.length && start < converted.length && line[start] === converted[start]) start++;
    let endLine = line.length;
    let endConverted = converted.length;
    while (endLine > start && endConverted > start && line[endLine - 1] === converted[endConverted - 1]) {
      endLine--;
      endConverted--;
    }
    // Never split a surrogate pair at either end of the edit.
    if (start > 0 && isLowSurrogate(line.charCodeAt(start))) start--;
    if (endLine < line.length && isLowSurrogate(line.charCodeAt(endLine))) {
      endLine++;
      endConverted++;
    }
    edits.push({
      range: { start: { line: index, character: start }, end: { line: index, character: endLine } },
      newText: converted.slice(start, endConverted),
    });
  });
  return edits;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
