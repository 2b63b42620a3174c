// The call-in pages (issue 3) in the browser. The data is set up through the API, as
// test/http/call-in-story.test.ts does it; the private links come from the API's answers.
// 1. Keyboard only: the harmed reporter opens their own follow link and answers the consent
//    question there with a condition (issue 10: no address is asked for or used); the member, who
//    has no account, opens the one-time handover link (their browser claims it) and answers
//    "I understand and will change".
// 2. Every new page and state: axe with no WCAG 2.2 A/AA violations, one h1, a page title, and
//    no console error or CSP violation.
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
  setUpCommunity,
} from './harness.ts';

let server: RunningServer;
let browser: Browser;
const seed = { communityId: '', concernId: '', callInId: '', followToken: '', memberPath: '' };
/** The claim the member's browser got on first opening their link (rule 10). */
let memberClaim: Awaited<ReturnType<BrowserContext['cookies']>> = [];
const clients: Record<'organizer' | 'ally' | 'member', ApiClient> = {} as never;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  const community = await setUpCommunity(server, 'rust-meetup', 'Rust Meetup');
  seed.communityId = community.id;
  const base = `/api/communities/${community.id}`;
  const { join } = community;
  const op = community.operator;
  clients.organizer = await join(op, 'organizer', 'ada@example.org', 'Ada Organizer');
  clients.ally = await join(clients.organizer, 'ally', 'ali@example.org', 'Ali Ally');
  clients.member = await join(clients.organizer, 'member', 'mina@example.org', 'Mina Member');

  // A stranger who was harmed asks for an ally through the public form (no account).
  const { intakeId } = await clients.organizer.call<{ intakeId: string }>(
    'GET',
    `${base}/settings`,
  );
  const raised = await new ApiClient(server.url).call<{ id: string; followToken: string }>(
    'POST',
    `/api/public/intake/${intakeId}/concerns`,
    {
      what: 'In the review thread Sam wrote "hey guys, this is a no-brainer".',
      harmed: 'me',
      about: { name: 'Sam_Dev' },
      wants: 'ally',
      quotes: ['hey guys, this is a no-brainer'],
      categories: ['inconsiderate-language'],
    },
  );
  seed.concernId = raised.id;
  seed.followToken = raised.followToken;
  await clients.organizer.call('POST', `${base}/concerns/${raised.id}/triage`, {
    answers: {
      categories: ['inconsiderate-language'],
      immediateDanger: false,
      intent: 'thoughtless',
      publicHarm: 'few',
    },
    decision: 'call-in',
    reason: 'A first time; a kind word in private.',
  });
  const taken = await clients.ally.call<{ id: string }>(
    'POST',
    `${base}/ally-board/${raised.id}/volunteer`,
    {},
  );
  seed.callInId = taken.id;
  // The reporter has no account: they answer through their follow link.
  const asked = await clients.ally.call<{ viaFollowLink: boolean }>(
    'POST',
    `${base}/call-ins/${taken.id}/consent-request`,
    {},
  );
  expect(asked.viaFollowLink).toBe(true);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

// ---- keyboard helpers (as in keyboard.test.ts) ----------------------------------------------

async function focused(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el) return { id: '', text: '', outline: false };
    const s = getComputedStyle(el);
    return {
      id: el.id,
      text: (el.innerText || el.getAttribute('aria-label') || '').trim(),
      outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2,
    };
  });
}

async function tabTo(page: Page, target: { id?: string; text?: string }) {
  for (let i = 0; i < 120; i++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    if ((target.id && f.id === target.id) || (target.text && f.text === target.text)) {
      expect(f.outline, `visible focus on #${f.id} "${f.text}"`).toBe(true);
      return;
    }
  }
  throw new Error(`Could not reach ${JSON.stringify(target)} with the keyboard on ${page.url()}`);
}

async function heading(page: Page, text: string) {
  await page.getByRole('heading', { level: 1, name: text }).waitFor({ timeout: 15_000 });
}

describe('call-in pages', () => {
  it('keyboard only: consent with a condition, then "I understand and will change"', async () => {
    const context = await browser.newContext();
    const problems = await watchPage(context);

    // The harmed person opens their own follow link; the question waits there. They agree,
    // allowing the quote to be shared.
    const harmed = await context.newPage();
    await harmed.goto(`${server.url}/follow/${seed.followToken}`);
    await heading(harmed, 'Your concern');
    await harmed.getByRole('heading', { level: 2, name: 'A question for you' }).waitFor();
    await tabTo(harmed, { id: 'answer-agree' });
    await harmed.keyboard.press('ArrowDown');
    expect((await focused(harmed)).id).toBe('answer-conditions');
    await tabTo(harmed, { id: 'mayShareQuotes' });
    await harmed.keyboard.press('Space');
    await tabTo(harmed, { id: 'note' });
    await harmed.keyboard.type('Please keep it gentle.');
    await tabTo(harmed, { text: 'Send my answer' });
    await harmed.keyboard.press('Enter');
    await harmed.getByText('Your answer is saved').first().waitFor({ timeout: 15_000 });
    await harmed.screenshot({ path: '/tmp/callin-consent.png', fullPage: true });

    const ci = `/api/communities/${seed.communityId}/call-ins/${seed.callInId}`;
    const detail = await clients.ally.call<{ consent: { status: string; conditions: unknown } }>(
      'GET',
      ci,
    );
    expect(detail.consent).toMatchObject({
      status: 'given',
      conditions: { mayMentionMe: false, mayShareQuotes: true, note: 'Please keep it gentle.' },
    });

    // The ally writes to the member in a private thread. The member has no account or email, so
    // the answer carries a one-time handover link to share (never the link itself otherwise).
    await clients.ally.call('PUT', `${ci}/channel`, { channel: 'in-app' });
    const sent = await clients.ally.call<{
      delivery: string;
      handover: { claimed: boolean; url: string };
    }>('POST', `${ci}/messages`, {
      text: 'Hi Sam, could we talk privately about "hey guys" in the review? How did you mean it?',
    });
    expect(sent).toMatchObject({ delivery: 'handover', handover: { claimed: false } });
    seed.memberPath = new URL(sent.handover.url).pathname;
    expect(seed.memberPath).toMatch(/^\/called-in\//);

    // The member opens it in their own browser (which claims it) and answers simply.
    const memberContext = await browser.newContext();
    const memberProblems = await watchPage(memberContext);
    const member = await memberContext.newPage();
    await member.goto(server.url + seed.memberPath);
    await heading(member, 'A private conversation');
    expect(await member.locator('main').innerText()).not.toMatch(/Rosa|reporter/i);
    await tabTo(member, { text: 'I understand and will change' });
    await member.keyboard.press('Enter');
    await member.getByText('They know you understand and will change').first().waitFor();
    await member.screenshot({ path: '/tmp/callin-called-in.png', fullPage: true });
    const after = await clients.ally.call<{
      memberState: string;
      status: string;
      handover: unknown;
    }>('GET', ci);
    expect(after).toMatchObject({
      memberState: 'will-change',
      status: 'in-conversation',
      handover: { claimed: true, url: null },
    });
    memberClaim = (await memberContext.cookies()).filter((c) => c.name.startsWith('callin_claim_'));
    expect(memberClaim).toHaveLength(1);

    await memberContext.close();
    await context.close();
    expect(problems.list).toEqual([]);
    expect(memberProblems.list).toEqual([]);
  });

  // Before the walk below, which takes the call-in on to enforcement.
  it('has no axe violations on the follow page consent question and a claimed link', async () => {
    const steps: Step[] = [
      { label: 'follow, the consent question answered', path: `/follow/${seed.followToken}` },
      {
        label: 'follow, withdrawal asked',
        path: `/follow/${seed.followToken}`,
        act: async (p) => {
          await p.getByRole('button', { name: 'Withdraw my agreement' }).click();
          await p.getByRole('button', { name: 'Yes, stop everything now' }).waitFor();
        },
      },
      { label: 'called in, link claimed by another browser', path: seed.memberPath, fresh: true },
    ];
    const violations: string[] = [];
    const { context, problems } = await contextFor('public');
    const page = await context.newPage();
    for (const step of steps) {
      if (step.fresh) {
        // Another browser, without the member's claim.
        const other = await browser.newContext();
        const otherPage = await other.newPage();
        await otherPage.goto(server.url + step.path);
        await settle(otherPage);
        await otherPage.getByRole('heading', { name: 'This link is in use elsewhere' }).waitFor();
        violations.push(...(await auditPage(otherPage, `public: ${step.label}`)));
        await other.close();
        continue;
      }
      await page.goto(server.url + step.path);
      await settle(page);
      if (step.act) await step.act(page);
      violations.push(...(await auditPage(page, `public: ${step.label}`)));
    }
    await context.close();
    expect(violations).toEqual([]);
    expect(problems.list).toEqual([]);
  });

  // About thirty pages, each checked by axe: under a loaded machine this takes longer than the
  // default timeout.
  it('has no axe violations, console errors or CSP violations on the new pages', async () => {
    const c = `/c/${seed.communityId}`;
    const ci = `${c}/call-ins/${seed.callInId}`;
    const api = `/api/communities/${seed.communityId}`;
    const runs: { role: 'public' | 'organizer' | 'ally' | 'member'; steps: Step[] }[] = [
      {
        role: 'public',
        steps: [
          { label: 'consent, given', path: `/consent/${seed.followToken}` },
          {
            label: 'consent, empty answer',
            path: `/consent/${seed.followToken}`,
            act: async (p) => {
              await p.getByRole('button', { name: 'Send my answer' }).click();
              await p.getByRole('heading', { name: 'Some details need another look' }).waitFor();
            },
          },
          {
            label: 'consent, with conditions and withdraw asked',
            path: `/consent/${seed.followToken}`,
            act: async (p) => {
              await p.getByLabel('Yes, with conditions').check();
              await p.getByRole('button', { name: 'Withdraw my agreement' }).click();
              await p.getByRole('button', { name: 'Yes, stop everything now' }).waitFor();
            },
          },
          { label: 'consent not found', path: '/consent/this-link-is-not-a-real-token' },
          { label: 'called in', path: seed.memberPath },
          {
            label: 'called in, empty reply',
            path: seed.memberPath,
            act: async (p) => {
              await p.getByRole('button', { name: 'Send reply' }).click();
              await p.getByRole('heading', { name: 'Some details need another look' }).waitFor();
            },
          },
          {
            label: 'called in, the reply coach without an account',
            path: seed.memberPath,
            act: async (p) => {
              await p.locator('#text').fill('Sorry if anyone was offended.');
              await p.getByRole('button', { name: 'Check my reply' }).click();
              await p.getByRole('heading', { name: 'What the coach noticed' }).waitFor();
              expect(await p.locator('main').innerText()).toContain('if anyone was offended');
            },
          },
          { label: 'called in not found', path: '/called-in/this-link-is-not-a-real-token' },
          {
            label: 'called in, link claimed by another browser',
            path: seed.memberPath,
            fresh: true,
          },
          { label: 'account, signed out', path: '/account' },
          { label: 'my enforcement, signed out', path: `/me/enforcements/${seed.callInId}` },
        ],
      },
      {
        role: 'ally',
        steps: [
          { label: 'ally call-ins', path: `${c}/call-ins` },
          { label: 'ally call-in', path: ci },
          {
            label: 'ally call-in, draft advice',
            path: ci,
            act: async (p) => {
              const draft = 'Sam, you are always so rude. Apologise publicly.';
              await p.locator('#draft').fill(draft);
              await p.getByRole('button', { name: 'Save and get advice' }).click();
              await p.locator('#draft-advice').waitFor();
              // The draft becomes the message, and the coach reads the message as edited.
              expect(await p.locator('#message').inputValue()).toBe(draft);
              await p.locator('#message').fill(`${draft} Nice job, genius.`);
              await p.locator('#message-advice').getByText('Nice job, genius').waitFor();
              expect(await p.locator('#draft-advice').innerText()).not.toMatch(/“[^”]*”: "/);
            },
          },
          {
            label: 'ally call-in, empty message and outcome',
            path: ci,
            act: async (p) => {
              // The message starts from the saved draft now; empty it to see the error.
              await p.locator('#message').fill('');
              await p.getByRole('button', { name: 'Send', exact: true }).click();
              await p.locator('#message-error').waitFor();
              await p.getByRole('button', { name: 'Save the outcome' }).click();
              await p.locator('#outcome-error').waitFor();
            },
          },
          {
            label: 'ally call-in through the API link',
            path: `/communities/${seed.communityId}/call-ins/${seed.callInId}`,
          },
          { label: 'ally care', path: `${c}/care` },
          {
            label: 'ally care, capacity error',
            path: `${c}/care`,
            act: async (p) => {
              await p.locator('#capacity').fill('lots');
              await p.getByRole('button', { name: 'Save', exact: true }).click();
              await p.getByRole('heading', { name: 'Some details need another look' }).waitFor();
            },
          },
        ],
      },
      {
        role: 'member',
        steps: [
          { label: 'member call-ins (not for members)', path: `${c}/call-ins` },
          { label: 'member enforcements (organizers only)', path: `${c}/enforcements` },
          { label: 'member care', path: `${c}/care` },
          { label: 'my enforcement not found', path: `/me/enforcements/${seed.callInId}` },
          { label: 'account', path: '/account' },
          {
            label: 'account, delete without password',
            path: '/account',
            act: async (p) => {
              await p.getByRole('button', { name: 'Delete my account' }).click();
              await p.getByRole('heading', { name: 'Some details need another look' }).waitFor();
            },
          },
          {
            label: 'account, wrong password',
            path: '/account',
            act: async (p) => {
              await p.locator('#delete-password').fill('not my password at all');
              await p.getByRole('button', { name: 'Delete my account' }).click();
              await p.getByRole('heading', { name: 'That did not work' }).waitFor();
            },
          },
          {
            label: 'called in, signed in with the reply coach',
            path: seed.memberPath,
            act: async (p) => {
              await p.locator('#text').fill('Sorry if anyone was offended.');
              await p.getByRole('button', { name: 'Check my reply' }).click();
              await p.getByRole('heading', { name: 'What the coach noticed' }).waitFor();
            },
          },
        ],
      },
      {
        role: 'organizer',
        steps: [
          { label: 'concern with its call-in', path: `${c}/concerns/${seed.concernId}` },
          { label: 'organizer call-ins', path: `${c}/call-ins` },
          { label: 'organizer call-in', path: ci },
          { label: 'organizer care and load', path: `${c}/care` },
          { label: 'enforcements, empty', path: `${c}/enforcements` },
          {
            label: 'call-in escalated, enforcement listed',
            path: ci,
            act: async (p) => {
              await p.getByRole('button', { name: 'Write the enforcement record' }).click();
              await p.locator('#reason-error').waitFor();
              await p.locator('#reason').fill('Repeated gendered language after a kind word.');
              await p.getByRole('button', { name: 'Write the enforcement record' }).click();
              await p.getByRole('heading', { name: 'Status: Taken to enforcement' }).waitFor();
            },
          },
          { label: 'enforcements, one record', path: `${c}/enforcements` },
          {
            label: 'call-in not found',
            path: `${c}/call-ins/00000000-0000-4000-8000-000000000000`,
          },
        ],
      },
    ];
    const violations: string[] = [];
    const problemsSeen: string[] = [];
    for (const run of runs) {
      const { context, problems } = await contextFor(run.role);
      const page = await context.newPage();
      for (const step of run.steps) {
        await page.goto(server.url + step.path);
        await settle(page);
        if (step.act) await step.act(page);
        violations.push(...(await auditPage(page, `${run.role}: ${step.label}`)));
      }
      await context.close();
      problemsSeen.push(...problems.list);
    }
    expect(violations).toEqual([]);
    expect(problemsSeen).toEqual([]);
    // The escalation really wrote a record.
    const records = await clients.organizer.call<{ items: unknown[] }>(
      'GET',
      `${api}/enforcements`,
    );
    expect(records.items).toHaveLength(1);
  }, 420_000);
});

type Step = {
  label: string;
  path: string;
  act?: (page: Page) => Promise<void>;
  /** Open in a fresh browser of its own. */
  fresh?: boolean;
};

async function contextFor(
  role: 'public' | 'organizer' | 'ally' | 'member',
): Promise<{ context: BrowserContext; problems: PageProblems }> {
  const context = await browser.newContext();
  const problems = await watchPage(context);
  if (role !== 'public') await context.addCookies(clients[role].cookieFor(server.url));
  // The member's link works only in the browser that claimed it: these stand for that browser.
  if (role === 'public' || role === 'member') await context.addCookies(memberClaim);
  return { context, problems };
}
