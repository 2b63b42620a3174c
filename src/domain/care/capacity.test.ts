// Rule 5 on its own: nobody paused or at capacity is available for work, and the picture of
// how the work is spread. The two repository reads availability() makes are answered from
// plain values, so the rule can be checked for every combination.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../config/errors.ts';
import type { CareProfile } from '../../db/records.ts';
import { OPEN_STATUSES } from '../conversation/call-in-state.ts';
import {
  assertAvailable,
  availability,
  careSettings,
  DEFAULT_CAPACITY,
  topShare,
  type CareSettings,
} from './capacity.ts';

const COMMUNITY = 'community-1';
const PERSON = 'person-1';

/** A stored care profile with these settings (the one place that knows the stored shape). */
function storedProfile(s: CareSettings): CareProfile {
  return {
    communityId: COMMUNITY,
    userId: PERSON,
    capacity: s.capacity,
    paused: s.paused,
    languages: [...s.languages],
    updatedAt: '2026-12-01T10:00:00.000Z',
  };
}

/** The two reads availability() makes, answering for one person. */
function reposFor(profile: CareSettings | undefined, openCallIns: number) {
  const asked: { statuses: readonly string[] }[] = [];
  return {
    asked,
    repos: {
      care: {
        findProfile: (communityId: string, userId: string) =>
          Promise.resolve(
            communityId === COMMUNITY && userId === PERSON && profile
              ? storedProfile(profile)
              : undefined,
          ),
      },
      callIns: {
        countOpenForCaller: (communityId: string, userId: string, statuses: readonly string[]) => {
          asked.push({ statuses });
          return Promise.resolve(communityId === COMMUNITY && userId === PERSON ? openCallIns : 0);
        },
      },
    } as unknown as Parameters<typeof availability>[0],
  };
}

const settings = fc.record<CareSettings>({
  capacity: fc.integer({ min: 0, max: 50 }),
  paused: fc.boolean(),
  languages: fc.uniqueArray(fc.constantFrom('en', 'de', 'fr', 'es', 'pt'), { maxLength: 3 }),
});

describe('care settings', () => {
  it('gives someone who never set anything the default capacity, unpaused', () => {
    expect(careSettings(undefined)).toEqual({
      capacity: DEFAULT_CAPACITY,
      paused: false,
      languages: [],
    });
  });

  it('reads back exactly what was stored', () => {
    fc.assert(
      fc.property(settings, (s) => {
        expect(careSettings(storedProfile(s))).toEqual(s);
      }),
    );
  });
});

describe('availability (rule 5)', () => {
  it('is never offered to someone paused or full, and always to someone with room', async () => {
    await fc.assert(
      fc.asyncProperty(settings, fc.integer({ min: 0, max: 60 }), async (s, load) => {
        const { repos, asked } = reposFor(s, load);
        const a = await availability(repos, COMMUNITY, PERSON);
        expect(a.load).toBe(load);
        expect(a.settings).toEqual(s);
        // Load counts the call-ins still open, nothing else.
        expect(asked).toEqual([{ statuses: OPEN_STATUSES }]);
        if (s.paused) {
          expect(a).toMatchObject({ available: false, why: 'paused' });
        } else if (load >= s.capacity) {
          expect(a).toMatchObject({ available: false, why: 'at-capacity' });
        } else {
          expect(a).toMatchObject({ available: true, spare: s.capacity - load });
          if (a.available) expect(a.spare).toBeGreaterThan(0);
        }
      }),
    );
  });

  it('uses the default capacity for someone who never set one', async () => {
    for (let load = 0; load <= DEFAULT_CAPACITY + 1; load++) {
      const a = await availability(reposFor(undefined, load).repos, COMMUNITY, PERSON);
      expect(a.available).toBe(load < DEFAULT_CAPACITY);
    }
  });

  it('refuses work with over_capacity, saying why, exactly when someone is unavailable', async () => {
    await fc.assert(
      fc.asyncProperty(settings, fc.integer({ min: 0, max: 60 }), async (s, load) => {
        const { repos } = reposFor(s, load);
        const a = await availability(repos, COMMUNITY, PERSON);
        const refused = await assertAvailable(repos, COMMUNITY, PERSON).then(
          () => null,
          (e: unknown) => e,
        );
        if (a.available) {
          expect(refused).toBeNull();
        } else {
          expect(refused).toBeInstanceOf(AppError);
          expect(refused).toMatchObject({ code: 'over_capacity', details: { why: a.why } });
        }
      }),
    );
  });
});

describe('the busiest share', () => {
  const loads = fc.array(fc.nat(20), { maxLength: 40 });

  it('names the busiest fifth (at least one person) and their share of all open work', () => {
    expect(topShare([])).toEqual({ people: 1, share: 0 });
    expect(topShare([0, 0, 0])).toEqual({ people: 1, share: 0 });
    expect(topShare([5, 1, 1, 1, 2])).toEqual({ people: 1, share: 0.5 });
    expect(topShare([3, 3, 1, 1, 1, 1])).toEqual({ people: 2, share: 0.6 });
  });

  it('is a share between 0 and 1, never less than an even spread would give', () => {
    fc.assert(
      fc.property(loads, (l) => {
        const { people, share } = topShare(l);
        expect(people).toBe(Math.max(1, Math.ceil(l.length * 0.2)));
        expect(share).toBeGreaterThanOrEqual(0);
        expect(share).toBeLessThanOrEqual(1);
        const total = l.reduce((a, b) => a + b, 0);
        if (total > 0) expect(share).toBeGreaterThanOrEqual(Math.min(1, people / l.length) - 1e-9);
      }),
    );
  });

  it('does not depend on the order people are listed in', () => {
    fc.assert(
      fc.property(
        loads.chain((l) =>
          fc.tuple(
            fc.constant(l),
            fc.shuffledSubarray(l, { minLength: l.length, maxLength: l.length }),
          ),
        ),
        ([l, shuffled]) => {
          expect(topShare(shuffled)).toEqual(topShare(l));
        },
      ),
    );
  });
});
