// The product's own words (UI, emails, errors, guides, triage reasons) pass its own language
// checker, and never say "Oops".
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { check } from '../../src/language/index.ts';

const root = path.resolve(import.meta.dirname, '../..');

function files(dir: string, ext: RegExp): string[] {
  const abs = path.join(root, dir);
  if (!fs.existsSync(abs)) return [];
  return fs
    .readdirSync(abs, { recursive: true, encoding: 'utf8' })
    .filter((f) => ext.test(f) && !f.endsWith('.test.ts'))
    .map((f) => path.join(dir, f));
}

const sources = [
  ...files('web/src', /\.tsx?$/),
  ...files('src/integrations/email', /\.ts$/),
  'src/config/errors.ts',
  'src/contract/errors.ts',
  ...files('src/domain', /\.ts$/),
  'src/cli/main.ts',
  'src/cli/commands.ts',
  'src/cli/start.ts',
];

/** Text people read: string literals with a space in them, and JSX text. */
function phrases(source: string): string[] {
  const out: string[] = [];
  const literal = /'((?:[^'\\\n]|\\.)*)'|"((?:[^"\\\n]|\\.)*)"|`((?:[^`\\]|\\.)*)`/g;
  for (const m of source.matchAll(literal)) {
    const text = (m[1] ?? m[2] ?? m[3] ?? '').replace(/\$\{[^}]*\}/g, ' ');
    if (/[A-Za-z]{2,}\s+[A-Za-z]{2,}/.test(text)) out.push(text);
  }
  for (const m of source.matchAll(/>([^<>{}]*[A-Za-z]{2,}\s+[A-Za-z]{2,}[^<>{}]*)</g))
    out.push(m[1]!);
  return out;
}

describe("the product's own words", () => {
  it('has sources to read, and would notice inconsiderate words in them', () => {
    expect(sources.length).toBeGreaterThan(20);
    const planted = phrases(`const a = 'Hey guys, welcome back'; <p>That was a crazy idea</p>`);
    expect(planted).toHaveLength(2);
    expect(planted.flatMap((p) => check(p, { markdown: false })).length).toBeGreaterThanOrEqual(2);
  });

  it.each(sources)('%s passes the language checker', (file) => {
    const text = fs.readFileSync(path.join(root, file), 'utf8');
    const findings = phrases(text).flatMap((p) =>
      check(p, { markdown: false }).map((f) => `${f.ruleId}: "${f.text}" in "${p.slice(0, 80)}"`),
    );
    expect(findings).toEqual([]);
    expect(text).not.toMatch(/\boops\b/i);
  });
});
