/**
 * JSON with comments (JSONC), as VS Code settings and markdownlint configs are written:
 * `//` and `/* *\/` comments and trailing commas are allowed in `.jiaoduirc.json`.
 * Comments are blanked to spaces, not removed, so every offset in the stripped text is the
 * offset in the file: a JSON error's position still points at the right character, and an
 * edit found on the stripped text applies to the file itself.
 */

/** The text with comments and trailing commas replaced by spaces (same length, same line breaks). */
export function stripJsonc(text: string): string {
  const out = text.split('');
  let i = 0;
  let lastSignificant = -1; // index of the last non-space character outside comments
  while (i < text.length) {
    const ch = text[i];
    if (ch === '"') {
      i = stringEnd(text, i);
      lastSignificant = i - 1;
      continue;
    }
    if (ch === '/' && text[i + 1] === '/') {
      for (; i < text.length && text[i] !== '\n' && text[i] !== '\r'; i++) out[i] = ' ';
      continue;
    }
    if (ch === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      const stop = end < 0 ? text.length : end + 2;
      for (; i < stop; i++) if (text[i] !== '\n' && text[i] !== '\r') out[i] = ' ';
      continue;
    }
    if ((ch === '}' || ch === ']') && lastSignificant >= 0 && out[lastSignificant] === ',') out[lastSignificant] = ' ';
    if (!/\s/.test(ch)) lastSignificant = i;
    i++;
  }
  return out.join('');
}

export function parseJsonc(text: string): unknown {
  return JSON.parse(stripJsonc(text.replace(/^\uFEFF/, '')));
}

/** Does the text use anything beyond plain JSON (comments, trailing commas)? */
export function isPlainJson(text: string): boolean {
  return stripJsonc(text) === text;
}

/** The offset just past the string literal that opens at `start` (a '"'). */
function stringEnd(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
  return Math.min(i + 1, text.length);
}

/**
 * Where a top-level key's value sits in a JSONC object: the offsets of its first and
 * last characters (for an array: its brackets), found on the stripped text so comments
 * never match. Undefined when the key is not there.
 */
export function topLevelValueRange(text: string, key: string): { start: number; end: number } | undefined {
  const stripped = stripJsonc(text);
  let depth = 0;
  for (let i = 0; i < stripped.length; i++) {
    const ch = stripped[i];
    if (ch === '"') {
      const end = stringEnd(stripped, i);
      if (depth === 1 && JSON.parse(stripped.slice(i, end)) === key && /^\s*:/.test(stripped.slice(end))) {
        let v = stripped.indexOf(':', end) + 1;
        while (/\s/.test(stripped[v])) v++;
        return { start: v, end: valueEnd(stripped, v) };
      }
      i = end - 1;
    } else if (ch === '{' || ch === '[') depth++;
    else if (ch === '}' || ch === ']') depth--;
  }
  return undefined;
}

/** The offset of the last character of the JSON value starting at `start`. */
function valueEnd(stripped: string, start: number): number {
  let depth = 0;
  for (let i = start; i < stripped.length; i++) {
    const ch = stripped[i];
    if (ch === '"') {
      i = stringEnd(stripped, i) - 1;
      if (depth === 0) return i;
    } else if (ch === '{' || ch === '[') depth++;
    else if (ch === '}' || ch === ']') {
      depth--;
      if (depth === 0) return i;
    } else if (depth === 0 && /[,\s}]/.test(stripped[i + 1] ?? ',')) return i;
  }
  return stripped.length - 1;
}
