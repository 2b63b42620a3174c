// Rule 9, when nobody is left to handle a case: every organizer of the community is excluded
// from it (the person it is about, organizers who declared a conflict, people the reporter
// excluded). The reporter reads it on their follow link (`nobodyLeftNotice`); here the people
// who can do something about it hear, without anything of the case: the installation's
// operators (a concern waits in that community, nothing more) and the organizers who declared a
// conflict on it (they know it exists). Never the person it is about, nor anyone the reporter
// excluded: they must not learn that the case exists.
import type { Concern } from '../../db/records.ts';
import type { Repositories } from '../../db/store.ts';
import { caseExclusions, organizersLeft } from '../access/case-exclusions.ts';
import type { Cipher } from '../privacy/crypto.ts';
import { queueNotification } from './notifications.ts';

export type NobodyLeftRepos = Pick<Repositories, 'memberships' | 'conflicts' | 'users' | 'jobs'>;

/**
 * Tells who may know when no organizer can handle this concern; nothing when one can. Once per
 * person and concern (a later call finds the notifications already queued). Returns how many
 * people were told.
 */
export async function tellIfNobodyLeft(
  repos: NobodyLeftRepos,
  cipher: Cipher,
  concern: Pick<Concern, 'id' | 'communityId' | 'subjectUserId' | 'status'>,
  at: string,
): Promise<number> {
  if (concern.status === 'closed') return 0;
  const { communityId } = concern;
  const exclusions = await caseExclusions(repos, [concern]);
  if ((await organizersLeft(repos, communityId, exclusions)) > 0) return 0;
  const conflicts = await repos.conflicts.listForConcerns(communityId, [concern.id]);
  const never = new Set<string>(
    conflicts.filter((c) => c.kind === 'excluded-by-reporter').map((c) => c.userId),
  );
  if (concern.subjectUserId) never.add(concern.subjectUserId);
  const organizers = new Set(await repos.memberships.userIdsWithRole(communityId, 'organizer'));
  const declared = new Set(
    conflicts
      .filter((c) => c.kind === 'declared' && organizers.has(c.userId) && !never.has(c.userId))
      .map((c) => c.userId),
  );
  let told = 0;
  for (const userId of declared) {
    await queueNotification(
      repos.jobs,
      cipher,
      {
        template: 'case-needs-organizer',
        communityId,
        to: { userId },
        link: `/c/${communityId}/invitations`,
        dedupeKey: `nobody-left:${concern.id}:${userId}`,
      },
      at,
    );
    told++;
  }
  for (const userId of await repos.users.listOperatorIds()) {
    if (never.has(userId) || declared.has(userId)) continue;
    await queueNotification(
      repos.jobs,
      cipher,
      {
        template: 'case-needs-organizer-operator',
        communityId,
        to: { userId },
        link: '/',
        dedupeKey: `nobody-left:${concern.id}:operator:${userId}`,
      },
      at,
    );
    told++;
  }
  return told;
}
