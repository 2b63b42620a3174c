#!/usr/bin/env node
// `npm test`: every check the project has, in one run: type-check, lint, format, the unit /
// HTTP / integration suites on SQLite and PostgreSQL, and the browser end-to-end suite in
// Chromium. Every step runs even when an earlier one fails, so one run shows everything.
// Ends with the plain line "N passed, N failed".
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const tmp = path.join(root, '.tmp');
fs.mkdirSync(tmp, { recursive: true });
const bin = (name) => path.join(root, 'node_modules', '.bin', name);

let passed = 0;
let failed = 0;
const failures = [];

function step(label, cmd, args, env = {}) {
  const started = Date.now();
  process.stdout.write(`\n▶ ${label}\n`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  const ok = r.status === 0;
  process.stdout.write(`${ok ? '✔' : '✘'} ${label} (${secs}s)\n`);
  return ok;
}

function check(label, cmd, args) {
  if (step(label, cmd, args)) passed++;
  else {
    failed++;
    failures.push(label);
  }
}

/** Runs a Vitest suite and counts its tests from the JSON report. */
function suite(label, args, env = {}) {
  const report = path.join(tmp, `${label.replace(/\W+/g, '-')}.json`);
  fs.rmSync(report, { force: true });
  const ok = step(
    label,
    bin('vitest'),
    ['run', ...args, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`],
    env,
  );
  if (!fs.existsSync(report)) {
    failed++;
    failures.push(`${label} (no report: the suite could not start)`);
    return;
  }
  const json = JSON.parse(fs.readFileSync(report, 'utf8'));
  passed += json.numPassedTests;
  failed += json.numFailedTests;
  if (json.numFailedTests > 0) failures.push(`${label}: ${json.numFailedTests} failed`);
  // A file that fails to load has no failed tests but is still a failure.
  const broken = json.testResults.filter(
    (f) => f.status === 'failed' && f.assertionResults.every((a) => a.status !== 'failed'),
  );
  for (const f of broken) {
    failed++;
    failures.push(
      `${path.relative(root, f.name)} could not run: ${String(f.message).split('\n')[0]}`,
    );
  }
  if (!ok && json.numFailedTests === 0 && broken.length === 0) {
    failed++;
    failures.push(`${label} exited with an error`);
  }
}

/**
 * Runs the static checks two at a time (they only read files; two cores), longest first, and
 * prints each one's output whole, in order, once all are done.
 */
async function checksTogether(list, lanes = 2) {
  const started = Date.now();
  const results = new Array(list.length);
  const run = ([label, cmd, args]) =>
    new Promise((resolve) => {
      const child = spawn(cmd, args, { cwd: root, env: process.env });
      let out = '';
      child.stdout.on('data', (d) => (out += d));
      child.stderr.on('data', (d) => (out += d));
      child.on('error', (e) => resolve({ label, ok: false, out: `${out}${e.message}\n` }));
      child.on('close', (code) => resolve({ label, ok: code === 0, out }));
    });
  let next = 0;
  const lane = async () => {
    while (next < list.length) {
      const i = next++;
      const from = Date.now();
      results[i] = { ...(await run(list[i])), secs: ((Date.now() - from) / 1000).toFixed(1) };
    }
  };
  await Promise.all(Array.from({ length: lanes }, lane));
  for (const r of results) {
    process.stdout.write(`\n▶ ${r.label}\n${r.out}${r.ok ? '✔' : '✘'} ${r.label} (${r.secs}s)\n`);
    if (r.ok) passed++;
    else {
      failed++;
      failures.push(r.label);
    }
  }
  process.stdout.write(`(static checks: ${((Date.now() - started) / 1000).toFixed(1)}s)\n`);
}

// Three programs: the server (Node, no DOM), the browser tests (Node and the DOM), the web app
// (the DOM, no Node).
// Lint is the longest, so it starts first and the rest share the other lane.
await checksTogether([
  ['lint (eslint)', bin('eslint'), ['--max-warnings', '0', '.']],
  ['type-check the server (tsc)', bin('tsc'), ['-p', 'tsconfig.json']],
  ['type-check the browser tests (tsc)', bin('tsc'), ['-p', 'test/e2e/tsconfig.json']],
  ['type-check the web app (tsc)', bin('tsc'), ['-p', 'web/tsconfig.json']],
  ['format (prettier --check)', bin('prettier'), ['--check', '--log-level', 'warn', '.']],
]);
suite('unit, HTTP and integration tests (SQLite + PostgreSQL)', []);
if (fs.existsSync(path.join(root, 'vitest.e2e.config.ts'))) {
  check('build the web app', 'npm', ['run', '--silent', 'build:web']);
  suite('browser end-to-end tests (Chromium + axe)', ['--config', 'vitest.e2e.config.ts']);
}

if (failures.length) {
  process.stdout.write(`\nWhat needs attention:\n${failures.map((f) => `  - ${f}`).join('\n')}\n`);
}
process.stdout.write(`\n${passed} passed, ${failed} failed\n`);
process.exit(failed === 0 ? 0 : 1);
