// The domain never sees how rows are stored: no 0/1 comparisons, no JSON text parsed or
// written for a column, no row types from db/schema.ts. Repositories map rows to records
// (src/db/records.ts). A use of JSON that has nothing to do with stored columns is named
// below, line by line, with its reason; a new one fails here until it is named.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const domain = path.join(root, 'src/domain');

const PATTERNS: { name: string; re: RegExp }[] = [
  { name: '=== 1', re: /===\s*1(?![\d.])/ },
  { name: '!== 1', re: /!==\s*1(?![\d.])/ },
  { name: '? 1 : 0', re: /\?\s*1\s*:\s*0(?![\d.])/ },
  { name: 'JSON.parse(', re: /JSON\.parse\(/ },
  { name: 'JSON.stringify(', re: /JSON\.stringify\(/ },
];

/** file (under src/domain) → text found on the allowed line → why it is not stored JSON. */
const ALLOWED: { file: string; line: string; why: string }[] = [
  {
    file: 'conversation/protected-text.ts',
    line: 'return before.text.length === 1 && after.text.length === 1;',
    why: 'lengths of two pieces of text (single letters spelled apart), not stored booleans',
  },
  {
    file: 'conversation/protected-text.ts',
    line: 'if (all.length === 1 && parts.length === 0',
    why: 'how many words a name has, not a stored boolean',
  },
  {
    file: 'audit/audit.ts',
    line: 'return JSON.stringify([',
    why: 'the canonical form of an audit entry, sealed for the chain (never stored as JSON)',
  },
  {
    file: 'audit/checkpoint.ts',
    line: 'return JSON.stringify([c.version,',
    why: 'the canonical form of the audit checkpoint, signed (the file is outside the database)',
  },
  {
    file: 'audit/checkpoint.ts',
    line: 'c.version !== 1 ||',
    why: "the checkpoint file's format version, a number, not a stored boolean",
  },
  {
    file: 'conversation/language-check.ts',
    line: 'const key = JSON.stringify(config ?? {});',
    why: "a cache key for a community's compiled checker",
  },
  {
    file: 'outcomes/case-counts.ts',
    line: 'const key = JSON.stringify([month, category, first]);',
    why: 'a Map key while tallying counts',
  },
  {
    file: 'outcomes/case-counts.ts',
    line: 'const key = JSON.stringify([month, outcome]);',
    why: 'a Map key while tallying counts',
  },
  {
    file: 'outcomes/case-counts.ts',
    line: 'const key = JSON.stringify(keyOf(r));',
    why: 'a Map key while merging counts',
  },
  {
    file: 'privacy/crypto.ts',
    line: "c.update(JSON.stringify(value), 'utf8')",
    why: 'the cipher serialises the plaintext it seals; the envelope stays an opaque string',
  },
  {
    file: 'privacy/crypto.ts',
    line: 'return JSON.parse(plain) as T;',
    why: 'the cipher reads back the plaintext it opened',
  },
  {
    file: 'privacy/erasure.ts',
    line: 'if (JSON.stringify(next) !== JSON.stringify(value)) {',
    why: 'compares a decrypted value before and after names are removed',
  },
];

function domainFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return domainFiles(p);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [p] : [];
  });
}

/** Every line of src/domain that shows storage encoding and is not allowed above. */
function findLeaks(files: { file: string; text: string }[]) {
  const leaks: string[] = [];
  const used = new Set<(typeof ALLOWED)[number]>();
  for (const { file, text } of files) {
    text.split('\n').forEach((line, i) => {
      if (/from '[./]*\/db\/schema\.ts'/.test(line))
        leaks.push(`${file}:${i + 1} imports db/schema.ts (use db/records.ts)`);
      for (const p of PATTERNS) {
        if (!p.re.test(line)) continue;
        const allowed = ALLOWED.find((a) => a.file === file && line.includes(a.line));
        if (allowed) used.add(allowed);
        else leaks.push(`${file}:${i + 1} ${p.name}: ${line.trim()}`);
      }
    });
  }
  const stale = ALLOWED.filter((a) => !used.has(a)).map((a) => `${a.file}: ${a.line}`);
  return { leaks, stale };
}

const read = () =>
  domainFiles(domain).map((p) => ({
    file: path.relative(domain, p).split(path.sep).join('/'),
    text: fs.readFileSync(p, 'utf8'),
  }));

describe('storage encoding stays out of src/domain', () => {
  it('finds no 0/1 comparison, stored JSON or row type in the domain', () => {
    expect(findLeaks(read())).toEqual({ leaks: [], stale: [] });
  });

  it('would notice each kind of leak, and an allowance no longer needed', () => {
    const files = [
      ...read(),
      {
        file: 'intake/leaky.ts',
        text: [
          "import type { ConcernRow } from '../../db/schema.ts';",
          'const a = row.anonymous === 1;',
          'const b = row.intake_open !== 1;',
          'const c = { paused: paused ? 1 : 0 };',
          'const d = JSON.parse(row.categories) as string[];',
          'const e = JSON.stringify(list);',
          'const f = list.length === 10;',
        ].join('\n'),
      },
    ];
    const { leaks } = findLeaks(files);
    expect(leaks.map((l) => l.split(' ')[0])).toEqual([
      'intake/leaky.ts:1',
      'intake/leaky.ts:2',
      'intake/leaky.ts:3',
      'intake/leaky.ts:4',
      'intake/leaky.ts:5',
      'intake/leaky.ts:6',
    ]);
    const without = read().filter((f) => f.file !== 'privacy/crypto.ts');
    expect(findLeaks(without).stale).toHaveLength(2);
  });
});
