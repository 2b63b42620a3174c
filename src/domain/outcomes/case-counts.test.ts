// Counting cases without pointing at any: the tally per month, kind and outcome, the outcome
// rule, and the months a request may ask for.
import fc from 'fast-check';
import type { CaseOutcome } from '../../contract/vocabulary.ts';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../config/errors.ts';
import { caseOutcomes, monthRange, tallyCases } from './case-counts.ts';
import type { Clock } from '../common/clock.ts';

type LiveCase = Parameters<typeof tallyCases>[0][number];

/** A live case as the privacy repository lists it (the one place that knows that shape). */
function liveCase(id: string, createdAt: string, categories: readonly string[]): LiveCase {
  // The tally counts whatever kinds it is given; these tests use made-up kinds on purpose.
  return { id, createdAt, categories: [...categories] as LiveCase['categories'] };
}
/** Outcomes by case id (one each, unless given a list); the tally passes them through. */
const outcomesOf = (entries: [string, string | string[]][]) =>
  new Map(
    entries.map(([id, o]) => [id, typeof o === 'string' ? [o] : o]),
  ) as unknown as ReadonlyMap<string, CaseOutcome[]>;

const kinds = ['slur', 'stereotype', 'ableist-language', 'misgendering', 'exclusion'];
const outcomes = ['none', 'resolved', 'learning', 'declined', 'call-in'];
const month = fc
  .tuple(fc.integer({ min: 2024, max: 2027 }), fc.integer({ min: 1, max: 12 }))
  .map(([y, m]) => `${y}-${String(m).padStart(2, '0')}`);
const cases = fc
  .array(
    fc.record({
      month,
      day: fc.integer({ min: 1, max: 28 }),
      categories: fc.array(fc.constantFrom(...kinds), { maxLength: 4 }),
      outcome: fc.option(fc.constantFrom(...outcomes), { nil: undefined }),
    }),
    { maxLength: 30 },
  )
  .map((rows) =>
    rows.map((r, i) => ({
      ...r,
      id: `case-${i}`,
      createdAt: `${r.month}-${String(r.day).padStart(2, '0')}T12:00:00.000Z`,
    })),
  );

const sum = (rows: readonly { count: number }[]) => rows.reduce((a, r) => a + r.count, 0);

describe('tallyCases', () => {
  it('counts a case once under each kind it names, and once in the totals', () => {
    const { byKind, totals } = tallyCases(
      [
        liveCase('a', '2026-03-02T10:00:00.000Z', ['slur', 'stereotype']),
        liveCase('b', '2026-03-20T10:00:00.000Z', ['slur', 'slur']),
        liveCase('c', '2026-04-01T00:00:00.000Z', []),
      ],
      outcomesOf([['a', 'resolved']]),
    );
    expect(byKind).toEqual([
      { month: '2026-03', category: 'slur', outcome: 'resolved', count: 1 },
      { month: '2026-03', category: 'stereotype', outcome: 'resolved', count: 1 },
      { month: '2026-03', category: 'slur', outcome: 'none', count: 1 },
      { month: '2026-04', category: 'uncategorised', outcome: 'none', count: 1 },
    ]);
    expect(totals).toEqual([
      { month: '2026-03', outcome: 'resolved', count: 1 },
      { month: '2026-03', outcome: 'none', count: 1 },
      { month: '2026-04', outcome: 'none', count: 1 },
    ]);
  });

  it('keeps every case in the totals and every kind it names in the kinds, and nothing else', () => {
    fc.assert(
      fc.property(cases, (list) => {
        const known = outcomesOf(list.flatMap((c) => (c.outcome ? [[c.id, c.outcome]] : [])));
        const { byKind, totals } = tallyCases(
          list.map((c) => liveCase(c.id, c.createdAt, c.categories)),
          known,
        );
        expect(sum(totals)).toBe(list.length);
        expect(sum(byKind)).toBe(
          list.reduce((a, c) => a + Math.max(1, new Set(c.categories).size), 0),
        );
        // One row per (month, kind, outcome) and per (month, outcome): no key twice.
        const kindKeys = byKind.map((r) => `${r.month}|${r.category}|${r.outcome}`);
        expect(new Set(kindKeys).size).toBe(kindKeys.length);
        const totalKeys = totals.map((r) => `${r.month}|${r.outcome}`);
        expect(new Set(totalKeys).size).toBe(totalKeys.length);
        // Each total is what its cases add up to.
        for (const t of totals) {
          const these = list.filter(
            (c) => c.month === t.month && (known.get(c.id)?.[0] ?? 'none') === t.outcome,
          );
          expect(t.count).toBe(these.length);
        }
        // Rows carry months, kinds, outcomes and counts only: nothing that points at a case.
        for (const r of [...byKind, ...totals])
          expect(Object.keys(r).sort()).toEqual(
            'category' in r
              ? ['category', 'count', 'month', 'outcome']
              : ['count', 'month', 'outcome'],
          );
      }),
    );
  });
});

describe('caseOutcomes', () => {
  it("takes the call-in's outcome, else the triage decision, else none", async () => {
    const privacy = {
      latestOutcomes: (ids: string[]) => {
        expect(ids).toEqual(['both', 'decided', 'neither']);
        return Promise.resolve({
          callIns: new Map([['both', ['resolved']]]),
          decisions: new Map([
            ['both', 'call-in'],
            ['decided', 'warning'],
          ]),
        });
      },
    } as unknown as Parameters<typeof caseOutcomes>[0];
    const result = await caseOutcomes(privacy, ['both', 'decided', 'neither']);
    expect([...result]).toEqual([
      ['both', ['resolved']],
      ['decided', ['warning']],
      ['neither', ['none']],
    ]);
  });
});

describe('a call-in with several outcomes', () => {
  it('counts once under each outcome, and once as a case', () => {
    const { byKind, totals, cases } = tallyCases(
      [
        liveCase('a', '2026-03-02T10:00:00.000Z', ['slur']),
        liveCase('b', '2026-03-05T10:00:00.000Z', ['slur']),
      ],
      outcomesOf([
        ['a', ['committed-to-change', 'apologised']],
        ['b', 'apologised'],
      ]),
    );
    expect(totals).toEqual([
      { month: '2026-03', outcome: 'committed-to-change', count: 1 },
      { month: '2026-03', outcome: 'apologised', count: 2 },
    ]);
    // Per kind, each case once (with its first outcome): the kinds add up to the cases.
    expect(byKind).toEqual([
      { month: '2026-03', category: 'slur', outcome: 'committed-to-change', count: 1 },
      { month: '2026-03', category: 'slur', outcome: 'apologised', count: 1 },
    ]);
    expect(cases).toEqual([{ month: '2026-03', count: 2 }]);
  });
});

describe('monthRange', () => {
  const at = (iso: string): Clock => ({ now: () => new Date(iso) });
  const refusal = (fn: () => unknown) => {
    try {
      fn();
    } catch (e) {
      return e;
    }
    return null;
  };

  it('gives the last twelve months, this one included, by default', () => {
    expect(monthRange(at('2026-12-01T10:00:00.000Z'), {})).toEqual({
      from: '2026-01',
      to: '2026-12',
    });
    expect(monthRange(at('2026-03-31T23:59:59.000Z'), {})).toEqual({
      from: '2025-04',
      to: '2026-03',
    });
    expect(monthRange(at('2026-01-15T00:00:00.000Z'), {})).toEqual({
      from: '2025-02',
      to: '2026-01',
    });
    expect(monthRange(at('2026-12-01T10:00:00.000Z'), { to: '2025-06' })).toEqual({
      from: '2024-07',
      to: '2025-06',
    });
  });

  it('takes any well-formed range of up to 120 months, in order', () => {
    fc.assert(
      fc.property(month, month, (a, b) => {
        const [from, to] = a <= b ? [a, b] : [b, a];
        const span =
          (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 +
          Number(to.slice(5)) -
          Number(from.slice(5));
        const clock = at('2026-12-01T10:00:00.000Z');
        if (span < 120) expect(monthRange(clock, { from, to })).toEqual({ from, to });
        if (from !== to) {
          const e = refusal(() => monthRange(clock, { from: to, to: from }));
          expect(e).toBeInstanceOf(AppError);
          expect(e).toMatchObject({ code: 'validation_failed', details: [{ field: 'from' }] });
        }
      }),
    );
  });

  it('refuses a month that is not YYYY-MM, and more than 120 months at a time', () => {
    const clock = at('2026-12-01T10:00:00.000Z');
    for (const bad of ['2026-13', '2026-00', '2026-3', '26-03', '2026-03-01', 'March']) {
      expect(refusal(() => monthRange(clock, { from: bad }))).toMatchObject({
        code: 'validation_failed',
        details: [{ field: 'from' }],
      });
      expect(refusal(() => monthRange(clock, { to: bad }))).toMatchObject({
        code: 'validation_failed',
        details: [{ field: 'to' }],
      });
    }
    expect(refusal(() => monthRange(clock, { from: '2016-12', to: '2026-11' }))).toBeNull();
    expect(refusal(() => monthRange(clock, { from: '2016-12', to: '2026-12' }))).toMatchObject({
      code: 'validation_failed',
      details: [
        { field: 'from', rule: 'invalid', message: 'Ask for at most 120 months at a time.' },
      ],
    });
  });
});
