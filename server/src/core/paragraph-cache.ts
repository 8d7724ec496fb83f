/**
 * The engine's findings per paragraph text, bounded by size rather than by count: a
 * long-running language server sees every version of every paragraph typed, and a
 * count says nothing about memory when one paragraph is a sentence and another a
 * 5 MB paste. Least recently used entries go first, so the paragraphs of the open
 * documents stay while the versions typed over fall out. Entries the current lint
 * has used never go: a document larger than the cache is then held whole while it is
 * linted (bounded by its own size) instead of evicting itself paragraph by paragraph
 * and being linted from scratch on every keystroke.
 */
import type { Finding } from './types';

/**
 * What the cache may hold, in characters of paragraph text plus FINDING_WEIGHT per
 * finding: about 4 MB of UTF-16 text, a dozen drafts of 150 KB.
 */
export const PARAGRAPH_CACHE_CHARACTERS = 2_000_000;
/** A cached finding weighs about as much as this many characters of text (the object, its message, its fixes). */
const FINDING_WEIGHT = 200;

const weightOf = (text: string, findings: readonly Finding[]) => text.length + FINDING_WEIGHT * findings.length;

/**
 * The text as a string of its own. A paragraph's text is cut from its document, and V8
 * keeps the whole document alive behind such a slice: the cache would hold every
 * version of every document typed, whatever it counts. Flattening a concatenation
 * copies the characters; the slice after it only leaves out the added one.
 */
function detached(text: string): string {
  return (' ' + text).slice(1);
}

interface Entry {
  /** The detached copy of the paragraph text the entry is stored under. */
  key: string;
  findings: Finding[];
  /** The lint that used the entry last. */
  lint: number;
}

export class ParagraphCache {
  private readonly entries = new Map<string, Entry>();
  private weight = 0;
  private lint = 0;

  constructor(private readonly capacity = PARAGRAPH_CACHE_CHARACTERS) {}

  /** A new lint starts: what it uses is kept until the next one, whatever the capacity. */
  beginLint(): void {
    this.lint++;
  }

  /** The findings cached for this paragraph text, marked as just used. */
  get(text: string): Finding[] | undefined {
    const entry = this.entries.get(text);
    if (entry === undefined) return undefined;
    // Map keeps insertion order: moving a hit to the end keeps the oldest first in line to go.
    this.entries.delete(text);
    this.entries.set(entry.key, entry);
    entry.lint = this.lint;
    return entry.findings;
  }

  set(text: string, findings: Finding[]): void {
    const old = this.entries.get(text);
    if (old !== undefined) {
      this.entries.delete(text);
      this.weight -= weightOf(text, old.findings);
    }
    const key = old?.key ?? detached(text);
    this.entries.set(key, { key, findings, lint: this.lint });
    this.weight += weightOf(text, findings);
    for (const [key, entry] of this.entries) {
      // The entries after the first one this lint used were all used by it too.
      if (this.weight <= this.capacity || entry.lint === this.lint) break;
      this.entries.delete(key);
      this.weight -= weightOf(key, entry.findings);
    }
  }

  /** Characters held now, findings weighed in: at most the capacity, or what the current lint uses. */
  get size(): number {
    return this.weight;
  }

  get count(): number {
    return this.entries.size;
  }
}
