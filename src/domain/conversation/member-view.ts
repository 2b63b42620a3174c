// Flow step 6, being called in: what the member sees (from a private link with no account, or
// their own account) and the simple responses they have. Nothing here names the reporter or
// the harmed person (rule 3): only the caller's display name, the guide and the thread.
import type { CoachResult, MemberView, MyCallInItem, Responded } from '../../contract/index.ts';
import {
  memberResponses,
  type CallInStatus,
  type MemberResponse,
} from '../../contract/vocabulary.ts';
import { AppError } from '../../config/errors.ts';
import type { CallIn } from '../../db/records.ts';
import type { Repositories } from '../../db/store.ts';
import { coachReply, toApiFindings } from '../../language/index.ts';
import { channelOf, type Actor } from '../access/actor.ts';
import { decide, requirePerson } from '../access/policy.ts';
import { recordAudit } from '../audit/audit-record.ts';
import { links, type CallInDeps, type Tx } from './call-in-state.ts';
import { happens, transition } from './call-in-lifecycle.ts';
import { insertMessage, readMessages } from './call-ins.ts';
import { isoNow } from '../common/clock.ts';
import { parseSettings } from '../accounts/community-settings.ts';
import { memberGuide } from './conversation-guide.ts';
import { queueNotification } from '../notifications/notifications.ts';
import { hashSecret, newSecret, safeEqual } from '../common/tokens.ts';

type MemberRepos = Pick<
  Repositories,
  'callIns' | 'users' | 'communities' | 'memberships' | 'audit' | 'jobs'
>;

export { memberResponses } from '../../contract/vocabulary.ts';
export type { MemberResponse } from '../../contract/vocabulary.ts';

/**
 * A private link (with the claim its first browser holds, and whoever is signed in in that
 * browser), or a signed-in member with the id of a call-in addressed to them.
 */
export type MemberIdentity =
  { token: string; claim?: string | null; viewer?: Actor } | { actor: Actor; callInId: string };

/**
 * The member's private link is claimed by the first browser that answers through it (or opens it
 * in the web app, which claims at once): later answers through the link need that claim, so a
 * caller who once held a one-time handover link cannot answer as the member (rule 10).
 */
function checkClaim(callIn: CallIn, who: { claim?: string | null; viewer?: Actor }): void {
  if (who.viewer?.kind === 'user' && who.viewer.userId === callIn.callerUserId)
    throw new AppError('handover_not_for_caller');
  if (!callIn.memberClaimHash) return;
  if (!who.claim || !safeEqual(hashSecret(who.claim), callIn.memberClaimHash))
    throw new AppError('member_link_claimed');
}

/** Statuses in which the member can see the thread (something has reached them). */
const VISIBLE: CallInStatus[] = [
  'in-conversation',
  'outcome-recorded',
  'escalated',
  'closed',
  'stopped',
];

async function resolveMember(
  repos: Pick<Repositories, 'callIns'>,
  who: MemberIdentity,
): Promise<CallIn> {
  let callIn: CallIn | undefined;
  if ('token' in who) {
    callIn = await repos.callIns.findByMemberHash(hashSecret(who.token));
    if (callIn && VISIBLE.includes(callIn.status)) checkClaim(callIn, who);
  } else {
    callIn = await repos.callIns.findById(who.callInId);
    const subject = callIn ? await repos.callIns.subjectOf(callIn.id) : undefined;
    // Only once something was sent to them does a call-in exist for the member.
    decide('member.call-in', who.actor, null, {
      communityId: null,
      found: !!callIn?.memberTokenHash,
      addressedUserId: subject?.subjectUserId ?? null,
    });
  }
  if (!callIn || !VISIBLE.includes(callIn.status)) throw new AppError('not_found');
  return callIn;
}

const stateWords: Record<string, string> = {
  'in-conversation': 'Open. You can reply whenever you are ready.',
  'outcome-recorded': 'Open. You can still reply.',
  escalated: 'The organizers have taken this further. They will be in touch.',
  closed: 'This conversation is closed. Thank you for taking part.',
  stopped: 'This conversation has ended. Nothing more is needed from you.',
};

export async function viewAsMember(
  repos: Pick<Repositories, 'callIns' | 'users' | 'communities'>,
  deps: Pick<CallInDeps, 'cipher'>,
  who: MemberIdentity,
): Promise<MemberView> {
  const callIn = await resolveMember(repos, who);
  const community = await repos.communities.findById(callIn.communityId);
  const caller = callIn.callerUserId ? await repos.users.findById(callIn.callerUserId) : undefined;
  // After a withdrawal the member sees only that it ended, not the thread.
  const messages =
    callIn.status === 'stopped'
      ? []
      : readMessages(deps.cipher, await repos.callIns.listMessages(callIn.id)).filter(
          (m) => m.kind !== 'log',
        );
  return {
    id: callIn.id,
    communityId: callIn.communityId,
    community: community?.name ?? '',
    caller: caller?.displayName ?? 'Someone from the community',
    status: callIn.status,
    statusText: stateWords[callIn.status] ?? '',
    canRespond: happens(callIn.status, 'member-respond'),
    yourState: callIn.memberState,
    guide: [...memberGuide],
    responses: [...memberResponses],
    messages: messages.map((m) => ({
      id: m.id,
      from: m.author === 'member' ? 'you' : 'caller',
      kind: m.kind,
      text: m.text,
      createdAt: m.createdAt,
    })),
  };
}

/**
 * The reply coach for the member, from their private link or their account: it reads a reply
 * draft with their community's language settings. Nothing is stored.
 */
export async function coachMemberReply(
  repos: Pick<Repositories, 'callIns' | 'communities'>,
  who: MemberIdentity,
  text: string,
): Promise<CoachResult> {
  const callIn = await resolveMember(repos, who);
  const community = await repos.communities.findById(callIn.communityId);
  const config = parseSettings(community?.settings ?? {}).language;
  const result = coachReply(text, config ? { config } : {});
  return {
    findings: result.findings,
    strengths: result.strengths,
    language: toApiFindings(result.language),
  };
}

export async function respondAsMember(
  tx: Tx<keyof MemberRepos>,
  deps: CallInDeps,
  who: MemberIdentity,
  input: { kind: MemberResponse; text: string },
): Promise<Responded & { claim: string | null }> {
  return tx(async (repos) => {
    const callIn = await resolveMember(repos, who);
    transition(callIn.status, 'member-respond');
    // The first answer through the link claims it for this browser.
    const claim =
      'token' in who && !callIn.memberClaimHash ? await claimLink(repos, callIn, deps) : null;
    const text = input.text.trim();
    if (input.kind === 'reply' && !text)
      throw new AppError('validation_failed', [
        {
          field: 'text',
          rule: 'invalid',
          message: 'Write a reply, or choose one of the other answers.',
        },
      ]);
    const at = isoNow(deps.clock);
    const row = await insertMessage(repos, deps.cipher, callIn, 'member', input.kind, text, at);
    const state = input.kind === 'reply' ? callIn.memberState : input.kind;
    await repos.callIns.update(callIn.id, { memberState: state, updatedAt: at });
    // The caller hears of a reply; organizers, when the member asks for one, of that request.
    const tell = new Map<string, 'call-in-reply' | 'organizer-asked'>();
    if (input.kind === 'ask-organizer') {
      for (const m of await repos.memberships.list(callIn.communityId))
        if (m.role === 'organizer') tell.set(m.userId, 'organizer-asked');
    }
    if (callIn.callerUserId) tell.set(callIn.callerUserId, 'call-in-reply');
    for (const [userId, template] of tell) {
      await queueNotification(
        repos.jobs,
        deps.cipher,
        {
          template,
          communityId: callIn.communityId,
          to: { userId },
          link: links(deps.publicUrl).callIn(callIn.communityId, callIn.id),
          dedupeKey: `reply:${row.id}:${userId}`,
        },
        at,
      );
    }
    await recordAudit(
      repos.audit,
      'actor' in who ? who.actor : { kind: 'public' },
      {
        communityId: callIn.communityId,
        action: 'call-in.member-response',
        targetType: 'call-in',
        targetId: callIn.id,
        channel: 'actor' in who ? channelOf(who.actor) : 'member-link',
      },
      at,
    );
    return { id: row.id, kind: input.kind, createdAt: at, claim };
  });
}

async function claimLink(
  repos: Pick<MemberRepos, 'callIns' | 'audit'>,
  callIn: CallIn,
  deps: Pick<CallInDeps, 'clock'>,
): Promise<string> {
  const claim = newSecret('cc_');
  const at = isoNow(deps.clock);
  await repos.callIns.update(callIn.id, { memberClaimHash: hashSecret(claim) });
  await recordAudit(
    repos.audit,
    { kind: 'public' },
    {
      communityId: callIn.communityId,
      action: 'call-in.handover-claim',
      targetType: 'call-in',
      targetId: callIn.id,
      channel: 'member-link',
    },
    at,
  );
  return claim;
}

/**
 * The member's browser claims the private link on first open: returns the claim to keep (as a
 * cookie), or null when this browser already holds it. Refused to the caller, and to any other
 * browser once claimed.
 */
export async function claimMemberLink(
  tx: Tx<keyof MemberRepos>,
  deps: Pick<CallInDeps, 'clock'>,
  who: { token: string; claim?: string | null; viewer?: Actor },
): Promise<{ claim: string | null }> {
  return tx(async (repos) => {
    const callIn = await resolveMember(repos, who);
    if (callIn.memberClaimHash) return { claim: null };
    return { claim: await claimLink(repos, callIn, deps) };
  });
}

/** Call-ins addressed to the signed-in person, across their communities. */
export async function listMyCallIns(
  repos: Pick<Repositories, 'callIns' | 'communities'>,
  actor: Actor,
): Promise<MyCallInItem[]> {
  requirePerson(actor);
  const rows = await repos.callIns.listForSubjectUser(actor.userId, VISIBLE);
  const out = [];
  for (const c of rows) {
    if (!c.memberTokenHash) continue;
    const community = await repos.communities.findById(c.communityId);
    out.push({
      id: c.id,
      community: community?.name ?? '',
      status: c.status,
      statusText: stateWords[c.status] ?? '',
      updatedAt: c.updatedAt,
    });
  }
  return out;
}
