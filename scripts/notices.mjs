// THIRD-PARTY-NOTICES: the licence of every package whose code the bundles carry (read
// from esbuild's metafile, so the list follows the code, not a hand-kept file) and of the
// data shipped beside them (jieba's dictionary as dist/lexicon.bin). Written at build time
// into dist/, which both the VSIX and the npm tarball ship.
import * as fs from 'node:fs';
import * as path from 'node:path';

/** Data the bundles do not import but dist/ ships, with where it comes from. */
const DATA = [
  {
    name: '@node-rs/jieba',
    what: "dist/lexicon.bin is jieba's dictionary (dict.txt, from the jieba project, MIT, as shipped by @node-rs/jieba) in jiaodui's compact binary form: its Han-only entries, words, frequencies and parts of speech unchanged.",
  },
];

/** Data copied into the repository from projects that are no package, with the licence text kept beside it. */
const VENDORED = [
  {
    name: 'pycorrector',
    version: 'fc8aa56',
    license: 'Apache-2.0',
    licenceFile: 'data/pycorrector-LICENSE.txt',
    what: 'data/similar-chars.json and data/given-name-chars.json (bundled into dist/*.js) are derived from the confusion sets same_pinyin.txt and same_stroke.txt and the name list person_name.txt of shibing624/pycorrector; see data/THIRD-PARTY-NOTICES.md.',
  },
];

const LICENCE_FILE = /^(licen[cs]e|copying|notice|third[_-]party[_-]licen[cs]es)(\.(md|txt))?$/i;

/** The package directory (under node_modules) that a bundled input path belongs to. */
function packageDirOf(input) {
  const parts = input.split(/[\\/]/);
  const at = parts.lastIndexOf('node_modules');
  if (at < 0) return null;
  const scoped = parts[at + 1]?.startsWith('@');
  const end = at + (scoped ? 3 : 2);
  return parts.slice(0, end).join('/');
}

function licenceOf(dir) {
  const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
  const files = fs
    .readdirSync(dir)
    .filter((f) => LICENCE_FILE.test(f))
    .sort();
  // REUSE-style packages keep the full texts of their licences in LICENSES/.
  const texts = path.join(dir, 'LICENSES');
  if (fs.existsSync(texts) && fs.statSync(texts).isDirectory())
    files.push(
      ...fs
        .readdirSync(texts)
        .sort()
        .map((f) => path.join('LICENSES', f)),
    );
  const text = files.map((f) => fs.readFileSync(path.join(dir, f), 'utf8').trim()).join('\n\n');
  return { name: pkg.name, version: pkg.version, license: pkg.license ?? 'UNKNOWN', homepage: pkg.homepage ?? pkg.repository?.url ?? '', text };
}

/** metafiles: esbuild metafiles of the bundles; returns the notices text and the package count. */
export function writeNotices(metafiles, outFile, root = process.cwd()) {
  const dirs = new Set();
  for (const meta of metafiles)
    for (const input of Object.keys(meta.inputs)) {
      const dir = packageDirOf(input);
      if (dir) dirs.add(dir);
    }
  const entries = new Map();
  for (const dir of [...dirs].sort()) {
    const info = licenceOf(path.resolve(root, dir));
    entries.set(info.name, { ...info, what: 'bundled into dist/*.js' });
  }
  for (const data of DATA) {
    const info = licenceOf(path.resolve(root, 'node_modules', data.name));
    const prior = entries.get(info.name);
    entries.set(info.name, { ...info, what: prior ? `${prior.what}; ${data.what}` : data.what });
  }
  for (const v of VENDORED) {
    entries.set(v.name, {
      name: v.name,
      version: v.version,
      license: v.license,
      text: fs.readFileSync(path.resolve(root, v.licenceFile), 'utf8').trim(),
      what: v.what,
    });
  }
  const sorted = [...entries.values()].sort((a, b) => a.name.localeCompare(b.name));
  const out = [
    'THIRD-PARTY NOTICES for jiaodui',
    '',
    'jiaodui is MIT-licensed (see LICENSE). Its bundles and data include the following third-party',
    'software, each under its own licence, reproduced below. This file is generated at build time',
    '(scripts/notices.mjs) from the packages the bundles actually contain.',
    '',
    ...sorted.map((e) => `- ${e.name} ${e.version} (${e.license}): ${e.what}`),
    '',
  ];
  for (const e of sorted) {
    out.push(
      '='.repeat(78),
      `${e.name} ${e.version} — ${e.license}${e.homepage ? ` — ${e.homepage}` : ''}`,
      '='.repeat(78),
      '',
      e.text || `(no licence file in the package; licence field: ${e.license})`,
      '',
    );
  }
  fs.writeFileSync(outFile, out.join('\n'));
  return sorted.length;
}
