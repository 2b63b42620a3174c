// What the person asking may do next with a call-in, computed on the server from the lifecycle
// table and the policy (src/domain/conversation/call-in-can.ts). Pages render from these flags
// and never re-derive a rule.
import { Type, type Static } from '@sinclair/typebox';

export const callInAbilities = [
  'assign',
  'offer',
  'requestConsent',
  'approveConsent',
  'confirmConsentAddress',
  'saveDraft',
  'chooseChannel',
  'confirmMemberAddress',
  'sendMessage',
  'recordOutcome',
  'close',
  'reopen',
  'escalate',
] as const;
export type CallInAbility = (typeof callInAbilities)[number];

const descriptions: Record<CallInAbility, string> = {
  assign: 'Give it to a caller (organizers, while nobody holds it).',
  offer: 'Offer it to someone, who may decline (organizers, while nobody holds it).',
  requestConsent: 'Ask the harmed person, or ask again.',
  approveConsent: 'Approve on behalf of a group or an unknown harmed party (organizers).',
  confirmConsentAddress:
    'Confirm the address a caller proposed for the consent question (organizers who are not the caller).',
  saveDraft: 'Save a draft and get the coach’s advice (the caller).',
  chooseChannel: 'Choose how the conversation happens (the caller).',
  confirmMemberAddress:
    'Enter or confirm the email address of the person being called in (organizers who are not the caller).',
  sendMessage: 'Send a message or log a conversation now (the caller).',
  recordOutcome: 'Record the outcome.',
  close: 'Close the call-in.',
  reopen: 'Reopen the conversation.',
  escalate: 'Take it to enforcement (organizers).',
};

export const CallInCan = Type.Object(
  Object.fromEntries(
    callInAbilities.map((a) => [a, Type.Boolean({ description: descriptions[a] })]),
  ) as Record<CallInAbility, ReturnType<typeof Type.Boolean>>,
  {
    additionalProperties: false,
    description: 'What the person asking may do next, from the lifecycle and the policy.',
  },
);
export type CallInCan = Static<typeof CallInCan>;
