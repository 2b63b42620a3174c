// The handoff's shared steps (flow step 3): whether a concern was decided for a call-in, who
// may hold one (rule 2: the harmed person never, unless they chose it), opening and giving a
// call-in. Used by the ally board (src/domain/handoff/ally-board.ts) and by matching
// (src/domain/handoff/matching.ts).
import type { Handoff } from '../../contract/index.ts';
import { AppError } from '../../config/errors.ts';
import type { CallIn, Concern } from '../../db/records.ts';
import type { Repositories } from '../../db/store.ts';
import type { Actor } from '../access/actor.ts';
import { recordAudit } from '../audit/audit-record.ts';
import { LIVE_STATUSES, userIdOf, type ConsentMode } from '../conversation/call-in-state.ts';
import { openedStatus, transition } from '../conversation/call-in-lifecycle.ts';
import { assertAvailable } from '../care/capacity.ts';
import { newId } from '../common/tokens.ts';
import { caseExclusions } from '../access/case-exclusions.ts';

export type HandoffRepos = Pick<
  Repositories,
  'memberships' | 'concerns' | 'triage' | 'callIns' | 'care' | 'audit' | 'jobs' | 'conflicts'
>;

const CALL_IN_DECISIONS = ['call-in', 'call-in-and-public-statement'];
export { relationships } from '../../contract/vocabulary.ts';
export type { Relationship } from '../../contract/vocabulary.ts';

export async function decidedCallIn(
  repos: Pick<Repositories, 'triage'>,
  c: Concern,
): Promise<boolean> {
  const decisions = await repos.triage.listForConcern(c.communityId, c.id);
  const latest = decisions.at(-1);
  return !!latest && CALL_IN_DECISIONS.includes(latest.decision);
}

/**
 * Whether this person may hold this call-in (rules 2 and 9), apart from capacity: never the
 * harmed person unless they chose it, never the reporter unless they chose to call in
 * themselves (the member would learn who raised it), never anyone excluded from the case.
 */
export async function assertMayCall(
  repos: Pick<Repositories, 'memberships' | 'conflicts'>,
  concern: Concern,
  callIn: CallIn | null,
  userId: string,
): Promise<'ally' | 'organizer' | 'self'> {
  const harmedIds = [
    concern.harmed === 'me' ? concern.reporterUserId : null,
    callIn?.harmedUserId ?? null,
  ];
  const choseSelf =
    concern.wants === 'self' && concern.harmed === 'me' && concern.reporterUserId === userId;
  if (harmedIds.includes(userId) && !choseSelf) throw new AppError('harmed_person_cannot_call');
  if (concern.subjectUserId === userId) throw new AppError('forbidden');
  if (concern.reporterUserId === userId && concern.wants !== 'self')
    throw new AppError('conflict_of_interest', {
      reason: 'The person who raised this concern asked for someone else to call in.',
    });
  const { excludedUserIds } = await caseExclusions(repos, [concern]);
  if (excludedUserIds.includes(userId))
    throw new AppError('conflict_of_interest', {
      reason: 'This person has a conflict of interest with this case.',
    });
  const m = await repos.memberships.find(concern.communityId, userId);
  if (!m)
    throw new AppError('validation_failed', [
      { field: 'userId', rule: 'invalid', message: 'That person is not part of this community.' },
    ]);
  if (choseSelf) return 'self';
  if (m.role === 'member')
    throw new AppError('validation_failed', [
      {
        field: 'userId',
        rule: 'invalid',
        message: 'Only allies and organizers hold call-ins for others.',
      },
    ]);
  return m.role;
}

export function consentModeFor(concern: Concern, kind: 'ally' | 'organizer' | 'self'): ConsentMode {
  if (kind === 'self') return 'self';
  if (concern.harmed === 'group' || concern.harmed === 'unknown') return 'organizer';
  return 'person';
}

/** Gives a call-in to its caller: checks rules 2 and 5, then sets the consent step. */
export async function assign(
  repos: HandoffRepos,
  actor: Actor,
  callIn: CallIn,
  concern: Concern,
  userId: string,
  at: string,
): Promise<CallIn> {
  transition(callIn.status, 'assign');
  const kind = await assertMayCall(repos, concern, callIn, userId);
  await assertAvailable(repos, concern.communityId, userId);
  const mode = consentModeFor(concern, kind);
  const patch = {
    callerUserId: userId,
    callerKind: kind,
    consentMode: mode,
    consentStatus: mode === 'self' ? ('not-needed' as const) : ('not-requested' as const),
    status: transition(callIn.status, mode === 'self' ? 'assign-self' : 'assign'),
    updatedAt: at,
  };
  await repos.callIns.update(callIn.id, patch);
  await repos.care.closePendingOffers(callIn.id, 'withdrawn', at);
  await recordAudit(
    repos.audit,
    actor,
    {
      communityId: concern.communityId,
      action: 'call-in.assign',
      targetType: 'call-in',
      targetId: callIn.id,
    },
    at,
  );
  return { ...callIn, ...patch };
}

export async function createCallIn(
  repos: HandoffRepos,
  actor: Actor,
  concern: Concern,
  language: string | null,
  at: string,
): Promise<CallIn> {
  if (!(await decidedCallIn(repos, concern)))
    throw new AppError('invalid_state', {
      reason: 'The concern has not been triaged to a call-in.',
    });
  if (await repos.callIns.findForConcern(concern.communityId, concern.id, LIVE_STATUSES))
    throw new AppError('invalid_state', { reason: 'This concern already has a call-in.' });
  const row: CallIn = {
    id: newId(),
    communityId: concern.communityId,
    concernId: concern.id,
    status: openedStatus,
    language,
    callerUserId: null,
    callerKind: null,
    harmedUserId: concern.harmed === 'me' ? concern.reporterUserId : null,
    consentMode: 'person',
    consentStatus: 'not-requested',
    consentTokenHash: null,
    consentConditions: null,
    consentDecidedBy: null,
    consentAt: null,
    consentTarget: null,
    consentProposal: null,
    channel: null,
    draft: null,
    memberTokenHash: null,
    memberLink: null,
    memberClaimHash: null,
    memberContact: null,
    memberContactConfirmedAt: null,
    memberState: null,
    outcome: null,
    outcomes: [],
    outcomeNote: null,
    outcomeAt: null,
    createdBy: userIdOf(actor),
    createdAt: at,
    updatedAt: at,
    closedAt: null,
  };
  await repos.callIns.insert(row);
  await repos.concerns.updateStatus(concern.communityId, concern.id, 'in-progress', at);
  await recordAudit(
    repos.audit,
    actor,
    {
      communityId: concern.communityId,
      action: 'call-in.open',
      targetType: 'call-in',
      targetId: row.id,
    },
    at,
  );
  return row;
}

export function presentHandoff(c: CallIn): Handoff {
  return {
    id: c.id,
    concernId: c.concernId,
    status: c.status,
    callerUserId: c.callerUserId,
    consentMode: c.consentMode,
    consentStatus: c.consentStatus,
    language: c.language,
  };
}
