// Flow step 3, the handoff: opening a call-in for a triaged concern, the redacted ally board,
// volunteering, and an organizer's match or offer. Rule 2 (the harmed person is never the
// caller unless they chose it) and rule 5 (nobody paused or full gets work) are kept here.
import { AppError } from '../config/errors.ts';
import type { CallIn, Concern } from '../db/schema.ts';
import type { Repositories } from '../db/store.ts';
import type { Actor } from './actor.ts';
import { recordAudit } from './audit-record.ts';
import {
  LIVE_STATUSES,
  links,
  requireRole,
  userIdOf,
  type CallInDeps,
  type ConsentMode,
  type Tx,
} from './call-in-state.ts';
import { assertAvailable, availability } from './capacity.ts';
import { isoNow } from './clock.ts';
import { findConcern } from './concerns.ts';
import { queueNotification } from './notifications.ts';
import { newId } from './tokens.ts';

type HandoffRepos = Pick<
  Repositories,
  'memberships' | 'concerns' | 'triage' | 'callIns' | 'care' | 'audit' | 'jobs'
>;

const CALL_IN_DECISIONS = ['call-in', 'call-in-and-public-statement'];
export const relationships = ['none', 'knows', 'works-with', 'friend'] as const;
export type Relationship = (typeof relationships)[number];

async function decidedCallIn(repos: Pick<Repositories, 'triage'>, c: Concern): Promise<boolean> {
  const decisions = await repos.triage.listForConcern(c.community_id, c.id);
  const latest = decisions.at(-1);
  return !!latest && CALL_IN_DECISIONS.includes(latest.decision);
}

/** Whether this person may hold this call-in (rule 2), apart from capacity. */
async function assertMayCall(
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
      { field: 'userId', problems: ['That person is not part of this community.'] },
    ]);
  if (choseSelf) return 'self';
  if (m.role === 'member')
    throw new AppError('validation_failed', [
      { field: 'userId', problems: ['Only allies and organizers hold call-ins for others.'] },
    ]);
  return m.role;
}

function consentModeFor(concern: Concern, kind: 'ally' | 'organizer' | 'self'): ConsentMode {
  if (kind === 'self') return 'self';
  if (concern.harmed === 'group' || concern.harmed === 'unknown') return 'organizer';
  return 'person';
}

/** Gives a call-in to its caller: checks rules 2 and 5, then sets the consent step. */
async function assign(
  repos: HandoffRepos,
  actor: Actor,
  callIn: CallIn,
  concern: Concern,
  userId: string,
  at: string,
): Promise<CallIn> {
  if (callIn.status !== 'awaiting-caller') throw new AppError('invalid_state');
  const kind = await assertMayCall(repos, concern, callIn, userId);
  await assertAvailable(repos, concern.community_id, userId);
  const mode = consentModeFor(concern, kind);
  const patch = {
    caller_user_id: userId,
    caller_kind: kind,
    consent_mode: mode,
    consent_status: mode === 'self' ? 'not-needed' : 'not-requested',
    status: mode === 'self' ? 'ready' : 'awaiting-consent',
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

async function createCallIn(
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
    status: 'awaiting-caller',
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

export function presentHandoff(c: CallIn) {
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

/** An organizer opens a call-in for a triaged concern, optionally naming its caller. */
export async function openCallIn(
  tx: Tx<keyof HandoffRepos>,
  deps: Pick<CallInDeps, 'clock'>,
  actor: Actor,
  communityId: string,
  concernId: string,
  input: { callerUserId: string | null; language: string | null },
) {
  return tx(async (repos) => {
    await requireRole(repos, actor, communityId, 'organizer');
    const concern = await findConcern(repos, communityId, concernId);
    const at = isoNow(deps.clock);
    let callIn = await createCallIn(repos, actor, concern, input.language, at);
    if (input.callerUserId)
      callIn = await assign(repos, actor, callIn, concern, input.callerUserId, at);
    return presentHandoff(callIn);
  });
}

/** The ally board: redacted requests (category, urgency, language; no names, no narrative). */
export async function listAllyBoard(
  repos: Pick<Repositories, 'memberships' | 'concerns' | 'triage' | 'callIns' | 'care'>,
  actor: Actor,
  communityId: string,
) {
  await requireRole(repos, actor, communityId, 'ally');
  const userId = userIdOf(actor) ?? '';
  const mine = await availability(repos, communityId, userId);
  // Rule 5: someone paused or full is not offered work, not even on the board.
  if (!mine.available) return { available: false, why: mine.why, items: [] };
  const rows = [
    ...(await repos.concerns.listInbox(communityId, { status: 'triaged', limit: 200 })),
    ...(await repos.concerns.listInbox(communityId, { status: 'in-progress', limit: 200 })),
  ].filter((r) => r.wants === 'ally');
  const callIns = await repos.callIns.listForConcerns(
    communityId,
    rows.map((r) => r.id),
  );
  const items = [];
  for (const r of rows) {
    const live = callIns.filter(
      (c) => c.concern_id === r.id && LIVE_STATUSES.includes(c.status as never),
    );
    if (live.some((c) => c.status !== 'awaiting-caller')) continue;
    const concern = await repos.concerns.find(communityId, r.id);
    if (!concern || !(await decidedCallIn(repos, concern))) continue;
    if (concern.reporter_user_id === userId || concern.subject_user_id === userId) continue;
    items.push({
      concernId: r.id,
      categories: JSON.parse(r.categories) as string[],
      urgent: r.urgency === 'urgent',
      language: live[0]?.language ?? null,
      since: r.updated_at,
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
) {
  return tx(async (repos) => {
    await requireRole(repos, actor, communityId, 'ally');
    const concern = await findConcern(repos, communityId, concernId);
    if (concern.wants !== 'ally')
      throw new AppError('invalid_state', { reason: 'This concern is not on the ally board.' });
    const at = isoNow(deps.clock);
    const existing = await repos.callIns.findForConcern(communityId, concernId, LIVE_STATUSES);
    const callIn = existing ?? (await createCallIn(repos, actor, concern, null, at));
    return presentHandoff(await assign(repos, actor, callIn, concern, userIdOf(actor) ?? '', at));
  });
}

/** People who could hold this call-in now, with room to spare first (rule 5 filters). */
export async function listCandidates(
  repos: Pick<Repositories, 'memberships' | 'concerns' | 'callIns' | 'care'>,
  actor: Actor,
  communityId: string,
  callInId: string,
) {
  await requireRole(repos, actor, communityId, 'organizer');
  const callIn = await repos.callIns.find(communityId, callInId);
  if (!callIn) throw new AppError('not_found');
  const concern = await findConcern(repos, communityId, callIn.concern_id);
  const out = [];
  for (const m of await repos.memberships.list(communityId)) {
    if (m.role === 'member') continue;
    try {
      await assertMayCall(repos, concern, callIn, m.user_id);
    } catch {
      continue;
    }
    const a = await availability(repos, communityId, m.user_id);
    if (!a.available) continue;
    out.push({
      userId: m.user_id,
      name: m.display_name,
      role: m.role,
      load: a.load,
      spare: a.spare,
      speaksLanguage: !!callIn.language && a.settings.languages.includes(callIn.language),
    });
  }
  out.sort(
    (a, b) =>
      Number(b.speaksLanguage) - Number(a.speaksLanguage) || b.spare - a.spare || a.load - b.load,
  );
  return out;
}

/** An organizer gives the call-in directly (often to themselves). */
export async function assignCallIn(
  tx: Tx<keyof HandoffRepos>,
  deps: Pick<CallInDeps, 'clock'>,
  actor: Actor,
  communityId: string,
  callInId: string,
  userId: string,
) {
  return tx(async (repos) => {
    await requireRole(repos, actor, communityId, 'organizer');
    const callIn = await repos.callIns.find(communityId, callInId);
    if (!callIn) throw new AppError('not_found');
    const concern = await findConcern(repos, communityId, callIn.concern_id);
    return presentHandoff(await assign(repos, actor, callIn, concern, userId, isoNow(deps.clock)));
  });
}

/** An organizer offers the call-in to someone, who may accept or decline without a reason. */
export async function offerCallIn(
  tx: Tx<keyof HandoffRepos>,
  deps: CallInDeps,
  actor: Actor,
  communityId: string,
  callInId: string,
  input: { userId: string; relationship: Relationship },
) {
  return tx(async (repos) => {
    await requireRole(repos, actor, communityId, 'organizer');
    const callIn = await repos.callIns.find(communityId, callInId);
    if (!callIn) throw new AppError('not_found');
    if (callIn.status !== 'awaiting-caller') throw new AppError('invalid_state');
    const concern = await findConcern(repos, communityId, callIn.concern_id);
    await assertMayCall(repos, concern, callIn, input.userId);
    await assertAvailable(repos, communityId, input.userId);
    const at = isoNow(deps.clock);
    const id = newId();
    await repos.care.insertOffer({
      id,
      call_in_id: callIn.id,
      community_id: communityId,
      user_id: input.userId,
      relationship: input.relationship,
      status: 'pending',
      offered_by: userIdOf(actor),
      created_at: at,
      decided_at: null,
    });
    await queueNotification(
      repos.jobs,
      deps.cipher,
      {
        template: 'ally-offer',
        communityId,
        to: { userId: input.userId },
        link: links(deps.publicUrl).offers(communityId),
        dedupeKey: `offer:${id}`,
      },
      at,
    );
    await recordAudit(
      repos.audit,
      actor,
      { communityId, action: 'call-in.offer', targetType: 'call-in', targetId: callIn.id },
      at,
    );
    return {
      id,
      callInId: callIn.id,
      userId: input.userId,
      relationship: input.relationship,
      status: 'pending',
      createdAt: at,
    };
  });
}

export async function listMyOffers(
  repos: Pick<Repositories, 'memberships' | 'care' | 'callIns' | 'concerns'>,
  actor: Actor,
  communityId: string,
) {
  await requireRole(repos, actor, communityId, 'ally');
  const offers = await repos.care.listOffersForUser(communityId, userIdOf(actor) ?? '', 'pending');
  const out = [];
  for (const o of offers) {
    const callIn = await repos.callIns.find(communityId, o.call_in_id);
    const concern = callIn ? await repos.concerns.find(communityId, callIn.concern_id) : undefined;
    if (!callIn || !concern) continue;
    out.push({
      id: o.id,
      callInId: o.call_in_id,
      relationship: o.relationship,
      categories: JSON.parse(concern.categories) as string[],
      urgent: concern.urgency === 'urgent',
      language: callIn.language,
      createdAt: o.created_at,
    });
  }
  return out;
}

/** Accept or decline an offer. Declining asks for no reason and records none. */
export async function answerOffer(
  tx: Tx<keyof HandoffRepos>,
  deps: Pick<CallInDeps, 'clock'>,
  actor: Actor,
  communityId: string,
  offerId: string,
  answer: 'accept' | 'decline',
) {
  return tx(async (repos) => {
    await requireRole(repos, actor, communityId, 'ally');
    const userId = userIdOf(actor) ?? '';
    const offer = await repos.care.findOffer(communityId, offerId);
    if (!offer || offer.user_id !== userId) throw new AppError('not_found');
    if (offer.status !== 'pending') throw new AppError('invalid_state');
    const at = isoNow(deps.clock);
    if (answer === 'decline') {
      await repos.care.updateOffer(offer.id, 'declined', at);
      await recordAudit(
        repos.audit,
        actor,
        {
          communityId,
          action: 'call-in.offer-decline',
          targetType: 'call-in',
          targetId: offer.call_in_id,
        },
        at,
      );
      return { id: offer.id, status: 'declined', callIn: null };
    }
    const callIn = await repos.callIns.find(communityId, offer.call_in_id);
    if (!callIn) throw new AppError('not_found');
    const concern = await findConcern(repos, communityId, callIn.concern_id);
    const assigned = await assign(repos, actor, callIn, concern, userId, at);
    await repos.care.updateOffer(offer.id, 'accepted', at);
    return { id: offer.id, status: 'accepted', callIn: presentHandoff(assigned) };
  });
}
