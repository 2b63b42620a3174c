// Like the shared factories, but keeps each person's email (erasure tests search for it).
import crypto from 'node:crypto';
import type { Role } from '../../src/db/schema.ts';
import { createInvitation } from '../../src/domain/accounts/invitations.ts';
import type { TestApp } from '../helpers/app.ts';
import { Client } from '../helpers/client.ts';
import { PASSWORD, uniqueEmail } from '../helpers/factories.ts';

export { buildCommunity, buildConcern, PASSWORD } from '../helpers/factories.ts';

export async function createdEmailOf(
  t: TestApp,
  communityId: string,
  role: Role,
  displayName: string,
): Promise<{ client: Client; email: string }> {
  const inv = await createInvitation(
    t.ctx.store.transaction.bind(t.ctx.store),
    t.ctx.clock,
    { kind: 'cli' },
    communityId,
    { role, maxUses: 1, expiresInDays: 7 },
  );
  const client = new Client(t.app);
  const email = uniqueEmail(`${role}-${crypto.randomBytes(2).toString('hex')}`);
  const r = await client.post(`/api/invitations/${inv.token}/accept`, {
    email,
    password: PASSWORD,
    displayName,
  });
  if (r.status !== 200) throw new Error(`accept failed: ${r.status} ${JSON.stringify(r.body)}`);
  client.csrfToken = r.body.csrfToken;
  client.userId = r.body.userId;
  return { client, email };
}
