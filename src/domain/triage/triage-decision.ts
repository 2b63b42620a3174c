// Flow step 2 as a workflow: gather the person's history from the database, run the rubric
// with the community's thresholds, and keep the organizer's decision with its reason.
import type { Decision, TriagePreview, TriageDecided } from '../../contract/index.ts';
import { AppError } from '../../config/errors.ts';
import type { Concern } from '../../db/records.ts';
import type { Repositories, Tx } from '../../db/store.ts';
import { REACHED_STATUSES } from '../conversation/call-in-state.ts';
import type { Actor } from '../access/actor.ts';
import { recordAudit } from '../audit/audit-record.ts';
import { tellAlliesOfRequest } from '../notifications/staff-news.ts';
import { isoNow, type Clock } from '../common/clock.ts';
import { parseSettings } from '../accounts/community-settings.ts';
import { findConcern, loadConcern } from '../intake/concerns.ts';
import { earlierConcernIds } from '../intake/subject-match.ts';
import type { Cipher } from '../privacy/crypto.ts';
import { newId } from '../common/tokens.ts';
import {
  ladderLevels,
  recommend,
  type ConcernCategory,
  type Intent,
  type LadderLevel,
  type PublicHarm,
  type RecommendationKind,
  type TriageHistory,
} from './triage.ts';

export interface TriageAnswers {
  categories: ConcernCategory[];
  immediateDanger: boolean;
  intent: Intent;
  publicHarm: PublicHarm;
}

const CALL_IN_KINDS: readonly string[] = ['call-in', 'call-in-and-public-statement'];

export async function computeHistory(
  repos: Pick<Repositories, 'concerns' | 'triage' | 'callIns' | 'enforcement'>,
  concern: Concern,
): Promise<TriageHistory> {
  // By account, by the whole name, and by the normalised words of the names (subject-match.ts).
  const concernIds = await earlierConcernIds(repos, concern);
  const subject = { userId: concern.subjectUserId, key: concern.subjectKey, concernIds };
  const earlierConcerns = concernIds.length;
  const decisions = await repos.triage.decisionsAboutSubject(
    concern.communityId,
    subject,
    concern.id,
  );
  // The latest decision of each earlier concern counts.
  const latest = new Map<string, (typeof decisions)[number]>();
  for (const d of decisions) latest.set(d.concernId, d);
  let earlierCallIns = 0;
  let highest = -1;
  for (const d of latest.values()) {
    if (CALL_IN_KINDS.includes(d.decision)) earlierCallIns++;
    if (d.decision === 'enforcement' && d.ladderLevel) {
      highest = Math.max(highest, ladderLevels.indexOf(d.ladderLevel));
    }
  }
  // Call-ins that really reached the member, and enforcement records that still stand, count too.
  const reached = await repos.callIns.countAboutSubject(
    concern.communityId,
    subject,
    concern.id,
    REACHED_STATUSES,
  );
  earlierCallIns = Math.max(earlierCallIns, reached);
  for (const level of await repos.enforcement.levelsAboutSubject(
    concern.communityId,
    subject,
    'active',
  )) {
    highest = Math.max(highest, ladderLevels.indexOf(level));
  }
  return { earlierConcerns, earlierCallIns, highestEnforcement: ladderLevels[highest] ?? null };
}

export async function previewTriage(
  repos: Pick<
    Repositories,
    'memberships' | 'concerns' | 'triage' | 'communities' | 'callIns' | 'enforcement' | 'conflicts'
  >,
  actor: Actor,
  communityId: string,
  concernId: string,
  answers: TriageAnswers,
): Promise<TriagePreview> {
  const concern = await loadConcern(repos, actor, 'concern.triage', communityId, concernId);
  const community = await repos.communities.findById(communityId);
  const history = await computeHistory(repos, concern);
  const recommendation = recommend(
    {
      ...answers,
      harmed: concern.harmed,
      wants: concern.wants,
      history,
    },
    parseSettings(community?.settings ?? {}).triage,
  );
  return { recommendation, history };
}

export interface TriageDecisionInput {
  answers: TriageAnswers;
  decision: RecommendationKind;
  ladderLevel: LadderLevel | null;
  reason: string;
  /** The latest decision's id, when changing it; required once there is one. */
  replaces?: string;
}

const callInKinds: readonly RecommendationKind[] = ['call-in', 'call-in-and-public-statement'];

export async function decideTriage(
  tx: Tx<
    | 'memberships'
    | 'concerns'
    | 'triage'
    | 'communities'
    | 'audit'
    | 'callIns'
    | 'enforcement'
    | 'jobs'
    | 'care'
    | 'conflicts'
  >,
  deps: { clock: Clock; cipher: Cipher },
  actor: Actor,
  communityId: string,
  concernId: string,
  input: TriageDecisionInput,
): Promise<TriageDecided> {
  if ((input.decision === 'enforcement') !== (input.ladderLevel !== null)) {
    throw new AppError('validation_failed', [
      {
        field: 'ladderLevel',
        rule: 'invalid',
        message: 'Choose a ladder level for enforcement, and only for enforcement.',
      },
    ]);
  }
  return tx(async (repos) => {
    const { recommendation, history } = await previewTriage(
      repos,
      actor,
      communityId,
      concernId,
      input.answers,
    );
    const concern = await findConcern(repos, communityId, concernId);
    if (concern.status !== 'new' && concern.status !== 'triaged')
      throw new AppError('invalid_state');
    // A decision stays decided: changing it names the decision it replaces, so a second
    // submit (or a second organizer working from an older page) cannot decide it again.
    const latest = (await repos.triage.listForConcern(communityId, concernId)).at(-1);
    const replaces = input.replaces ?? null;
    if (latest && replaces === null) throw new AppError('already_decided');
    if (latest && replaces !== latest.id) throw new AppError('decision_superseded');
    if (!latest && replaces !== null) {
      throw new AppError('validation_failed', [
        {
          field: 'replaces',
          rule: 'invalid',
          message: 'This concern has no decision yet, so there is nothing to replace.',
        },
      ]);
    }
    const at = isoNow(deps.clock);
    const id = newId();
    const decidedBy = actor.kind === 'user' || actor.kind === 'token' ? actor.userId : 'system';
    await repos.triage.insert({
      id,
      concernId,
      communityId,
      decidedBy,
      answers: input.answers,
      recommendation,
      ladderLevel: input.ladderLevel,
      decision: input.decision,
      reason: deps.cipher.encrypt(input.reason.trim(), `triage:${communityId}:${id}`),
      createdAt: at,
    });
    await repos.concerns.updateStatus(communityId, concernId, 'triaged', at);
    // A reporter who asked for an ally: the request is on the board now; allies with room hear.
    if (concern.wants === 'ally' && callInKinds.includes(input.decision)) {
      await tellAlliesOfRequest(
        repos,
        deps.cipher,
        { id: concernId, communityId, language: null },
        [concern.subjectUserId, concern.reporterUserId],
        at,
      );
    }
    await recordAudit(
      repos.audit,
      actor,
      {
        communityId,
        action: replaces ? 'concern.triage-change' : 'concern.triage',
        targetType: 'concern',
        targetId: concernId,
      },
      at,
    );
    return {
      id,
      decision: input.decision,
      ladderLevel: input.ladderLevel,
      followsRecommendation: input.decision === recommendation.kind,
      recommendation,
      history,
      replaces,
      createdAt: at,
    };
  });
}

export async function listTriageDecisions(
  repos: Pick<Repositories, 'memberships' | 'triage' | 'concerns' | 'conflicts' | 'users'>,
  cipher: Cipher,
  actor: Actor,
  communityId: string,
  concernId: string,
): Promise<Decision[]> {
  await loadConcern(repos, actor, 'concern.read', communityId, concernId);
  const rows = await repos.triage.listForConcern(communityId, concernId);
  const names = new Map<string, string | null>();
  for (const id of new Set(rows.map((r) => r.decidedBy))) {
    const user = await repos.users.findById(id);
    names.set(id, user && !user.erasedAt ? user.displayName : null);
  }
  return rows.map((r) => ({
    id: r.id,
    decidedBy: r.decidedBy,
    decidedByName: names.get(r.decidedBy) ?? null,
    decision: r.decision,
    ladderLevel: r.ladderLevel,
    reason: cipher.decrypt<string>(r.reason, `triage:${communityId}:${r.id}`),
    recommendation: r.recommendation,
    answers: r.answers,
    createdAt: r.createdAt,
  }));
}
