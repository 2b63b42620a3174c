/**
 * `npm run eval:language` — measure the language checker on the labelled messages in
 * ../shared/data (when present) and on the curated fixtures in test/language/fixtures.
 *
 * Options: --profanity (switch profanity on), --examples N (default 8), --seed N.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createChecker } from '../src/language/index.ts';
import { findSharedData } from './shared-data.ts';
import type { Finding } from '../src/language/index.ts';

interface Row {
  id: string;
  text: string;
  toxic: boolean;
  spans?: { start: number; end: number; text: string }[];
}

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = findSharedData(repoRoot) ?? path.resolve(repoRoot, '..', 'shared', 'data');
const FILES = [
  'toxispanse-dev.jsonl',
  'strudel-train-comments.jsonl',
  'strudel-train-issues.jsonl',
];

const args = process.argv.slice(2);
const profanity = args.includes('--profanity');
const numArg = (name: string, dflt: number): number => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1] ?? dflt) : dflt;
};
const examples = numArg('--examples', 8);
let seed = numArg('--seed', 42);
const random = (): number => {
  seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
  return seed / 2 ** 32;
};
const pct = (n: number, d: number): string => (d === 0 ? 'n/a' : `${((100 * n) / d).toFixed(2)}%`);

const checker = createChecker({ profanity });

function sample<T>(items: T[], n: number): T[] {
  const copy = [...items];
  const out: T[] = [];
  while (out.length < n && copy.length > 0)
    out.push(copy.splice(Math.floor(random() * copy.length), 1)[0]!);
  return out;
}

function show(text: string, f: Finding): string {
  const a = Math.max(0, f.start - 50);
  const snippet = text.slice(a, f.end + 50).replace(/\s+/g, ' ');
  return `  [${f.ruleId} ${f.severity}] "${f.text}" … ${snippet}`;
}

function evalFixtures(): { mustFlagMissed: number; mustNotFlagHit: number } {
  const dir = path.join(repoRoot, 'test', 'language', 'fixtures');
  const read = (name: string): string[] =>
    readFileSync(path.join(dir, name), 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '' && !l.startsWith('#'));
  const base = createChecker();
  const flag = read('must-flag.txt');
  const notFlag = read('must-not-flag.txt');
  const missed = flag.filter((l) => base.check(l.split(' => ')[0] ?? l).length === 0);
  const hit = notFlag.filter((l) => base.check(l).length > 0);
  console.log(
    `fixtures: must-flag ${flag.length - missed.length}/${flag.length} found; must-not-flag ${hit.length}/${notFlag.length} with findings`,
  );
  for (const l of missed) console.log(`  missed: ${l}`);
  for (const l of hit) console.log(`  flagged: ${l}`);
  return { mustFlagMissed: missed.length, mustNotFlagHit: hit.length };
}

const summary: Record<string, unknown> = { profanity };
if (!existsSync(dataDir)) {
  console.log(`no labelled data at ${dataDir}; evaluating fixtures only`);
} else {
  console.log(`labelled data: ${dataDir}${profanity ? ' (profanity on)' : ''}`);
  const ruleHits = new Map<string, { clean: number; toxic: number }>();
  const cleanExamples: [string, Finding][] = [];
  const toxicExamples: [string, Finding][] = [];
  let allClean = 0;
  let allCleanFlagged = 0;
  for (const file of FILES) {
    const full = path.join(dataDir, file);
    if (!existsSync(full)) continue;
    const rows = readFileSync(full, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Row);
    let clean = 0;
    let cleanFlagged = 0;
    let cleanConcern = 0;
    let toxic = 0;
    let toxicFlagged = 0;
    let spans = 0;
    let spansFound = 0;
    let toxicFindings = 0;
    let toxicFindingsOnSpan = 0;
    for (const row of rows) {
      const found = checker.check(row.text);
      for (const f of found) {
        const h = ruleHits.get(f.ruleId) ?? { clean: 0, toxic: 0 };
        if (row.toxic) h.toxic++;
        else h.clean++;
        ruleHits.set(f.ruleId, h);
        (row.toxic ? toxicExamples : cleanExamples).push([row.text, f]);
      }
      if (!row.toxic) {
        clean++;
        if (found.length > 0) cleanFlagged++;
        if (found.some((f) => f.severity !== 'nudge')) cleanConcern++;
        continue;
      }
      toxic++;
      if (found.length > 0) toxicFlagged++;
      for (const s of row.spans ?? []) {
        spans++;
        if (found.some((f) => f.start < s.end && f.end > s.start)) spansFound++;
      }
      toxicFindings += found.length;
      toxicFindingsOnSpan += found.filter((f) =>
        (row.spans ?? []).some((s) => f.start < s.end && f.end > s.start),
      ).length;
    }
    allClean += clean;
    allCleanFlagged += cleanFlagged;
    console.log(`\n${file}: ${rows.length} messages`);
    console.log(
      `  non-toxic with any finding: ${cleanFlagged}/${clean} = ${pct(cleanFlagged, clean)} (concern or above: ${pct(cleanConcern, clean)})`,
    );
    console.log(`  toxic with any finding: ${toxicFlagged}/${toxic} = ${pct(toxicFlagged, toxic)}`);
    if (spans > 0) {
      console.log(
        `  toxic spans overlapped by a finding: ${spansFound}/${spans} = ${pct(spansFound, spans)}`,
      );
      console.log(
        `  findings in toxic messages that fall on a marked span: ${toxicFindingsOnSpan}/${toxicFindings} = ${pct(toxicFindingsOnSpan, toxicFindings)}`,
      );
    }
    summary[file] = {
      nonToxicFlaggedRate: clean === 0 ? null : cleanFlagged / clean,
      toxicFlaggedRate: toxic === 0 ? null : toxicFlagged / toxic,
      spanRecall: spans === 0 ? null : spansFound / spans,
    };
  }
  console.log(
    `\nall files: non-toxic with any finding ${allCleanFlagged}/${allClean} = ${pct(allCleanFlagged, allClean)}`,
  );
  summary.nonToxicFlaggedRate = allClean === 0 ? null : allCleanFlagged / allClean;
  const top = [...ruleHits.entries()]
    .sort((a, b) => b[1].clean + b[1].toxic - (a[1].clean + a[1].toxic))
    .slice(0, 15);
  console.log('\ntop rules by hits (non-toxic / toxic):');
  for (const [id, h] of top)
    console.log(`  ${id.padEnd(36)} ${String(h.clean).padStart(5)} / ${h.toxic}`);
  console.log(`\n${examples} random findings on messages labelled non-toxic:`);
  for (const [t, f] of sample(cleanExamples, examples)) console.log(show(t, f));
  console.log(`\n${examples} random findings on messages labelled toxic:`);
  for (const [t, f] of sample(toxicExamples, examples)) console.log(show(t, f));
}
console.log('');
Object.assign(summary, evalFixtures());
console.log(JSON.stringify(summary));
