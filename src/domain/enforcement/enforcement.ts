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
import type { Concern, Enforcement } from '../../db/records.ts';
import type { Repositories } from '../../db/store.ts';
import type { Actor } from '../access/actor.ts';
import { authorize, decide, requirePerson } from '../access/policy.ts';
import { recordAudit } from '../audit/audit-record.ts';
import { caseExclusions, hiddenConcernIds } from '../access/case-exclusions.ts';
import {
  assertReadableByMember,
  links,
  protectedNamesOf,
  readConcernContent,
  userIdOf,
  type CallInDeps,
  type MemberTextGuard,
  type Tx,
} from '../conversation/call-in-state.ts';
import { isoNow } from '../common/clock.ts';
import { contentContext, findConcern, type ConcernContent } from '../intake/concerns.ts';
import type { Cipher } from '../privacy/crypto.ts';
import { queueNotification } from '../notifications/notifications.ts';
import { newId } from '../common/tokens.ts';
import type { LadderLevel } from '../triage/triage.ts';
import type { EnforcementAppeal } from '../../db/records.ts';
import {
  appealDecidable,
  appealResource,
  appealWaitsNote,
  changedTerms,
  mayDecideAppeal,
} from './appeal-terms.ts';

type EnforcementRepos = Pick<
  Repositories,
  'memberships' | 'concerns' | 'callIns' | 'users' | 'enforcement' | 'audit' | 'jobs' | 'conflicts'
>;

const reasonContext = (e: Pick<Enforcement, 'id' | 'communityId'>) =>
  `enforcement:${e.communityId}:${e.id}`;
const appealContext = (communityId: string, id: string) => `appeal:${communityId}:${id}`;

/** How an appeal was decided: the decider's note and any new terms (null until decided). */
function appealOutcome(cipher: CallInDeps['cipher'], communityId: string, a: EnforcementAppeal) {
  return {
    decisionNote: a.decisionNote
      ? cipher.decrypt<string>(a.decisionNote, appealContext(communityId, `${a.id}:decision`))
      : null,
    decidedAt: a.decidedAt,
    changedTo: a.changedLevel ? { level: a.changedLevel, expiresAt: a.changedExpiresAt } : null,
  };
}

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
    subject.subjectUserId
      ? c.subjectUserId === subject.subjectUserId
      : c.subjectUserId === null && c.subjectKey === subject.subjectKey;
  if (!concerns.every(samePerson))
    throw new AppError('validation_failed', [
      {
        field: 'concernIds',
        rule: 'invalid',
        message: 'Link only concerns about the same person: one record is about one person.',
      },
    ]);
  // The member reads the reason: it names nobody who raised or was hurt by these concerns.
  assertReadableByMember(input.reason, 'reason', await reasonGuard(repos, deps, concerns));
  const id = newId();
  const row: Enforcement = {
    id,
    communityId,
    subjectUserId: subject.subjectUserId,
    subjectKey: subject.subjectKey,
    level: input.level,
    reason: '',
    concernIds: concerns.map((c) => c.id),
    callInId: input.callInId ?? null,
    status: 'active' as const,
    enforcedBy: userIdOf(actor) ?? 'system',
    expiresAt: input.level === 'permanent-ban' ? null : input.expiresAt,
    createdAt: at,
    updatedAt: at,
  };
  row.reason = deps.cipher.encrypt(input.reason.trim(), reasonContext(row));
  await repos.enforcement.insert(row);
  if (subject.subjectUserId) {
    await queueNotification(
      repos.jobs,
      deps.cipher,
      {
        template: 'enforcement-notice',
        communityId,
        to: { userId: subject.subjectUserId },
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

/** What an enforcement reason is checked against: everyone the linked concerns protect. */
async function reasonGuard(
  repos: Pick<EnforcementRepos, 'callIns' | 'users'>,
  deps: Pick<CallInDeps, 'cipher'>,
  concerns: readonly Concern[],
): Promise<MemberTextGuard> {
  const subject = concerns[0]!;
  const callIns = await repos.callIns.listForConcerns(
    subject.communityId,
    concerns.map((c) => c.id),
  );
  const names = new Set<string>();
  const ownNames: string[] = [];
  for (const concern of concerns) {
    const harmed = callIns.filter((c) => c.concernId === concern.id).map((c) => c.harmedUserId);
    for (const n of await protectedNamesOf(repos, deps.cipher, concern, harmed)) names.add(n);
    const aboutName = readConcernContent(deps.cipher, concern).aboutName;
    if (aboutName) ownNames.push(aboutName);
  }
  if (subject.subjectUserId) {
    const u = await repos.users.findById(subject.subjectUserId);
    if (u) ownNames.push(u.displayName);
  }
  // The quotes are the member's own words: a reason may cite them.
  return { names: [...names], ownNames, passages: null };
}

function present(cipher: CallInDeps['cipher'], e: Enforcement) {
  return {
    id: e.id,
    level: e.level,
    reason: cipher.decrypt<string>(e.reason, reasonContext(e)),
    status: e.status,
    expiresAt: e.expiresAt,
    createdAt: e.createdAt,
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
    await authorize(repos, actor, 'enforcement.write', {
      communityId,
      ...(await caseExclusions(repos, await linkedConcerns(repos, communityId, input.concernIds))),
    });
    const row = await writeEnforcement(repos, deps, actor, communityId, input, isoNow(deps.clock));
    return {
      ...present(deps.cipher, row),
      concernIds: row.concernIds,
      enforcedBy: row.enforcedBy,
      callInId: row.callInId,
    };
  });
}

/** The concerns of this community among these ids (those that exist). */
async function linkedConcerns(
  repos: Pick<Repositories, 'concerns'>,
  communityId: string,
  ids: readonly string[],
): Promise<Concern[]> {
  const out: Concern[] = [];
  for (const id of new Set(ids)) {
    const c = await repos.concerns.find(communityId, id);
    if (c) out.push(c);
  }
  return out;
}

/** Whom a record is about, by name: their account's display name, or the concern's free text. */
async function memberOf(
  repos: Pick<Repositories, 'concerns' | 'users'>,
  cipher: Cipher,
  e: Enforcement,
): Promise<CommunityEnforcement['member']> {
  if (e.subjectUserId) {
    const u = await repos.users.findById(e.subjectUserId);
    return { userId: e.subjectUserId, name: u?.displayName ?? null };
  }
  const first = e.concernIds[0];
  const c = first ? await repos.concerns.find(e.communityId, first) : undefined;
  const name = c ? cipher.decrypt<ConcernContent>(c.content, contentContext(c)).aboutName : null;
  return { userId: null, name };
}

export async function listEnforcements(
  repos: Pick<Repositories, 'memberships' | 'enforcement' | 'conflicts' | 'concerns' | 'users'>,
  deps: Pick<CallInDeps, 'cipher'>,
  actor: Actor,
  communityId: string,
): Promise<CommunityEnforcement[]> {
  const { userId } = await authorize(repos, actor, 'enforcement.read', { communityId });
  // Rule 9: records about oneself, or about a case one is excluded from, are not listed.
  const hidden = await hiddenConcernIds(repos, communityId, userId);
  const out = [];
  for (const e of await repos.enforcement.list(communityId)) {
    if (e.subjectUserId === userId || e.concernIds.some((id) => hidden.has(id))) continue;
    const appeals = await repos.enforcement.listAppeals(e.id);
    // Who may decide is said up front (the one who wrote it may not), not only on submit.
    const may = appeals.some((a) => a.status === 'pending')
      ? await mayDecideAppeal(repos, actor, communityId, e)
      : { mayDecide: false, blocked: null };
    out.push({
      ...present(deps.cipher, e),
      concernIds: e.concernIds,
      enforcedBy: e.enforcedBy,
      member: await memberOf(repos, deps.cipher, e),
      writtenBy: {
        userId: e.enforcedBy === 'system' ? null : e.enforcedBy,
        name:
          (e.enforcedBy === 'system'
            ? undefined
            : (await repos.users.findById(e.enforcedBy))?.displayName) ?? 'An organizer',
      },
      callInId: e.callInId,
      appeals: appeals.map((a) => ({
        id: a.id,
        status: a.status,
        statement: deps.cipher.decrypt<string>(a.statement, appealContext(communityId, a.id)),
        decidedBy: a.decidedBy,
        createdAt: a.createdAt,
        ...appealOutcome(deps.cipher, communityId, a),
        ...(a.status === 'pending' ? may : { mayDecide: false, blocked: null }),
      })),
    });
  }
  return out;
}

/** The member's own records: level, reason, expiry, appeal status. Nothing about who raised it. */
export async function listMyEnforcements(
  repos: Pick<Repositories, 'enforcement' | 'communities' | 'memberships'>,
  deps: Pick<CallInDeps, 'cipher'>,
  actor: Actor,
): Promise<MyEnforcement[]> {
  requirePerson(actor);
  const out = [];
  for (const e of await repos.enforcement.listForSubjectUser(actor.userId)) {
    const community = await repos.communities.findById(e.communityId);
    const appeals = await repos.enforcement.listAppeals(e.id);
    out.push({
      ...present(deps.cipher, e),
      community: community?.name ?? '',
      appeals: appeals.map((a) => ({
        id: a.id,
        status: a.status,
        createdAt: a.createdAt,
        ...appealOutcome(deps.cipher, e.communityId, a),
      })),
      appealWaits:
        e.status === 'active' && !(await appealDecidable(repos, e)) ? appealWaitsNote : null,
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
      addressedUserId: e?.subjectUserId ?? null,
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
      enforcementId: e.id,
      communityId: e.communityId,
      appellantUserId: actor.userId,
      statement: deps.cipher.encrypt(statement.trim(), appealContext(e.communityId, id)),
      status: 'pending',
      decidedBy: null,
      decisionNote: null,
      changedLevel: null,
      changedExpiresAt: null,
      createdAt: at,
      decidedAt: null,
    });
    const organizers = (await repos.memberships.list(e.communityId)).filter(
      (m) => m.role === 'organizer',
    );
    const decidable = organizers.some((m) => m.userId !== e.enforcedBy);
    if (!decidable) {
      // Nobody may decide it yet: the organizer hears that a second organizer is needed.
      for (const m of organizers) {
        await queueNotification(
          repos.jobs,
          deps.cipher,
          {
            template: 'appeal-needs-organizer',
            communityId: e.communityId,
            to: { userId: m.userId },
            link: `${deps.publicUrl}/communities/${e.communityId}/invitations`,
            dedupeKey: `appeal-needs-organizer:${id}:${m.userId}`,
          },
          at,
        );
      }
    }
    for (const m of organizers) {
      if (m.userId === e.enforcedBy) continue;
      await queueNotification(
        repos.jobs,
        deps.cipher,
        {
          template: 'appeal-received',
          communityId: e.communityId,
          to: { userId: m.userId },
          link: `${deps.publicUrl}/communities/${e.communityId}/enforcements`,
          dedupeKey: `appeal:${id}:${m.userId}`,
        },
        at,
      );
    }
    await recordAudit(
      repos.audit,
      actor,
      {
        communityId: e.communityId,
        action: 'enforcement.appeal',
        targetType: 'enforcement',
        targetId: e.id,
      },
      at,
    );
    return {
      id,
      enforcementId: e.id,
      status: 'pending',
      createdAt: at,
      decidable,
      ...(decidable
        ? {}
        : {
            note: 'Your appeal is saved. It needs an organizer other than the one who made the decision, and there is none yet, so it will wait until one joins. The organizer has been told.',
          }),
    };
  });
}

export async function decideAppeal(
  tx: Tx<keyof EnforcementRepos>,
  deps: CallInDeps,
  actor: Actor,
  communityId: string,
  appealId: string,
  input: {
    decision: AppealDecided['status'];
    note: string;
    level?: LadderLevel | undefined;
    expiresAt?: string | undefined;
  },
): Promise<AppealDecided> {
  return tx(async (repos) => {
    const appeal = await repos.enforcement.findAppeal(communityId, appealId);
    const e = appeal ? await repos.enforcement.find(communityId, appeal.enforcementId) : undefined;
    // A different organizer than the one who enforced decides, and never the member it is
    // about or anyone excluded from its concerns (rule 9).
    await authorize(
      repos,
      actor,
      'appeal.decide',
      await appealResource(repos, communityId, e),
    ).catch(async (err: unknown) => {
      // The decision is someone else's, and there is nobody else yet: say what would unblock it.
      if (
        err instanceof AppError &&
        err.code === 'same_organizer_appeal' &&
        (await repos.memberships.countWithRole(communityId, 'organizer')) <= 1
      )
        throw new AppError(
          'same_organizer_appeal',
          { reason: 'second-organizer-needed' },
          'The organizer who made this decision cannot also decide its appeal, and there is no other organizer yet. Please invite a second organizer, someone independent if you can, so the appeal can be decided.',
        );
      throw err;
    });
    if (!appeal || !e) throw new AppError('not_found');
    if (appeal.status !== 'pending') throw new AppError('invalid_state');

    const changed = input.decision === 'changed' ? changedTerms(e, input, deps.clock.now()) : null;

    const at = isoNow(deps.clock);
    await repos.enforcement.decideAppeal(appeal.id, {
      status: input.decision,
      decidedBy: userIdOf(actor),
      decisionNote: deps.cipher.encrypt(
        input.note.trim(),
        appealContext(communityId, `${appeal.id}:decision`),
      ),
      decidedAt: at,
      changedLevel: changed?.level ?? null,
      changedExpiresAt: changed?.expiresAt ?? null,
    });
    if (input.decision === 'overturned')
      await repos.enforcement.updateStatus(e.id, 'overturned', at);
    if (changed) await repos.enforcement.updateTerms(e.id, changed, at);
    if (appeal.appellantUserId) {
      await queueNotification(
        repos.jobs,
        deps.cipher,
        {
          template: 'appeal-update',
          communityId,
          to: { userId: appeal.appellantUserId },
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
    return {
      id: appeal.id,
      enforcementId: e.id,
      status: input.decision,
      decidedAt: at,
      changedTo: changed,
    };
  });
}
