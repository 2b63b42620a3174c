// Rule 11 (issue 9): access follows roles at once. A caller who is demoted, removed or erased
// loses the call-in, which goes back to matching with a notice to organizers; the last
// organizer of a community that holds cases stays until someone else is one; the operator
// cannot make themselves an organizer of such a community. And the smaller findings: tokens end
// with sign-out-everywhere, draft saves and sign-in/out leave audit entries, an appeal with one
// organizer says a second one is needed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInvitation } from '../../src/domain/accounts/invitations.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import {
  buildCast,
  notifications,
  raiseAndTriage,
  tokenOf,
  type Cast,
} from '../helpers/call-ins.ts';
import { Client } from '../helpers/client.ts';
import { testDialects } from '../helpers/db.ts';
import {
  buildCommunity,
  buildConcern,
  buildMember,
  buildOperator,
  PASSWORD,
  uniqueEmail,
} from '../helpers/factories.ts';

describe.each(testDialects())('access follows roles on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(async () => t.close());

  const auditActions = async (communityId: string | null) => {
    let q = t.database.handle.db.selectFrom('audit_log').select(['action', 'actor_id']);
    q = communityId ? q.where('community_id', '=', communityId) : q;
    return (await q.orderBy('seq').execute()).map((r) => r.action);
  };

  /** The ally volunteers, the harmed reporter agrees, the ally writes to the member. */
  async function callInInConversation(cast: Cast) {
    const api = `/api/communities/${cast.communityId}`;
    const concern = await raiseAndTriage(cast);
    const taken = await cast.ally.post(`${api}/ally-board/${concern.id}/volunteer`);
    expect(taken.status).toBe(201);
    const ci = `${api}/call-ins/${taken.body.id as string}`;
    await cast.ally.post(`${ci}/consent-request`, {});
    const link = (await notifications(t)).filter((n) => n.template === 'consent-request').at(-1)!;
    const agreed = await new Client(t.app).post(`/api/public/consent/${tokenOf(link.link)}`, {
      decision: 'agree',
      conditions: { mayShareQuotes: true, note: '' },
    });
    expect(agreed.body.status).toBe('ready');
    expect((await cast.ally.request('PUT', `${ci}/channel`, { channel: 'in-app' })).status).toBe(
      200,
    );
    const sent = await cast.ally.post(`${ci}/messages`, {
      text: 'Hi Sam, could we talk about the review thread? How did you mean it?',
    });
    expect(sent.status).toBe(201);
    return { api, ci, callInId: taken.body.id as string };
  }

  async function expectReleased(cast: Cast, ci: string, callInId: string, from: Client) {
    // The former caller can no longer read, draft or write (403: the call-in is not theirs).
    expect((await from.get(ci)).status).toBe(403);
    expect((await from.request('PUT', `${ci}/draft`, { text: 'Still here?' })).status).toBe(403);
    expect((await from.post(`${ci}/messages`, { text: 'One more thing, Sam.' })).status).toBe(403);
    // It is back with the organizers to match, without a caller, asking consent again.
    const seen = await cast.organizer.get(ci);
    expect(seen.status).toBe(200);
    expect(seen.body).toMatchObject({ status: 'awaiting-caller' });
    const row = await t.database.handle.db
      .selectFrom('call_ins')
      .selectAll()
      .where('id', '=', callInId)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      status: 'awaiting-caller',
      caller_user_id: null,
      consent_status: 'not-requested',
    });
    // The organizers are told, with a link and nothing of the case.
    const notice = (await notifications(t)).filter(
      (n) => n.template === 'caller-released' && n.link.endsWith(callInId),
    );
    expect(notice.map((n) => n.to)).toEqual([{ userId: cast.organizer.userId }]);
    expect(await auditActions(cast.communityId)).toContain('call-in.caller-left');
    // Another ally can take it from the board again.
    const second = await buildMember(t, cast.communityId, 'ally', 'Bea Second');
    const api = `/api/communities/${cast.communityId}`;
    const again = await cast.organizer.post(`${ci}/assign`, { userId: second.userId });
    expect(again.status, JSON.stringify(again.body)).toBe(200);
    expect(again.body).toMatchObject({ status: 'awaiting-consent', callerUserId: second.userId });
    expect((await second.get(ci)).status).toBe(200);
    void api;
  }

  it('an ally demoted to member loses the call-in at once', async () => {
    const cast = await buildCast(t);
    const { ci, callInId, api } = await callInInConversation(cast);
    const demoted = await cast.organizer.request('PATCH', `${api}/members/${cast.ally.userId}`, {
      role: 'member',
    });
    expect(demoted.status).toBe(200);
    await expectReleased(cast, ci, callInId, cast.ally);
  });

  it('a caller removed from the community loses the call-in, and offers to them are withdrawn', async () => {
    const cast = await buildCast(t);
    const { ci, callInId, api } = await callInInConversation(cast);
    // A second call-in offered to the same ally, still waiting for an answer.
    const other = await raiseAndTriage(cast, { about: { name: 'another_person' } });
    const opened = await cast.organizer.post(`${api}/concerns/${other.id}/call-ins`, {});
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    const offered = await cast.organizer.post(`${api}/call-ins/${opened.body.id}/offers`, {
      userId: cast.ally.userId,
      relationship: 'none',
    });
    expect(offered.status, JSON.stringify(offered.body)).toBe(201);

    const removed = await cast.organizer.request('DELETE', `${api}/members/${cast.ally.userId}`);
    expect(removed.status).toBe(200);
    await expectReleased(cast, ci, callInId, cast.ally);
    const offer = await t.database.handle.db
      .selectFrom('call_in_offers')
      .select('status')
      .where('id', '=', offered.body.id)
      .executeTakeFirstOrThrow();
    expect(offer.status).toBe('withdrawn');
  });

  it('a caller who erases their account loses the call-in', async () => {
    const cast = await buildCast(t);
    const { ci, callInId } = await callInInConversation(cast);
    const erased = await cast.ally.request('DELETE', '/api/me', { password: PASSWORD });
    expect(erased.status).toBe(200);
    expect((await cast.organizer.get(ci)).body).toMatchObject({ status: 'awaiting-caller' });
    const row = await t.database.handle.db
      .selectFrom('call_ins')
      .select(['status', 'caller_user_id'])
      .where('id', '=', callInId)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'awaiting-caller', caller_user_id: null });
    expect(
      (await notifications(t)).filter(
        (n) => n.template === 'caller-released' && n.link.endsWith(callInId),
      ),
    ).toHaveLength(1);
  });

  it('the last organizer of a community with cases cannot erase their account or step down', async () => {
    const cast = await buildCast(t);
    await raiseAndTriage(cast);
    const api = `/api/communities/${cast.communityId}`;
    const refused = await cast.organizer.request('DELETE', '/api/me', { password: PASSWORD });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('last_organizer');
    expect(refused.body.message).toContain('Friendly Project');
    expect(refused.body.details.reason).toContain('organizer');
    expect((await cast.organizer.get('/api/me')).status).toBe(200);
    const demote = await cast.organizer.request(
      'PATCH',
      `${api}/members/${cast.organizer.userId}`,
      { role: 'ally' },
    );
    expect(demote.body.code).toBe('last_organizer');
    const leave = await cast.organizer.request('DELETE', `${api}/members/${cast.organizer.userId}`);
    expect(leave.body.code).toBe('last_organizer');

    // With someone else made organizer first, the account goes.
    const promoted = await cast.organizer.request('PATCH', `${api}/members/${cast.ally.userId}`, {
      role: 'organizer',
    });
    expect(promoted.status).toBe(200);
    expect((await cast.organizer.request('DELETE', '/api/me', { password: PASSWORD })).status).toBe(
      200,
    );
  });

  it('the only organizer of a community with no cases may leave', async () => {
    const community = await buildCommunity(t, 'Quiet Corner');
    const only = await buildMember(t, community.id, 'organizer', 'Una Only');
    expect((await only.request('DELETE', '/api/me', { password: PASSWORD })).status).toBe(200);
  });

  it('the operator cannot make themselves organizer of a community that holds cases', async () => {
    const operator = await buildOperator(t);
    const community = await buildCommunity(t, 'Held Cases');
    // While it is empty the operator invites the first organizer (and keeps a second link).
    const first = await operator.post(`/api/communities/${community.id}/invitations`, {
      role: 'organizer',
      maxUses: 1,
      expiresInDays: 7,
    });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    const spare = await operator.post(`/api/communities/${community.id}/invitations`, {
      role: 'organizer',
      maxUses: 1,
      expiresInDays: 7,
    });
    expect(spare.status).toBe(201);
    const organizer = new Client(t.app);
    const joined = await organizer.post(`/api/invitations/${first.body.token}/accept`, {
      email: uniqueEmail('first'),
      password: PASSWORD,
      displayName: 'Fern First',
    });
    expect(joined.status).toBe(200);
    organizer.csrfToken = joined.body.csrfToken;
    const member = await buildMember(t, community.id, 'member', 'Mo Member');
    const raised = await buildConcern(member, community.id);

    // The operator's own link no longer lets them in now that cases are held.
    const own = await operator.post(`/api/invitations/${spare.body.token}/accept`, {});
    expect(own.status).toBe(409);
    expect(own.body.code).toBe('own_invitation');

    // If the community ends up without an organizer (data from before this rule), the operator
    // cannot invite one while cases are held, and reads nothing.
    await t.database.handle.db
      .deleteFrom('memberships')
      .where('community_id', '=', community.id)
      .where('role', '=', 'organizer')
      .execute();
    const again = await operator.post(`/api/communities/${community.id}/invitations`, {
      role: 'organizer',
      maxUses: 1,
      expiresInDays: 7,
    });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('organizer_handover_required');
    expect(
      (await operator.get(`/api/communities/${community.id}/concerns/${raised.id}`)).status,
    ).toBe(403);
    // An invitation made by someone else (the shell) is still accepted.
    const cli = await createInvitation(
      t.ctx.store.transaction.bind(t.ctx.store),
      t.ctx.clock,
      { kind: 'cli' },
      community.id,
      { role: 'organizer', maxUses: 1, expiresInDays: 7 },
    );
    expect((await operator.post(`/api/invitations/${cli.token}/accept`, {})).status).toBe(200);
  });

  it('signing out everywhere revokes API tokens too', async () => {
    const cast = await buildCast(t);
    const api = `/api/communities/${cast.communityId}`;
    const made = await cast.ally.post(`${api}/tokens`, { name: 'laptop script' });
    expect(made.status).toBe(201);
    const bot = new Client(t.app);
    bot.bearer = made.body.token;
    expect((await bot.get(`${api}/ally-board`)).status).toBe(200);
    const out = await cast.ally.post('/api/auth/sign-out-everywhere');
    expect(out.status).toBe(200);
    expect(out.body).toMatchObject({ ok: true, sessionsEnded: 1, tokensRevoked: 1 });
    expect((await bot.get(`${api}/ally-board`)).status).toBe(401);
  });

  it('draft saves, sign-in and sign-out leave audit entries', async () => {
    const cast = await buildCast(t);
    const api = `/api/communities/${cast.communityId}`;
    const concern = await raiseAndTriage(cast);
    const taken = await cast.ally.post(`${api}/ally-board/${concern.id}/volunteer`);
    const ci = `${api}/call-ins/${taken.body.id as string}`;
    expect((await cast.ally.request('PUT', `${ci}/draft`, { text: 'Hi Sam,' })).status).toBe(200);
    expect(await auditActions(cast.communityId)).toContain('call-in.draft');
    // Each says how it was done (rule 10): signed in, in the app; by the CLI for the invitation.
    const channels = await t.database.handle.db
      .selectFrom('audit_log')
      .select(['action', 'channel'])
      .where('community_id', '=', cast.communityId)
      .where('action', 'in', ['call-in.draft', 'invitation.create'])
      .execute();
    expect(channels.find((e) => e.action === 'call-in.draft')?.channel).toBe('app');

    const email = uniqueEmail('audited');
    const inv = await createInvitation(
      t.ctx.store.transaction.bind(t.ctx.store),
      t.ctx.clock,
      { kind: 'cli' },
      cast.communityId,
      { role: 'member', maxUses: 1, expiresInDays: 7 },
    );
    const joined = await new Client(t.app).post(`/api/invitations/${inv.token}/accept`, {
      email,
      password: PASSWORD,
      displayName: 'Ava Audited',
    });
    const userId = joined.body.userId as string;
    const person = await new Client(t.app).signIn(email, PASSWORD);
    expect((await person.post('/api/auth/sign-out')).status).toBe(200);
    const mine = await t.database.handle.db
      .selectFrom('audit_log')
      .select(['action', 'actor_id', 'target_id'])
      .where('target_id', '=', userId)
      .where('action', 'in', ['session.start', 'session.end'])
      .orderBy('seq')
      .execute();
    const invited = await t.database.handle.db
      .selectFrom('audit_log')
      .select('channel')
      .where('action', '=', 'invitation.create')
      .where('target_id', '=', inv.id)
      .executeTakeFirst();
    expect(invited?.channel).toBe('cli');
    expect(channels.length).toBeGreaterThan(0);
    expect(mine).toEqual([
      { action: 'session.start', actor_id: userId, target_id: userId },
      { action: 'session.end', actor_id: userId, target_id: userId },
    ]);
  });
});
