/**
 * Where the labelled messages of ../shared/data are: `CALLIN_SHARED_DATA` when set, else the
 * first `shared/data` folder found beside the repository or one of its parents (a worktree
 * under `wt/` finds the one beside the main checkout). Undefined when there is none.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';

export function findSharedData(repoRoot: string): string | undefined {
  const fromEnv = process.env.CALLIN_SHARED_DATA;
  if (fromEnv !== undefined && fromEnv !== '') return existsSync(fromEnv) ? fromEnv : undefined;
  let dir = path.resolve(repoRoot);
  for (let i = 0; i < 4; i++) {
    const parent = path.dirname(dir);
    const candidate = path.join(parent, 'shared', 'data');
    if (existsSync(candidate)) return candidate;
    if (parent === dir) break;
    dir = parent;
  }
  return undefined;
}
