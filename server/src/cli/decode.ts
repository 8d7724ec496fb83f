/**
 * Bytes → text, strictly. A draft in another encoding than the one asked for
 * (--encoding, UTF-8 by default) or a stray binary must be reported, never linted as
 * mojibake and certainly never "fixed" and written back. The BOM is stripped for
 * linting (offsets exclude it, as the JSON format promises) and kept so --fix can
 * write it back unchanged, in the draft's own encoding.
 */
import * as fs from 'node:fs';
import { decodeStrict, type DraftEncoding, type EncodingOption } from '../node/encoding';
import { FileTooLargeError, NotRegularFileError, notRegularReason, readBounded, readRegularFile, specialFileKind } from '../node/files';

export interface DecodedText {
  text: string;
  bom: boolean;
  bytes: number;
  /** What the bytes were decoded as. */
  encoding: DraftEncoding;
  /** The bytes as read, kept only for a draft not in UTF-8 (--fix checks it can write them back). */
  source?: Uint8Array;
}

export class InputError extends Error {}

const UTF8_BOM = [0xef, 0xbb, 0xbf];

export function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1).replace(/\.0$/, '')} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1).replace(/\.0$/, '')} KB`;
  return `${bytes} B`;
}

/**
 * Reads a file (or stdin, for fd 0) and decodes it; every failure is an InputError with
 * the reason. Only regular files are read, and never more than maxSize bytes: a FIFO,
 * a device or a socket is refused at once, and an endless stdin (cat /dev/zero) stops
 * at its first NUL byte or at the size limit.
 */
export function readText(file: string | 0, maxSize: number, encoding: EncodingOption = 'utf-8'): DecodedText {
  let buffer: Buffer;
  try {
    if (file === 0) {
      // A NUL ends a UTF-8 or GB18030 read early (a binary); UTF-16 is full of them.
      const utf16 = encoding === 'utf-16le' || encoding === 'auto';
      buffer = readBounded(0, maxSize, utf16 ? undefined : (chunk) => chunk.includes(0));
    } else {
      // Checked on the open file, not by a stat of the path first: one system call less per draft.
      buffer = readRegularFile(file, maxSize, (stat) => {
        if (stat.isDirectory()) throw new InputError('是目录，不是文件（is a directory）');
        const kind = specialFileKind(stat);
        if (kind) throw new InputError(notRegularReason(kind));
        if (stat.size > maxSize) throw tooLarge(stat.size, maxSize);
      });
    }
  } catch (error) {
    if (error instanceof InputError) throw error;
    if (error instanceof NotRegularFileError) throw new InputError(error.message);
    if (error instanceof FileTooLargeError) throw tooLarge(error.bytes, maxSize, file === 0);
    throw new InputError(file === 0 ? ioReason(error) : openFailure(file, error));
  }
  return decode(buffer, encoding);
}

/** Why a draft could not be opened: a socket (which open refuses) or a folder is named as such. */
function openFailure(file: string, error: unknown): string {
  let stat: fs.Stats | undefined;
  try {
    stat = fs.statSync(file);
  } catch {
    return ioReason(error);
  }
  if (stat.isDirectory()) return '是目录，不是文件（is a directory）';
  const kind = specialFileKind(stat);
  return kind ? notRegularReason(kind) : ioReason(error);
}

function tooLarge(size: number, maxSize: number, atLeast = false): InputError {
  const shown = `${atLeast ? '超过 ' : ''}${formatSize(size)}`;
  return new InputError(`文件过大（${shown}，上限 ${formatSize(maxSize)}；可用 --max-size 调整）（file too large）`);
}

export function ioReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return '文件不存在（no such file）';
  if (code === 'EACCES' || code === 'EPERM') return '无权读取（permission denied）';
  if (code === 'EISDIR') return '是目录，不是文件（is a directory）';
  return `无法读取（${code ?? (error as Error).message}）`;
}

/** The encoding a byte order mark announces, if any. */
function bomOf(buffer: Uint8Array): DraftEncoding | undefined {
  if (UTF8_BOM.every((b, i) => buffer[i] === b)) return 'utf-8';
  if (buffer[0] === 0xff && buffer[1] === 0xfe) return 'utf-16le';
  if (buffer[0] === 0xfe && buffer[1] === 0xff) return 'utf-16be';
  return undefined;
}

function decodes(buffer: Uint8Array, encoding: DraftEncoding): boolean {
  try {
    decodeStrict(buffer, encoding);
    return true;
  } catch {
    return false;
  }
}

/**
 * `auto`: a BOM decides; else UTF-8 when the bytes are valid UTF-8 (plain ASCII is);
 * else GB18030 when they are valid GB18030. Undecided stays UTF-8, whose error then
 * says where the bytes go wrong.
 */
function guessEncoding(buffer: Uint8Array): DraftEncoding {
  const bom = bomOf(buffer);
  if (bom) return bom;
  if (decodes(buffer, 'utf-8')) return 'utf-8';
  if (!buffer.includes(0) && decodes(buffer, 'gb18030')) return 'gb18030';
  return 'utf-8';
}

export function decode(buffer: Uint8Array, option: EncodingOption = 'utf-8'): DecodedText {
  const encoding = option === 'auto' ? guessEncoding(buffer) : option;
  const bom = bomOf(buffer);
  if (encoding === 'utf-16le' || encoding === 'utf-16be') {
    if (bom && bom !== encoding) throw new InputError(`字节顺序标记是 ${bom}，不是 ${encoding}（the BOM says ${bom}; try --encoding auto）`);
    let text: string;
    try {
      text = decodeStrict(buffer.subarray(bom ? 2 : 0), encoding);
    } catch {
      throw new InputError(`不是有效的 ${encoding.toUpperCase()}（invalid ${encoding}）`);
    }
    const nul = text.indexOf('\0');
    if (nul >= 0) throw new InputError(`是二进制文件（第 ${nul} 个字符为 NUL）（binary file, not a text draft）`);
    return { text, bom: bom !== undefined, bytes: buffer.length, encoding, source: buffer };
  }
  if (bom === 'utf-16le' || bom === 'utf-16be') {
    throw new InputError(`是 UTF-16 编码，请用 --encoding utf-16le 或 auto，或另存为 UTF-8（UTF-16: use --encoding utf-16le or auto）`);
  }
  const nul = buffer.indexOf(0);
  if (nul >= 0) throw new InputError(`是二进制文件（第 ${nul} 字节为 NUL）（binary file, not a text draft）`);
  if (encoding !== 'utf-8') {
    try {
      return { text: decodeStrict(buffer, encoding), bom: false, bytes: buffer.length, encoding, source: buffer };
    } catch {
      throw new InputError(`不是有效的 ${encoding.toUpperCase()}（invalid ${encoding}; try --encoding auto）`);
    }
  }
  const hasBom = bom === 'utf-8';
  let text: string;
  try {
    text = decodeStrict(buffer, 'utf-8');
  } catch {
    const at = firstInvalidUtf8(buffer);
    const line = countLines(buffer, at);
    const tried = option === 'auto' ? '，也不是 GB18030' : '；可能是 GBK/GB18030，可用 --encoding gb18030 或 auto';
    throw new InputError(
      `不是有效的 UTF-8（第 ${line} 行，第 ${at} 字节${tried}）（invalid UTF-8${option === 'auto' ? ' or GB18030' : '; try --encoding gb18030 or auto'}）`,
    );
  }
  return { text: hasBom ? text.slice(1) : text, bom: hasBom, bytes: buffer.length, encoding };
}

/** Byte index of the first malformed UTF-8 sequence, for a message an editor can act on. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    let need: number;
    let min: number;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return bytes.length;
}

function countLines(bytes: Uint8Array, end: number): number {
  let line = 1;
  for (let i = 0; i < end; i++) if (bytes[i] === 0x0a) line++;
  return line;
}
