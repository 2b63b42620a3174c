// Rule 11: a community that holds cases is never left without an organizer by erasure, and
// the operator cannot make themselves its organizer. A community with no cases holds nothing
// to protect: its last organizer may leave, and the operator may invite the first one again.
import { AppError } from '../../config/errors.ts';
import type { Repositories } from '../../db/store.ts';

export type HandoverRepos = Pick<Repositories, 'communities' | 'memberships' | 'concerns'>;

/** Whether the community holds any case (open, closed, not yet purged to counts). */
export async function holdsCases(
  repos: Pick<Repositories, 'concerns'>,
  communityId: string,
): Promise<boolean> {
  return (await repos.concerns.countInCommunity(communityId)) > 0;
}

/**
 * Refuses (`last_organizer`) when this person is the only organizer of a community that holds
 * cases. The details name each such community, so the way out can name them too.
 */
export async function assertNotLastOrganizer(repos: HandoverRepos, userId: string): Promise<void> {
  const stranded: { slug: string; name: string }[] = [];
  for (const c of await repos.communities.listForUser(userId)) {
    if (c.role !== 'organizer') continue;
    if ((await repos.memberships.countWithRole(c.id, 'organizer')) > 1) continue;
    if (!(await holdsCases(repos, c.id))) continue;
    stranded.push({ slug: c.slug, name: c.name });
  }
  if (stranded.length === 0) return;
  const names = stranded.map((c) => `${c.name} (${c.slug})`).join(', ');
  throw new AppError(
    'last_organizer',
    {
      reason:
        'Make someone else an organizer there first. Or close its cases, set its retention to 1 day, and once a day has passed run `callin retention purge`: the cases become anonymous counts, and then the account can be erased.',
    },
    `This account is the only organizer of ${names}, which still holds cases. Nothing was erased.`,
  );
}
