// ESLint (flat config): typescript-eslint's recommended rules without type information
// (fast enough to run before every test), eslint-plugin-regexp for wrong and slow
// regular expressions, and the layering of docs/architecture.md as import restrictions.
// test/core/architecture.test.ts checks the same layering on the resolved import graph;
// this rule says it in the editor, at the import line.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import regexp from 'eslint-plugin-regexp';

/** no-restricted-imports for one layer: regular expressions on the import specifier. */
const restrict = (files, groups) => ({
  files,
  rules: {
    'no-restricted-imports': ['error', { patterns: groups.map(([regex, message]) => ({ regex, message })) }],
  },
});

const UP_TO_ANALYSIS = 'the text floor (text, lexicon, segmenter, calendar, support) imports nothing above it';
const DOWN_FROM_ANALYSIS = 'core/analysis holds Chinese text facts: it imports only the floor (text, lexicon, segmenter), never model/ or rules/';
const DOWN_FROM_MODEL = 'core/model imports analysis and the floor, never rules/ or the engine: move the shared scanner to core/analysis';
/** The core is pure: no file system, processes, editor or shell code (each core group repeats it: a later no-restricted-imports replaces an earlier one). */
const PURE = [
  ['^(node:)?(fs|child_process|worker_threads)$|^vscode', 'the core is pure: no file system, processes or editor API (put it in server/src/node/)'],
  ['(^|/)(cli|lsp|node)(/|$)', 'the core never imports a shell or node/'],
];
const THROUGH_INDEX = 'outside core/, import the core only through core/index.ts (add the export there)';

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.e2e/**', '.vscode-test/**', 'bench/results/**', 'test-artifacts/**', 'test/fixtures/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  regexp.configs['flat/recommended'],
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module' },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // Unused names are the compiler's job (noUnusedLocals, noUnusedParameters); a leading _ marks one kept on purpose.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // Lazy loading for cold start (tinyglobby, opencc) and JSON data use require() deliberately.
      '@typescript-eslint/no-require-imports': 'off',
      'no-control-regex': 'off',
      'no-constant-condition': ['error', { checkLoops: false }],
      // Style-only regexp rules: they would rewrite hundreds of patterns the rule owners are editing,
      // and catch no bug. The correctness and performance rules of flat/recommended stay on.
      'regexp/no-unused-capturing-group': 'off',
      'regexp/use-ignore-case': 'off',
      'regexp/prefer-character-class': 'off',
      'regexp/prefer-d': 'off',
      'regexp/prefer-w': 'off',
      'regexp/no-useless-non-capturing-group': 'off',
      'regexp/no-useless-character-class': 'off',
      'regexp/negation': 'off',
      // 0-9 (full-width) and the circled numbers are everyday ranges in Chinese text, not obscure ones.
      'regexp/no-obscure-range': 'off',
    },
  },
  {
    files: ['**/*.{cjs,mjs,js}'],
    languageOptions: {
      globals: { require: 'readonly', module: 'writable', process: 'readonly', console: 'readonly', Buffer: 'readonly', __dirname: 'readonly' },
    },
  },
  restrict(
    ['server/src/core/{text,lexicon,lexicon-affixes,lexicon-format,segmenter}.ts', 'server/src/core/{calendar,support}/**'],
    [...PURE, ['(^|/)(analysis|model|rules)(/|$)', UP_TO_ANALYSIS], ['(^|/)(types|engine|fixes|index)$', UP_TO_ANALYSIS]],
  ),
  restrict(
    ['server/src/core/analysis/**'],
    [...PURE, ['(^|/)(model|rules)(/|$)', DOWN_FROM_ANALYSIS], ['^\\.\\./(types|engine|fixes|index)$|^\\.\\.$', DOWN_FROM_ANALYSIS]],
  ),
  restrict(['server/src/core/model/**'], [...PURE, ['(^|/)rules(/|$)', DOWN_FROM_MODEL], ['(^|/)(engine|fixes)$', DOWN_FROM_MODEL]]),
  restrict(['server/src/core/{rules/**,types.ts,engine.ts,fixes.ts,index.ts}'], PURE),
  restrict(
    ['server/src/cli/**', 'server/src/cli.ts'],
    [
      ['(^|/)core/.', THROUGH_INDEX],
      ['(^|/)lsp(/|$)', 'the CLI never imports the language server: move what both need to server/src/node/'],
    ],
  ),
  restrict(
    ['server/src/lsp/**', 'server/src/server.ts'],
    [
      ['(^|/)core/.', THROUGH_INDEX],
      ['(^|/)cli(/|$)', 'the language server never imports the CLI: move what both need to server/src/node/'],
    ],
  ),
  restrict(
    ['server/src/node/**'],
    [
      ['(^|/)core/.', THROUGH_INDEX],
      ['(^|/)(cli|lsp)(/|$)', 'node/ is shared by the shells and imports neither'],
    ],
  ),
);
