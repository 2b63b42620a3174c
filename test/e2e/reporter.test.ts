// One link for the reporter, in the browser against the real server (issue 10, build items 1-2,
// and "what a new user hit" 1 and 10): an anonymous reporter who was harmed writes on the public
// form, reloads mid-form and keeps the words, sends, reloads the thank-you page and keeps the
// private link, copies it with the keyboard ("Copied" is announced); an organizer asks a question
// from the concern page; the reporter answers it and adds information on the follow page, and
// leaves an address for "something changed" emails; the organizer reads the thread in order.
// Every state: axe with no WCAG 2.2 A/AA violations, one h1, and no console error.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from './harness.ts';
import {
  auditPage,
  heading,
  launchBrowser,
  settle,
  setUpCommunity,
  startServer,
  tabTo,
  watchPage,
  type PageProblems,
  type RunningServer,
} from './harness.ts';

let server: RunningServer;
let browser: Browser;
let organizer: ApiClient;
let member: ApiClient;
let communityId = '';
let intakeId = '';
const violations: string[] = [];
const problemsSeen: string[] = [];

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  const community = await setUpCommunity(server, 'garden-club', 'Garden Club');
  communityId = community.id;
  organizer = await community.join(
    community.operator,
    'organizer',
    'ada@example.org',
    'Ada Organizer',
  );
  member = await community.join(organizer, 'member', 'rosa@example.org', 'Rosa Reporter');
  intakeId = (
    await organizer.call<{ intakeId: string }>('GET', `/api/communities/${communityId}/settings`)
  ).intakeId;
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function contextFor(
  who: 'public' | 'organizer' | 'member',
): Promise<{ context: BrowserContext; problems: PageProblems }> {
  const context = await browser.newContext();
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  const problems = await watchPage(context);
  if (who !== 'public')
    await context.addCookies((who === 'organizer' ? organizer : member).cookieFor(server.url));
  return { context, problems };
}

async function audit(page: Page, label: string) {
  violations.push(...(await auditPage(page, label)));
}

describe('one link for the reporter', () => {
  it('keeps the draft and the link through reloads, and carries the whole conversation', async () => {
    const reporter = await contextFor('public');
    const page = await reporter.context.newPage();
    await page.goto(`${server.url}/raise/${intakeId}`);
    await heading(page, /Raise a concern/);
    await settle(page);
    const words = 'At the seed swap someone mocked my accent in front of everyone.';
    await page.locator('#what').fill(words);
    await page.locator('#about-name').fill('Pat');
    // A reload mid-form keeps the words, and says so.
    await page.waitForTimeout(100);
    await page.reload();
    await heading(page, /Raise a concern/);
    expect(await page.locator('#what').inputValue()).toBe(words);
    expect(await page.locator('#about-name').inputValue()).toBe('Pat');
    expect(await page.locator('#draft-kept').innerText()).toContain('We kept what you had written');
    await audit(page, 'public form, restored after a reload');
    await page.locator('#harmed-me').check();
    await page.locator('#wants-organizers').check();
    await page.getByRole('button', { name: 'Send this privately' }).click();
    await page.getByRole('heading', { name: /Thank you/ }).waitFor({ timeout: 15_000 });
    const followUrl = await page.locator('#follow-url').inputValue();
    expect(followUrl).toMatch(/\/follow\/[A-Za-z0-9_-]+$/);
    // Sent: the draft is gone from the tab; the link is kept, and never put in the address bar.
    expect(await page.evaluate(() => Object.keys(sessionStorage).join(' '))).not.toContain('draft');
    expect(page.url()).not.toContain(followUrl.split('/').at(-1)!);
    await page.reload();
    await page.getByRole('heading', { name: /Thank you/ }).waitFor({ timeout: 15_000 });
    expect(await page.locator('#follow-url').inputValue()).toBe(followUrl);
    // The copy button works by keyboard and says "Copied", also to screen readers.
    await tabTo(page, 'Copy your private link');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Copied' }).waitFor();
    await page.getByRole('status').filter({ hasText: 'Copied' }).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(followUrl);
    await audit(page, 'thank-you page after a reload');

    // The organizer asks a question from the concern page.
    const concernId = (
      await organizer.call<{ items: { id: string }[] }>(
        'GET',
        `/api/communities/${communityId}/concerns`,
      )
    ).items[0]!.id;
    const org = await contextFor('organizer');
    const orgPage = await org.context.newPage();
    await orgPage.goto(`${server.url}/c/${communityId}/concerns/${concernId}`);
    await orgPage.getByRole('heading', { name: 'Conversation with the reporter' }).waitFor();
    await settle(orgPage);
    await orgPage.locator('#reporter-question').fill('Was anyone else there who could help?');
    await orgPage.getByRole('button', { name: 'Ask the reporter' }).click();
    await orgPage.getByText('Your question is waiting on the reporter’s private link').waitFor();
    await audit(orgPage, 'concern page: a question asked');

    // The reporter sees it waiting on the follow link, answers, and adds information.
    await page.goto(followUrl);
    await heading(page, 'Your concern');
    await page.getByRole('heading', { name: 'A question from the organizers' }).first().waitFor();
    await settle(page);
    await audit(page, 'follow page: a question waiting');
    expect(await page.innerText('body')).not.toContain('Ada Organizer');
    const answerBox = page.locator('textarea[id^="answer-"]');
    await answerBox.fill('My neighbour Jo saw it.');
    await page.getByRole('button', { name: 'Send answer' }).click();
    await page.getByText('Your answer reached the organizers').waitFor();
    await page.locator('#addition').fill('It happened again at the next meeting.');
    await page.getByRole('button', { name: 'Add to my concern' }).click();
    await page.getByText('What you added reached the organizers').waitFor();
    await settle(page);
    expect(await page.locator('textarea[id^="answer-"]').count()).toBe(0);
    // "Email me when something changes", then removed again.
    await page.locator('#alert-email').fill('quiet@example.org');
    await page.getByRole('button', { name: 'Email me when something changes' }).click();
    await page.getByText('An address is kept for these emails.').waitFor();
    await audit(page, 'follow page: answered, with an alert address');
    await page.getByRole('button', { name: /Stop these emails/ }).click();
    await page.locator('#alert-email').waitFor();

    // The organizer reads the thread in order, with who wrote what.
    await orgPage.reload();
    await orgPage.getByRole('heading', { name: 'Conversation with the reporter' }).waitFor();
    await settle(orgPage);
    const titles = await orgPage
      .locator('section[aria-labelledby="reporter-thread"] .card-title')
      .allInnerTexts();
    expect(titles.map((t) => t.split(' ·')[0]!.trim())).toEqual([
      'Ada Organizer asked',
      'Reporter answered',
      'Reporter added',
    ]);
    expect(await orgPage.innerText('body')).not.toContain('quiet@example.org');
    await audit(orgPage, 'concern page: the thread');
    await org.context.close();
    await reporter.context.close();
    problemsSeen.push(...reporter.problems.list, ...org.problems.list);
    expect(violations).toEqual([]);
    expect(problemsSeen).toEqual([]);
  });

  it('a signed-in reporter answers from My concerns', async () => {
    const raised = await member.call<{ id: string }>(
      'POST',
      `/api/communities/${communityId}/concerns`,
      {
        what: 'In the forum someone called my idea "crazy".',
        harmed: 'me',
        about: { name: 'Lee' },
        wants: 'organizers',
      },
    );
    await organizer.call(
      'POST',
      `/api/communities/${communityId}/concerns/${raised.id}/questions`,
      {
        text: 'Do you have a link to the post?',
      },
    );
    const rosa = await contextFor('member');
    const page = await rosa.context.newPage();
    await page.goto(`${server.url}/my/concerns`);
    await heading(page, 'Concerns you raised');
    await settle(page);
    await page
      .getByRole('link', { name: /Open it/ })
      .first()
      .click();
    await heading(page, 'A concern you raised');
    await page.getByRole('heading', { name: 'A question from the organizers' }).first().waitFor();
    await settle(page);
    await audit(page, 'my concern: a question waiting');
    await page.locator('textarea[id^="answer-"]').fill('Not any more, it was deleted.');
    await page.getByRole('button', { name: 'Send answer' }).click();
    await page.getByText('Your answer reached the organizers').waitFor();
    await settle(page);
    await audit(page, 'my concern: answered');
    const thread = await organizer.call<{ items: { author: string; text: string }[] }>(
      'GET',
      `/api/communities/${communityId}/concerns/${raised.id}/messages`,
    );
    expect(thread.items.map((i) => i.author)).toEqual(['organizer', 'reporter']);
    await rosa.context.close();
    problemsSeen.push(...rosa.problems.list);
    expect(violations).toEqual([]);
    expect(problemsSeen).toEqual([]);
  });
});
