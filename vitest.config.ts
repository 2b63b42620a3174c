import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: ['node_modules/**', 'test/e2e/**'],
    globalSetup: ['test/setup/postgres.ts'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Two cores: two workers keep the machine responsive while PostgreSQL runs beside them.
    maxWorkers: 2,
  },
});
