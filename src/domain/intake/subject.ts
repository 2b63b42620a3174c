// Whom a concern is about: the reporter names a member of the community or writes a name or
// handle; an organizer can link that free text to a member later, or unlink it (audited). How
// history matches people is in subject-match.ts.
import type { SubjectLinked } from '../../contract/index.ts';
import { AppError } from '../../config/errors.ts';
import type { Concern } from '../../db/records.ts';
import type { Repositories, Tx } from '../../db/store.ts';
import type { Actor } from '../access/actor.ts';
import { concernResource } from '../access/case-exclusions.ts';
import { authorize } from '../access/policy.ts';
import { recordAudit } from '../audit/audit-record.ts';
import { isoNow, type Clock } from '../common/clock.ts';
import type { Cipher } from '../privacy/crypto.ts';
import { contentContext, type ConcernContent } from './concerns.ts';
import { subjectTokens } from './subject-match.ts';
import { links } from '../conversation/call-in-state.ts';
import { queueNotification } from '../notifications/notifications.ts';
import { tellIfNobodyLeft } from '../notifications/nobody-left.ts';

type LinkRepos = Pick<
  Repositories,
  'memberships' | 'concerns' | 'conflicts' | 'users' | 'audit' | 'enforcement' | 'jobs'
>;

/**
 * An organizer who may handle the case links its free-text subject to a member (`userId`), or
 * unlinks it (`null`). Rule 9 follows at once: the linked member is excluded from the case as
 * staff from the next request on, since exclusions are read from the concern. Enforcement records
 * of this concern that named nobody now name the member, so they reach them in the app.
 */
export async function linkSubject(
  tx: Tx<keyof LinkRepos>,
  deps: { clock: Clock; cipher: Cipher; publicUrl: string },
  actor: Actor,
  communityId: string,
  concernId: string,
  userId: string | null,
): Promise<SubjectLinked> {
  return tx(async (repos) => {
    const found = await repos.concerns.find(communityId, concernId);
    await authorize(
      repos,
      actor,
      'concern.link-subject',
      await concernResource(repos, communityId, found),
    );
    const concern = found as Concern;
    const content = deps.cipher.decrypt<ConcernContent>(concern.content, contentContext(concern));
    const at = isoNow(deps.clock);
    if (userId) {
      const member = await repos.memberships.find(communityId, userId);
      const user = member && (await repos.users.findById(userId));
      if (!member || !user)
        throw new AppError('validation_failed', [
          {
            field: 'userId',
            rule: 'invalid',
            message: 'That person is not a member of this community.',
          },
        ]);
      await repos.concerns.updateSubject(communityId, concernId, {
        subjectUserId: userId,
        subjectKey: concern.subjectKey,
        subjectTokens: subjectTokens(deps.cipher, [content.aboutName, user.displayName]),
        content: concern.content,
        updatedAt: at,
      });
      // Records already written now reach the member: in the app, and a notice by email.
      for (const id of await repos.enforcement.linkSubjectOfConcern(
        communityId,
        concernId,
        userId,
        at,
      ))
        await queueNotification(
          repos.jobs,
          deps.cipher,
          {
            template: 'enforcement-notice',
            communityId,
            to: { userId },
            link: links(deps.publicUrl).enforcement(id),
            dedupeKey: `enforcement:${id}`,
          },
          at,
        );
    } else {
      if (!concern.subjectUserId)
        throw new AppError('invalid_state', { reason: 'Nobody is linked.' });
      // The name stays: the member's display name becomes the free text when there was none.
      const user = await repos.users.findById(concern.subjectUserId);
      const aboutName = content.aboutName ?? user?.displayName ?? null;
      const sealed =
        aboutName === content.aboutName
          ? concern.content
          : deps.cipher.encrypt({ ...content, aboutName }, contentContext(concern));
      await repos.concerns.updateSubject(communityId, concernId, {
        subjectUserId: null,
        subjectKey: aboutName ? deps.cipher.blindIndex(aboutName) : null,
        subjectTokens: subjectTokens(deps.cipher, [aboutName]),
        content: sealed,
        updatedAt: at,
      });
    }
    await recordAudit(
      repos.audit,
      actor,
      {
        communityId,
        action: userId ? 'concern.link-subject' : 'concern.unlink-subject',
        targetType: 'concern',
        targetId: concernId,
      },
      at,
    );
    // Rule 9: linking an organizer as the subject may leave nobody to handle it.
    if (userId) {
      await tellIfNobodyLeft(
        repos,
        deps.cipher,
        { id: concernId, communityId, subjectUserId: userId, status: concern.status },
        at,
      );
    }
    return { concernId, about: { userId, linkedAt: at } };
  });
}
