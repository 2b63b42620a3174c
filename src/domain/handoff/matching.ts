// An organizer's match (flow step 3): who could hold a call-in now, giving it to someone, or
// offering it; offers can be declined without a reason. Rule 5: nobody paused or full is
// offered work.
import type {
  Candidate,
  Handoff,
  Offer,
  OfferAnswered,
  OfferForYou,
} from '../../contract/index.ts';
import { AppError } from '../../config/errors.ts';
import type { Repositories } from '../../db/store.ts';
import type { Actor } from '../access/actor.ts';
import { authorize } from '../access/policy.ts';
import { hiddenConcernIds } from '../access/case-exclusions.ts';
import { recordAudit } from '../audit/audit-record.ts';
import {
  links,
  loadCallIn,
  userIdOf,
  type CallInDeps,
  type Tx,
} from '../conversation/call-in-state.ts';
import { assertAvailable, availability } from '../care/capacity.ts';
import { isoNow } from '../common/clock.ts';
import { findConcern } from '../intake/concerns.ts';
import { queueNotification } from '../notifications/notifications.ts';
import { newId } from '../common/tokens.ts';
import {
  assertMayCall,
  assign,
  presentHandoff,
  type HandoffRepos,
  type Relationship,
} from './handoff.ts';
import { transition } from '../conversation/call-in-lifecycle.ts';

/** People who could hold this call-in now, with room to spare first (rule 5 filters). */
export async function listCandidates(
  repos: Pick<Repositories, 'memberships' | 'concerns' | 'callIns' | 'care' | 'conflicts'>,
  actor: Actor,
  communityId: string,
  callInId: string,
): Promise<Candidate[]> {
  const { callIn } = await loadCallIn(repos, actor, 'call-in.candidates', communityId, callInId);
  const concern = await findConcern(repos, communityId, callIn.concernId);
  const out = [];
  for (const m of await repos.memberships.list(communityId)) {
    if (m.role === 'member') continue;
    try {
      await assertMayCall(repos, concern, callIn, m.userId);
    } catch {
      continue;
    }
    const a = await availability(repos, communityId, m.userId);
    if (!a.available) continue;
    out.push({
      userId: m.userId,
      name: m.displayName,
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
): Promise<Handoff> {
  return tx(async (repos) => {
    const { callIn } = await loadCallIn(repos, actor, 'call-in.assign', communityId, callInId);
    const concern = await findConcern(repos, communityId, callIn.concernId);
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
): Promise<Offer> {
  return tx(async (repos) => {
    const { callIn } = await loadCallIn(repos, actor, 'call-in.offer', communityId, callInId);
    transition(callIn.status, 'offer');
    const concern = await findConcern(repos, communityId, callIn.concernId);
    await assertMayCall(repos, concern, callIn, input.userId);
    await assertAvailable(repos, communityId, input.userId);
    const at = isoNow(deps.clock);
    const id = newId();
    await repos.care.insertOffer({
      id,
      callInId: callIn.id,
      communityId,
      userId: input.userId,
      relationship: input.relationship,
      status: 'pending',
      offeredBy: userIdOf(actor),
      createdAt: at,
      decidedAt: null,
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
  repos: Pick<Repositories, 'memberships' | 'care' | 'callIns' | 'concerns' | 'conflicts'>,
  actor: Actor,
  communityId: string,
): Promise<OfferForYou[]> {
  const { userId } = await authorize(repos, actor, 'offer.list', { communityId });
  const offers = await repos.care.listOffersForUser(communityId, userId ?? '', 'pending');
  const hidden = await hiddenConcernIds(repos, communityId, userId);
  const out = [];
  for (const o of offers) {
    const callIn = await repos.callIns.find(communityId, o.callInId);
    const concern = callIn ? await repos.concerns.find(communityId, callIn.concernId) : undefined;
    // Rule 9: an offer made before a conflict was known is not shown any more.
    if (!callIn || !concern || hidden.has(concern.id)) continue;
    out.push({
      id: o.id,
      callInId: o.callInId,
      relationship: o.relationship,
      categories: concern.categories,
      urgent: concern.urgency === 'urgent',
      language: callIn.language,
      createdAt: o.createdAt,
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
): Promise<OfferAnswered> {
  return tx(async (repos) => {
    const offer = await repos.care.findOffer(communityId, offerId);
    const decision = await authorize(repos, actor, 'offer.answer', {
      communityId,
      found: !!offer,
      offeredUserId: offer?.userId ?? null,
    });
    const userId = decision.userId ?? '';
    if (!offer) throw new AppError('not_found');
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
          targetId: offer.callInId,
        },
        at,
      );
      return { id: offer.id, status: 'declined', callIn: null };
    }
    const callIn = await repos.callIns.find(communityId, offer.callInId);
    if (!callIn) throw new AppError('not_found');
    const concern = await findConcern(repos, communityId, callIn.concernId);
    const assigned = await assign(repos, actor, callIn, concern, userId, at);
    await repos.care.updateOffer(offer.id, 'accepted', at);
    return { id: offer.id, status: 'accepted', callIn: presentHandoff(assigned) };
  });
}
