/**
 * Which files are drafts for Lint workspace: the file extensions of the languages in
 * `jiaodui.languages`. VS Code knows a file's language only once it is open, so the
 * workspace walk goes by extension and tells the server the languageId to use.
 */
const EXTENSIONS: Record<string, string[]> = {
  newsdraft: ['draft', 'gao'],
  plaintext: ['txt'],
  markdown: ['md', 'markdown'],
};

export function draftGlob(languages: readonly string[]): string | undefined {
  const extensions = languages.flatMap((l) => EXTENSIONS[l] ?? []);
  if (extensions.length === 0) return undefined;
  return extensions.length === 1 ? `**/*.${extensions[0]}` : `**/*.{${extensions.join(',')}}`;
}

export function languageOfPath(path: string): string {
  const extension = /\.([^./\\]+)$/.exec(path)?.[1]?.toLowerCase() ?? '';
  for (const [language, extensions] of Object.entries(EXTENSIONS)) if (extensions.includes(extension)) return language;
  return 'plaintext';
}

/** Folders never walked: dependencies and version control (as the CLI). */
export const EXCLUDED_FOLDERS = '**/{node_modules,.git,.hg,.svn}/**';
