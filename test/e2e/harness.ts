// Starts the real server (`node bin/callin.js start`) on a free port with a fresh data folder,
// reads the one-time setup link from its output, and launches Debian's Chromium.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { expect } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export interface RunningServer {
  url: string;
  setupLink: Promise<string>;
  stop: () => Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

/** A data folder that outlives one server process, so a test can restart on the same data. */
export function makeDataDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'callin-e2e-'));
}

/**
 * `env`: more variables for this server (for example SMTP_URL and RUN_JOBS, to send email).
 * `opts.dataDir` and `opts.port`: start on a folder (and port) a stopped server used before;
 * the caller then removes the folder. Otherwise the server gets a fresh folder it removes on stop.
 */
export async function startServer(
  env: Record<string, string> = {},
  opts: { dataDir?: string; port?: number } = {},
): Promise<RunningServer> {
  const port = opts.port ?? (await freePort());
  const dataDir = opts.dataDir ?? makeDataDir();
  const url = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(process.execPath, ['bin/callin.js', 'start'], {
    cwd: path.resolve(import.meta.dirname, '../..'),
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      PUBLIC_URL: url,
      LOG_LEVEL: 'silent',
      DATABASE_URL: '',
      RUN_JOBS: 'false',
      RATE_LIMIT_SIGN_IN: '1000',
      RATE_LIMIT_PUBLIC_FORMS: '1000',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  let resolveLink: (s: string) => void = () => undefined;
  const setupLink = new Promise<string>((r) => (resolveLink = r));
  child.stdout?.on('data', (d: Buffer) => {
    out += d.toString();
    const m = /(https?:\/\/\S+\/setup#\S+)/.exec(out);
    if (m?.[1]) resolveLink(m[1]);
  });
  child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The server stopped: ${out}\n${err}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`The server did not start: ${out}\n${err}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    setupLink,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      if (!opts.dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function launchBrowser(): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  // Every context counts the page's requests in flight, so `settle` can tell when the page is
  // quiet without waiting out Playwright's fixed 500 ms of network silence.
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options) => {
    const context = await newContext(options);
    await context.addInitScript(trackRequests);
    return context;
  };
  return browser;
}

declare global {
  interface Window {
    __inflight?: number;
    __lastNetwork?: number;
  }
}

/** Runs in the page: counts fetches in flight and when the network was last busy. */
function trackRequests(): void {
  window.__inflight = 0;
  window.__lastNetwork = performance.now();
  const original = window.fetch.bind(window);
  window.fetch = async (...args: Parameters<typeof fetch>) => {
    window.__inflight = (window.__inflight ?? 0) + 1;
    window.__lastNetwork = performance.now();
    try {
      return await original(...args);
    } finally {
      window.__inflight = (window.__inflight ?? 1) - 1;
      window.__lastNetwork = performance.now();
    }
  };
}

/** Console errors and CSP violations seen on a page (expected API answers aside). */
export interface PageProblems {
  list: string[];
}

export async function watchPage(context: BrowserContext): Promise<PageProblems> {
  const problems: PageProblems = { list: [] };
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  context.on('page', (page) => attach(page, problems));
  return problems;
}

function attach(page: Page, problems: PageProblems): void {
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    const text = msg.text();
    // The browser logs every 4xx answer; the UI turns those into messages on purpose
    // (signed out, an expired link, a role without access). Anything else is a problem.
    if (/^Failed to load resource: the server responded with a status of 4\d\d/.test(text)) return;
    problems.list.push(`${page.url()}: ${text}`);
  });
  page.on('pageerror', (e) => problems.list.push(`${page.url()}: ${e.message}`));
}

/** A small cookie-aware client for seeding data through the API. */
export class ApiClient {
  cookie = '';
  csrf = '';
  constructor(readonly base: string) {}
  async call<T = Record<string, unknown>>(method: string, p: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = {};
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (this.cookie) headers.cookie = this.cookie;
    if (this.csrf && method !== 'GET') headers['x-csrf-token'] = this.csrf;
    const res = await fetch(this.base + p, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const set = res.headers.getSetCookie().find((c) => c.startsWith('callin_session='));
    if (set) this.cookie = set.split(';')[0] ?? '';
    const data = (await res.json()) as T & { csrfToken?: string };
    if (!res.ok) throw new Error(`${method} ${p} → ${res.status} ${JSON.stringify(data)}`);
    if (typeof data.csrfToken === 'string') this.csrf = data.csrfToken;
    return data;
  }
  /** The session cookie, for a browser context. */
  cookieFor(url: string) {
    const [name, value] = this.cookie.split('=');
    return [{ name: name ?? '', value: value ?? '', url }];
  }
}

/** The WCAG 2.2 A and AA rules every page is held to. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Waits until the page has finished loading its data (no "Loading…" status left). */
export async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('load');
  // Pages opened in a context made by `launchBrowser` count their requests; any other page
  // waits for Playwright's network idle.
  if (!(await page.evaluate(() => window.__inflight !== undefined))) {
    await page.waitForLoadState('networkidle');
  }
  await page.waitForFunction(
    () => {
      const busy = Array.from(document.querySelectorAll('[role="status"]')).some((e) =>
        e.textContent?.endsWith('…'),
      );
      if (busy) return false;
      if (window.__inflight === undefined || window.__lastNetwork === undefined) return true;
      // Quiet for 150 ms with nothing in flight.
      return window.__inflight === 0 && performance.now() - window.__lastNetwork > 150;
    },
    undefined,
    { polling: 50 },
  );
}

/**
 * One h1, a page title of its own, and no axe violations: what is wrong, as lines. With
 * `darkPhone`, the page is checked again in dark at a phone's width (390 px), where nothing may
 * scroll sideways but a table's own scroll region (WCAG 1.4.10, reflow). The accessibility walk
 * (a11y.test.ts, every page and state) and the story do both; the other files check light at a
 * desktop width, to keep the run short.
 */
export async function auditPage(
  page: Page,
  label: string,
  { darkPhone = false }: { darkPhone?: boolean } = {},
): Promise<string[]> {
  await settle(page);
  const found: string[] = [];
  const h1s = await page.locator('h1').count();
  if (h1s !== 1) found.push(`${label}: ${h1s} h1 elements`);
  const title = await page.title();
  if (!title.endsWith('· Calling In')) found.push(`${label}: page title "${title}"`);
  found.push(...(await axe(page, label)));
  if (!darkPhone) return found;
  const size = page.viewportSize();
  const wasDark = await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches);
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.setViewportSize({ width: 390, height: 844 });
  try {
    const wide = await page.evaluate(() => {
      const edge = document.documentElement.clientWidth;
      const reach = document.documentElement.scrollWidth;
      // The innermost elements whose right edge is where the page's scrolling ends: those
      // make it scroll (elements inside a scroll region of their own may reach further).
      const past = Array.from(document.body.querySelectorAll('*')).filter(
        (e) => Math.abs(e.getBoundingClientRect().right - reach) <= 2,
      );
      const innermost = past.filter((e) => !past.some((o) => o !== e && e.contains(o)));
      const name = (e: Element) =>
        e.tagName.toLowerCase() +
        (e.className ? `.${String(e.className).split(' ').join('.')}` : '');
      return { by: reach - edge, what: innermost.slice(0, 3).map(name).join(', ') };
    });
    if (wide.by > 1)
      found.push(`${label} (phone): the page scrolls sideways by ${wide.by}px (${wide.what})`);
    found.push(...(await axe(page, `${label} (dark, phone)`, SCHEME_AND_WIDTH_RULES)));
  } finally {
    await page.emulateMedia({ colorScheme: wasDark ? 'dark' : 'light' });
    if (size) await page.setViewportSize(size);
  }
  return found;
}

/**
 * The axe rules whose answer can change with the colour scheme or the width; the rest read the
 * markup, which is the same in both, so the second pass runs only these.
 */
const SCHEME_AND_WIDTH_RULES = [
  'color-contrast',
  'link-in-text-block',
  'target-size',
  'scrollable-region-focusable',
];

async function axe(page: Page, label: string, rules?: string[]): Promise<string[]> {
  const builder = new AxeBuilder({ page });
  const result = await (rules ? builder.withRules(rules) : builder.withTags(AXE_TAGS)).analyze();
  return result.violations.map(
    (v) =>
      `${label}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes
        .slice(0, 3)
        .map((n) => n.target.join(' '))
        .join(', ')}`,
  );
}

// ---- keyboard -------------------------------------------------------------------------------

/** What has focus: its id, its text, and whether its focus outline is visible (≥ 2px). */
export async function focused(page: Page) {
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

/** Tabs until the focused element's text starts with `text` (or has that id); focus must be visible. */
export async function tabTo(page: Page, text: string | { id: string }) {
  for (let i = 0; i < 120; i++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    if (typeof text === 'string' ? f.text !== '' && f.text.startsWith(text) : f.id === text.id) {
      expect(f.outline, `visible focus on "${f.text}"`).toBe(true);
      return;
    }
  }
  throw new Error(`Could not reach ${JSON.stringify(text)} with the keyboard on ${page.url()}`);
}

export async function heading(page: Page, text: string | RegExp) {
  await page.getByRole('heading', { level: 1, name: text }).waitFor({ timeout: 15_000 });
}

// ---- a community to test in --------------------------------------------------------------------

export const E2E_PASSWORD = 'a long and calm passphrase';

export interface TestCommunity {
  id: string;
  /** The operator, signed in. */
  operator: ApiClient;
  /** A new account that joined through an invitation `inviter` made, signed in. */
  join: (
    inviter: ApiClient,
    role: string,
    email: string,
    displayName: string,
  ) => Promise<ApiClient>;
}

/** Creates the operator from the setup link, then a community with the given slug and name. */
export async function setUpCommunity(
  server: RunningServer,
  slug: string,
  name: string,
): Promise<TestCommunity> {
  const operator = new ApiClient(server.url);
  await operator.call('POST', '/api/setup', {
    token: (await server.setupLink).split('#')[1] ?? '',
    email: 'op@example.org',
    password: E2E_PASSWORD,
    displayName: 'Olu Operator',
  });
  await operator.call('POST', '/api/auth/sign-in', {
    email: 'op@example.org',
    password: E2E_PASSWORD,
  });
  const { id } = await operator.call<{ id: string }>('POST', '/api/communities', { slug, name });
  return {
    id,
    operator,
    join: async (inviter, role, email, displayName) => {
      const inv = await inviter.call<{ token: string }>(
        'POST',
        `/api/communities/${id}/invitations`,
        { role },
      );
      const client = new ApiClient(server.url);
      await client.call('POST', `/api/invitations/${inv.token}/accept`, {
        email,
        password: E2E_PASSWORD,
        displayName,
      });
      return client;
    },
  };
}
