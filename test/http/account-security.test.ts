// Looking after one's own account over real HTTP, with email through a real SMTP server: a
// forgotten password (a link that works once, for thirty minutes, and answers the same whether
// or not the address has an account), a new password (needs the current one), a new email
// address (confirmed from the new address; the old one is told), every step audited without
// the address in the audit log.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clock } from '../../src/domain/common/clock.ts';
import { createJobService, type JobService } from '../../src/jobs/service.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { Client } from '../helpers/client.ts';
import { testDialects } from '../helpers/db.ts';
import { buildCommunity, buildMember, PASSWORD, uniqueEmail } from '../helpers/factories.ts';
import {
  startSmtpCapture,
  type CapturedMail,
  type SmtpCapture,
} from '../integrations/smtp-capture.ts';

class TestClock implements Clock {
  at = Date.parse('2026-12-01T09:00:00.000Z');
  now() {
    return new Date(this.at);
  }
  advanceMinutes(m: number) {
    this.at += m * 60_000;
  }
}

const NEW_PASSWORD = 'a brand new and gentle passphrase';

describe.each(testDialects())('looking after one\u2019s own account on %s', (dialect) => {
  let t: TestApp;
  let smtp: SmtpCapture;
  let jobs: JobService;
  const clock = new TestClock();
  beforeAll(async () => {
    smtp = await startSmtpCapture();
    t = await createTestApp(dialect, {
      clock,
      env: { SMTP_URL: smtp.url, MAIL_FROM: 'Calling In <callin@example.org>' },
    });
    jobs = await createJobService(t.ctx, { integrations: t.integrations });
  });
  afterAll(async () => {
    await jobs.close();
    await t.close();
    await smtp.close();
  });

  /** Runs every job that is due, then answers the mail sent to this address since `from`. */
  async function mailTo(email: string, from = 0): Promise<CapturedMail[]> {
    while ((await jobs.runner.runDue()) > 0);
    return smtp.messages.slice(from).filter((m) => m.to.includes(email));
  }
  const linkIn = (mail: CapturedMail | undefined, path: string) =>
    new RegExp(`/${path}/([A-Za-z0-9_-]+)`).exec(mail?.decoded ?? '')?.[1] ?? '';

  async function person(label: string) {
    const community = await buildCommunity(t);
    const client = await buildMember(t, community.id, 'member', `${label} Person`);
    const row = await t.database.handle.db
      .selectFrom('users')
      .select('email')
      .where('id', '=', client.userId!)
      .executeTakeFirstOrThrow();
    return { client, email: row.email, communityId: community.id };
  }

  async function signIn(email: string, password: string) {
    return new Client(t.app).post('/api/auth/sign-in', { email, password });
  }

  async function auditText(): Promise<string> {
    const rows = await t.database.handle.db.selectFrom('audit_log').selectAll().execute();
    return JSON.stringify(rows);
  }

  it('a forgotten password: the same answer for every address, a link that works once', async () => {
    const { client, email } = await person('Forgetful');
    const other = await new Client(t.app).signIn(email, PASSWORD);
    const mark = smtp.messages.length;
    const anon = new Client(t.app);
    const known = await anon.post('/api/auth/forgot-password', { email: email.toUpperCase() });
    const unknown = await anon.post('/api/auth/forgot-password', {
      email: uniqueEmail('nobody'),
    });
    // No oracle: the same status and the same words.
    expect(known.status).toBe(202);
    expect(unknown.status).toBe(known.status);
    expect(unknown.body).toEqual(known.body);
    const mails = await mailTo(email, mark);
    expect(mails).toHaveLength(1);
    expect(smtp.messages.slice(mark)).toHaveLength(1);
    expect(mails[0]!.subject).toBe('Choose a new password for Calling In');
    const token = linkIn(mails[0], 'reset-password');
    expect(token.length).toBeGreaterThan(20);
    // Only a hash of the link is kept.
    expect(
      JSON.stringify(await t.database.handle.db.selectFrom('account_links').selectAll().execute()),
    ).not.toContain(token);

    expect((await anon.get(`/api/auth/reset-password/${token}`)).status).toBe(200);
    // A weak password is refused by its field, and the link still works.
    const weak = await anon.post(`/api/auth/reset-password/${token}`, { password: 'short' });
    expect(weak.status).toBe(400);
    expect(weak.body.details).toEqual([expect.objectContaining({ field: 'password' })]);
    const done = await anon.post(`/api/auth/reset-password/${token}`, { password: NEW_PASSWORD });
    expect(done.status).toBe(200);
    // Every session of the account ended; the new password works, the old one does not.
    expect((await client.get('/api/me')).status).toBe(401);
    expect((await other.get('/api/me')).status).toBe(401);
    expect((await signIn(email, PASSWORD)).body.code).toBe('invalid_credentials');
    expect((await signIn(email, NEW_PASSWORD)).status).toBe(200);
    // Used once, it is used up.
    const again = await anon.post(`/api/auth/reset-password/${token}`, { password: PASSWORD });
    expect(again.status).toBe(404);
    expect(again.body.code).toBe('reset_link_invalid');
    expect((await anon.get(`/api/auth/reset-password/${token}`)).body.code).toBe(
      'reset_link_invalid',
    );
    // The account is told its password changed.
    const told = await mailTo(email, mark);
    expect(told.map((m) => m.subject)).toContain('Your Calling In password was changed');
    // Audited, without the address.
    const audit = await auditText();
    expect(audit).toContain('account.reset-request');
    expect(audit).toContain('account.password-reset');
    expect(audit).not.toContain(email);
  });

  it('a reset link expires after thirty minutes, and a newer one retires the older', async () => {
    const { email } = await person('Late');
    const anon = new Client(t.app);
    let mark = smtp.messages.length;
    await anon.post('/api/auth/forgot-password', { email });
    const first = linkIn((await mailTo(email, mark))[0], 'reset-password');
    mark = smtp.messages.length;
    await anon.post('/api/auth/forgot-password', { email });
    const second = linkIn((await mailTo(email, mark))[0], 'reset-password');
    expect(second).not.toBe(first);
    const retired = await anon.post(`/api/auth/reset-password/${first}`, {
      password: NEW_PASSWORD,
    });
    expect(retired.body.code).toBe('reset_link_invalid');
    clock.advanceMinutes(31);
    const late = await anon.post(`/api/auth/reset-password/${second}`, { password: NEW_PASSWORD });
    expect(late.body.code).toBe('reset_link_invalid');
    expect((await signIn(email, PASSWORD)).status).toBe(200);
    expect((await signIn(email, NEW_PASSWORD)).status).toBe(401);
  });

  it('asking about one address is limited, whether or not it has an account', async () => {
    const { email } = await person('Limited');
    for (const address of [email, uniqueEmail('ghost')]) {
      const codes: number[] = [];
      for (let i = 0; i < 6; i++) {
        codes.push(
          (await new Client(t.app).post('/api/auth/forgot-password', { email: address })).status,
        );
      }
      expect(codes).toEqual([202, 202, 202, 202, 202, 429]);
    }
  });

  it('a new password needs the current one, and signs out the other browsers only', async () => {
    const { client, email } = await person('Changer');
    const other = await new Client(t.app).signIn(email, PASSWORD);
    const wrong = await client.post('/api/me/password', {
      currentPassword: 'not my password at all',
      newPassword: NEW_PASSWORD,
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.details).toEqual([expect.objectContaining({ field: 'currentPassword' })]);
    expect((await other.get('/api/me')).status).toBe(200);
    expect((await signIn(email, PASSWORD)).status).toBe(200);
    const weak = await client.post('/api/me/password', {
      currentPassword: PASSWORD,
      newPassword: email,
    });
    expect(weak.body.details).toEqual([expect.objectContaining({ field: 'newPassword' })]);

    const mark = smtp.messages.length;
    const ok = await client.post('/api/me/password', {
      currentPassword: PASSWORD,
      newPassword: NEW_PASSWORD,
    });
    expect(ok.status).toBe(200);
    expect(ok.body.sessionsEnded).toBe(2); // the other browser, and the check sign-in above
    expect((await client.get('/api/me')).status).toBe(200);
    expect((await other.get('/api/me')).status).toBe(401);
    expect((await signIn(email, NEW_PASSWORD)).status).toBe(200);
    expect((await mailTo(email, mark)).map((m) => m.subject)).toEqual([
      'Your Calling In password was changed',
    ]);
    const audit = await auditText();
    expect(audit).toContain('account.password-change');
    expect(audit).not.toContain(email);
  });

  it('a new email address takes effect only from the link sent to it, and the old one is told', async () => {
    const { client, email } = await person('Mover');
    const taken = (await person('Holder')).email;
    const next = uniqueEmail('moved');
    const wrong = await client.post('/api/me/email', {
      password: 'not my password',
      newEmail: next,
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.details).toEqual([expect.objectContaining({ field: 'password' })]);
    const same = await client.post('/api/me/email', { password: PASSWORD, newEmail: email });
    expect(same.body.details).toEqual([expect.objectContaining({ field: 'newEmail' })]);

    // An address another account has: the same answer, and nothing is sent to it.
    let mark = smtp.messages.length;
    const toTaken = await client.post('/api/me/email', { password: PASSWORD, newEmail: taken });
    const toNext = await client.post('/api/me/email', { password: PASSWORD, newEmail: next });
    expect(toTaken.status).toBe(202);
    expect(toTaken.body).toEqual(toNext.body);
    expect(toNext.status).toBe(202);
    expect(await mailTo(taken, mark)).toEqual([]);
    const confirm = await mailTo(next, mark);
    expect(confirm.map((m) => m.subject)).toEqual([
      'Confirm your new email address for Calling In',
    ]);
    const token = linkIn(confirm[0], 'confirm-email');
    // Nothing changed yet.
    expect((await signIn(next, PASSWORD)).status).toBe(401);
    expect((await client.get('/api/me')).body.user.email).toBe(email);

    mark = smtp.messages.length;
    const anon = new Client(t.app);
    expect((await anon.post(`/api/auth/confirm-email/${token}`)).status).toBe(200);
    expect((await client.get('/api/me')).body.user.email).toBe(next);
    expect((await signIn(next, PASSWORD)).status).toBe(200);
    expect((await signIn(email, PASSWORD)).status).toBe(401);
    const told = await mailTo(email, mark);
    expect(told.map((m) => m.subject)).toEqual(['Your Calling In account has a new email address']);
    expect(told[0]!.decoded).not.toContain(next);
    const reused = await anon.post(`/api/auth/confirm-email/${token}`);
    expect(reused.status).toBe(404);
    expect(reused.body.code).toBe('email_link_invalid');
    const audit = await auditText();
    expect(audit).toContain('account.email-change');
    for (const address of [email, next, taken]) expect(audit).not.toContain(address);
  });

  it('a confirmation link expires, and cannot take an address someone took meanwhile', async () => {
    const { client } = await person('Slow');
    const next = uniqueEmail('later');
    let mark = smtp.messages.length;
    await client.post('/api/me/email', { password: PASSWORD, newEmail: next });
    const token = linkIn((await mailTo(next, mark))[0], 'confirm-email');
    clock.advanceMinutes(24 * 60 + 1);
    expect((await client.post(`/api/auth/confirm-email/${token}`)).body.code).toBe(
      'email_link_invalid',
    );

    const wanted = uniqueEmail('wanted');
    mark = smtp.messages.length;
    await client.post('/api/me/email', { password: PASSWORD, newEmail: wanted });
    const second = linkIn((await mailTo(wanted, mark))[0], 'confirm-email');
    // Someone else makes an account with that address before the link is opened.
    const community = await buildCommunity(t);
    const taker = await buildMember(t, community.id, 'member', 'Quick Taker');
    await t.database.handle.db
      .updateTable('users')
      .set({ email: wanted })
      .where('id', '=', taker.userId!)
      .execute();
    const late = await client.post(`/api/auth/confirm-email/${second}`);
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('email_taken');
  });

  it('only a signed-in person changes their own account: never an API token', async () => {
    const { client, communityId } = await person('Scripted');
    const made = await client.post(`/api/communities/${communityId}/tokens`, { name: 'script' });
    expect(made.status).toBe(201);
    const bot = new Client(t.app);
    bot.bearer = made.body.token;
    const pw = await bot.post('/api/me/password', {
      currentPassword: PASSWORD,
      newPassword: NEW_PASSWORD,
    });
    expect(pw.body.code).toBe('forbidden');
    const mail = await bot.post('/api/me/email', { password: PASSWORD, newEmail: uniqueEmail() });
    expect(mail.body.code).toBe('forbidden');
    const nobody = await new Client(t.app).post('/api/me/password', {
      currentPassword: PASSWORD,
      newPassword: NEW_PASSWORD,
    });
    expect(nobody.status).toBe(401);
  });
});

describe.each(testDialects())('asking for reset links from one address on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect, { env: { RATE_LIMIT_SIGN_IN: '3' } });
  });
  afterAll(async () => t.close());

  it('slows down one address asking about many accounts', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 4; i++) {
      const r = await new Client(t.app).post('/api/auth/forgot-password', {
        email: uniqueEmail('many'),
      });
      codes.push(r.status);
    }
    expect(codes).toEqual([202, 202, 202, 429]);
  });
});
