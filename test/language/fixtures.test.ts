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
    expect(mustFlag.length).toBeGreaterThanOrEqual(145);
    expect(lines('must-not-flag.txt').length).toBeGreaterThanOrEqual(145);
  });

  /** Fixture lines under a `# … (xx)` heading, up to the next heading. */
  const section = (name: string, tag: string): string[] => {
    const all = readFileSync(path.join(dir, name), 'utf8').split('\n');
    const at = all.findIndex((l) => l.startsWith('#') && l.includes(`(${tag})`));
    if (at < 0) return [];
    const out: string[] = [];
    for (const l of all.slice(at + 1)) {
      if (l.startsWith('#')) break;
      if (l.trim() !== '') out.push(l);
    }
    return out;
  };

  it.each(['es', 'de', 'fr', 'pt'])(
    'has must-flag and must-not-flag fixtures in %s, for slurs, insults, threats and nudges',
    (lang) => {
      const flagged = mustFlag.filter(([, id]) => id.includes(`.${lang}.`)).map(([, id]) => id);
      expect(flagged.some((id) => id.startsWith('slur.'))).toBe(true);
      expect(flagged.some((id) => id.startsWith('insult.'))).toBe(true);
      expect(flagged.some((id) => /^(racialised|ableist)\./.test(id))).toBe(true);
      expect(section('must-not-flag.txt', lang).length).toBeGreaterThanOrEqual(3);
    },
  );

  it('has must-flag fixtures for every obfuscation kind', () => {
    const kinds = [
      /\b\w \w \w\b/, // spaced letters
      /\w\.\w\.\w/, // dotted letters
      /\w\*\w\*\w/, // Markdown emphasis splitting a word
      /__\w+__/, // Markdown strong emphasis with underscores
      /\]\(https?:/, // link text
      /\b_\w+_\b/, // emphasised word
      /[\u{1D400}-\u{1D7FF}]/u, // mathematical letters
      /[\u1D00-\u1D22\u0280-\u029F]/, // small capitals
      /[\u24B6-\u24E9]/, // circled letters
      /[\u{1F130}-\u{1F189}]/u, // squared letters
      /[a-z][A-Z][a-z][A-Z]/, // alternating case
      /\w\*\*\w/, // censoring with *
      /\$\$/, // censoring with $
      /[a-z]\d+[a-z]/, // digits for letters
      /\s#\w/, // hashtag
      /\w's\b/, // possessive
    ];
    const missing = kinds.filter((kind) => !mustFlag.some(([text]) => kind.test(text)));
    expect(missing).toEqual([]);
  });
});
