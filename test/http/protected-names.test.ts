// Rule 3 on everything the member reads (issue 9, "names that do not slip"): a message, and an
// enforcement reason (by record or by escalation), never names the reporter or the harmed person
// however the name is spelled; drafts are warned. With `mayShareQuotes: false` the quotes and
// the narrative are not repeated to the member either.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInvitation } from '../../src/domain/accounts/invitations.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { callInAnswers, notifications, tokenOf } from '../helpers/call-ins.ts';
import { Client } from '../helpers/client.ts';
import { testDialects } from '../helpers/db.ts';
import { buildCommunity, buildConcern, buildMember, PASSWORD } from '../helpers/factories.ts';
import { nameBypasses } from '../helpers/name-bypasses.ts';
import { countRows } from '../helpers/routes.ts';

const refused = (r: { status: number; body: any }, field: string, label: string) => {
  expect(r.status, `${label}: ${JSON.stringify(r.body)}`).toBe(400);
  expect(r.body.code).toBe('validation_failed');
  expect(r.body.details).toEqual([{ field, rule: 'invalid', message: expect.any(String) }]);
  return r.body.details[0].message as string;
};

describe.each(testDialects())('protected names and passages on %s', (dialect) => {
  let t: TestApp;
  let communityId: string;
  let api: string;
  let organizer: Client;
  let ally: Client;
  let member: Client;
  let reporter: Client;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    communityId = (await buildCommunity(t)).id;
    api = `/api/communities/${communityId}`;
    organizer = await buildMember(t, communityId, 'organizer', 'Ada Organizer');
    member = await buildMember(t, communityId, 'member', 'Sam Member');
    const inv = await createInvitation(
      t.ctx.store.transaction.bind(t.ctx.store),
      t.ctx.clock,
      { kind: 'cli' },
      communityId,
      { role: 'member', maxUses: 1, expiresInDays: 7 },
    );
    reporter = new Client(t.app);
    const r = await reporter.post(`/api/invitations/${inv.token}/accept`, {
      email: 'rita.reporter@example.org',
      password: PASSWORD,
      displayName: 'Rita Reporter',
    });
    expect(r.status).toBe(200);
    reporter.csrfToken = r.body.csrfToken;
    reporter.userId = r.body.userId;
  });
  afterAll(async () => t.close());

  /** Rita raises a concern about Sam; an ally takes it, Rita agrees with these conditions. */
  async function callInWith(conditions: { mayMentionMe: boolean; mayShareQuotes: boolean }) {
    // A fresh ally each time, so nobody runs out of capacity.
    ally = await buildMember(t, communityId, 'ally', 'Alex Ally');
    const concern = await buildConcern(reporter, communityId, { about: { userId: member.userId } });
    const triaged = await organizer.post(`${api}/concerns/${concern.id}/triage`, {
      answers: callInAnswers,
      decision: 'call-in',
      reason: 'A first thoughtless remark.',
    });
    expect(triaged.status).toBe(201);
    const taken = await ally.post(`${api}/ally-board/${concern.id}/volunteer`);
    expect(taken.status).toBe(201);
    const ci = `${api}/call-ins/${taken.body.id as string}`;
    expect((await ally.request('PUT', `${ci}/channel`, { channel: 'in-app' })).status).toBe(200);
    expect((await ally.post(`${ci}/consent-request`, {})).status).toBe(200);
    const consentToken = tokenOf((await notifications(t)).at(-1)!.link);
    const agreed = await new Client(t.app).post(`/api/public/consent/${consentToken}`, {
      decision: 'agree',
      conditions: { ...conditions, note: '' },
    });
    expect(agreed.status).toBe(200);
    return { ci, concernId: concern.id, callInId: taken.body.id as string };
  }

  it('refuses every spelling of a protected name in a message, and warns on drafts', async () => {
    const { ci } = await callInWith({ mayMentionMe: false, mayShareQuotes: true });
    const before = await countRows(t);
    for (const [kind, text] of Object.entries(nameBypasses)) {
      refused(await ally.post(`${ci}/messages`, { text }), 'text', kind);
    }
    expect(await countRows(t)).toEqual(before);
    for (const [kind, text] of Object.entries(nameBypasses)) {
      const draft = await ally.request('PUT', `${ci}/draft`, { text });
      expect(draft.status, kind).toBe(200);
      expect(
        draft.body.advice.map((a: { kind: string }) => a.kind),
        kind,
      ).toContain('names-harmed-person');
    }
    // Words that merely contain a part of the name, and the member's own name, go through.
    const ok = await ally.post(`${ci}/messages`, {
      text: 'Hi Sam, the reporters in the thread… no, I mean your comment about the margarita party. How did you mean it?',
    });
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
  });

  it('lets the name through once the harmed person said they may be mentioned', async () => {
    const { ci } = await callInWith({ mayMentionMe: true, mayShareQuotes: true });
    const r = await ally.post(`${ci}/messages`, { text: nameBypasses.givenNameAlone });
    expect(r.status).toBe(201);
  });

  it('with mayShareQuotes false, refuses the quote and runs of the narrative', async () => {
    const { ci } = await callInWith({ mayMentionMe: false, mayShareQuotes: false });
    const before = await countRows(t);
    const quote = refused(
      await ally.post(`${ci}/messages`, {
        text: 'Hi Sam, you wrote “Hey guys — this is a NO-BRAINER” in the review. How did you mean it?',
      }),
      'text',
      'quote',
    );
    expect(quote).toMatch(/quote/);
    const narrative = refused(
      await ally.post(`${ci}/messages`, {
        text: 'Hi Sam, in the review thread they wrote something. How did you mean it?',
      }),
      'text',
      'narrative',
    );
    expect(narrative).toMatch(/account of what happened/);
    expect(await countRows(t)).toEqual(before);
    const draft = await ally.request('PUT', `${ci}/draft`, {
      text: 'Hi Sam, you wrote "hey guys, this is a no-brainer". How did you mean it?',
    });
    expect(draft.body.advice.map((a: { kind: string }) => a.kind)).toContain('shares-quote');
    // Naming the word that hurt, in the caller's own words, is how a call-in starts.
    const own = await ally.post(`${ci}/messages`, {
      text: 'Hi Sam, I wanted to talk about the word "guys" in a review comment. How did you mean it?',
    });
    expect(own.status, JSON.stringify(own.body)).toBe(201);
  });

  it('refuses every spelling of a protected name in an enforcement reason, by record or escalation', async () => {
    const { concernId, callInId } = await callInWith({ mayMentionMe: true, mayShareQuotes: true });
    const before = await countRows(t);
    for (const [kind, reason] of Object.entries(nameBypasses)) {
      refused(
        await organizer.post(`${api}/enforcements`, {
          concernIds: [concernId],
          level: 'warning',
          reason,
        }),
        'reason',
        kind,
      );
      refused(
        await organizer.post(`${api}/call-ins/${callInId}/escalate`, { level: 'warning', reason }),
        'reason',
        `escalate ${kind}`,
      );
    }
    expect(await countRows(t)).toEqual(before);
    // A reason about the behaviour reaches the member.
    const reason = 'Repeated dismissive comments in review threads after a call-in.';
    const made = await organizer.post(`${api}/enforcements`, {
      concernIds: [concernId],
      level: 'warning',
      reason,
    });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    const mine = await member.get('/api/me/enforcements');
    expect(mine.body.items.map((e: { reason: string }) => e.reason)).toEqual([reason]);
  });
});
