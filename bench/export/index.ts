// bench/export: 30 people's exports at once, of an account that raised 500 long concerns
// (about 55 KB each: the most the form takes), over real HTTP on 127.0.0.1 against a real
// `callin start`. The export is written as it is read, so the server's memory should grow by a
// page of concerns per export, not by the whole copy. Reported: the server's resident memory
// before (the baseline, measured in the same run) and at its peak while the exports run, the
// ratio of the two, and the size of one copy. Target: peak under 512 MB. See bench/README.md.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config/env.ts';
import { root, startCallin } from '../api/processes.ts';
import { seed } from '../api/seed.ts';

const num = (name: string, fallback: number) => {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v > 0 ? v : fallback;
};
const CONCERNS = num('BENCH_EXPORT_CONCERNS', 500);
const PARALLEL = num('BENCH_EXPORT_PARALLEL', 30);
const TARGET_PEAK_MB = 512;

const say = (line = '') => process.stdout.write(`${line}\n`);
const mb = (bytes: number) => bytes / 1024 / 1024;

/** Resident memory of a process, in bytes, from /proc (Linux). */
function rss(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1] ?? 0);
  return kb * 1024;
}

/** The longest concern the form takes: every field near its limit (about 55 KB). */
function longConcern(n: number) {
  const words = (len: number, tag: string) =>
    `${tag} ${n}: `.concat('a long account of what happened '.repeat(len / 32)).slice(0, len);
  return {
    what: words(10_000, 'what'),
    quotes: Array.from({ length: 10 }, (_, i) => words(2_000, `quote ${i}`)),
    links: Array.from(
      { length: 10 },
      (_, i) => `https://example.org/thread/${n}/${i}/${'x'.repeat(1_950)}`,
    ),
    impact: words(5_000, 'impact'),
    harmed: 'me',
    about: { name: 'sam_dev' },
    wants: 'organizers',
  };
}

async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'callin-bench-export-'));
  const env = {
    DATA_DIR: dataDir,
    DATABASE_URL: '',
    CALLIN_ENCRYPTION_KEYS: '',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    RUN_JOBS: 'false',
    RATE_LIMIT_API: '100000000',
    RATE_LIMIT_SIGN_IN: '1000000',
    QUOTA_CONCERNS_PER_HOUR: '0',
    QUOTA_WRITES_PER_MINUTE: '0',
  };
  try {
    say(
      `bench/export: SQLite, one account with ${CONCERNS} concerns of ~55 KB, ${PARALLEL} exports at once (${os.cpus().length} cores, Node ${process.version})`,
    );
    const seeded = await seed(loadConfig(env, root), 0);
    const server = await startCallin(env, seeded.communityId);
    const pid = server.child.pid!;
    const headers = {
      cookie: seeded.session.cookie,
      'x-csrf-token': seeded.session.csrfToken,
      'content-type': 'application/json',
      origin: server.origin,
    };
    try {
      const started = performance.now();
      for (let n = 0; n < CONCERNS; n++) {
        const r = await fetch(server.concerns, {
          method: 'POST',
          headers,
          body: JSON.stringify(longConcern(n)),
        });
        if (r.status !== 201) throw new Error(`raise ${n}: ${r.status} ${await r.text()}`);
      }
      say(`  raised ${CONCERNS} concerns in ${((performance.now() - started) / 1000).toFixed(1)}s`);

      const exportOnce = async () => {
        const r = await fetch(`${server.origin}/api/me/export`, { headers });
        if (r.status !== 200) throw new Error(`export: ${r.status} ${await r.text()}`);
        const text = await r.text();
        return text.length;
      };
      // One export first: it warms the server and gives the size of a copy.
      const size = await exportOnce();
      await new Promise((r) => setTimeout(r, 500));
      global.gc?.();
      const baseline = rss(pid);

      let peak = baseline;
      const sampler = setInterval(() => {
        peak = Math.max(peak, rss(pid));
      }, 20);
      // Meanwhile, how long a health check waits (the unstreamed export made it 2.5-4.9 s).
      const healthMs: number[] = [];
      let exporting = true;
      const probing = (async () => {
        while (exporting) {
          const h0 = performance.now();
          await fetch(`${server.origin}/api/health`).then((r) => r.text());
          healthMs.push(performance.now() - h0);
          await new Promise((r) => setTimeout(r, 200));
        }
      })();
      const t0 = performance.now();
      const sizes = await Promise.all(Array.from({ length: PARALLEL }, exportOnce));
      const seconds = (performance.now() - t0) / 1000;
      exporting = false;
      await probing;
      clearInterval(sampler);
      healthMs.sort((a, b) => a - b);
      const healthP50 = healthMs[Math.floor(healthMs.length / 2)] ?? 0;
      const healthMax = healthMs.at(-1) ?? 0;
      peak = Math.max(peak, rss(pid));
      if (sizes.some((s) => s !== size)) throw new Error('The exports differ in size.');

      const ratio = peak / baseline;
      const wholeCopies = mb(size * PARALLEL);
      say(
        `  one copy: ${mb(size).toFixed(1)} MB; ${PARALLEL} copies: ${wholeCopies.toFixed(0)} MB`,
      );
      say(`  server memory before (baseline): ${mb(baseline).toFixed(0)} MB`);
      say(
        `  server memory at peak:           ${mb(peak).toFixed(0)} MB  (${ratio.toFixed(2)}× the baseline; target under ${TARGET_PEAK_MB} MB)`,
      );
      say(`  ${PARALLEL} exports took ${seconds.toFixed(1)}s`);
      say(
        `  a health check meanwhile: median ${healthP50.toFixed(0)} ms, slowest ${healthMax.toFixed(0)} ms (${healthMs.length} checks)`,
      );
      const met = mb(peak) < TARGET_PEAK_MB;
      say(met ? '  ✔ peak under the target' : '  ✘ peak over the target');
      say(
        JSON.stringify({
          bench: 'export',
          concerns: CONCERNS,
          parallel: PARALLEL,
          copyMb: Number(mb(size).toFixed(2)),
          baselineMb: Number(mb(baseline).toFixed(1)),
          peakMb: Number(mb(peak).toFixed(1)),
          peakOverBaseline: Number(ratio.toFixed(3)),
          seconds: Number(seconds.toFixed(2)),
          healthP50Ms: Number(healthP50.toFixed(1)),
          healthMaxMs: Number(healthMax.toFixed(1)),
          targetPeakMb: TARGET_PEAK_MB,
          met,
        }),
      );
      if (!met) process.exitCode = 1;
    } finally {
      await server.stop();
    }
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
