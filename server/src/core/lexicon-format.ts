/**
 * The lexicon's two file formats.
 *
 * Text: `word freq pos` lines, sorted by UTF-16 code unit, after a header carrying
 * the totals. prepareLexicon writes it for any word list (tests, house dictionaries).
 *
 * Binary (what the build ships as dist/lexicon.bin): a one-line header, then the
 * entries as five byte sections that node/lexicon-file compresses one by one. The
 * sections keep each kind of value apart, so the compressor sees one kind at a time:
 *   0 chars    the code units met in the words, most frequent first (u16 LE): a
 *              unit's rank in this table is how the `suffixes` section names it;
 *   1 lengths  per word, in sorted order, (shared prefix with the previous word) × 16
 *              + (length of the rest): words are front-coded, and in a sorted list a
 *              word shares most of its characters with the one before; 255 escapes two
 *              plain bytes for words longer than fifteen units;
 *   2 suffixes the rest of each word, one rank per code unit: one byte below 192, two
 *              bytes below 12,480, three above;
 *   3 freqs    each frequency as a varint (7 bits a byte, low first): frequencies are
 *              kept exactly, since the segmenter and the rules compare and take logs of them;
 *   4 tags     each word's part of speech, an index into the header's `pos` list.
 * jieba's 349,000 words take 5.1 MB as text and 1.1 MB this way once compressed.
 */

/** First line of a prepared text lexicon: marks it sorted and carries the totals. */
export const LEXICON_HEADER = '#jiaodui-lexicon';

/** First bytes of a binary lexicon; the version changes with the layout. */
export const LEXICON_BINARY_HEADER = '#jiaodui-lexicon-bin 1 ';

/** The prepared-file form of `word freq pos` lines: the header, then the lines sorted by UTF-16 code unit, one per word (the highest frequency wins). */
export function prepareLexicon(lines: Iterable<string>): string {
  const byWord = new Map<string, string>();
  let total = 0;
  let max = 1;
  for (const line of lines) {
    const [word, freqText, pos] = line.trim().split(' ');
    const freq = Number(freqText);
    if (!word || !(freq > 0)) continue;
    const previous = byWord.get(word);
    if (previous !== undefined) {
      const previousFreq = Number(previous.split(' ')[1]);
      if (previousFreq >= freq) continue;
      total -= previousFreq;
    }
    byWord.set(word, `${word} ${freq} ${pos || 'x'}`);
    total += freq;
    if (word.length > max) max = word.length;
  }
  const words = [...byWord.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return `${LEXICON_HEADER} total=${total} max=${max}\n${words.map((w) => byWord.get(w)).join('\n')}\n`;
}

/**
 * The lexicon as columns, the layout Lexicon searches: the words' code units, each word
 * followed by a space (32), starting at `starts[i]` in sorted order; their frequencies;
 * their parts of speech as indexes into `posNames`.
 */
export interface LexiconColumns {
  units: Uint16Array;
  starts: Int32Array;
  freqs: Float64Array;
  posIds: Uint8Array;
  posNames: string[];
  total: number;
  maxWordLength: number;
}

/** What the binary header records: the totals, the tag names and each compressed section's byte length. */
export interface LexiconBinaryHeader {
  total: number;
  max: number;
  words: number;
  units: number;
  pos: string[];
  sections: number[];
}

/** Code unit that ends each word in `units`. */
export const WORD_END = 32;
/** Ranks below this take one byte in the suffix section. */
const ONE_BYTE_RANKS = 192;
/** First bytes ONE_BYTE_RANKS … TWO_BYTE_LEAD_END - 1 open a two-byte rank. */
const TWO_BYTE_LEAD_END = 240;
const TWO_BYTE_RANKS = ONE_BYTE_RANKS + (TWO_BYTE_LEAD_END - ONE_BYTE_RANKS) * 256;
/** A lengths byte that says two plain bytes (shared, rest) follow. */
const LONG_WORD = 255;
const MAX_TAGS = 256;

/** A growable byte buffer. */
class Bytes {
  private data = new Uint8Array(1 << 16);
  length = 0;
  push(byte: number): void {
    if (this.length === this.data.length) {
      const grown = new Uint8Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = byte;
  }
  varint(value: number): void {
    while (value >= 128) {
      this.push((value % 128) + 128);
      value = Math.floor(value / 128);
    }
    this.push(value);
  }
  bytes(): Uint8Array {
    return this.data.slice(0, this.length);
  }
}

/** The five uncompressed sections of the binary format, and the header fields they need. */
export function encodeLexicon(columns: LexiconColumns): { header: Omit<LexiconBinaryHeader, 'sections'>; sections: Uint8Array[] } {
  const { units, starts, freqs, posIds, posNames } = columns;
  const n = starts.length;
  if (posNames.length > MAX_TAGS) throw new Error(`lexicon: ${posNames.length} parts of speech, at most ${MAX_TAGS} fit the binary format`);
  const end = (i: number) => (i + 1 < n ? starts[i + 1] : units.length) - 1;
  // Shared prefixes first: the table ranks only the units the suffix section spells.
  const shared = new Int32Array(n);
  const seen = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    let k = 0;
    if (i > 0) {
      const a = starts[i - 1];
      const aLength = end(i - 1) - a;
      const bLength = end(i) - starts[i];
      while (k < aLength && k < bLength && units[a + k] === units[starts[i] + k]) k++;
    }
    shared[i] = k;
    for (let at = starts[i] + k; at < end(i); at++) seen.set(units[at], (seen.get(units[at]) ?? 0) + 1);
  }
  const table = [...seen].sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([unit]) => unit);
  const rank = new Map(table.map((unit, r) => [unit, r]));
  const chars = new Bytes();
  for (const unit of table) {
    chars.push(unit & 255);
    chars.push(unit >> 8);
  }
  const lengths = new Bytes();
  const suffixes = new Bytes();
  const freqBytes = new Bytes();
  for (let i = 0; i < n; i++) {
    const k = shared[i];
    const rest = end(i) - starts[i] - k;
    if (k < 16 && rest < 16) lengths.push(k * 16 + rest);
    else if (k < 256 && rest < 256) {
      lengths.push(LONG_WORD);
      lengths.push(k);
      lengths.push(rest);
    } else throw new Error('lexicon: a word longer than 255 code units does not fit the binary format');
    for (let at = starts[i] + k; at < end(i); at++) {
      const r = rank.get(units[at])!;
      if (r < ONE_BYTE_RANKS) suffixes.push(r);
      else if (r < TWO_BYTE_RANKS) {
        suffixes.push(ONE_BYTE_RANKS + ((r - ONE_BYTE_RANKS) >> 8));
        suffixes.push((r - ONE_BYTE_RANKS) & 255);
      } else {
        const x = r - TWO_BYTE_RANKS;
        suffixes.push(TWO_BYTE_LEAD_END + (x >> 16));
        suffixes.push((x >> 8) & 255);
        suffixes.push(x & 255);
      }
    }
    const freq = freqs[i];
    if (!Number.isSafeInteger(freq) || freq < 0)
      throw new Error(`lexicon: frequency ${freq} is not a whole number; the binary format keeps whole numbers only`);
    freqBytes.varint(freq);
  }
  return {
    header: { total: columns.total, max: columns.maxWordLength, words: n, units: units.length, pos: posNames },
    sections: [chars.bytes(), lengths.bytes(), suffixes.bytes(), freqBytes.bytes(), posIds.slice(0, n)],
  };
}

/** The columns from the five uncompressed sections: one pass, no string per word. */
export function decodeLexicon(header: LexiconBinaryHeader, sections: Uint8Array[]): LexiconColumns {
  const [chars, lengths, suffixes, freqBytes, tags] = sections;
  const n = header.words;
  if (tags.length !== n) throw new Error(`lexicon: ${tags.length} tags for ${n} words`);
  const table = new Uint16Array(chars.length >> 1);
  for (let r = 0; r < table.length; r++) table[r] = chars[2 * r] | (chars[2 * r + 1] << 8);
  const units = new Uint16Array(header.units);
  const starts = new Int32Array(n);
  const freqs = new Float64Array(n);
  let u = 0;
  let l = 0;
  let s = 0;
  let f = 0;
  let previous = 0;
  for (let i = 0; i < n; i++) {
    let k = lengths[l++];
    let rest: number;
    if (k === LONG_WORD) {
      k = lengths[l++];
      rest = lengths[l++];
    } else {
      rest = k & 15;
      k >>= 4;
    }
    const start = u;
    starts[i] = start;
    for (let from = previous; k > 0; k--) units[u++] = units[from++];
    for (; rest > 0; rest--) {
      let r = suffixes[s++];
      if (r >= TWO_BYTE_LEAD_END) {
        r = TWO_BYTE_RANKS + ((r - TWO_BYTE_LEAD_END) << 16) + (suffixes[s] << 8) + suffixes[s + 1];
        s += 2;
      } else if (r >= ONE_BYTE_RANKS) r = ONE_BYTE_RANKS + ((r - ONE_BYTE_RANKS) << 8) + suffixes[s++];
      units[u++] = table[r];
    }
    units[u++] = WORD_END;
    previous = start;
    let byte = freqBytes[f++];
    let freq = byte & 127;
    for (let scale = 128; byte >= 128; scale *= 128) {
      byte = freqBytes[f++];
      freq += (byte & 127) * scale;
    }
    freqs[i] = freq;
  }
  if (u !== units.length || s !== suffixes.length || f !== freqBytes.length) throw new Error('lexicon: the binary sections do not agree with the header');
  return { units, starts, freqs, posIds: tags, posNames: header.pos, total: header.total, maxWordLength: header.max };
}
