import { describe, expect, it } from 'vitest';
import { createChecker } from './check.ts';
import { englishRules } from './rules/index.ts';
import { CATEGORIES } from './types.ts';
import { validateRules } from './validate-rule.ts';

describe('rule packs', () => {
  it('has at least 300 rule families with unique ids', () => {
    expect(englishRules.length).toBeGreaterThanOrEqual(300);
    expect(new Set(englishRules.map((r) => r.id)).size).toBe(englishRules.length);
  });

  it('covers every category but custom', () => {
    const seen = new Set(englishRules.map((r) => r.category));
    for (const c of CATEGORIES) if (c !== 'custom') expect(seen.has(c), c).toBe(true);
  });

  it('has one-line explanations and escalates slurs', () => {
    for (const r of englishRules) {
      expect(r.explanation.length, r.id).toBeLessThan(200);
      if (r.category === 'slur') expect(r.severity, r.id).toBe('escalate');
    }
  });

  it('fires every always-on rule on its first phrase', () => {
    const checker = createChecker({ profanity: true });
    const missed: string[] = [];
    for (const r of englishRules) {
      if ((r.target ?? 'always') !== 'always') continue;
      const phrase = r.phrases[0]!;
      const found = checker.check(`Well, ${phrase} here`);
      if (!found.some((f) => f.text.toLowerCase().replace(/[-\s]+/g, ' ') === phrase))
        missed.push(`${r.id}: ${phrase}`);
    }
    expect(missed).toEqual([]);
  });

  it('fires person-aimed rules only when aimed at a person', () => {
    const checker = createChecker();
    for (const r of englishRules.filter((x) => x.target === 'person')) {
      const phrase = r.phrases[0]!;
      expect(checker.check(`you are a ${phrase}`).length, r.id).toBeGreaterThan(0);
      expect(
        checker.check(`the ${phrase} config`).filter((f) => f.ruleId === r.id),
        r.id,
      ).toEqual([]);
    }
  });

  it('rejects invalid rules with every problem listed', () => {
    expect(() =>
      validateRules(
        [
          {
            id: 'Bad Id',
            category: 'nope',
            severity: 'loud',
            language: 'en',
            phrases: ['Upper'],
            suggestions: [],
            explanation: '',
          },
        ],
        'test',
      ),
    ).toThrow(/id: .*\n.*category.*\n.*severity.*\n.*phrases\[0\].*\n.*explanation/);
  });
});
