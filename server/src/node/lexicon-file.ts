/**
 * The shipped lexicon file, dist/lexicon.bin: the binary format of core/lexicon-format,
 * each section compressed with brotli (built into Node). The build writes it from
 * jieba's dictionary (scripts/build-lexicon.mjs); every start reads it back.
 */
import * as fs from 'node:fs';
import * as zlib from 'node:zlib';
import { LEXICON_BINARY_HEADER, Lexicon, decodeLexicon, encodeLexicon, prepareLexicon, type LexiconBinaryHeader } from '../core';

/** A lexicon file is never larger than this (bytes); the shipped one is about 1 MB. */
const MAX_LEXICON_BYTES = 64 * 1024 * 1024;

/** Writes `word freq pos` lines as a binary lexicon file (atomically: a reader never sees half a file). */
export function writeLexiconFile(file: string, lines: Iterable<string>): { words: number; bytes: number } {
  const { header, sections } = encodeLexicon(Lexicon.parse(prepareLexicon(lines)).toColumns());
  const compressed = sections.map((section) =>
    zlib.brotliCompressSync(section, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
        [zlib.constants.BROTLI_PARAM_LGWIN]: zlib.constants.BROTLI_MAX_WINDOW_BITS,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: section.length,
      },
    }),
  );
  const full: LexiconBinaryHeader = { ...header, sections: compressed.map((c) => c.length) };
  const bytes = Buffer.concat([Buffer.from(`${LEXICON_BINARY_HEADER}${JSON.stringify(full)}\n`), ...compressed]);
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, bytes);
  fs.renameSync(tmp, file);
  return { words: header.words, bytes: bytes.length };
}

/** Reads a binary lexicon file; a file that is not one gets an error naming it. */
export function readLexiconFile(file: string): Lexicon {
  const bytes = fs.readFileSync(file);
  if (bytes.length > MAX_LEXICON_BYTES) throw new Error(`${file}: 词典文件过大（lexicon file too large）`);
  const newline = bytes.indexOf(10);
  const headerLine = bytes.subarray(0, newline < 0 ? 0 : newline).toString('utf8');
  if (!headerLine.startsWith(LEXICON_BINARY_HEADER))
    throw new Error(`${file}: 不是 jiaodui 词典文件，请重新运行 npm run build（not a jiaodui lexicon, or an older format）`);
  let header: LexiconBinaryHeader;
  try {
    header = JSON.parse(headerLine.slice(LEXICON_BINARY_HEADER.length)) as LexiconBinaryHeader;
  } catch (error) {
    throw new Error(`${file}: 词典文件头无法解析（${(error as Error).message}）`);
  }
  let at = newline + 1;
  let sections: Uint8Array[];
  try {
    sections = header.sections.map((length) => {
      const section = zlib.brotliDecompressSync(bytes.subarray(at, at + length));
      at += length;
      return new Uint8Array(section.buffer, section.byteOffset, section.length);
    });
  } catch (error) {
    throw new Error(`${file}: 词典文件已损坏（damaged lexicon: ${(error as Error).message}）`);
  }
  if (at !== bytes.length) throw new Error(`${file}: 词典文件长度与文件头不符（truncated or damaged lexicon）`);
  return Lexicon.fromColumns(decodeLexicon(header, sections));
}
export { LEXICON_BINARY_HEADER } from '../core';
