// Flow step 3, consent: before any contact with the member on someone's behalf, the caller asks
// the harmed person (rule 1). They agree, decline, or agree with conditions, through their
// account or a private link (their follow link for a concern they raised, or a consent link).
// Withdrawal stops the call-in at once and cancels everything not yet sent. For a group or an
// unknown harmed party, an organizer's approval stands in.
import type { ConsentRequested, ConsentResult, ConsentView } from '../../contract/index.ts';
import { AppError } from '../../config/errors.ts';
import type { CallIn, Concern } from '../../db/records.ts';
import type { Repositories } from '../../db/store.ts';
import type { Actor } from '../access/actor.ts';
import { authorize } from '../access/policy.ts';
import { recordAudit } from '../audit/audit-record.ts';
import {
  LIVE_STATUSES,
  conditionsContext,
  links,
  loadCallIn,
  readConcernContent,
  readConditions,
  callInResource,
  userIdOf,
  type CallInDeps,
  type ConsentConditions,
  type Tx,
} from '../conversation/call-in-state.ts';
import { transition } from '../conversation/call-in-lifecycle.ts';
import type { CallInStatus } from '../../contract/vocabulary.ts';
import { isoNow } from '../common/clock.ts';
import { findByFollowToken, findConcern } from '../intake/concerns.ts';
import {
  followUpKeyPrefix,
  memberKeyPrefix,
  queueNotification,
  type Recipient,
} from '../notifications/notifications.ts';
import { hashSecret, newSecret } from '../common/tokens.ts';

type ConsentRepos = Pick<
  Repositories,
  'memberships' | 'concerns' | 'callIns' | 'users' | 'audit' | 'jobs' | 'communities' | 'conflicts'
>;

/** Who is answering: a signed-in harmed person, or the holder of a private link. */
export type ConsentIdentity =
  { actor: Actor; communityId: string; callInId: string } | { token: string };

export async function requestConsent(
  tx: Tx<keyof ConsentRepos>,
  deps: CallInDeps,
  actor: Actor,
  communityId: string,
  callInId: string,
  input: { harmedUserId: string | null; email: string | null; name: string | null },
): Promise<ConsentRequested> {
  return tx(async (repos) => {
    const { callIn } = await loadCallIn(repos, actor, 'consent.request', communityId, callInId);
    transition(callIn.status, 'request-consent');
    if (callIn.consentMode !== 'person') throw new AppError('invalid_state');
    if (callIn.consentStatus !== 'not-requested' && callIn.consentStatus !== 'pending')
      throw new AppError('invalid_state');
    const concern = await findConcern(repos, communityId, callIn.concernId);
    let harmedUserId = callIn.harmedUserId;
    let to: Recipient | null = null;
    if (concern.harmed === 'me') {
      if (harmedUserId) to = { userId: harmedUserId };
      else {
        const contact = readConcernContent(deps.cipher, concern).contact;
        if (contact?.includes('@')) to = { email: contact };
        // Otherwise the reporter sees the request on their private follow link.
      }
    } else {
      if (input.harmedUserId) {
        if (!(await repos.memberships.find(communityId, input.harmedUserId))) {
          throw new AppError('validation_failed', [
            {
              field: 'harmedUserId',
              rule: 'invalid',
              message: 'That person is not part of this community.',
            },
          ]);
        }
        if (input.harmedUserId === callIn.callerUserId)
          throw new AppError('harmed_person_cannot_call');
        if (input.harmedUserId === concern.subjectUserId)
          throw new AppError('validation_failed', [
            {
              field: 'harmedUserId',
              rule: 'invalid',
              message: 'That is the person being called in.',
            },
          ]);
        harmedUserId = input.harmedUserId;
        to = { userId: harmedUserId };
      } else if (input.email) {
        to = input.name ? { email: input.email, name: input.name } : { email: input.email };
      } else {
        throw new AppError('validation_failed', [
          {
            field: 'email',
            rule: 'invalid',
            message:
              'Say how to reach the harmed person privately: their account here or an email.',
          },
        ]);
      }
    }
    const token = newSecret('cn_');
    const at = isoNow(deps.clock);
    await repos.callIns.update(callIn.id, {
      consentStatus: 'pending',
      consentTokenHash: hashSecret(token),
      harmedUserId,
      updatedAt: at,
    });
    if (to) {
      await queueNotification(
        repos.jobs,
        deps.cipher,
        {
          template: 'consent-request',
          communityId,
          to,
          link: links(deps.publicUrl).consent(token),
          dedupeKey: `consent:${callIn.id}:${hashSecret(token).slice(0, 16)}`,
        },
        at,
      );
    }
    await recordAudit(
      repos.audit,
      actor,
      { communityId, action: 'consent.request', targetType: 'call-in', targetId: callIn.id },
      at,
    );
    return {
      callInId: callIn.id,
      consentStatus: 'pending',
      notified: to !== null,
      viaFollowLink: to === null,
    };
  });
}

/** Finds the call-in a harmed person is answering for, and checks it is theirs. */
async function resolveForHarmed(
  repos: Pick<ConsentRepos, 'callIns' | 'concerns' | 'memberships'>,
  who: ConsentIdentity,
): Promise<{ callIn: CallIn; concern: Concern }> {
  let callIn: CallIn | undefined;
  if ('token' in who) {
    const hash = hashSecret(who.token);
    callIn = await repos.callIns.findByConsentHash(hash);
    if (!callIn) {
      // The reporter's follow link identifies them when they are the harmed person.
      const concern = await findByFollowToken(repos.concerns, who.token);
      if (concern && concern.harmed === 'me') {
        callIn =
          (await repos.callIns.findForConcern(concern.communityId, concern.id, LIVE_STATUSES)) ??
          (await repos.callIns.findForConcern(concern.communityId, concern.id, ['stopped']));
      }
    }
  } else {
    callIn = await repos.callIns.find(who.communityId, who.callInId);
    await authorize(repos, who.actor, 'consent.decide', callInResource(who.communityId, callIn));
  }
  if (!callIn || callIn.consentMode !== 'person') throw new AppError('not_found');
  const concern = await findConcern(repos, callIn.communityId, callIn.concernId);
  return { callIn, concern };
}

/** What the harmed person sees when asked: who offered to call in, and their choices. */
export async function viewConsent(
  repos: Pick<ConsentRepos, 'callIns' | 'concerns' | 'memberships' | 'users' | 'communities'>,
  deps: Pick<CallInDeps, 'cipher'>,
  who: ConsentIdentity,
): Promise<ConsentView> {
  const { callIn, concern } = await resolveForHarmed(repos, who);
  const community = await repos.communities.findById(callIn.communityId);
  const caller = callIn.callerUserId ? await repos.users.findById(callIn.callerUserId) : undefined;
  return {
    callInId: callIn.id,
    community: community?.name ?? '',
    caller: caller?.displayName ?? null,
    categories: concern.categories,
    consentStatus: callIn.consentStatus,
    conditions: readConditions(deps.cipher, callIn),
    stopped: callIn.status === 'stopped',
  };
}

export async function decideConsent(
  tx: Tx<keyof ConsentRepos>,
  deps: CallInDeps,
  who: ConsentIdentity,
  input: { decision: 'agree' | 'decline'; conditions: ConsentConditions },
): Promise<ConsentResult> {
  return tx(async (repos) => {
    const { callIn } = await resolveForHarmed(repos, who);
    // Pending: a first answer. Given: the harmed person may change their conditions or say no.
    if (callIn.consentStatus !== 'pending' && callIn.consentStatus !== 'given')
      throw new AppError('invalid_state');
    const at = isoNow(deps.clock);
    const actor: Actor = 'actor' in who ? who.actor : { kind: 'public' };
    if (input.decision === 'decline') {
      const consent = callIn.consentStatus === 'given' ? 'withdrawn' : 'declined';
      const status = transition(
        callIn.status,
        consent === 'declined' ? 'consent-declined' : 'consent-withdrawn',
      );
      await stop(repos, deps, callIn, consent, status, at);
      await recordAudit(
        repos.audit,
        actor,
        {
          communityId: callIn.communityId,
          action: `consent.${consent === 'declined' ? 'decline' : 'withdraw'}`,
          targetType: 'call-in',
          targetId: callIn.id,
        },
        at,
      );
      return { callInId: callIn.id, consentStatus: consent, status };
    }
    const conditions = { ...input.conditions, note: input.conditions.note.trim() };
    const status = transition(callIn.status, 'consent-given');
    await repos.callIns.update(callIn.id, {
      consentStatus: 'given',
      consentConditions: deps.cipher.encrypt(conditions, conditionsContext(callIn)),
      consentDecidedBy: 'harmed-person',
      consentAt: at,
      status,
      updatedAt: at,
    });
    await recordAudit(
      repos.audit,
      actor,
      {
        communityId: callIn.communityId,
        action: 'consent.give',
        targetType: 'call-in',
        targetId: callIn.id,
      },
      at,
    );
    return { callInId: callIn.id, consentStatus: 'given', status };
  });
}

export async function withdrawConsent(
  tx: Tx<keyof ConsentRepos>,
  deps: CallInDeps,
  who: ConsentIdentity,
): Promise<ConsentResult> {
  return tx(async (repos) => {
    const { callIn } = await resolveForHarmed(repos, who);
    const status = transition(callIn.status, 'consent-withdrawn');
    if (callIn.consentStatus !== 'given' && callIn.consentStatus !== 'pending')
      throw new AppError('invalid_state');
    const at = isoNow(deps.clock);
    await stop(repos, deps, callIn, 'withdrawn', status, at);
    const actor: Actor = 'actor' in who ? who.actor : { kind: 'public' };
    await recordAudit(
      repos.audit,
      actor,
      {
        communityId: callIn.communityId,
        action: 'consent.withdraw',
        targetType: 'call-in',
        targetId: callIn.id,
      },
      at,
    );
    return { callInId: callIn.id, consentStatus: 'withdrawn', status };
  });
}

/** An organizer stands in for a group or unknown harmed party; they can also withdraw. */
export async function approveAsOrganizer(
  tx: Tx<keyof ConsentRepos>,
  deps: CallInDeps,
  actor: Actor,
  communityId: string,
  callInId: string,
  approve: boolean,
): Promise<ConsentResult> {
  return tx(async (repos) => {
    const { callIn } = await loadCallIn(repos, actor, 'consent.approve', communityId, callInId);
    if (callIn.consentMode !== 'organizer')
      throw new AppError('consent_required', { reason: 'The harmed person decides this one.' });
    const at = isoNow(deps.clock);
    const status = transition(callIn.status, approve ? 'consent-approved' : 'consent-withdrawn');
    if (approve) {
      await repos.callIns.update(callIn.id, {
        consentStatus: 'given',
        consentDecidedBy: userIdOf(actor),
        consentAt: at,
        status,
        updatedAt: at,
      });
    } else {
      if (callIn.consentStatus !== 'given' && callIn.status !== 'awaiting-consent')
        throw new AppError('invalid_state');
      await stop(repos, deps, callIn, 'withdrawn', status, at);
    }
    await recordAudit(
      repos.audit,
      actor,
      {
        communityId,
        action: approve ? 'consent.approve' : 'consent.withdraw',
        targetType: 'call-in',
        targetId: callIn.id,
      },
      at,
    );
    return {
      callInId: callIn.id,
      consentStatus: approve ? 'given' : 'withdrawn',
      status,
    };
  });
}

/**
 * Stops a call-in at once (rule 1): nothing more goes to the member (pending jobs are
 * cancelled in this same transaction), the member's link closes, and the caller and the
 * organizers are told kindly.
 */
async function stop(
  repos: Pick<ConsentRepos, 'callIns' | 'jobs' | 'memberships'>,
  deps: CallInDeps,
  callIn: CallIn,
  consent: 'declined' | 'withdrawn',
  status: CallInStatus,
  at: string,
) {
  await repos.callIns.update(callIn.id, {
    consentStatus: consent,
    status,
    closedAt: at,
    updatedAt: at,
  });
  await repos.jobs.cancelPendingByKeyPrefix(memberKeyPrefix(callIn.id), at);
  await repos.jobs.cancelPendingByKeyPrefix(followUpKeyPrefix(callIn.id), at);
  const organizers = (await repos.memberships.list(callIn.communityId))
    .filter((m) => m.role === 'organizer')
    .map((m) => m.userId);
  // The caller is told as the one preparing it; the other organizers as the ones overseeing it.
  const tell = new Map<string, 'consent-withdrawn' | 'call-in-stopped'>(
    organizers.map((userId) => [userId, 'call-in-stopped']),
  );
  if (callIn.callerUserId) tell.set(callIn.callerUserId, 'consent-withdrawn');
  for (const [userId, template] of tell) {
    await queueNotification(
      repos.jobs,
      deps.cipher,
      {
        template,
        communityId: callIn.communityId,
        to: { userId },
        link: links(deps.publicUrl).callIn(callIn.communityId, callIn.id),
        dedupeKey: `stopped:${callIn.id}:${userId}`,
      },
      at,
    );
  }
}
