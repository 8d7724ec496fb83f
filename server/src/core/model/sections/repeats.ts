/**
 * Model section for `duplicate-word`: repeats the lexicon cannot explain but the
 * corpus uses again and again — a reporter's reduplicated given name, a local
 * place name, a transliteration. Stored as the doubled span with one character of
 * context on either side, so 胡强强 is learned as a name without making every 强强
 * legitimate. A repeat seen only once is the typo the rule exists to catch, so it
 * is not learned.
 */
import type { CorpusDocument } from '../corpus';
import type { Lexicon } from '../../lexicon';
import { explainRepeat, findRepeats } from '../../analysis/repetition';

export interface RepeatsSection {
  /** Context key (char + doubled span, or doubled span + char) → occurrences in the corpus. */
  legitimate: Record<string, number>;
}

/** Occurrences needed before an unexplained repeat counts as the house's own usage. */
export const MIN_REPEAT_OCCURRENCES = 2;

export function emptyRepeats(): RepeatsSection {
  return { legitimate: {} };
}

export function learnRepeats(docs: CorpusDocument[], lexicon: Lexicon): RepeatsSection {
  const counts = new Map<string, number>();
  for (const doc of docs) {
    for (const paragraph of doc.text.paragraphs) {
      const text = paragraph.text;
      for (const repeat of findRepeats(text)) {
        if (explainRepeat(text, repeat, lexicon) !== null) continue;
        const end = repeat.start + repeat.copies * repeat.unit;
        const span = text.slice(repeat.start, end);
        if (repeat.start > 0) bump(counts, text[repeat.start - 1] + span);
        if (end < text.length) bump(counts, span + text[end]);
      }
    }
  }
  const legitimate: Record<string, number> = {};
  for (const [key, count] of [...counts].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    if (count >= MIN_REPEAT_OCCURRENCES && !/\s/.test(key)) legitimate[key] = count;
  }
  return { legitimate };
}

function bump(counts: Map<string, number>, key: string): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}
