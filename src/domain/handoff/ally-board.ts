// Flow step 3, the handoff: opening a call-in for a triaged concern, the redacted ally board
// and volunteering. Rule 5 (nobody paused or full gets work) is kept here and in matching.
import type { AllyBoard, Handoff } from '../../contract/index.ts';
import { AppError } from '../../config/errors.ts';
import type { Repositories } from '../../db/store.ts';
import type { Actor } from '../access/actor.ts';
import { authorize } from '../access/policy.ts';
import {
  LIVE_STATUSES,
  userIdOf,
  type CallInDeps,
  type Tx,
} from '../conversation/call-in-state.ts';
import { availability } from '../care/capacity.ts';
import { isoNow } from '../common/clock.ts';
import { findConcern, loadConcern } from '../intake/concerns.ts';
import { hiddenConcernIds } from '../access/case-exclusions.ts';
import {
  assign,
  createCallIn,
  decidedCallIn,
  presentHandoff,
  type HandoffRepos,
} from './handoff.ts';

/** An organizer opens a call-in for a triaged concern, optionally naming its caller. */
export async function openCallIn(
  tx: Tx<keyof HandoffRepos>,
  deps: Pick<CallInDeps, 'clock'>,
  actor: Actor,
  communityId: string,
  concernId: string,
  input: { callerUserId: string | null; language: string | null },
): Promise<Handoff> {
  return tx(async (repos) => {
    const concern = await loadConcern(repos, actor, 'call-in.open', communityId, concernId);
    const at = isoNow(deps.clock);
    let callIn = await createCallIn(repos, actor, concern, input.language, at);
    if (input.callerUserId)
      callIn = await assign(repos, actor, callIn, concern, input.callerUserId, at);
    return presentHandoff(callIn);
  });
}

/** The ally board: redacted requests (category, urgency, language; no names, no narrative). */
export async function listAllyBoard(
  repos: Pick<
    Repositories,
    'memberships' | 'concerns' | 'triage' | 'callIns' | 'care' | 'conflicts'
  >,
  actor: Actor,
  communityId: string,
): Promise<AllyBoard> {
  const { userId: me } = await authorize(repos, actor, 'ally-board.read', { communityId });
  const userId = me ?? '';
  const mine = await availability(repos, communityId, userId);
  // Rule 5: someone paused or full is not offered work, not even on the board.
  if (!mine.available) return { available: false, why: mine.why, items: [] };
  const rows = [
    ...(await repos.concerns.listInbox(communityId, { status: 'triaged', limit: 200 })),
    ...(await repos.concerns.listInbox(communityId, { status: 'in-progress', limit: 200 })),
  ].filter((r) => r.wants === 'ally');
  // Rule 9: never a request about oneself, or one the reporter kept from this person.
  const hidden = await hiddenConcernIds(repos, communityId, userId);
  const callIns = await repos.callIns.listForConcerns(
    communityId,
    rows.map((r) => r.id),
  );
  const items = [];
  for (const r of rows) {
    const live = callIns.filter(
      (c) => c.concernId === r.id && LIVE_STATUSES.includes(c.status as never),
    );
    if (live.some((c) => c.status !== 'awaiting-caller')) continue;
    const concern = await repos.concerns.find(communityId, r.id);
    if (!concern || !(await decidedCallIn(repos, concern))) continue;
    if (concern.reporterUserId === userId || hidden.has(concern.id)) continue;
    items.push({
      concernId: r.id,
      categories: r.categories,
      urgent: r.urgency === 'urgent',
      language: live[0]?.language ?? null,
      since: r.updatedAt,
    });
  }
  items.sort((a, b) => Number(b.urgent) - Number(a.urgent) || a.since.localeCompare(b.since));
  return { available: true, why: null, items };
}

/** An ally takes a request from the board. */
export async function volunteer(
  tx: Tx<keyof HandoffRepos>,
  deps: Pick<CallInDeps, 'clock'>,
  actor: Actor,
  communityId: string,
  concernId: string,
): Promise<Handoff> {
  return tx(async (repos) => {
    const { userId } = await authorize(repos, actor, 'ally-board.volunteer', { communityId });
    // Rule 9: a request kept from this person is not there for them (it was never on their board).
    if ((await hiddenConcernIds(repos, communityId, userId)).has(concernId))
      throw new AppError('not_found');
    const concern = await findConcern(repos, communityId, concernId);
    if (concern.wants !== 'ally')
      throw new AppError('invalid_state', { reason: 'This concern is not on the ally board.' });
    const at = isoNow(deps.clock);
    const existing = await repos.callIns.findForConcern(communityId, concernId, LIVE_STATUSES);
    const callIn = existing ?? (await createCallIn(repos, actor, concern, null, at));
    return presentHandoff(await assign(repos, actor, callIn, concern, userIdOf(actor) ?? '', at));
  });
}
