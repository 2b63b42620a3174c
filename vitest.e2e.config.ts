// Browser end-to-end tests: the real server (`callin start`) and Debian's Chromium.
// Run with `npx vitest run --config vitest.e2e.config.ts`.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    globalSetup: ['test/e2e/build-web.ts'],
    pool: 'forks',
    // Two files at a time, each with its own server, data directory and Chromium: the pages
    // spend most of their time waiting on each other, so two fit on two cores.
    fileParallelism: true,
    maxWorkers: 2,
    testTimeout: 180_000,
    hookTimeout: 120_000,
  },
});
