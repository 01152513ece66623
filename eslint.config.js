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
  { ignores: ['dist/**', 'node_modules/**', 'web/dist/**', 'var/**', 'test-output/**', 'demo/**', 'data/**', 'web/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: { allowDefaultProject: ['*.js', 'bin/*.js', 'scripts/*.mjs'] }, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      // Stores implement an async interface; the SQLite one does its work synchronously.
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowNullish: true }],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly' } },
  },
  layer(['src/core/**'], ['**/stages/**', '**/pipeline*', '**/store*', '**/server/**', '**/cli/**'], 'core imports nothing above it'),
  layer(['src/stages/**'], ['**/pipeline*', '**/store*', '**/server/**', '**/cli/**'], 'stages import only core and each other'),
  layer(['src/store/**', 'src/store.ts'], ['**/server/**', '**/cli/**'], 'the store knows nothing of server or CLI'),
  layer(['src/server/**'], ['**/cli/**'], 'the server does not import the CLI'),
);
