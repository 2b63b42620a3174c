// The organizer's counts page in the browser against the real server. Four concerns are seeded
// through the API (one apologised for after a call-in, one naming two kinds of behaviour kept as
// a record, one decided for a call-in, one with no kind and no decision yet), then:
// 1. An organizer opens "Counts" from the community navigation with the keyboard, sees the last
//    twelve months (quiet months as 0) and the figures that were seeded, per kind and per outcome,
//    in two charts (each one image with the figures in words) and two tables. The charts' code
//    is its own file, loaded only then, and sent compressed.
// 2. They choose other months (kept in the address; Back and reload show them again), an empty
//    range (a kind note), and a first month after the last one (the API's field error next to
//    the field, and the address stays as it was). Months typed into the address are checked too.
// 3. A member is told kindly that the page is for organizers.
// Every page and state: axe with no WCAG 2.2 A/AA violations, one h1, a page title, and no
// console error or CSP violation.
import http from 'node:http';
import zlib from 'node:zlib';
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

type Role = 'organizer' | 'member';

let server: RunningServer;
let browser: Browser;
const clients = {} as Record<Role, ApiClient>;
const seed = { communityId: '', month: '', retentionDays: 0 };
const violations: string[] = [];
const problemsSeen: string[] = [];

const api = () => `/api/communities/${seed.communityId}`;
const c = () => `/c/${seed.communityId}`;

const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
/** "2026-06" → "June 2026", written out here rather than borrowed from the app. */
const words = (month: string) => {
  const [y, m] = month.split('-').map(Number);
  return `${MONTH_NAMES[(m ?? 1) - 1]} ${y}`;
};
const shift = (month: string, by: number) => {
  const [y, m] = month.split('-').map(Number);
  const i = (y ?? 0) * 12 + (m ?? 1) - 1 + by;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
};

interface Counts {
  from: string;
  to: string;
  items: { month: string; category: string; outcome: string; count: number }[];
  totals: { month: string; outcome: string; count: number }[];
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  const community = await setUpCommunity(server, 'garden-club', 'Garden Club');
  seed.communityId = community.id;
  const { join } = community;
  const op = community.operator;
  clients.organizer = await join(op, 'organizer', 'ada@example.org', 'Ada Organizer');
  clients.member = await join(clients.organizer, 'member', 'mo@example.org', 'Mo Member');
  // A second organizer stands in for the group's consent: Ada holds the call-in (rule 10).
  const second = await join(clients.organizer, 'organizer', 'bo@example.org', 'Bo Organizer');
  const organizerId = (await clients.organizer.call<{ user: { id: string } }>('GET', '/api/me'))
    .user.id;
  await clients.organizer.call('PATCH', `${api()}/care/me`, { capacity: 3 });

  const raise = async (what: string, categories: string[]) => {
    const raised = await clients.member.call<{ id: string; createdAt: string }>(
      'POST',
      `${api()}/concerns`,
      { what, harmed: 'group', about: { name: 'Dee Example' }, wants: 'organizers', categories },
    );
    seed.month = raised.createdAt.slice(0, 7);
    return raised.id;
  };
  const decide = async (id: string, categories: string[], decision: string) =>
    clients.organizer.call('POST', `${api()}/concerns/${id}/triage`, {
      answers: { categories, immediateDanger: false, intent: 'thoughtless', publicHarm: 'few' },
      decision,
      reason: 'A first time; a kind word in private.',
    });

  // 1. Inconsiderate language, a call-in held by Ada: they apologised.
  const a = await raise('Dee called the new volunteers "clueless" in the group chat.', [
    'inconsiderate-language',
  ]);
  await decide(a, ['inconsiderate-language'], 'call-in');
  const callIn = await clients.organizer.call<{ id: string }>(
    'POST',
    `${api()}/concerns/${a}/call-ins`,
    { callerUserId: organizerId },
  );
  const ci = `${api()}/call-ins/${callIn.id}`;
  await second.call('POST', `${ci}/consent/approval`, { approve: true });
  await clients.organizer.call('PUT', `${ci}/channel`, { channel: 'in-app' });
  await clients.organizer.call('POST', `${ci}/messages`, {
    text: 'Hi Dee, could we talk privately about the word you used for the new volunteers?',
  });
  await clients.organizer.call('POST', `${ci}/outcome`, { outcome: 'apologised', note: '' });
  // 2. Two kinds at once, kept as a record: counted under each kind.
  const b = await raise('Dee talked over the newcomers and left them off the rota.', [
    'inconsiderate-language',
    'exclusion',
  ]);
  await decide(b, ['inconsiderate-language', 'exclusion'], 'record-only');
  // 3. A microaggression, decided for a call-in that has not started yet.
  const m = await raise('Dee asked a member where they are really from.', ['microaggression']);
  await decide(m, ['microaggression'], 'call-in');
  // 4. No kind named, nobody has decided yet.
  await raise('Something at the last meeting did not feel right.', []);

  const settings = await clients.organizer.call<{ settings: { retentionDays: number } }>(
    'GET',
    `${api()}/settings`,
  );
  seed.retentionDays = settings.settings.retentionDays;
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
  role: Role,
): Promise<{ context: BrowserContext; problems: PageProblems }> {
  const context = await browser.newContext();
  const problems = await watchPage(context);
  await context.addCookies(clients[role].cookieFor(server.url));
  return { context, problems };
}

async function done(context: BrowserContext, problems: PageProblems) {
  await context.close();
  problemsSeen.push(...problems.list);
}

async function audit(page: Page, label: string) {
  violations.push(...(await auditPage(page, label)));
}

/** A table's cells, row by row (header, body, totals), found by its caption. */
async function table(page: Page, caption: string): Promise<string[][]> {
  const t = page.locator('table', { has: page.locator('caption', { hasText: caption }) });
  return t.evaluate((el) =>
    Array.from((el as HTMLTableElement).rows).map((r) =>
      Array.from(r.cells).map((cell) => cell.textContent?.trim() ?? ''),
    ),
  );
}

/** A GET as it comes over the wire: the headers and the bytes, nothing decoded. */
function rawGet(
  url: string,
  acceptEncoding: string | undefined,
): Promise<{ headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const headers = acceptEncoding ? { 'accept-encoding': acceptEncoding } : {};
    http
      .get(url, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (d: Buffer) => chunks.push(d));
        res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
      })
      .on('error', reject);
  });
}

/** The address as path and query, e.g. "/c/…/counts?from=2026-01&to=2026-03". */
const address = (page: Page) => {
  const u = new URL(page.url());
  return u.pathname + u.search;
};

async function chooseMonths(page: Page, from: string, to: string) {
  await page.locator('#from').fill(from);
  await page.locator('#to').fill(to);
  await page.locator('#to').focus();
  await tabTo(page, 'Show these months');
  await page.keyboard.press('Enter');
}

const KINDS = ['Inconsiderate language', 'Microaggression', 'Leaving people out', 'No kind named'];
// This month: language twice (one case names two kinds), one each of the others; the total
// counts each of the 4 cases once.
const SEEDED_ROW = ['2', '1', '1', '1', '4'];
const QUIET_ROW = ['0', '0', '0', '0', '0'];
const OUTCOMES = [
  ['They apologised', '1'],
  ['Decided on a call-in, no outcome recorded', '1'],
  ['Kept as a record only', '1'],
  ['No decision recorded', '1'],
];

// ---- the flows -------------------------------------------------------------------------------

describe('counts for organizers', () => {
  it('an organizer opens Counts from the navigation and sees what was seeded', async () => {
    // The API agrees with the seed, so the page below is checked against both.
    const answer = await clients.organizer.call<Counts>('GET', `${api()}/counts`);
    expect(answer.to).toBe(seed.month);
    expect(answer.from).toBe(shift(seed.month, -11));
    expect(
      answer.items.map((i) => `${i.month} ${i.category} ${i.outcome} ${i.count}`).sort(),
    ).toEqual(
      [
        `${seed.month} exclusion record-only 1`,
        `${seed.month} inconsiderate-language apologised 1`,
        `${seed.month} inconsiderate-language record-only 1`,
        `${seed.month} microaggression call-in 1`,
        `${seed.month} uncategorised none 1`,
      ].sort(),
    );
    // Each case once in the totals: the one naming two kinds is one case.
    expect(answer.totals.map((i) => `${i.month} ${i.outcome} ${i.count}`).sort()).toEqual(
      [
        `${seed.month} apologised 1`,
        `${seed.month} call-in 1`,
        `${seed.month} none 1`,
        `${seed.month} record-only 1`,
      ].sort(),
    );

    const org = await contextFor('organizer');
    const page = await org.context.newPage();
    await page.goto(`${server.url}${c()}`);
    await heading(page, 'Garden Club');
    await settle(page);
    // Keyboard only, from the community's pages.
    await tabTo(page, 'Counts');
    await page.keyboard.press('Enter');
    await heading(page, 'Counts');
    await settle(page);
    expect(address(page)).toBe(`${c()}/counts`);
    expect(await page.title()).toBe('Counts — Garden Club · Calling In');
    expect(
      await page
        .getByRole('navigation', { name: 'Garden Club pages' })
        .getByRole('link', { name: 'Counts' })
        .getAttribute('aria-current'),
    ).toBe('page');

    // What is counted, that nothing points at anyone, and how long cases are kept.
    const main = await page.locator('main').innerText();
    expect(main).toContain('nothing here points at a person or a case');
    expect(main).toContain(
      `Closed cases are kept for ${seed.retentionDays} days after their last change.`,
    );
    expect(main).toContain('lives on only in these counts');
    // Only numbers: not who raised anything, not whom it was about, not what happened.
    expect(main).not.toMatch(/Mo Member|Dee|clueless|rota/);

    // The default range: the last twelve months, this one included, in words.
    const range = `${words(shift(seed.month, -11))} to ${words(seed.month)}`;
    await page.getByRole('heading', { level: 2, name: range }).waitFor();
    expect(await page.locator('#from').inputValue()).toBe(shift(seed.month, -11));
    expect(await page.locator('#to').inputValue()).toBe(seed.month);

    const perMonth = await table(page, `Cases per month and kind of behaviour, ${range}`);
    expect(perMonth[0]).toEqual(['Month', ...KINDS, 'Total']);
    // Twelve months, quiet ones as 0, then the totals row.
    expect(perMonth).toHaveLength(1 + 12 + 1);
    for (let i = 0; i < 12; i++) {
      const month = shift(seed.month, i - 11);
      expect(perMonth[1 + i]).toEqual([words(month), ...(i === 11 ? SEEDED_ROW : QUIET_ROW)]);
    }
    expect(perMonth[13]).toEqual(['All months', ...SEEDED_ROW]);
    const perOutcome = await table(page, `What came of them, ${range}`);
    expect(perOutcome).toEqual([['Outcome', 'Cases'], ...OUTCOMES, ['Total', '4']]);
    // Header cells say what they head.
    const scopes = await page
      .locator('table th')
      .evaluateAll((ths) => ths.map((th) => th.getAttribute('scope')));
    expect(scopes.every((s) => s === 'col' || s === 'row')).toBe(true);
    expect(scopes.filter((s) => s === 'row')).toHaveLength(12 + 1 + OUTCOMES.length + 1);
    expect(main).toContain('counted once under each');

    // Two charts above the tables, each one image whose words give the same figures.
    const charts = page.locator('figure.chart');
    expect(await charts.locator('figcaption').allInnerTexts()).toEqual([
      'Concerns raised each month',
      'What came of them',
    ]);
    const [monthsSaid, outcomesSaid] = await charts
      .locator('svg[role="img"]')
      .evaluateAll((svgs) => svgs.map((s) => s.getAttribute('aria-label') ?? ''));
    const quietMonths = Array.from(
      { length: 11 },
      (_, i) => `${words(shift(seed.month, i - 11))}, 0`,
    );
    expect(monthsSaid).toBe(
      `Concerns raised each month: ${[...quietMonths, `${words(seed.month)}, 4`].join('; ')}.`,
    );
    expect(outcomesSaid).toBe(
      `What came of them: ${OUTCOMES.map(([o, n]) => `${o}, ${n} case`).join('; ')}.`,
    );
    // One bar for the one month with concerns, one for each outcome; the bar of this month is
    // the tallest the scale allows (4 of 4).
    expect(await charts.nth(0).locator('.chart-bar').count()).toBe(1);
    expect(await charts.nth(1).locator('.chart-bar').count()).toBe(OUTCOMES.length);

    // The charts' code came in its own file, when Counts was opened, compressed.
    const scripts = await page.evaluate(() =>
      performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname),
    );
    const countsScript = scripts.find((p) => /^\/assets\/counts-[\w-]+\.js$/.test(p));
    expect(countsScript, scripts.join(', ')).toBeDefined();
    const asBrotli = await rawGet(`${server.url}${countsScript}`, 'br');
    expect(asBrotli.headers['content-encoding']).toBe('br');
    expect(asBrotli.headers.vary).toMatch(/accept-encoding/i);
    const plain = await rawGet(`${server.url}${countsScript}`, undefined);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(asBrotli.body.length).toBeLessThan(plain.body.length / 2);
    expect(zlib.brotliDecompressSync(asBrotli.body).equals(plain.body)).toBe(true);

    await audit(page, 'organizer: counts, the last twelve months');
    await done(org.context, org.problems);
  });

  it('an organizer chooses months; the address keeps them, and a wrong order is explained', async () => {
    const org = await contextFor('organizer');
    const page = await org.context.newPage();
    await page.goto(`${server.url}${c()}/counts`);
    await heading(page, 'Counts');
    await settle(page);

    // Just this month.
    const one = `${c()}/counts?from=${seed.month}&to=${seed.month}`;
    await chooseMonths(page, seed.month, seed.month);
    await page.waitForURL((u) => u.pathname + u.search === one);
    const oneRange = `${words(seed.month)} to ${words(seed.month)}`;
    await page.getByRole('heading', { level: 2, name: oneRange }).waitFor();
    await settle(page);
    const perMonth = await table(page, `Cases per month and kind of behaviour, ${oneRange}`);
    expect(perMonth.slice(1)).toEqual([
      [words(seed.month), ...SEEDED_ROW],
      ['All months', ...SEEDED_ROW],
    ]);
    await page.getByText(`Showing ${oneRange}.`).first().waitFor();
    await audit(page, 'organizer: counts, one month');

    // Three months before this one: nothing was raised, said kindly; no tables.
    const quietFrom = shift(seed.month, -3);
    const quietTo = shift(seed.month, -1);
    const quiet = `${c()}/counts?from=${quietFrom}&to=${quietTo}`;
    await chooseMonths(page, quietFrom, quietTo);
    await page.waitForURL((u) => u.pathname + u.search === quiet);
    await page
      .getByText(
        `No concerns were raised from ${words(quietFrom)} to ${words(quietTo)}, so there is nothing to count yet.`,
      )
      .waitFor();
    await settle(page);
    expect(await page.locator('main table').count()).toBe(0);
    expect(await page.locator('main').innerText()).toContain('A quiet stretch is worth noticing');
    await audit(page, 'organizer: counts, a quiet range');

    // The first month after the last: the API's error, next to "First month"; the address and
    // the figures stay as they were.
    const later = shift(seed.month, 2);
    await chooseMonths(page, later, seed.month);
    await page.getByRole('heading', { name: 'Some details need another look' }).waitFor();
    expect(await page.locator('#from-error').innerText()).toContain(
      'The first month needs to come before the last one.',
    );
    expect(await page.locator('#from').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#to').getAttribute('aria-invalid')).toBeNull();
    expect((await focused(page)).text).toMatch(/^Some details need another look/);
    expect(address(page)).toBe(quiet);
    expect(await page.locator('#from').inputValue()).toBe(later);
    expect(await page.locator('main').innerText()).toContain('A quiet stretch is worth noticing');
    await audit(page, 'organizer: counts, first month after the last');

    // More than ten years at once: the API's limit, said next to the field.
    await chooseMonths(page, shift(seed.month, -130), seed.month);
    await page
      .locator('#from-error', { hasText: 'Ask for at most 120 months at a time.' })
      .waitFor();
    expect(address(page)).toBe(quiet);

    // Back shows the month chosen before, in the fields and the table; reload keeps it.
    await page.goBack();
    await page.waitForURL((u) => u.pathname + u.search === one);
    await page.getByRole('heading', { level: 2, name: oneRange }).waitFor();
    await settle(page);
    expect(await page.locator('#from').inputValue()).toBe(seed.month);
    expect(await page.locator('#to').inputValue()).toBe(seed.month);
    await page.reload();
    await heading(page, 'Counts');
    await page.getByRole('heading', { level: 2, name: oneRange }).waitFor();
    await settle(page);
    expect(address(page)).toBe(one);
    expect(
      (await table(page, `Cases per month and kind of behaviour, ${oneRange}`)).slice(1),
    ).toEqual([
      [words(seed.month), ...SEEDED_ROW],
      ['All months', ...SEEDED_ROW],
    ]);
    expect(await table(page, `What came of them, ${oneRange}`)).toEqual([
      ['Outcome', 'Cases'],
      ...OUTCOMES,
      ['Total', '4'],
    ]);
    await audit(page, 'organizer: counts, one month after reload');

    // Months typed into the address that the API turns down are explained next to the fields.
    await page.goto(`${server.url}${c()}/counts?from=2026-13&to=${seed.month}`);
    await heading(page, 'Counts');
    await settle(page);
    await page.locator('#from-error').waitFor();
    expect(await page.locator('#from-error').innerText()).toContain(
      'Please check the format of this.',
    );
    expect(await page.locator('main').innerText()).toContain('Those months could not be counted.');
    expect(await page.locator('main table').count()).toBe(0);
    await audit(page, 'organizer: counts, months in the address turned down');

    // The API's own address (/communities/…) leads here, months and all.
    await page.goto(
      `${server.url}/communities/${seed.communityId}/counts?from=${seed.month}&to=${seed.month}`,
    );
    await page.waitForURL((u) => u.pathname + u.search === one);
    await page.getByRole('heading', { level: 2, name: oneRange }).waitFor();
    await done(org.context, org.problems);
  });

  it('a member is told kindly that the page is for organizers', async () => {
    const member = await contextFor('member');
    const page = await member.context.newPage();
    await page.goto(`${server.url}${c()}`);
    await heading(page, 'Garden Club');
    await settle(page);
    const nav = page.getByRole('navigation', { name: 'Garden Club pages' });
    expect(await nav.getByRole('link', { name: 'Raise a concern' }).count()).toBe(1);
    expect(await nav.getByRole('link', { name: 'Counts' }).count()).toBe(0);

    await page.goto(`${server.url}${c()}/counts`);
    await heading(page, 'Counts');
    await settle(page);
    expect(await page.getByRole('alert').innerText()).toContain(
      'This page is for the organizers of Garden Club. If you think you should have access, ask one of them to change your role.',
    );
    expect(await page.locator('main table').count()).toBe(0);
    expect(await page.locator('main form').count()).toBe(0);
    await audit(page, 'member: counts, not for this role');
    // And the API agrees.
    await expect(clients.member.call('GET', `${api()}/counts`)).rejects.toThrow(/403/);
    await done(member.context, member.problems);
  });
});
