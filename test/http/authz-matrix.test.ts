// Every API route against every kind of caller. The table below is written by hand from the
// product's roles (docs: /work/shared/product.md), never read from the code under test. A route
// that is not in the table fails the test: add it, with the people who may use it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorCode } from '../../src/config/errors.ts';
import { createTestApp } from '../helpers/app.ts';
import { testDialects } from '../helpers/db.ts';
import {
  actorNames,
  auditHead,
  buildWorld,
  credentialsFor,
  registeredApiRoutes,
  restoreMemberships,
  send,
  validRequests,
  type ActorName,
  type World,
} from '../helpers/routes.ts';

const everyone = actorNames;
const signedIn: ActorName[] = [
  'member',
  'ally',
  'organizer',
  'operator',
  'otherOrganizer',
  'token',
  'otherToken',
];
const people: ActorName[] = ['member', 'ally', 'organizer', 'operator', 'otherOrganizer'];
/** Members of community A with any role, and the token made there. */
const inA: ActorName[] = ['member', 'ally', 'organizer', 'token'];
/** Organizers of community A: the organizer, and the token the organizer made there. */
const organizersOfA: ActorName[] = ['organizer', 'token'];

/** Allies and organizers of A (the ally is the caller of A's call-in). */
const alliesOfA: ActorName[] = ['ally', 'organizer', 'token'];
const tokensRefused: Partial<Record<ActorName, ErrorCode>> = {
  token: 'forbidden',
  otherToken: 'forbidden',
};
const allNotFound = Object.fromEntries(actorNames.map((a) => [a, 'not_found'])) as Record<
  ActorName,
  ErrorCode
>;

interface Row {
  /** Who gets a 2xx. */
  allow: readonly ActorName[];
  /** Exact error codes for some of those who do not (the rest: see `deniedCodes`). */
  expect?: Partial<Record<ActorName, ErrorCode>>;
  /**
   * The request acts on community A's one call-in, whose state the rows before have moved on:
   * those allowed must get past authorization (no 401 or 403, never a 5xx) but may meet a
   * state answer such as invalid_state; everyone else is refused as usual.
   */
  gate?: boolean;
}

// Route → who may succeed. Everything aimed at a community is aimed at community A.
const matrix: Record<string, Row> = {
  'GET /api/health': { allow: everyone },
  'GET /api/openapi.json': { allow: everyone },
  // An operator exists in this world, so the one-time setup is closed for everybody.
  'POST /api/setup': {
    allow: [],
    expect: Object.fromEntries(everyone.map((a) => [a, 'setup_complete'])),
  },
  'POST /api/auth/sign-in': { allow: everyone },
  'POST /api/auth/sign-out': { allow: everyone },
  'POST /api/auth/sign-out-everywhere': {
    allow: people,
    expect: { token: 'forbidden', otherToken: 'forbidden' },
  },
  'GET /api/auth/whoami': { allow: signedIn },
  // Looking after one's own account. The links in these requests were never issued, and the
  // passwords are wrong, so nothing changes for anyone.
  'POST /api/auth/forgot-password': { allow: everyone },
  'GET /api/auth/reset-password/:token': {
    allow: [],
    expect: Object.fromEntries(everyone.map((a) => [a, 'reset_link_invalid'])),
  },
  'POST /api/auth/reset-password/:token': {
    allow: [],
    expect: Object.fromEntries(everyone.map((a) => [a, 'reset_link_invalid'])),
  },
  'POST /api/invitations/confirm': {
    allow: [],
    expect: Object.fromEntries(everyone.map((a) => [a, 'invitation_invalid'])),
  },
  'POST /api/auth/confirm-email/:token': {
    allow: [],
    expect: Object.fromEntries(everyone.map((a) => [a, 'email_link_invalid'])),
  },
  'POST /api/me/password': {
    allow: [],
    expect: {
      ...Object.fromEntries(people.map((a) => [a, 'validation_failed'])),
      ...tokensRefused,
    },
  },
  'POST /api/me/email': {
    allow: [],
    expect: {
      ...Object.fromEntries(people.map((a) => [a, 'validation_failed'])),
      ...tokensRefused,
    },
  },
  'GET /api/me': { allow: people, expect: { token: 'forbidden', otherToken: 'forbidden' } },
  'GET /api/me/concerns': {
    allow: people,
    expect: { token: 'forbidden', otherToken: 'forbidden' },
  },
  'GET /api/communities': { allow: signedIn },
  'POST /api/communities': { allow: ['operator'] },
  'GET /api/communities/:communityId': { allow: [...inA, 'operator'] },
  // Renaming is for organizers and the operator; the operator still sees no case content.
  'PATCH /api/communities/:communityId': { allow: [...organizersOfA, 'operator'] },
  'GET /api/communities/:communityId/settings': { allow: organizersOfA },
  'GET /api/communities/:communityId/members': { allow: organizersOfA },
  'PATCH /api/communities/:communityId/members/:userId': { allow: organizersOfA },
  'DELETE /api/communities/:communityId/members/:userId': { allow: organizersOfA },
  'GET /api/communities/:communityId/audit': { allow: organizersOfA },
  'GET /api/communities/:communityId/counts': { allow: organizersOfA },
  // The operator may invite only the first organizer; A already has one.
  'POST /api/communities/:communityId/invitations': { allow: organizersOfA },
  'GET /api/communities/:communityId/invitations': { allow: organizersOfA },
  'DELETE /api/communities/:communityId/invitations/:invitationId': { allow: organizersOfA },
  // Tokens are made from a signed-in browser, never from another token.
  'POST /api/communities/:communityId/tokens': {
    allow: ['member', 'ally', 'organizer'],
    expect: { token: 'forbidden' },
  },
  'GET /api/communities/:communityId/tokens': { allow: inA },
  'DELETE /api/communities/:communityId/tokens/:tokenId': { allow: inA },
  'POST /api/communities/:communityId/concerns': { allow: inA },
  'GET /api/communities/:communityId/concerns': { allow: organizersOfA },
  'GET /api/communities/:communityId/concerns/:concernId': { allow: organizersOfA },
  'POST /api/communities/:communityId/concerns/:concernId/triage/recommendation': {
    allow: organizersOfA,
  },
  'POST /api/communities/:communityId/concerns/:concernId/triage': { allow: organizersOfA },
  'GET /api/communities/:communityId/concerns/:concernId/triage': { allow: organizersOfA },
  // Rule 9: an organizer steps back from a case (each request on a fresh concern).
  'POST /api/communities/:communityId/concerns/:concernId/conflict': { allow: organizersOfA },
  // Naming a case is deciding about it: organizers of its community only.
  'PUT /api/communities/:communityId/concerns/:concernId/subject-line': { allow: organizersOfA },
  // Whom a reporter may keep away from a concern: anyone who may raise one here.
  'GET /api/communities/:communityId/staff': { allow: inA },
  'GET /api/communities/:communityId/member-search': { allow: inA },
  'PUT /api/communities/:communityId/concerns/:concernId/subject': { allow: organizersOfA },
  'DELETE /api/communities/:communityId/concerns/:concernId/subject': { allow: organizersOfA },
  // Links that carry their own secret work for whoever holds them.
  'GET /api/invitations/:token': { allow: everyone },
  'POST /api/invitations/:token/accept': {
    allow: ['anonymous', 'operator', 'otherOrganizer'],
    expect: {
      member: 'already_member',
      ally: 'already_member',
      organizer: 'already_member',
      token: 'forbidden',
      otherToken: 'forbidden',
    },
  },
  'GET /api/public/intake/:intakeId': { allow: everyone },
  'POST /api/public/intake/:intakeId/concerns': { allow: everyone },
  'GET /api/follow/:token': { allow: everyone },
  // The conversation with the reporter: whoever holds the follow link; signed in, only the
  // member who raised it (anyone else is told it does not exist); organizers of A ask.
  'GET /api/follow/:token/messages': { allow: everyone },
  'POST /api/follow/:token/messages': { allow: everyone },
  'PUT /api/follow/:token/alert': { allow: everyone },
  'DELETE /api/follow/:token/alert': { allow: everyone },
  'GET /api/me/concerns/:concernId/messages': {
    allow: ['member'],
    expect: {
      ...tokensRefused,
      anonymous: 'sign_in_required',
      ally: 'not_found',
      organizer: 'not_found',
      operator: 'not_found',
      otherOrganizer: 'not_found',
    },
  },
  'POST /api/me/concerns/:concernId/messages': {
    allow: ['member'],
    expect: {
      ...tokensRefused,
      anonymous: 'sign_in_required',
      ally: 'not_found',
      organizer: 'not_found',
      operator: 'not_found',
      otherOrganizer: 'not_found',
    },
  },
  'GET /api/communities/:communityId/concerns/:concernId/messages': { allow: organizersOfA },
  'POST /api/communities/:communityId/concerns/:concernId/questions': { allow: organizersOfA },

  // ---- privacy: one's own account, from a signed-in browser only. The request carries a
  // wrong password, so people reach the password check and nobody is erased.
  'DELETE /api/me': {
    allow: [],
    expect: {
      ...Object.fromEntries(people.map((a) => [a, 'invalid_credentials'])),
      ...tokensRefused,
    },
  },
  'GET /api/me/export': { allow: people, expect: tokensRefused },

  // ---- the member's side of a call-in: only the person called in (not one of these actors)
  'GET /api/me/call-ins': { allow: people, expect: tokensRefused },
  'GET /api/me/call-ins/:callInId': { allow: [], expect: tokensRefused },
  'POST /api/me/call-ins/:callInId/responses': { allow: [], expect: tokensRefused },
  'POST /api/me/call-ins/:callInId/coach': { allow: [], expect: tokensRefused },
  'GET /api/me/enforcements': { allow: people, expect: tokensRefused },
  'GET /api/me/notifications': { allow: people, expect: tokensRefused },
  'GET /api/me/notifications/unread': { allow: people, expect: tokensRefused },
  'POST /api/me/notifications/read': { allow: people, expect: tokensRefused },
  // Only organizers choose how they hear about new concerns; an API token is not a person.
  'GET /api/communities/:communityId/notification-settings': {
    allow: ['organizer'],
    expect: { token: 'forbidden' },
  },
  'PUT /api/communities/:communityId/notification-settings': {
    allow: ['organizer'],
    expect: { token: 'forbidden' },
  },
  'POST /api/me/enforcements/:enforcementId/appeal': { allow: [], expect: tokensRefused },

  // ---- ally board and hand-off: allies see redacted requests; organizers match and assign
  'GET /api/communities/:communityId/ally-board': { allow: alliesOfA },
  'POST /api/communities/:communityId/ally-board/:concernId/volunteer': { allow: alliesOfA },
  'POST /api/communities/:communityId/concerns/:concernId/call-ins': { allow: organizersOfA },
  'GET /api/communities/:communityId/call-ins': { allow: alliesOfA },
  // The ally is this call-in's caller.
  'GET /api/communities/:communityId/call-ins/:callInId': { allow: alliesOfA },
  'GET /api/communities/:communityId/call-ins/:callInId/candidates': { allow: organizersOfA },
  'POST /api/communities/:communityId/call-ins/:callInId/assign': {
    allow: organizersOfA,
    gate: true,
  },
  'POST /api/communities/:communityId/call-ins/:callInId/offers': {
    allow: organizersOfA,
    gate: true,
  },
  'GET /api/communities/:communityId/offers': { allow: alliesOfA },
  'POST /api/communities/:communityId/offers/:offerId/accept': { allow: alliesOfA, gate: true },
  'POST /api/communities/:communityId/offers/:offerId/decline': { allow: alliesOfA, gate: true },

  // ---- consent: the harmed person (the member, who reported harm to themselves) decides;
  // the caller or an organizer asks; an organizer stands in for a group.
  'POST /api/communities/:communityId/call-ins/:callInId/consent': {
    allow: ['member'],
    gate: true,
  },
  'POST /api/communities/:communityId/call-ins/:callInId/consent/withdraw': {
    allow: ['member'],
    gate: true,
  },
  'POST /api/communities/:communityId/call-ins/:callInId/consent-request': {
    allow: alliesOfA,
    gate: true,
  },
  'POST /api/communities/:communityId/call-ins/:callInId/consent/approval': {
    allow: organizersOfA,
    gate: true,
  },
  // Rule 10: only an organizer who is not the caller confirms an address a caller proposed.
  'POST /api/communities/:communityId/call-ins/:callInId/consent-request/confirmation': {
    allow: organizersOfA,
    gate: true,
  },

  // ---- the conversation: only the caller prepares and writes; caller or organizer closes
  'PUT /api/communities/:communityId/call-ins/:callInId/channel': { allow: ['ally'], gate: true },
  // Rule 10: where the member is written to is confirmed by an organizer who is not the caller.
  'PUT /api/communities/:communityId/call-ins/:callInId/member-address': {
    allow: organizersOfA,
    gate: true,
  },
  'PUT /api/communities/:communityId/call-ins/:callInId/draft': { allow: ['ally'], gate: true },
  'POST /api/communities/:communityId/call-ins/:callInId/messages': { allow: ['ally'], gate: true },
  'POST /api/communities/:communityId/call-ins/:callInId/message-advice': {
    allow: ['ally'],
    gate: true,
  },
  'POST /api/communities/:communityId/call-ins/:callInId/outcome': { allow: alliesOfA, gate: true },
  'POST /api/communities/:communityId/call-ins/:callInId/close': { allow: alliesOfA, gate: true },
  'POST /api/communities/:communityId/call-ins/:callInId/reopen': { allow: alliesOfA, gate: true },
  'POST /api/communities/:communityId/call-ins/:callInId/escalate': {
    allow: organizersOfA,
    gate: true,
  },

  // ---- care: each person's own capacity and logs; organizers see how the load is spread
  'GET /api/communities/:communityId/care/me': { allow: inA },
  'PATCH /api/communities/:communityId/care/me': { allow: inA },
  'GET /api/communities/:communityId/care/logs': { allow: inA },
  // Logging time on this call-in is for its caller.
  'POST /api/communities/:communityId/care/logs': { allow: ['ally'], gate: true },
  'GET /api/communities/:communityId/care/load': { allow: organizersOfA },

  // ---- enforcement
  'POST /api/communities/:communityId/enforcements': { allow: organizersOfA },
  'GET /api/communities/:communityId/enforcements': { allow: organizersOfA },
  'POST /api/communities/:communityId/appeals/:appealId/decision': {
    allow: organizersOfA,
    gate: true,
  },

  // ---- private links without an account
  // A real consent link works for whoever holds it (it is the harmed person's).
  'GET /api/public/consent/:token': { allow: everyone },
  'POST /api/public/consent/:token': { allow: everyone },
  'POST /api/public/consent/:token/withdraw': { allow: everyone, gate: true },
  // An unknown conversation link opens nothing, for anyone.
  'GET /api/public/called-in/:token': { allow: [], expect: allNotFound },
  'POST /api/public/called-in/:token/responses': { allow: [], expect: allNotFound },
  'POST /api/public/called-in/:token/coach': { allow: [], expect: allNotFound },
  'POST /api/public/called-in/:token/claim': { allow: [], expect: allNotFound },

  // ---- the language checker with community A's settings: for A's members only
  'POST /api/language/check': { allow: inA },
  'POST /api/language/coach': { allow: inA },
};

/** What a refusal may look like when the table names no exact code. */
function deniedCodes(actor: ActorName): ErrorCode[] {
  return actor === 'anonymous' ? ['sign_in_required'] : ['forbidden', 'not_found'];
}

describe.each(testDialects())('authorization matrix on %s', (dialect) => {
  let w: World;
  beforeAll(async () => {
    w = await buildWorld(await createTestApp(dialect));
  });
  afterAll(async () => w.t.close());

  it('has a row (and a valid request) for every registered /api route', () => {
    const keys = registeredApiRoutes(w.t).map((r) => r.key);
    for (const key of keys) {
      expect(
        matrix[key],
        `add route ${key} to the matrix in test/http/authz-matrix.test.ts`,
      ).toBeDefined();
      expect(
        validRequests[key],
        `add route ${key} to validRequests in test/helpers/routes.ts`,
      ).toBeDefined();
    }
    // And the table names no route that does not exist (a renamed route would slip through).
    for (const key of Object.keys(matrix))
      expect(keys, `route ${key} is in the matrix but not registered`).toContain(key);
  });

  it.each(Object.entries(matrix))('%s', async (key, row) => {
    const [method = ''] = key.split(' ');
    const build = validRequests[key];
    if (!build) throw new Error(`add route ${key} to validRequests in test/helpers/routes.ts`);
    const failures: string[] = [];
    for (const actor of actorNames) {
      const req = await build(w, actor);
      const creds = await credentialsFor(w, actor);
      const seqBefore = await auditHead(w.t);
      const res = await send(w.t.app, creds, method, req.url, req.body);
      await restoreMemberships(w);
      const cell = `${actor}: ${res.status} ${res.text.slice(0, 160)}`;
      expect(res.status, `${cell} (never a server error)`).toBeLessThan(500);
      if (row.allow.includes(actor)) {
        if (row.gate) {
          if (res.status === 401 || res.status === 403)
            failures.push(`${cell} — expected to pass authorization`);
        } else if (res.status < 200 || res.status >= 300)
          failures.push(`${cell} — expected success`);
        continue;
      }
      const wanted = row.expect?.[actor];
      const codes = wanted ? [wanted] : deniedCodes(actor);
      if (res.status < 400 || !codes.includes(res.body?.code))
        failures.push(`${cell} — expected ${codes.join(' or ')}`);
      // A refusal changes nothing and gives nothing away.
      if ((await auditHead(w.t)) !== seqBefore)
        failures.push(`${cell} — a refused request wrote an audit entry`);
      for (const secret of [w.marker, w.a.concernId]) {
        if (res.text.includes(secret))
          failures.push(`${cell} — the refusal leaks community A's content`);
      }
      if (actor === 'otherOrganizer' || actor === 'otherToken') {
        if (res.text.includes(w.a.id)) failures.push(`${cell} — the refusal names community A`);
      }
    }
    expect(failures).toEqual([]);
  });
});
