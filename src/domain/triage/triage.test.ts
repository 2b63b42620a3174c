import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  concernCategories,
  harmedOptions,
  intents,
  isUnacceptable,
  ladderLevels,
  publicHarmOptions,
  recommend,
  wantsOptions,
  type TriageInput,
} from './triage.ts';

const input = fc.record<TriageInput>({
  categories: fc.uniqueArray(fc.constantFrom(...concernCategories), { maxLength: 4 }),
  immediateDanger: fc.boolean(),
  intent: fc.constantFrom(...intents),
  publicHarm: fc.constantFrom(...publicHarmOptions),
  harmed: fc.constantFrom(...harmedOptions),
  wants: fc.constantFrom(...wantsOptions),
  history: fc.record({
    earlierConcerns: fc.nat(20),
    earlierCallIns: fc.nat(10),
    highestEnforcement: fc.option(fc.constantFrom(...ladderLevels), { nil: null }),
  }),
});
const thresholds = fc.record({
  callInsBeforeWarning: fc.integer({ min: 1, max: 10 }),
  concernsForPattern: fc.integer({ min: 1, max: 10 }),
});

describe('triage rubric', () => {
  it('never recommends a call-in for unacceptable behaviour', () => {
    fc.assert(
      fc.property(input, thresholds, (i, t) => {
        const r = recommend(i, t);
        if (i.categories.some(isUnacceptable)) {
          expect(r.kind).toBe('enforcement');
          expect(r.ladderLevel).not.toBeNull();
        }
      }),
    );
  });

  it('never proposes the reporter (who may be the harmed person) as caller unless they chose it', () => {
    fc.assert(
      fc.property(input, thresholds, (i, t) => {
        const r = recommend(i, t);
        if (i.wants !== 'self') expect(r.caller).not.toBe('reporter');
      }),
    );
  });

  it('always gives at least one plain-language reason, and a caller exactly when someone calls in', () => {
    fc.assert(
      fc.property(input, thresholds, (i, t) => {
        const r = recommend(i, t);
        expect(r.reasons.length).toBeGreaterThan(0);
        const callsIn = r.kind === 'call-in' || r.kind === 'call-in-and-public-statement';
        expect(r.caller !== null).toBe(callsIn);
        expect(r.ladderLevel !== null).toBe(r.kind === 'enforcement');
      }),
    );
  });

  it('never steps down the ladder from what was already used', () => {
    fc.assert(
      fc.property(input, thresholds, (i, t) => {
        const r = recommend(i, t);
        if (
          r.kind === 'enforcement' &&
          i.history.highestEnforcement &&
          i.history.highestEnforcement !== 'permanent-ban'
        ) {
          expect(ladderLevels.indexOf(r.ladderLevel!)).toBeGreaterThan(
            ladderLevels.indexOf(i.history.highestEnforcement),
          );
        }
      }),
    );
  });

  it('marks immediate danger urgent', () => {
    fc.assert(
      fc.property(input, (i) => {
        expect(recommend(i).urgent).toBe(i.immediateDanger);
      }),
    );
  });

  const base: TriageInput = {
    categories: ['inconsiderate-language'],
    immediateDanger: false,
    intent: 'thoughtless',
    publicHarm: 'none',
    harmed: 'me',
    wants: 'ally',
    history: { earlierConcerns: 0, earlierCallIns: 0, highestEnforcement: null },
  };

  it('recommends a private call-in by an ally for a thoughtless first remark', () => {
    const r = recommend(base);
    expect(r).toMatchObject({ kind: 'call-in', caller: 'ally', ladderLevel: null, urgent: false });
  });

  it('adds a public statement when many people saw it', () => {
    expect(recommend({ ...base, publicHarm: 'many' }).kind).toBe('call-in-and-public-statement');
  });

  it('recommends a warning once earlier call-ins reach the community threshold', () => {
    const history = { earlierConcerns: 2, earlierCallIns: 2, highestEnforcement: null };
    expect(recommend({ ...base, history })).toMatchObject({
      kind: 'enforcement',
      ladderLevel: 'warning',
    });
    expect(
      recommend({ ...base, history }, { callInsBeforeWarning: 3, concernsForPattern: 3 }).kind,
    ).toBe('call-in');
  });

  it('sends threats to a temporary ban, and escalates after a temporary ban to a permanent one', () => {
    expect(recommend({ ...base, categories: ['threats'] }).ladderLevel).toBe('temporary-ban');
    const history = {
      earlierConcerns: 1,
      earlierCallIns: 0,
      highestEnforcement: 'temporary-ban' as const,
    };
    expect(recommend({ ...base, categories: ['harassment'], history }).ladderLevel).toBe(
      'permanent-ban',
    );
  });

  it('keeps only a record when that is all the reporter wants and nothing is unacceptable', () => {
    expect(recommend({ ...base, wants: 'record' }).kind).toBe('record-only');
    expect(recommend({ ...base, wants: 'record', categories: ['doxxing'] }).kind).toBe(
      'enforcement',
    );
  });
});
