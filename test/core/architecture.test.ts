import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(__dirname, '../..');

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sources(full));
    else if (/\.(ts|json)$/.test(entry.name)) out.push(full);
  }
  return out;
}

describe('architecture', () => {
  it('the core stays pure: no vscode, LSP, file-system or process imports', () => {
    const forbidden = /from\s+['"](vscode|vscode-languageserver[^'"]*|vscode-languageclient[^'"]*|node:fs|fs|node:child_process|child_process|node:worker_threads)['"]|require\(['"](vscode|fs|node:fs)['"]\)/;
    const offenders = sources(path.join(root, 'server/src/core')).filter((file) => forbidden.test(fs.readFileSync(file, 'utf8')));
    assert.deepEqual(offenders.map((f) => path.relative(root, f)), []);
  });

  it('product code carries none of the seed errors as literals (rules must learn, not memorise)', () => {
    // The defects found by hand in seeds/ (shared/docs/seed-defects.md §1a). Tests may use them; product code may not.
    const seedErrors = ['卫生卫生', '为为抓手', '年度度', '创新新发展', '二十大的二十届', '中西结合与', '王志宏', '时节节气', '三对长期'];
    const product = [...sources(path.join(root, 'server/src')), ...sources(path.join(root, 'client/src'))];
    const hits = product.flatMap((file) => {
      const text = fs.readFileSync(file, 'utf8');
      return seedErrors.filter((s) => text.includes(s)).map((s) => `${path.relative(root, file)}: ${s}`);
    });
    assert.deepEqual(hits, []);
  });
});
