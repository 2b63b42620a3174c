// Every page, signed out and signed in as each role, including empty, error and form-error
// states: axe reports no WCAG 2.2 A/AA violations in light at a desktop width and in dark at a
// phone's width (where no page may scroll sideways), and no page logs a console error or a
// Content Security Policy violation.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditPage,
  settle,
  ApiClient,
  launchBrowser,
  startServer,
  watchPage,
  type PageProblems,
  type RunningServer,
} from './harness.ts';

const PASSWORD = 'a long and calm passphrase';

let server: RunningServer;
let browser: Browser;
const seed = {
  communityId: '',
  intakeId: '',
  followToken: '',
  inviteToken: '',
  concernId: '',
};
const clients: Record<'operator' | 'organizer' | 'member' | 'ally', ApiClient> = {} as never;

beforeAll(async () => {
  // Jobs run, so notifications reach the app (email stays off: no SMTP_URL).
  server = await startServer({ RUN_JOBS: 'true', JOB_POLL_MS: '200' });
  browser = await launchBrowser();
  const setupToken = (await server.setupLink).split('#')[1] ?? '';
  const op = new ApiClient(server.url);
  await op.call('POST', '/api/setup', {
    token: setupToken,
    email: 'op@example.org',
    password: PASSWORD,
    displayName: 'Olu Operator',
  });
  await op.call('POST', '/api/auth/sign-in', { email: 'op@example.org', password: PASSWORD });
  const c = await op.call<{ id: string }>('POST', '/api/communities', {
    slug: 'rust-meetup',
    name: 'Rust Meetup',
  });
  seed.communityId = c.id;
  const base = `/api/communities/${c.id}`;
  const inv = await op.call<{ token: string }>('POST', `${base}/invitations`, {
    role: 'organizer',
  });
  const org = new ApiClient(server.url);
  await org.call('POST', `/api/invitations/${inv.token}/accept`, {
    email: 'ada@example.org',
    password: PASSWORD,
    displayName: 'Ada Organizer',
  });
  const memberInv = await org.call<{ token: string }>('POST', `${base}/invitations`, {
    role: 'member',
  });
  const member = new ApiClient(server.url);
  await member.call('POST', `/api/invitations/${memberInv.token}/accept`, {
    email: 'mina@example.org',
    password: PASSWORD,
    displayName: 'Mina Member',
  });
  const allyInv = await org.call<{ token: string }>('POST', `${base}/invitations`, {
    role: 'ally',
  });
  const ally = new ApiClient(server.url);
  await ally.call('POST', `/api/invitations/${allyInv.token}/accept`, {
    email: 'ali@example.org',
    password: PASSWORD,
    displayName: 'Ali Ally',
  });
  seed.inviteToken = (
    await org.call<{ token: string }>('POST', `${base}/invitations`, { role: 'ally' })
  ).token;
  seed.intakeId = (await org.call<{ intakeId: string }>('GET', `${base}/settings`)).intakeId;
  await member.call('POST', `${base}/concerns`, {
    what: 'In the meetup chat someone called a design choice "lame".',
    harmed: 'group',
    about: { name: 'Sam_Dev' },
    wants: 'organizers',
    quotes: ['that is so lame'],
    links: ['https://chat.example.org/m/1'],
  });
  const raised = await new ApiClient(server.url).call<{ followToken: string; id: string }>(
    'POST',
    `/api/public/intake/${seed.intakeId}/concerns`,
    {
      what: 'Someone kept talking over newer members in the call.',
      harmed: 'someone-else',
      about: { name: 'Sam_Dev' },
      wants: 'ally',
      anonymous: true,
      urgent: true,
      categories: ['dismissiveness'],
    },
  );
  seed.followToken = raised.followToken;
  seed.concernId = raised.id;
  const answers = {
    categories: ['dismissiveness'],
    immediateDanger: false,
    intent: 'thoughtless',
    publicHarm: 'few',
  };
  await org.call('POST', `${base}/concerns/${raised.id}/triage`, {
    answers,
    decision: 'call-in',
    reason: 'A first time; a kind word in private.',
  });
  await org.call('POST', `${base}/tokens`, { name: 'Weekly report' });
  Object.assign(clients, { operator: op, organizer: org, member, ally });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

type Role = 'public' | 'operator' | 'organizer' | 'member' | 'ally';

async function contextFor(
  role: Role,
): Promise<{ context: BrowserContext; problems: PageProblems }> {
  const context = await browser.newContext();
  const problems = await watchPage(context);
  if (role !== 'public') await context.addCookies(clients[role].cookieFor(server.url));
  return { context, problems };
}

type Step = { label: string; path: string; act?: (page: Page) => Promise<void> };

function pagesFor(role: Role): Step[] {
  const c = `/c/${seed.communityId}`;
  switch (role) {
    case 'public':
      return [
        { label: 'home, signed out', path: '/' },
        { label: 'sign in', path: '/sign-in' },
        {
          label: 'sign in, empty submit',
          path: '/sign-in',
          act: async (p) => {
            await p.getByRole('button', { name: 'Sign in' }).click();
            await p.getByRole('heading', { name: 'Some details need another look' }).waitFor();
          },
        },
        {
          label: 'sign in, wrong password',
          path: '/sign-in',
          act: async (p) => {
            await p.locator('#email').fill('nobody@example.org');
            await p.locator('#password').fill('not the password');
            await p.getByRole('button', { name: 'Sign in' }).click();
            await p.getByRole('heading', { name: 'That did not work' }).waitFor();
          },
        },
        { label: 'setup without a token', path: '/setup' },
        { label: 'setup with a token', path: '/setup#a-token-from-the-console' },
        {
          label: 'setup, short password',
          path: '/setup#a-token-from-the-console',
          act: async (p) => {
            await p.locator('#password').fill('short');
            await p.getByRole('button', { name: 'Create the operator account' }).click();
            await p.getByRole('heading', { name: 'Some details need another look' }).waitFor();
          },
        },
        { label: 'invitation', path: `/invite/${seed.inviteToken}` },
        { label: 'invitation, confirm from email', path: '/invite/confirm/not-a-link-we-sent' },
        { label: 'invitation not found', path: '/invite/this-link-is-not-valid' },
        { label: 'public form', path: `/raise/${seed.intakeId}` },
        {
          label: 'public form, empty submit',
          path: `/raise/${seed.intakeId}`,
          act: async (p) => {
            await p.getByRole('button', { name: 'Send this privately' }).click();
            await p.getByRole('heading', { name: 'Some details need another look' }).waitFor();
          },
        },
        {
          label: 'public form, not anonymous, someone else',
          path: `/raise/${seed.intakeId}`,
          act: async (p) => {
            await p.locator('#anonymous').uncheck();
            await p.getByLabel('Someone else').check();
            await p.locator('#contact').waitFor();
          },
        },
        {
          label: 'public form, sent',
          path: `/raise/${seed.intakeId}`,
          act: async (p) => {
            await p.locator('#what').fill('A joke at the expense of newcomers.');
            await p.locator('#about-name').fill('Sam_Dev');
            await p.getByLabel('I am not sure').check();
            await p.getByLabel('Just keep a record for now').check();
            await p.getByRole('button', { name: 'Send this privately' }).click();
            await p.locator('#follow-url').waitFor();
          },
        },
        { label: 'public form not found', path: '/raise/not-a-real-form' },
        { label: 'follow', path: `/follow/${seed.followToken}` },
        { label: 'follow not found', path: '/follow/this-is-not-a-real-follow-token' },
        { label: 'my concerns, signed out', path: '/my/concerns' },
        { label: 'community, signed out', path: c },
        { label: 'not found', path: '/no/such/page' },
      ];
    case 'operator':
      return [
        { label: 'operator home', path: '/' },
        { label: 'operator community', path: c },
        { label: 'operator invitations', path: `${c}/invitations` },
        { label: 'operator inbox (not allowed)', path: `${c}/inbox` },
        { label: 'operator my concerns (empty)', path: '/my/concerns' },
      ];
    case 'organizer':
      return [
        { label: 'organizer home', path: '/' },
        { label: 'organizer community', path: c },
        { label: 'inbox', path: `${c}/inbox` },
        { label: 'inbox, empty filter', path: `${c}/inbox?status=closed` },
        {
          label: 'inbox, one per page',
          path: `${c}/inbox`,
          act: async (p) => {
            // Page through with a cursor: go to the second page via the API's cursor.
            const r = await p.evaluate(
              async (id) => (await fetch(`/api/communities/${id}/concerns?limit=1`)).json(),
              seed.communityId,
            );
            await p.goto(`${server.url}${c}/inbox?cursor=${encodeURIComponent(r.nextCursor)}`);
          },
        },
        { label: 'concern, decided', path: `${c}/concerns/${seed.concernId}` },
        {
          label: 'concern, rubric errors',
          path: `${c}/concerns/${seed.concernId}`,
          act: async (p) => {
            await p.getByRole('button', { name: 'Change the decision' }).click();
            await p.getByRole('button', { name: 'See the recommendation' }).click();
            await p.getByRole('heading', { name: 'Some details need another look' }).waitFor();
          },
        },
        {
          label: 'concern, recommendation and enforcement decision',
          path: `${c}/concerns/${seed.concernId}`,
          act: async (p) => {
            await p.getByRole('button', { name: 'Change the decision' }).click();
            await p.getByLabel('Harassment', { exact: true }).check();
            await p.getByLabel('Deliberate').check();
            await p.getByLabel('Many people saw it').check();
            await p.getByRole('button', { name: 'See the recommendation' }).click();
            await p.getByRole('heading', { name: /^Recommendation/ }).waitFor();
            await p.getByRole('button', { name: 'Save the decision' }).click();
            await p.locator('#reason-error').waitFor();
          },
        },
        {
          label: 'a record started from a decision',
          path: `${c}/enforcements?concern=${seed.concernId}&step=warning`,
          act: async (p) => {
            await p.locator('#level-warning:checked').waitFor();
          },
        },
        { label: 'concern not found', path: `${c}/concerns/00000000-0000-4000-8000-000000000000` },
        { label: 'members', path: `${c}/members` },
        { label: 'invitations', path: `${c}/invitations` },
        {
          label: 'invitation made',
          path: `${c}/invitations`,
          act: async (p) => {
            await p.getByRole('button', { name: 'Make the link' }).click();
            await p.locator('#invite-url').waitFor();
          },
        },
        {
          label: 'invitations, asked for an organizer',
          path: `${c}/invitations?role=organizer`,
          act: async (p) => {
            // "Invite an organizer" links (a second organizer needed) arrive with the role chosen.
            if (!(await p.locator('#role-organizer').isChecked()))
              throw new Error('?role=organizer did not choose the organizer role');
          },
        },
        { label: 'settings', path: `${c}/settings` },
        {
          label: 'settings, errors',
          path: `${c}/settings`,
          act: async (p) => {
            await p.locator('#settings-followUpDays').fill('0');
            await p.getByRole('button', { name: 'Save settings' }).click();
            await p.getByRole('heading', { name: 'Some details need another look' }).waitFor();
          },
        },
        { label: 'tokens', path: `${c}/tokens` },
        {
          label: 'token made',
          path: `${c}/tokens`,
          act: async (p) => {
            await p.locator('#name').fill('Chat bridge');
            await p.getByRole('button', { name: 'Make token' }).click();
            await p.locator('#new-token-value').waitFor();
          },
        },
        {
          label: 'notifications, with new concerns and the email choice',
          path: '/me/notifications',
          act: async (p) => {
            await p.getByText('A new concern was raised at', { exact: false }).first().waitFor();
            await p.getByRole('link', { name: /Notifications \(\d+ unread\)/ }).waitFor();
            await p.getByLabel('One email a day', { exact: false }).first().check();
            await p
              .getByRole('button', { name: /^Save for/ })
              .first()
              .click();
            await p.getByText('Saved.').waitFor();
          },
        },
        {
          label: 'notifications, all read',
          path: '/me/notifications',
          act: async (p) => {
            await p.getByRole('button', { name: 'Mark all as read' }).click();
            await p.getByText('You have read them all.').waitFor();
          },
        },
        { label: 'organizer raise', path: `${c}/raise` },
        { label: 'organizer ally board', path: `${c}/ally-board` },
        { label: 'community not found', path: '/c/not-a-community' },
      ];
    case 'member':
      return [
        { label: 'member home', path: '/' },
        { label: 'member community', path: c },
        { label: 'member raise', path: `${c}/raise` },
        {
          label: 'member raise, choosing whom it is about',
          path: `${c}/raise`,
          act: async (p) => {
            // The tab keeps the form's draft across visits: start this field afresh.
            await p.locator('#about-name').fill('');
            await p.locator('#about-name').fill('ali');
            await p.getByRole('option', { name: 'Ali Ally' }).waitFor();
            await p.locator('#about-name').press('ArrowDown');
          },
        },
        {
          label: 'member raise, a member chosen',
          path: `${c}/raise`,
          act: async (p) => {
            // The tab keeps the form's draft across visits: start this field afresh.
            await p.locator('#about-name').fill('');
            await p.locator('#about-name').fill('ali');
            await p.getByRole('option', { name: 'Ali Ally' }).waitFor();
            await p.locator('#about-name').press('ArrowDown');
            await p.locator('#about-name').press('Enter');
            await p.getByRole('button', { name: 'Choose someone else' }).waitFor();
          },
        },
        { label: 'member settings (not allowed)', path: `${c}/settings` },
        { label: 'member my concerns', path: '/my/concerns' },
        { label: 'member notifications', path: '/me/notifications' },
        { label: 'member tokens (empty)', path: `${c}/tokens` },
        { label: 'invitation, signed in', path: `/invite/${seed.inviteToken}` },
        { label: 'member ally board (not for members)', path: `${c}/ally-board` },
      ];
    case 'ally':
      return [
        { label: 'ally community', path: c },
        { label: 'ally board', path: `${c}/ally-board` },
        {
          label: 'ally volunteered',
          path: `${c}/ally-board`,
          act: async (p) => {
            await p.getByRole('button', { name: /^Volunteer/ }).click();
            await p.getByRole('heading', { name: 'Thank you for volunteering' }).waitFor();
          },
        },
        { label: 'ally board, nobody waiting', path: `${c}/ally-board` },
      ];
  }
}

describe('accessibility of every page', () => {
  for (const role of ['public', 'operator', 'organizer', 'member', 'ally'] as const) {
    it(`has no axe violations, console errors or CSP violations (${role})`, async () => {
      const { context, problems } = await contextFor(role);
      const page = await context.newPage();
      const violations: string[] = [];
      for (const step of pagesFor(role)) {
        await page.goto(server.url + step.path);
        await settle(page);
        if (step.act) await step.act(page);
        violations.push(...(await auditPage(page, step.label, { darkPhone: true })));
      }
      await context.close();
      expect(violations).toEqual([]);
      expect(problems.list).toEqual([]);
    });
  }
});
