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
  if (!user || user.erasedAt !== null) throw new AppError('sign_in_required');
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
      displayName: user.displayName,
      isOperator: user.isOperator,
      createdAt: user.createdAt,
    },
    memberships: memberships.map((m) => ({
      communityId: m.id,
      community: m.name,
      role: m.role,
      joinedAt: m.createdAt,
    })),
    concernsRaised: concerns.map((c) => {
      const content = cipher.decrypt<ConcernContent>(c.content, contentContext(c));
      return {
        id: c.id,
        communityId: c.communityId,
        status: c.status,
        wants: c.wants,
        createdAt: c.createdAt,
        what: content.what,
        quotes: content.quotes,
        links: content.links,
        impact: content.impact,
        contact: content.contact,
      };
    }),
    apiTokens: tokens.map((t) => ({
      name: t.name,
      communityId: t.communityId,
      createdAt: t.createdAt,
      lastUsedAt: t.lastUsedAt,
      revokedAt: t.revokedAt,
    })),
    care: {
      profiles: careProfiles.map((p) => ({
        communityId: p.communityId,
        capacity: p.capacity,
        paused: p.paused,
        languages: p.languages,
        updatedAt: p.updatedAt,
      })),
      logs: careLogs.map((l) => ({
        communityId: l.communityId,
        minutes: l.minutes,
        drain: l.drain,
        createdAt: l.createdAt,
      })),
    },
  };
}
export type MyDataExport = Awaited<ReturnType<typeof exportMyData>>;
