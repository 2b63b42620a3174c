// Matching an ally, offers, conversations addressed to a signed-in member, and writing an
// enforcement record directly, in the browser against the real server. The data is set up
// through the API; each flow then checks what the person sees and what the server kept.
// 1. An organizer offers a call-in to an ally (a paused ally is never listed); the ally declines
//    without a reason, then accepts another offer, keyboard only.
// 2. An organizer opens a call-in from a concern decided for one, and gives it directly.
// 3. A signed-in member opens the conversation addressed to them and replies.
// 4. An organizer writes an enforcement record; a date in the past shows the API's field error.
// Every page and state on the way: axe with no WCAG 2.2 A/AA violations, one h1, a page title,
// and no console error or CSP violation.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from './harness.ts';
import {
  auditPage,
  focused,
  heading,
  launchBrowser,
  settle,
  startServer,
  tabTo,
  watchPage,
  type PageProblems,
  type RunningServer,
  setUpCommunity,
} from './harness.ts';

type Role = 'organizer' | 'ally' | 'paused' | 'member' | 'reporter';

let server: RunningServer;
let browser: Browser;
const clients = {} as Record<Role, ApiClient>;
const ids = {} as Record<Role, string>;
const seed = {
  communityId: '',
  offerConcernId: '',
  offerCallInId: '',
  assignConcernId: '',
  assignCallInId: '',
  talkCallInId: '',
  emptyCallInId: '',
};
const violations: string[] = [];
const problemsSeen: string[] = [];
const MESSAGE = 'Hi Mina, could we talk privately about the joke in the planning thread?';

const api = () => `/api/communities/${seed.communityId}`;
const c = () => `/c/${seed.communityId}`;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  const community = await setUpCommunity(server, 'writers-circle', 'Writers Circle');
  seed.communityId = community.id;
  const { join } = community;
  const op = community.operator;
  clients.organizer = await join(op, 'organizer', 'ada@example.org', 'Ada Organizer');
  clients.ally = await join(clients.organizer, 'ally', 'ali@example.org', 'Ali Ally');
  clients.paused = await join(clients.organizer, 'ally', 'bea@example.org', 'Bea Resting');
  clients.member = await join(clients.organizer, 'member', 'mina@example.org', 'Mina Member');
  clients.reporter = await join(clients.organizer, 'member', 'rosa@example.org', 'Rosa Reporter');
  for (const role of Object.keys(clients) as Role[]) {
    const me = await clients[role].call<{ user: { id: string } }>('GET', '/api/me');
    ids[role] = me.user.id;
  }
  await clients.ally.call('PATCH', `${api()}/care/me`, { capacity: 5 });
  await clients.paused.call('PATCH', `${api()}/care/me`, { paused: true });

  // Rosa raises concerns about Mina under her own name; the organizer decides on a call-in.
  const callInFor = async (what: string, callerUserId?: string | false) => {
    const raised = await clients.reporter.call<{ id: string }>('POST', `${api()}/concerns`, {
      what,
      harmed: 'group',
      about: { userId: ids.member },
      wants: 'organizers',
      categories: ['inconsiderate-language'],
    });
    await clients.organizer.call('POST', `${api()}/concerns/${raised.id}/triage`, {
      answers: {
        categories: ['inconsiderate-language'],
        immediateDanger: false,
        intent: 'thoughtless',
        publicHarm: 'few',
      },
      decision: 'call-in',
      reason: 'A first time; a kind word in private.',
    });
    if (callerUserId === false) return { concernId: raised.id, callInId: '' };
    const opened = await clients.organizer.call<{ id: string }>(
      'POST',
      `${api()}/concerns/${raised.id}/call-ins`,
      callerUserId ? { callerUserId } : {},
    );
    return { concernId: raised.id, callInId: opened.id };
  };
  const offer = await callInFor('Mina joked that the new members "talk like children".');
  seed.offerConcernId = offer.concernId;
  seed.offerCallInId = offer.callInId;
  // Decided for a call-in, none opened yet: the organizer opens it from the concern page.
  seed.assignConcernId = (
    await callInFor('Mina called a newcomer\u2019s question "lame".', false)
  ).concernId;
  seed.emptyCallInId = (await callInFor('Mina talked over people in the call again.')).callInId;

  // One conversation already under way with Mina: approved by an organizer (the harmed party is
  // a group), held by Ali in a private thread here.
  const talk = await callInFor('Mina joked about accents in the planning thread.', ids.ally);
  seed.talkCallInId = talk.callInId;
  const ci = `${api()}/call-ins/${talk.callInId}`;
  await clients.organizer.call('POST', `${ci}/consent/approval`, { approve: true });
  await clients.ally.call('PUT', `${ci}/channel`, { channel: 'in-app' });
  await clients.ally.call('POST', `${ci}/messages`, { text: MESSAGE });
});

// Each test answers for the pages it visited.
afterEach(() => {
  const found = [...violations, ...problemsSeen];
  violations.length = 0;
  problemsSeen.length = 0;
  expect(found).toEqual([]);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

// ---- helpers ---------------------------------------------------------------------------------

async function contextFor(
  role: Role | 'public',
): Promise<{ context: BrowserContext; problems: PageProblems }> {
  const context = await browser.newContext();
  const problems = await watchPage(context);
  if (role !== 'public') await context.addCookies(clients[role].cookieFor(server.url));
  return { context, problems };
}

async function done(context: BrowserContext, problems: PageProblems) {
  await context.close();
  problemsSeen.push(...problems.list);
}

async function audit(page: Page, label: string) {
  violations.push(...(await auditPage(page, label)));
}

interface CallInState {
  status: string;
  callerUserId: string | null;
}

// ---- the flows -------------------------------------------------------------------------------

describe('matching an ally, offers, your conversations, enforcement records', () => {
  it('an organizer offers a call-in; the ally declines without a reason, then accepts', async () => {
    const org = await contextFor('organizer');
    const page = await org.context.newPage();
    await page.goto(`${server.url}${c()}/call-ins/${seed.offerCallInId}`);
    await page.getByRole('heading', { name: 'Find someone to hold it' }).waitFor();
    await settle(page);
    // The people are the API's answer: Bea has paused, so she is not there.
    const candidates = await clients.organizer.call<{
      items: { userId: string; name: string; spare: number; load: number }[];
    }>('GET', `${api()}/call-ins/${seed.offerCallInId}/candidates`);
    expect(candidates.items.map((p) => p.name).sort()).toEqual(['Ada Organizer', 'Ali Ally']);
    const who = page.locator('#userId');
    expect(await who.locator('label').allInnerTexts()).toEqual(candidates.items.map((p) => p.name));
    expect(await who.innerText()).not.toContain('Bea');
    const ali = candidates.items.find((p) => p.userId === ids.ally)!;
    expect(await page.locator(`#userId-${ids.ally}-hint`).innerText()).toBe(
      `Ally · holding ${ali.load} call-in${ali.load === 1 ? '' : 's'} · room for ${ali.spare} more`,
    );
    await audit(page, 'organizer: call-in with candidates');

    // Offering without choosing says what is missing, next to the field.
    await page.getByRole('button', { name: 'Offer it to them' }).click();
    await page.locator('#userId-error').waitFor();
    expect(await page.locator('#userId-error').innerText()).toContain('Please choose a person.');
    await audit(page, 'organizer: match without a person');

    await page.getByLabel('Ali Ally').check();
    await page.getByLabel('Their relationship with the member').selectOption('knows');
    await page.getByRole('button', { name: 'Offer it to them' }).click();
    await page.getByText('Offered to Ali Ally.').first().waitFor();
    // The page loads the call-in again: the offer is listed with its answer so far.
    await page.getByRole('heading', { name: 'Offered so far' }).waitFor();
    expect(
      await page.locator('main li', { hasText: 'waiting for their answer' }).innerText(),
    ).toContain('Ali Ally');
    await audit(page, 'organizer: offer made');
    const offers = await clients.ally.call<{ items: { id: string; relationship: string }[] }>(
      'GET',
      `${api()}/offers`,
    );
    expect(offers.items).toHaveLength(1);
    expect(offers.items[0]?.relationship).toBe('knows');
    await done(org.context, org.problems);

    // The ally finds it from the community's pages, keyboard only, and declines.
    const ally = await contextFor('ally');
    const board = await ally.context.newPage();
    await board.goto(`${server.url}${c()}`);
    await heading(board, 'Writers Circle');
    await settle(board);
    await tabTo(board, 'Offers for you');
    await board.keyboard.press('Enter');
    await heading(board, 'Offers for you');
    await settle(board);
    expect(await board.locator('main').innerText()).toContain('You know each other');
    await audit(board, 'ally: offers, one waiting');
    await tabTo(board, 'Decline');
    await board.keyboard.press('Enter');
    await board.getByText('no reason is needed').first().waitFor();
    await settle(board);
    // Nothing asks why: no text box anywhere on the page.
    expect(await board.locator('main textarea, main input[type="text"]').count()).toBe(0);
    expect(await board.locator('main').innerText()).toContain('There are no other offers for you.');
    await audit(board, 'ally: offer declined');
    const afterDecline = await clients.ally.call<{ items: unknown[] }>('GET', `${api()}/offers`);
    expect(afterDecline.items).toEqual([]);
    const still = await clients.organizer.call<CallInState>(
      'GET',
      `${api()}/call-ins/${seed.offerCallInId}`,
    );
    expect(still).toMatchObject({ status: 'awaiting-caller', callerUserId: null });

    // Asked again, the ally accepts and follows the link to the call-in.
    await clients.organizer.call('POST', `${api()}/call-ins/${seed.offerCallInId}/offers`, {
      userId: ids.ally,
    });
    await board.reload();
    await heading(board, 'Offers for you');
    await settle(board);
    await tabTo(board, 'Accept');
    await board.keyboard.press('Enter');
    await board.getByRole('heading', { name: 'Thank you for taking it on' }).waitFor();
    await settle(board);
    await audit(board, 'ally: offer accepted');
    await tabTo(board, 'Open the call-in');
    await board.keyboard.press('Enter');
    await heading(board, 'Call-in');
    await board
      .getByRole('heading', {
        name: /^Status: Waiting for an organizer’s approval/,
      })
      .waitFor();
    expect(new URL(board.url()).pathname).toBe(`${c()}/call-ins/${seed.offerCallInId}`);
    const taken = await clients.organizer.call<CallInState>(
      'GET',
      `${api()}/call-ins/${seed.offerCallInId}`,
    );
    expect(taken).toMatchObject({ status: 'awaiting-consent', callerUserId: ids.ally });
    await done(ally.context, ally.problems);
  });

  it('an organizer opens a call-in from the concern and gives it to someone directly', async () => {
    const org = await contextFor('organizer');
    const page = await org.context.newPage();
    await page.goto(`${server.url}${c()}/concerns/${seed.assignConcernId}`);
    await heading(page, 'Concern');
    await settle(page);
    await audit(page, 'organizer: concern decided for a call-in, none open');
    // Keyboard only from here.
    await tabTo(page, 'Open a call-in');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Find someone to hold it' }).waitFor();
    await settle(page);
    seed.assignCallInId = new URL(page.url()).pathname.split('/').at(-1) ?? '';
    const opened = await clients.organizer.call<{ items: { id: string; concernId: string }[] }>(
      'GET',
      `${api()}/call-ins`,
    );
    expect(opened.items.find((i) => i.concernId === seed.assignConcernId)?.id).toBe(
      seed.assignCallInId,
    );
    await tabTo(page, 'Give it to them');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Some details need another look' }).waitFor();
    const before = await clients.organizer.call<CallInState>(
      'GET',
      `${api()}/call-ins/${seed.assignCallInId}`,
    );
    expect(before).toMatchObject({ status: 'awaiting-caller', callerUserId: null });

    // The error summary has focus; the next stops are its link, then the people.
    await tabTo(page, { id: `userId-${ids.ally}` });
    await page.keyboard.press('Space');
    expect(await page.getByLabel('Ali Ally').isChecked()).toBe(true);
    await tabTo(page, 'Give it to them');
    await page.keyboard.press('Enter');
    await page
      .getByRole('heading', {
        name: /^Status: Waiting for an organizer’s approval/,
      })
      .waitFor();
    await settle(page);
    expect(await page.getByRole('heading', { name: 'Find someone to hold it' }).count()).toBe(0);
    await audit(page, 'organizer: call-in given');
    const after = await clients.organizer.call<CallInState>(
      'GET',
      `${api()}/call-ins/${seed.assignCallInId}`,
    );
    expect(after).toMatchObject({ status: 'awaiting-consent', callerUserId: ids.ally });
    await done(org.context, org.problems);
  });

  it('a signed-in member opens the conversation addressed to them and replies', async () => {
    const mina = await contextFor('member');
    const page = await mina.context.newPage();
    await page.goto(`${server.url}/`);
    await heading(page, 'Your communities');
    await settle(page);
    // Keyboard only.
    await tabTo(page, 'Conversations with you');
    await page.keyboard.press('Enter');
    await heading(page, 'Conversations with you');
    await settle(page);
    await audit(page, 'member: conversations with you');
    await tabTo(page, 'A conversation in Writers Circle');
    await page.keyboard.press('Enter');
    await heading(page, 'A private conversation');
    await settle(page);
    expect(new URL(page.url()).pathname).toBe(`/me/call-ins/${seed.talkCallInId}`);
    const main = await page.locator('main').innerText();
    expect(main).toContain(MESSAGE);
    expect(main).toContain('Ali Ally from Writers Circle reached out to you privately');
    expect(main).toContain('Being called in: a short guide');
    // Never who raised it: Rosa raised every concern under her own name.
    expect(main).not.toMatch(/Rosa|reporter|raised by/i);
    await audit(page, 'member: one conversation');

    // The reply coach is there for a signed-in member.
    await tabTo(page, { id: 'text' });
    await page.keyboard.type('Sorry if anyone was offended.');
    await tabTo(page, 'Check my reply');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'What the coach noticed' }).waitFor();
    await audit(page, 'member: reply coach');

    const reply = 'You are right, that joke was unkind. I will not make jokes about accents again.';
    await page.keyboard.press('Shift+Tab');
    expect((await focused(page)).id).toBe('text');
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type(reply);
    await tabTo(page, 'Send reply');
    await page.keyboard.press('Enter');
    await page.getByText('Your reply is sent.').first().waitFor();
    await page.locator('.card', { hasText: reply }).waitFor();
    await audit(page, 'member: replied');

    const mine = await clients.member.call<{ messages: { from: string; text: string }[] }>(
      'GET',
      `/api/me/call-ins/${seed.talkCallInId}`,
    );
    expect(mine.messages.at(-1)).toMatchObject({ from: 'you', text: reply });
    const caller = await clients.ally.call<{ messages: { author: string; text: string }[] }>(
      'GET',
      `${api()}/call-ins/${seed.talkCallInId}`,
    );
    expect(caller.messages.at(-1)).toMatchObject({ author: 'member', text: reply });
    await done(mina.context, mina.problems);
  });

  it('an organizer writes an enforcement record; a past end date shows its field error', async () => {
    const org = await contextFor('organizer');
    const page = await org.context.newPage();
    await page.goto(`${server.url}${c()}/enforcements`);
    await heading(page, 'Enforcement');
    await settle(page);
    await audit(page, 'organizer: enforcement, no records');

    await page.getByRole('button', { name: 'Write the record' }).click();
    await page.getByRole('heading', { name: 'Some details need another look' }).waitFor();
    expect(await page.locator('#concernIds-error').innerText()).toContain(
      'Please choose the concern this record answers.',
    );
    await audit(page, 'organizer: enforcement, empty form');

    await page.getByLabel('The concern it answers').selectOption(seed.offerConcernId);
    await page.locator('#record-subject', { hasText: 'Mina Member' }).waitFor();
    await page.getByLabel('Temporary ban').check();
    await page.locator('#reason').fill('Jokes about how newcomers talk, after a kind word.');
    await page.locator('#expiresAt').fill('2020-01-31');
    await page.getByRole('button', { name: 'Write the record' }).click();
    // The server's answer, next to its field.
    await page.locator('#expiresAt-error').waitFor();
    expect(await page.locator('#expiresAt-error').innerText()).toContain(
      'The end date needs to be in the future.',
    );
    expect(await page.locator('#expiresAt').getAttribute('aria-invalid')).toBe('true');
    await audit(page, 'organizer: enforcement, end date in the past');
    const none = await clients.organizer.call<{ items: unknown[] }>('GET', `${api()}/enforcements`);
    expect(none.items).toEqual([]);

    const year = new Date().getFullYear() + 1;
    await page.locator('#expiresAt').fill(`${year}-03-01`);
    await page.getByRole('button', { name: 'Write the record' }).click();
    await page.getByText('The temporary ban is written.').first().waitFor();
    await page.locator('.card', { hasText: 'Jokes about how newcomers talk' }).waitFor();
    await settle(page);
    await audit(page, 'organizer: enforcement written');
    const records = await clients.organizer.call<{
      items: { level: string; reason: string; concernIds: string[]; expiresAt: string }[];
    }>('GET', `${api()}/enforcements`);
    expect(records.items).toHaveLength(1);
    expect(records.items[0]).toMatchObject({
      level: 'temporary-ban',
      reason: 'Jokes about how newcomers talk, after a kind word.',
      concernIds: [seed.offerConcernId],
    });
    expect(records.items[0]?.expiresAt.startsWith(String(year))).toBe(true);
    // Mina is told, and can read it.
    const hers = await clients.member.call<{ items: { level: string }[] }>(
      'GET',
      '/api/me/enforcements',
    );
    expect(hers.items.map((r) => r.level)).toEqual(['temporary-ban']);
    await done(org.context, org.problems);
  });

  it('writes out the empty, closed and signed-out states', async () => {
    const steps: { role: Role | 'public'; label: string; path: string }[] = [
      { role: 'public', label: 'conversations, signed out', path: '/me/call-ins' },
      {
        role: 'public',
        label: 'one conversation, signed out',
        path: `/me/call-ins/${seed.talkCallInId}`,
      },
      { role: 'ally', label: 'conversations, none', path: '/me/call-ins' },
      {
        role: 'ally',
        label: 'a conversation that is not yours',
        path: `/me/call-ins/${seed.talkCallInId}`,
      },
      { role: 'ally', label: 'offers, none', path: `${c()}/offers` },
      { role: 'ally', label: 'ally board, with the offers link', path: `${c()}/ally-board` },
      { role: 'member', label: 'offers, not for members', path: `${c()}/offers` },
      { role: 'member', label: 'account, with the conversations link', path: '/account' },
    ];
    for (const role of ['organizer', 'ally', 'member', 'public'] as const) {
      const mine = steps.filter((s) => s.role === role);
      if (mine.length === 0) continue;
      const { context, problems } = await contextFor(role);
      const page = await context.newPage();
      for (const step of mine) {
        await page.goto(server.url + step.path);
        await settle(page);
        await audit(page, `${role}: ${step.label}`);
      }
      await done(context, problems);
    }
    // Words for the states, not only their accessibility.
    const { context, problems } = await contextFor('ally');
    const page = await context.newPage();
    await page.goto(`${server.url}/me/call-ins/${seed.talkCallInId}`);
    await heading(page, 'We could not find this conversation');
    await page.goto(`${server.url}/me/call-ins`);
    await page.getByText('Nobody has reached out to you this way.').waitFor();
    await done(context, problems);

    // When everyone who could hold a call-in has paused, the organizer is told kindly.
    await clients.ally.call('PATCH', `${api()}/care/me`, { paused: true });
    await clients.organizer.call('PATCH', `${api()}/care/me`, { paused: true });
    const candidates = await clients.organizer.call<{ items: unknown[] }>(
      'GET',
      `${api()}/call-ins/${seed.emptyCallInId}/candidates`,
    );
    expect(candidates.items).toEqual([]);
    const org = await contextFor('organizer');
    const orgPage = await org.context.newPage();
    await orgPage.goto(`${server.url}${c()}/call-ins/${seed.emptyCallInId}`);
    await orgPage.getByText('Nobody has room for this right now.').waitFor();
    expect(await orgPage.getByRole('button', { name: 'Offer it to them' }).count()).toBe(0);
    await audit(orgPage, 'organizer: nobody has room');
    await done(org.context, org.problems);
  });
});
