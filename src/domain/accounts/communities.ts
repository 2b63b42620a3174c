// Communities, their settings, and members' roles.
import { AppError } from '../../config/errors.ts';
import type { Role } from '../../contract/vocabulary.ts';
import type { Community } from '../../db/records.ts';
import type { Repositories, Tx } from '../../db/store.ts';
import { authorize, decide } from '../access/policy.ts';
import type { Actor } from '../access/actor.ts';
import { recordAudit } from '../audit/audit-record.ts';
import { isoNow, type Clock } from '../common/clock.ts';
import {
  defaultSettings,
  mergeSettings,
  parseSettings,
  type CommunitySettings,
  type SettingsPatch,
} from './community-settings.ts';
import { validateLanguageConfig } from '../conversation/language-check.ts';
import { newId, newSecret } from '../common/tokens.ts';
import { releaseCallIns, type ReleaseDeps } from '../handoff/release.ts';
import { tellIfNobodyLeft } from '../notifications/nobody-left.ts';

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
    intakeOpen: c.intakeOpen,
    createdAt: c.createdAt,
  };
}

export async function createCommunity(
  tx: Tx<'communities' | 'audit'>,
  clock: Clock,
  actor: Actor,
  input: { slug: string; name: string },
): Promise<Community> {
  decide('community.create', actor, null, { communityId: null });
  return tx(async ({ communities, audit }) => {
    const slug = input.slug.trim().toLowerCase();
    if (await communities.findBySlug(slug)) throw new AppError('slug_taken');
    const at = isoNow(clock);
    const row: Community = {
      id: newId(),
      slug,
      name: input.name.trim(),
      intakeId: newSecret().slice(0, 22),
      intakeOpen: true,
      settings: defaultSettings,
      createdBy: actor.kind === 'user' ? actor.userId : null,
      createdAt: at,
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
    // Renaming is open to the operator as well as organizers.
    const action =
      patch.settings !== undefined || patch.intakeOpen !== undefined
        ? 'community.settings'
        : 'community.rename';
    await authorize({ memberships }, actor, action, { communityId });
    if (patch.settings?.language) validateLanguageConfig(patch.settings.language);
    const settings = patch.settings
      ? mergeSettings(parseSettings(community.settings), patch.settings)
      : parseSettings(community.settings);
    const update = {
      ...(patch.name !== undefined ? { name: patch.name.trim() } : {}),
      ...(patch.intakeOpen !== undefined ? { intakeOpen: patch.intakeOpen } : {}),
      ...(patch.settings !== undefined ? { settings } : {}),
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

// ---- members ------------------------------------------------------------------------------

/**
 * Changes a member's role, or (null) removes them. Rule 11: the last organizer stays until
 * someone else is one, and call-ins they may no longer hold go back to matching at once.
 */
export async function changeRole(
  tx: Tx<
    'memberships' | 'audit' | 'callIns' | 'care' | 'jobs' | 'concerns' | 'conflicts' | 'users'
  >,
  deps: { clock: Clock } & ReleaseDeps,
  actor: Actor,
  communityId: string,
  userId: string,
  role: Role | null,
): Promise<void> {
  const { clock } = deps;
  await tx(async (repos) => {
    const { memberships, audit } = repos;
    await authorize({ memberships }, actor, 'members.manage', { communityId });
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
    await releaseCallIns(repos, deps, actor, { userId, communityId, role }, at);
    // Rule 9: an organizer leaving may leave a case with nobody who can handle it.
    if (m.role === 'organizer' && role !== 'organizer')
      for (const c of await repos.concerns.listOpen(communityId))
        await tellIfNobodyLeft(repos, deps.cipher, c, at);
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
