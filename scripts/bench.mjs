#!/usr/bin/env node
// `npm run bench`: every benchmark in bench/, one after another, each printing its own output.
// A benchmark is bench/<name>/index.ts; the ones not written yet are skipped.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const tsx = path.join(root, 'node_modules', '.bin', 'tsx');
const order = ['api', 'language'];
const found = fs.existsSync(path.join(root, 'bench'))
  ? fs
      .readdirSync(path.join(root, 'bench'), { withFileTypes: true })
      .filter((d) => d.isDirectory() && fs.existsSync(path.join(root, 'bench', d.name, 'index.ts')))
      .map((d) => d.name)
  : [];
const names = [
  ...order.filter((n) => found.includes(n)),
  ...found.filter((n) => !order.includes(n)).sort(),
];

let failed = 0;
for (const name of names) {
  process.stdout.write(`\n▶ bench/${name}\n`);
  const r = spawnSync(tsx, [path.join('bench', name, 'index.ts')], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    failed++;
    process.stdout.write(`✘ bench/${name} exited with ${r.status ?? r.signal}\n`);
  }
}
if (names.length === 0) process.stdout.write('No benchmarks found in bench/.\n');
process.exit(failed === 0 ? 0 : 1);
