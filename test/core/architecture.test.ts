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
    const forbidden =
      /from\s+['"](vscode|vscode-languageserver[^'"]*|vscode-languageclient[^'"]*|node:fs|fs|node:child_process|child_process|node:worker_threads)['"]|require\(['"](vscode|fs|node:fs)['"]\)/;
    const offenders = sources(path.join(root, 'server/src/core')).filter((file) => forbidden.test(fs.readFileSync(file, 'utf8')));
    assert.deepEqual(
      offenders.map((f) => path.relative(root, f)),
      [],
    );
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

/** Relative imports of every source file under server/src, resolved to paths relative to server/src. */
function importGraph(): Map<string, string[]> {
  const src = path.join(root, 'server/src');
  const graph = new Map<string, string[]>();
  const specifier = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"](\.[^'"]+)['"]|require\(['"](\.[^'"]+)['"]\)|import\(['"](\.[^'"]+)['"]\)/g;
  for (const file of sources(src).filter((f) => f.endsWith('.ts'))) {
    const from = path.relative(src, file).split(path.sep).join('/');
    const edges: string[] = [];
    for (const m of fs.readFileSync(file, 'utf8').matchAll(specifier)) {
      const target = path.resolve(path.dirname(file), m[1] ?? m[2] ?? m[3]);
      const resolved = [`${target}.ts`, path.join(target, 'index.ts'), target].find((candidate) => fs.existsSync(candidate) && fs.statSync(candidate).isFile());
      assert.ok(resolved, `${from}: cannot resolve ${m[1] ?? m[2] ?? m[3]}`);
      const relative = path.relative(src, resolved).split(path.sep).join('/');
      if (!relative.startsWith('..')) edges.push(relative);
    }
    graph.set(from, edges);
  }
  return graph;
}

/** The layer of a source file: every import must point to the same layer or one below (docs/architecture.md). */
function layerOf(file: string): string {
  if (/^core\/(text|lexicon|lexicon-affixes|lexicon-format|segmenter)\.ts$|^core\/(calendar|support)\//.test(file)) return 'floor';
  if (file.startsWith('core/analysis/')) return 'analysis';
  if (file.startsWith('core/model/')) return 'model';
  // types.ts names what rules report; fixer.ts builds their fixes: both sit with the rules.
  if (file === 'core/types.ts' || file === 'core/fixer.ts' || file.startsWith('core/rules/')) return 'rules';
  if (file.startsWith('core/')) return 'surface';
  if (file.startsWith('node/')) return 'node';
  if (file.startsWith('cli/') || file === 'cli.ts') return 'cli';
  if (file.startsWith('lsp/') || file === 'server.ts') return 'lsp';
  return 'other';
}

/** What each layer may import besides itself. The shells reach the core only through core/index.ts. */
const ALLOWED: Record<string, string[]> = {
  floor: [],
  analysis: ['floor'],
  // model/types.ts names the learned sections; core/types.ts names the model: a type-level pair, not a cycle.
  model: ['floor', 'analysis'],
  rules: ['floor', 'analysis', 'model'],
  surface: ['floor', 'analysis', 'model', 'rules'],
  node: ['core/index.ts'],
  cli: ['node', 'core/index.ts'],
  lsp: ['node', 'core/index.ts'],
};

describe('architecture: the import graph of server/src', () => {
  const graph = importGraph();

  it('every import points down the layers; shells import the core only through core/index.ts; lsp never imports cli', () => {
    const offenders: string[] = [];
    for (const [from, targets] of graph) {
      const layer = layerOf(from);
      const allowed = ALLOWED[layer];
      if (!allowed) continue;
      for (const to of targets) {
        const target = layerOf(to);
        if (target === layer || allowed.includes(target) || allowed.includes(to)) continue;
        offenders.push(`${from} → ${to} (${layer} → ${target})`);
      }
    }
    assert.deepEqual(offenders, []);
  });

  it('has no import cycle inside core/', () => {
    const core = new Map([...graph].filter(([file]) => file.startsWith('core/')));
    const state = new Map<string, 'open' | 'done'>();
    const cycles: string[] = [];
    const visit = (file: string, trail: string[]) => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'open') {
        cycles.push([...trail.slice(trail.indexOf(file)), file].join(' → '));
        return;
      }
      state.set(file, 'open');
      for (const next of core.get(file) ?? []) if (next.startsWith('core/')) visit(next, [...trail, file]);
      state.set(file, 'done');
    };
    for (const file of core.keys()) visit(file, []);
    assert.deepEqual(cycles, []);
  });

  it('the walker sees the layers it checks (a test that cannot fail is no test)', () => {
    assert.ok(graph.get('core/model/sections/style.ts')?.includes('core/analysis/punctuation.ts'));
    assert.equal(layerOf('core/analysis/han.ts'), 'analysis');
    assert.ok([...graph.keys()].filter((f) => f.startsWith('core/rules/')).length >= 13);
  });
});
