import { describe, expect, it } from 'vitest';
import { ConfigError, assertConfig, parseConfig } from './config.ts';
import { englishRules } from './rules/index.ts';

const known = new Set(englishRules.map((r) => r.id));
const fail = (text: string): ConfigError => {
  try {
    parseConfig(text, '.callinrc', known);
  } catch (e) {
    if (e instanceof ConfigError) return e;
    throw e;
  }
  throw new Error('expected a ConfigError');
};

describe('.callinrc', () => {
  it('parses a valid configuration', () => {
    const c = parseConfig(
      '{\n  "disable": ["gendered.guys", "profanity"],\n  "allow": {"racialised.slave": ["slave"]},\n  "minSeverity": "concern",\n  "profanity": true\n}',
      '.callinrc',
      known,
    );
    expect(c).toEqual({
      disable: ['gendered.guys', 'profanity'],
      allow: { 'racialised.slave': ['slave'] },
      minSeverity: 'concern',
      profanity: true,
    });
  });

  it('names file, line and column of a JSON syntax error', () => {
    const e = fail('{\n  "disable": ["a",]\n}');
    expect([e.file, e.line, e.column]).toEqual(['.callinrc', 2, 19]);
    expect(e.message).toMatch(/^\.callinrc:2:19: invalid JSON/);
  });

  it('points at an unknown setting', () => {
    const e = fail('{\n  "minSeverity": "nudge",\n  "disabled": []\n}');
    expect([e.line, e.column]).toEqual([3, 3]);
    expect(e.problem).toContain('unknown setting "disabled"');
  });

  it('points at a bad value', () => {
    const e = fail('{\n  "minSeverity": "severe"\n}');
    expect([e.line, e.column]).toEqual([2, 18]);
    expect(e.problem).toBe('minSeverity: must be one of nudge, concern, escalate');
  });

  it('points into a custom rule', () => {
    const e = fail(
      '{"rules": [\n  {"id": "custom.x", "severity": "loud", "phrases": ["x"], "suggestions": [], "explanation": "e"}\n]}',
    );
    expect(e.line).toBe(2);
    expect(e.problem).toContain('rules[0].severity');
  });

  it('rejects unknown rule ids in disable', () => {
    expect(fail('{"disable": ["gendered.nope"]}').problem).toContain(
      '"gendered.nope" is not a rule id or a category',
    );
  });

  it('validates community configuration objects', () => {
    expect(() => assertConfig({ profanity: 'yes' }, known)).toThrow(
      /profanity: must be true or false/,
    );
    expect(assertConfig({ profanity: true }, known)).toEqual({ profanity: true });
  });
});
