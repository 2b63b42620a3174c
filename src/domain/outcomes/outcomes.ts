// Flow step 7: the outcome, the follow-up reminder, reopening and closing, and escalation to
// enforcement (which carries the case's context but never the reporter's identity).
import type { Escalated, OutcomeRecorded, StatusResult } from '../../contract/index.ts';
import type { Outcome } from '../../contract/vocabulary.ts';
import { AppError, fieldError } from '../../config/errors.ts';
import type { Repositories } from '../../db/store.ts';
import type { Actor } from '../access/actor.ts';
import { recordAudit } from '../audit/audit-record.ts';
import {
  links,
  loadCallIn,
  mayContact,
  type CallInDeps,
  type Tx,
} from '../conversation/call-in-state.ts';
import { transition } from '../conversation/call-in-lifecycle.ts';
import { isoNow } from '../common/clock.ts';
import { parseSettings } from '../accounts/community-settings.ts';
import { writeEnforcement } from '../enforcement/enforcement.ts';
import { followUpKeyPrefix, queueNotification } from '../notifications/notifications.ts';
import { newId } from '../common/tokens.ts';
import { alertFollower } from '../intake/follow-alerts.ts';
import type { LadderLevel } from '../triage/triage.ts';

export { outcomes } from '../../contract/vocabulary.ts';
export type { Outcome } from '../../contract/vocabulary.ts';

type OutcomeRepos = Pick<
  Repositories,
  | 'memberships'
  | 'concerns'
  | 'callIns'
  | 'users'
  | 'communities'
  | 'enforcement'
  | 'audit'
  | 'jobs'
  | 'conflicts'
  | 'reporter'
>;

const DAY = 86_400_000;

export async function recordOutcome(
  tx: Tx<keyof OutcomeRepos>,
  deps: CallInDeps,
  actor: Actor,
  communityId: string,
  callInId: string,
  input: { outcomes: Outcome[]; note: string },
): Promise<OutcomeRecorded> {
  // Several may be true at once ("committed to change" and "apologised"); at least one is.
  const chosen = [...new Set(input.outcomes)];
  const first = chosen[0];
  if (first === undefined)
    throw new AppError('validation_failed', [
      fieldError('outcomes', 'Choose at least one outcome.'),
    ]);
  return tx(async (repos) => {
    const { callIn } = await loadCallIn(
      repos,
      actor,
      'call-in.record-outcome',
      communityId,
      callInId,
    );
    const status = transition(callIn.status, 'record-outcome');
    const at = isoNow(deps.clock);
    await repos.callIns.update(callIn.id, {
      outcome: first,
      outcomes: chosen,
      outcomeNote: deps.cipher.encrypt(
        input.note.trim(),
        `callin-outcome:${communityId}:${callIn.id}`,
      ),
      outcomeAt: at,
      status,
      updatedAt: at,
    });
    const community = await repos.communities.findById(communityId);
    const followUpDays = parseSettings(community?.settings ?? {}).followUpDays;
    let followUpAt: string | null = null;
    // One reminder per call-in, counted from the latest outcome: a corrected or later outcome
    // replaces the one still waiting.
    await repos.jobs.cancelPendingByKeyPrefix(followUpKeyPrefix(callIn.id), at);
    if (callIn.callerUserId && !chosen.includes('escalated')) {
      followUpAt = new Date(Date.parse(at) + followUpDays * DAY).toISOString();
      await queueNotification(
        repos.jobs,
        deps.cipher,
        {
          template: 'follow-up-reminder',
          communityId,
          to: { userId: callIn.callerUserId },
          link: links(deps.publicUrl).callIn(communityId, callIn.id),
          dedupeKey: `${followUpKeyPrefix(callIn.id)}:${newId()}`,
          runAt: followUpAt,
        },
        at,
      );
    }
    const concern = await repos.concerns.find(communityId, callIn.concernId);
    if (concern?.reporterUserId && !concern.anonymous) {
      await queueNotification(
        repos.jobs,
        deps.cipher,
        {
          template: 'reporter-update',
          communityId,
          to: { userId: concern.reporterUserId },
          link: `${deps.publicUrl}/me/concerns`,
          // Once per distinct outcome: a new outcome after reopening is news, the same one
          // recorded again is not.
          dedupeKey: `reporter:${callIn.id}:outcome:${[...chosen].sort().join('+')}`,
        },
        at,
      );
    }
    // The address a reporter left on their follow link hears that something changed.
    await alertFollower(repos, deps, { id: callIn.concernId, communityId }, at);
    await recordAudit(
      repos.audit,
      actor,
      { communityId, action: 'call-in.outcome', targetType: 'call-in', targetId: callIn.id },
      at,
    );
    return { id: callIn.id, status, outcome: first, outcomes: chosen, followUpAt };
  });
}

export async function closeCallIn(
  tx: Tx<keyof OutcomeRepos>,
  deps: CallInDeps,
  actor: Actor,
  communityId: string,
  callInId: string,
): Promise<StatusResult> {
  return tx(async (repos) => {
    const { callIn } = await loadCallIn(repos, actor, 'call-in.close', communityId, callInId);
    const status = transition(callIn.status, 'close');
    const at = isoNow(deps.clock);
    await repos.callIns.update(callIn.id, { status, closedAt: at, updatedAt: at });
    await repos.concerns.updateStatus(communityId, callIn.concernId, 'closed', at);
    await alertFollower(repos, deps, { id: callIn.concernId, communityId }, at);
    await recordAudit(
      repos.audit,
      actor,
      { communityId, action: 'call-in.close', targetType: 'call-in', targetId: callIn.id },
      at,
    );
    return { id: callIn.id, status };
  });
}

export async function reopenCallIn(
  tx: Tx<keyof OutcomeRepos>,
  deps: CallInDeps,
  actor: Actor,
  communityId: string,
  callInId: string,
): Promise<StatusResult> {
  return tx(async (repos) => {
    const { callIn } = await loadCallIn(repos, actor, 'call-in.reopen', communityId, callInId);
    const status = transition(callIn.status, 'reopen');
    // A withdrawn consent is final for this call-in (rule 1).
    if (!mayContact(callIn)) throw new AppError('consent_withdrawn');
    const at = isoNow(deps.clock);
    await repos.callIns.update(callIn.id, {
      status,
      closedAt: null,
      updatedAt: at,
    });
    await repos.concerns.updateStatus(communityId, callIn.concernId, 'in-progress', at);
    await alertFollower(repos, deps, { id: callIn.concernId, communityId }, at);
    // The conversation is open again: the next outcome sets the next reminder.
    await repos.jobs.cancelPendingByKeyPrefix(followUpKeyPrefix(callIn.id), at);
    await recordAudit(
      repos.audit,
      actor,
      { communityId, action: 'call-in.reopen', targetType: 'call-in', targetId: callIn.id },
      at,
    );
    return { id: callIn.id, status };
  });
}

/** An organizer takes a call-in to enforcement; the record links the concern, not the reporter. */
export async function escalateCallIn(
  tx: Tx<keyof OutcomeRepos>,
  deps: CallInDeps,
  actor: Actor,
  communityId: string,
  callInId: string,
  input: { level: LadderLevel; reason: string; expiresAt: string | null },
): Promise<Escalated> {
  return tx(async (repos) => {
    const { callIn } = await loadCallIn(repos, actor, 'call-in.escalate', communityId, callInId);
    const status = transition(callIn.status, 'escalate');
    const at = isoNow(deps.clock);
    const record = await writeEnforcement(
      repos,
      deps,
      actor,
      communityId,
      {
        concernIds: [callIn.concernId],
        level: input.level,
        reason: input.reason,
        expiresAt: input.expiresAt,
        callInId: callIn.id,
      },
      at,
    );
    await repos.callIns.update(callIn.id, {
      status,
      outcome: 'escalated',
      outcomes: [...callIn.outcomes.filter((o) => o !== 'escalated'), 'escalated'],
      outcomeAt: at,
      updatedAt: at,
    });
    await repos.jobs.cancelPendingByKeyPrefix(followUpKeyPrefix(callIn.id), at);
    await recordAudit(
      repos.audit,
      actor,
      { communityId, action: 'call-in.escalate', targetType: 'call-in', targetId: callIn.id },
      at,
    );
    return { id: callIn.id, status, enforcementId: record.id };
  });
}
