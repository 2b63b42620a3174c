// The call-in lifecycle, every status against every event, written by hand from the flow in
// /work/shared/product.md; then properties over whole paths (rule 1: nothing reaches the member
// before consent, and a withdrawal stops everything).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { callInStatuses, type CallInStatus } from '../../contract/vocabulary.ts';
import { AppError } from '../../config/errors.ts';
import {
  callInEvents,
  happens,
  openedStatus,
  statusesFor,
  transition,
  type CallInEvent,
} from './call-in-lifecycle.ts';

const short: Record<string, CallInStatus> = {
  AC: 'awaiting-caller',
  AS: 'awaiting-consent',
  R: 'ready',
  IC: 'in-conversation',
  OR: 'outcome-recorded',
  E: 'escalated',
  S: 'stopped',
  C: 'closed',
};

// Columns, in order: assign, assign-self, offer, request-consent, consent-given,
// consent-approved, consent-declined, consent-withdrawn, save-draft, choose-channel,
// send-message, member-respond, record-outcome, escalate, close, reopen, caller-left.
// '-': refused.
const grid: Record<CallInStatus, string> = {
  'awaiting-caller': 'AS R  AC -  -  -  -  -  -  -  -  -  -  E  -  -  - ',
  'awaiting-consent': '-  -  -  AS R  R  S  S  AS AS -  -  -  E  C  -  AC',
  ready: '-  -  -  -  R  -  S  S  R  R  IC -  -  E  C  -  AC',
  'in-conversation': '-  -  -  -  IC -  S  S  IC IC IC IC OR E  C  -  AC',
  'outcome-recorded': '-  -  -  -  OR -  S  S  -  -  OR OR OR E  C  IC AC',
  escalated: '-  -  -  -  E  -  S  S  -  -  -  -  -  -  C  -  E ',
  stopped: '-  -  -  -  -  -  -  -  -  -  -  -  -  -  C  -  - ',
  closed: '-  -  -  -  -  -  -  -  -  -  -  -  -  -  -  IC - ',
};

function expectedAfter(status: CallInStatus, event: CallInEvent): CallInStatus | null {
  const cells = grid[status].trim().split(/\s+/);
  expect(cells).toHaveLength(callInEvents.length);
  const cell = cells[callInEvents.indexOf(event)] ?? '-';
  return cell === '-' ? null : (short[cell] ?? null);
}

function attempt(status: string, event: CallInEvent): CallInStatus | 'invalid_state' {
  try {
    return transition(status, event);
  } catch (e) {
    if (e instanceof AppError && e.code === 'invalid_state') return 'invalid_state';
    throw e;
  }
}

describe('the call-in lifecycle', () => {
  it('opens waiting for a caller', () => {
    expect(openedStatus).toBe('awaiting-caller');
  });

  const pairs = callInStatuses.flatMap((s) => callInEvents.map((e) => [s, e] as const));
  it.each(pairs)('%s, then %s', (status, event) => {
    const want = expectedAfter(status, event);
    expect(attempt(status, event)).toBe(want ?? 'invalid_state');
    expect(happens(status, event)).toBe(want !== null);
  });

  it('refuses every event in a status outside the vocabulary', () => {
    for (const event of callInEvents) {
      expect(attempt('archived', event)).toBe('invalid_state');
      expect(happens('', event)).toBe(false);
    }
  });

  it('lists the statuses an event may happen in', () => {
    expect(statusesFor('reopen')).toEqual(['outcome-recorded', 'closed']);
    expect(statusesFor('close')).not.toContain('awaiting-caller');
  });

  // Any path of events the table allows, from a new call-in. Reopening also needs consent in
  // hand (reopenCallIn refuses it otherwise: mayContact), which the table does not know, so a
  // path reopens only while consent is in hand.
  const consentReached: readonly CallInEvent[] = [
    'assign-self',
    'consent-given',
    'consent-approved',
  ];
  // A caller who leaves takes the consent with them: the next caller asks again
  // (releaseCallIns resets it), so for reopening it counts as consent lost.
  const consentLost: readonly CallInEvent[] = [
    'consent-declined',
    'consent-withdrawn',
    'caller-left',
  ];
  const paths = fc.array(fc.constantFrom(...callInEvents), { maxLength: 30 }).map((events) => {
    let status: CallInStatus = openedStatus;
    const taken: { event: CallInEvent; from: CallInStatus; to: CallInStatus }[] = [];
    for (const event of events) {
      if (!happens(status, event)) continue;
      if (event === 'reopen') {
        // As mayContact: consent given (or not needed) and not declined or withdrawn since.
        const last = taken.findLast(
          (t) => consentReached.includes(t.event) || consentLost.includes(t.event),
        );
        if (!last || consentLost.includes(last.event)) continue;
      }
      const to = transition(status, event);
      taken.push({ event, from: status, to });
      status = to;
    }
    return taken;
  });

  it('reaches the member only after consent, or when the reporter calls in themselves (rule 1)', () => {
    fc.assert(
      fc.property(paths, (taken) => {
        const first = taken.findIndex((t) => t.event === 'send-message');
        if (first < 0) return;
        const before = taken.slice(0, first).map((t) => t.event);
        expect(
          before.some(
            (e) => e === 'assign-self' || e === 'consent-given' || e === 'consent-approved',
          ),
        ).toBe(true);
      }),
    );
  });

  it('sends nothing more once stopped: a stopped call-in can only be closed (rule 1)', () => {
    fc.assert(
      fc.property(paths, (taken) => {
        const stop = taken.findIndex((t) => t.to === 'stopped');
        if (stop < 0) return;
        for (const t of taken.slice(stop + 1)) expect(t.event).toBe('close');
      }),
    );
  });

  it('stops only when consent is declined or withdrawn', () => {
    fc.assert(
      fc.property(paths, (taken) => {
        for (const t of taken.filter((x) => x.to === 'stopped' && x.from !== 'stopped'))
          expect(['consent-declined', 'consent-withdrawn']).toContain(t.event);
      }),
    );
  });

  // Rule 11 (issue 9) changed this: a call-in goes back to waiting for a caller when, and only
  // when, its caller lost the role (`caller-left`).
  it('returns to waiting for a caller only when the caller left, and leaves closed only by reopening', () => {
    fc.assert(
      fc.property(paths, (taken) => {
        for (const t of taken) {
          if (t.from !== 'awaiting-caller' && t.to === 'awaiting-caller')
            expect(t.event).toBe('caller-left');
          if (t.from === 'closed') expect(t.event).toBe('reopen');
        }
      }),
    );
  });
});
