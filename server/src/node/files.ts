/**
 * Which files to lint: named files (any extension: the user asked for them), folders
 * walked recursively and globs (both keep only draft extensions), minus ignored
 * paths. A name that matches nothing is an input error, reported once, so a typo in
 * a CI script fails loudly instead of linting nothing and passing.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import picomatch from 'picomatch';
import { languageOfPath, type Language } from '../core';

export const DRAFT_EXTENSIONS = ['.txt', '.md', '.markdown', '.draft', '.gao'] as const;
/** Never walked into: version control and dependencies are not drafts. */
const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git', '.hg', '.svn']);

const GLOB_CHARACTERS = /[*?[\]{}!]/;

/**
 * tinyglobby, loaded only when a glob is given (cold start for a single named draft
 * matters), and through its CommonJS build: the ESM build reads import.meta.url,
 * which a CommonJS bundle does not have.
 */
function loadGlob(): typeof import('tinyglobby').globSync {
  return (require('tinyglobby') as typeof import('tinyglobby')).globSync;
}

export interface InputProblem {
  path: string;
  reason: string;
}

export interface Discovery {
  /** Absolute paths, in the order given, each once. */
  files: string[];
  /** Inputs that fail the run (exit 2): missing, unreadable, or named but not a regular file. */
  problems: InputProblem[];
  /** Drafts found in a folder or by a glob and left alone (a FIFO, a device, a socket): said, not fatal. */
  skipped: InputProblem[];
  /** Files named on the command line (absolute): an ignore pattern that matches one of them is said, not silent. */
  named: Set<string>;
  /** Named files left out by the `isIgnored` given to discover (as given). */
  ignored: string[];
}

/**
 * What a path is when it is not a regular file, or undefined for a regular file.
 * Reading a FIFO blocks until a writer comes, a device (/dev/zero) never ends, a
 * socket cannot be read: none is a draft, and none may hang a lint or the server.
 */
export function specialFileKind(stat: fs.Stats): string | undefined {
  if (stat.isFile()) return undefined;
  if (stat.isDirectory()) return '目录（directory）';
  if (stat.isFIFO()) return '命名管道（FIFO）';
  if (stat.isCharacterDevice()) return '字符设备（character device）';
  if (stat.isBlockDevice()) return '块设备（block device）';
  if (stat.isSocket()) return '套接字（socket）';
  return '特殊文件（special file）';
}

export function notRegularReason(kind: string): string {
  return `不是普通文件，是${kind}，已跳过（not a regular file; skipped）`;
}

export class NotRegularFileError extends Error {}
export class FileTooLargeError extends Error {
  constructor(readonly bytes: number) {
    super(`larger than the limit (${bytes} bytes read)`);
  }
}

/** Bytes read at a time from a descriptor whose size is not known in advance (stdin). */
const READ_CHUNK = 64 * 1024;

/**
 * Reads a regular file, never more than `maxBytes`: it is opened without blocking and
 * checked on the open descriptor (no race with a file swapped for a FIFO), so a FIFO,
 * a device or a socket throws NotRegularFileError at once instead of hanging. `check`
 * sees the descriptor's stat first and may throw.
 */
export function readRegularFile(file: string, maxBytes: number, check?: (stat: fs.Stats) => void): Buffer {
  const fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  try {
    const stat = fs.fstatSync(fd);
    // The caller's own checks on the open file (a draft's size limit): no second stat by path.
    check?.(stat);
    const kind = specialFileKind(stat);
    if (kind) throw new NotRegularFileError(notRegularReason(kind));
    // A regular file is read into one buffer of its size (not chunks joined: twice the
    // memory for a large model); one that grew meanwhile is read on by the bounded reader.
    // The buffer has one byte to spare, so the read that meets the end needs no chunk
    // of its own (a 64 KB buffer per draft was most of a folder's garbage).
    if (stat.size > 0 && stat.size <= maxBytes) {
      const whole = Buffer.allocUnsafeSlow(stat.size + 1);
      let read = 0;
      for (;;) {
        const n = fs.readSync(fd, whole, read, whole.length - read, null);
        if (n === 0) return whole.subarray(0, read);
        read += n;
        if (read === whole.length) break;
      }
      if (read > maxBytes) throw new FileTooLargeError(read);
      const rest = readBounded(fd, maxBytes - read);
      return Buffer.concat([whole, rest]);
    }
    return readBounded(fd, maxBytes);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Everything from `fd` until its end, but at most `maxBytes`: more throws
 * FileTooLargeError as soon as it is seen, so `cat /dev/zero | jiaodui lint -` stops.
 * `stopAt` may end the read early (a NUL byte: a binary, no need to read on).
 */
export function readBounded(fd: number, maxBytes: number, stopAt?: (chunk: Buffer) => boolean): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const chunk = Buffer.allocUnsafe(READ_CHUNK);
    let read: number;
    try {
      read = fs.readSync(fd, chunk, 0, READ_CHUNK, null);
    } catch (error) {
      // A non-blocking pipe with nothing yet: wait a little and read again.
      if ((error as NodeJS.ErrnoException).code === 'EAGAIN') {
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);
        continue;
      }
      throw error;
    }
    if (read === 0) break;
    const data = chunk.subarray(0, read);
    chunks.push(data);
    total += read;
    if (total > maxBytes) throw new FileTooLargeError(total);
    if (stopAt?.(data)) break;
  }
  return Buffer.concat(chunks, total);
}

export function isDraft(file: string): boolean {
  return (DRAFT_EXTENSIONS as readonly string[]).includes(path.extname(file).toLowerCase());
}

/** The core language of a draft file (Markdown or plain text). */
export function languageOf(file: string): Language {
  return languageOfPath(file);
}

/** The editor language id of a draft file (or URI): markdown, newsdraft for .draft/.gao, else plaintext. */
export function languageIdOf(file: string): 'markdown' | 'newsdraft' | 'plaintext' {
  if (languageOfPath(file) === 'markdown') return 'markdown';
  return /\.(draft|gao)$/i.test(file) ? 'newsdraft' : 'plaintext';
}

/** Path as shown in reports: relative to the working directory, with forward slashes. */
export function displayPath(file: string, cwd: string): string {
  const relative = path.relative(cwd, file);
  const shown = relative === '' ? path.basename(file) : relative;
  return shown.split(path.sep).join('/');
}

/** A predicate for ignore globs relative to `base` (gitignore-like: a pattern without a slash matches any base name). */
export function ignoreMatcher(patterns: readonly string[], base: string): (file: string) => boolean {
  if (patterns.length === 0) return () => false;
  const matchers = patterns.map((p) => {
    const pattern = p.replace(/\/$/, '/**');
    return picomatch(pattern, { dot: true, basename: !pattern.includes('/') });
  });
  return (file) => {
    const relative = path.relative(base, file).split(path.sep).join('/');
    if (relative.startsWith('../') || path.isAbsolute(relative)) return false;
    return matchers.some((m) => m(relative));
  };
}

export function discover(inputs: readonly string[], cwd: string, isIgnored: (file: string) => boolean): Discovery {
  const seen = new Set<string>();
  const files: string[] = [];
  const problems: InputProblem[] = [];
  const skipped: InputProblem[] = [];
  const named = new Set<string>();
  const ignored: string[] = [];
  const add = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    files.push(file);
  };

  for (const input of inputs) {
    const absolute = path.resolve(cwd, input);
    let stat: fs.Stats | undefined;
    try {
      stat = fs.statSync(absolute);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR') {
        problems.push({ path: input, reason: `无法访问（${code ?? (error as Error).message}）` });
        continue;
      }
    }
    const kind = stat && !stat.isDirectory() ? specialFileKind(stat) : undefined;
    if (kind) {
      // Named, so the user meant it: an input error (exit 2), but never a hang.
      problems.push({ path: input, reason: notRegularReason(kind) });
    } else if (stat?.isDirectory()) {
      const found = walk(absolute, (file, reason) => skipped.push({ path: displayPath(file, cwd), reason }));
      if (found.length === 0) {
        problems.push({ path: input, reason: `目录中没有稿件（no ${DRAFT_EXTENSIONS.join(' ')} files in this folder）` });
      }
      for (const file of found) if (!isIgnored(file)) add(file);
    } else if (stat) {
      named.add(absolute);
      if (!isIgnored(absolute)) add(absolute);
      else ignored.push(input);
    } else if (GLOB_CHARACTERS.test(input)) {
      const matched = loadGlob()(input, {
        cwd,
        absolute: true,
        // A FIFO or a socket never matches; a link to one (or to a device) does, and is skipped below.
        onlyFiles: true,
        expandDirectories: false,
        ignore: [...SKIPPED_DIRECTORIES].map((d) => `**/${d}/**`),
      })
        .map((f) => path.resolve(f))
        .filter(isDraft)
        .filter((file) => {
          const stat = fs.statSync(file, { throwIfNoEntry: false });
          if (stat?.isDirectory()) return false;
          const kind = stat ? specialFileKind(stat) : undefined;
          if (kind) skipped.push({ path: displayPath(file, cwd), reason: notRegularReason(kind) });
          return !kind;
        })
        .sort();
      if (matched.length === 0) problems.push({ path: input, reason: '没有匹配的稿件（glob matched no drafts）' });
      for (const file of matched) if (!isIgnored(file)) add(file);
    } else {
      problems.push({ path: input, reason: '文件不存在（no such file or directory）' });
    }
  }
  return { files, problems, skipped, named, ignored };
}

/** Drafts under a folder, sorted for stable reports; symlinked folders are not followed (no cycles). */
function walk(dir: string, skip: (file: string, reason: string) => void): string[] {
  const out: string[] = [];
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return out;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRECTORIES.has(entry.name)) out.push(...walk(full, skip));
    } else if (isDraft(entry.name)) {
      if (entry.isFile()) {
        out.push(full);
        continue;
      }
      // A link is followed to see what it is (a linked folder is not walked: no cycles).
      let stat: fs.Stats | undefined;
      try {
        stat = fs.statSync(full);
      } catch {
        stat = undefined; // Dangling or unreadable: reading it reports why.
      }
      if (stat?.isDirectory()) continue;
      const kind = stat ? specialFileKind(stat) : undefined;
      if (kind) skip(full, notRegularReason(kind));
      else out.push(full);
    }
  }
  return out;
}
