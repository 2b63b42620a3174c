// Rule 10, the gap issue 9 left open: the caller alone never chooses where the member's private
// link goes. A member with an account is written to at their account; for anyone else the caller
// only proposes an email address, and nothing goes there until an organizer who is not the caller
// confirms it or enters one. Insiders: the caller, the person it is about, an ally who does not
// hold it, a demoted organizer and the operator.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { buildCast, notifications, raiseAndTriage } from '../helpers/call-ins.ts';
import { testDialects } from '../helpers/db.ts';
import { buildMember, buildOperator } from '../helpers/factories.ts';

describe.each(testDialects())("the member's address on %s", (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(async () => t.close());

  /** A group-harmed call-in held by the ally, consent approved by the organizer: ready to send. */
  async function ready(about: Record<string, unknown> | null) {
    const cast = await buildCast(t);
    const concern = await raiseAndTriage(cast, { harmed: 'group', ...(about ? { about } : {}) });
    const api = `/api/communities/${cast.communityId}`;
    const taken = await cast.ally.post(`${api}/ally-board/${concern.id}/volunteer`);
    expect(taken.status).toBe(201);
    const ci = `${api}/call-ins/${taken.body.id}`;
    const approved = await cast.organizer.post(`${ci}/consent/approval`, { approve: true });
    expect(approved.body).toMatchObject({ status: 'ready' });
    return { cast, api, ci, callInId: taken.body.id as string };
  }

  it("the caller's own address for the member is never used until an organizer confirms one", async () => {
    const { cast, ci } = await ready({ name: 'Sam Somebody' });
    const { ally, organizer } = cast;
    const before = (await notifications(t)).length;
    // The caller types an address they control as the member's.
    const chosen = await ally.request('PUT', `${ci}/channel`, {
      channel: 'email',
      memberEmail: 'alex-ally@example.org',
      memberName: 'Sam',
    });
    expect(chosen.status).toBe(200);
    expect(chosen.body).toEqual({ channel: 'email', delivery: null, awaitingOrganizer: true });
    const proposedNews = (await notifications(t)).slice(before);
    expect(proposedNews.map((n) => [n.template, n.to])).toEqual([
      ['member-address-proposed', { userId: organizer.userId }],
    ]);
    // Nothing can be sent there: the caller is told why, and holds no link.
    const caller = await ally.get(ci);
    expect(caller.body.can.sendMessage).toBe(false);
    expect(caller.body.can.confirmMemberAddress).toBe(false);
    expect(caller.body.delivery).toBeNull();
    expect(caller.body.memberAddress).toEqual({
      fromAccount: false,
      email: 'alex-ally@example.org',
      name: 'Sam',
      confirmed: false,
    });
    const refused = await ally.post(`${ci}/messages`, { text: 'Hi Sam, could we talk?' });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('member_address_unconfirmed');
    expect((await ally.request('PUT', `${ci}/member-address`, {})).status).toBe(403);
    const sent = await notifications(t);
    expect(sent.some((n) => n.template === 'call-in-message')).toBe(false);
    expect(sent.some((n) => n.to.email === 'alex-ally@example.org')).toBe(false);

    // An organizer who is not the caller enters the real address: from then on it goes there.
    const seen = await organizer.get(ci);
    expect(seen.body.can.confirmMemberAddress).toBe(true);
    const entered = await organizer.request('PUT', `${ci}/member-address`, {
      email: 'sam@example.org',
      name: 'Sam',
    });
    expect(entered.status).toBe(200);
    expect(entered.body).toEqual({
      fromAccount: false,
      email: 'sam@example.org',
      name: 'Sam',
      confirmed: true,
    });
    expect((await ally.get(ci)).body).toMatchObject({
      delivery: 'email',
      can: { sendMessage: true },
    });
    const message = await ally.post(`${ci}/messages`, { text: 'Hi Sam, could we talk?' });
    expect(message.status).toBe(201);
    expect(message.body).toMatchObject({ delivery: 'email', handover: null });
    const out = (await notifications(t)).filter((n) => n.template === 'call-in-message');
    expect(out.map((n) => n.to)).toEqual([{ email: 'sam@example.org', name: 'Sam' }]);

    // The caller proposing again un-confirms it until an organizer checks the new one.
    await ally.request('PUT', `${ci}/channel`, {
      channel: 'email',
      memberEmail: 'alex-again@example.org',
    });
    expect((await ally.post(`${ci}/messages`, { text: 'One more thing, Sam.' })).body.code).toBe(
      'member_address_unconfirmed',
    );
    const confirmed = await organizer.request('PUT', `${ci}/member-address`, {});
    expect(confirmed.body).toMatchObject({ email: 'alex-again@example.org', confirmed: true });

    const audit = (await organizer.get(`/api/communities/${cast.communityId}/audit?limit=500`)).body
      .items as { action: string; actorId: string | null }[];
    expect(
      audit
        .filter((e) => e.action.startsWith('call-in.member-address'))
        .map((e) => [e.action, e.actorId]),
    ).toEqual(
      expect.arrayContaining([
        ['call-in.member-address-propose', ally.userId],
        ['call-in.member-address-confirm', organizer.userId],
      ]),
    );
  });

  it('a member with an account is written to at their account, never at an address typed in', async () => {
    const { cast, ci } = await ready(null);
    const { ally, member } = cast;
    const typed = await ally.request('PUT', `${ci}/channel`, {
      channel: 'email',
      memberEmail: 'alex-ally@example.org',
    });
    expect(typed.status).toBe(409);
    expect(typed.body.code).toBe('member_address_from_account');
    const chosen = await ally.request('PUT', `${ci}/channel`, { channel: 'email' });
    expect(chosen.body).toEqual({ channel: 'email', delivery: 'app', awaitingOrganizer: false });
    expect((await ally.get(ci)).body.memberAddress).toEqual({
      fromAccount: true,
      email: null,
      name: null,
      confirmed: true,
    });
    const sent = await ally.post(`${ci}/messages`, { text: 'Hi Sam, could we talk?' });
    expect(sent.body).toMatchObject({ delivery: 'app', handover: null });
    const out = (await notifications(t)).filter(
      (n) => n.template === 'call-in-message' && n.link.includes(ci.split('/').at(-1)!),
    );
    expect(out.map((n) => n.to)).toEqual([{ userId: member.userId }]);
    // The person it is about, a plain member here, cannot reach the address setting.
    expect((await member.request('PUT', `${ci}/member-address`, {})).status).toBe(403);
  });

  it('insiders: the organizer-caller, the person it is about, an ally, a demoted organizer, the operator', async () => {
    const cast = await buildCast(t);
    const { organizer, communityId } = cast;
    const second = await buildMember(t, communityId, 'organizer', 'Olu Organizer');
    const later = await buildMember(t, communityId, 'organizer', 'Dee Demoted');
    const otherAlly = await buildMember(t, communityId, 'ally', 'Ari Ally');
    const concern = await raiseAndTriage(cast, { harmed: 'group', about: { name: 'Sam S' } });
    const api = `/api/communities/${communityId}`;
    const taken = await organizer.post(`${api}/ally-board/${concern.id}/volunteer`);
    const ci = `${api}/call-ins/${taken.body.id}`;
    await second.post(`${ci}/consent/approval`, { approve: true });
    await organizer.request('PUT', `${ci}/channel`, {
      channel: 'email',
      memberEmail: 'mine@example.org',
    });
    // An organizer who is the caller cannot confirm their own proposal.
    const self = await organizer.request('PUT', `${ci}/member-address`, {});
    expect(self.status).toBe(409);
    expect(self.body.code).toBe('caller_cannot_confirm_member_address');
    expect((await organizer.get(ci)).body.can.confirmMemberAddress).toBe(false);
    // Neither can an ally who does not hold it, a demoted organizer, nor the operator.
    expect((await otherAlly.request('PUT', `${ci}/member-address`, {})).status).toBe(403);
    const demoted = await organizer.request('PATCH', `${api}/members/${later.userId}`, {
      role: 'member',
    });
    expect(demoted.status).toBe(200);
    expect((await later.request('PUT', `${ci}/member-address`, {})).status).toBe(403);
    const operator = await buildOperator(t);
    expect((await operator.request('PUT', `${ci}/member-address`, {})).status).toBe(403);
    expect((await organizer.get(ci)).body.memberAddress).toMatchObject({ confirmed: false });
    // The other organizer may.
    expect((await second.request('PUT', `${ci}/member-address`, {})).status).toBe(200);
  });
});
