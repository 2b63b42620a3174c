// The handoff's shared steps (flow step 3): whether a concern was decided for a call-in, who
// may hold one (rule 2: the harmed person never, unless they chose it), opening and giving a
// call-in. Used by the ally board (src/domain/handoff/ally-board.ts) and by matching
// (src/domain/handoff/matching.ts).
import type { Handoff } from '../../contract/index.ts';
import { AppError } from '../../config/errors.ts';
import type { CallIn, Concern } from '../../db/schema.ts';
import type { Repositories } from '../../db/store.ts';
import type { Actor } from '../access/actor.ts';
import { recordAudit } from '../audit/audit-record.ts';
import { LIVE_STATUSES, userIdOf, type ConsentMode } from '../conversation/call-in-state.ts';
import { openedStatus, transition } from '../conversation/call-in-lifecycle.ts';
import { assertAvailable } from '../care/capacity.ts';
import { newId } from '../common/tokens.ts';

export type HandoffRepos = Pick<
  Repositories,
  'memberships' | 'concerns' | 'triage' | 'callIns' | 'care' | 'audit' | 'jobs'
>;

const CALL_IN_DECISIONS = ['call-in', 'call-in-and-public-statement'];
export { relationships } from '../../contract/vocabulary.ts';
export type { Relationship } from '../../contract/vocabulary.ts';

export async function decidedCallIn(
  repos: Pick<Repositories, 'triage'>,
  c: Concern,
): Promise<boolean> {
  const decisions = await repos.triage.listForConcern(c.community_id, c.id);
  const latest = decisions.at(-1);
  return !!latest && CALL_IN_DECISIONS.includes(latest.decision);
}

/** Whether this person may hold this call-in (rule 2), apart from capacity. */
export async function assertMayCall(
  repos: Pick<Repositories, 'memberships'>,
  concern: Concern,
  callIn: CallIn | null,
  userId: string,
): Promise<'ally' | 'organizer' | 'self'> {
  const harmedIds = [
    concern.harmed === 'me' ? concern.reporter_user_id : null,
    callIn?.harmed_user_id ?? null,
  ];
  const choseSelf =
    concern.wants === 'self' && concern.harmed === 'me' && concern.reporter_user_id === userId;
  if (harmedIds.includes(userId) && !choseSelf) throw new AppError('harmed_person_cannot_call');
  if (concern.subject_user_id === userId) throw new AppError('forbidden');
  const m = await repos.memberships.find(concern.community_id, userId);
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
  await assertAvailable(repos, concern.community_id, userId);
  const mode = consentModeFor(concern, kind);
  const patch = {
    caller_user_id: userId,
    caller_kind: kind,
    consent_mode: mode,
    consent_status: mode === 'self' ? ('not-needed' as const) : ('not-requested' as const),
    status: transition(callIn.status, mode === 'self' ? 'assign-self' : 'assign'),
    updated_at: at,
  };
  await repos.callIns.update(callIn.id, patch);
  await repos.care.closePendingOffers(callIn.id, 'withdrawn', at);
  await recordAudit(
    repos.audit,
    actor,
    {
      communityId: concern.community_id,
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
  if (await repos.callIns.findForConcern(concern.community_id, concern.id, LIVE_STATUSES))
    throw new AppError('invalid_state', { reason: 'This concern already has a call-in.' });
  const row: CallIn = {
    id: newId(),
    community_id: concern.community_id,
    concern_id: concern.id,
    status: openedStatus,
    language,
    caller_user_id: null,
    caller_kind: null,
    harmed_user_id: concern.harmed === 'me' ? concern.reporter_user_id : null,
    consent_mode: 'person',
    consent_status: 'not-requested',
    consent_token_hash: null,
    consent_conditions: null,
    consent_decided_by: null,
    consent_at: null,
    channel: null,
    draft: null,
    member_token_hash: null,
    member_link: null,
    member_contact: null,
    member_state: null,
    outcome: null,
    outcome_note: null,
    outcome_at: null,
    created_by: userIdOf(actor),
    created_at: at,
    updated_at: at,
    closed_at: null,
  };
  await repos.callIns.insert(row);
  await repos.concerns.updateStatus(concern.community_id, concern.id, 'in-progress', at);
  await recordAudit(
    repos.audit,
    actor,
    {
      communityId: concern.community_id,
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
    concernId: c.concern_id,
    status: c.status,
    callerUserId: c.caller_user_id,
    consentMode: c.consent_mode,
    consentStatus: c.consent_status,
    language: c.language,
  };
}
