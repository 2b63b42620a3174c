// Rule 9, when nobody is left to handle a case (issue 9): every organizer is excluded from a
// concern. Besides the reporter's notice on their follow link, the operators hear of it (that a
// concern waits in that community, nothing of it) and so do the organizers who declared a
// conflict on it, in the app and by email; the person it is about and anyone the reporter
// excluded are never told that the case exists.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJobService, type JobService } from '../../src/jobs/service.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { notifications } from '../helpers/call-ins.ts';
import type { Client } from '../helpers/client.ts';
import { testDialects } from '../helpers/db.ts';
import { buildCommunity, buildConcern, buildMember, buildOperator } from '../helpers/factories.ts';
import { startSmtpCapture, type SmtpCapture } from '../integrations/smtp-capture.ts';

const PLANTED = 'Periwinkle-narrative-7731';
const TEMPLATES = ['case-needs-organizer', 'case-needs-organizer-operator'];

describe.each(testDialects())('nobody left to handle a case on %s', (dialect) => {
  let t: TestApp;
  let smtp: SmtpCapture;
  let jobs: JobService;
  let operator: Client;
  const emailOf = async (c: Client) => (await t.ctx.store.repos.users.findById(c.userId!))!.email;
  const mailsTo = async (c: Client) => {
    const email = await emailOf(c);
    return smtp.messages.filter((m) => m.to.includes(email));
  };
  async function drain() {
    while ((await jobs.runner.runDue()) > 0);
    await new Promise((r) => setTimeout(r, 150));
  }
  /** Who was told that a concern has nobody left, by user id. */
  const told = async () =>
    (await notifications(t))
      .filter((n) => TEMPLATES.includes(n.template))
      .map((n) => [n.template, n.to.userId]);
  const noticesOf = async (c: Client) =>
    (
      (await c.get('/api/me/notifications')).body.items as { template: string; text: string }[]
    ).filter((n) => TEMPLATES.includes(n.template));

  beforeAll(async () => {
    smtp = await startSmtpCapture();
    t = await createTestApp(dialect, {
      env: { SMTP_URL: smtp.url, MAIL_FROM: 'Calling In <callin@example.org>' },
    });
    jobs = await createJobService(t.ctx, { integrations: t.integrations });
    operator = await buildOperator(t);
  });
  afterAll(async () => {
    await jobs.close();
    await t.close();
    await smtp.close();
  });

  it('tells the operator, without the case, when the only organizer is its subject', async () => {
    const community = await buildCommunity(t, 'Lonely Project');
    const bea = await buildMember(t, community.id, 'organizer', 'Bea Organizer');
    const rosa = await buildMember(t, community.id, 'member', 'Rosa Reporter');
    await buildConcern(rosa, community.id, {
      what: `It happened in the thread: ${PLANTED}`,
      about: { userId: bea.userId },
    });
    expect(await told()).toEqual([['case-needs-organizer-operator', operator.userId]]);
    await drain();
    // By email: which community, and what to do; nothing of the case, nobody's name.
    const mails = await mailsTo(operator);
    expect(mails).toHaveLength(1);
    const mail = mails[0]!;
    expect(mail.subject).toBe('An update from Lonely Project');
    expect(mail.decoded).toContain('has no organizer who can handle it');
    expect(mail.decoded).toContain('independent organizer');
    for (const secret of [PLANTED, 'Rosa', 'Bea']) expect(mail.raw).not.toContain(secret);
    // In the app too, in one line.
    const notices = await noticesOf(operator);
    expect(notices.map((n) => n.text)).toEqual([
      'A concern in Lonely Project has no organizer who can handle it; invite an independent organizer.',
    ]);
    // The person it is about hears nothing of it, by email or in the app.
    expect(await noticesOf(bea)).toEqual([]);
    expect(await mailsTo(bea)).toEqual([]);
  });

  it('tells the organizers who declared a conflict, never the subject or the excluded', async () => {
    const community = await buildCommunity(t, 'Careful Project');
    const ada = await buildMember(t, community.id, 'organizer', 'Ada Organizer');
    const bea = await buildMember(t, community.id, 'organizer', 'Bea Organizer');
    const cy = await buildMember(t, community.id, 'organizer', 'Cy Organizer');
    const rosa = await buildMember(t, community.id, 'member', 'Rosa Reporter');
    const sam = await buildMember(t, community.id, 'member', 'Sam Member');
    const api = `/api/communities/${community.id}`;
    // Rosa keeps Bea away; Ada and Cy may handle it.
    const c = await buildConcern(rosa, community.id, {
      what: `It happened: ${PLANTED}`,
      about: { userId: sam.userId },
      exclude: [bea.userId],
    });
    expect(await told()).toHaveLength(1); // only the first test's
    // Ada steps back: Cy is still there, so nobody needs telling.
    expect((await ada.post(`${api}/concerns/${c.id}/conflict`)).status).toBe(201);
    expect(await told()).toHaveLength(1);
    // Cy steps back too: nobody is left. Ada and Cy hear of it, and the operator.
    expect((await cy.post(`${api}/concerns/${c.id}/conflict`)).status).toBe(201);
    const now = (await told()).slice(1);
    expect(now).toEqual(
      expect.arrayContaining([
        ['case-needs-organizer', ada.userId],
        ['case-needs-organizer', cy.userId],
        ['case-needs-organizer-operator', operator.userId],
      ]),
    );
    expect(now).toHaveLength(3);
    await drain();
    for (const who of [ada, cy]) {
      const mails = await mailsTo(who);
      expect(
        mails.filter((m) => m.decoded.includes('no organizer who can handle it')),
      ).toHaveLength(1);
      for (const m of mails) expect(m.raw).not.toContain(PLANTED);
      expect((await noticesOf(who)).map((n) => n.template)).toEqual(['case-needs-organizer']);
    }
    // Bea, whom the reporter excluded, and Sam, whom it is about, are never told it exists.
    for (const who of [bea, sam]) {
      expect(await noticesOf(who)).toEqual([]);
      for (const m of await mailsTo(who)) expect(m.decoded).not.toContain('no organizer');
    }
    // Told once: the follow link still says so to the reporter, and nothing is queued again.
    expect((await told()).length).toBe(4);
  });

  it('tells them when a demotion leaves nobody who can handle it', async () => {
    const community = await buildCommunity(t, 'Changing Project');
    const ada = await buildMember(t, community.id, 'organizer', 'Ada Organizer');
    const bea = await buildMember(t, community.id, 'organizer', 'Bea Organizer');
    const rosa = await buildMember(t, community.id, 'member', 'Rosa Reporter');
    const sam = await buildMember(t, community.id, 'member', 'Sam Member');
    await buildConcern(rosa, community.id, {
      about: { userId: sam.userId },
      exclude: [bea.userId],
    });
    const count = (await told()).length;
    // Bea, whom the reporter kept away, makes Ada a member: nobody is left to handle it.
    const demoted = await bea.request(
      'PATCH',
      `/api/communities/${community.id}/members/${ada.userId}`,
      {
        role: 'member',
      },
    );
    expect(demoted.status).toBe(200);
    // The operator hears; Bea (excluded) and Ada (no conflict declared, no longer staff) do not.
    expect((await told()).slice(count)).toEqual([
      ['case-needs-organizer-operator', operator.userId],
    ]);
  });

  it('never tells an operator who is the subject or was excluded', async () => {
    const community = await buildCommunity(t, 'Operator Project');
    const bea = await buildMember(t, community.id, 'organizer', 'Bea Organizer');
    const rosa = await buildMember(t, community.id, 'member', 'Rosa Reporter');
    // The operator is a member here, and the concern is about them; Rosa keeps Bea away.
    const joined = await t.ctx.store.repos.memberships.find(community.id, operator.userId!);
    if (!joined)
      await t.ctx.store.repos.memberships.insert({
        communityId: community.id,
        userId: operator.userId!,
        role: 'member',
        createdAt: new Date().toISOString(),
      });
    const count = (await told()).length;
    await buildConcern(rosa, community.id, {
      about: { userId: operator.userId },
      exclude: [bea.userId],
    });
    expect((await told()).slice(count)).toEqual([]);
  });

  it('tells the operator when linking the only organizer as the subject leaves nobody', async () => {
    const community = await buildCommunity(t, 'Linked Later');
    const cy = await buildMember(t, community.id, 'organizer', 'Cy Organizer');
    const rosa = await buildMember(t, community.id, 'member', 'Rosa Reporter');
    const concern = await buildConcern(rosa, community.id, { about: { name: 'cy' } });
    const before = (await told()).length;
    // Cy, the only organizer, sees it is about them and links it honestly.
    const linked = await cy.request(
      'PUT',
      `/api/communities/${community.id}/concerns/${concern.id}/subject`,
      { userId: cy.userId },
    );
    expect(linked.status).toBe(200);
    expect((await told()).slice(before)).toEqual([
      ['case-needs-organizer-operator', operator.userId],
    ]);
    expect(await noticesOf(cy)).toEqual([]);
  });
});
