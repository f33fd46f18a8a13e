import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', '.data/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  { languageOptions: { globals: globals.node } },
  {
    // The editor runs in the browser: DOM globals, React's rules of hooks.
    files: ['editor/src/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // The interpreter core runs inside Temporal workflows: deterministic, no I/O, no clock.
    files: ['shared/src/interpreter/**/*.ts', 'shared/src/nodes/**/*.ts', 'shared/src/rules/**/*.ts', 'shared/src/time/**/*.ts', 'workflows/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['fs', 'path', 'os', 'crypto', 'child_process', 'http', 'https', 'net', 'dns', 'worker_threads'].map((name) => ({
            name,
            message: 'Workflow-side code must stay deterministic: no Node builtins.',
          })),
          patterns: [{ group: ['node:*'], message: 'Workflow-side code must stay deterministic: no Node builtins.' }],
        },
      ],
      'no-restricted-globals': ['error', { name: 'setTimeout', message: 'Timers belong to the workflow shell.' }, { name: 'fetch', message: 'I/O belongs in activities.' }],
      'no-restricted-properties': ['error', { object: 'Date', property: 'now', message: 'Time comes in as `now`.' }, { object: 'Math', property: 'random', message: 'Randomness comes in as an argument.' }],
    },
  },
);
