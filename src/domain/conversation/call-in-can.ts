// The `can` flags of a call-in for the person asking: each one is the policy's answer for the
// action and the lifecycle's answer for the event, plus the consent facts the workflow checks.
// The web renders from these and never re-derives a rule.
import type { CallInAbility, CallInCan } from '../../contract/can.ts';
import type { CallIn } from '../../db/records.ts';
import type { Actor } from '../access/actor.ts';
import { allows, type Action, type Decision } from '../access/policy.ts';
import { happens, type CallInEvent } from './call-in-lifecycle.ts';
import { callInResource, mayContact } from './call-in-state.ts';

const steps: Record<CallInAbility, { action: Action; event: CallInEvent }> = {
  assign: { action: 'call-in.assign', event: 'assign' },
  offer: { action: 'call-in.offer', event: 'offer' },
  requestConsent: { action: 'consent.request', event: 'request-consent' },
  approveConsent: { action: 'consent.approve', event: 'consent-approved' },
  confirmConsentAddress: { action: 'consent.confirm', event: 'request-consent' },
  saveDraft: { action: 'call-in.draft', event: 'save-draft' },
  chooseChannel: { action: 'call-in.channel', event: 'choose-channel' },
  confirmMemberAddress: { action: 'call-in.confirm-member-address', event: 'choose-channel' },
  sendMessage: { action: 'call-in.message', event: 'send-message' },
  recordOutcome: { action: 'call-in.record-outcome', event: 'record-outcome' },
  close: { action: 'call-in.close', event: 'close' },
  reopen: { action: 'call-in.reopen', event: 'reopen' },
  escalate: { action: 'call-in.escalate', event: 'escalate' },
};

const always = () => true;

/** The caller chose email and proposed an address nobody else has confirmed yet. */
export function awaitsAddress(
  c: Pick<CallIn, 'channel' | 'memberContact' | 'memberContactConfirmedAt'>,
): boolean {
  return c.channel === 'email' && c.memberContact !== null && c.memberContactConfirmedAt === null;
}

/** Facts beyond the status that a workflow checks before the step. */
const facts: Record<CallInAbility, (c: CallIn) => boolean> = {
  assign: always,
  offer: always,
  requestConsent: (c) =>
    c.consentMode === 'person' &&
    (c.consentStatus === 'not-requested' || c.consentStatus === 'pending'),
  approveConsent: (c) => c.consentMode === 'organizer',
  confirmConsentAddress: (c) =>
    c.consentMode === 'person' &&
    c.consentProposal !== null &&
    (c.consentStatus === 'not-requested' || c.consentStatus === 'pending'),
  saveDraft: always,
  chooseChannel: always,
  // An email the caller only proposed is not used until an organizer confirms it (rule 10).
  confirmMemberAddress: (c) => c.channel === 'email' && c.memberContact !== null,
  sendMessage: (c) => mayContact(c) && c.channel !== null && !awaitsAddress(c),
  recordOutcome: always,
  close: always,
  reopen: (c) => mayContact(c),
  escalate: always,
};

export function callInCan(actor: Actor, decision: Decision, callIn: CallIn): CallInCan {
  const resource = callInResource(callIn.communityId, callIn);
  const can = {} as CallInCan;
  for (const [ability, step] of Object.entries(steps) as [
    CallInAbility,
    (typeof steps)[CallInAbility],
  ][])
    can[ability] =
      allows(step.action, actor, decision.role, resource) &&
      happens(callIn.status, step.event) &&
      facts[ability](callIn);
  return can;
}
