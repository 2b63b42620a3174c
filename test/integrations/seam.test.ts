// The integration seam, with two integrations written here as Slack and Discord will be: one
// brings a signed endpoint (its own body parser, so the signature is checked over the raw
// bytes), the other a notification channel kept in memory. Every notification reaches every
// channel once, a retry never sends twice on a channel that already sent, and a withdrawal of
// consent stops what waits for the member on every channel (rule 1).
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../src/config/errors.ts';
import type { Clock } from '../../src/domain/common/clock.ts';
import {
  queueNotification,
  type NotificationToDeliver,
} from '../../src/domain/notifications/notifications.ts';
import { emailIntegration } from '../../src/integrations/email/index.ts';
import type { IntegrationPlugin } from '../../src/integrations/plugin.ts';
import { createJobService, type JobService } from '../../src/jobs/service.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { buildCast, notifications, raiseAndTriage, tokenOf } from '../helpers/call-ins.ts';
import { Client } from '../helpers/client.ts';
import { testDialects } from '../helpers/db.ts';
import { buildCommunity, buildMember, PASSWORD } from '../helpers/factories.ts';
import { startSmtpCapture, type SmtpCapture } from './smtp-capture.ts';

const SECRET = 'a-test-signing-secret';
const signature = (timestamp: string, raw: string) =>
  `v0=${crypto.createHmac('sha256', SECRET).update(`v0:${timestamp}:${raw}`).digest('hex')}`;

/** Like Slack's events endpoint: HMAC over `v0:{timestamp}:{raw body}`. */
const signedRoutes: IntegrationPlugin = {
  name: 'signed',
  register(ctx) {
    ctx.addRoutes(async (scope) => {
      scope.removeAllContentTypeParsers();
      scope.addContentTypeParser(
        ['application/json', 'application/x-www-form-urlencoded'],
        { parseAs: 'buffer' },
        (_request, body, done) => done(null, body),
      );
      scope.post('/events', async (request) => {
        const raw = (request.body as Buffer).toString('utf8');
        const timestamp = String(request.headers['x-test-timestamp'] ?? '');
        const sent = Buffer.from(String(request.headers['x-test-signature'] ?? ''));
        const wanted = Buffer.from(signature(timestamp, raw));
        if (sent.length !== wanted.length || !crypto.timingSafeEqual(sent, wanted))
          throw new AppError('invalid_signature');
        return { ok: true, raw };
      });
    });
  },
};

/** A chat-like channel: it reaches people with an account, and can be told to fail once. */
function memoryChannel() {
  const received: NotificationToDeliver[] = [];
  const state = { failures: 0, attempts: 0 };
  const plugin: IntegrationPlugin = {
    name: 'memory',
    register(ctx) {
      ctx.addChannel({
        name: 'memory',
        async deliver(n) {
          state.attempts++;
          if (state.failures > 0) {
            state.failures--;
            throw new Error('the chat service is down for a moment');
          }
          if (!n.recipient.userId) return 'unreachable';
          received.push(n);
          return 'sent';
        },
      });
    },
  };
  return { plugin, received, state };
}

describe.each(testDialects())('the integration seam on %s', (dialect) => {
  let t: TestApp;
  let smtp: SmtpCapture;
  let jobs: JobService;
  const memory = memoryChannel();
  let offsetMs = 0;
  const clock: Clock = { now: () => new Date(Date.now() + offsetMs) };
  beforeAll(async () => {
    smtp = await startSmtpCapture();
    t = await createTestApp(dialect, {
      env: { SMTP_URL: smtp.url, MAIL_FROM: 'Calling In <callin@example.org>' },
      clock,
      integrations: [emailIntegration, memory.plugin, signedRoutes],
    });
    jobs = await createJobService(t.ctx, { integrations: t.integrations });
  });
  afterAll(async () => {
    await jobs.close();
    await t.close();
    await smtp.close();
  });

  async function drain() {
    while ((await jobs.runner.runDue()) > 0);
  }
  const settle = () => new Promise((r) => setTimeout(r, 200));
  const jobsKeyed = (prefix: string) =>
    t.database.handle.db
      .selectFrom('jobs')
      .select(['name', 'status', 'dedupe_key'])
      .where('dedupe_key', 'like', `${prefix}%`)
      .orderBy('name')
      .orderBy('dedupe_key')
      .execute();

  it('hands a signed route the raw body, in a context of its own', async () => {
    const anon = new Client(t.app);
    const url = '/api/integrations/signed/events';
    const json = '{"type":"event_callback",  "text": "caf\u00e9 \\u00e9",\n"n": 1.0}';
    const ts = '1767225600';
    const ok = await anon.request('POST', url, json, {
      'content-type': 'application/json',
      'x-test-timestamp': ts,
      'x-test-signature': signature(ts, json),
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({ ok: true, raw: json });

    const form = 'command=%2Fcallin&text=raise+a+concern';
    const slash = await anon.request('POST', url, form, {
      'content-type': 'application/x-www-form-urlencoded',
      'x-test-timestamp': ts,
      'x-test-signature': signature(ts, form),
    });
    expect(slash.status).toBe(200);
    expect(slash.body.raw).toBe(form);

    const forged = await anon.request('POST', url, json.replace('1.0', '2.0'), {
      'content-type': 'application/json',
      'x-test-timestamp': ts,
      'x-test-signature': signature(ts, json),
    });
    expect(forged.status).toBe(401);
    expect(forged.body).toMatchObject({ code: 'invalid_signature' });

    // Outside the integration, bodies are still JSON only and parsed as before.
    const elsewhere = await anon.request('POST', '/api/auth/sign-in', form, {
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(elsewhere.status).toBe(415);
    expect(elsewhere.body.code).toBe('unsupported_media_type');
    const signIn = await anon.post('/api/auth/sign-in', {
      email: 'nobody@example.org',
      password: 'not the password at all',
    });
    expect(signIn.body.code).toBe('invalid_credentials');
  });

  it('delivers one intent to every channel, each deciding whether it can reach the person', async () => {
    const community = await buildCommunity(t, 'Seam Project');
    const member = await buildMember(t, community.id, 'member', 'Mina Member');
    const at = t.ctx.clock.now().toISOString();
    await queueNotification(
      t.ctx.store.repos.jobs,
      t.ctx.cipher,
      {
        template: 'check-in',
        communityId: community.id,
        to: { userId: member.userId! },
        link: '/check-in/abc',
        dedupeKey: 'seam:one',
      },
      at,
    );
    await queueNotification(
      t.ctx.store.repos.jobs,
      t.ctx.cipher,
      {
        template: 'reporter-update',
        communityId: community.id,
        to: { email: 'guest@example.org', name: 'A Guest' },
        link: '/follow/xyz',
        dedupeKey: 'seam:two',
      },
      at,
    );
    await drain();
    const mails = await smtp.waitFor(2);
    await settle();
    expect(smtp.messages).toHaveLength(2);
    const toMember = mails.find((m) => m.decoded.includes('/check-in/abc'))!;
    expect(toMember.to).toEqual([expect.stringMatching(/^member\./)]);
    expect(mails.find((m) => m.decoded.includes('/follow/xyz'))!.to).toEqual(['guest@example.org']);
    // The same intent reached the second channel; the guest has no account there.
    expect(memory.received).toHaveLength(1);
    expect(memory.received[0]).toMatchObject({
      template: 'check-in',
      community: { id: community.id, name: 'Seam Project' },
      recipient: { userId: member.userId, name: 'Mina Member' },
      link: 'http://callin.test/check-in/abc',
    });
    expect(await jobsKeyed('seam:one')).toEqual([
      { name: 'notify', status: 'done', dedupe_key: 'seam:one' },
      { name: 'notify.app', status: 'done', dedupe_key: 'seam:one@app' },
      { name: 'notify.email', status: 'done', dedupe_key: 'seam:one@email' },
      { name: 'notify.memory', status: 'done', dedupe_key: 'seam:one@memory' },
    ]);
    smtp.messages.length = 0;
    memory.received.length = 0;
  });

  it('never sends twice on a channel that already sent, when another retries or the intent runs again', async () => {
    const community = await buildCommunity(t);
    const member = await buildMember(t, community.id, 'member');
    memory.state.failures = 1;
    const at = t.ctx.clock.now().toISOString();
    const intentId = await queueNotification(
      t.ctx.store.repos.jobs,
      t.ctx.cipher,
      {
        template: 'call-in-reply',
        communityId: community.id,
        to: { userId: member.userId! },
        link: '/reply/1',
        dedupeKey: 'seam:retry',
      },
      at,
    );
    await drain();
    await smtp.waitFor(1);
    expect(memory.received).toHaveLength(0);
    const waiting = await jobsKeyed('seam:retry@memory');
    expect(waiting).toEqual([
      { name: 'notify.memory', status: 'pending', dedupe_key: 'seam:retry@memory' },
    ]);
    // Later, the chat service is back: only the channel that failed tries again.
    offsetMs += 3_600_000;
    await drain();
    expect(memory.received).toHaveLength(1);
    // The intent itself running again (a worker lost its lease) schedules nothing new.
    await t.database.handle.db
      .updateTable('jobs')
      .set({ status: 'pending', run_at: t.ctx.clock.now().toISOString() })
      .where('id', '=', intentId!)
      .execute();
    await drain();
    await settle();
    expect(smtp.messages).toHaveLength(1);
    expect(memory.received).toHaveLength(1);
    expect((await jobsKeyed('seam:retry')).map((j) => [j.name, j.status])).toEqual([
      ['notify', 'done'],
      ['notify.app', 'done'],
      ['notify.email', 'done'],
      ['notify.memory', 'done'],
    ]);
    smtp.messages.length = 0;
    memory.received.length = 0;
  });

  it('sends nothing on any channel once consent is withdrawn (rule 1)', async () => {
    const cast = await buildCast(t);
    const api = `/api/communities/${cast.communityId}`;
    const concern = await raiseAndTriage(cast);
    const taken = await cast.ally.post(`${api}/ally-board/${concern.id}/volunteer`);
    const callInId = taken.body.id as string;
    const ci = `${api}/call-ins/${callInId}`;
    expect((await cast.ally.request('PUT', `${ci}/channel`, { channel: 'in-app' })).status).toBe(
      200,
    );
    await cast.ally.post(`${ci}/consent-request`, {});
    const consentToken = tokenOf((await notifications(t)).at(-1)!.link);
    const harmed = new Client(t.app);
    expect(
      (await harmed.post(`/api/public/consent/${consentToken}`, { decision: 'agree' })).body,
    ).toMatchObject({ consentStatus: 'given' });
    const sent = await cast.ally.post(`${ci}/messages`, {
      text: 'Hi Sam, could we talk privately about the review thread? How did you mean it?',
    });
    expect(sent.status).toBe(201);
    // One pass: the intents are handed to the channels, which have not sent yet.
    await jobs.runner.runDue();
    const memberKey = `callin:${callInId}:`;
    const before = await jobsKeyed(memberKey);
    expect(before.map((j) => [j.name, j.status])).toEqual([
      ['notify', 'done'],
      ['notify.app', 'pending'],
      ['notify.email', 'pending'],
      ['notify.memory', 'pending'],
    ]);

    const withdrawn = await harmed.post(`/api/public/consent/${consentToken}/withdraw`, {});
    expect(withdrawn.status).toBe(200);
    await drain();
    await settle();
    const after = await jobsKeyed(memberKey);
    expect(after.map((j) => [j.name, j.status])).toEqual([
      ['notify', 'done'],
      ['notify.app', 'cancelled'],
      ['notify.email', 'cancelled'],
      ['notify.memory', 'cancelled'],
    ]);
    const memberEmail = (await t.ctx.store.repos.users.findById(cast.member.userId!))!.email;
    expect(smtp.messages.filter((m) => m.to.includes(memberEmail))).toEqual([]);
    expect(memory.received.filter((n) => n.recipient.userId === cast.member.userId)).toEqual([]);
    smtp.messages.length = 0;
    memory.received.length = 0;
  });

  it('cancels what waits for a person who is erased, intents and channel jobs alike', async () => {
    const community = await buildCommunity(t);
    const member = await buildMember(t, community.id, 'member');
    const queue = (dedupeKey: string) =>
      queueNotification(
        t.ctx.store.repos.jobs,
        t.ctx.cipher,
        {
          template: 'check-in',
          communityId: community.id,
          to: { userId: member.userId! },
          link: '/check-in/erase',
          dedupeKey,
        },
        t.ctx.clock.now().toISOString(),
      );
    await queue('seam:erase-a');
    await jobs.runner.runDue();
    await queue('seam:erase-b');
    expect((await member.request('DELETE', '/api/me', { password: PASSWORD })).status).toBe(200);
    expect((await jobsKeyed('seam:erase-')).map((j) => [j.dedupe_key, j.status])).toEqual([
      ['seam:erase-a', 'done'],
      ['seam:erase-b', 'cancelled'],
      ['seam:erase-a@app', 'cancelled'],
      ['seam:erase-a@email', 'cancelled'],
      ['seam:erase-a@memory', 'cancelled'],
    ]);
    await drain();
    await settle();
    expect(smtp.messages).toHaveLength(0);
    expect(memory.received).toHaveLength(0);
  });

  it('does not send when the intent was cancelled while it was being handed out', async () => {
    const community = await buildCommunity(t);
    const member = await buildMember(t, community.id, 'member');
    const at = t.ctx.clock.now().toISOString();
    const intentId = await queueNotification(
      t.ctx.store.repos.jobs,
      t.ctx.cipher,
      {
        template: 'call-in-message',
        communityId: community.id,
        to: { userId: member.userId! },
        link: '/called-in/1',
        dedupeKey: 'seam:race',
      },
      at,
    );
    await jobs.runner.runDue();
    // As if the cancellation had landed between the dispatcher's last check and its commit:
    // the intent is cancelled, its channel jobs are not.
    await t.database.handle.db
      .updateTable('jobs')
      .set({ status: 'cancelled' })
      .where('id', '=', intentId!)
      .execute();
    await drain();
    await settle();
    expect(smtp.messages).toHaveLength(0);
    expect(memory.received).toHaveLength(0);
  });
});
