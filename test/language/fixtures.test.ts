import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { check } from '../../src/language/index.ts';

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
const lines = (name: string): string[] =>
  readFileSync(path.join(dir, name), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '' && !l.startsWith('#'));

describe('curated fixtures', () => {
  const mustFlag = lines('must-flag.txt').map((l) => l.split(' => ') as [string, string]);
  it.each(mustFlag)('flags %s', (text, ruleId) => {
    expect(check(text).map((f) => f.ruleId)).toContain(ruleId);
  });

  it.each(lines('must-not-flag.txt'))('does not flag %s', (text) => {
    expect(check(text)).toEqual([]);
  });

  it('has enough fixtures to mean something', () => {
    expect(mustFlag.length).toBeGreaterThanOrEqual(80);
    expect(lines('must-not-flag.txt').length).toBeGreaterThanOrEqual(100);
  });
});
