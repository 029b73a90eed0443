import js from '@eslint/js';
import tseslint from 'typescript-eslint';

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
    // lib/ is pure logic: no extension APIs.
    files: ['lib/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'wxt/browser', message: 'lib/ must not use browser.*' }] }],
    },
  },
  {
    files: ['tests/**/*.ts'],
    rules: { 'no-restricted-globals': 'off' },
  },
);
