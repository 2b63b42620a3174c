import { describe, expect, it } from 'vitest';
import { check } from './check.ts';
import { formatJson, formatSarif, formatText } from './format.ts';
import { englishRules } from './rules/index.ts';

const results = [{ file: 'docs/a.md', findings: check("hey guys,\nyou're an idiot") }];

describe('formatters', () => {
  it('gives the JSON contract exactly', () => {
    expect(JSON.parse(formatJson(results))).toEqual([
      {
        file: 'docs/a.md',
        line: 1,
        column: 5,
        endLine: 1,
        endColumn: 9,
        ruleId: 'gendered.guys',
        category: 'gendered',
        severity: 'nudge',
        message: expect.stringContaining('"guys"') as unknown,
        suggestions: ['everyone', 'folks', 'all', 'team', "y'all"],
      },
      {
        file: 'docs/a.md',
        line: 2,
        column: 11,
        endLine: 2,
        endColumn: 16,
        ruleId: 'insult.idiot',
        category: 'insult',
        severity: 'concern',
        message: expect.stringContaining('"idiot"') as unknown,
        suggestions: [],
      },
    ]);
  });

  it('writes text lines with a summary', () => {
    const text = formatText(results);
    expect(text).toContain('docs/a.md:2:11  concern ');
    expect(text.trim().split('\n').at(-1)).toBe('2 findings in 1 file.');
    expect(formatText([{ file: '<stdin>', findings: [] }])).toBe('No findings in 1 file.\n');
  });

  it('writes SARIF 2.1.0 with rules and levels', () => {
    const log = JSON.parse(formatSarif(results, englishRules)) as {
      version: string;
      runs: {
        tool: { driver: { rules: { id: string }[] } };
        results: { ruleId: string; level: string; ruleIndex: number }[];
      }[];
    };
    expect(log.version).toBe('2.1.0');
    const run = log.runs[0]!;
    expect(run.tool.driver.rules.map((r) => r.id)).toEqual(['gendered.guys', 'insult.idiot']);
    expect(run.results.map((r) => [r.ruleId, r.level, r.ruleIndex])).toEqual([
      ['gendered.guys', 'note', 0],
      ['insult.idiot', 'warning', 1],
    ]);
  });
});
