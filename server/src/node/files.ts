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
  problems: InputProblem[];
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
    if (stat?.isDirectory()) {
      const found = walk(absolute);
      if (found.length === 0) {
        problems.push({ path: input, reason: `目录中没有稿件（no ${DRAFT_EXTENSIONS.join(' ')} files in this folder）` });
      }
      for (const file of found) if (!isIgnored(file)) add(file);
    } else if (stat) {
      if (!isIgnored(absolute)) add(absolute);
    } else if (GLOB_CHARACTERS.test(input)) {
      const matched = loadGlob()(input, {
        cwd,
        absolute: true,
        onlyFiles: true,
        expandDirectories: false,
        ignore: [...SKIPPED_DIRECTORIES].map((d) => `**/${d}/**`),
      })
        .map((f) => path.resolve(f))
        .filter(isDraft)
        .sort();
      if (matched.length === 0) problems.push({ path: input, reason: '没有匹配的稿件（glob matched no drafts）' });
      for (const file of matched) if (!isIgnored(file)) add(file);
    } else {
      problems.push({ path: input, reason: '文件不存在（no such file or directory）' });
    }
  }
  return { files, problems };
}

/** Drafts under a folder, sorted for stable reports; symlinked folders are not followed (no cycles). */
function walk(dir: string): string[] {
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
      if (!SKIPPED_DIRECTORIES.has(entry.name)) out.push(...walk(full));
    } else if ((entry.isFile() || entry.isSymbolicLink()) && isDraft(entry.name)) {
      out.push(full);
    }
  }
  return out;
}
