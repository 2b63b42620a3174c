// Looking after one's own account in a real browser, with email through a real SMTP server:
// a forgotten password from the sign-in page to a new password, a used link, a new password
// and a new email address from the account page, and signing out everywhere. Each state is
// checked with axe, in light and dark, and the forms are filled from the keyboard.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpCapture, type SmtpCapture } from '../integrations/smtp-capture.ts';
import {
  ApiClient,
  auditPage,
  E2E_PASSWORD,
  launchBrowser,
  settle,
  startServer,
  watchPage,
  type RunningServer,
} from './harness.ts';

const NEW_PASSWORD = 'a new and gentle passphrase';

let server: RunningServer;
let browser: Browser;
let smtp: SmtpCapture;
let communityId = '';
let organizer: ApiClient;

beforeAll(async () => {
  smtp = await startSmtpCapture();
  server = await startServer({
    SMTP_URL: smtp.url,
    MAIL_FROM: 'Calling In <callin@example.org>',
    RUN_JOBS: 'true',
    JOB_POLL_MS: '50',
  });
  browser = await launchBrowser();
  const setupToken = (await server.setupLink).split('#')[1] ?? '';
  const op = new ApiClient(server.url);
  await op.call('POST', '/api/setup', {
    token: setupToken,
    email: 'op@example.org',
    password: E2E_PASSWORD,
    displayName: 'Olu Operator',
  });
  await op.call('POST', '/api/auth/sign-in', { email: 'op@example.org', password: E2E_PASSWORD });
  communityId = (
    await op.call<{ id: string }>('POST', '/api/communities', {
      slug: 'book-club',
      name: 'Book Club',
    })
  ).id;
  const inv = await op.call<{ token: string }>(
    'POST',
    `/api/communities/${communityId}/invitations`,
    { role: 'organizer' },
  );
  organizer = new ApiClient(server.url);
  await joinByEmail(organizer, inv.token, 'ada@example.org', 'Ada Organizer');
});

/**
 * Accepts an invitation signed out: email is sent here, so the account is made from the link
 * the address is sent (issue 9: accepting tells nobody whether the address has an account).
 */
async function joinByEmail(client: ApiClient, token: string, email: string, name: string) {
  const before = smtp.messages.length;
  const pending = await client.call('POST', `/api/invitations/${token}/accept`, {
    email,
    password: E2E_PASSWORD,
    displayName: name,
  });
  expect(pending).toEqual({ status: 'check-email' });
  const link = await linkSentTo(email, 'invite/confirm', before);
  await client.call('POST', '/api/invitations/confirm', { token: link.split('/').at(-1) });
}

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await smtp?.close();
});

async function newMember(email: string): Promise<void> {
  const inv = await organizer.call<{ token: string }>(
    'POST',
    `/api/communities/${communityId}/invitations`,
    { role: 'member' },
  );
  await joinByEmail(new ApiClient(server.url), inv.token, email, 'Mina Member');
}

async function linkSentTo(email: string, path: string, after: number): Promise<string> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const mail = smtp.messages.slice(after).find((m) => m.to.includes(email));
    const m = mail ? new RegExp(`(/${path}/[A-Za-z0-9_-]+)`).exec(mail.decoded) : null;
    if (m?.[1]) return m[1];
    if (Date.now() > deadline) throw new Error(`No ${path} email reached ${email}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Types into a field from the keyboard, as a person would after tabbing to it. */
async function type(page: Page, id: string, text: string) {
  await page.locator(`#${id}`).focus();
  await page.keyboard.type(text);
}

describe('looking after one\u2019s own account in the browser', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    it(`forgot password, new password, new email, sign out everywhere (${colorScheme})`, async () => {
      const email = `mina.${colorScheme}@example.org`;
      const moved = `mina.${colorScheme}.new@example.org`;
      await newMember(email);
      const context = await browser.newContext({ colorScheme });
      const problems = await watchPage(context);
      const page = await context.newPage();
      const found: string[] = [];
      const audit = async (label: string) =>
        found.push(...(await auditPage(page, `${label} (${colorScheme})`)));

      // From the sign-in page to the forgotten-password form, by keyboard.
      await page.goto(`${server.url}/sign-in`);
      await settle(page);
      await page.getByRole('link', { name: 'Forgot your password?' }).focus();
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { level: 1, name: 'Forgot your password?' }).waitFor();
      await audit('forgot password');
      await page.getByRole('button', { name: 'Send me a link' }).click();
      await page.getByRole('heading', { name: 'Some details need another look' }).waitFor();
      await audit('forgot password, empty');
      const mark = smtp.messages.length;
      await type(page, 'email', email);
      await page.keyboard.press('Enter');
      await page.locator('.notice-done').getByText('is on its way').waitFor();
      await audit('forgot password, sent');

      // The emailed link: a short password is refused by its field, then the new one is set.
      const reset = await linkSentTo(email, 'reset-password', mark);
      await page.goto(server.url + reset);
      await page.getByRole('heading', { level: 1, name: 'Choose a new password' }).waitFor();
      await settle(page);
      await audit('reset password');
      await type(page, 'password', 'short');
      await page.keyboard.press('Enter');
      await page.locator('#password-error').waitFor();
      await audit('reset password, too short');
      await page.locator('#password').fill('');
      await type(page, 'password', NEW_PASSWORD);
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { level: 1, name: 'Your new password is set' }).waitFor();
      await audit('reset password, done');
      await page.goto(server.url + reset);
      await page.getByRole('heading', { level: 1, name: 'This link has run out' }).waitFor();
      await audit('reset password, used link');

      // Sign in with it, then the account page.
      await page.goto(`${server.url}/sign-in`);
      await settle(page);
      await type(page, 'email', email);
      await type(page, 'password', NEW_PASSWORD);
      await page.keyboard.press('Enter');
      await page.waitForURL(`${server.url}/`);
      await page.goto(`${server.url}/account`);
      await page.getByRole('heading', { name: 'Change your password' }).waitFor();
      await audit('account');

      // A wrong current password is said by that field; the right one changes it.
      await type(page, 'current-password', 'not my password at all');
      await type(page, 'new-password', E2E_PASSWORD);
      await page.getByRole('button', { name: 'Change password' }).click();
      await page.locator('#current-password-error').waitFor();
      expect(await page.locator('#current-password-error').textContent()).toContain(
        'not your current password',
      );
      await audit('account, wrong current password');
      await page.locator('#current-password').fill(NEW_PASSWORD);
      await page.getByRole('button', { name: 'Change password' }).click();
      await page.locator('.notice-done').getByText('Your password is changed.').waitFor();
      await audit('account, password changed');

      // A new address, confirmed from the link sent to it.
      const before = smtp.messages.length;
      await type(page, 'new-email', moved);
      await type(page, 'email-password', E2E_PASSWORD);
      await page.getByRole('button', { name: 'Send a link to the new address' }).click();
      await page.locator('.notice-done').getByText('a link to confirm it is on its way').waitFor();
      await audit('account, email link sent');
      const confirm = await linkSentTo(moved, 'confirm-email', before);
      await page.goto(server.url + confirm);
      await settle(page);
      await audit('confirm email');
      await page.getByRole('button', { name: 'Confirm this address' }).click();
      await page
        .getByRole('heading', { level: 1, name: 'Your new email address is confirmed' })
        .waitFor();
      await audit('confirm email, done');
      await page.goto(`${server.url}/account`);
      await page.getByText(`(${moved})`).waitFor();

      // Signing out everywhere lands on the sign-in page, signed out.
      await page.getByRole('button', { name: 'Sign out everywhere' }).click();
      await page.waitForURL(`${server.url}/sign-in`);
      const me = await page.evaluate(async () => (await fetch('/api/me')).status);
      expect(me).toBe(401);

      await context.close();
      expect(found).toEqual([]);
      expect(problems.list).toEqual([]);
    });
  }
});
