// Rule 11, access follows roles at once: a caller who loses the role that let them hold a
// call-in (demoted to member, removed from the community, erased) loses the call-in in the same
// transaction. It goes back to matching (`caller-left` in the lifecycle; the draft stays with
// the case), the next caller asks the harmed person again, offers made to them are withdrawn,
// and the community's organizers are told (no case content, only a link).
import type { Role } from '../../contract/vocabulary.ts';
import type { CallIn } from '../../db/records.ts';
import type { Repositories } from '../../db/store.ts';
import type { Actor } from '../access/actor.ts';
import { recordAudit } from '../audit/audit-record.ts';
import { transition, happens } from '../conversation/call-in-lifecycle.ts';
import { links, OPEN_STATUSES } from '../conversation/call-in-state.ts';
import { queueNotification } from '../notifications/notifications.ts';
import type { Cipher } from '../privacy/crypto.ts';

export type ReleaseRepos = Pick<
  Repositories,
  'callIns' | 'care' | 'memberships' | 'audit' | 'jobs'
>;

export interface ReleaseDeps {
  cipher: Cipher;
  publicUrl: string;
}

/** Whether someone with this role (null: none) may still hold a call-in held this way. */
export function mayStillHold(callIn: Pick<CallIn, 'callerKind'>, role: Role | null): boolean {
  if (role === null) return false;
  return callIn.callerKind === 'self' || role !== 'member';
}

const HELD: CallIn['status'][] = [...OPEN_STATUSES, 'escalated'];

/**
 * Takes from this person every call-in they may no longer hold with their new role, in one
 * community or (communityId null, for erasure) everywhere. Returns how many went back.
 */
export async function releaseCallIns(
  repos: ReleaseRepos,
  deps: ReleaseDeps,
  actor: Actor,
  target: { userId: string; communityId: string | null; role: Role | null },
  at: string,
): Promise<number> {
  let released = 0;
  for (const callIn of await repos.callIns.listHeldBy(target.userId, target.communityId, HELD)) {
    if (mayStillHold(callIn, target.role) || !happens(callIn.status, 'caller-left')) continue;
    await repos.callIns.update(callIn.id, {
      status: transition(callIn.status, 'caller-left'),
      callerUserId: null,
      callerKind: null,
      consentStatus: 'not-requested',
      consentTokenHash: null,
      updatedAt: at,
    });
    // A consent question they sent and nobody answered yet is not sent now.
    await repos.jobs.cancelPendingByKeyPrefix(`consent:${callIn.id}:`, at);
    await repos.care.closePendingOffers(callIn.id, 'withdrawn', at);
    for (const m of await repos.memberships.list(callIn.communityId)) {
      if (m.role !== 'organizer' || m.userId === target.userId) continue;
      await queueNotification(
        repos.jobs,
        deps.cipher,
        {
          template: 'caller-released',
          communityId: callIn.communityId,
          to: { userId: m.userId },
          link: links(deps.publicUrl).callIn(callIn.communityId, callIn.id),
          dedupeKey: `released:${callIn.id}:${m.userId}:${at}`,
        },
        at,
      );
    }
    await recordAudit(
      repos.audit,
      actor,
      {
        communityId: callIn.communityId,
        action: 'call-in.caller-left',
        targetType: 'call-in',
        targetId: callIn.id,
      },
      at,
    );
    released++;
  }
  // Offers still waiting for them are withdrawn where they may no longer take one.
  if (target.communityId && (target.role === null || target.role === 'member')) {
    for (const o of await repos.care.listOffersForUser(
      target.communityId,
      target.userId,
      'pending',
    )) {
      await repos.care.updateOffer(o.id, 'withdrawn', at);
      await repos.jobs.cancelPendingByKeyPrefix(`offer:${o.id}`, at);
    }
  }
  return released;
}
