/**
 * The package's own metadata (version, where the rule docs live), read from the
 * package.json next to dist/ — the bundle ships inside the package, so the file is
 * always there and the version can never disagree with what npm installed.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface PackageInfo {
  name: string;
  version: string;
  /** Web page of the repository, when package.json names one. */
  repositoryUrl?: string;
  root: string;
}

let cached: PackageInfo | undefined;

export function packageInfo(): PackageInfo {
  if (cached) return cached;
  // dist/cli.js → ../package.json; sources (server/src/cli) → ../../../package.json.
  const candidates = [path.resolve(__dirname, '..'), path.resolve(__dirname, '../../..')];
  for (const root of candidates) {
    const file = path.join(root, 'package.json');
    if (!fs.existsSync(file)) continue;
    const data = JSON.parse(fs.readFileSync(file, 'utf8')) as {
      name?: string;
      version?: string;
      homepage?: string;
      repository?: string | { url?: string };
    };
    if (data.name !== 'jiaodui') continue;
    const repository = typeof data.repository === 'string' ? data.repository : data.repository?.url;
    cached = {
      name: data.name,
      version: data.version ?? '0.0.0',
      repositoryUrl: webUrl(repository ?? data.homepage),
      root,
    };
    return cached;
  }
  cached = { name: 'jiaodui', version: '0.0.0', root: candidates[0] };
  return cached;
}

function webUrl(url: string | undefined): string | undefined {
  return url ? repositoryWebUrl(url.replace(/#.*$/, '')) : undefined;
}

/** The web page of a repository given as package.json writes it (URL, git+https, git@host:path, github:owner/name, owner/name). */
export function repositoryWebUrl(url: string): string | undefined {
  const github = /^github:(.+)$/.exec(url) ?? /^([\w.-]+\/[\w.-]+)$/.exec(url);
  if (github) return `https://github.com/${github[1].replace(/\.git$/, '')}`;
  const web = /^(?:git\+)?(https?:\/\/[^\s]+?)(?:\.git)?\/?$/.exec(url.replace(/^git:\/\//, 'https://'));
  if (web) return web[1];
  const ssh = /^(?:git\+ssh:\/\/)?git@([^:/]+)[:/](.+?)(?:\.git)?$/.exec(url);
  if (ssh) return `https://${ssh[1]}/${ssh[2]}`;
  return undefined;
}

/**
 * The web link to a rule's section of docs/rules.md in the repository package.json
 * names: the one link the CLI (SARIF helpUri), the diagnostics and the hovers give.
 * Never a file:// path into an installed package, which no browser of a CI report or
 * remote editor can open; without a repository there is no link at all.
 */
export function ruleDocsUrl(ruleId: string): string | undefined {
  const info = packageInfo();
  return info.repositoryUrl ? ruleDocsUrlIn(info.repositoryUrl, ruleId) : undefined;
}

/** A rule's section of docs/rules.md on a repository's web page (also the link in the generated settings). */
export function ruleDocsUrlIn(repositoryUrl: string, ruleId: string): string {
  return `${repositoryUrl}/blob/main/docs/rules.md#${ruleId}`;
}
