/**
 * The package's own metadata (version, where the rule docs live), read from the
 * package.json next to dist/ — the bundle ships inside the package, so the file is
 * always there and the version can never disagree with what npm installed.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

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
  if (!url) return undefined;
  const https = url.replace(/^git\+/, '').replace(/^git:\/\//, 'https://').replace(/\.git$/, '').replace(/#.*$/, '');
  return /^https?:\/\//.test(https) ? https.replace(/\/$/, '') : undefined;
}

/** Link to a rule's section in docs/rules.md: on the repository's web page if known, else the local file. */
export function ruleDocsUrl(ruleId: string): string {
  const info = packageInfo();
  if (info.repositoryUrl) return `${info.repositoryUrl}/blob/main/docs/rules.md#${ruleId}`;
  return `${pathToFileURL(path.join(info.root, 'docs', 'rules.md')).href}#${ruleId}`;
}
