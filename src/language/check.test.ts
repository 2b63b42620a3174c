import { describe, expect, it } from 'vitest';
import { check, createChecker } from './check.ts';

const ids = (text: string, markdown = true): string[] =>
  check(text, { markdown }).map((f) => f.ruleId);

describe('check', () => {
  it('reports rule, severity and exact positions (1-based, endColumn exclusive)', () => {
    const [f, ...rest] = check('Hi all,\nthanks guys!');
    expect(rest).toEqual([]);
    expect(f).toMatchObject({
      ruleId: 'gendered.guys',
      category: 'gendered',
      severity: 'nudge',
      start: 15,
      end: 19,
      line: 2,
      column: 8,
      endLine: 2,
      endColumn: 12,
      text: 'guys',
    });
    expect(f?.suggestions[0]).toBe('everyone');
    expect(f?.message).toContain('"guys"');
  });

  it('matches multi-word phrases across hyphens and slashes', () => {
    expect(check('a master/slave pair')[0]).toMatchObject({
      ruleId: 'racialised.master-slave',
      start: 2,
      end: 14,
    });
    expect(check('forty man-hours')[0]).toMatchObject({
      ruleId: 'gendered.man-hours',
      start: 6,
      end: 15,
    });
  });

  it('does not match a phrase across sentence punctuation', () => {
    expect(ids('Use the master. Slave nodes follow.')).toEqual(['racialised.slave']);
  });

  it('matches inflections', () => {
    expect(ids('We whitelisted it')).toEqual(['racialised.whitelist']);
    expect(ids('The chairmen met')).toEqual(['gendered.chairman']);
    expect(ids('It was crippling')).toEqual(['ableist.cripple']);
  });

  it('skips Markdown code, links, URLs, mentions and quotes', () => {
    expect(ids('Use `guys` here')).toEqual([]);
    expect(ids('```\nhey guys\n```\nok')).toEqual([]);
    expect(ids('text\n\n    guys = 1\n')).toEqual([]);
    expect(ids('> hey guys\n\nreply')).toEqual([]);
    expect(ids('see https://example.com/guys/list')).toEqual([]);
    expect(ids('see [docs](./guys/x.md)')).toEqual([]);
    expect(ids('thanks @guys')).toEqual([]);
    expect(ids('<!-- hey guys -->done')).toEqual([]);
  });

  it('reads code spans as text when Markdown is off', () => {
    expect(ids('Use `guys` here', false)).toEqual(['gendered.guys']);
  });

  it('leaves identifiers alone by default, reports them when asked', () => {
    expect(ids('set master_node and slave_count and os.slave() and slave.py')).toEqual([]);
    const c = createChecker({ identifiers: true });
    expect(c.check('set slave_count').map((f) => f.ruleId)).toEqual(['racialised.slave']);
  });

  it('treats quoted words and "the word X" as mentions', () => {
    expect(ids('the word "guys" and the term whitelist and terms like blacklist')).toEqual([]);
    expect(ids("I'd avoid 'guys' here")).toEqual([]);
  });

  it('knows technical senses and exceptions', () => {
    expect(ids('kill the process, execute the job, trim whitespace')).toEqual([]);
    expect(ids("a master's degree and a double-blind trial and a dummy variable")).toEqual([]);
    expect(ids('homo sapiens')).toEqual([]);
  });

  it('accepts pairs that are fine together', () => {
    expect(ids('If a user forgets, he or she can reset it.')).toEqual([]);
    expect(ids('If a user forgets, he/she can reset it.')).toEqual([]);
    expect(ids('If a user forgets, he can reset it.')).toEqual(['gendered.generic-pronoun']);
    expect(ids('Ask Jeff; he can reset it.')).toEqual([]);
  });

  it('reports insults aimed at a person, not at things or oneself', () => {
    expect(check("you're an idiot")).toMatchObject([
      { ruleId: 'insult.idiot', severity: 'concern', start: 10, end: 15 },
    ]);
    expect(ids('he is so stupid')).toEqual(['insult.stupid']);
    expect(ids('this code is stupid')).toEqual([]);
    expect(ids("I'm an idiot, fixed")).toEqual([]);
    expect(ids("you're not stupid")).toEqual([]);
  });

  it('finds slurs through leetspeak, look-alike letters, stretching and zero-width joiners', () => {
    for (const t of ['n1gg3r', 'nіgger', 'niiiigger', 'nig\u200bger', 'f*ck you']) {
      expect(check(t).map((f) => f.severity)).toContain(t.startsWith('f') ? 'concern' : 'escalate');
    }
  });

  it('does not use leetspeak or look-alikes for ordinary rules', () => {
    expect(ids('gu1s and guуs')).toEqual([]);
  });

  it('keeps the more severe of overlapping findings', () => {
    expect(ids('fuck you', true)).toEqual(['insult.fuck-you']);
  });

  it('gives the same findings for NFC and NFD text', () => {
    const nfc = 'Hé, guys! Café'.normalize('NFC');
    const nfd = nfc.normalize('NFD');
    expect(check(nfd).map((f) => f.ruleId)).toEqual(check(nfc).map((f) => f.ruleId));
  });
});

describe('configuration', () => {
  it('disables rules by id and by category', () => {
    expect(createChecker({ disable: ['gendered.guys'] }).check('hey guys, whitelist')).toHaveLength(
      1,
    );
    expect(
      createChecker({ disable: ['gendered', 'racialised'] }).check('hey guys, whitelist'),
    ).toEqual([]);
  });

  it('allows single words globally or inside one rule', () => {
    expect(createChecker({ allow: ['guys'] }).check('hey guys')).toEqual([]);
    const c = createChecker({ allow: { 'racialised.whitelist': ['whitelisted'] } });
    expect(c.check('we whitelisted it; the whitelist').map((f) => f.text)).toEqual(['whitelist']);
  });

  it('drops findings below the minimum severity', () => {
    expect(
      createChecker({ minSeverity: 'concern' })
        .check("hey guys, you're an idiot")
        .map((f) => f.ruleId),
    ).toEqual(['insult.idiot']);
  });

  it('switches profanity on and off', () => {
    expect(check('this code is shit')).toEqual([]);
    expect(
      createChecker({ profanity: true })
        .check('this code is shit')
        .map((f) => f.ruleId),
    ).toEqual(['profanity.shit']);
  });

  it('adds custom rules', () => {
    const c = createChecker({
      rules: [
        {
          id: 'custom.ninja',
          category: 'custom',
          severity: 'nudge',
          language: 'en',
          phrases: ['code wizard'],
          suggestions: ['expert'],
          explanation: 'We prefer plain job titles.',
        },
      ],
    });
    expect(c.check('our code wizards')).toMatchObject([
      { ruleId: 'custom.ninja', text: 'code wizards' },
    ]);
  });
});
