import js from '@eslint/js';
import { importX } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const NO_NODE = { group: ['node:*'], message: 'Browser code: Node modules belong in lib/tools/.' };

export default tseslint.config(
  { ignores: ['.output/', '.wxt/', 'node_modules/', 'tests/e2e/artifacts/', 'tests/bench/.cache/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-restricted-globals': ['error', { name: 'chrome', message: 'Use browser from wxt/browser.' }],
    },
  },
  {
    // Type-aware: a promise nobody awaits, catches or marks with `void` loses its errors.
    files: ['**/*.{ts,tsx}'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: { '@typescript-eslint/no-floating-promises': 'error' },
  },
  {
    // Preact hooks follow React's rules (preact/hooks has the same call-order contract).
    files: ['components/**/*.{ts,tsx}', 'entrypoints/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    // Folders must not import each other in a circle (lib/ is layered: docs/architecture.md).
    files: ['lib/**/*.ts', 'components/**/*.tsx', 'entrypoints/**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.tsx'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [importX.createNodeResolver({ extensions: ['.ts', '.tsx', '.json'] })],
    },
    rules: { 'import-x/no-cycle': 'error' },
  },
  {
    // lib/ is pure logic: no extension APIs, no Node (except lib/tools/, the Node side of the build and CLIs).
    files: ['lib/**/*.ts'],
    ignores: ['lib/tools/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'wxt/browser', message: 'lib/ must not use browser.*' }],
          patterns: [NO_NODE],
        },
      ],
    },
  },
  {
    // Components are presentational: props in, callbacks out; the entrypoints talk to the extension.
    files: ['components/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'wxt/browser', message: 'Components take props; entrypoints use browser.*' },
            { name: '#imports', message: 'Components take props; entrypoints use the extension APIs.' },
          ],
          patterns: [NO_NODE],
        },
      ],
    },
  },
  {
    files: ['entrypoints/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: [NO_NODE] }] },
  },
  {
    files: ['tests/**/*.ts'],
    rules: { 'no-restricted-globals': 'off' },
  },
);
