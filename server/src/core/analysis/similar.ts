/**
 * Characters that read alike (same pinyin in any tone: an input-method slip) or look
 * alike (a slip of the eye), from data/similar-chars.json (pycorrector's confusion
 * sets, see data/THIRD-PARTY-NOTICES.md). Evidence that a one-character variant of a
 * name is a slip for it rather than another name (name-consistency), and the candidates
 * wrong-char tries in place of a suspected wrong character.
 */
import similarChars from '../../../../data/similar-chars.json';

/** Per UTF-16 code, the groups it belongs to; built on first use (static data, shared by every linter). */
let index: { sound: Map<number, number[]>; shape: Map<number, number[]> } | undefined;

function groupsOf(groups: readonly string[]): Map<number, number[]> {
  const map = new Map<number, number[]>();
  groups.forEach((group, id) => {
    for (let i = 0; i < group.length; i++) {
      const code = group.charCodeAt(i);
      const list = map.get(code);
      if (list) list.push(id);
      else map.set(code, [id]);
    }
  });
  return map;
}

function shareGroup(map: Map<number, number[]>, a: number, b: number): boolean {
  const ga = map.get(a);
  const gb = map.get(b);
  return ga !== undefined && gb !== undefined && ga.some((g) => gb.includes(g));
}

function loaded(): { sound: Map<number, number[]>; shape: Map<number, number[]> } {
  index ??= { sound: groupsOf(similarChars.sound), shape: groupsOf(similarChars.shape) };
  return index;
}

export type Likeness = 'sound' | 'shape';

/** How two different characters are alike, if they are: same pinyin first, then shape. */
export function likeness(a: string, b: string): Likeness | undefined {
  if (a === b || a.length !== 1 || b.length !== 1) return undefined;
  const { sound, shape } = loaded();
  const ca = a.charCodeAt(0);
  const cb = b.charCodeAt(0);
  if (shareGroup(sound, ca, cb)) return 'sound';
  if (shareGroup(shape, ca, cb)) return 'shape';
  return undefined;
}

/** likeness as a yes or no, on UTF-16 codes: two different characters in one sound or shape group. */
export function alikeCodes(a: number, b: number): boolean {
  if (a === b) return false;
  const { sound, shape } = loaded();
  return sharesGroup(sound, a, b) || sharesGroup(shape, a, b);
}

/** shareGroup without a closure per call (alikeCodes runs for every frequent word near a new pair of characters). */
function sharesGroup(map: Map<number, number[]>, a: number, b: number): boolean {
  const ga = map.get(a);
  if (ga === undefined) return false;
  const gb = map.get(b);
  if (gb === undefined) return false;
  for (let i = 0; i < ga.length; i++) for (let j = 0; j < gb.length; j++) if (ga[i] === gb[j]) return true;
  return false;
}

export interface Confusable {
  char: string;
  kind: Likeness;
}

const confusableCache = new Map<string, Confusable[]>();

/** Every character that may be typed for `ch` (or `ch` for it), each once: same pinyin first, then shape. */
export function confusablesOf(ch: string): Confusable[] {
  let out = confusableCache.get(ch);
  if (out) return out;
  out = [];
  if (ch.length === 1) {
    const seen = new Set<string>([ch]);
    const { sound, shape } = loaded();
    for (const [kind, map, groups] of [
      ['sound', sound, similarChars.sound],
      ['shape', shape, similarChars.shape],
    ] as const) {
      for (const id of map.get(ch.charCodeAt(0)) ?? []) {
        for (const c of groups[id]) {
          if (seen.has(c)) continue;
          seen.add(c);
          out.push({ char: c, kind });
        }
      }
    }
  }
  confusableCache.set(ch, out);
  return out;
}
