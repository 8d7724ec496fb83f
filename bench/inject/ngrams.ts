/**
 * Repeated Han n-grams, for finding the recurrent phrases and names that the
 * phrase and name injectors perturb. Only maximal n-grams are kept: one is dropped
 * when extending it by a character on either side keeps the same count (卫生健康 is
 * kept only if it also occurs outside 国家卫生健康委…).
 */

/** Counts of Han n-grams (minLen..maxLen) over all texts, within runs of Han characters. */
export function countNgrams(texts: readonly string[], minLen: number, maxLen: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (const text of texts) {
    for (const m of text.matchAll(/[\u3400-\u9fff]+/g)) {
      const run = m[0];
      for (let i = 0; i < run.length; i++) {
        for (let len = minLen; len <= maxLen + 1 && i + len <= run.length; len++) {
          const g = run.slice(i, i + len);
          counts.set(g, (counts.get(g) ?? 0) + 1);
        }
      }
    }
  }
  return counts;
}

const repeatedCache = new WeakMap<readonly string[], Map<string, Map<string, number>>>();

/**
 * Maximal n-grams of length minLen..maxLen occurring at least minCount times. Memoised
 * per texts array: the development-corpus harness hands every article the same one.
 */
export function repeatedNgrams(texts: readonly string[], minLen: number, maxLen: number, minCount: number): Map<string, number> {
  const key = `${minLen}:${maxLen}:${minCount}`;
  let byKey = repeatedCache.get(texts);
  if (!byKey) repeatedCache.set(texts, (byKey = new Map()));
  const cached = byKey.get(key);
  if (cached) return cached;
  const result = computeRepeatedNgrams(texts, minLen, maxLen, minCount);
  byKey.set(key, result);
  return result;
}

function computeRepeatedNgrams(texts: readonly string[], minLen: number, maxLen: number, minCount: number): Map<string, number> {
  const counts = countNgrams(texts, minLen, maxLen);
  const dominated = new Set<string>();
  for (const [g, n] of counts) {
    if (n < minCount || g.length <= minLen) continue;
    // g extends its prefix and its suffix by one character.
    if (counts.get(g.slice(0, -1)) === n) dominated.add(g.slice(0, -1));
    if (counts.get(g.slice(1)) === n) dominated.add(g.slice(1));
  }
  const result = new Map<string, number>();
  for (const [g, n] of counts) {
    if (n >= minCount && g.length <= maxLen && !dominated.has(g)) result.set(g, n);
  }
  return result;
}

export function occurrences(text: string, needle: string): number[] {
  const at: number[] = [];
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length)) at.push(i);
  return at;
}

/**
 * Suffixes that end organisation names in Chinese news text. Bare 局/委/部/司 are left
 * out: they end too many ordinary words (发展大局).
 */
export const ORGANISATION_SUFFIX = /(委员会|卫生健康委|卫健委|中医药局|医保局|疾控局|管理局|医院|中心|大学|学院|协会|学会|研究院|研究所|集团|办公厅|公司)$/;
