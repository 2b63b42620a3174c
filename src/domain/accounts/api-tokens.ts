// API tokens: scoped to one community, shown once, stored hashed.
import type { ApiTokenMade } from '../../contract/index.ts';
import { AppError } from '../../config/errors.ts';
import type { Repositories, Tx } from '../../db/store.ts';
import { authorize, requirePerson } from '../access/policy.ts';
import type { Actor } from '../access/actor.ts';
import { recordAudit } from '../audit/audit-record.ts';
import { isoNow, type Clock } from '../common/clock.ts';
import { hashSecret, newId, newSecret } from '../common/tokens.ts';
export const API_TOKEN_PREFIX = 'callin_';

export async function createApiToken(
  tx: Tx<'memberships' | 'apiTokens' | 'audit'>,
  clock: Clock,
  actor: Actor,
  communityId: string,
  name: string,
): Promise<ApiTokenMade> {
  // Tokens are made from a signed-in session, never from another token.
  requirePerson(actor);
  return tx(async ({ memberships, apiTokens, audit }) => {
    await authorize({ memberships }, actor, 'token.create', { communityId });
    const at = isoNow(clock);
    const token = newSecret(API_TOKEN_PREFIX);
    const id = newId();
    await apiTokens.insert({
      id,
      tokenHash: hashSecret(token),
      communityId,
      userId: actor.userId,
      name: name.trim(),
      createdAt: at,
      lastUsedAt: null,
      revokedAt: null,
    });
    await recordAudit(
      audit,
      actor,
      { communityId, action: 'token.create', targetType: 'api-token', targetId: id },
      at,
    );
    return { id, token };
  });
}

export async function revokeApiToken(
  tx: Tx<'memberships' | 'apiTokens' | 'audit'>,
  clock: Clock,
  actor: Actor,
  communityId: string,
  tokenId: string,
): Promise<void> {
  await tx(async ({ memberships, apiTokens, audit }) => {
    const { userId } = await authorize({ memberships }, actor, 'tokens.own', { communityId });
    const at = isoNow(clock);
    if (!(await apiTokens.revoke(communityId, userId ?? '', tokenId, at)))
      throw new AppError('not_found');
    await recordAudit(
      audit,
      actor,
      { communityId, action: 'token.revoke', targetType: 'api-token', targetId: tokenId },
      at,
    );
  });
}

export async function resolveApiToken(
  apiTokens: Repositories['apiTokens'],
  clock: Clock,
  token: string,
): Promise<Extract<Actor, { kind: 'token' }> | null> {
  if (!token.startsWith(API_TOKEN_PREFIX)) return null;
  const row = await apiTokens.findActiveWithUser(hashSecret(token));
  if (!row || row.erasedAt !== null) return null;
  const now = clock.now();
  // Record use at most hourly, so reading with a token stays a read.
  if (!row.lastUsedAt || now.getTime() - Date.parse(row.lastUsedAt) > 3_600_000) {
    await apiTokens.markUsed(row.id, now.toISOString());
  }
  return {
    kind: 'token',
    userId: row.userId,
    isOperator: false,
    communityId: row.communityId,
    tokenId: row.id,
  };
}
