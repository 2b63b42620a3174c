// Issue 9, "an account-existence oracle on invitation accept": accepting signed out with an
// address that already has an account used to answer differently (an error) from a new
// address (an account, signed in). Where email is sent, both now answer "check your email"
// with the same body, the same work and the same audit entry; the account is made only once
// the emailed link (single use, short-lived) is opened, and an address with an account is told
// to sign in and accept instead. The signed-in accept path keeps working.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJobService, type JobService } from '../../src/jobs/service.ts';
import { createInvitation } from '../../src/domain/accounts/invitations.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { Client } from '../helpers/client.ts';
import { testDialects } from '../helpers/db.ts';
import {
  accountEmailLink,
  buildCommunity,
  buildMember,
  confirmSignup,
  PASSWORD,
  uniqueEmail,
} from '../helpers/factories.ts';
import { startSmtpCapture, type SmtpCapture } from '../integrations/smtp-capture.ts';

describe.each(testDialects())('accepting an invitation signed out on %s', (dialect) => {
  let t: TestApp;
  let smtp: SmtpCapture;
  let jobs: JobService;
  let now = Date.parse('2026-12-01T10:00:00.000Z');
  let communityId: string;
  let owner: Client;
  let ownerEmail: string;

  const invite = async (maxUses = 1) =>
    (
      await createInvitation(
        t.ctx.store.transaction.bind(t.ctx.store),
        t.ctx.clock,
        { kind: 'cli' },
        communityId,
        { role: 'member', maxUses, expiresInDays: 7 },
      )
    ).token;
  const accept = (token: string, email: string, password = PASSWORD) =>
    new Client(t.app).post(`/api/invitations/${token}/accept`, {
      email,
      password,
      displayName: 'Nia Newcomer',
    });
  const lastAudit = async () =>
    t.database.handle.db
      .selectFrom('audit_log')
      .select(['community_id', 'actor_kind', 'actor_id', 'action', 'target_type', 'target_id'])
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
  const userByEmail = (email: string) => t.ctx.store.repos.users.findByEmail(email);
  async function drain() {
    while ((await jobs.runner.runDue()) > 0);
    await new Promise((r) => setTimeout(r, 150));
  }

  beforeAll(async () => {
    smtp = await startSmtpCapture();
    t = await createTestApp(dialect, {
      env: { SMTP_URL: smtp.url, MAIL_FROM: 'Calling In <callin@example.org>' },
      clock: { now: () => new Date(now) },
    });
    jobs = await createJobService(t.ctx, { integrations: t.integrations });
    communityId = (await buildCommunity(t, 'Welcome Project')).id;
    // Someone who already has an account here (in another community, say).
    const other = await buildCommunity(t, 'Other Project');
    owner = await buildMember(t, other.id, 'member', 'Omar Owner');
    ownerEmail = (await t.ctx.store.repos.users.findById(owner.userId!))!.email;
  });
  afterAll(async () => {
    await jobs.close();
    await t.close();
    await smtp.close();
  });

  it('answers the same whether or not the address has an account', async () => {
    const fresh = uniqueEmail('newcomer');
    const answers = [];
    const audits = [];
    for (const [email, password] of [
      [fresh, PASSWORD],
      [ownerEmail, 'not the owner’s password at all'],
      [ownerEmail, PASSWORD],
    ] as const) {
      const r = await accept(await invite(), email, password);
      answers.push({ status: r.status, body: r.body, cookie: r.headers['set-cookie'] ?? null });
      const a = await lastAudit();
      audits.push({ ...a, target_id: typeof a.target_id });
    }
    expect(answers[0]).toEqual({ status: 202, body: { status: 'check-email' }, cookie: null });
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
    expect(audits[0]).toEqual({
      community_id: communityId,
      actor_kind: 'public',
      actor_id: null,
      action: 'invitation.signup-request',
      target_type: 'invitation',
      target_id: 'string',
    });
    expect(audits[1]).toEqual(audits[0]);
    expect(audits[2]).toEqual(audits[0]);
    // Nothing is made yet, and the existing account neither joined nor changed.
    expect(await userByEmail(fresh)).toBeUndefined();
    expect(await t.ctx.store.repos.memberships.find(communityId, owner.userId!)).toBeUndefined();

    // The emails tell them apart, to the owner of the address only.
    await drain();
    const toFresh = smtp.messages.filter((m) => m.to.includes(fresh));
    expect(toFresh).toHaveLength(1);
    expect(toFresh[0]!.subject).toBe('Confirm your address to join on Calling In');
    expect(toFresh[0]!.decoded).toMatch(/\/invite\/confirm\/[A-Za-z0-9_-]+/);
    const toOwner = smtp.messages.filter((m) => m.to.includes(ownerEmail));
    expect(toOwner.map((m) => m.subject)).toEqual([
      'You already have a Calling In account',
      'You already have a Calling In account',
    ]);
    for (const m of toOwner) {
      expect(m.decoded).toContain('sign in first, then open the invitation link again');
      expect(m.decoded).not.toMatch(/\/invite\//);
    }
  });

  it('makes the account, joins and signs in from the emailed link, once', async () => {
    const email = uniqueEmail('joiner');
    const token = await invite();
    expect((await accept(token, email)).status).toBe(202);
    const client = new Client(t.app);
    const joined = await confirmSignup(t, client, email);
    expect(joined.status).toBe(200);
    expect(joined.body).toMatchObject({ communityId, role: 'member' });
    client.csrfToken = joined.body.csrfToken;
    const me = await client.get('/api/me');
    expect(me.status).toBe(200);
    expect(me.body.user.email).toBe(email);
    // The link works once.
    const again = await confirmSignup(t, new Client(t.app), email);
    expect(again.status).toBe(404);
    expect(again.body.code).toBe('invitation_invalid');
    // The invitation is used only when an account joins: a second request for it is refused.
    expect((await accept(token, uniqueEmail('late'))).body.code).toBe('invitation_invalid');
  });

  it('counts the invitation when the account joins, and the link runs out', async () => {
    const token = await invite(1);
    const [first, second] = [uniqueEmail('first'), uniqueEmail('second')];
    expect((await accept(token, first)).status).toBe(202);
    expect((await accept(token, second)).status).toBe(202);
    expect((await confirmSignup(t, new Client(t.app), second)).status).toBe(200);
    // The invitation had one use, now taken.
    const late = await confirmSignup(t, new Client(t.app), first);
    expect(late.body.code).toBe('invitation_invalid');
    expect(await userByEmail(first)).toBeUndefined();
    // A link older than an hour no longer works.
    const slow = uniqueEmail('slow');
    expect((await accept(await invite(), slow)).status).toBe(202);
    now += 61 * 60_000;
    expect((await confirmSignup(t, new Client(t.app), slow)).body.code).toBe('invitation_invalid');
    expect(await userByEmail(slow)).toBeUndefined();
  });

  it('keeps the signed-in accept path', async () => {
    const r = await owner.post(`/api/invitations/${await invite()}/accept`, {});
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ communityId, userId: owner.userId, csrfToken: null });
    expect(await t.ctx.store.repos.memberships.find(communityId, owner.userId!)).toBeDefined();
  });

  it('refuses a made-up or malformed link without a 5xx', async () => {
    for (const token of ['a'.repeat(43), 'not a token at all!', '']) {
      const r = await new Client(t.app).post('/api/invitations/confirm', { token });
      expect(r.status).toBeGreaterThanOrEqual(400);
      expect(r.status).toBeLessThan(500);
    }
    expect(await accountEmailLink(t, 'nobody@example.org')).toBeNull();
  });
});
