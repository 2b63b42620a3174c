// Where the member's messages go, and who chose it (rule 10: nobody acts as someone else). A
// member with an account is written to in the app and at the address on their account. For
// anyone else, the caller may only propose an email address: it waits, unused, until an organizer
// who is not the caller confirms it (or enters one themselves), the same pattern as the consent
// question's address (src/domain/handoff/consent.ts). So the caller alone never chooses where the
// member's private link goes.
import type { CallInDetail } from '../../contract/index.ts';
import type { MemberDelivery } from '../../contract/vocabulary.ts';
import { AppError } from '../../config/errors.ts';
import type { CallIn, Concern } from '../../db/records.ts';
import type { Repositories } from '../../db/store.ts';
import type { Actor } from '../access/actor.ts';
import { recordAudit } from '../audit/audit-record.ts';
import { caseExclusions } from '../access/case-exclusions.ts';
import { isoNow } from '../common/clock.ts';
import { findConcern } from '../intake/concerns.ts';
import { queueNotification, type Recipient } from '../notifications/notifications.ts';
import type { Cipher } from '../privacy/crypto.ts';
import { transition } from './call-in-lifecycle.ts';
import { links, loadCallIn, type CallInDeps, type Tx } from './call-in-state.ts';

type AddressRepos = Pick<
  Repositories,
  'memberships' | 'concerns' | 'callIns' | 'audit' | 'jobs' | 'conflicts'
>;

interface MemberContact {
  email: string;
  name: string | null;
}

export const contactContext = (c: Pick<CallIn, 'id' | 'communityId'>) =>
  `callin-contact:${c.communityId}:${c.id}`;

export function readContact(cipher: Cipher, callIn: CallIn): MemberContact | null {
  return callIn.memberContact
    ? cipher.decrypt<MemberContact>(callIn.memberContact, contactContext(callIn))
    : null;
}

export function sealContact(cipher: Cipher, callIn: CallIn, contact: MemberContact): string {
  return cipher.encrypt(contact, contactContext(callIn));
}

/**
 * How messages reach the member: their account (app and its email), an email an organizer
 * confirmed, a one-time handover link, or a conversation the caller logs. An address the caller
 * only proposed does not count: nothing is sent until it is confirmed.
 */
export function deliveryOf(callIn: CallIn, subjectUserId: string | null): MemberDelivery | null {
  if (callIn.channel === 'voice' || callIn.channel === 'in-person') return 'logged';
  if (!callIn.channel) return null;
  if (subjectUserId) return 'app';
  if (callIn.channel === 'email') return callIn.memberContactConfirmedAt ? 'email' : null;
  return 'handover';
}

/** Whom the member's notifications go to: their account, or the confirmed address. */
export function memberRecipient(
  cipher: Cipher,
  callIn: CallIn,
  subjectUserId: string | null,
): Recipient | null {
  if (subjectUserId) return { userId: subjectUserId };
  if (callIn.channel !== 'email' || !callIn.memberContactConfirmedAt) return null;
  const c = readContact(cipher, callIn);
  if (!c) return null;
  return c.name ? { email: c.email, name: c.name } : { email: c.email };
}

/** What the caller and the organizers see of where messages go. */
export function presentMemberAddress(
  cipher: Cipher,
  callIn: CallIn,
  subjectUserId: string | null,
): CallInDetail['memberAddress'] {
  if (callIn.channel !== 'email') return null;
  if (subjectUserId) return { fromAccount: true, email: null, name: null, confirmed: true };
  const c = readContact(cipher, callIn);
  if (!c) return null;
  return {
    fromAccount: false,
    email: c.email,
    name: c.name,
    confirmed: callIn.memberContactConfirmedAt !== null,
  };
}

/**
 * The caller names an address while choosing email: it is kept as a proposal, and every
 * organizer who may handle the case and is not the caller is asked to check it.
 */
export async function proposeMemberAddress(
  repos: AddressRepos,
  deps: CallInDeps,
  callIn: CallIn,
  concern: Concern,
  contact: MemberContact,
  at: string,
): Promise<Pick<CallIn, 'memberContact' | 'memberContactConfirmedAt'>> {
  const { excludedUserIds } = await caseExclusions(repos, [concern]);
  for (const m of await repos.memberships.list(callIn.communityId)) {
    if (m.role !== 'organizer' || m.userId === callIn.callerUserId) continue;
    if (excludedUserIds.includes(m.userId)) continue;
    await queueNotification(
      repos.jobs,
      deps.cipher,
      {
        template: 'member-address-proposed',
        communityId: callIn.communityId,
        to: { userId: m.userId },
        link: links(deps.publicUrl).callIn(callIn.communityId, callIn.id),
        dedupeKey: `member-address-proposed:${callIn.id}:${m.userId}:${at}`,
      },
      at,
    );
  }
  return {
    memberContact: sealContact(deps.cipher, callIn, contact),
    memberContactConfirmedAt: null,
  };
}

/**
 * An organizer who is not the caller confirms the address the caller proposed, or enters one
 * (`contact`); from then on the member's messages and private link go there.
 */
export async function confirmMemberAddress(
  tx: Tx<keyof AddressRepos>,
  deps: CallInDeps,
  actor: Actor,
  communityId: string,
  callInId: string,
  contact: MemberContact | null,
): Promise<NonNullable<CallInDetail['memberAddress']>> {
  return tx(async (repos) => {
    const { callIn } = await loadCallIn(
      repos,
      actor,
      'call-in.confirm-member-address',
      communityId,
      callInId,
    );
    transition(callIn.status, 'choose-channel');
    if (callIn.channel !== 'email')
      throw new AppError('invalid_state', { reason: 'The caller has not chosen email.' });
    const concern = await findConcern(repos, communityId, callIn.concernId);
    if (concern.subjectUserId) throw new AppError('member_address_from_account');
    const existing = readContact(deps.cipher, callIn);
    const chosen = contact ?? existing;
    if (!chosen)
      throw new AppError('validation_failed', [
        {
          field: 'email',
          rule: 'invalid',
          message: 'Add the email address of the person being called in.',
        },
      ]);
    const at = isoNow(deps.clock);
    await repos.callIns.update(callIn.id, {
      memberContact: sealContact(deps.cipher, callIn, chosen),
      memberContactConfirmedAt: at,
      updatedAt: at,
    });
    await recordAudit(
      repos.audit,
      actor,
      {
        communityId,
        action: 'call-in.member-address-confirm',
        targetType: 'call-in',
        targetId: callIn.id,
      },
      at,
    );
    return { fromAccount: false, email: chosen.email, name: chosen.name, confirmed: true };
  });
}
