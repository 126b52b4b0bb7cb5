import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/support/log-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // SQLite files and local ports are per-test, so files can run in parallel safely.
    pool: 'forks',
  },
});
