// What every call-in workflow shares: the states, who is looking (caller, organizer, member),
// the harmed person's conditions, and the private links.
import { AppError, fieldError } from '../../config/errors.ts';
import type { CallIn, Concern } from '../../db/records.ts';
import type { Repositories, Tx } from '../../db/store.ts';
export type { Tx };
import { authorize, type Action, type Decision, type Resource } from '../access/policy.ts';
import type { Actor } from '../access/actor.ts';
import type { Clock } from '../common/clock.ts';
import { caseExclusions, type CaseExclusions } from '../access/case-exclusions.ts';
import { contentContext, type ConcernContent } from '../intake/concerns.ts';
import type { Cipher } from '../privacy/crypto.ts';
import { NAMES_SOMEONE, SHARES_PASSAGE } from './conversation-guide.ts';
import { findProtectedNames, sharesPassage, type ProtectedPassages } from './protected-text.ts';

export interface CallInDeps {
  clock: Clock;
  cipher: Cipher;
  /** The web app's address, for private links in notifications. */
  publicUrl: string;
}

import type { CallInStatus } from '../../contract/vocabulary.ts';
export { callInStatuses, channels } from '../../contract/vocabulary.ts';
export type {
  CallInStatus,
  Channel,
  ConsentMode,
  ConsentStatus,
} from '../../contract/vocabulary.ts';

/** Statuses that count as open work for the caller (capacity and load). */
export const OPEN_STATUSES: readonly CallInStatus[] = [
  'awaiting-consent',
  'ready',
  'in-conversation',
  'outcome-recorded',
];
/** Statuses in which a concern has a live call-in (a second one cannot start). */
export const LIVE_STATUSES: readonly CallInStatus[] = ['awaiting-caller', ...OPEN_STATUSES];
/** Statuses in which the member has been reached (they count as history). */
export const REACHED_STATUSES: readonly CallInStatus[] = [
  'in-conversation',
  'outcome-recorded',
  'escalated',
  'closed',
];

export interface ConsentConditions {
  /** "You may mention me": only then may the member learn who was harmed or who raised it. */
  mayMentionMe: boolean;
  /** "You may share the quote." */
  mayShareQuotes: boolean;
  /** Anything else, in their words; shown to the caller only. */
  note: string;
}

export const noConditions: ConsentConditions = {
  mayMentionMe: false,
  mayShareQuotes: false,
  note: '',
};

export function conditionsContext(c: Pick<CallIn, 'id' | 'communityId'>): string {
  return `callin-consent:${c.communityId}:${c.id}`;
}

export function readConditions(cipher: Cipher, c: CallIn): ConsentConditions {
  if (!c.consentConditions) return noConditions;
  return {
    ...noConditions,
    ...cipher.decrypt<Partial<ConsentConditions>>(c.consentConditions, conditionsContext(c)),
  };
}

/** Whether the member may learn who was harmed: they chose to call in themselves, or agreed. */
export function mayMentionHarmed(cipher: Cipher, c: CallIn): boolean {
  return c.consentMode === 'self' || readConditions(cipher, c).mayMentionMe;
}

/** Whether the caller may now contact the member (rule 1). Throws the reason when not. */
export function assertMayContact(c: CallIn): void {
  if (c.consentStatus === 'withdrawn' || c.consentStatus === 'declined')
    throw new AppError('consent_withdrawn');
  if (c.consentStatus !== 'given' && c.consentStatus !== 'not-needed')
    throw new AppError('consent_required');
}

export function mayContact(c: Pick<CallIn, 'consentStatus'>): boolean {
  return c.consentStatus === 'given' || c.consentStatus === 'not-needed';
}

export function userIdOf(actor: Actor): string | null {
  return actor.kind === 'user' || actor.kind === 'token' ? actor.userId : null;
}

export type Viewer = 'caller' | 'organizer';

/**
 * What the policy needs to know about a call-in (src/domain/access/policy.ts). `exclusions`:
 * rule 9's, from its concern (callInExclusions); without them only non-case actions are asked.
 */
export function callInResource(
  communityId: string,
  callIn: CallIn | undefined,
  exclusions: CaseExclusions = { excludedUserIds: [], awareUserIds: [] },
): Resource {
  return {
    communityId,
    found: !!callIn,
    callerUserId: callIn?.callerUserId ?? null,
    callerMinRole: callIn?.callerKind === 'self' ? 'member' : 'ally',
    harmedUserId: callIn?.harmedUserId ?? null,
    ...exclusions,
  };
}

/** Rule 9 for a call-in: the exclusions of its concern. */
export async function callInExclusions(
  repos: Pick<Repositories, 'concerns' | 'conflicts'>,
  callIn: CallIn | undefined,
): Promise<CaseExclusions> {
  const concern = callIn && (await repos.concerns.find(callIn.communityId, callIn.concernId));
  return concern ? caseExclusions(repos, [concern]) : { excludedUserIds: [], awareUserIds: [] };
}

/**
 * Loads a call-in for an action on it and asks the policy. Anyone outside the community gets
 * forbidden; inside it, not_found for a call-in that does not exist, forbidden when the action
 * is not theirs (rule 4).
 */
export async function loadCallIn(
  repos: Pick<Repositories, 'memberships' | 'callIns' | 'concerns' | 'conflicts'>,
  actor: Actor,
  action: Action,
  communityId: string,
  callInId: string,
): Promise<{ callIn: CallIn; viewer: Viewer; userId: string; decision: Decision }> {
  const found = await repos.callIns.find(communityId, callInId);
  const exclusions = await callInExclusions(repos, found);
  const decision = await authorize(
    repos,
    actor,
    action,
    callInResource(communityId, found, exclusions),
  );
  const callIn = found as CallIn;
  const viewer: Viewer = decision.as === 'caller' ? 'caller' : 'organizer';
  return { callIn, viewer, userId: decision.userId ?? '', decision };
}

export function readConcernContent(cipher: Cipher, concern: Concern): ConcernContent {
  return cipher.decrypt<ConcernContent>(concern.content, contentContext(concern));
}

/** Names the member must not see without consent: the reporter and the harmed person. */
export async function protectedNames(
  repos: Pick<Repositories, 'users'>,
  cipher: Cipher,
  concern: Concern,
  callIn: CallIn,
): Promise<string[]> {
  return protectedNamesOf(repos, cipher, concern, [callIn.harmedUserId]);
}

/**
 * The reporter's and the harmed person's names for one concern: their display names and
 * emails, the harmed person's name and the contact as the reporter wrote them.
 */
export async function protectedNamesOf(
  repos: Pick<Repositories, 'users'>,
  cipher: Cipher,
  concern: Concern,
  harmedUserIds: readonly (string | null)[],
): Promise<string[]> {
  const names = new Set<string>();
  const content = readConcernContent(cipher, concern);
  if (content.harmedName) names.add(content.harmedName);
  if (content.contact) names.add(content.contact);
  for (const id of [concern.reporterUserId, ...harmedUserIds]) {
    if (!id) continue;
    const u = await repos.users.findById(id);
    if (u) {
      names.add(u.displayName);
      names.add(u.email);
    }
  }
  return [...names].filter((n) => n.trim().length > 1);
}

/** What a text the member will read is checked against, for one call-in. */
export interface MemberTextGuard {
  /** Names to refuse; empty when the harmed person agreed to be mentioned. */
  names: string[];
  /** The member's own names (a part of a protected name they share says nothing). */
  ownNames: string[];
  /** The quotes and narrative, when the harmed person asked that they not be shared. */
  passages: ProtectedPassages | null;
}

/** The names and passages a message or draft to this call-in's member must not carry. */
export async function memberTextGuard(
  repos: Pick<Repositories, 'users'>,
  cipher: Cipher,
  concern: Concern,
  callIn: CallIn,
): Promise<MemberTextGuard> {
  const content = readConcernContent(cipher, concern);
  const ownNames: string[] = [];
  if (content.aboutName) ownNames.push(content.aboutName);
  if (concern.subjectUserId) {
    const u = await repos.users.findById(concern.subjectUserId);
    if (u) ownNames.push(u.displayName);
  }
  const mode = callIn.consentMode;
  const conditions = readConditions(cipher, callIn);
  return {
    names: mayMentionHarmed(cipher, callIn)
      ? []
      : await protectedNames(repos, cipher, concern, callIn),
    ownNames,
    // Only the harmed person sets this condition; an organizer standing in for a group does not.
    passages:
      mode === 'person' && !conditions.mayShareQuotes
        ? { quotes: content.quotes, narrative: [content.what, content.impact] }
        : null,
  };
}

/** Why the member may not read a text (in words for the writer), or null when they may. */
export function memberTextProblem(text: string, guard: MemberTextGuard): string | null {
  if (findProtectedNames(text, guard.names, guard.ownNames).length > 0) return NAMES_SOMEONE;
  const shared = guard.passages ? sharesPassage(text, guard.passages) : null;
  return shared ? SHARES_PASSAGE[shared] : null;
}

/** Refuses, as validation_failed on `field`, a text that tells the member what they may not learn. */
export function assertReadableByMember(text: string, field: string, guard: MemberTextGuard): void {
  const problem = memberTextProblem(text, guard);
  if (problem) throw new AppError('validation_failed', [fieldError(field, problem)]);
}

/** Where a consent question goes for someone else harmed: a member's account, or an email. */
export interface ConsentTarget {
  harmedUserId: string | null;
  to: { userId: string } | { email: string; name?: string | null };
}

export const consentTargetContext = (c: Pick<CallIn, 'id' | 'communityId'>) =>
  `callin-consent-target:${c.communityId}:${c.id}`;

/** The address a caller proposed, waiting for an organizer who is not the caller. */
export function readProposal(cipher: Cipher, callIn: CallIn): ConsentTarget | null {
  return callIn.consentProposal
    ? cipher.decrypt<ConsentTarget>(callIn.consentProposal, consentTargetContext(callIn))
    : null;
}

export function links(publicUrl: string) {
  return {
    consent: (token: string) => `${publicUrl}/consent/${token}`,
    follow: (token: string) => `${publicUrl}/follow/${token}`,
    member: (token: string) => `${publicUrl}/called-in/${token}`,
    myCallIn: (id: string) => `${publicUrl}/me/call-ins/${id}`,
    callIn: (communityId: string, id: string) =>
      `${publicUrl}/communities/${communityId}/call-ins/${id}`,
    offers: (communityId: string) => `${publicUrl}/communities/${communityId}/offers`,
    care: (communityId: string) => `${publicUrl}/communities/${communityId}/care`,
    enforcement: (id: string) => `${publicUrl}/me/enforcements/${id}`,
  };
}
