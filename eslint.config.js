// One-way architecture, enforced: a file's folder says where it runs and what it may import.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const nodeBuiltins = ['fs', 'path', 'os', 'child_process', 'http', 'https', 'net', 'crypto'];
const NODE_ONLY_GLOBALS = [
  'process',
  'Buffer',
  'require',
  'module',
  '__dirname',
  '__filename',
  'global',
  'setImmediate',
  'clearImmediate',
].map((name) => ({ name, message: `${name} is Node's: it does not exist in the sandboxed page.` }));

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'release/**', 'node_modules/**', 'docs/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
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
    // Node's globals where Node runs: everywhere but the page and the preload. (Globals merge
    // across matching blocks, so those files must never match this one.)
    files: ['**/*.{js,mjs,cjs,ts,mts,tsx}'],
    ignores: ['renderer/**', 'preload/**'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // The preload runs in the page's sandbox, next to the page's DOM.
    files: ['preload/index.ts'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // TypeScript turns no-undef off, so Node's globals are refused by name where they do not exist
    // (tsconfig.renderer.json and tsconfig.shared.json say the same to the type checker).
    files: ['renderer/**/*.{ts,tsx}', 'preload/shared/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', ...NODE_ONLY_GLOBALS],
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
