// The whole call-in through HTTP with four people: a reporter who was harmed, an organizer, an
// ally and the member being called in. Notification jobs are checked at every step.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyChain } from '../../src/domain/audit/audit.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { buildCast, notifications, raiseAndTriage, tokenOf } from '../helpers/call-ins.ts';
import { Client } from '../helpers/client.ts';
import { testDialects } from '../helpers/db.ts';

describe.each(testDialects())('a call-in from ally board to close on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(async () => t.close());

  it('walks the whole story and keeps rules 1-5', async () => {
    const cast = await buildCast(t);
    const { communityId, organizer, ally, reporter, member } = cast;
    const reporterRow = await t.database.handle.db
      .selectFrom('users')
      .selectAll()
      .where('id', '=', reporter.userId!)
      .executeTakeFirstOrThrow();
    const api = `/api/communities/${communityId}`;

    // Raise (wants an ally), triage to a call-in.
    const concern = await raiseAndTriage(cast);

    // The ally board shows it redacted: no names, no narrative.
    const board = await ally.get(`${api}/ally-board`);
    expect(board.status).toBe(200);
    expect(board.body.items).toEqual([
      expect.objectContaining({ concernId: concern.id, categories: [], urgent: false }),
    ]);
    for (const secret of [
      'no-brainer',
      'Rosa',
      'sam_dev',
      'Sam Member',
      reporter.userId!,
      member.userId!,
    ]) {
      expect(JSON.stringify(board.body)).not.toContain(secret);
    }
    // A member is not an ally.
    expect((await member.get(`${api}/ally-board`)).body.code).toBe('forbidden');

    // The ally volunteers; only now do they see what they need.
    const taken = await ally.post(`${api}/ally-board/${concern.id}/volunteer`);
    expect(taken.status).toBe(201);
    expect(taken.body).toMatchObject({
      status: 'awaiting-consent',
      consentMode: 'person',
      consentStatus: 'not-requested',
    });
    const callInId = taken.body.id as string;
    const ci = `${api}/call-ins/${callInId}`;
    const detail = await ally.get(ci);
    expect(detail.status).toBe(200);
    expect(detail.body.concern.what).toContain('no-brainer');
    expect(detail.body.guide.length).toBeGreaterThan(3);
    expect(detail.body.offers).toEqual([]); // offers are for organizers

    // Nothing reaches the member before consent (rule 1).
    expect((await ally.request('PUT', `${ci}/channel`, { channel: 'in-app' })).status).toBe(200);
    const early = await ally.post(`${ci}/messages`, {
      text: 'Hi Sam, could we talk about the review thread?',
    });
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('consent_required');
    expect(await notifications(t)).toEqual([]);

    // The ally asks the harmed person (the reporter) for consent.
    const asked = await ally.post(`${ci}/consent-request`, {});
    expect(asked.body).toMatchObject({ consentStatus: 'pending', notified: true });
    let sent = await notifications(t);
    expect(sent.map((n) => [n.template, n.to])).toEqual([
      ['consent-request', { userId: reporter.userId }],
    ]);
    const consentToken = tokenOf(sent[0]!.link);

    // The harmed person opens the private link (no account needed) and agrees with a condition.
    const stranger = new Client(t.app);
    const view = await stranger.get(`/api/public/consent/${consentToken}`);
    expect(view.body).toMatchObject({ caller: 'Alex Ally', consentStatus: 'pending' });
    const agreed = await stranger.post(`/api/public/consent/${consentToken}`, {
      decision: 'agree',
      conditions: { mayShareQuotes: true, note: 'Please do not mention me.' },
    });
    expect(agreed.body).toMatchObject({ consentStatus: 'given', status: 'ready' });
    expect((await ally.get(ci)).body.consent.conditions).toEqual({
      mayMentionMe: false,
      mayShareQuotes: true,
      note: 'Please do not mention me.',
    });

    // The ally drafts; the coach flags naming the harmed person, and sending that is refused.
    const draft = await ally.request('PUT', `${ci}/draft`, {
      text: 'Hi Sam, Rosa Reporter was upset by your comment.',
    });
    expect(draft.body.advice.map((a: { kind: string }) => a.kind)).toContain('names-harmed-person');
    // The language checker's draft coach reads drafts too: labelling the person and a threat.
    const harsh = await ally.request('PUT', `${ci}/draft`, {
      text: 'Sam, you are always so rude. Apologise publicly or you will be banned.',
    });
    const kinds: string[] = harsh.body.advice.map((a: { kind: string }) => a.kind);
    expect(kinds.length).toBeGreaterThanOrEqual(2);
    expect(kinds.some((k) => k !== 'names-harmed-person')).toBe(true);
    const naming = await ally.post(`${ci}/messages`, {
      text: 'Hi Sam, Rosa Reporter was upset by your comment.',
    });
    expect(naming.body.code).toBe('validation_failed');
    const message =
      'Hi Sam, I wanted to talk privately about "hey guys, this is a no-brainer" in the review. How did you mean it?';
    const send = await ally.post(`${ci}/messages`, { text: message });
    expect(send.status).toBe(201);
    sent = await notifications(t);
    expect(sent.at(-1)).toMatchObject({
      template: 'call-in-message',
      to: { userId: member.userId },
    });
    // The member has an account: they read it in the app, and the email points there. Their
    // private link never goes to the caller (rule 10; it used to come back as `memberUrl`).
    expect(sent.at(-1)!.link).toMatch(new RegExp(`/me/call-ins/${callInId}$`));
    expect(send.body).toMatchObject({ delivery: 'app', handover: null });
    expect(send.body).not.toHaveProperty('memberUrl');

    // The member opens it in the app, reads the guide and answers (this was done through the
    // private link before; the same assertions now hold in the app).
    const thread = await member.get(`/api/me/call-ins/${callInId}`);
    expect(thread.status).toBe(200);
    expect(thread.body).toMatchObject({
      caller: 'Alex Ally',
      canRespond: true,
      messages: [expect.objectContaining({ from: 'caller', text: message })],
    });
    expect(thread.body.guide.map((g: { title: string }) => g.title)).toContain(
      'Impact over intent',
    );
    for (const secret of [reporterRow.display_name, reporterRow.email, reporter.userId!])
      expect(thread.raw.body).not.toContain(secret);
    const answer = await member.post(`/api/me/call-ins/${callInId}/responses`, {
      kind: 'will-change',
      text: 'I understand. I will say "folks" from now on.',
    });
    expect(answer.status).toBe(201);
    sent = await notifications(t);
    expect(sent.at(-1)).toMatchObject({ template: 'call-in-reply', to: { userId: ally.userId } });
    // The member with an account sees the same conversation.
    const mine = await member.get('/api/me/call-ins');
    expect(mine.body.items).toEqual([
      expect.objectContaining({ id: callInId, status: 'in-conversation' }),
    ]);
    // The reply coach, from the private link or the account: a non-apology is pointed out,
    // and nothing is kept.
    const before = await t.database.handle.db
      .selectFrom('call_in_messages')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    const replyDraft = 'I am sorry if anyone was offended.';
    for (const coach of [
      await member.post(`/api/me/call-ins/${callInId}/coach`, { text: replyDraft }),
    ]) {
      expect(coach.status).toBe(200);
      expect(coach.body.findings.length).toBeGreaterThan(0);
      expect(JSON.stringify(coach.body.findings)).toContain('if anyone was offended');
    }
    expect(
      await t.database.handle.db
        .selectFrom('call_in_messages')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow(),
    ).toEqual(before);
    // Someone else's conversation is not theirs to coach.
    expect(
      (await reporter.post(`/api/me/call-ins/${callInId}/coach`, { text: replyDraft })).status,
    ).toBe(404);
    // The conversation names its community.
    expect((await member.get(`/api/me/call-ins/${callInId}`)).body).toMatchObject({
      id: callInId,
      communityId,
    });

    // Organizers of the community may read the thread; the reporter and other members may not.
    expect((await organizer.get(ci)).body.messages).toHaveLength(2);
    expect((await reporter.get(ci)).body.code).toBe('forbidden');
    expect((await member.get(ci)).body.code).toBe('forbidden');

    // Outcome, follow-up reminder at +14 days, close.
    const outcome = await ally.post(`${ci}/outcome`, {
      outcome: 'committed-to-change',
      note: 'Kind and quick.',
    });
    expect(outcome.status).toBe(200);
    sent = await notifications(t);
    const followUp = sent.find((n) => n.template === 'follow-up-reminder')!;
    expect(followUp).toMatchObject({
      to: { userId: ally.userId },
      dedupeKey: expect.stringMatching(new RegExp(`^followup:${callInId}:`)),
      status: 'pending',
    });
    expect(Date.parse(followUp.runAt) - Date.parse(followUp.createdAt)).toBe(14 * 86_400_000);
    expect(sent.find((n) => n.template === 'reporter-update')).toMatchObject({
      to: { userId: reporter.userId },
    });
    const closed = await ally.post(`${ci}/close`);
    expect(closed.body).toEqual({ id: callInId, status: 'closed' });
    expect((await organizer.get(`${api}/concerns/${concern.id}`)).body.status).toBe('closed');

    // Reopened, the waiting reminder is set aside; the next outcome sets a new one, counted
    // from itself, and the reporter hears of the new outcome (not of the same one twice).
    expect((await ally.post(`${ci}/reopen`)).body.status).toBe('in-conversation');
    const reminders = async () =>
      (await notifications(t)).filter((n) => n.template === 'follow-up-reminder');
    expect((await reminders()).map((n) => n.status)).toEqual(['cancelled']);
    expect((await ally.post(`${ci}/outcome`, { outcome: 'apologised', note: '' })).status).toBe(
      200,
    );
    expect(
      (await ally.post(`${ci}/outcome`, { outcome: 'apologised', note: 'Later.' })).status,
    ).toBe(200);
    const after = await reminders();
    expect(after.map((n) => n.status)).toEqual(['cancelled', 'cancelled', 'pending']);
    const latest = after.at(-1)!;
    expect(Date.parse(latest.runAt) - Date.parse(latest.createdAt)).toBe(14 * 86_400_000);
    expect((await notifications(t)).filter((n) => n.template === 'reporter-update').length).toBe(2);
    expect((await ally.post(`${ci}/close`)).body.status).toBe('closed');

    // Messages are encrypted at rest; every change left a chained audit entry.
    const rows = await t.database.handle.db.selectFrom('call_in_messages').select('body').execute();
    for (const r of rows) expect(r.body).not.toContain('no-brainer');
    const report = await verifyChain(
      t.ctx.store.repos.audit.iterate(),
      t.ctx.store.repos.audit.seal,
    );
    expect(report.ok).toBe(true);
  });
});
