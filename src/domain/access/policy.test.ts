// The table of actions against every kind of person asking: written by hand from the product's
// roles (/work/shared/product.md), never read from the table under test. An action missing here
// fails the first test.
import { describe, expect, it } from 'vitest';
import type { Role } from '../../contract/vocabulary.ts';
import { AppError, type ErrorCode } from '../../config/errors.ts';
import type { Actor } from './actor.ts';
import {
  actions,
  authorize,
  decide,
  policy,
  requirePerson,
  type Action,
  type Resource,
} from './policy.ts';

const user = (userId: string, isOperator = false): Actor => ({ kind: 'user', userId, isOperator });
const token = (userId: string, communityId: string): Actor => ({
  kind: 'token',
  userId,
  isOperator: false,
  communityId,
  tokenId: `t-${userId}`,
});

interface Persona {
  actor: Actor;
  /** Their role in community A (what the membership lookup gives). */
  role: Role | null;
  /** The facts of the resource that make this persona stand in a relation to it. */
  facts?: Partial<Resource>;
}

// Column order of the rows below.
const personas = {
  anonymous: { actor: { kind: 'public' }, role: null },
  cli: { actor: { kind: 'cli' }, role: null },
  stranger: { actor: user('u-stranger'), role: null },
  member: { actor: user('u-member'), role: 'member' },
  ally: { actor: user('u-ally'), role: 'ally' },
  organizer: { actor: user('u-organizer'), role: 'organizer' },
  operator: { actor: user('u-operator', true), role: null },
  /** The organizer's token, made in community A. */
  token: { actor: token('u-organizer', 'A'), role: 'organizer' },
  /** A token made in community B: no role in A. */
  otherToken: { actor: token('u-other', 'B'), role: null },
  /** An ally who holds this call-in. */
  caller: { actor: user('u-caller'), role: 'ally', facts: { callerUserId: 'u-caller' } },
  /** A member, the harmed person of this call-in. */
  harmed: { actor: user('u-harmed'), role: 'member', facts: { harmedUserId: 'u-harmed' } },
  /** A member, the one this call-in or enforcement is addressed to. */
  addressed: {
    actor: user('u-addressed'),
    role: 'member',
    facts: { addressedUserId: 'u-addressed' },
  },
  /** An ally this offer was made to. */
  offered: { actor: user('u-offered'), role: 'ally', facts: { offeredUserId: 'u-offered' } },
  /** The organizer who wrote the enforcement record. */
  enforcer: { actor: user('u-enforcer'), role: 'organizer', facts: { enforcedBy: 'u-enforcer' } },
} satisfies Record<string, Persona>;
type PersonaName = keyof typeof personas;
const columns = Object.keys(personas) as PersonaName[];

const codes: Record<string, ErrorCode | 'ok'> = {
  o: 'ok',
  S: 'sign_in_required',
  F: 'forbidden',
  N: 'not_found',
  X: 'same_organizer_appeal',
};

// One letter per column: anonymous cli stranger member ally organizer operator token otherToken
// caller harmed addressed offered enforcer.
const organizers = 'S S F F F o F o F F F F F o';
const members = 'S S F o o o F o F o o o o o';
const allies = 'S S F F o o F o F o F F o o';
const staff = 'S S F F F o F o F o F F F o';
const callerOnly = 'S S F F F F F F F o F F F F';
const addressedOnly = 'S S N N N N N F F N N o N N';

const expected: Record<Action, string> = {
  'community.create': 'S o F F F F o F F F F F F F',
  'community.view': 'S S F o o o o o F o o o o o',
  'community.rename': 'S S F F F o o o F F F F F o',
  'community.settings': organizers,
  'members.manage': organizers,
  'invitations.manage': organizers,
  // The operator only while the community has no organizer: see below.
  'invitation.create': 'S o F F F o F o F F F F F o',
  'token.create': 'S S F o o o F F F o o o o o',
  'tokens.own': members,
  'audit.read': organizers,
  'counts.read': organizers,
  'language.check': members,
  'concern.raise': members,
  'concern.list': organizers,
  'concern.read': organizers,
  'concern.triage': organizers,
  'concern.ask-reporter': organizers,
  'concern.link-subject': organizers,
  'concern.declare-conflict': organizers,
  'staff.list': members,
  'members.search': members,
  'call-in.open': organizers,
  'call-in.list': allies,
  'call-in.candidates': organizers,
  'call-in.assign': organizers,
  'call-in.offer': organizers,
  'offer.list': allies,
  'offer.answer': 'S S F F N N F N F N F F o N',
  'ally-board.read': allies,
  'ally-board.volunteer': allies,
  'consent.request': staff,
  'consent.approve': organizers,
  'consent.confirm': organizers,
  'consent.decide': 'S S N N N N N N F N o N N N',
  'call-in.read': staff,
  'call-in.draft': callerOnly,
  'call-in.channel': callerOnly,
  'call-in.message': callerOnly,
  'call-in.confirm-member-address': organizers,
  'call-in.record-outcome': staff,
  'call-in.close': staff,
  'call-in.reopen': staff,
  'call-in.escalate': organizers,
  'member.call-in': addressedOnly,
  'enforcement.write': organizers,
  'enforcement.read': organizers,
  'enforcement.appeal': addressedOnly,
  'appeal.decide': 'S S F F F o F o F F F F F X',
  'care.own': members,
  'care.log': 'S S F N N N F N F o N N N N',
  'care.load': organizers,
};

// When the record does not exist: whoever has the role to ask about one hears not_found, even
// when the relation would refuse them (they cannot tell a missing record from someone else's).
// Without a row here, those allowed hear not_found and everyone else keeps their answer.
const anyRoleAsks = 'S S F N N N F N F N N N N N';
const missing: Partial<Record<Action, string>> = {
  'community.create': 'S o N N N N o F F N N N N N',
  'offer.answer': 'S S F F N N F N F N F F N N',
  'consent.request': anyRoleAsks,
  'consent.decide': 'S S N N N N N N F N N N N N',
  'call-in.read': anyRoleAsks,
  'call-in.draft': anyRoleAsks,
  'call-in.channel': anyRoleAsks,
  'call-in.message': anyRoleAsks,
  'call-in.record-outcome': anyRoleAsks,
  'call-in.close': anyRoleAsks,
  'call-in.reopen': anyRoleAsks,
  'call-in.escalate': anyRoleAsks,
  'member.call-in': 'S S N N N N N F F N N N N N',
  'enforcement.appeal': 'S S N N N N N F F N N N N N',
  'care.log': anyRoleAsks,
};

/** Things of a person across communities: no community on the resource. */
const personal: readonly Action[] = ['community.create', 'member.call-in', 'enforcement.appeal'];

/** Case content and decisions about a case: rule 9's conflict check applies. */
const caseActions: readonly Action[] = [
  'concern.read',
  'concern.triage',
  'concern.ask-reporter',
  'concern.link-subject',
  'call-in.open',
  'call-in.candidates',
  'call-in.assign',
  'call-in.offer',
  'consent.request',
  'consent.approve',
  'consent.confirm',
  'call-in.read',
  'call-in.draft',
  'call-in.channel',
  'call-in.message',
  'call-in.confirm-member-address',
  'call-in.record-outcome',
  'call-in.close',
  'call-in.reopen',
  'call-in.escalate',
  'enforcement.write',
  'appeal.decide',
];

function answer(action: Action, p: Persona, extra: Partial<Resource> = {}): ErrorCode | 'ok' {
  const resource: Resource = {
    communityId: personal.includes(action) ? null : 'A',
    ...p.facts,
    ...extra,
  };
  try {
    decide(action, p.actor, p.role, resource);
    return 'ok';
  } catch (e) {
    if (e instanceof AppError) return e.code;
    throw e;
  }
}

function row(action: Action, letterRow?: string): Record<PersonaName, ErrorCode | 'ok'> {
  const letters = (letterRow ?? expected[action]).split(' ');
  expect(letters, `${action}: one letter per persona`).toHaveLength(columns.length);
  return Object.fromEntries(columns.map((c, i) => [c, codes[letters[i] ?? '']])) as Record<
    PersonaName,
    ErrorCode | 'ok'
  >;
}

describe('the policy table', () => {
  it('has an expected row for every action, and no row for an action that does not exist', () => {
    expect([...actions].sort()).toEqual(Object.keys(expected).sort());
  });

  it.each(actions)('%s: every kind of person asking', (action) => {
    const want = row(action);
    const got = Object.fromEntries(columns.map((c) => [c, answer(action, personas[c])]));
    expect(got).toEqual(want);
  });

  it.each(actions)(
    '%s: a record that does not exist is not_found for whoever may ask',
    (action) => {
      const want = row(action, missing[action] ?? expected[action].replace(/[oX]/g, 'N'));
      for (const c of columns) {
        if (c === 'operator' || c === 'cli') continue; // they act without a role or a record
        expect(answer(action, personas[c], { found: false }), c).toBe(want[c]);
      }
    },
  );

  it.each(actions)('%s: rule 9 hook, people excluded from the case', (action) => {
    const want = row(action);
    for (const c of columns) {
      const p: Persona = personas[c];
      if (p.actor.kind !== 'user' && p.actor.kind !== 'token') continue;
      const got = answer(action, p, { excludedUserIds: [p.actor.userId] });
      const refused =
        caseActions.includes(action) && (want[c] === 'ok' || want[c] === 'same_organizer_appeal');
      // Not told the case exists (not_found) …
      expect(got, c).toBe(refused ? 'not_found' : want[c]);
      // … unless they already know of it (they declared the conflict themselves).
      const aware = answer(action, p, {
        excludedUserIds: [p.actor.userId],
        awareUserIds: [p.actor.userId],
      });
      expect(aware, c).toBe(refused ? 'conflict_of_interest' : want[c]);
    }
  });

  it('marks exactly the case actions for the conflict check', () => {
    const marked = actions.filter((a) => 'case' in policy[a]);
    expect(marked.sort()).toEqual([...caseActions].sort());
  });

  it('lets the operator invite only the first organizer', () => {
    const op = personas.operator;
    expect(answer('invitation.create', op, { organizerless: true })).toBe('ok');
    expect(answer('invitation.create', op, { organizerless: false })).toBe('forbidden');
    // Other organizer actions stay closed to them, even then.
    expect(answer('invitations.manage', op, { organizerless: true })).toBe('forbidden');
  });

  it('tells the caller who they are to the call-in', () => {
    const caller = personas.caller;
    const d = decide('call-in.read', caller.actor, caller.role, {
      communityId: 'A',
      ...caller.facts,
    });
    expect(d).toEqual({ userId: 'u-caller', role: 'ally', as: 'caller' });
    // An organizer who also holds it reads it as its caller.
    const both = decide('call-in.read', user('u-o'), 'organizer', {
      communityId: 'A',
      callerUserId: 'u-o',
    });
    expect(both.as).toBe('caller');
    expect(decide('call-in.read', user('u-o'), 'organizer', { communityId: 'A' }).as).toBe(
      'organizer',
    );
  });
});

describe('authorize', () => {
  const memberships = {
    find: (communityId: string, userId: string) =>
      Promise.resolve(
        communityId === 'A' && userId === 'u-organizer' ? { role: 'organizer' } : undefined,
      ),
  } as unknown as Parameters<typeof authorize>[0]['memberships'];

  it('looks the role up in the resource’s community', async () => {
    const d = await authorize({ memberships }, user('u-organizer'), 'audit.read', {
      communityId: 'A',
    });
    expect(d.role).toBe('organizer');
    await expect(
      authorize({ memberships }, user('u-organizer'), 'audit.read', { communityId: 'B' }),
    ).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('gives a token no role outside the community it was made for', async () => {
    // Even where its holder is an organizer: one answer, forbidden, for every action.
    for (const action of actions) {
      if (personal.includes(action)) continue;
      await expect(
        authorize({ memberships }, token('u-organizer', 'B'), action, { communityId: 'A' }),
      ).rejects.toMatchObject({ code: 'forbidden' });
    }
  });

  it('tells someone not signed in so, before anything is looked up', async () => {
    const refuse = {
      find: () => Promise.reject(new Error('looked up')),
    } as unknown as typeof memberships;
    await expect(
      authorize({ memberships: refuse }, { kind: 'public' }, 'call-in.read', { communityId: 'A' }),
    ).rejects.toMatchObject({ code: 'sign_in_required' });
  });
});

describe('requirePerson', () => {
  it('takes a person, refuses a token, and asks everyone else to sign in', () => {
    expect(() => requirePerson(user('u'))).not.toThrow();
    expect(() => requirePerson(token('u', 'A'))).toThrow(
      expect.objectContaining({ code: 'forbidden' }),
    );
    for (const kind of ['public', 'cli', 'system'] as const)
      expect(() => requirePerson({ kind })).toThrow(
        expect.objectContaining({ code: 'sign_in_required' }),
      );
  });
});

describe('nobody acts as someone else (rule 10)', () => {
  it('refuses the organizer who is the caller standing in for consent or confirming its address', () => {
    const callerOrganizer = user('u-org-caller');
    for (const action of ['consent.approve', 'consent.confirm'] as const) {
      expect(() =>
        decide(action, callerOrganizer, 'organizer', {
          communityId: 'A',
          callerUserId: 'u-org-caller',
        }),
      ).toThrowError(expect.objectContaining({ code: 'caller_cannot_decide_consent' }));
      expect(
        decide(action, user('u-other-org'), 'organizer', {
          communityId: 'A',
          callerUserId: 'u-org-caller',
        }).userId,
      ).toBe('u-other-org');
    }
  });

  it('refuses the organizer who is the caller confirming where the member is written to', () => {
    expect(() =>
      decide('call-in.confirm-member-address', user('u-org-caller'), 'organizer', {
        communityId: 'A',
        callerUserId: 'u-org-caller',
      }),
    ).toThrowError(expect.objectContaining({ code: 'caller_cannot_confirm_member_address' }));
    expect(
      decide('call-in.confirm-member-address', user('u-other-org'), 'organizer', {
        communityId: 'A',
        callerUserId: 'u-org-caller',
      }).userId,
    ).toBe('u-other-org');
  });
});
