// Plain words for the API's values. One place, so every page says the same thing. Each table is
// keyed by a union from the contract's vocabulary, so a value without words fails the type-check.
import type {
  AppealBlock,
  AppealStatus,
  CallerKind,
  CaseOutcome,
  Channel,
  ConcernCategory,
  ConcernSource,
  ConcernStatus,
  ConsentStatus,
  CountCategory,
  EnforcementStatus,
  Harmed,
  Intent,
  LadderLevel,
  MemberResponse,
  Outcome,
  PublicHarm,
  RecommendationKind,
  Relationship,
  ReporterWants,
  Role,
} from './api.ts';
import type { Option } from './components/form.tsx';

/** Words for one value: a label, or a label with a hint. */
type Words = string | { label: string; hint: string };

/** The options of a choice, in the order the table lists them. */
function optionsOf<U extends string>(table: Record<U, Words>): Option[] {
  return (Object.entries(table) as [U, Words][]).map(([value, w]) =>
    typeof w === 'string' ? { value, label: w } : { value, label: w.label, hint: w.hint },
  );
}

const harmedWords: Record<Harmed, Words> = {
  me: 'Me',
  'someone-else': 'Someone else',
  group: 'A group of people',
  unknown: 'I am not sure',
};
export const harmedOptions: Option[] = optionsOf(harmedWords);

const wantsWords: Record<ReporterWants, Words> = {
  organizers: {
    label: 'Let the organizers decide',
    hint: 'They will look at it and choose a kind next step.',
  },
  ally: {
    label: 'Please find an ally to talk with them',
    hint: 'A trained volunteer does the talking. Nobody contacts them on your behalf before you agree.',
  },
  self: {
    label: 'I will talk with them myself',
    hint: 'You will get a short guide to help with the conversation.',
  },
  record: {
    label: 'Just keep a record for now',
    hint: 'Nothing happens yet, but the organizers can see a pattern if it happens again.',
  },
};
export const wantsOptions: Option[] = optionsOf(wantsWords);

const categoryWords: Record<ConcernCategory, Words> = {
  'inconsiderate-language': 'Inconsiderate language',
  microaggression: 'A microaggression',
  exclusion: 'Leaving people out',
  dismissiveness: 'Dismissing people',
  disruption: 'Disrupting conversations',
  other: 'Something else',
  intimidation: 'Intimidation',
  harassment: 'Harassment',
  threats: 'Threats',
  abuse: 'Abuse',
  discrimination: 'Discrimination',
  doxxing: 'Sharing private details (doxxing)',
  'sexual-harassment': 'Sexual harassment',
};
export const categoryOptions: Option[] = optionsOf(categoryWords);

const intentWords: Record<Intent, Words> = {
  thoughtless: { label: 'Thoughtless', hint: 'They did not stop to think.' },
  ignorance: { label: 'Did not know better', hint: 'They may not know why it hurts.' },
  unclear: 'Not clear yet',
  malice: { label: 'Deliberate', hint: 'They meant to hurt.' },
};
export const intentOptions: Option[] = optionsOf(intentWords);

const publicHarmWords: Record<PublicHarm, Words> = {
  none: 'Nobody else saw it',
  few: 'A few people saw it',
  many: 'Many people saw it',
};
export const publicHarmOptions: Option[] = optionsOf(publicHarmWords);

const decisionWords: Record<RecommendationKind, Words> = {
  'call-in': { label: 'Call in', hint: 'A private, kind conversation.' },
  'call-in-and-public-statement': {
    label: 'Call in, and a public statement',
    hint: 'A private conversation, and a statement about the behaviour (never about the person).',
  },
  enforcement: { label: 'Enforcement', hint: 'A step on the code of conduct ladder.' },
  'record-only': 'Keep a record only',
};
export const decisionOptions: Option[] = optionsOf(decisionWords);

const ladderWords: Record<LadderLevel, Words> = {
  correction: 'Correction',
  warning: 'Warning',
  'temporary-ban': 'Temporary ban',
  'permanent-ban': 'Permanent ban',
};
export const ladderOptions: Option[] = optionsOf(ladderWords);

const roleWords: Record<Role, Words> = {
  member: { label: 'Member', hint: 'Can raise concerns and see their own.' },
  ally: { label: 'Ally', hint: 'Volunteers to hold call-ins for others.' },
  organizer: { label: 'Organizer', hint: 'Sees and decides on every concern here.' },
};
export const roleOptions: Option[] = optionsOf(roleWords);

const statusWords: Record<ConcernStatus, Words> = {
  new: 'New',
  triaged: 'Decided',
  'in-progress': 'In progress',
  closed: 'Closed',
};
export const statusOptions: Option[] = optionsOf(statusWords);

const callerWords: Record<CallerKind, string> = {
  reporter: 'The person who raised it, as they offered',
  ally: 'An ally, after asking the harmed person',
  organizer: 'An organizer',
};

const sourceWords: Record<ConcernSource, string> = {
  web: 'Signed in',
  'public-form': 'Public form',
  api: 'API',
  slack: 'Slack',
  discord: 'Discord',
  email: 'Email',
};

function from(options: Option[], value: string | null | undefined): string {
  if (!value) return '';
  return options.find((o) => o.value === value)?.label ?? value;
}

export const label = {
  harmed: (v: string) => from(harmedOptions, v),
  wants: (v: string) => from(wantsOptions, v),
  category: (v: string) => from(categoryOptions, v),
  intent: (v: string) => from(intentOptions, v),
  publicHarm: (v: string) => from(publicHarmOptions, v),
  decision: (v: string) => from(decisionOptions, v),
  ladder: (v: string | null) => from(ladderOptions, v),
  role: (v: string | null) => from(roleOptions, v) || 'No role here',
  status: (v: string) => from(statusOptions, v),
  caller: (v: CallerKind | null) => (v ? callerWords[v] : 'Nobody calls in'),
  source: (v: ConcernSource) => sourceWords[v],
};

export function formatDate(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString('en', { dateStyle: 'medium', timeStyle: 'short' });
}

// ---- call-ins ---------------------------------------------------------------------------------

// Where a call-in or a case stands is said by the API (`stageLabel`, from
// src/contract/stage-words.ts), so every page says the same thing.

const consentStatusWords: Record<ConsentStatus, Words> = {
  'not-requested': 'Not asked yet',
  pending: 'Asked, waiting for an answer',
  given: 'Agreed',
  declined: 'Declined',
  withdrawn: 'Withdrawn',
  'not-needed': 'Not needed (they chose to do it themselves)',
};
export const consentStatusOptions: Option[] = optionsOf(consentStatusWords);

const channelWords: Record<Channel, Words> = {
  'in-app': {
    label: 'A private thread here',
    hint: 'They open it from a private link; no account needed.',
  },
  email: { label: 'Email', hint: 'Your message is sent to their email address.' },
  voice: { label: 'A voice call', hint: 'You talk, then write a short note here.' },
  'in-person': { label: 'In person', hint: 'You talk, then write a short note here.' },
};
export const channelOptions: Option[] = optionsOf(channelWords);

/** What each channel will really do, for a member with or without an account here. */
export function channelOptionsFor(memberHasAccount: boolean): Option[] {
  const hints: Record<Channel, string> = memberHasAccount
    ? {
        'in-app':
          'They will see it when they sign in, and get an email saying a message is waiting for them.',
        email:
          'They will get an email at the address on their account, with a link to read it here when signed in.',
        voice: 'You talk, then write a short note here. Nothing is sent.',
        'in-person': 'You talk, then write a short note here. Nothing is sent.',
      }
    : {
        'in-app':
          'Nothing is sent by us: share this one-time link with them privately, and they read it there.',
        email:
          'They will get an email with a private link, once an organizer who is not calling in has confirmed their address.',
        voice: 'You talk, then write a short note here. Nothing is sent.',
        'in-person': 'You talk, then write a short note here. Nothing is sent.',
      };
  return channelOptions.map((o) => ({ ...o, hint: hints[o.value as Channel] }));
}

const outcomeWords: Record<Outcome, Words> = {
  acknowledged: 'They acknowledged it',
  'committed-to-change': 'They committed to change',
  apologised: 'They apologised',
  disagreed: 'They disagreed',
  'no-response': 'No response',
  escalated: 'It needs to go further',
};
export const outcomeOptions: Option[] = optionsOf(outcomeWords);

export const memberResponseWords: Record<MemberResponse, string> = {
  reply: 'Replied',
  'need-time': 'I need time to reflect',
  'will-change': 'I understand and will change',
  'ask-organizer': 'I’d like to talk to an organizer',
};

export const callInLabel = {
  consent: (v: string) => from(consentStatusOptions, v),
  channel: (v: string | null) => (v ? from(channelOptions, v) : 'Not chosen yet'),
  outcome: (v: string | null) => (v ? from(outcomeOptions, v) : 'Not recorded yet'),
  /** Several outcomes, as one line ("They committed to change; they apologised"). */
  outcomes: (vs: readonly string[]) =>
    vs.length === 0
      ? 'Not recorded yet'
      : vs
          .map((v, i) => {
            const w = from(outcomeOptions, v);
            return i === 0 ? w : w.charAt(0).toLowerCase() + w.slice(1);
          })
          .join('; '),
};

/** A call-in as a person names it: the member and the subject ("Sam Member: Accent jokes"). */
export function callInName(c: { memberName: string | null; subject: string | null }): string {
  const who = c.memberName ?? 'Someone not named yet';
  return c.subject ? `${who}: ${c.subject}` : who;
}

export const enforcementStatusWords: Record<EnforcementStatus, string> = {
  active: 'In effect',
  overturned: 'Overturned on appeal',
};

export const appealStatusWords: Record<AppealStatus, string> = {
  pending: 'Waiting for a decision',
  upheld: 'Upheld',
  overturned: 'Overturned',
  changed: 'Changed to lighter terms',
};

/** Why an organizer may not decide an appeal, said before they try. */
export const appealBlockWords: Record<AppealBlock, string> = {
  'made-the-decision':
    'You wrote this record, so another organizer decides its appeal. They have been told it is waiting.',
  'second-organizer-needed':
    'You wrote this record, so someone else needs to decide its appeal, and there is no other organizer yet. Invite a second organizer, someone independent if you can.',
};

/** The relationship an organizer states when offering a call-in (`relationships` in the API). */
const relationshipWords: Record<Relationship, Words> = {
  none: 'Not that we know of',
  knows: 'They know each other',
  'works-with': 'They work together',
  friend: 'They are friends',
};
export const relationshipOptions: Option[] = optionsOf(relationshipWords);

// ---- counts -----------------------------------------------------------------------------------

/** A case whose concern names no kind of behaviour is counted as `uncategorised`. */
export const countCategoryWords: Partial<Record<CountCategory, string>> = {
  microaggression: 'Microaggression',
  uncategorised: 'No kind named',
};

/**
 * What a case came to, in the counts: the call-in's outcome, else the decision taken on the
 * concern, else `none`. Said as a short fact, because the table reads them as rows.
 */
const countOutcomeWords: Record<CaseOutcome, Words> = {
  acknowledged: 'They acknowledged it',
  'committed-to-change': 'They committed to change',
  apologised: 'They apologised',
  disagreed: 'They disagreed',
  'no-response': 'No response',
  escalated: 'Taken further after the call-in',
  'consent-declined': 'Stopped: the harmed person said no',
  'consent-withdrawn': 'Stopped: consent withdrawn',
  'call-in': 'Decided on a call-in, no outcome recorded',
  'call-in-and-public-statement':
    'Decided on a call-in and a public statement, no outcome recorded',
  enforcement: 'Decided on enforcement',
  'record-only': 'Kept as a record only',
  none: 'No decision recorded',
};
export const countOutcomeOptions: Option[] = optionsOf(countOutcomeWords);

export const countLabel = {
  category: (v: string) => countCategoryWords[v as CountCategory] ?? from(categoryOptions, v),
  outcome: (v: string) => from(countOutcomeOptions, v),
};

/** "2026-06" → "June 2026" (the month as people say it; the value itself when it is not one). */
export function formatMonth(month: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  if (!m) return month;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1));
  return d.toLocaleString('en', { month: 'long', year: 'numeric', timeZone: 'UTC' });
}

/** Every month from `first` to `last`, both included ("2026-05", "2026-06", …). */
export function monthsBetween(first: string, last: string): string[] {
  const index = (m: string) => {
    const [y, mm] = m.split('-').map(Number);
    return (y ?? 0) * 12 + (mm ?? 1) - 1;
  };
  const out: string[] = [];
  for (let i = index(first); i <= index(last) && out.length < 1200; i++)
    out.push(`${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`);
  return out;
}
