// The Contributor Covenant ladder as records: correction, warning, temporary ban, permanent
// ban, each with an encrypted reason, the concerns it answers, and an expiry. The member can
// appeal; a different organizer than the one who enforced decides (same_organizer_appeal).
// Records name no reporter and no harmed person: only the behaviour and the level.
import type {
  AppealDecided,
  Appealed,
  CommunityEnforcement,
  Enforced,
  MyEnforcement,
} from '../../contract/index.ts';
import { AppError } from '../../config/errors.ts';
import type { Concern, Enforcement } from '../../db/schema.ts';
import type { Repositories } from '../../db/store.ts';
import type { Actor } from '../access/actor.ts';
import { authorize, decide, requirePerson } from '../access/policy.ts';
import { recordAudit } from '../audit/audit-record.ts';
import { links, userIdOf, type CallInDeps, type Tx } from '../conversation/call-in-state.ts';
import { isoNow } from '../common/clock.ts';
import { findConcern } from '../intake/concerns.ts';
import { queueNotification } from '../notifications/notifications.ts';
import { newId } from '../common/tokens.ts';
import type { LadderLevel } from '../triage/triage.ts';

type EnforcementRepos = Pick<
  Repositories,
  'memberships' | 'concerns' | 'enforcement' | 'audit' | 'jobs'
>;

const reasonContext = (e: Pick<Enforcement, 'id' | 'community_id'>) =>
  `enforcement:${e.community_id}:${e.id}`;
const appealContext = (communityId: string, id: string) => `appeal:${communityId}:${id}`;

export interface EnforceInput {
  concernIds: string[];
  level: LadderLevel;
  reason: string;
  expiresAt: string | null;
  callInId?: string | null;
}

/** Inside a transaction: writes the record and tells the member (never who raised it). */
export async function writeEnforcement(
  repos: EnforcementRepos,
  deps: CallInDeps,
  actor: Actor,
  communityId: string,
  input: EnforceInput,
  at: string,
) {
  const first = input.concernIds[0];
  if (!first)
    throw new AppError('validation_failed', [
      { field: 'concernIds', rule: 'invalid', message: 'Link at least one concern.' },
    ]);
  if (input.level === 'temporary-ban' && !input.expiresAt)
    throw new AppError('validation_failed', [
      { field: 'expiresAt', rule: 'invalid', message: 'A temporary ban needs an end date.' },
    ]);
  if (input.expiresAt && input.expiresAt <= at)
    throw new AppError('validation_failed', [
      { field: 'expiresAt', rule: 'invalid', message: 'The end date needs to be in the future.' },
    ]);
  const concerns: Concern[] = [];
  for (const id of new Set(input.concernIds))
    concerns.push(await findConcern(repos, communityId, id));
  const subject = concerns[0]!;
  // One record is about one person: every linked concern must be about the first one's.
  const samePerson = (c: Concern) =>
    subject.subject_user_id
      ? c.subject_user_id === subject.subject_user_id
      : c.subject_user_id === null && c.subject_key === subject.subject_key;
  if (!concerns.every(samePerson))
    throw new AppError('validation_failed', [
      {
        field: 'concernIds',
        rule: 'invalid',
        message: 'Link only concerns about the same person: one record is about one person.',
      },
    ]);
  const id = newId();
  const row = {
    id,
    community_id: communityId,
    subject_user_id: subject.subject_user_id,
    subject_key: subject.subject_key,
    level: input.level,
    reason: '',
    concern_ids: JSON.stringify(concerns.map((c) => c.id)),
    call_in_id: input.callInId ?? null,
    status: 'active' as const,
    enforced_by: userIdOf(actor) ?? 'system',
    expires_at: input.level === 'permanent-ban' ? null : input.expiresAt,
    created_at: at,
    updated_at: at,
  };
  row.reason = deps.cipher.encrypt(input.reason.trim(), reasonContext(row));
  await repos.enforcement.insert(row);
  if (subject.subject_user_id) {
    await queueNotification(
      repos.jobs,
      deps.cipher,
      {
        template: 'enforcement-notice',
        communityId,
        to: { userId: subject.subject_user_id },
        link: links(deps.publicUrl).enforcement(id),
        dedupeKey: `enforcement:${id}`,
      },
      at,
    );
  }
  await recordAudit(
    repos.audit,
    actor,
    { communityId, action: 'enforcement.create', targetType: 'enforcement', targetId: id },
    at,
  );
  return row;
}

function present(cipher: CallInDeps['cipher'], e: Enforcement) {
  return {
    id: e.id,
    level: e.level,
    reason: cipher.decrypt<string>(e.reason, reasonContext(e)),
    status: e.status,
    expiresAt: e.expires_at,
    createdAt: e.created_at,
  };
}

export async function enforce(
  tx: Tx<keyof EnforcementRepos>,
  deps: CallInDeps,
  actor: Actor,
  communityId: string,
  input: EnforceInput,
): Promise<Enforced> {
  return tx(async (repos) => {
    await authorize(repos, actor, 'enforcement.write', { communityId });
    const row = await writeEnforcement(repos, deps, actor, communityId, input, isoNow(deps.clock));
    return {
      ...present(deps.cipher, row),
      concernIds: JSON.parse(row.concern_ids) as string[],
      enforcedBy: row.enforced_by,
      callInId: row.call_in_id,
    };
  });
}

export async function listEnforcements(
  repos: Pick<Repositories, 'memberships' | 'enforcement'>,
  deps: Pick<CallInDeps, 'cipher'>,
  actor: Actor,
  communityId: string,
): Promise<CommunityEnforcement[]> {
  await authorize(repos, actor, 'enforcement.read', { communityId });
  const out = [];
  for (const e of await repos.enforcement.list(communityId)) {
    const appeals = await repos.enforcement.listAppeals(e.id);
    out.push({
      ...present(deps.cipher, e),
      concernIds: JSON.parse(e.concern_ids) as string[],
      enforcedBy: e.enforced_by,
      callInId: e.call_in_id,
      appeals: appeals.map((a) => ({
        id: a.id,
        status: a.status,
        statement: deps.cipher.decrypt<string>(a.statement, appealContext(communityId, a.id)),
        decidedBy: a.decided_by,
        createdAt: a.created_at,
      })),
    });
  }
  return out;
}

/** The member's own records: level, reason, expiry, appeal status. Nothing about who raised it. */
export async function listMyEnforcements(
  repos: Pick<Repositories, 'enforcement' | 'communities'>,
  deps: Pick<CallInDeps, 'cipher'>,
  actor: Actor,
): Promise<MyEnforcement[]> {
  requirePerson(actor);
  const out = [];
  for (const e of await repos.enforcement.listForSubjectUser(actor.userId)) {
    const community = await repos.communities.findById(e.community_id);
    const appeals = await repos.enforcement.listAppeals(e.id);
    out.push({
      ...present(deps.cipher, e),
      community: community?.name ?? '',
      appeals: appeals.map((a) => ({ id: a.id, status: a.status, createdAt: a.created_at })),
    });
  }
  return out;
}

export async function appealEnforcement(
  tx: Tx<keyof EnforcementRepos>,
  deps: CallInDeps,
  actor: Actor,
  enforcementId: string,
  statement: string,
): Promise<Appealed> {
  return tx(async (repos) => {
    requirePerson(actor);
    const e = await repos.enforcement.findById(enforcementId);
    decide('enforcement.appeal', actor, null, {
      communityId: null,
      found: !!e,
      addressedUserId: e?.subject_user_id ?? null,
    });
    if (!e) throw new AppError('not_found');
    if (e.status !== 'active') throw new AppError('invalid_state');
    const existing = await repos.enforcement.listAppeals(e.id);
    if (existing.some((a) => a.status === 'pending'))
      throw new AppError('invalid_state', {
        reason: 'An appeal is already waiting for a decision.',
      });
    const at = isoNow(deps.clock);
    const id = newId();
    await repos.enforcement.insertAppeal({
      id,
      enforcement_id: e.id,
      community_id: e.community_id,
      appellant_user_id: actor.userId,
      statement: deps.cipher.encrypt(statement.trim(), appealContext(e.community_id, id)),
      status: 'pending',
      decided_by: null,
      decision_note: null,
      created_at: at,
      decided_at: null,
    });
    for (const m of await repos.memberships.list(e.community_id)) {
      if (m.role !== 'organizer' || m.user_id === e.enforced_by) continue;
      await queueNotification(
        repos.jobs,
        deps.cipher,
        {
          template: 'appeal-update',
          communityId: e.community_id,
          to: { userId: m.user_id },
          link: `${deps.publicUrl}/communities/${e.community_id}/enforcements`,
          dedupeKey: `appeal:${id}:${m.user_id}`,
        },
        at,
      );
    }
    await recordAudit(
      repos.audit,
      actor,
      {
        communityId: e.community_id,
        action: 'enforcement.appeal',
        targetType: 'enforcement',
        targetId: e.id,
      },
      at,
    );
    return { id, enforcementId: e.id, status: 'pending', createdAt: at };
  });
}

export async function decideAppeal(
  tx: Tx<keyof EnforcementRepos>,
  deps: CallInDeps,
  actor: Actor,
  communityId: string,
  appealId: string,
  input: { decision: 'upheld' | 'overturned'; note: string },
): Promise<AppealDecided> {
  return tx(async (repos) => {
    const appeal = await repos.enforcement.findAppeal(communityId, appealId);
    const e = appeal ? await repos.enforcement.find(communityId, appeal.enforcement_id) : undefined;
    // A different organizer than the one who enforced decides (rule 9's hook: no conflicts yet).
    await authorize(repos, actor, 'appeal.decide', {
      communityId,
      found: !!e,
      enforcedBy: e?.enforced_by ?? null,
      excludedUserIds: [],
    });
    if (!appeal || !e) throw new AppError('not_found');
    if (appeal.status !== 'pending') throw new AppError('invalid_state');
    const at = isoNow(deps.clock);
    await repos.enforcement.decideAppeal(appeal.id, {
      status: input.decision,
      decided_by: userIdOf(actor),
      decision_note: deps.cipher.encrypt(
        input.note.trim(),
        appealContext(communityId, `${appeal.id}:decision`),
      ),
      decided_at: at,
    });
    if (input.decision === 'overturned')
      await repos.enforcement.updateStatus(e.id, 'overturned', at);
    if (appeal.appellant_user_id) {
      await queueNotification(
        repos.jobs,
        deps.cipher,
        {
          template: 'appeal-update',
          communityId,
          to: { userId: appeal.appellant_user_id },
          link: links(deps.publicUrl).enforcement(e.id),
          dedupeKey: `appeal-decided:${appeal.id}`,
        },
        at,
      );
    }
    await recordAudit(
      repos.audit,
      actor,
      {
        communityId,
        action: 'enforcement.appeal-decide',
        targetType: 'enforcement',
        targetId: e.id,
      },
      at,
    );
    return { id: appeal.id, enforcementId: e.id, status: input.decision, decidedAt: at };
  });
}
