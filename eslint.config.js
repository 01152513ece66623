// ESLint: typescript-eslint's type-aware rules, and import rules that hold the layers (STYLE.md):
// core <- stages <- pipeline <- store, server, cli; the web UI talks to the server over HTTP only.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const layer = (files, forbidden, message) => ({
  files,
  rules: {
    'no-restricted-imports': ['error', { patterns: forbidden.map((group) => ({ group: [group], message })) }],
  },
});

export default tseslint.config(
  {
    ignores: ['dist/**', 'node_modules/**', 'web/dist/**', 'web/public/**', 'var/**', 'test-output/**', 'demo/**', 'data/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      // tsconfig.check.json covers src, test, bench and scripts, so tests are linted with type information too.
      parserOptions: { project: ['./tsconfig.check.json'], tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // node:test's test() and describe() return promises the runner itself awaits.
      '@typescript-eslint/no-floating-promises': [
        'error',
        {
          allowForKnownSafeCalls: [
            { from: 'package', package: 'node:test', name: ['test', 'it', 'describe', 'suite'] },
          ],
        },
      ],
      // Stores implement an async interface; the SQLite one does its work synchronously.
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowNullish: true }],
    },
  },
  {
    // The web desk has its own tsconfig (DOM, bundler resolution); it is linted with its types too.
    files: ['web/**/*.ts'],
    languageOptions: {
      parserOptions: { project: ['./web/tsconfig.json'], tsconfigRootDir: import.meta.dirname },
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      parserOptions: { project: null },
      globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly' },
    },
  },
  {
    // Tests and benches poke at parsed JSON answers; the unsafe-any rules there would only add casts.
    files: ['test/**', 'bench/**'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  layer(
    ['src/core/**'],
    ['**/stages/**', '**/pipeline*', '**/store*', '**/server/**', '**/cli/**'],
    'core imports nothing above it',
  ),
  layer(
    ['src/stages/**'],
    ['**/pipeline*', '**/store*', '**/server/**', '**/cli/**'],
    'stages import only core and each other',
  ),
  layer(['src/store/**', 'src/store.ts'], ['**/server/**', '**/cli/**'], 'the store knows nothing of server or CLI'),
  layer(['src/server/**'], ['**/cli/**'], 'the server does not import the CLI'),
  {
    // The desk talks to the server over HTTP only; the answers' types come from src/api-types.ts, as types.
    files: ['web/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/src/**', '!**/src/api-types.js'], message: 'the desk talks to the server over HTTP only (answer types: src/api-types.ts)' }] },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { prefer: 'type-imports' }],
    },
  },
);
