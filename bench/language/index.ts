/**
 * Language checker benchmark: our checker, alex and obscenity on the same messages in the
 * same run, on one thread, plus a floor no checker can beat (lower-case each message and
 * split it into words). Prints messages per second, ratios, p50/p99 per message and memory,
 * and ends with one JSON line.
 *
 *   tsx bench/language/index.ts [--seconds N] [--alex-seconds N]
 *
 * Messages: the ToxiSpanSE dev set in ../shared/data when present (found beside the
 * repository or a parent, or at CALLIN_SHARED_DATA); otherwise generated review-style
 * messages (said on the first line of output). Then two 1 MiB texts with a match every few
 * characters, checked whole, to show that time stays linear in the number of matches.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { markdown as alexMarkdown } from 'alex';
import { RegExpMatcher, englishDataset, englishRecommendedTransformers } from 'obscenity';
import { createChecker } from '../../src/language/index.ts';
import { findSharedData } from '../../scripts/shared-data.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const dataFile = path.join(
  findSharedData(repoRoot) ?? path.resolve(repoRoot, '..', 'shared', 'data'),
  'toxispanse-dev.jsonl',
);
const args = process.argv.slice(2);
const arg = (name: string, dflt: number): number => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1] ?? dflt) : dflt;
};
const SECONDS = arg('--seconds', 3);
const ALEX_SECONDS = arg('--alex-seconds', 12);

function generated(): string[] {
  const parts = [
    'Looks good to me, thanks for the patch.',
    'Could you add a test for the retry path?',
    'nit: trailing whitespace here',
    'Hey guys, the build is green again.',
    "I'm an idiot, forgot to push.",
    'Please rebase on master and kill the old worker process.',
    'This is a dummy variable for the unused value.',
    'Why not use `os.kill(pid, 0)` here?',
    'This sanity check looks redundant.',
    'The slave node never reconnects after a restart.',
  ];
  const out: string[] = [];
  let seed = 7;
  for (let i = 0; i < 5000; i++) {
    let m = '';
    const n = 1 + (i % 4);
    for (let k = 0; k < n; k++) {
      seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
      m += (k ? ' ' : '') + parts[seed % parts.length];
    }
    out.push(m);
  }
  return out;
}

const fromData = existsSync(dataFile);
const messages = fromData
  ? readFileSync(dataFile, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => (JSON.parse(l) as { text: string }).text)
  : generated();
const chars = messages.reduce((n, m) => n + m.length, 0);
console.log(
  fromData
    ? `messages: ${messages.length} from ${path.relative(repoRoot, dataFile)} (mean ${Math.round(chars / messages.length)} chars)`
    : `messages: ${messages.length} generated (no ../shared/data found; mean ${Math.round(chars / messages.length)} chars)`,
);

type Run = (m: string) => number;

const ours = createChecker();
const obscenity = new RegExpMatcher({
  ...englishDataset.build(),
  ...englishRecommendedTransformers,
});
const runners: Record<string, Run> = {
  floor: (m) => m.toLowerCase().split(/\s+/).length,
  callin: (m) => ours.check(m).length,
  obscenity: (m) => obscenity.getAllMatches(m).length,
  alex: (m) => alexMarkdown(m).messages.length,
};

interface Result {
  name: string;
  messages: number;
  msgsPerSec: number;
  meanMsgsPerSec: number;
  /** Best pass by CPU time (user + system): what waiting for a busy core does not change. */
  cpuMsgsPerSec: number;
  p50us: number;
  p99us: number;
  heapMB: number;
  findings: number;
}

function quantile(sorted: Float64Array, q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}

function latency(run: Run, sample: string[]): { p50: number; p99: number } {
  const times = new Float64Array(sample.length);
  for (let i = 0; i < sample.length; i++) {
    const a = process.hrtime.bigint();
    run(sample[i]!);
    times[i] = Number(process.hrtime.bigint() - a) / 1000;
  }
  times.sort();
  return { p50: quantile(times, 0.5), p99: quantile(times, 0.99) };
}

/** CPU time of every pass, per checker, in the order taken (for paired ratios). */
const passCpu = new Map<string, number[]>();

/**
 * Throughput of several checkers on the same sample, one thread. Whole passes over the sample
 * are taken in turn (round robin), so other load on a shared machine falls on all of them
 * alike; the best pass of each counts, and the mean over all passes is kept too.
 */
function measureTogether(names: string[], sample: string[], seconds: number): Result[] {
  for (const n of names)
    for (let i = 0; i < Math.min(sample.length, 300); i++) runners[n]!(sample[i]!);
  const best = new Map<string, number>(names.map((n) => [n, Infinity]));
  const bestCpu = new Map<string, number>(names.map((n) => [n, Infinity]));
  const total = new Map<string, number>(names.map((n) => [n, 0]));
  const passes = new Map<string, number>(names.map((n) => [n, 0]));
  const found = new Map<string, number>();
  const t0 = performance.now();
  while (
    performance.now() - t0 < seconds * 1000 * names.length ||
    (passes.get(names[0]!) ?? 0) < 3
  ) {
    for (const n of names) {
      const run = runners[n]!;
      let f = 0;
      const c0 = process.cpuUsage();
      const a = performance.now();
      for (const m of sample) f += run(m);
      const dt = (performance.now() - a) / 1000;
      const c1 = process.cpuUsage(c0);
      best.set(n, Math.min(best.get(n)!, dt));
      bestCpu.set(n, Math.min(bestCpu.get(n)!, (c1.user + c1.system) / 1e6));
      const list = passCpu.get(n) ?? [];
      list.push((c1.user + c1.system) / 1e6);
      passCpu.set(n, list);
      total.set(n, total.get(n)! + dt);
      passes.set(n, passes.get(n)! + 1);
      found.set(n, f);
    }
  }
  return names.map((n) => {
    const l = latency(runners[n]!, sample);
    return {
      name: n,
      messages: sample.length,
      msgsPerSec: sample.length / best.get(n)!,
      meanMsgsPerSec: (sample.length * passes.get(n)!) / total.get(n)!,
      cpuMsgsPerSec: sample.length / bestCpu.get(n)!,
      p50us: l.p50,
      p99us: l.p99,
      heapMB: process.memoryUsage().heapUsed / 2 ** 20,
      findings: found.get(n) ?? 0,
    };
  });
}

const results: Result[] = measureTogether(['floor', 'callin'], messages, SECONDS);
results.push(...measureTogether(['obscenity'], messages, SECONDS));
// alex is slow: size its sample from a short calibration to take about ALEX_SECONDS.
const calib = messages.slice(0, 100);
const c0 = performance.now();
for (const m of calib) runners.alex!(m);
const alexRate = calib.length / ((performance.now() - c0) / 1000);
const alexN = Math.max(100, Math.min(messages.length, Math.round(alexRate * ALEX_SECONDS)));
const stride = messages.length / alexN;
const alexSample = Array.from({ length: alexN }, (_, i) => messages[Math.floor(i * stride)]!);
{
  const c0 = process.cpuUsage();
  const a = performance.now();
  let f = 0;
  for (const m of alexSample) f += runners.alex!(m);
  const dt = (performance.now() - a) / 1000;
  const c1 = process.cpuUsage(c0);
  const dtCpu = (c1.user + c1.system) / 1e6;
  const l = latency(runners.alex!, alexSample.slice(0, 50));
  results.push({
    name: 'alex',
    messages: alexN,
    msgsPerSec: alexN / dt,
    meanMsgsPerSec: alexN / dt,
    cpuMsgsPerSec: alexN / dtCpu,
    p50us: l.p50,
    p99us: l.p99,
    heapMB: process.memoryUsage().heapUsed / 2 ** 20,
    findings: f,
  });
}

/**
 * Huge texts: 1 MiB with a match every few characters, checked whole. Linear time means
 * every check after a match costs constant or logarithmic time; these rows show it.
 */
interface HugeRow {
  name: string;
  chars: number;
  matches: number;
  wallMs: number;
  cpuMs: number;
  floorMs: number;
}
function hugeRow(name: string, unit: string): HugeRow {
  const text = unit.repeat(Math.ceil(2 ** 20 / unit.length)).slice(0, 2 ** 20);
  ours.check(text.slice(0, 20_000));
  let wall = Infinity;
  let cpu = Infinity;
  let floor = Infinity;
  let matches = 0;
  for (let i = 0; i < 3; i++) {
    const c0 = process.cpuUsage();
    const a = performance.now();
    const found = ours.check(text);
    wall = Math.min(wall, performance.now() - a);
    const c1 = process.cpuUsage(c0);
    cpu = Math.min(cpu, (c1.user + c1.system) / 1000);
    matches = found.reduce((n, f) => n + (f.count ?? 1), 0);
    const b = performance.now();
    runners.floor!(text);
    floor = Math.min(floor, performance.now() - b);
  }
  return { name, chars: text.length, matches, wallMs: wall, cpuMs: cpu, floorMs: floor };
}
const huge = [hugeRow('"kys " x 262,144', 'kys '), hugeRow('"you idiot " x 104,858', 'you idiot ')];

const by = (n: string): Result => results.find((r) => r.name === n)!;
const fmt = (n: number, d = 0): string =>
  n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
console.log(
  `alex sample: ${alexN} messages (evenly spaced), one pass; its p50/p99 from the first 50\n`,
);
console.log(
  'msgs/s: best whole pass by wall time (mean over all passes in brackets), and by CPU time',
);
console.log(
  'checker       msgs/s     (mean)    CPU msgs/s   p50 µs   p99 µs   heap MB  findings/pass',
);
for (const r of results) {
  console.log(
    `${r.name.padEnd(12)} ${fmt(r.msgsPerSec).padStart(10)} (${fmt(r.meanMsgsPerSec).padStart(9)}) ${fmt(r.cpuMsgsPerSec).padStart(11)}  ${fmt(r.p50us, 1).padStart(7)} ${fmt(r.p99us, 1).padStart(8)}  ${fmt(r.heapMB, 1).padStart(7)}  ${r.findings}`,
  );
}
console.log('\n1 MiB texts, checked whole (best of 3; target: 0.5 s):');
console.log('text                        matches    wall ms   cpu ms   floor ms');
for (const h of huge) {
  console.log(
    `${h.name.padEnd(26)} ${fmt(h.matches).padStart(9)} ${fmt(h.wallMs).padStart(10)} ${fmt(h.cpuMs).padStart(8)} ${fmt(h.floorMs).padStart(10)}`,
  );
}
const vsAlex = by('callin').msgsPerSec / by('alex').msgsPerSec;
const vsFloor = by('floor').msgsPerSec / by('callin').msgsPerSec;
const vsObscenity = by('callin').msgsPerSec / by('obscenity').msgsPerSec;
// By CPU time: on a shared machine, a wall-clock pass that waited for a core says little.
// The paired ratio compares each callin pass with the floor pass just before it (the same
// moment of the machine's load), and takes the median: the steadiest of these figures.
const pairedVsFloor = ((): number => {
  const f = passCpu.get('floor') ?? [];
  const c = passCpu.get('callin') ?? [];
  const r = c.map((t, i) => t / (f[i] ?? NaN)).filter((x) => Number.isFinite(x));
  r.sort((a, b) => a - b);
  return r[Math.floor(r.length / 2)] ?? NaN;
})();
const vsAlexCpu = by('callin').cpuMsgsPerSec / by('alex').cpuMsgsPerSec;
const vsFloorCpu = by('floor').cpuMsgsPerSec / by('callin').cpuMsgsPerSec;
console.log(`\ncallin vs alex: ${fmt(vsAlex)}× faster (by CPU time: ${fmt(vsAlexCpu)}×)`);
console.log(`callin vs obscenity: ${fmt(vsObscenity, 1)}× faster`);
console.log(
  `floor vs callin: callin takes ${fmt(vsFloor, 2)}× the floor's time per message (by CPU time: ${fmt(vsFloorCpu, 2)}×; median of ${passCpu.get('callin')?.length ?? 0} paired passes by CPU time: ${fmt(pairedVsFloor, 2)}×)`,
);
console.log(
  JSON.stringify({
    bench: 'language',
    source: fromData ? 'toxispanse-dev' : 'generated',
    messages: messages.length,
    alexSample: alexN,
    results: Object.fromEntries(
      results.map((r) => [
        r.name,
        {
          msgsPerSec: Math.round(r.msgsPerSec),
          meanMsgsPerSec: Math.round(r.meanMsgsPerSec),
          cpuMsgsPerSec: Math.round(r.cpuMsgsPerSec),
          p50us: +r.p50us.toFixed(2),
          p99us: +r.p99us.toFixed(2),
          heapMB: +r.heapMB.toFixed(1),
        },
      ]),
    ),
    huge: huge.map((h) => ({
      text: h.name,
      chars: h.chars,
      matches: h.matches,
      wallMs: Math.round(h.wallMs),
      cpuMs: Math.round(h.cpuMs),
      floorMs: Math.round(h.floorMs),
    })),
    ratios: {
      callinVsAlex: Math.round(vsAlex),
      callinVsObscenity: +vsObscenity.toFixed(2),
      callinTimeVsFloor: +vsFloor.toFixed(2),
      callinVsAlexCpu: Math.round(vsAlexCpu),
      callinCpuTimeVsFloor: +vsFloorCpu.toFixed(2),
      callinPairedCpuTimeVsFloor: +pairedVsFloor.toFixed(2),
    },
  }),
);
