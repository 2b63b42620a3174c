// Factories that make people, communities and concerns through the real domain and HTTP.
import crypto from 'node:crypto';
import type { Role } from '../../src/db/schema.ts';
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
  const r = await client.post(`/api/invitations/${inv.token}/accept`, {
    email,
    password: PASSWORD,
    displayName,
  });
  if (r.status !== 200) throw new Error(`accept failed: ${r.status} ${JSON.stringify(r.body)}`);
  client.csrfToken = r.body.csrfToken;
  client.userId = r.body.userId;
  return client;
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
