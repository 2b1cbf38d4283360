// One-way architecture, enforced: a file's folder says where it runs and what it may import.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const nodeBuiltins = ['fs', 'path', 'os', 'child_process', 'http', 'https', 'net', 'crypto'];

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'release/**', 'node_modules/**', 'docs/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-console': 'off',
    },
  },
  {
    // The core runs in plain Node (CLI, tests, benchmarks): never Electron, never the shell.
    files: ['main/core/**/*.ts', 'main/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'main/core and main/cli run in plain Node.' }],
          patterns: [
            {
              group: ['**/shell/**', '**/renderer/**'],
              message: 'The core never depends on the shell or the renderer.',
            },
          ],
        },
      ],
    },
  },
  {
    // The shared contract and validation run in main, preload and renderer alike: pure code.
    files: ['preload/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['electron', ...nodeBuiltins],
          patterns: [
            { group: ['node:*', '**/main/**', '**/renderer/**'], message: 'Shared code is pure.' },
          ],
        },
      ],
    },
  },
  {
    // The renderer is a sandboxed web page: it talks only to the preload bridge.
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: ['electron', 'keytar', ...nodeBuiltins],
          patterns: [
            {
              group: ['node:*', '**/main/**', '**/preload/index*'],
              message: 'The renderer talks only to window.ehpc (preload/shared/contract).',
            },
          ],
        },
      ],
    },
  },
);
