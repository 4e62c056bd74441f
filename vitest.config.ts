import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/architecture/**/*.test.ts', 'test/common/**/*.test.ts', 'test/server/**/*.test.ts', 'test/idp/**/*.test.ts', 'test/e2e/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    // Two cores on the project's machines; each file gets its own database.
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 120_000,
    reporters: ['default'],
  },
});
