// Read-only views of a community for the people allowed to see them.
import type { ApiToken, AuditEntry, Community, Invitation, Member } from '../../contract/index.ts';
import { AppError } from '../../config/errors.ts';
import type { Repositories } from '../../db/store.ts';
import { authorize } from '../access/policy.ts';
import { hiddenConcernIds } from '../access/case-exclusions.ts';
import type { Actor } from '../access/actor.ts';
import { parseSettings } from './community-settings.ts';
import { getCommunity, presentCommunity } from './communities.ts';

export async function listCommunities(
  repos: Pick<Repositories, 'communities'>,
  actor: Actor,
): Promise<Community[]> {
  if (actor.kind === 'user' && actor.isOperator) {
    const all = await repos.communities.listAll();
    const mine = new Map(
      (await repos.communities.listForUser(actor.userId)).map((c) => [c.id, c.role]),
    );
    return all.map((c) => ({ ...presentCommunity(c), role: mine.get(c.id) ?? null }));
  }
  if (actor.kind === 'user') {
    return (await repos.communities.listForUser(actor.userId)).map((c) => ({
      ...presentCommunity(c),
      role: c.role,
    }));
  }
  if (actor.kind === 'token') {
    const c = await repos.communities.listForUser(actor.userId);
    return c
      .filter((x) => x.id === actor.communityId)
      .map((x) => ({ ...presentCommunity(x), role: x.role }));
  }
  throw new AppError('sign_in_required');
}

/** The operator sees every community's name; members see their own. */
export async function viewCommunity(
  repos: Pick<Repositories, 'communities' | 'memberships'>,
  actor: Actor,
  communityId: string,
): Promise<Community> {
  const { role } = await authorize(repos, actor, 'community.view', { communityId });
  return { ...presentCommunity(await getCommunity(repos, communityId)), role };
}

export async function readSettings(
  repos: Pick<Repositories, 'communities' | 'memberships'>,
  actor: Actor,
  communityId: string,
) {
  await authorize(repos, actor, 'community.settings', { communityId });
  const c = await getCommunity(repos, communityId);
  return {
    settings: parseSettings(c.settings),
    intakeId: c.intakeId,
    intakeOpen: c.intakeOpen,
  };
}

export async function listMembers(
  repos: Pick<Repositories, 'memberships'>,
  actor: Actor,
  communityId: string,
): Promise<Member[]> {
  await authorize(repos, actor, 'members.manage', { communityId });
  const rows = await repos.memberships.list(communityId);
  return rows.map((r) => ({
    userId: r.userId,
    displayName: r.displayName,
    email: r.email,
    role: r.role,
    joinedAt: r.createdAt,
  }));
}

export async function listInvitations(
  repos: Pick<Repositories, 'memberships' | 'invitations'>,
  actor: Actor,
  communityId: string,
): Promise<Invitation[]> {
  await authorize(repos, actor, 'invitations.manage', { communityId });
  const rows = await repos.invitations.listForCommunity(communityId);
  return rows.map((r) => ({
    id: r.id,
    role: r.role,
    createdAt: r.createdAt,
    expiresAt: r.expiresAt,
    maxUses: r.maxUses,
    uses: r.uses,
    revoked: r.revokedAt !== null,
  }));
}

export async function listApiTokens(
  repos: Pick<Repositories, 'memberships' | 'apiTokens'>,
  actor: Actor,
  communityId: string,
): Promise<ApiToken[]> {
  const { userId } = await authorize(repos, actor, 'tokens.own', { communityId });
  const rows = await repos.apiTokens.listForUser(communityId, userId ?? '');
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    createdAt: r.createdAt,
    lastUsedAt: r.lastUsedAt,
    revoked: r.revokedAt !== null,
  }));
}

export async function listCommunityAudit(
  repos: Pick<Repositories, 'memberships' | 'audit' | 'conflicts' | 'callIns' | 'enforcement'>,
  actor: Actor,
  communityId: string,
  limit: number,
): Promise<AuditEntry[]> {
  const { userId } = await authorize(repos, actor, 'audit.read', { communityId });
  const hidden = await hiddenTargets(repos, communityId, userId);
  const rows = await repos.audit.listForCommunity(communityId, limit);
  // Rule 9: entries about a case this person may not handle are left out.
  return rows
    .filter((r) => !(r.targetId && hidden.has(r.targetId)))
    .map((r) => ({
      seq: Number(r.seq),
      action: r.action,
      actorKind: r.actorKind,
      actorId: r.actorId,
      channel: r.channel,
      targetType: r.targetType,
      targetId: r.targetId,
      at: r.at,
    }));
}

/** The concerns, call-ins and enforcement records of cases this person may not handle. */
async function hiddenTargets(
  repos: Pick<Repositories, 'conflicts' | 'callIns' | 'enforcement'>,
  communityId: string,
  userId: string | null,
): Promise<Set<string>> {
  const hidden = await hiddenConcernIds(repos, communityId, userId);
  if (hidden.size === 0) return hidden;
  const out = new Set(hidden);
  for (const c of await repos.callIns.listForConcerns(communityId, [...hidden])) out.add(c.id);
  for (const e of await repos.enforcement.list(communityId)) {
    if (e.subjectUserId === userId || e.concernIds.some((id) => hidden.has(id))) out.add(e.id);
  }
  return out;
}
