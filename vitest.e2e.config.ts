// Browser end-to-end tests: the real server (`callin start`) and Debian's Chromium.
// Run with `npx vitest run --config vitest.e2e.config.ts`.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    globalSetup: ['test/e2e/build-web.ts'],
    pool: 'forks',
    // One browser at a time: the machine is small and shared.
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 120_000,
  },
});
