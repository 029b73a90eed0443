import { defineConfig } from 'vitest/config';

// Browser tests drive Debian's Chromium through playwright-core; they share one machine, so run them
// one file at a time.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
