// The call-in's lifecycle as one pure table: for each event, the statuses it may happen in and
// the status it leads to. Every status change in the domain goes through `transition`; the `can`
// flags a call-in response carries ask `happens`. A call-in is opened `awaiting-caller`.
//
// The consent state (pending, given, withdrawn …) and who may act are kept apart: the workflows
// check the first, the policy (src/domain/access/policy.ts) the second.
import { callInStatuses, type CallInStatus } from '../../contract/vocabulary.ts';
import { AppError } from '../../config/errors.ts';

/** A call-in is opened waiting for someone to hold it. */
export const openedStatus: CallInStatus = 'awaiting-caller';

export const callInEvents = [
  /** Someone takes it who must ask the harmed person (or an organizer) first. */
  'assign',
  /** The reporter, who was harmed, calls in themselves: no consent to ask. */
  'assign-self',
  /** An organizer offers it to someone, who may accept or decline. */
  'offer',
  /** The caller or an organizer asks the harmed person (again). */
  'request-consent',
  /** The harmed person agrees, or changes the conditions of an agreement. */
  'consent-given',
  /** An organizer approves on behalf of a group or an unknown harmed party. */
  'consent-approved',
  /** The harmed person says no before agreeing. */
  'consent-declined',
  /** Consent is withdrawn after it was given or asked (by the harmed person or an organizer). */
  'consent-withdrawn',
  'save-draft',
  'choose-channel',
  /** The caller writes or logs the conversation; the first one starts it. */
  'send-message',
  /** The member answers. */
  'member-respond',
  'record-outcome',
  'escalate',
  'close',
  'reopen',
  /**
   * The caller lost the role that let them hold it (demoted, removed from the community,
   * erased): it goes back to matching (rule 11). An escalated call-in stays with the organizers.
   */
  'caller-left',
] as const;
export type CallInEvent = (typeof callInEvents)[number];

type From = Partial<Record<CallInStatus, CallInStatus>>;

/** Each event leaves these statuses for the given one; a status it does not name refuses it. */
const same = (...s: CallInStatus[]): From => Object.fromEntries(s.map((x) => [x, x]));
const to = (target: CallInStatus, ...s: CallInStatus[]): From =>
  Object.fromEntries(s.map((x) => [x, target]));

export const lifecycle: Record<CallInEvent, From> = {
  assign: to('awaiting-consent', 'awaiting-caller'),
  'assign-self': to('ready', 'awaiting-caller'),
  offer: same('awaiting-caller'),
  'request-consent': same('awaiting-consent'),
  'consent-given': {
    'awaiting-consent': 'ready',
    ...same('ready', 'in-conversation', 'outcome-recorded', 'escalated'),
  },
  'consent-approved': to('ready', 'awaiting-consent'),
  'consent-declined': to(
    'stopped',
    'awaiting-consent',
    'ready',
    'in-conversation',
    'outcome-recorded',
    'escalated',
  ),
  'consent-withdrawn': to(
    'stopped',
    'awaiting-consent',
    'ready',
    'in-conversation',
    'outcome-recorded',
    'escalated',
  ),
  'save-draft': same('awaiting-consent', 'ready', 'in-conversation'),
  'choose-channel': same('awaiting-consent', 'ready', 'in-conversation'),
  'send-message': { ready: 'in-conversation', ...same('in-conversation', 'outcome-recorded') },
  'member-respond': same('in-conversation', 'outcome-recorded'),
  'record-outcome': to('outcome-recorded', 'in-conversation', 'outcome-recorded'),
  escalate: to(
    'escalated',
    'awaiting-caller',
    'awaiting-consent',
    'ready',
    'in-conversation',
    'outcome-recorded',
  ),
  close: to(
    'closed',
    'awaiting-consent',
    'ready',
    'in-conversation',
    'outcome-recorded',
    'escalated',
    'stopped',
  ),
  reopen: to('in-conversation', 'closed', 'outcome-recorded'),
  'caller-left': {
    ...to('awaiting-caller', 'awaiting-consent', 'ready', 'in-conversation', 'outcome-recorded'),
    ...same('escalated'),
  },
};

// Statuses are taken as stored text until the row types carry the union: a value outside the
// vocabulary is in no step of the table.
/** Whether the event may happen in this status. */
export function happens(status: string, event: CallInEvent): boolean {
  return lifecycle[event][status as CallInStatus] !== undefined;
}

/** The status after the event; invalid_state when the table has no such step. */
export function transition(status: string, event: CallInEvent): CallInStatus {
  const next = lifecycle[event][status as CallInStatus];
  if (next === undefined) throw new AppError('invalid_state');
  return next;
}

/** The statuses an event may happen in, in the vocabulary's order. */
export function statusesFor(event: CallInEvent): CallInStatus[] {
  return callInStatuses.filter((s) => happens(s, event));
}
