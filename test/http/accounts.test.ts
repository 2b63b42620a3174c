// Accounts and membership over real HTTP: the one-time setup link, invitation links (expiry,
// revocation, uses, people who already belong), role changes, the last organizer, and the
// operator who runs the installation but reads no case content.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { issueSetupToken, startSession } from '../../src/domain/accounts/accounts.ts';
import type { Clock } from '../../src/domain/common/clock.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { testDialects } from '../helpers/db.ts';
import { PASSWORD, uniqueEmail } from '../helpers/factories.ts';
import {
  addMember,
  auditHead,
  buildWorld,
  countRows,
  credentialsFor,
  send,
  txOf,
  type Credentials,
  type World,
} from '../helpers/routes.ts';

class TestClock implements Clock {
  at = Date.parse('2026-11-24T09:00:00.000Z');
  now() {
    return new Date(this.at);
  }
  advanceHours(h: number) {
    this.at += h * 3_600_000;
  }
}

const newAccount = (label = 'joiner') => ({
  email: uniqueEmail(label),
  password: PASSWORD,
  displayName: 'Jo Joiner',
});

describe.each(testDialects())('the one-time setup link on %s', (dialect) => {
  let t: TestApp;
  const clock = new TestClock();
  beforeAll(async () => {
    t = await createTestApp(dialect, { clock });
  });
  afterAll(async () => t.close());

  it('creates the first operator once, and never again', async () => {
    const made = await issueSetupToken(txOf(t), clock);
    expect(made).toEqual(expect.any(String));

    const wrong = await send(t.app, {}, 'POST', '/api/setup', {
      token: 'a-link-nobody-was-given',
      ...newAccount('op'),
    });
    expect(wrong.status).toBe(404);
    expect(wrong.body.code).toBe('setup_link_invalid');

    // It expires after a day; a new one retires the old.
    clock.advanceHours(25);
    const late = await send(t.app, {}, 'POST', '/api/setup', { token: made, ...newAccount('op') });
    expect(late.body.code).toBe('setup_link_invalid');
    const token = (await issueSetupToken(txOf(t), clock))!;
    expect(
      (await send(t.app, {}, 'POST', '/api/setup', { token: made, ...newAccount('op') })).body.code,
    ).toBe('setup_link_invalid');

    // A weak password is refused and does not use the link up.
    const weak = await send(t.app, {}, 'POST', '/api/setup', {
      token,
      email: uniqueEmail('op'),
      password: 'short',
      displayName: 'Olu',
    });
    expect(weak.status).toBe(400);
    expect(weak.body.code).toBe('validation_failed');
    expect(await countRows(t)).toMatchObject({ users: 0 });

    const account = newAccount('operator');
    const done = await send(t.app, {}, 'POST', '/api/setup', { token, ...account });
    expect(done.status).toBe(201);
    const signIn = await send(t.app, {}, 'POST', '/api/auth/sign-in', {
      email: account.email,
      password: PASSWORD,
    });
    const cookie = /^(callin_session=[^;]+)/.exec(String(signIn.raw.headers['set-cookie']))![1]!;
    const me = await send(t.app, { cookie }, 'GET', '/api/me');
    expect(me.body.user).toMatchObject({ id: done.body.userId, isOperator: true });

    const again = await send(t.app, {}, 'POST', '/api/setup', { token, ...newAccount('second') });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('setup_complete');
    expect(await issueSetupToken(txOf(t), clock)).toBeNull();
    expect(await countRows(t)).toMatchObject({ users: 1 });
  });
});

describe.each(testDialects())('invitations, roles and the operator on %s', (dialect) => {
  let w: World;
  let t: TestApp;
  let organizer: Credentials;
  const clock = new TestClock();
  beforeAll(async () => {
    t = await createTestApp(dialect, { clock });
    w = await buildWorld(t);
  });
  // Fresh sessions for each test: the clock moves on in some of them.
  beforeEach(async () => {
    organizer = await credentialsFor(w, 'organizer');
  });
  afterAll(async () => t.close());

  const invite = async (body: Record<string, unknown>) => {
    const r = await send(t.app, organizer, 'POST', `/api/communities/${w.a.id}/invitations`, body);
    expect(r.status).toBe(201);
    return r.body as { id: string; token: string; url: string; expiresAt: string };
  };
  const listed = async (id: string) =>
    (await send(t.app, organizer, 'GET', `/api/communities/${w.a.id}/invitations`)).body.items.find(
      (i: { id: string }) => i.id === id,
    );

  it('an invitation expires', async () => {
    const inv = await invite({ role: 'member', expiresInDays: 1 });
    expect(Date.parse(inv.expiresAt) - clock.at).toBe(24 * 3_600_000);
    expect((await send(t.app, {}, 'GET', `/api/invitations/${inv.token}`)).status).toBe(200);
    clock.advanceHours(24);
    const before = await countRows(t);
    const preview = await send(t.app, {}, 'GET', `/api/invitations/${inv.token}`);
    expect(preview.status).toBe(404);
    expect(preview.body.code).toBe('invitation_invalid');
    const accept = await send(
      t.app,
      {},
      'POST',
      `/api/invitations/${inv.token}/accept`,
      newAccount(),
    );
    expect(accept.body.code).toBe('invitation_invalid');
    expect(await countRows(t)).toEqual(before);
  });

  it('a revoked invitation no longer works, and revoking shows in the list', async () => {
    const inv = await invite({ role: 'ally' });
    const revoked = await send(
      t.app,
      organizer,
      'DELETE',
      `/api/communities/${w.a.id}/invitations/${inv.id}`,
    );
    expect(revoked.status).toBe(200);
    expect(await listed(inv.id)).toMatchObject({ revoked: true, uses: 0 });
    const accept = await send(
      t.app,
      {},
      'POST',
      `/api/invitations/${inv.token}/accept`,
      newAccount(),
    );
    expect(accept.status).toBe(404);
    expect(accept.body.code).toBe('invitation_invalid');
    // An invitation of another community cannot be revoked through this one.
    const other = await send(
      t.app,
      await credentialsFor(w, 'otherOrganizer'),
      'POST',
      `/api/communities/${w.b.id}/invitations`,
      { role: 'member' },
    );
    const crossed = await send(
      t.app,
      organizer,
      'DELETE',
      `/api/communities/${w.a.id}/invitations/${other.body.id}`,
    );
    expect(crossed.body.code).toBe('not_found');
    expect((await send(t.app, {}, 'GET', `/api/invitations/${other.body.token}`)).status).toBe(200);
  });

  it('an invitation works as many times as it allows', async () => {
    const inv = await invite({ role: 'member', maxUses: 2 });
    for (let i = 0; i < 2; i++) {
      const ok = await send(
        t.app,
        {},
        'POST',
        `/api/invitations/${inv.token}/accept`,
        newAccount(),
      );
      expect(ok.status).toBe(200);
      expect(ok.body).toMatchObject({
        communityId: w.a.id,
        role: 'member',
        csrfToken: expect.any(String),
      });
    }
    const third = await send(
      t.app,
      {},
      'POST',
      `/api/invitations/${inv.token}/accept`,
      newAccount(),
    );
    expect(third.body.code).toBe('invitation_invalid');
    expect(await listed(inv.id)).toMatchObject({ uses: 2, maxUses: 2 });
  });

  it('someone who already belongs is told so, and the link is not used up; an email in use is refused without saying it is in use', async () => {
    const inv = await invite({ role: 'organizer' });
    const member = await credentialsFor(w, 'member');
    const already = await send(t.app, member, 'POST', `/api/invitations/${inv.token}/accept`, {});
    expect(already.status).toBe(409);
    expect(already.body.code).toBe('already_member');
    const taken = await send(t.app, {}, 'POST', `/api/invitations/${inv.token}/accept`, {
      ...newAccount(),
      email: w.people.ally.email,
      password: 'someone else trying a long passphrase',
    });
    // Issue 9 changed this from 409 email_taken (which told anyone holding a link that the
    // address has an account) to the sign-in answer, the same as a wrong password anywhere.
    expect(taken.status).toBe(401);
    expect(taken.body.code).toBe('invalid_credentials');
    expect(await listed(inv.id)).toMatchObject({ uses: 0 });
    // The member's role did not change by accepting an organizer invitation.
    expect((await t.ctx.store.repos.memberships.find(w.a.id, w.people.member.userId))?.role).toBe(
      'member',
    );

    // Someone signed in who does not belong yet joins with the invitation's role.
    const outsider = await credentialsFor(w, 'otherOrganizer');
    const joined = await send(t.app, outsider, 'POST', `/api/invitations/${inv.token}/accept`, {});
    expect(joined.status).toBe(200);
    expect(joined.body).toMatchObject({
      communityId: w.a.id,
      role: 'organizer',
      userId: w.people.otherOrganizer.userId,
      csrfToken: null,
    });
    const me = await send(t.app, outsider, 'GET', '/api/me');
    expect(
      me.body.communities.map((c: { id: string; role: string }) => [c.id, c.role]).sort(),
    ).toEqual(
      [
        [w.a.id, 'organizer'],
        [w.b.id, 'organizer'],
      ].sort(),
    );
    await t.ctx.store.repos.memberships.delete(w.a.id, w.people.otherOrganizer.userId);
  });

  it('organizers change roles, which take effect at once; others cannot', async () => {
    const p = await addMember(t, w.a.id, 'member', 'promoted');
    const url = `/api/communities/${w.a.id}/members/${p.userId}`;
    const ally = await credentialsFor(w, 'ally');
    expect((await send(t.app, ally, 'PATCH', url, { role: 'organizer' })).body.code).toBe(
      'forbidden',
    );
    expect(
      (
        await send(t.app, await credentialsFor(w, 'otherOrganizer'), 'PATCH', url, {
          role: 'organizer',
        })
      ).body.code,
    ).toBe('forbidden');
    expect((await t.ctx.store.repos.memberships.find(w.a.id, p.userId))?.role).toBe('member');

    const seq = await auditHead(t);
    const changed = await send(t.app, organizer, 'PATCH', url, { role: 'organizer' });
    expect(changed.status).toBe(200);
    expect(await auditHead(t)).toBe(seq + 1);
    const members = await send(t.app, organizer, 'GET', `/api/communities/${w.a.id}/members`);
    expect(members.body.items.find((m: { userId: string }) => m.userId === p.userId)).toMatchObject(
      { role: 'organizer' },
    );

    // The promoted person can read the inbox on their very next request; after removal, not.
    const session = await startSession(
      t.ctx.store.repos.sessions,
      clock,
      { ttlHours: 1 },
      p.userId,
    );
    const theirs = { cookie: `callin_session=${session.token}`, csrf: session.csrfToken };
    expect((await send(t.app, theirs, 'GET', `/api/communities/${w.a.id}/concerns`)).status).toBe(
      200,
    );
    expect((await send(t.app, organizer, 'DELETE', url)).status).toBe(200);
    expect(
      (await send(t.app, theirs, 'GET', `/api/communities/${w.a.id}/concerns`)).body.code,
    ).toBe('forbidden');
    expect((await send(t.app, theirs, 'GET', `/api/communities/${w.a.id}`)).body.code).toBe(
      'forbidden',
    );

    // Someone who is not a member cannot be given a role.
    const stranger = await send(
      t.app,
      organizer,
      'PATCH',
      `/api/communities/${w.a.id}/members/${w.people.otherOrganizer.userId}`,
      { role: 'ally' },
    );
    expect(stranger.status).toBe(404);
    expect(stranger.body.code).toBe('not_found');
  });

  it('keeps at least one organizer', async () => {
    const self = `/api/communities/${w.a.id}/members/${w.people.organizer.userId}`;
    const before = await countRows(t);
    const seq = await auditHead(t);
    for (const [method, body] of [
      ['PATCH', { role: 'member' }],
      ['DELETE', undefined],
    ] as const) {
      const r = await send(t.app, organizer, method, self, body);
      expect(r.status).toBe(409);
      expect(r.body.code).toBe('last_organizer');
    }
    expect(await countRows(t)).toEqual(before);
    expect(await auditHead(t)).toBe(seq);
    expect(
      (await t.ctx.store.repos.memberships.find(w.a.id, w.people.organizer.userId))?.role,
    ).toBe('organizer');

    // With a second organizer, the first may step down, and then the second is the last.
    const second = await addMember(t, w.a.id, 'organizer', 'second-organizer');
    expect((await send(t.app, organizer, 'PATCH', self, { role: 'ally' })).status).toBe(200);
    const s = await startSession(t.ctx.store.repos.sessions, clock, { ttlHours: 1 }, second.userId);
    const theirs = { cookie: `callin_session=${s.token}`, csrf: s.csrfToken };
    const last = await send(
      t.app,
      theirs,
      'DELETE',
      `/api/communities/${w.a.id}/members/${second.userId}`,
    );
    expect(last.body.code).toBe('last_organizer');
    // Restore the world for the other tests.
    expect((await send(t.app, theirs, 'PATCH', self, { role: 'organizer' })).status).toBe(200);
    expect(
      (
        await send(
          t.app,
          organizer,
          'DELETE',
          `/api/communities/${w.a.id}/members/${second.userId}`,
        )
      ).status,
    ).toBe(200);
  });

  it('the operator manages communities but reads no case content', async () => {
    const operator = await credentialsFor(w, 'operator');
    const base = `/api/communities/${w.a.id}`;
    const answers = {
      categories: ['inconsiderate-language'],
      immediateDanger: false,
      intent: 'thoughtless',
      publicHarm: 'few',
    };
    const refused: [string, string, unknown?][] = [
      ['GET', `${base}/concerns`],
      ['GET', `${base}/concerns/${w.a.concernId}`],
      ['GET', `${base}/concerns/${w.a.concernId}/triage`],
      ['POST', `${base}/concerns/${w.a.concernId}/triage/recommendation`, answers],
      [
        'POST',
        `${base}/concerns/${w.a.concernId}/triage`,
        { answers, decision: 'call-in', reason: 'Looks thoughtless.' },
      ],
      ['GET', `${base}/audit`],
      ['GET', `${base}/members`],
      ['GET', `${base}/settings`],
      ['PATCH', base, { intakeOpen: false }],
    ];
    for (const [method, url, body] of refused) {
      const r = await send(t.app, operator, method, url, body);
      expect(r.status, `${method} ${url}`).toBe(403);
      expect(r.body.code).toBe('forbidden');
      expect(r.text).not.toContain(w.marker);
    }
    // What the operator does see: every community's name, none of its cases.
    const list = await send(t.app, operator, 'GET', '/api/communities');
    expect(list.body.items.map((c: { id: string }) => c.id)).toEqual(
      expect.arrayContaining([w.a.id, w.b.id]),
    );
    const one = await send(t.app, operator, 'GET', base);
    expect(one.body).toMatchObject({ id: w.a.id, name: 'Community A', role: null });
    expect(JSON.stringify(one.body)).not.toContain(w.marker);
    const renamed = await send(t.app, operator, 'PATCH', base, { name: 'Community A' });
    expect(renamed.status).toBe(200);

    // The operator may invite the first organizer of a new community, and no one after that.
    const made = await send(t.app, operator, 'POST', '/api/communities', {
      slug: `fresh-${Date.now()}`,
      name: 'Fresh',
    });
    expect(made.status).toBe(201);
    const first = await send(
      t.app,
      operator,
      'POST',
      `/api/communities/${made.body.id}/invitations`,
      { role: 'organizer' },
    );
    expect(first.status).toBe(201);
    expect(
      (
        await send(
          t.app,
          {},
          'POST',
          `/api/invitations/${first.body.token}/accept`,
          newAccount('first-organizer'),
        )
      ).status,
    ).toBe(200);
    const second = await send(
      t.app,
      operator,
      'POST',
      `/api/communities/${made.body.id}/invitations`,
      { role: 'organizer' },
    );
    expect(second.status).toBe(403);
    expect(second.body.code).toBe('forbidden');
  });
});
