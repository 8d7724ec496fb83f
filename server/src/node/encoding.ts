/**
 * Text encodings a newsroom draft comes in besides UTF-8: GB18030 (and its subset
 * GBK) and UTF-16. Decoding is the platform's TextDecoder (no dependency); encoding
 * back, which TextEncoder does only for UTF-8, uses a reverse table built once from
 * TextDecoder('gb18030') over the two-byte and four-byte ranges, so --fix can write
 * a draft back in its own encoding.
 */

export const ENCODINGS = ['utf-8', 'gb18030', 'gbk', 'utf-16le', 'auto'] as const;
export type EncodingOption = (typeof ENCODINGS)[number];
/** What a draft was actually decoded as (auto picks one of these). */
export type DraftEncoding = 'utf-8' | 'gb18030' | 'gbk' | 'utf-16le' | 'utf-16be';

/** Strict decoding: a malformed sequence throws instead of becoming U+FFFD; the BOM is kept unless stripBom. */
export function decodeStrict(bytes: Uint8Array, encoding: DraftEncoding, stripBom = false): string {
  return new TextDecoder(encoding, { fatal: true, ignoreBOM: !stripBom }).decode(bytes);
}

/** Whether bytes read back, strictly, as exactly this text (a BOM at their start is skipped). */
export function readsBackAs(bytes: Uint8Array, encoding: DraftEncoding, text: string): boolean {
  try {
    return decodeStrict(bytes, encoding, true) === text;
  } catch {
    return false;
  }
}

/** GB18030 four-byte sequences: b1 0x81–0xFE, b2 0x30–0x39, b3 0x81–0xFE, b4 0x30–0x39. */
function fourByteLinear(b1: number, b2: number, b3: number, b4: number): number {
  return (((b1 - 0x81) * 10 + (b2 - 0x30)) * 126 + (b3 - 0x81)) * 10 + (b4 - 0x30);
}

function fourByteOf(linear: number): number[] {
  const b4 = linear % 10;
  const b3 = Math.floor(linear / 10) % 126;
  const b2 = Math.floor(linear / 1260) % 10;
  const b1 = Math.floor(linear / 12600);
  return [b1 + 0x81, b2 + 0x30, b3 + 0x81, b4 + 0x30];
}

/** U+10000 is the four-byte sequence 90 30 81 30; the supplementary planes follow it linearly. */
const SUPPLEMENTARY_BASE = fourByteLinear(0x90, 0x30, 0x81, 0x30);
/** The four-byte sequences of the Basic Multilingual Plane: 81 30 81 30 … 84 31 A4 39. */
const BMP_FOUR_BYTE_END = fourByteLinear(0x84, 0x31, 0xa4, 0x39);

let reverseTable: Map<number, number[]> | undefined;

/** BMP code unit → its GB18030 bytes; the first sequence wins where two decode alike. */
function gb18030Table(): Map<number, number[]> {
  if (reverseTable) return reverseTable;
  const table = new Map<number, number[]>();
  const decoder = new TextDecoder('gb18030', { fatal: true });
  const add = (bytes: number[]) => {
    let text: string;
    try {
      text = decoder.decode(Uint8Array.from(bytes));
    } catch {
      return;
    }
    if (text.length === 1 && !table.has(text.charCodeAt(0))) table.set(text.charCodeAt(0), bytes);
  };
  for (let b1 = 0x81; b1 <= 0xfe; b1++) {
    for (let b2 = 0x40; b2 <= 0xfe; b2++) if (b2 !== 0x7f) add([b1, b2]);
  }
  for (let linear = 0; linear <= BMP_FOUR_BYTE_END; linear++) add(fourByteOf(linear));
  reverseTable = table;
  return table;
}

export class EncodeError extends Error {}

/** Text → GB18030 bytes; a character GB18030 cannot hold (a lone surrogate) throws EncodeError. */
export function encodeGb18030(text: string): Uint8Array {
  const table = gb18030Table();
  const out: number[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) out.push(cp);
    else if (cp >= 0x10000) out.push(...fourByteOf(SUPPLEMENTARY_BASE + cp - 0x10000));
    else {
      const bytes = table.get(cp);
      if (!bytes) throw new EncodeError(`U+${cp.toString(16).toUpperCase().padStart(4, '0')} 无法用 GB18030 表示（cannot be encoded in GB18030）`);
      out.push(...bytes);
    }
  }
  return Uint8Array.from(out);
}

/** Text → bytes in a draft's own encoding (the BOM, if it had one, is the caller's). */
export function encodeText(text: string, encoding: DraftEncoding): Uint8Array {
  switch (encoding) {
    case 'utf-8':
      return Buffer.from(text, 'utf8');
    case 'utf-16le':
      return Buffer.from(text, 'utf16le');
    case 'utf-16be':
      return Buffer.from(text, 'utf16le').swap16();
    case 'gb18030':
    case 'gbk':
      return encodeGb18030(text);
  }
}
