import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['shared/**/*.test.ts', 'editor/src/**/*.test.{ts,tsx}', 'workflows/**/*.test.ts', 'runtime/**/*.test.ts', 'tests/**/*.test.ts', 'plugins/**/*.test.ts'],
    exclude: ['**/node_modules/**', 'tests/bench/**'],
    // Integration suites start real servers; they must not share a port or data dir by accident.
    pool: 'forks',
    testTimeout: 20_000,
  },
});
