/**
 * `npm run eval:language` — measure the language checker on the labelled messages in
 * ../shared/data (when present) and on the curated fixtures in test/language/fixtures.
 *
 * Reports, per file and over all files: non-toxic and toxic messages with a finding; rates
 * per text length (with findings per 10,000 characters on long non-toxic texts); per rule,
 * hits on non-toxic and toxic messages (the noise of each rule); per detected language.
 *
 * Options: --profanity (switch profanity on), --examples N (default 8), --seed N.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PACK_LANGUAGES, createChecker, detectLanguage } from '../src/language/index.ts';
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
  // Per text length: messages, non-toxic, non-toxic with a finding, findings and characters
  // of non-toxic ones, toxic, toxic with a finding.
  const BUCKETS = [
    { name: '< 200', max: 200 },
    { name: '200-999', max: 1000 },
    { name: '1,000-4,999', max: 5000 },
    { name: '>= 5,000', max: Infinity },
  ].map((b) => ({
    ...b,
    clean: 0,
    cleanFlagged: 0,
    cleanFindings: 0,
    cleanChars: 0,
    toxic: 0,
    toxicFlagged: 0,
  }));
  const langs = new Map<
    string,
    { clean: number; cleanFlagged: number; toxic: number; toxicFlagged: number }
  >();
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
      const bucket = BUCKETS.find((b) => row.text.length < b.max)!;
      const lang = detectLanguage(row.text.slice(0, 2000), PACK_LANGUAGES) ?? 'und';
      const l = langs.get(lang) ?? { clean: 0, cleanFlagged: 0, toxic: 0, toxicFlagged: 0 };
      langs.set(lang, l);
      if (row.toxic) {
        bucket.toxic++;
        l.toxic++;
        if (found.length > 0) {
          bucket.toxicFlagged++;
          l.toxicFlagged++;
        }
      } else {
        bucket.clean++;
        l.clean++;
        bucket.cleanChars += row.text.length;
        bucket.cleanFindings += found.length;
        if (found.length > 0) {
          bucket.cleanFlagged++;
          l.cleanFlagged++;
        }
      }
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
  console.log('\nby text length (all files):');
  console.log('  chars          non-toxic  with finding  findings/10k chars   toxic  with finding');
  for (const b of BUCKETS) {
    const per10k =
      b.cleanChars === 0 ? 'n/a' : ((10_000 * b.cleanFindings) / b.cleanChars).toFixed(2);
    console.log(
      `  ${b.name.padEnd(13)} ${String(b.clean).padStart(9)}  ${pct(b.cleanFlagged, b.clean).padStart(12)}  ${per10k.padStart(18)}  ${String(b.toxic).padStart(6)}  ${pct(b.toxicFlagged, b.toxic).padStart(12)}`,
    );
  }
  summary.byLength = Object.fromEntries(
    BUCKETS.map((b) => [
      b.name,
      {
        nonToxic: b.clean,
        nonToxicFlaggedRate: b.clean === 0 ? null : b.cleanFlagged / b.clean,
        nonToxicFindingsPer10kChars:
          b.cleanChars === 0 ? null : (10_000 * b.cleanFindings) / b.cleanChars,
        toxic: b.toxic,
        toxicFlaggedRate: b.toxic === 0 ? null : b.toxicFlagged / b.toxic,
      },
    ]),
  );
  console.log('\nby detected language (franc-min over en, es, de, fr, pt; und = too short):');
  console.log('  lang   non-toxic  with finding   toxic  with finding');
  for (const [lang, l] of [...langs.entries()].sort(
    (a, b) => b[1].clean + b[1].toxic - a[1].clean - a[1].toxic,
  )) {
    console.log(
      `  ${lang.padEnd(5)} ${String(l.clean).padStart(10)}  ${pct(l.cleanFlagged, l.clean).padStart(12)}  ${String(l.toxic).padStart(6)}  ${pct(l.toxicFlagged, l.toxic).padStart(12)}`,
    );
  }
  summary.byLanguage = Object.fromEntries(langs);
  const top = [...ruleHits.entries()].sort(
    (a, b) => b[1].clean + b[1].toxic - (a[1].clean + a[1].toxic),
  );
  console.log('\nrules by hits: non-toxic / toxic (share of hits on non-toxic messages = noise):');
  for (const [id, h] of top)
    console.log(
      `  ${id.padEnd(40)} ${String(h.clean).padStart(5)} / ${String(h.toxic).padEnd(5)} ${pct(h.clean, h.clean + h.toxic).padStart(8)}`,
    );
  summary.byRule = Object.fromEntries(top);
  console.log(`\n${examples} random findings on messages labelled non-toxic:`);
  for (const [t, f] of sample(cleanExamples, examples)) console.log(show(t, f));
  console.log(`\n${examples} random findings on messages labelled toxic:`);
  for (const [t, f] of sample(toxicExamples, examples)) console.log(show(t, f));
}
console.log('');
Object.assign(summary, evalFixtures());
console.log(JSON.stringify(summary));
