// ESLint (flat config) with typescript-eslint's recommended rules, run by `npm test` (npm run lint).
// Size limits hold the codebase to pieces a newcomer reads at once: no source file over 400 lines, no function
// over 80. Tests are exempt from the function limit (a describe block holds its tests).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.vscode-test/**', 'bench-output/**', 'test-output/**', 'test/fixtures/**', '**/*.d.ts'] },
  {
    files: ['**/*.ts', '**/*.mjs', '**/*.js'],
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', require: 'readonly', module: 'writable', __dirname: 'readonly', Buffer: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', setImmediate: 'readonly', URL: 'readonly', performance: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // pmm-lint matches control characters on purpose: it removes or escapes them from document text and file
      // names before they reach a terminal, an XML report or a workflow command.
      'no-control-regex': 'off',
    },
  },
  {
    files: ['server/src/**/*.ts', 'client/**/*.ts', 'scripts/**/*.ts', 'scripts/**/*.mjs', 'bench/**/*.ts'],
    rules: {
      'max-lines': ['error', { max: 400 }],
      'max-lines-per-function': ['error', { max: 80, IIFEs: true }],
    },
  },
  {
    // bin/ is CommonJS; the generator and its test load a copy of the sources from a path known at run time,
    // synchronously (tsx's require hook), which import() cannot do.
    files: ['bin/**/*.js', 'scripts/gen/**/*.ts', 'test/core/extending.test.ts'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
