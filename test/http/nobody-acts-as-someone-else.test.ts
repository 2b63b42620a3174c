// Rule 10, nobody acts as someone else (issue 9's findings, each a regression test): consent comes
// only from the harmed person — through the reporter's own follow link when they were harmed, or
// an address an organizer who is not the caller entered or confirmed; an organizer standing in
// for a group is never the caller; the member's link never goes to the caller; every act is
// recorded with its true author and channel.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { buildCast, notifications, raiseAndTriage, tokenOf } from '../helpers/call-ins.ts';
import { Client } from '../helpers/client.ts';
import { testDialects } from '../helpers/db.ts';
import { buildMember } from '../helpers/factories.ts';

describe.each(testDialects())('nobody acts as someone else on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(async () => t.close());

  const audit = async (organizer: Client, communityId: string, callInId: string) =>
    (
      (await organizer.get(`/api/communities/${communityId}/audit?limit=500`)).body.items as {
        action: string;
        actorKind: string;
        actorId: string | null;
        channel: string | null;
        targetId: string | null;
      }[]
    ).filter((e) => e.targetId === callInId);

  /** A call-in held by the ally, ready to be sent once consent is given. */
  async function volunteered(overrides: Record<string, unknown> = {}) {
    const cast = await buildCast(t);
    const concern = await raiseAndTriage(cast, overrides);
    const api = `/api/communities/${cast.communityId}`;
    const taken = await cast.ally.post(`${api}/ally-board/${concern.id}/volunteer`);
    expect(taken.status).toBe(201);
    return {
      cast,
      concern,
      api,
      callInId: taken.body.id as string,
      ci: `${api}/call-ins/${taken.body.id}`,
    };
  }

  it('consent by the caller: a caller only proposes an address, and cannot re-point one', async () => {
    const { cast, ci, callInId } = await volunteered({
      harmed: 'someone-else',
      harmedName: 'Hana Harmed',
    });
    const { ally, organizer, communityId } = cast;
    // The caller sends the consent request to their own email: nothing is sent (it used to be).
    const before = (await notifications(t)).length;
    const proposed = await ally.post(`${ci}/consent-request`, { email: 'alex-ally@example.org' });
    expect(proposed.status).toBe(200);
    expect(proposed.body).toMatchObject({
      consentStatus: 'not-requested',
      notified: false,
      awaitingOrganizer: true,
    });
    const sent = (await notifications(t)).slice(before);
    expect(sent.map((n) => n.template)).toEqual(['consent-address-proposed']);
    expect(sent[0]!.to).toEqual({ userId: organizer.userId });
    expect(sent.some((n) => n.template === 'consent-request')).toBe(false);
    // So the caller has no link to agree through, and cannot contact the member.
    expect((await ally.request('PUT', `${ci}/channel`, { channel: 'in-app' })).status).toBe(200);
    expect((await ally.post(`${ci}/messages`, { text: 'Hi Sam, can we talk?' })).body.code).toBe(
      'consent_required',
    );
    // The organizer sees what was proposed and may confirm it; the caller may not.
    const seen = await organizer.get(ci);
    expect(seen.body.consent.proposed).toEqual({
      email: 'alex-ally@example.org',
      name: null,
      memberUserId: null,
    });
    expect(seen.body.can.confirmConsentAddress).toBe(true);
    expect((await ally.get(ci)).body.can.confirmConsentAddress).toBe(false);
    const refused = await ally.post(`${ci}/consent-request/confirmation`, {});
    expect(refused.status).toBe(403);
    // The organizer enters the real address instead: it goes out at once.
    const asked = await organizer.post(`${ci}/consent-request`, {
      email: 'hana@example.org',
      name: 'Hana',
    });
    expect(asked.body).toMatchObject({
      consentStatus: 'pending',
      notified: true,
      awaitingOrganizer: false,
    });
    const request = (await notifications(t)).findLast((n) => n.template === 'consent-request')!;
    expect(request.to).toEqual({ email: 'hana@example.org', name: 'Hana' });
    const realLink = tokenOf(request.link);

    // A second request from the caller while one is pending does not re-point it: the real
    // harmed person's link still opens (it answered 404 before).
    const again = await ally.post(`${ci}/consent-request`, { email: 'alex-ally@example.org' });
    expect(again.body).toMatchObject({ consentStatus: 'pending', awaitingOrganizer: true });
    const stranger = new Client(t.app);
    expect((await stranger.get(`/api/public/consent/${realLink}`)).status).toBe(200);
    expect(
      (await notifications(t)).filter((n) => n.template === 'consent-request').map((n) => n.to),
    ).not.toContainEqual({ email: 'alex-ally@example.org' });

    // An organizer may re-point it; the old address is told it was withdrawn (no case content:
    // the link is the product's address, nothing private).
    const count = (await notifications(t)).length;
    const repointed = await organizer.post(`${ci}/consent-request`, { email: 'hana2@example.org' });
    expect(repointed.body).toMatchObject({ consentStatus: 'pending', notified: true });
    const after = (await notifications(t)).slice(count);
    expect(after.map((n) => [n.template, n.to])).toEqual([
      ['consent-request-withdrawn', { email: 'hana@example.org', name: 'Hana' }],
      ['consent-request', { email: 'hana2@example.org' }],
    ]);
    expect(after[0]!.link).not.toContain(realLink);
    expect((await stranger.get(`/api/public/consent/${realLink}`)).status).toBe(404);
    const newLink = tokenOf(after[1]!.link);
    const agreed = await stranger.post(`/api/public/consent/${newLink}`, {
      decision: 'agree',
      conditions: { mayMentionMe: true },
    });
    expect(agreed.body).toMatchObject({ consentStatus: 'given', status: 'ready' });

    // The audit says who did each, and how.
    const entries = await audit(organizer, communityId, callInId);
    const pick = (action: string) =>
      entries
        .filter((e) => e.action === action)
        .map((e) => ({ actorKind: e.actorKind, actorId: e.actorId, channel: e.channel }));
    expect(pick('consent.propose')).toEqual([
      { actorKind: 'user', actorId: ally.userId, channel: 'app' },
      { actorKind: 'user', actorId: ally.userId, channel: 'app' },
    ]);
    expect(pick('consent.request')).toEqual([
      { actorKind: 'user', actorId: organizer.userId, channel: 'app' },
    ]);
    expect(pick('consent.repoint')).toEqual([
      { actorKind: 'user', actorId: organizer.userId, channel: 'app' },
    ]);
    expect(pick('consent.give')).toEqual([
      { actorKind: 'public', actorId: null, channel: 'consent-link' },
    ]);
  });

  it('a proposed address is sent only once an organizer who is not the caller confirms it', async () => {
    const { cast, ci } = await volunteered({ harmed: 'someone-else' });
    const { ally, organizer } = cast;
    await ally.post(`${ci}/consent-request`, { email: 'hana@example.org' });
    const confirmed = await organizer.post(`${ci}/consent-request/confirmation`, {});
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toMatchObject({ consentStatus: 'pending', notified: true });
    const request = (await notifications(t)).findLast((n) => n.template === 'consent-request')!;
    expect(request.to).toEqual({ email: 'hana@example.org' });
    expect((await organizer.get(ci)).body.consent.proposed).toBeNull();
    // Nothing left to confirm.
    expect((await organizer.post(`${ci}/consent-request/confirmation`, {})).body.code).toBe(
      'invalid_state',
    );
  });

  it('an organizer who is the caller cannot stand in for a group, nor confirm an address', async () => {
    const cast = await buildCast(t);
    const { organizer, communityId } = cast;
    const second = await buildMember(t, communityId, 'organizer', 'Olu Organizer');
    const concern = await raiseAndTriage(cast, { harmed: 'group' });
    const api = `/api/communities/${communityId}`;
    const taken = await organizer.post(`${api}/ally-board/${concern.id}/volunteer`);
    expect(taken.status).toBe(201);
    const ci = `${api}/call-ins/${taken.body.id}`;
    expect((await organizer.get(ci)).body.can.approveConsent).toBe(false);
    const self = await organizer.post(`${ci}/consent/approval`, { approve: true });
    expect(self.status).toBe(409);
    expect(self.body.code).toBe('caller_cannot_decide_consent');
    expect((await organizer.get(ci)).body.consent.status).not.toBe('given');
    expect((await second.get(ci)).body.can.approveConsent).toBe(true);
    const other = await second.post(`${ci}/consent/approval`, { approve: true });
    expect(other.status).toBe(200);
    expect(other.body).toMatchObject({ consentStatus: 'given', status: 'ready' });

    // The same for an address for someone else harmed: the organizer-caller only proposes.
    const c2 = await raiseAndTriage(cast, { harmed: 'someone-else' });
    const t2 = await organizer.post(`${api}/ally-board/${c2.id}/volunteer`);
    const ci2 = `${api}/call-ins/${t2.body.id}`;
    const proposed = await organizer.post(`${ci2}/consent-request`, { email: 'me@example.org' });
    expect(proposed.body).toMatchObject({ awaitingOrganizer: true, notified: false });
    const confirm = await organizer.post(`${ci2}/consent-request/confirmation`, {});
    expect(confirm.body.code).toBe('caller_cannot_decide_consent');
    expect((await second.post(`${ci2}/consent-request/confirmation`, {})).status).toBe(200);
  });

  it('the harmed reporter answers from their own follow link, and no address is used', async () => {
    const { cast, concern, ci, callInId } = await volunteered({ anonymous: true });
    const { ally, organizer, communityId } = cast;
    const before = (await notifications(t)).length;
    const asked = await ally.post(`${ci}/consent-request`, {});
    expect(asked.body).toMatchObject({
      consentStatus: 'pending',
      notified: false,
      viaFollowLink: true,
    });
    // Whatever the caller names, nothing goes anywhere: the question waits on the follow link.
    const named = await ally.post(`${ci}/consent-request`, { email: 'alex-ally@example.org' });
    expect(named.body).toMatchObject({ consentStatus: 'pending', notified: false });
    expect((await notifications(t)).slice(before)).toEqual([]);

    const reporter = new Client(t.app);
    const follow = await reporter.get(`/api/follow/${concern.followToken}`);
    expect(follow.status).toBe(200);
    expect(follow.body.consentQuestion).toBe(true);
    const question = await reporter.get(`/api/public/consent/${concern.followToken}`);
    expect(question.body).toMatchObject({ caller: 'Alex Ally', consentStatus: 'pending' });
    const agreed = await reporter.post(`/api/public/consent/${concern.followToken}`, {
      decision: 'agree',
      conditions: { mayShareQuotes: true, note: 'Please keep me out of it.' },
    });
    expect(agreed.body).toMatchObject({ consentStatus: 'given', status: 'ready' });
    const withdrawn = await reporter.post(
      `/api/public/consent/${concern.followToken}/withdraw`,
      {},
    );
    expect(withdrawn.body).toMatchObject({ consentStatus: 'withdrawn', status: 'stopped' });
    const entries = await audit(organizer, communityId, callInId);
    expect(
      entries
        .filter((e) => e.action === 'consent.give' || e.action === 'consent.withdraw')
        .map((e) => [e.action, e.actorKind, e.channel]),
    ).toEqual(
      expect.arrayContaining([
        ['consent.give', 'public', 'follow-link'],
        ['consent.withdraw', 'public', 'follow-link'],
      ]),
    );
  });

  it('the caller as the member: a member with an account is reached in the app, never via the caller', async () => {
    const { cast, ci, callInId } = await volunteered();
    const { ally, organizer, reporter, member, communityId } = cast;
    await ally.post(`${ci}/consent-request`, {});
    const consent = (await notifications(t)).findLast((n) => n.template === 'consent-request')!;
    await reporter.post(`/api/public/consent/${tokenOf(consent.link)}`, { decision: 'agree' });
    await ally.request('PUT', `${ci}/channel`, { channel: 'in-app' });
    const send = await ally.post(`${ci}/messages`, {
      text: 'Hi Sam, could we talk about the review?',
    });
    expect(send.status).toBe(201);
    expect(send.body).toMatchObject({ delivery: 'app', handover: null });
    expect(send.body).not.toHaveProperty('memberUrl');
    expect(JSON.stringify(send.body)).not.toContain('/called-in/');
    expect(JSON.stringify((await ally.get(ci)).body)).not.toContain('/called-in/');
    const told = (await notifications(t)).findLast((n) => n.template === 'call-in-message')!;
    expect(told.to).toEqual({ userId: member.userId });
    expect(told.link).toMatch(new RegExp(`/me/call-ins/${callInId}$`));
    // The caller cannot answer in the member's place through the app either.
    expect(
      (await ally.post(`/api/me/call-ins/${callInId}/responses`, { kind: 'will-change' })).status,
    ).toBe(404);
    const answer = await member.post(`/api/me/call-ins/${callInId}/responses`, {
      kind: 'will-change',
      text: 'I will.',
    });
    expect(answer.status).toBe(201);
    const thread = (await organizer.get(ci)).body.messages as { author: string; kind: string }[];
    expect(thread.at(-1)).toMatchObject({ author: 'member', kind: 'will-change' });
    const response = (await audit(organizer, communityId, callInId)).find(
      (e) => e.action === 'call-in.member-response',
    );
    expect(response).toMatchObject({ actorKind: 'user', actorId: member.userId, channel: 'app' });
  });

  it('a member with no account or email gets a one-time handover link their browser claims', async () => {
    const { cast, ci, callInId } = await volunteered({ about: { name: 'sam_dev' } });
    const { ally, organizer, reporter, communityId } = cast;
    await ally.post(`${ci}/consent-request`, {});
    const consent = (await notifications(t)).findLast((n) => n.template === 'consent-request')!;
    await reporter.post(`/api/public/consent/${tokenOf(consent.link)}`, { decision: 'agree' });
    await ally.request('PUT', `${ci}/channel`, { channel: 'in-app' });
    const send = await ally.post(`${ci}/messages`, {
      text: 'Hi Sam, could we talk about the review?',
    });
    expect(send.body).toMatchObject({ delivery: 'handover', handover: { claimed: false } });
    const url = send.body.handover.url as string;
    expect(url).toContain('/called-in/');
    const token = tokenOf(url);
    // The caller's own browser may not claim or answer through it.
    const byCaller = await ally.post(`/api/public/called-in/${token}/claim`, {});
    expect(byCaller.body.code).toBe('handover_not_for_caller');
    expect(
      (await ally.post(`/api/public/called-in/${token}/responses`, { kind: 'will-change' })).body
        .code,
    ).toBe('handover_not_for_caller');
    // The member's browser claims it on first open.
    const memberBrowser = new Client(t.app);
    const claimed = await memberBrowser.post(`/api/public/called-in/${token}/claim`, {});
    expect(claimed.status).toBe(200);
    expect(claimed.body).toEqual({ claimedHere: true });
    expect(String(claimed.headers['set-cookie'])).toMatch(/HttpOnly/i);
    // The caller sees that it was claimed, and no longer sees the link.
    expect((await ally.get(ci)).body.handover).toEqual({ claimed: true, url: null });
    expect((await memberBrowser.get(`/api/public/called-in/${token}`)).status).toBe(200);
    const answer = await memberBrowser.post(`/api/public/called-in/${token}/responses`, {
      kind: 'will-change',
    });
    expect(answer.status).toBe(201);
    // Anyone else holding the link (the caller in a private window) is refused.
    const other = new Client(t.app);
    const late = await other.post(`/api/public/called-in/${token}/responses`, {
      kind: 'reply',
      text: 'Fine.',
    });
    expect(late.status).toBe(403);
    expect(late.body.code).toBe('member_link_claimed');
    expect((await other.get(`/api/public/called-in/${token}`)).body.code).toBe(
      'member_link_claimed',
    );
    expect((await other.post(`/api/public/called-in/${token}/claim`, {})).body.code).toBe(
      'member_link_claimed',
    );
    const thread = (await organizer.get(ci)).body.messages as { author: string }[];
    expect(thread.map((m) => m.author)).toEqual(['caller', 'member']);
    const entries = await audit(organizer, communityId, callInId);
    expect(
      entries
        .filter(
          (e) => e.action === 'call-in.handover-claim' || e.action === 'call-in.member-response',
        )
        .map((e) => [e.action, e.actorKind, e.actorId, e.channel])
        .sort(),
    ).toEqual([
      ['call-in.handover-claim', 'public', null, 'member-link'],
      ['call-in.member-response', 'public', null, 'member-link'],
    ]);
    expect(entries.find((e) => e.action === 'call-in.message')).toMatchObject({
      actorKind: 'user',
      actorId: ally.userId,
      channel: 'app',
    });
  });
});
