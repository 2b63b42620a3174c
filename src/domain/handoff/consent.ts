// Flow step 3, consent: before any contact with the member on someone's behalf, the caller asks
// the harmed person (rule 1). They agree, decline, or agree with conditions, through their
// account or a private link (their follow link for a concern they raised, or a consent link).
// Withdrawal stops the call-in at once and cancels everything not yet sent. For a group or an
// unknown harmed party, an organizer's approval stands in.
import type { ConsentRequested, ConsentResult, ConsentView } from '../../contract/index.ts';
import { AppError } from '../../config/errors.ts';
import type { CallIn, Concern } from '../../db/records.ts';
import type { Repositories } from '../../db/store.ts';
import { channelOf, type Actor } from '../access/actor.ts';
import { authorize } from '../access/policy.ts';
import { recordAudit } from '../audit/audit-record.ts';
import {
  LIVE_STATUSES,
  conditionsContext,
  links,
  loadCallIn,
  readConditions,
  callInResource,
  consentTargetContext,
  userIdOf,
  type ConsentTarget,
  type CallInDeps,
  type ConsentConditions,
  type Tx,
} from '../conversation/call-in-state.ts';
import { transition } from '../conversation/call-in-lifecycle.ts';
import type { ActChannel, AuditAction, CallInStatus } from '../../contract/vocabulary.ts';
import { isoNow } from '../common/clock.ts';
import { findByFollowToken, findConcern } from '../intake/concerns.ts';
import { alertFollower } from '../intake/follow-alerts.ts';
import {
  followUpKeyPrefix,
  memberKeyPrefix,
  queueNotification,
} from '../notifications/notifications.ts';
import { hashSecret, newSecret } from '../common/tokens.ts';

type ConsentRepos = Pick<
  Repositories,
  | 'memberships'
  | 'concerns'
  | 'callIns'
  | 'users'
  | 'audit'
  | 'jobs'
  | 'communities'
  | 'conflicts'
  | 'reporter'
>;

/** Who is answering: a signed-in harmed person, or the holder of a private link. */
export type ConsentIdentity =
  { actor: Actor; communityId: string; callInId: string } | { token: string };

/** The address the person asking named, checked: a member of this community, or an email. */
async function targetFrom(
  repos: Pick<ConsentRepos, 'memberships'>,
  callIn: CallIn,
  concern: Concern,
  input: { harmedUserId: string | null; email: string | null; name: string | null },
): Promise<ConsentTarget> {
  if (input.harmedUserId) {
    if (!(await repos.memberships.find(callIn.communityId, input.harmedUserId))) {
      throw new AppError('validation_failed', [
        {
          field: 'harmedUserId',
          rule: 'invalid',
          message: 'That person is not part of this community.',
        },
      ]);
    }
    if (input.harmedUserId === callIn.callerUserId) throw new AppError('harmed_person_cannot_call');
    if (input.harmedUserId === concern.subjectUserId)
      throw new AppError('validation_failed', [
        { field: 'harmedUserId', rule: 'invalid', message: 'That is the person being called in.' },
      ]);
    return { harmedUserId: input.harmedUserId, to: { userId: input.harmedUserId } };
  }
  if (input.email) {
    return {
      harmedUserId: null,
      to: input.name ? { email: input.email, name: input.name } : { email: input.email },
    };
  }
  throw new AppError('validation_failed', [
    {
      field: 'email',
      rule: 'invalid',
      message: 'Say how to reach the harmed person privately: their account here or an email.',
    },
  ]);
}

/**
 * Asks the harmed person (rule 1), and only them (rule 10):
 * - the reporter was harmed: the question waits on their own follow link (and, with an account,
 *   in their email with a consent link); no address is asked for or used, and asking again
 *   changes nothing;
 * - someone else was harmed: an organizer who is not the caller names the address and it is
 *   sent at once; the caller may only propose one, which waits for such an organizer to confirm
 *   (`confirmConsentAddress`). Naming a new address while a request is pending re-points it and
 *   tells the old address it was withdrawn.
 */
export async function requestConsent(
  tx: Tx<keyof ConsentRepos>,
  deps: CallInDeps,
  actor: Actor,
  communityId: string,
  callInId: string,
  input: { harmedUserId: string | null; email: string | null; name: string | null },
): Promise<ConsentRequested> {
  return tx(async (repos) => {
    const { callIn, decision } = await loadCallIn(
      repos,
      actor,
      'consent.request',
      communityId,
      callInId,
    );
    transition(callIn.status, 'request-consent');
    if (callIn.consentMode !== 'person') throw new AppError('invalid_state');
    if (callIn.consentStatus !== 'not-requested' && callIn.consentStatus !== 'pending')
      throw new AppError('invalid_state');
    const concern = await findConcern(repos, communityId, callIn.concernId);
    const at = isoNow(deps.clock);
    if (concern.harmed === 'me') {
      const viaFollowLink = !callIn.harmedUserId;
      if (callIn.consentStatus === 'pending')
        return {
          callInId: callIn.id,
          consentStatus: 'pending',
          notified: false,
          viaFollowLink,
          awaitingOrganizer: false,
        };
      let token: string | null = null;
      if (callIn.harmedUserId) {
        token = newSecret('cn_');
        await queueNotification(
          repos.jobs,
          deps.cipher,
          {
            template: 'consent-request',
            communityId,
            to: { userId: callIn.harmedUserId },
            link: links(deps.publicUrl).consent(token),
            dedupeKey: `consent:${callIn.id}:${hashSecret(token).slice(0, 16)}`,
          },
          at,
        );
      }
      // Otherwise the reporter sees the question on their private follow link (and hears that
      // something changed, if they left an address there).
      if (!token) await alertFollower(repos, deps, concern, at);
      await repos.callIns.update(callIn.id, {
        consentStatus: 'pending',
        consentTokenHash: token ? hashSecret(token) : null,
        updatedAt: at,
      });
      await auditConsent(repos, actor, callIn, 'consent.request', at);
      return {
        callInId: callIn.id,
        consentStatus: 'pending',
        notified: token !== null,
        viaFollowLink,
        awaitingOrganizer: false,
      };
    }
    const target = await targetFrom(repos, callIn, concern, input);
    if (decision.as === 'caller') {
      // The caller alone never chooses where consent comes from: an organizer confirms.
      await repos.callIns.update(callIn.id, {
        consentProposal: deps.cipher.encrypt(target, consentTargetContext(callIn)),
        updatedAt: at,
      });
      for (const m of await repos.memberships.list(communityId)) {
        if (m.role !== 'organizer' || m.userId === callIn.callerUserId) continue;
        await queueNotification(
          repos.jobs,
          deps.cipher,
          {
            template: 'consent-address-proposed',
            communityId,
            to: { userId: m.userId },
            link: links(deps.publicUrl).callIn(communityId, callIn.id),
            dedupeKey: `consent-proposed:${callIn.id}:${m.userId}:${at}`,
          },
          at,
        );
      }
      await auditConsent(repos, actor, callIn, 'consent.propose', at);
      return {
        callInId: callIn.id,
        consentStatus: callIn.consentStatus,
        notified: false,
        viaFollowLink: false,
        awaitingOrganizer: true,
      };
    }
    await authorize(repos, actor, 'consent.confirm', callInResource(communityId, callIn));
    return sendConsentRequest(repos, deps, actor, callIn, target, at);
  });
}

/** An organizer who is not the caller confirms the address a caller proposed; it is sent. */
export async function confirmConsentAddress(
  tx: Tx<keyof ConsentRepos>,
  deps: CallInDeps,
  actor: Actor,
  communityId: string,
  callInId: string,
): Promise<ConsentRequested> {
  return tx(async (repos) => {
    const { callIn } = await loadCallIn(repos, actor, 'consent.confirm', communityId, callInId);
    transition(callIn.status, 'request-consent');
    if (
      callIn.consentMode !== 'person' ||
      (callIn.consentStatus !== 'not-requested' && callIn.consentStatus !== 'pending')
    )
      throw new AppError('invalid_state');
    if (!callIn.consentProposal)
      throw new AppError('invalid_state', { reason: 'No address is waiting to be confirmed.' });
    const target = deps.cipher.decrypt<ConsentTarget>(
      callIn.consentProposal,
      consentTargetContext(callIn),
    );
    return sendConsentRequest(repos, deps, actor, callIn, target, isoNow(deps.clock));
  });
}

async function sendConsentRequest(
  repos: Pick<ConsentRepos, 'callIns' | 'jobs' | 'audit'>,
  deps: CallInDeps,
  actor: Actor,
  callIn: CallIn,
  target: ConsentTarget,
  at: string,
): Promise<ConsentRequested> {
  const communityId = callIn.communityId;
  const repoint = callIn.consentStatus === 'pending';
  if (repoint && callIn.consentTarget) {
    // The old address is told, without any case content, that the question is withdrawn.
    const old = deps.cipher.decrypt<ConsentTarget>(
      callIn.consentTarget,
      consentTargetContext(callIn),
    );
    await queueNotification(
      repos.jobs,
      deps.cipher,
      {
        template: 'consent-request-withdrawn',
        communityId,
        to: old.to,
        link: deps.publicUrl,
        dedupeKey: `consent-repointed:${callIn.id}:${at}`,
      },
      at,
    );
  }
  const token = newSecret('cn_');
  await repos.callIns.update(callIn.id, {
    consentStatus: 'pending',
    consentTokenHash: hashSecret(token),
    consentTarget: deps.cipher.encrypt(target, consentTargetContext(callIn)),
    consentProposal: null,
    harmedUserId: target.harmedUserId,
    updatedAt: at,
  });
  await queueNotification(
    repos.jobs,
    deps.cipher,
    {
      template: 'consent-request',
      communityId,
      to: target.to,
      link: links(deps.publicUrl).consent(token),
      dedupeKey: `consent:${callIn.id}:${hashSecret(token).slice(0, 16)}`,
    },
    at,
  );
  await auditConsent(repos, actor, callIn, repoint ? 'consent.repoint' : 'consent.request', at);
  return {
    callInId: callIn.id,
    consentStatus: 'pending',
    notified: true,
    viaFollowLink: false,
    awaitingOrganizer: false,
  };
}

/** Finds the call-in a harmed person is answering for, and checks it is theirs. */
async function resolveForHarmed(
  repos: Pick<ConsentRepos, 'callIns' | 'concerns' | 'memberships'>,
  who: ConsentIdentity,
): Promise<{ callIn: CallIn; concern: Concern; channel: ActChannel | undefined }> {
  let callIn: CallIn | undefined;
  let channel: ActChannel | undefined;
  if ('token' in who) {
    const hash = hashSecret(who.token);
    callIn = await repos.callIns.findByConsentHash(hash);
    channel = 'consent-link';
    if (!callIn) {
      channel = 'follow-link';
      // The reporter's follow link identifies them when they are the harmed person.
      const concern = await findByFollowToken(repos.concerns, who.token);
      if (concern && concern.harmed === 'me') {
        // A live one first; else the last that ended, so the page can say how it ended.
        callIn =
          (await repos.callIns.findForConcern(concern.communityId, concern.id, LIVE_STATUSES)) ??
          (await repos.callIns.findForConcern(concern.communityId, concern.id, [
            'stopped',
            'closed',
          ]));
      }
    }
  } else {
    callIn = await repos.callIns.find(who.communityId, who.callInId);
    await authorize(repos, who.actor, 'consent.decide', callInResource(who.communityId, callIn));
    channel = channelOf(who.actor);
  }
  if (!callIn || callIn.consentMode !== 'person') throw new AppError('not_found');
  const concern = await findConcern(repos, callIn.communityId, callIn.concernId);
  return { callIn, concern, channel };
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
    closed: callIn.status === 'closed',
  };
}

export async function decideConsent(
  tx: Tx<keyof ConsentRepos>,
  deps: CallInDeps,
  who: ConsentIdentity,
  input: { decision: 'agree' | 'decline'; conditions: ConsentConditions },
): Promise<ConsentResult> {
  return tx(async (repos) => {
    const { callIn, channel } = await resolveForHarmed(repos, who);
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
      await auditConsent(
        repos,
        actor,
        callIn,
        `consent.${consent === 'declined' ? 'decline' : 'withdraw'}`,
        at,
        channel,
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
    await auditConsent(repos, actor, callIn, 'consent.give', at, channel);
    return { callInId: callIn.id, consentStatus: 'given', status };
  });
}

export async function withdrawConsent(
  tx: Tx<keyof ConsentRepos>,
  deps: CallInDeps,
  who: ConsentIdentity,
): Promise<ConsentResult> {
  return tx(async (repos) => {
    const { callIn, channel } = await resolveForHarmed(repos, who);
    const status = transition(callIn.status, 'consent-withdrawn');
    if (callIn.consentStatus !== 'given' && callIn.consentStatus !== 'pending')
      throw new AppError('invalid_state');
    const at = isoNow(deps.clock);
    await stop(repos, deps, callIn, 'withdrawn', status, at);
    const actor: Actor = 'actor' in who ? who.actor : { kind: 'public' };
    await auditConsent(repos, actor, callIn, 'consent.withdraw', at, channel);
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
    await auditConsent(repos, actor, callIn, approve ? 'consent.approve' : 'consent.withdraw', at);
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

/** One audit entry about a call-in's consent; `channel` names a private link (else the actor's). */
async function auditConsent(
  repos: Pick<ConsentRepos, 'audit'>,
  actor: Actor,
  callIn: Pick<CallIn, 'id' | 'communityId'>,
  action: AuditAction,
  at: string,
  channel?: ActChannel,
): Promise<void> {
  await recordAudit(
    repos.audit,
    actor,
    {
      communityId: callIn.communityId,
      action,
      targetType: 'call-in',
      targetId: callIn.id,
      ...(channel ? { channel } : {}),
    },
    at,
  );
}
