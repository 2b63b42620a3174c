// Factories that make people, communities and concerns through the real domain and HTTP.
import crypto from 'node:crypto';
import { ACCOUNT_EMAIL_CONTEXT } from '../../src/contract/notifications.ts';
import type { Role } from '../../src/db/schema.ts';
import { ACCOUNT_EMAIL_JOB } from '../../src/domain/accounts/account-security.ts';
import { createOperator } from '../../src/domain/accounts/accounts.ts';
import { createCommunity } from '../../src/domain/accounts/communities.ts';
import { createInvitation } from '../../src/domain/accounts/invitations.ts';
import type { TestApp } from './app.ts';
import { Client } from './client.ts';

export const PASSWORD = 'a long and kind passphrase';

let counter = 0;
export function uniqueEmail(label = 'person'): string {
  counter++;
  return `${label}.${counter}.${crypto.randomBytes(3).toString('hex')}@example.org`;
}

export async function buildOperator(t: TestApp): Promise<Client> {
  const email = uniqueEmail('operator');
  await createOperator(t.ctx.store.transaction.bind(t.ctx.store), t.ctx.clock, {
    email,
    password: PASSWORD,
    displayName: 'Olu Operator',
  });
  return new Client(t.app).signIn(email, PASSWORD);
}

export async function buildCommunity(t: TestApp, name = 'Friendly Project') {
  const slug = `c-${crypto.randomBytes(4).toString('hex')}`;
  return createCommunity(
    t.ctx.store.transaction.bind(t.ctx.store),
    t.ctx.clock,
    { kind: 'cli' },
    { slug, name },
  );
}

/** A new person who joined through an invitation link with this role, signed in. */
export async function buildMember(
  t: TestApp,
  communityId: string,
  role: Role,
  displayName = `${role} person`,
): Promise<Client> {
  const inv = await createInvitation(
    t.ctx.store.transaction.bind(t.ctx.store),
    t.ctx.clock,
    { kind: 'cli' },
    communityId,
    {
      role,
      maxUses: 1,
      expiresInDays: 7,
    },
  );
  const client = new Client(t.app);
  const email = uniqueEmail(role);
  let r = await client.post(`/api/invitations/${inv.token}/accept`, {
    email,
    password: PASSWORD,
    displayName,
  });
  // Where email is sent, the account waits for its address: open the emailed link.
  if (r.status === 202) r = await confirmSignup(t, client, email, { keepEmail: false });
  if (r.status !== 200) throw new Error(`accept failed: ${r.status} ${JSON.stringify(r.body)}`);
  client.csrfToken = r.body.csrfToken;
  client.userId = r.body.userId;
  return client;
}

/** The link in the newest account email to this address (reset, confirmation, …). */
export async function accountEmailLink(
  t: TestApp,
  email: string,
): Promise<{ jobId: string; template: string; link: string | null } | null> {
  const rows = await t.database.handle.db
    .selectFrom('jobs')
    .select(['id', 'payload'])
    .where('name', '=', ACCOUNT_EMAIL_JOB)
    .orderBy('created_at', 'desc')
    .execute();
  for (const row of rows) {
    const p = JSON.parse(row.payload) as { template: string; sealed: string };
    const sealed = t.ctx.cipher.decrypt<{ email: string; link: string | null }>(
      p.sealed,
      ACCOUNT_EMAIL_CONTEXT,
    );
    if (sealed.email === email) return { jobId: row.id, template: p.template, link: sealed.link };
  }
  return null;
}

/**
 * Opens the confirmation link emailed after accepting an invitation signed out. The factory's
 * people have read it, so (unless `keepEmail`) the email itself is not sent: tests that count
 * emails count only the ones their story sends.
 */
export async function confirmSignup(
  t: TestApp,
  client: Client,
  email: string,
  { keepEmail = true }: { keepEmail?: boolean } = {},
) {
  const mail = await accountEmailLink(t, email.trim().toLowerCase());
  if (!mail?.link) throw new Error(`no confirmation email to ${email}`);
  if (!keepEmail)
    await t.database.handle.db
      .updateTable('jobs')
      .set({ status: 'cancelled' })
      .where('id', '=', mail.jobId)
      .where('status', '=', 'pending')
      .execute();
  return client.post('/api/invitations/confirm', { token: mail.link.split('/').at(-1) });
}

export function concernBody(overrides: Record<string, unknown> = {}) {
  return {
    what: 'In the review thread they wrote "hey guys, this is a no-brainer" twice.',
    quotes: ['hey guys, this is a no-brainer'],
    links: ['https://example.org/review/1'],
    impact: 'It made me feel left out of the review.',
    harmed: 'me',
    about: { name: 'sam_dev' },
    wants: 'ally',
    ...overrides,
  };
}

export async function buildConcern(
  client: Client,
  communityId: string,
  overrides: Record<string, unknown> = {},
) {
  const r = await client.post(`/api/communities/${communityId}/concerns`, concernBody(overrides));
  if (r.status !== 201) throw new Error(`raise failed: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body as { id: string; followToken: string; followUrl: string };
}
