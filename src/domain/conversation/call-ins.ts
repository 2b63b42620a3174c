// Flow steps 4 and 5: the caller prepares (guide, draft, draft coach), picks a channel and holds
// the conversation. Messages are encrypted at rest. Nothing reaches the member before consent
// (rule 1), and no message may name the harmed person or the reporter unless they said so
// (rule 3). Only the caller and the community's organizers read a call-in here (rule 4).
import { callInStage, presentStage } from './case-stage.ts';
import { followUpDaysOf, followUpDue, namesOf } from './call-in-names.ts';
import type {
  CallInDetail,
  CallInListItem,
  ChannelChosen,
  DraftAdvice,
  DraftSaved,
  MessageAdvice,
  MessageSent,
} from '../../contract/index.ts';
import type { MessageAuthor, MessageKind } from '../../contract/vocabulary.ts';
import { AppError } from '../../config/errors.ts';
import type { CallIn, CallInMessage, Concern } from '../../db/records.ts';
import type { Repositories } from '../../db/store.ts';
import { channelOf, type Actor } from '../access/actor.ts';
import { hiddenConcernIds, organizersLeft } from '../access/case-exclusions.ts';
import { authorize } from '../access/policy.ts';
import { recordAudit } from '../audit/audit-record.ts';
import {
  assertMayContact,
  assertReadableByMember,
  callInExclusions,
  links,
  loadCallIn,
  memberTextGuard,
  readConcernContent,
  readConditions,
  readProposal,
  userIdOf,
  type CallInDeps,
  type Channel,
  type Tx,
} from './call-in-state.ts';
import { awaitsAddress, callInCan } from './call-in-can.ts';
import { transition } from './call-in-lifecycle.ts';
import { isoNow } from '../common/clock.ts';
import { findConcern } from '../intake/concerns.ts';
import { callerGuide, coachDraft, noDraftCoach, type DraftCoach } from './conversation-guide.ts';
import type { Cipher } from '../privacy/crypto.ts';
import { memberKeyPrefix, queueNotification } from '../notifications/notifications.ts';
import { hashSecret, newId, newSecret } from '../common/tokens.ts';
import {
  deliveryOf,
  memberRecipient,
  presentMemberAddress,
  proposeMemberAddress,
} from './member-address.ts';

type ThreadRepos = Pick<
  Repositories,
  'memberships' | 'concerns' | 'callIns' | 'users' | 'audit' | 'jobs' | 'conflicts'
>;

export function messageContext(m: Pick<CallInMessage, 'id' | 'communityId' | 'callInId'>): string {
  return `callin-message:${m.communityId}:${m.callInId}:${m.id}`;
}
const draftContext = (c: Pick<CallIn, 'id' | 'communityId'>) =>
  `callin-draft:${c.communityId}:${c.id}`;
const linkContext = (c: Pick<CallIn, 'id' | 'communityId'>) =>
  `callin-link:${c.communityId}:${c.id}`;

export function readMessages(cipher: Cipher, rows: CallInMessage[]) {
  return rows.map((m) => ({
    id: m.id,
    author: m.author,
    kind: m.kind,
    text: cipher.decrypt<string>(m.body, messageContext(m)),
    createdAt: m.createdAt,
  }));
}

export async function insertMessage(
  repos: Pick<Repositories, 'callIns'>,
  cipher: Cipher,
  callIn: CallIn,
  author: MessageAuthor,
  kind: MessageKind,
  text: string,
  at: string,
) {
  const row: CallInMessage = {
    id: newId(),
    callInId: callIn.id,
    communityId: callIn.communityId,
    author,
    kind,
    body: '',
    createdAt: at,
  };
  row.body = cipher.encrypt(text, messageContext(row));
  await repos.callIns.insertMessage(row);
  return row;
}

/** The full picture for the caller or an organizer, from assignment on. */
export async function readCallIn(
  repos: Pick<
    Repositories,
    'memberships' | 'concerns' | 'callIns' | 'care' | 'conflicts' | 'users'
  >,
  cipher: Cipher,
  actor: Actor,
  communityId: string,
  callInId: string,
  publicUrl = '',
): Promise<CallInDetail> {
  const { callIn, viewer, decision } = await loadCallIn(
    repos,
    actor,
    'call-in.read',
    communityId,
    callInId,
  );
  const concern = await findConcern(repos, communityId, callIn.concernId);
  const content = readConcernContent(cipher, concern);
  return {
    id: callIn.id,
    concernId: callIn.concernId,
    viewer,
    can: callInCan(actor, decision, callIn),
    status: callIn.status,
    ...presentStage(callInStage(callIn)),
    ...(await namesOf(repos, cipher, communityId, [callIn])).get(callIn.id)!,
    callerUserId: callIn.callerUserId,
    channel: callIn.channel,
    language: callIn.language,
    consent: {
      mode: callIn.consentMode,
      status: callIn.consentStatus,
      conditions: readConditions(cipher, callIn),
      at: callIn.consentAt,
      proposed: await presentProposal(repos, cipher, callIn),
    },
    concern: {
      what: content.what,
      quotes: content.quotes,
      impact: content.impact,
      categories: concern.categories,
      urgent: concern.urgency === 'urgent',
    },
    draft: callIn.draft ? cipher.decrypt<string>(callIn.draft, draftContext(callIn)) : null,
    secondOrganizerNeeded: await secondOrganizerNeeded(repos, callIn),
    handover: presentHandover(cipher, publicUrl, callIn, concern.subjectUserId),
    delivery: deliveryOf(callIn, concern.subjectUserId),
    memberAddress: presentMemberAddress(cipher, callIn, concern.subjectUserId),
    memberHasAccount: concern.subjectUserId !== null,
    memberState: callIn.memberState,
    outcome: callIn.outcome
      ? {
          outcome: callIn.outcome,
          outcomes: callIn.outcomes.length > 0 ? callIn.outcomes : [callIn.outcome],
          note: callIn.outcomeNote
            ? cipher.decrypt<string>(
                callIn.outcomeNote,
                `callin-outcome:${communityId}:${callIn.id}`,
              )
            : '',
          at: callIn.outcomeAt,
        }
      : null,
    messages: readMessages(cipher, await repos.callIns.listMessages(callIn.id)),
    // Who was offered it and what they answered: for organizers, who do the matching. A
    // decline carries no reason because none is asked.
    offers:
      viewer === 'organizer'
        ? (await repos.care.listOffersForCallIn(callIn.id)).map((o) => ({
            id: o.id,
            userId: o.userId,
            name: o.displayName,
            relationship: o.relationship,
            status: o.status,
            createdAt: o.createdAt,
            decidedAt: o.decidedAt,
          }))
        : [],
    guide: [...callerGuide],
    createdAt: callIn.createdAt,
    updatedAt: callIn.updatedAt,
  };
}

/**
 * A group's or an unknown person's call-in waits for an organizer who is not its caller (rule
 * 10): whether nobody who may approve it exists yet (every other organizer is excluded, or there
 * is none), so the page says a second organizer is needed before anyone waits for one.
 */
async function secondOrganizerNeeded(
  repos: Pick<Repositories, 'memberships' | 'concerns' | 'conflicts'>,
  callIn: CallIn,
): Promise<boolean> {
  if (callIn.consentMode !== 'organizer' || callIn.status !== 'awaiting-consent') return false;
  const { excludedUserIds } = await callInExclusions(repos, callIn);
  const exclusions = {
    excludedUserIds: [...excludedUserIds, ...(callIn.callerUserId ? [callIn.callerUserId] : [])],
  };
  return (await organizersLeft(repos, callIn.communityId, exclusions)) === 0;
}

/** Organizers see every call-in of their community; allies see the ones they hold. */
export async function listCallIns(
  repos: Pick<
    Repositories,
    'memberships' | 'callIns' | 'conflicts' | 'users' | 'concerns' | 'communities'
  >,
  cipher: Cipher,
  actor: Actor,
  communityId: string,
): Promise<CallInListItem[]> {
  const { role, userId } = await authorize(repos, actor, 'call-in.list', { communityId });
  const rows = await repos.callIns.list(communityId, {
    callerUserId: role === 'organizer' ? undefined : (userIdOf(actor) ?? ''),
    limit: 200,
  });
  // Rule 9: call-ins of cases this person may not handle are not listed to them.
  const hidden = await hiddenConcernIds(repos, communityId, userId);
  const shown = rows.filter((c) => !hidden.has(c.concernId));
  const names = await namesOf(repos, cipher, communityId, shown);
  const days = await followUpDaysOf(repos, communityId);
  return shown.map((c) => ({
    id: c.id,
    concernId: c.concernId,
    status: c.status,
    ...presentStage(callInStage(c)),
    ...names.get(c.id)!,
    followUpAt: followUpDue(c, days),
    callerUserId: c.callerUserId,
    consentStatus: c.consentStatus,
    channel: c.channel,
    outcome: c.outcome,
    outcomes: c.outcomes,
    updatedAt: c.updatedAt,
  }));
}

export async function saveDraft(
  tx: Tx<keyof ThreadRepos>,
  deps: CallInDeps & { coach?: DraftCoach },
  actor: Actor,
  communityId: string,
  callInId: string,
  text: string,
): Promise<DraftSaved> {
  return tx(async (repos) => {
    const { callIn } = await loadCallIn(repos, actor, 'call-in.draft', communityId, callInId);
    transition(callIn.status, 'save-draft');
    const at = isoNow(deps.clock);
    await repos.callIns.update(callIn.id, {
      draft: deps.cipher.encrypt(text, draftContext(callIn)),
      updatedAt: at,
    });
    // Rule 6: a saved draft is a change too (the entry names who and when, never the words).
    await recordAudit(
      repos.audit,
      actor,
      { communityId, action: 'call-in.draft', targetType: 'call-in', targetId: callIn.id },
      at,
    );
    const concern = await findConcern(repos, communityId, callIn.concernId);
    const advice = await adviceOn(repos, deps, concern, callIn, text);
    return { savedAt: at, advice };
  });
}

/** What the coach says of a text the caller may send, with the member's protections. */
async function adviceOn(
  repos: Pick<Repositories, 'users'>,
  deps: CallInDeps & { coach?: DraftCoach },
  concern: Concern,
  callIn: CallIn,
  text: string,
): Promise<DraftAdvice[]> {
  const guard = await memberTextGuard(repos, deps.cipher, concern, callIn);
  return coachDraft(deps.coach ?? noDraftCoach, text, {
    protectedNames: guard.names,
    ownNames: guard.ownNames,
    passages: guard.passages,
    language: callIn.language,
  });
}

/**
 * The coach on the message being written (flow step 4): the text that will be sent, read as it
 * is edited, not only the saved draft. Nothing is saved and nothing changes, so no audit entry.
 */
export async function adviseMessage(
  repos: Pick<Repositories, keyof ThreadRepos>,
  deps: CallInDeps & { coach?: DraftCoach },
  actor: Actor,
  communityId: string,
  callInId: string,
  text: string,
): Promise<MessageAdvice> {
  const { callIn } = await loadCallIn(repos, actor, 'call-in.message', communityId, callInId);
  const concern = await findConcern(repos, communityId, callIn.concernId);
  return { advice: await adviceOn(repos, deps, concern, callIn, text) };
}

export async function chooseChannel(
  tx: Tx<keyof ThreadRepos>,
  deps: CallInDeps,
  actor: Actor,
  communityId: string,
  callInId: string,
  input: { channel: Channel; memberEmail: string | null; memberName: string | null },
): Promise<ChannelChosen> {
  return tx(async (repos) => {
    const { callIn } = await loadCallIn(repos, actor, 'call-in.channel', communityId, callInId);
    transition(callIn.status, 'choose-channel');
    const concern = await findConcern(repos, communityId, callIn.concernId);
    const at = isoNow(deps.clock);
    const patch: Partial<CallIn> = { channel: input.channel, updatedAt: at };
    let proposed = false;
    if (input.channel === 'email' && concern.subjectUserId) {
      // Rule 10: a member with an account is written to at their account's address only.
      if (input.memberEmail) throw new AppError('member_address_from_account');
    } else if (input.channel === 'email' && input.memberEmail) {
      // The caller only proposes where the member's link goes; an organizer confirms it.
      Object.assign(
        patch,
        await proposeMemberAddress(
          repos,
          deps,
          callIn,
          concern,
          { email: input.memberEmail, name: input.memberName },
          at,
        ),
      );
      proposed = true;
    } else if (input.channel === 'email' && !callIn.memberContact) {
      throw new AppError('validation_failed', [
        {
          field: 'memberEmail',
          rule: 'invalid',
          message: 'Add the email address of the person you are calling in.',
        },
      ]);
    }
    await repos.callIns.update(callIn.id, patch);
    if (proposed)
      await recordAudit(
        repos.audit,
        actor,
        {
          communityId,
          action: 'call-in.member-address-propose',
          targetType: 'call-in',
          targetId: callIn.id,
        },
        at,
      );
    await recordAudit(
      repos.audit,
      actor,
      { communityId, action: 'call-in.channel', targetType: 'call-in', targetId: callIn.id },
      at,
    );
    const after = { ...callIn, ...patch };
    return {
      channel: input.channel,
      delivery: deliveryOf(after, concern.subjectUserId),
      awaitingOrganizer: !concern.subjectUserId && awaitsAddress(after),
    };
  });
}

/** The address a caller proposed, as the people who may read the call-in see it. */
async function presentProposal(
  repos: Pick<Repositories, 'users'>,
  cipher: Cipher,
  callIn: CallIn,
): Promise<CallInDetail['consent']['proposed']> {
  const p = readProposal(cipher, callIn);
  if (!p) return null;
  if ('userId' in p.to) {
    const u = await repos.users.findById(p.to.userId);
    return { email: null, name: u?.displayName ?? null, memberUserId: p.to.userId };
  }
  return { email: p.to.email, name: p.to.name ?? null, memberUserId: null };
}

/** The one-time handover link as the caller sees it: only until the member's browser claims it. */
function presentHandover(
  cipher: Cipher,
  publicUrl: string,
  callIn: CallIn,
  subjectUserId: string | null,
): CallInDetail['handover'] {
  if (deliveryOf(callIn, subjectUserId) !== 'handover' || !callIn.memberLink) return null;
  if (callIn.memberClaimHash) return { claimed: true, url: null };
  const token = cipher.decrypt<string>(callIn.memberLink, linkContext(callIn));
  return { claimed: false, url: links(publicUrl).member(token) };
}

/** Sends a message to the member (in-app thread or email), or logs a voice / in-person talk. */
export async function sendMessage(
  tx: Tx<keyof ThreadRepos>,
  deps: CallInDeps & { coach?: DraftCoach },
  actor: Actor,
  communityId: string,
  callInId: string,
  text: string,
): Promise<MessageSent> {
  return tx(async (repos) => {
    const { callIn } = await loadCallIn(repos, actor, 'call-in.message', communityId, callInId);
    if (callIn.status === 'stopped') throw new AppError('consent_withdrawn');
    if (callIn.status === 'awaiting-consent') throw new AppError('consent_required');
    const status = transition(callIn.status, 'send-message');
    assertMayContact(callIn);
    if (!callIn.channel) throw new AppError('invalid_state', { reason: 'Choose a channel first.' });
    const concern = await findConcern(repos, communityId, callIn.concernId);
    assertReadableByMember(
      text,
      'text',
      await memberTextGuard(repos, deps.cipher, concern, callIn),
    );
    const at = isoNow(deps.clock);
    const spoken = callIn.channel === 'voice' || callIn.channel === 'in-person';
    const row = await insertMessage(
      repos,
      deps.cipher,
      callIn,
      'caller',
      spoken ? 'log' : 'message',
      text,
      at,
    );
    const patch: Partial<CallIn> = {
      status,
      updatedAt: at,
    };
    const delivery = deliveryOf(callIn, concern.subjectUserId);
    if (!delivery) throw new AppError('member_address_unconfirmed');
    if (!spoken) {
      // The member's private link never goes to the caller (rule 10). It marks that something
      // was sent, carries emails to a member without an account, and is the one-time handover.
      let memberToken: string;
      if (callIn.memberLink)
        memberToken = deps.cipher.decrypt<string>(callIn.memberLink, linkContext(callIn));
      else {
        memberToken = newSecret('ci_');
        patch.memberTokenHash = hashSecret(memberToken);
        patch.memberLink = deps.cipher.encrypt(memberToken, linkContext(callIn));
      }
      const to = memberRecipient(deps.cipher, callIn, concern.subjectUserId);
      if (to) {
        await queueNotification(
          repos.jobs,
          deps.cipher,
          {
            template: 'call-in-message',
            communityId,
            to,
            // A member with an account reads it in the app, where only they are signed in.
            link:
              'userId' in to
                ? links(deps.publicUrl).myCallIn(callIn.id)
                : links(deps.publicUrl).member(memberToken),
            dedupeKey: `${memberKeyPrefix(callIn.id)}message:${row.id}`,
          },
          at,
        );
      }
    }
    await repos.callIns.update(callIn.id, patch);
    await recordAudit(
      repos.audit,
      actor,
      {
        communityId,
        action: spoken ? 'call-in.log' : 'call-in.message',
        targetType: 'call-in',
        targetId: callIn.id,
        channel: channelOf(actor),
      },
      at,
    );
    return {
      id: row.id,
      kind: row.kind,
      createdAt: at,
      delivery,
      // The coach on exactly what was sent (a note of a spoken conversation is not coached).
      advice: spoken ? [] : await adviceOn(repos, deps, concern, callIn, text),
      handover: presentHandover(
        deps.cipher,
        deps.publicUrl,
        { ...callIn, ...patch },
        concern.subjectUserId,
      ),
    };
  });
}
