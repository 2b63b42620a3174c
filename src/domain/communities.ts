// Communities, their members and roles, invitations by link, and API tokens.
import { AppError } from '../config/errors.ts';
import type { Community, Role } from '../db/schema.ts';
import type { Repositories, Tx } from '../db/store.ts';
import { authorize, requireOperator, requireSignedIn } from './access.ts';
import {
  insertAccount,
  preparePassword,
  startSession,
  type IssuedSession,
  type NewAccount,
  type SessionOptions,
} from './accounts.ts';
import type { Actor } from './actor.ts';
import { recordAudit } from './audit-record.ts';
import { addHours, isoNow, type Clock } from './clock.ts';
import {
  defaultSettings,
  mergeSettings,
  parseSettings,
  type CommunitySettings,
  type SettingsPatch,
} from './community-settings.ts';
import { validateLanguageConfig } from './language-check.ts';
import { hashSecret, newId, newSecret } from './tokens.ts';

export interface CommunityView {
  id: string;
  slug: string;
  name: string;
  intakeOpen: boolean;
  createdAt: string;
}

export function presentCommunity(c: Community): CommunityView {
  return {
    id: c.id,
    slug: c.slug,
    name: c.name,
    intakeOpen: c.intake_open === 1,
    createdAt: c.created_at,
  };
}

export async function createCommunity(
  tx: Tx<'communities' | 'audit'>,
  clock: Clock,
  actor: Actor,
  input: { slug: string; name: string },
): Promise<Community> {
  requireOperator(actor);
  return tx(async ({ communities, audit }) => {
    const slug = input.slug.trim().toLowerCase();
    if (await communities.findBySlug(slug)) throw new AppError('slug_taken');
    const at = isoNow(clock);
    const row: Community = {
      id: newId(),
      slug,
      name: input.name.trim(),
      intake_id: newSecret().slice(0, 22),
      intake_open: 1,
      settings: JSON.stringify(defaultSettings),
      created_by: actor.kind === 'user' ? actor.userId : null,
      created_at: at,
    };
    await communities.insert(row);
    await recordAudit(
      audit,
      actor,
      {
        communityId: row.id,
        action: 'community.create',
        targetType: 'community',
        targetId: row.id,
      },
      at,
    );
    return row;
  });
}

export async function getCommunity(
  repos: Pick<Repositories, 'communities'>,
  communityId: string,
): Promise<Community> {
  const c = await repos.communities.findById(communityId);
  if (!c) throw new AppError('not_found');
  return c;
}

export async function updateCommunity(
  tx: Tx<'communities' | 'memberships' | 'audit'>,
  clock: Clock,
  actor: Actor,
  communityId: string,
  patch: {
    name?: string | undefined;
    intakeOpen?: boolean | undefined;
    settings?: SettingsPatch | undefined;
  },
): Promise<{ community: Community; settings: CommunitySettings }> {
  return tx(async ({ communities, memberships, audit }) => {
    const community = await getCommunity({ communities }, communityId);
    if (patch.settings !== undefined || patch.intakeOpen !== undefined) {
      await authorize(memberships, actor, communityId, 'settings.manage');
    } else {
      // Renaming is open to the operator as well as organizers.
      if (!(actor.kind === 'user' && actor.isOperator)) {
        await authorize(memberships, actor, communityId, 'settings.manage');
      }
    }
    if (patch.settings?.language) validateLanguageConfig(patch.settings.language);
    const settings = patch.settings
      ? mergeSettings(parseSettings(community.settings), patch.settings)
      : parseSettings(community.settings);
    const update = {
      ...(patch.name !== undefined ? { name: patch.name.trim() } : {}),
      ...(patch.intakeOpen !== undefined ? { intake_open: patch.intakeOpen ? 1 : 0 } : {}),
      ...(patch.settings !== undefined ? { settings: JSON.stringify(settings) } : {}),
    };
    const at = isoNow(clock);
    await communities.update(communityId, update);
    await recordAudit(
      audit,
      actor,
      { communityId, action: 'community.update', targetType: 'community', targetId: communityId },
      at,
    );
    return { community: { ...community, ...update }, settings };
  });
}

// ---- invitations --------------------------------------------------------------------------

export async function createInvitation(
  tx: Tx<'communities' | 'memberships' | 'invitations' | 'audit'>,
  clock: Clock,
  actor: Actor,
  communityId: string,
  input: { role: Role; maxUses: number; expiresInDays: number },
): Promise<{ id: string; token: string; expiresAt: string }> {
  return tx(async ({ communities, memberships, invitations, audit }) => {
    await getCommunity({ communities }, communityId);
    const operatorBootstrapping =
      actor.kind === 'user' &&
      actor.isOperator &&
      (await memberships.countWithRole(communityId, 'organizer')) === 0;
    // The operator may invite the first organizer; after that, organizers invite.
    if (!operatorBootstrapping && actor.kind !== 'cli') {
      await authorize(memberships, actor, communityId, 'invitations.manage');
    }
    const at = isoNow(clock);
    const token = newSecret();
    const id = newId();
    const expiresAt = addHours(at, input.expiresInDays * 24);
    await invitations.insert({
      id,
      community_id: communityId,
      token_hash: hashSecret(token),
      role: input.role,
      created_by: actor.kind === 'user' || actor.kind === 'token' ? actor.userId : null,
      created_at: at,
      expires_at: expiresAt,
      max_uses: input.maxUses,
      uses: 0,
      revoked_at: null,
    });
    await recordAudit(
      audit,
      actor,
      { communityId, action: 'invitation.create', targetType: 'invitation', targetId: id },
      at,
    );
    return { id, token, expiresAt };
  });
}

async function usableInvitation(
  repos: Pick<Repositories, 'invitations'>,
  token: string,
  at: string,
) {
  const inv = await repos.invitations.findByTokenHash(hashSecret(token));
  if (!inv || inv.revoked_at !== null || inv.expires_at <= at || inv.uses >= inv.max_uses) {
    throw new AppError('invitation_invalid');
  }
  return inv;
}

export async function previewInvitation(
  repos: Pick<Repositories, 'invitations' | 'communities'>,
  clock: Clock,
  token: string,
): Promise<{ community: CommunityView; role: Role; expiresAt: string }> {
  const inv = await usableInvitation(repos, token, isoNow(clock));
  const community = await getCommunity(repos, inv.community_id);
  return { community: presentCommunity(community), role: inv.role, expiresAt: inv.expires_at };
}

/** A signed-in person joins, or a new account is made and signed in. */
export async function acceptInvitation(
  tx: Tx<'invitations' | 'memberships' | 'users' | 'sessions' | 'audit'>,
  clock: Clock,
  sessionOptions: SessionOptions,
  actor: Actor,
  token: string,
  newAccount: NewAccount | null,
): Promise<{ communityId: string; role: Role; userId: string; session: IssuedSession | null }> {
  if (actor.kind === 'token') throw new AppError('forbidden');
  if (actor.kind !== 'user' && !newAccount) throw new AppError('sign_in_required');
  const passwordHash =
    actor.kind !== 'user' && newAccount ? await preparePassword(newAccount) : null;
  return tx(async (repos) => {
    const at = isoNow(clock);
    const inv = await usableInvitation(repos, token, at);
    let userId: string;
    if (actor.kind === 'user') {
      userId = actor.userId;
      if (await repos.memberships.find(inv.community_id, userId))
        throw new AppError('already_member');
    } else {
      userId = await insertAccount(
        repos.users,
        { ...newAccount!, passwordHash: passwordHash! },
        at,
      );
    }
    if (!(await repos.invitations.use(inv.id))) throw new AppError('invitation_invalid');
    await repos.memberships.insert({
      community_id: inv.community_id,
      user_id: userId,
      role: inv.role,
      created_at: at,
    });
    await recordAudit(
      repos.audit,
      actor.kind === 'user' ? actor : { kind: 'user', userId, isOperator: false },
      {
        communityId: inv.community_id,
        action: 'invitation.accept',
        targetType: 'membership',
        targetId: userId,
      },
      at,
    );
    const session =
      actor.kind === 'user'
        ? null
        : await startSession(repos.sessions, clock, sessionOptions, userId);
    return { communityId: inv.community_id, role: inv.role, userId, session };
  });
}

export async function revokeInvitation(
  tx: Tx<'memberships' | 'invitations' | 'audit'>,
  clock: Clock,
  actor: Actor,
  communityId: string,
  invitationId: string,
): Promise<void> {
  await tx(async ({ memberships, invitations, audit }) => {
    await authorize(memberships, actor, communityId, 'invitations.manage');
    const inv = await invitations.findById(communityId, invitationId);
    if (!inv) throw new AppError('not_found');
    const at = isoNow(clock);
    await invitations.revoke(inv.id, at);
    await recordAudit(
      audit,
      actor,
      { communityId, action: 'invitation.revoke', targetType: 'invitation', targetId: inv.id },
      at,
    );
  });
}

// ---- members ------------------------------------------------------------------------------

export async function changeRole(
  tx: Tx<'memberships' | 'audit'>,
  clock: Clock,
  actor: Actor,
  communityId: string,
  userId: string,
  role: Role | null,
): Promise<void> {
  await tx(async ({ memberships, audit }) => {
    await authorize(memberships, actor, communityId, 'members.manage');
    const m = await memberships.find(communityId, userId);
    if (!m) throw new AppError('not_found');
    if (
      m.role === 'organizer' &&
      role !== 'organizer' &&
      (await memberships.countWithRole(communityId, 'organizer')) <= 1
    ) {
      throw new AppError('last_organizer');
    }
    const at = isoNow(clock);
    if (role === null) await memberships.delete(communityId, userId);
    else await memberships.updateRole(communityId, userId, role);
    await recordAudit(
      audit,
      actor,
      {
        communityId,
        action: role === null ? 'member.remove' : 'member.role',
        targetType: 'membership',
        targetId: userId,
      },
      at,
    );
  });
}

// ---- API tokens ---------------------------------------------------------------------------

export const API_TOKEN_PREFIX = 'callin_';

export async function createApiToken(
  tx: Tx<'memberships' | 'apiTokens' | 'audit'>,
  clock: Clock,
  actor: Actor,
  communityId: string,
  name: string,
): Promise<{ id: string; token: string }> {
  // Tokens are made from a signed-in session, never from another token.
  if (actor.kind !== 'user')
    throw new AppError(actor.kind === 'token' ? 'forbidden' : 'sign_in_required');
  return tx(async ({ memberships, apiTokens, audit }) => {
    await authorize(memberships, actor, communityId, 'tokens.own');
    requireSignedIn(actor);
    const at = isoNow(clock);
    const token = newSecret(API_TOKEN_PREFIX);
    const id = newId();
    await apiTokens.insert({
      id,
      token_hash: hashSecret(token),
      community_id: communityId,
      user_id: actor.userId,
      name: name.trim(),
      created_at: at,
      last_used_at: null,
      revoked_at: null,
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
    await authorize(memberships, actor, communityId, 'tokens.own');
    requireSignedIn(actor);
    const at = isoNow(clock);
    if (!(await apiTokens.revoke(communityId, actor.userId, tokenId, at)))
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
  if (!row || row.erased_at !== null) return null;
  const now = clock.now();
  // Record use at most hourly, so reading with a token stays a read.
  if (!row.last_used_at || now.getTime() - Date.parse(row.last_used_at) > 3_600_000) {
    await apiTokens.markUsed(row.id, now.toISOString());
  }
  return {
    kind: 'token',
    userId: row.user_id,
    isOperator: false,
    communityId: row.community_id,
    tokenId: row.id,
  };
}
