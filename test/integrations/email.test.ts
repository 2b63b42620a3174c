// Email through a real SMTP server: every template renders and sends, subject lines are
// generic, and no message carries the narrative, quotes or names planted in the concern.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { check } from '../../src/language/check.ts';
import { channelJobName } from '../../src/contract/vocabulary.ts';
import { sealNotification } from '../../src/domain/notifications/notifications.ts';
import { createMailer } from '../../src/integrations/email/mailer.ts';
import { renderEmail, templateNames } from '../../src/integrations/email/templates.ts';
import { createJobService, type JobService } from '../../src/jobs/service.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { testDialects } from '../helpers/db.ts';
import { buildCommunity, buildConcern, buildMember } from '../helpers/factories.ts';
import { startSmtpCapture, type SmtpCapture } from './smtp-capture.ts';

/** The email channel's delivery job (also what every notification was before 2026-12-01). */
const NOTIFY_EMAIL = channelJobName('email');

const PLANTED = [
  'Zanzibar-narrative-7731',
  'quoted-words-4410',
  'Quinn Secretname',
  'Harriet Hiddenname',
  'impact-text-9182',
];
const GENERIC_SUBJECT =
  /^(A private message from|A private question from|An update from|A gentle reminder from|Checking in from|Urgent: please look at a message from) Friendly Project$/;

describe.each(testDialects())('email notifications on %s', (dialect) => {
  let t: TestApp;
  let smtp: SmtpCapture;
  let jobs: JobService;
  beforeAll(async () => {
    smtp = await startSmtpCapture();
    t = await createTestApp(dialect, {
      env: { SMTP_URL: smtp.url, MAIL_FROM: 'Calling In <callin@example.org>' },
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

  it('sends every template to a member, with the private link and nothing from the case', async () => {
    const community = await buildCommunity(t);
    const member = await buildMember(t, community.id, 'member', 'Mina Member');
    const reporter = await buildMember(t, community.id, 'member', 'Rory Reporter');
    const concern = await buildConcern(reporter, community.id, {
      what: `Something happened: ${PLANTED[0]}`,
      quotes: [PLANTED[1]],
      about: { name: PLANTED[2] },
      harmed: 'someone-else',
      harmedName: PLANTED[3],
      impact: PLANTED[4],
    });
    const at = t.ctx.clock.now().toISOString();
    for (const template of templateNames) {
      await jobs.queue.enqueue(
        {
          name: NOTIFY_EMAIL,
          payload: {
            template,
            communityId: community.id,
            sealed: sealNotification(t.ctx.cipher, {
              to: { userId: member.userId! },
              link: `/cases/${concern.id}/${template}`,
            }),
          },
          runAt: at,
        },
        at,
      );
    }
    await drain();
    const got = await smtp.waitFor(templateNames.length);
    expect(got).toHaveLength(templateNames.length);
    for (const [i, template] of templateNames.entries()) {
      const m = got.find((x) => x.decoded.includes(`/cases/${concern.id}/${template}`));
      expect(m, template).toBeDefined();
      expect(m!.subject, template).toMatch(GENERIC_SUBJECT);
      expect(m!.to).toEqual([expect.stringMatching(/^member\./)]);
      expect(m!.from).toBe('callin@example.org');
      expect(m!.decoded).toContain(`http://callin.test/cases/${concern.id}/${template}`);
      expect(m!.decoded).toContain('Hello Mina Member,');
      expect(m!.decoded).toMatch(/Content-Type: text\/html/);
      for (const p of [...PLANTED, 'Rory Reporter', 'no-brainer'])
        expect(m!.decoded, `${template} #${i}`).not.toContain(p);
    }
    smtp.messages.length = 0;
  });

  it('sends to an address given directly, escapes HTML, and skips people who were erased', async () => {
    const community = await buildCommunity(t, 'Tea & <Code>');
    const erased = await buildMember(t, community.id, 'member', 'Gone Person');
    await t.ctx.database.db
      .updateTable('users')
      .set({ erased_at: t.ctx.clock.now().toISOString() })
      .where('id', '=', erased.userId!)
      .execute();
    const at = t.ctx.clock.now().toISOString();
    const seal = (to: Parameters<typeof sealNotification>[1]['to']) =>
      sealNotification(t.ctx.cipher, { to, link: 'https://callin.test/follow/abc' });
    const direct = await jobs.queue.enqueue(
      {
        name: NOTIFY_EMAIL,
        payload: {
          template: 'reporter-update',
          communityId: community.id,
          sealed: seal({ email: 'guest@example.org', name: 'A <Guest>' }),
        },
        runAt: at,
      },
      at,
    );
    const skipped = await jobs.queue.enqueue(
      {
        name: NOTIFY_EMAIL,
        payload: {
          template: 'check-in',
          communityId: community.id,
          sealed: seal({ userId: erased.userId! }),
        },
        runAt: at,
      },
      at,
    );
    await drain();
    const [m] = await smtp.waitFor(1);
    await new Promise((r) => setTimeout(r, 200));
    expect(smtp.messages).toHaveLength(1);
    expect(m!.to).toEqual(['guest@example.org']);
    expect(m!.subject).toBe('An update from Tea & <Code>');
    expect(m!.decoded).toContain('Tea &amp; &lt;Code&gt;');
    expect(m!.decoded).toContain('Hello A &lt;Guest&gt;,');
    expect((await jobs.queue.find(direct!))!.status).toBe('done');
    expect((await jobs.queue.find(skipped!))!.status).toBe('done');
    smtp.messages.length = 0;
  });

  it('does not send a notification that was cancelled (consent withdrawn) before it ran', async () => {
    const community = await buildCommunity(t);
    const member = await buildMember(t, community.id, 'member');
    const at = t.ctx.clock.now().toISOString();
    const id = await jobs.queue.enqueue(
      {
        name: NOTIFY_EMAIL,
        payload: {
          template: 'call-in-message',
          communityId: community.id,
          sealed: sealNotification(t.ctx.cipher, { to: { userId: member.userId! }, link: '/x' }),
        },
        runAt: at,
        dedupeKey: 'callin:case-9:message',
      },
      at,
    );
    await t.ctx.store.repos.jobs.cancelPendingByKeyPrefix('callin:case-9:', at);
    await drain();
    await new Promise((r) => setTimeout(r, 200));
    expect(smtp.messages).toHaveLength(0);
    expect((await jobs.queue.find(id!))!.status).toBe('cancelled');
  });

  it('checks a job against its definition when it is enqueued through the service', async () => {
    const at = t.ctx.clock.now().toISOString();
    await expect(
      jobs.enqueue(
        {
          name: NOTIFY_EMAIL,
          payload: { template: 'not-a-template', communityId: 'x', sealed: 'y' },
          runAt: at,
        },
        at,
      ),
    ).rejects.toThrow(/schema/);
    await expect(jobs.enqueue({ name: 'no.such.job', payload: {}, runAt: at }, at)).rejects.toThrow(
      /No job definition/,
    );
    const id = await jobs.enqueue(
      { name: 'retention.purge', payload: {}, runAt: '2999-01-01T00:00:00.000Z' },
      at,
    );
    expect((await jobs.queue.find(id!))!).toMatchObject({ status: 'pending', max_attempts: 5 });
  });

  it('fails a notification whose sealed part cannot be opened, without retrying', async () => {
    const community = await buildCommunity(t);
    const at = t.ctx.clock.now().toISOString();
    const id = await jobs.queue.enqueue(
      {
        name: NOTIFY_EMAIL,
        payload: {
          template: 'check-in',
          communityId: community.id,
          sealed: 'v1.nope.nope.nope.nope',
        },
        runAt: at,
      },
      at,
    );
    await drain();
    expect((await jobs.queue.find(id!))!).toMatchObject({ status: 'failed', attempts: 1 });
  });
});

describe('email templates', () => {
  it('pass the language checker and avoid words we never use', () => {
    for (const name of templateNames) {
      const e = renderEmail(name, {
        communityName: 'Friendly Project',
        recipientName: 'Sam',
        link: 'https://callin.test/x',
      });
      const all = `${e.subject}\n${e.text}`;
      expect(check(all), name).toEqual([]);
      expect(all.toLowerCase(), name).not.toMatch(
        /\b(guys|crazy|sanity|insane|lame|dumb|simply|just)\b/,
      );
    }
  });

  it('are not sent when SMTP_URL is unset: one log line, no address in it', async () => {
    const lines: { obj: object; msg?: string }[] = [];
    const log = (obj: object, msg?: string) => lines.push({ obj, msg });
    const mailer = createMailer(
      { smtpUrl: null, mailFrom: 'x@example.org' },
      { info: log, warn: log, error: log },
    );
    expect(mailer.enabled).toBe(false);
    const e = renderEmail('check-in', {
      communityName: 'Friendly Project',
      recipientName: null,
      link: 'https://callin.test/x',
    });
    await mailer.send({
      ...e,
      to: { email: 'someone@example.org', name: null },
      messageId: '<1@callin>',
    });
    expect(lines).toHaveLength(1);
    expect(lines[0]!.msg).toContain('email is off');
    expect(JSON.stringify(lines)).not.toContain('someone@example.org');
  });
});
