// Builds the web app once before the browser tests (skip with E2E_SKIP_BUILD=1).
import { execFileSync } from 'node:child_process';

export default function setup(): void {
  if (process.env.E2E_SKIP_BUILD === '1') return;
  execFileSync('npm', ['run', '--silent', 'build:web'], { stdio: 'inherit' });
}
