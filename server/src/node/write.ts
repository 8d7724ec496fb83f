/**
 * Writing a fixed draft back. Atomic (temporary file in the same folder, fsync,
 * rename), so an editor, a sync client or a crash never sees half a draft; the
 * original's permission bits are kept. Also used by `learn` for the model file.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { encodeText, type DraftEncoding } from './encoding';

export function writeFileAtomic(destination: string, content: string | Uint8Array): void {
  // Through a symlink, rewrite the draft it points to; renaming over the link would replace it.
  let file = destination;
  try {
    file = fs.realpathSync(destination);
  } catch {
    file = destination;
  }
  const dir = path.dirname(file);
  let mode: number | undefined;
  try {
    mode = fs.statSync(file).mode & 0o7777;
  } catch {
    mode = undefined;
  }
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.${Math.random().toString(36).slice(2, 8)}.tmp`);
  let fd: number | undefined;
  try {
    fd = fs.openSync(tmp, 'wx', mode ?? 0o666);
    fs.writeFileSync(fd, content);
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = undefined;
    // openSync's mode is filtered by the umask; the original's bits must survive exactly.
    if (mode !== undefined) fs.chmodSync(tmp, mode);
    fs.renameSync(tmp, file);
  } catch (error) {
    if (fd !== undefined) fs.closeSync(fd);
    fs.rmSync(tmp, { force: true });
    throw error;
  }
  syncDirectory(dir);
}

/** Makes the rename durable; not every platform lets a directory be opened. */
function syncDirectory(dir: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    // Windows and some file systems refuse; the rename itself is still atomic.
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

const BOM_BYTES: Record<DraftEncoding, number[]> = { 'utf-8': [0xef, 0xbb, 0xbf], 'utf-16le': [0xff, 0xfe], 'utf-16be': [0xfe, 0xff], gb18030: [], gbk: [] };

/** The bytes to write for a fixed text, in the draft's own encoding: the BOM comes back if the original had one. */
export function encodeDraft(text: string, bom: boolean, encoding: DraftEncoding = 'utf-8'): Buffer {
  const body = encodeText(text, encoding);
  const bytes = Buffer.isBuffer(body) ? body : Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  return bom ? Buffer.concat([Buffer.from(BOM_BYTES[encoding]), bytes]) : bytes;
}
