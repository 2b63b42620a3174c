// Builds the web app once before the browser tests (skip with E2E_SKIP_BUILD=1).
import { execFileSync } from 'node:child_process';

export default function setup(): void {
  if (process.env.E2E_SKIP_BUILD === '1') return;
  // Vitest sets NODE_ENV=test, which would make Vite bundle React's development build.
  execFileSync('npm', ['run', '--silent', 'build:web'], {
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
}
