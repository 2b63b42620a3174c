// Rule 9, conflicts of interest: who may not handle a case as staff. The one place that says
// who is excluded from a case; the policy (policy.ts) refuses them every action marked `case`,
// and the lists (inbox, call-ins, ally board, offers, audit) leave their cases out.
// Excluded: the person the case is about, every organizer who declared a conflict on it, and
// anyone the reporter excluded when raising it; for an enforcement record or its appeal, also
// the member it is addressed to.
import type { Concern } from '../../db/records.ts';
import type { Repositories } from '../../db/store.ts';
import type { Resource } from './policy.ts';

export interface CaseExclusions {
  /** Everyone who may neither see the case as staff nor decide it. */
  excludedUserIds: string[];
  /** Those of them who know the case exists (they are told why they are refused). */
  awareUserIds: string[];
}

/** Who is excluded from a case made of these concerns (one, or the ones an enforcement links). */
export async function caseExclusions(
  repos: Pick<Repositories, 'conflicts'>,
  concerns: readonly Pick<Concern, 'id' | 'communityId' | 'subjectUserId'>[],
  also: { addressedUserId?: string | null } = {},
): Promise<CaseExclusions> {
  const excluded = new Set<string>();
  const aware = new Set<string>();
  for (const c of concerns) if (c.subjectUserId) excluded.add(c.subjectUserId);
  const communityId = concerns[0]?.communityId;
  if (communityId) {
    const rows = await repos.conflicts.listForConcerns(
      communityId,
      concerns.map((c) => c.id),
    );
    for (const r of rows) {
      excluded.add(r.userId);
      if (r.kind === 'declared') aware.add(r.userId);
    }
  }
  if (also.addressedUserId) {
    excluded.add(also.addressedUserId);
    aware.add(also.addressedUserId);
  }
  return { excludedUserIds: [...excluded], awareUserIds: [...aware] };
}

/** What the policy needs to know about a concern (absent: not_found once the role allows). */
export async function concernResource(
  repos: Pick<Repositories, 'conflicts'>,
  communityId: string,
  concern: Concern | undefined,
): Promise<Resource> {
  return {
    communityId,
    found: !!concern,
    ...(concern ? await caseExclusions(repos, [concern]) : {}),
  };
}

/** The concerns of a community this person may not see as staff (for filtering lists). */
export async function hiddenConcernIds(
  repos: Pick<Repositories, 'conflicts'>,
  communityId: string,
  userId: string | null,
): Promise<Set<string>> {
  if (!userId) return new Set();
  return new Set(await repos.conflicts.concernIdsHiddenFrom(communityId, userId));
}

/** Whether anyone is left to handle the case: an organizer of the community not excluded. */
export async function organizersLeft(
  repos: Pick<Repositories, 'memberships'>,
  communityId: string,
  exclusions: Pick<CaseExclusions, 'excludedUserIds'>,
): Promise<number> {
  const members = await repos.memberships.list(communityId);
  return members.filter(
    (m) => m.role === 'organizer' && !exclusions.excludedUserIds.includes(m.userId),
  ).length;
}
