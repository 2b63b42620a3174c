// The conversation with the reporter (issue 10, build items 1-2 and 4): an organizer asks from
// the concern page, the reporter answers or adds information from their follow link (anonymous
// stays anonymous) or signed in from "My concerns"; the organizers read the thread in order with
// who wrote what. The person it is about, callers, allies, a demoted organizer and the operator
// never see any of it. And the identity-free "email me when something changes".
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NOTIFY } from '../../src/contract/vocabulary.ts';
import { REPORTER_THREAD_MAX } from '../../src/contract/schemas/reporter.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import {
  buildCast,
  callInAnswers,
  notifications,
  raiseAndTriage,
  type Cast,
} from '../helpers/call-ins.ts';
import { Client } from '../helpers/client.ts';
import { testDialects } from '../helpers/db.ts';
import { buildMember, buildOperator, concernBody, PASSWORD } from '../helpers/factories.ts';
import { REMOVED_TEXT } from '../../src/domain/privacy/erasure.ts';
import { purgeExpiredCases } from '../../src/domain/privacy/retention.ts';

describe.each(testDialects())('the conversation with the reporter on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(async () => t.close());

  const stranger = () => new Client(t.app);

  /** An anonymous harmed reporter raises a concern about the member through the public form. */
  async function anonymousConcern(cast: Cast, about = cast.member.userId) {
    const settings = await cast.organizer.get(`/api/communities/${cast.communityId}/settings`);
    const r = await stranger().post(
      `/api/public/intake/${settings.body.intakeId as string}/concerns`,
      concernBody({ anonymous: true, about: { userId: about } }),
    );
    expect(r.status).toBe(201);
    return r.body as { id: string; followToken: string };
  }

  async function rawRows(table: 'reporter_messages' | 'follow_alerts' | 'audit_log' | 'jobs') {
    return JSON.stringify(await t.database.handle.db.selectFrom(table).selectAll().execute());
  }

  /** The notify jobs' channel lists, by template. */
  async function channelsOf(template: string): Promise<(string[] | null)[]> {
    const rows = await t.database.handle.db
      .selectFrom('jobs')
      .select('payload')
      .where('name', '=', NOTIFY)
      .execute();
    return rows
      .map((r) => JSON.parse(r.payload) as { template: string; channels?: string[] })
      .filter((p) => p.template === template)
      .map((p) => p.channels ?? null);
  }

  it('an organizer asks, the anonymous reporter answers and adds from the follow link, in order', async () => {
    const cast = await buildCast(t);
    const api = `/api/communities/${cast.communityId}/concerns`;
    const c = await anonymousConcern(cast);
    const question = 'QUESTION-MARKER: roughly when did this happen?';
    const asked = await cast.organizer.post(`${api}/${c.id}/questions`, { text: question });
    expect(asked.status).toBe(201);
    expect(asked.body.kind).toBe('question');

    // The follow page shows the question waiting, from "the organizers", never by name.
    const seen = await stranger().get(`/api/follow/${c.followToken}/messages`);
    expect(seen.status).toBe(200);
    expect(seen.body.waiting).toEqual([asked.body.id]);
    expect(seen.body.items).toEqual([
      expect.objectContaining({ id: asked.body.id, from: 'organizers', text: question }),
    ]);
    expect(JSON.stringify(seen.body)).not.toContain('Ada Organizer');
    expect(seen.body.can.write).toBe(true);

    const answer = 'ANSWER-MARKER: last Tuesday, in the review.';
    const answered = await stranger().post(`/api/follow/${c.followToken}/messages`, {
      text: answer,
      questionId: asked.body.id,
    });
    expect(answered.status).toBe(201);
    expect(answered.body.kind).toBe('answer');
    const added = await stranger().post(`/api/follow/${c.followToken}/messages`, {
      text: 'ADDITION-MARKER: it happened again in chat.',
    });
    expect(added.status).toBe(201);
    expect(added.body.kind).toBe('addition');
    const after = await stranger().get(`/api/follow/${c.followToken}/messages`);
    expect(after.body.waiting).toEqual([]);

    // The organizers read it in order, with who wrote what.
    const thread = await cast.organizer.get(`${api}/${c.id}/messages`);
    expect(thread.status).toBe(200);
    expect(
      thread.body.items.map((i: Record<string, unknown>) => [i.kind, i.author, i.authorName]),
    ).toEqual([
      ['question', 'organizer', 'Ada Organizer'],
      ['answer', 'reporter', null],
      ['addition', 'reporter', null],
    ]);
    expect(thread.body.items[0].answered).toBe(true);
    expect(thread.body.items[1].replyTo).toBe(asked.body.id);
    expect(thread.body.can.ask).toBe(true);

    // Every organizer who may handle it is told in the app (only), without the words.
    const told = (await notifications(t)).filter((n) => n.template === 'reporter-answered');
    expect(told.map((n) => n.to)).toEqual([
      { userId: cast.organizer.userId },
      { userId: cast.organizer.userId },
    ]);
    expect(told[0]!.link).toMatch(new RegExp(`/c/${cast.communityId}/concerns/${c.id}$`));
    expect(await channelsOf('reporter-answered')).toEqual([['app'], ['app']]);
    // An anonymous reporter has no account to tell: nothing goes to anyone about the question.
    expect((await notifications(t)).filter((n) => n.template === 'reporter-question')).toEqual([]);

    // Encrypted at rest; audited without content, the answer through the follow link.
    for (const table of ['reporter_messages', 'audit_log', 'jobs'] as const) {
      const raw = await rawRows(table);
      expect(raw).not.toContain('MARKER');
    }
    const audit = await t.database.handle.db
      .selectFrom('audit_log')
      .select(['action', 'actor_kind', 'channel'])
      .where('target_id', '=', c.id)
      .orderBy('seq')
      .execute();
    expect(audit.slice(-3)).toEqual([
      { action: 'concern.ask-reporter', actor_kind: 'user', channel: 'app' },
      { action: 'concern.reporter-message', actor_kind: 'public', channel: 'follow-link' },
      { action: 'concern.reporter-message', actor_kind: 'public', channel: 'follow-link' },
    ]);
  });

  it('nobody but the organizers who may handle the case sees or asks: subject, caller, ally, demoted organizer, operator', async () => {
    const cast = await buildCast(t);
    const api = `/api/communities/${cast.communityId}/concerns`;
    const bea = await buildMember(t, cast.communityId, 'organizer', 'Bea Organizer');
    const operator = await buildOperator(t);
    const otherAlly = await buildMember(t, cast.communityId, 'ally', 'Ola Ally');
    // A call-in held by the ally, about the member, on the reporter's concern.
    const c = await raiseAndTriage(cast, { wants: 'ally', harmed: 'me' });
    const opened = await cast.organizer.post(`${api}/${c.id}/call-ins`, {});
    expect(opened.status).toBe(201);
    const assigned = await cast.organizer.post(
      `/api/communities/${cast.communityId}/call-ins/${opened.body.id as string}/assign`,
      { userId: cast.ally.userId },
    );
    expect(assigned.status).toBe(200);
    const asked = await cast.organizer.post(`${api}/${c.id}/questions`, {
      text: 'SECRET-QUESTION: what did it feel like?',
    });
    expect(asked.status).toBe(201);
    // Bea is demoted to member.
    const demoted = await cast.organizer.patch(
      `/api/communities/${cast.communityId}/members/${bea.userId}`,
      { role: 'member' },
    );
    expect(demoted.status).toBe(200);
    const answered = await cast.reporter.post(`/api/me/concerns/${c.id}/messages`, {
      text: 'SECRET-ANSWER: it hurt.',
      questionId: asked.body.id,
    });
    expect(answered.status).toBe(201);

    const insiders: [string, Client, string][] = [
      // The person it is about, a plain member here, has no role for it.
      ['subject', cast.member, 'forbidden'],
      ['caller (ally)', cast.ally, 'forbidden'],
      ['another ally', otherAlly, 'forbidden'],
      ['demoted organizer', bea, 'forbidden'],
      ['operator', operator, 'forbidden'],
    ];
    for (const [who, client, code] of insiders) {
      const read = await client.get(`${api}/${c.id}/messages`);
      expect([who, read.status, read.body.code]).toEqual([
        who,
        code === 'not_found' ? 404 : 403,
        code,
      ]);
      expect(JSON.stringify(read.body)).not.toContain('SECRET');
      const ask = await client.post(`${api}/${c.id}/questions`, { text: 'Anything?' });
      expect([who, ask.body.code]).toEqual([who, code]);
      // Nor through the reporter's side: it is not their concern.
      const mine = await client.get(`/api/me/concerns/${c.id}/messages`);
      expect([who, mine.status]).toEqual([who, 404]);
      expect(JSON.stringify(mine.body)).not.toContain('SECRET');
      const write = await client.post(`/api/me/concerns/${c.id}/messages`, { text: 'Me too.' });
      expect([who, write.status]).toEqual([who, 404]);
      // The member's and the caller's own pages never carry it.
      for (const url of ['/api/me/call-ins', `/api/me/concerns`, '/api/me/notifications']) {
        const page = await client.get(url);
        expect(JSON.stringify(page.body)).not.toContain('SECRET');
      }
    }
    const callIn = await cast.ally.get(
      `/api/communities/${cast.communityId}/call-ins/${opened.body.id as string}`,
    );
    expect(callIn.status).toBe(200);
    expect(JSON.stringify(callIn.body)).not.toContain('SECRET');
    // Only the organizer was told of the answer, not the caller nor the demoted organizer.
    const told = (await notifications(t)).filter(
      (n) => n.template === 'reporter-answered' && n.link.includes(c.id),
    );
    expect(told.map((n) => n.to)).toEqual([{ userId: cast.organizer.userId }]);
    // Nothing was written by the refused attempts.
    const thread = await cast.organizer.get(`${api}/${c.id}/messages`);
    expect(thread.body.items).toHaveLength(2);

    // When the person it is about is an organizer, they are told nothing exists (rule 9).
    const omar = await buildMember(t, cast.communityId, 'organizer', 'Omar Organizer');
    const aboutOmar = await anonymousConcern(cast, omar.userId);
    await cast.organizer.post(`${api}/${aboutOmar.id}/questions`, { text: 'SECRET: when?' });
    const read = await omar.get(`${api}/${aboutOmar.id}/messages`);
    expect([read.status, read.body.code]).toEqual([404, 'not_found']);
    const ask = await omar.post(`${api}/${aboutOmar.id}/questions`, { text: 'What is this?' });
    expect([ask.status, ask.body.code]).toEqual([404, 'not_found']);
    // And an answer is not announced to them.
    await stranger().post(`/api/follow/${aboutOmar.followToken}/messages`, { text: 'Soon.' });
    const announced = (await notifications(t)).filter(
      (n) => n.template === 'reporter-answered' && n.link.includes(aboutOmar.id),
    );
    expect(announced.map((n) => n.to)).toEqual([{ userId: cast.organizer.userId }]);
  });

  it('a signed-in reporter is told of a question in the app and by email, and answers from My concerns', async () => {
    const cast = await buildCast(t);
    const api = `/api/communities/${cast.communityId}/concerns`;
    const c = await raiseAndTriage(cast);
    const asked = await cast.organizer.post(`${api}/${c.id}/questions`, { text: 'Any links?' });
    expect(asked.status).toBe(201);
    const told = (await notifications(t)).filter(
      (n) => n.template === 'reporter-question' && n.link.endsWith(`/me/concerns/${c.id}`),
    );
    expect(told.map((n) => n.to)).toEqual([{ userId: cast.reporter.userId }]);
    // Every channel: the app and email.
    expect((await channelsOf('reporter-question')).at(-1)).toBeNull();
    const mine = await cast.reporter.get(`/api/me/concerns/${c.id}/messages`);
    expect(mine.status).toBe(200);
    expect(mine.body.waiting).toEqual([asked.body.id]);
    expect(mine.body.items[0]).toMatchObject({ from: 'organizers', text: 'Any links?' });
    const answered = await cast.reporter.post(`/api/me/concerns/${c.id}/messages`, {
      text: 'Only the one in the concern.',
      questionId: asked.body.id,
    });
    expect(answered.status).toBe(201);
    // The same thread is on the follow link too.
    const follow = await stranger().get(`/api/follow/${c.followToken}/messages`);
    expect(follow.body.items.map((i: { from: string }) => i.from)).toEqual(['organizers', 'you']);
    const audit = await t.database.handle.db
      .selectFrom('audit_log')
      .select(['action', 'actor_id', 'channel'])
      .where('target_id', '=', c.id)
      .where('action', '=', 'concern.reporter-message')
      .execute();
    expect(audit).toEqual([
      { action: 'concern.reporter-message', actor_id: cast.reporter.userId, channel: 'app' },
    ]);
  });

  it('keeps to its limits: length, a question of this thread, closed concerns, the most messages', async () => {
    const cast = await buildCast(t);
    const api = `/api/communities/${cast.communityId}/concerns`;
    const c = await anonymousConcern(cast);
    const other = await anonymousConcern(cast);
    const long = await cast.organizer.post(`${api}/${c.id}/questions`, { text: 'x'.repeat(2_001) });
    expect(long.status).toBe(400);
    expect(long.body.details[0]).toMatchObject({ field: 'text', rule: 'maxLength', limit: 2000 });
    const blank = await stranger().post(`/api/follow/${c.followToken}/messages`, { text: '   ' });
    expect(blank.status).toBe(400);
    const q = await cast.organizer.post(`${api}/${other.id}/questions`, { text: 'Who saw it?' });
    const elsewhere = await stranger().post(`/api/follow/${c.followToken}/messages`, {
      text: 'An answer to another concern’s question.',
      questionId: q.body.id,
    });
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.body.details[0]).toMatchObject({ field: 'questionId', rule: 'invalid' });
    const changed = c.followToken.slice(0, -1) + (c.followToken.at(-1) === 'A' ? 'B' : 'A');
    const wrongLink = await stranger().post(`/api/follow/${changed}/messages`, { text: 'Hello' });
    expect(wrongLink.status).toBe(404);

    // The most messages one thread holds.
    const full = REPORTER_THREAD_MAX;
    const rows = Array.from({ length: full }, (_, i) => ({
      id: `00000000-0000-7000-8000-${String(i).padStart(12, '0')}`,
      concern_id: other.id,
      community_id: cast.communityId,
      kind: 'addition' as const,
      author_user_id: null,
      reply_to: null,
      body: 'x',
      created_at: new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(),
    }));
    await t.database.handle.db.insertInto('reporter_messages').values(rows).execute();
    const over = await stranger().post(`/api/follow/${other.followToken}/messages`, {
      text: 'One more.',
    });
    expect(over.status).toBe(409);
    expect(over.body.code).toBe('thread_full');
    const overAsk = await cast.organizer.post(`${api}/${other.id}/questions`, { text: 'More?' });
    expect(overAsk.body.code).toBe('thread_full');

    // A closed concern takes no new messages, and says so.
    await t.database.handle.db
      .updateTable('concerns')
      .set({ status: 'closed' })
      .where('id', '=', c.id)
      .execute();
    const closed = await stranger().post(`/api/follow/${c.followToken}/messages`, {
      text: 'Something new.',
    });
    expect(closed.status).toBe(409);
    expect(closed.body.code).toBe('concern_closed');
    const closedAsk = await cast.organizer.post(`${api}/${c.id}/questions`, { text: 'Still?' });
    expect(closedAsk.body.code).toBe('concern_closed');
    expect((await stranger().get(`/api/follow/${c.followToken}/messages`)).body.can.write).toBe(
      false,
    );
    expect((await cast.organizer.get(`${api}/${c.id}/messages`)).body.can.ask).toBe(false);
  });

  it('"email me when something changes": identity-free, encrypted, bounded, removable', async () => {
    const cast = await buildCast(t);
    const api = `/api/communities/${cast.communityId}/concerns`;
    const c = await anonymousConcern(cast);
    const email = 'quiet.reporter@example.org';
    const set = await stranger().request('PUT', `/api/follow/${c.followToken}/alert`, { email });
    expect(set.status).toBe(200);
    expect(set.body).toEqual({ alert: true });
    expect((await stranger().get(`/api/follow/${c.followToken}/messages`)).body.alert).toBe(true);
    const bad = await stranger().request('PUT', `/api/follow/${c.followToken}/alert`, {
      email: 'not-one',
    });
    expect(bad.status).toBe(400);
    // Kept encrypted, never in the concern the organizers read, never in the audit.
    expect(await rawRows('follow_alerts')).not.toContain('quiet.reporter');
    expect(await rawRows('audit_log')).not.toContain('quiet.reporter');
    const detail = await cast.organizer.get(`${api}/${c.id}`);
    expect(detail.status).toBe(200);
    expect(JSON.stringify(detail.body)).not.toContain('quiet.reporter');
    expect(
      JSON.stringify((await cast.organizer.get(`${api}/${c.id}/messages`)).body),
    ).not.toContain('quiet.reporter');

    // A question is a change: one email, by email only, with no link to the concern.
    await cast.organizer.post(`${api}/${c.id}/questions`, { text: 'Can you say more?' });
    const alerts = () =>
      notifications(t).then((all) => all.filter((n) => n.template === 'follow-alert'));
    expect((await alerts()).map((n) => n.to)).toEqual([{ email, name: null }]);
    const [first] = await alerts();
    expect(first!.link).not.toContain(c.followToken);
    expect(first!.link).not.toContain(c.id);
    expect(await channelsOf('follow-alert')).toEqual([['email']]);
    // Bounded: a second change soon after sends nothing more.
    await cast.organizer.post(`${api}/${c.id}/questions`, { text: 'And one more thing?' });
    expect(await alerts()).toHaveLength(1);

    // Removable from the same page: what is waiting is cancelled, nothing more goes.
    const removed = await stranger().delete(`/api/follow/${c.followToken}/alert`);
    expect(removed.status).toBe(200);
    expect(removed.body).toEqual({ alert: false });
    expect(await rawRows('follow_alerts')).not.toContain(c.id);
    expect((await alerts()).map((n) => n.status)).toEqual(['cancelled']);
    await t.database.handle.db
      .updateTable('follow_alerts')
      .set({ last_sent_at: null })
      .where('concern_id', '=', c.id)
      .execute();
    await cast.organizer.post(`${api}/${c.id}/questions`, { text: 'Anything else?' });
    expect(await alerts()).toHaveLength(1);
    const audit = await t.database.handle.db
      .selectFrom('audit_log')
      .select(['action', 'channel'])
      .where('target_id', '=', c.id)
      .where('action', '=', 'concern.follow-alert')
      .execute();
    expect(audit).toEqual([
      { action: 'concern.follow-alert', channel: 'follow-link' },
      { action: 'concern.follow-alert', channel: 'follow-link' },
    ]);
  });

  it('an anonymous harmed reporter with an address hears that a consent question waits on the link', async () => {
    const cast = await buildCast(t);
    const api = `/api/communities/${cast.communityId}`;
    const c = await anonymousConcern(cast);
    const email = 'harmed.reporter@example.org';
    await stranger().request('PUT', `/api/follow/${c.followToken}/alert`, { email });
    const triaged = await cast.organizer.post(`${api}/concerns/${c.id}/triage`, {
      answers: callInAnswers,
      decision: 'call-in',
      reason: 'A first thoughtless remark.',
    });
    expect(triaged.status).toBe(201);
    const opened = await cast.organizer.post(`${api}/concerns/${c.id}/call-ins`, {});
    const callInId = opened.body.id as string;
    await cast.organizer.post(`${api}/call-ins/${callInId}/assign`, { userId: cast.ally.userId });
    const before = (await notifications(t)).filter((n) => n.template === 'follow-alert').length;
    const asked = await cast.ally.post(`${api}/call-ins/${callInId}/consent-request`, {});
    expect(asked.status).toBe(200);
    expect(asked.body.viaFollowLink).toBe(true);
    const alerts = (await notifications(t)).filter((n) => n.template === 'follow-alert');
    expect(alerts.slice(before).map((n) => n.to)).toEqual([{ email, name: null }]);
    // The follow page shows the consent question on the same link.
    const follow = await stranger().get(`/api/follow/${c.followToken}`);
    expect(follow.body.consentQuestion).toBe(true);
    // Closing is a change too (once the few hours between two emails have passed).
    await t.database.handle.db
      .updateTable('follow_alerts')
      .set({ last_sent_at: '2026-01-01T00:00:00.000Z' })
      .where('concern_id', '=', c.id)
      .execute();
    const closed = await cast.organizer.post(`${api}/call-ins/${callInId}/close`, {});
    expect(closed.status).toBe(200);
    const after = (await notifications(t)).filter((n) => n.template === 'follow-alert');
    expect(after.slice(before).map((n) => n.to)).toEqual([
      { email, name: null },
      { email, name: null },
    ]);
  });
});

describe.each(testDialects())('quotas on the conversation with the reporter on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect, { env: { QUOTA_MESSAGES_PER_HOUR: '2' } });
  });
  afterAll(async () => t.close());

  it('questions and a signed-in reporter’s messages count as messages', async () => {
    const cast = await buildCast(t);
    const api = `/api/communities/${cast.communityId}/concerns`;
    const c = await raiseAndTriage(cast);
    for (const text of ['First question?', 'Second question?']) {
      expect((await cast.organizer.post(`${api}/${c.id}/questions`, { text })).status).toBe(201);
    }
    const third = await cast.organizer.post(`${api}/${c.id}/questions`, { text: 'Third?' });
    expect(third.status).toBe(429);
    expect(third.body).toMatchObject({ code: 'quota_exceeded', details: { reason: 'messages' } });
    for (const text of ['One.', 'Two.']) {
      const r = await cast.reporter.post(`/api/me/concerns/${c.id}/messages`, { text });
      expect(r.status).toBe(201);
    }
    const over = await cast.reporter.post(`/api/me/concerns/${c.id}/messages`, { text: 'Three.' });
    expect(over.status).toBe(429);
    const thread = await cast.organizer.get(`${api}/${c.id}/messages`);
    expect(thread.body.items).toHaveLength(4);
  });
});

describe.each(testDialects())('the reporter thread and privacy on %s', (dialect) => {
  let t: TestApp;
  let now = Date.parse('2026-01-10T09:00:00.000Z');
  const clock = { now: () => new Date(now) };
  beforeAll(async () => {
    t = await createTestApp(dialect, { clock });
  });
  afterAll(async () => t.close());

  it('erasing an organizer removes their questions’ words; a purged case takes its thread along', async () => {
    const cast = await buildCast(t);
    const api = `/api/communities/${cast.communityId}/concerns`;
    const bea = await buildMember(t, cast.communityId, 'organizer', 'Bea Organizer');
    const c = await raiseAndTriage(cast);
    const asked = await bea.post(`${api}/${c.id}/questions`, { text: 'BEA-WORDS: when?' });
    expect(asked.status).toBe(201);
    now += 60_000;
    await cast.reporter.post(`/api/me/concerns/${c.id}/messages`, {
      text: 'Yesterday.',
      questionId: asked.body.id,
    });
    await t.ctx.store.repos.reporter.upsertAlert({
      concernId: c.id,
      communityId: cast.communityId,
      address: 'sealed',
      createdAt: new Date(now).toISOString(),
      lastSentAt: null,
    });
    const erased = await bea.request('DELETE', '/api/me', { password: PASSWORD });
    expect(erased.status).toBe(200);
    const thread = await cast.organizer.get(`${api}/${c.id}/messages`);
    expect(thread.body.items.map((i: { text: string }) => i.text)).toEqual([
      REMOVED_TEXT,
      'Yesterday.',
    ]);
    expect(thread.body.items[0].authorName).toBeNull();
    const raw = await t.database.handle.db
      .selectFrom('reporter_messages')
      .select('author_user_id')
      .where('concern_id', '=', c.id)
      .execute();
    expect(raw.map((r) => r.author_user_id)).toEqual([null, null]);

    // Closed and past the retention period: the thread and the address go with the case.
    await t.ctx.store.repos.concerns.updateStatus(
      cast.communityId,
      c.id,
      'closed',
      new Date(now).toISOString(),
    );
    now += 400 * 86_400_000;
    await purgeExpiredCases(t.ctx.store.transaction.bind(t.ctx.store), clock);
    for (const table of ['reporter_messages', 'follow_alerts'] as const) {
      const left = await t.database.handle.db
        .selectFrom(table)
        .select('concern_id')
        .where('concern_id', '=', c.id)
        .execute();
      expect([table, left]).toEqual([table, []]);
    }
  });
});
