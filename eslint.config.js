// Lint rules, chiefly the process boundaries: shared imports nothing outside itself; the core never
// imports electron or the shells; the renderer sees only shared; preload only electron and the contract.
import tseslint from 'typescript-eslint';

const nodeOnly = ['node:*', 'better-sqlite3', 'exceljs', 'docx', 'commander', 'csv-parse', 'yauzl'];

function forbid(patterns, message) {
  return { 'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }] };
}

export default tseslint.config(
  { ignores: ['node_modules/**', 'out/**', 'dist/**', 'test-results/**', 'coverage/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: forbid(['**/electron/**', '**/renderer/**', 'electron', ...nodeOnly], 'shared/ is pure TypeScript used everywhere: it imports nothing outside itself.'),
  },
  {
    files: ['electron/core/**/*.ts'],
    rules: forbid(['electron', '**/main/**', '**/preload/**', '**/host/**', '**/cli/**', '**/renderer/**'], 'The core is plain Node shared by the app, the host and the CLI: it never imports electron or a shell.'),
  },
  {
    files: ['renderer/src/**/*.ts', 'renderer/src/**/*.tsx'],
    rules: forbid(['**/electron/**', 'electron', ...nodeOnly], 'The renderer talks to the core only through the API client; it imports only shared/ and itself.'),
  },
  {
    files: ['electron/preload/**/*.ts'],
    rules: forbid(['**/core/**', '**/main/**', '**/host/**', '**/cli/**', '**/renderer/**', '**/shared/domain/**', ...nodeOnly], 'Preload exposes the contract and nothing else: it imports only electron and shared/api.'),
  },
);
