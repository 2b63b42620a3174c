// Telling organizers about new concerns (flow step 8) and the in-app notices every account has:
// an urgent concern reaches every organizer at once by email; otherwise each chooses an email
// for each, one a day, or none, and the notice in the app comes either way. The person the
// concern is about is not told. Notices are one's own, carry no case content, and follow
// membership.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJobService, type JobService } from '../../src/jobs/service.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import type { Client } from '../helpers/client.ts';
import { testDialects } from '../helpers/db.ts';
import { buildCommunity, buildConcern, buildMember } from '../helpers/factories.ts';
import { startSmtpCapture, type SmtpCapture } from '../integrations/smtp-capture.ts';

const PLANTED = 'Marigold-narrative-5512';

describe.each(testDialects())('notices on %s', (dialect) => {
  let t: TestApp;
  let smtp: SmtpCapture;
  let jobs: JobService;
  let now = Date.parse('2026-12-01T10:00:00.000Z');
  let communityId: string;
  let atOnce: Client;
  let daily: Client;
  let quiet: Client;
  let subject: Client;
  let member: Client;
  let ally: Client;
  let pausedAlly: Client;
  const emailOf = async (c: Client) => (await t.ctx.store.repos.users.findById(c.userId!))!.email;
  const mailsTo = async (c: Client) => {
    const email = await emailOf(c);
    return smtp.messages.filter((m) => m.to.includes(email));
  };
  async function drain() {
    while ((await jobs.runner.runDue()) > 0);
    await new Promise((r) => setTimeout(r, 150));
  }
  const raise = (extra: Record<string, unknown> = {}) =>
    buildConcern(member, communityId, {
      what: `Something happened: ${PLANTED}`,
      about: { userId: subject.userId },
      ...extra,
    });

  beforeAll(async () => {
    smtp = await startSmtpCapture();
    t = await createTestApp(dialect, {
      env: { SMTP_URL: smtp.url, MAIL_FROM: 'Calling In <callin@example.org>' },
      clock: { now: () => new Date(now) },
    });
    jobs = await createJobService(t.ctx, { integrations: t.integrations });
    communityId = (await buildCommunity(t, 'Notice Project')).id;
    atOnce = await buildMember(t, communityId, 'organizer', 'Olu Organizer');
    daily = await buildMember(t, communityId, 'organizer', 'Dana Daily');
    quiet = await buildMember(t, communityId, 'organizer', 'Quincy Quiet');
    subject = await buildMember(t, communityId, 'organizer', 'Sol Subject');
    member = await buildMember(t, communityId, 'member', 'Mae Member');
    ally = await buildMember(t, communityId, 'ally', 'Ada Ally');
    pausedAlly = await buildMember(t, communityId, 'ally', 'Pat Paused');
    const care = `/api/communities/${communityId}/care/me`;
    expect((await pausedAlly.request('PATCH', care, { paused: true })).status).toBe(200);
    const settings = `/api/communities/${communityId}/notification-settings`;
    expect((await daily.request('PUT', settings, { newConcerns: 'daily' })).status).toBe(200);
    expect((await quiet.request('PUT', settings, { newConcerns: 'off' })).status).toBe(200);
    await drain();
    smtp.messages.length = 0;
  });
  afterAll(async () => {
    await jobs.close();
    await t.close();
    await smtp.close();
  });

  it('tells each organizer as they chose, and never the person it is about', async () => {
    const concern = await raise();
    now += 1_000;
    await raise(); // a second one the same day: still one daily email
    await drain();
    expect(await mailsTo(atOnce)).toHaveLength(2);
    expect(await mailsTo(daily)).toHaveLength(0);
    expect(await mailsTo(quiet)).toHaveLength(0);
    expect(await mailsTo(subject)).toHaveLength(0);
    for (const m of smtp.messages) {
      expect(m.subject).toBe('An update from Notice Project');
      expect(m.decoded).not.toContain(PLANTED);
      expect(m.decoded).not.toContain('Sol Subject');
    }

    // In the app, every organizer but the subject has both.
    for (const who of [atOnce, daily, quiet]) {
      const list = await who.get('/api/me/notifications');
      expect(list.status).toBe(200);
      expect(list.body.unread).toBe(2);
      const about = (list.body.items as { link: string }[]).find((n) =>
        n.link.endsWith(concern.id),
      );
      expect(about).toMatchObject({
        template: 'new-concern',
        text: 'A new concern was raised at Notice Project.',
        link: `/c/${communityId}/concerns/${concern.id}`,
        community: { id: communityId, name: 'Notice Project' },
        read: false,
      });
      expect(JSON.stringify(list.body)).not.toContain(PLANTED);
    }
    expect((await subject.get('/api/me/notifications')).body).toMatchObject({
      items: [],
      unread: 0,
    });

    // The daily email goes out at 08:00 UTC the next day: one for both concerns.
    now = Date.parse('2026-12-02T08:00:01.000Z');
    await drain();
    expect(await mailsTo(daily)).toHaveLength(1);
    expect(await mailsTo(quiet)).toHaveLength(0);
    expect((await mailsTo(daily))[0]!.decoded).toContain(`/c/${communityId}/inbox`);
    smtp.messages.length = 0;
  });

  it('emails every organizer at once about an urgent concern, whatever they chose', async () => {
    await raise({ urgent: true });
    await drain();
    for (const who of [atOnce, daily, quiet]) {
      const mails = await mailsTo(who);
      expect(mails).toHaveLength(1);
      expect(mails[0]!.subject).toBe('Urgent: please look at a message from Notice Project');
    }
    expect(await mailsTo(subject)).toHaveLength(0);
    smtp.messages.length = 0;
  });

  it('tells allies with room about a request for an ally, once, and nobody paused', async () => {
    const concern = await raise({ wants: 'ally' });
    const decide = (extra: Record<string, unknown> = {}) =>
      atOnce.post(`/api/communities/${communityId}/concerns/${concern.id}/triage`, {
        answers: {
          categories: ['inconsiderate-language'],
          immediateDanger: false,
          intent: 'thoughtless',
          publicHarm: 'few',
        },
        decision: 'call-in',
        reason: 'A first thoughtless remark.',
        ...extra,
      });
    const first = await decide();
    expect(first.status).toBe(201);
    await drain();
    const toAlly = await mailsTo(ally);
    expect(toAlly).toHaveLength(1);
    expect(toAlly[0]!.decoded).toContain(`/c/${communityId}/ally-board`);
    expect(toAlly[0]!.decoded).not.toContain(PLANTED);
    expect(await mailsTo(pausedAlly)).toHaveLength(0);
    expect(await mailsTo(subject)).toHaveLength(0);
    const notices = (await ally.get('/api/me/notifications')).body.items as { template: string }[];
    expect(notices.map((n) => n.template)).toEqual(['ally-request']);
    // Changing the decision does not tell them again.
    expect((await decide({ replaces: first.body.id })).status).toBe(201);
    await drain();
    expect(await mailsTo(ally)).toHaveLength(1);
    smtp.messages.length = 0;
  });

  it('marks one’s own notices read, never someone else’s, and refuses a muddled request', async () => {
    const mine = (await atOnce.get('/api/me/notifications')).body;
    const theirs = (await daily.get('/api/me/notifications')).body;
    const before = theirs.unread as number;
    const first = mine.items[0].id as string;

    const other = await atOnce.post('/api/me/notifications/read', { ids: [theirs.items[0].id] });
    expect(other.status).toBe(200);
    expect((await daily.get('/api/me/notifications/unread')).body.unread).toBe(before);

    const one = await atOnce.post('/api/me/notifications/read', { ids: [first] });
    expect(one.body.unread).toBe(mine.unread - 1);
    for (const body of [{}, { ids: [first], all: true }, { all: false }, { ids: [] }]) {
      const r = await atOnce.post('/api/me/notifications/read', body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.body.code).toBe('validation_failed');
    }
    expect((await atOnce.get('/api/me/notifications/unread')).body.unread).toBe(mine.unread - 1);
    const all = await atOnce.post('/api/me/notifications/read', { all: true });
    expect(all.body.unread).toBe(0);
    const page = await atOnce.get('/api/me/notifications?limit=1');
    expect(page.body.items).toHaveLength(1);
    expect(page.body.nextCursor).toEqual(expect.any(String));
    const next = await atOnce.get(
      `/api/me/notifications?limit=1&cursor=${encodeURIComponent(page.body.nextCursor)}`,
    );
    expect(next.body.items[0].id).not.toBe(page.body.items[0].id);
    const bad = await atOnce.get('/api/me/notifications?cursor=nonsense');
    expect(bad.status).toBe(400);
    expect(bad.body.details).toEqual([expect.objectContaining({ field: 'cursor' })]);
  });

  it('shows nothing from a community one has left, and only organizers choose emails', async () => {
    const settings = `/api/communities/${communityId}/notification-settings`;
    expect((await member.get(settings)).status).toBe(403);
    const wrong = await atOnce.request('PUT', settings, { newConcerns: 'hourly' });
    expect(wrong.status).toBe(400);
    expect((await atOnce.get(settings)).body).toEqual({ newConcerns: 'immediate' });

    expect((await quiet.get('/api/me/notifications')).body.items.length).toBeGreaterThan(0);
    const removed = await atOnce.request(
      'DELETE',
      `/api/communities/${communityId}/members/${quiet.userId}`,
    );
    expect(removed.status).toBeLessThan(300);
    const after = await quiet.get('/api/me/notifications');
    expect(after.body).toMatchObject({ items: [], unread: 0 });
    await raise();
    await drain();
    expect(await mailsTo(quiet)).toHaveLength(0);
  });
});
