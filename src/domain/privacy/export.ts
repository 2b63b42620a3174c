// A person's copy of their own data (GET /api/me/export): their account, memberships, the
// concerns they raised under their name with their own words, their tokens' names and their
// care records. Never anyone else's data: names of other people in their concerns are left out.
import type { MyData } from '../../contract/index.ts';
import { AppError } from '../../config/errors.ts';
import type { Repositories } from '../../db/store.ts';
import type { Actor } from '../access/actor.ts';
import { requirePerson } from '../access/policy.ts';
import { contentContext, type ConcernContent } from '../intake/concerns.ts';
import type { Cipher } from './crypto.ts';

export async function exportMyData(
  repos: Pick<Repositories, 'users' | 'privacy'>,
  cipher: Cipher,
  actor: Actor,
  exportedAt: string,
): Promise<MyData> {
  requirePerson(actor);
  const user = await repos.users.findById(actor.userId);
  if (!user || user.erased_at !== null) throw new AppError('sign_in_required');
  const [memberships, concerns, tokens, [careProfiles, careLogs]] = await Promise.all([
    repos.privacy.membershipsOf(user.id),
    repos.privacy.concernsRaisedBy(user.id),
    repos.privacy.tokensOf(user.id),
    repos.privacy.careOf(user.id),
  ]);
  return {
    exportedAt,
    account: {
      id: user.id,
      email: user.email,
      displayName: user.display_name,
      isOperator: user.is_operator === 1,
      createdAt: user.created_at,
    },
    memberships: memberships.map((m) => ({
      communityId: m.id,
      community: m.name,
      role: m.role,
      joinedAt: m.created_at,
    })),
    concernsRaised: concerns.map((c) => {
      const content = cipher.decrypt<ConcernContent>(c.content, contentContext(c));
      return {
        id: c.id,
        communityId: c.community_id,
        status: c.status,
        wants: c.wants,
        createdAt: c.created_at,
        what: content.what,
        quotes: content.quotes,
        links: content.links,
        impact: content.impact,
        contact: content.contact,
      };
    }),
    apiTokens: tokens.map((t) => ({
      name: t.name,
      communityId: t.community_id,
      createdAt: t.created_at,
      lastUsedAt: t.last_used_at,
      revokedAt: t.revoked_at,
    })),
    care: {
      profiles: careProfiles.map((p) => ({
        communityId: p.community_id,
        capacity: p.capacity,
        paused: p.paused === 1,
        languages: p.languages,
        updatedAt: p.updated_at,
      })),
      logs: careLogs.map((l) => ({
        communityId: l.community_id,
        minutes: l.minutes,
        drain: l.drain,
        createdAt: l.created_at,
      })),
    },
  };
}
export type MyDataExport = Awaited<ReturnType<typeof exportMyData>>;
