// Plain words for the API's values. One place, so every page says the same thing.
import type { Option } from './components/form.tsx';

export const harmedOptions: Option[] = [
  { value: 'me', label: 'Me' },
  { value: 'someone-else', label: 'Someone else' },
  { value: 'group', label: 'A group of people' },
  { value: 'unknown', label: 'I am not sure' },
];

export const wantsOptions: Option[] = [
  {
    value: 'organizers',
    label: 'Let the organizers decide',
    hint: 'They will look at it and choose a kind next step.',
  },
  {
    value: 'ally',
    label: 'Please find an ally to talk with them',
    hint: 'A trained volunteer does the talking. Nobody contacts them on your behalf before you agree.',
  },
  {
    value: 'self',
    label: 'I will talk with them myself',
    hint: 'You will get a short guide to help with the conversation.',
  },
  {
    value: 'record',
    label: 'Just keep a record for now',
    hint: 'Nothing happens yet, but the organizers can see a pattern if it happens again.',
  },
];

export const categoryOptions: Option[] = [
  { value: 'inconsiderate-language', label: 'Inconsiderate language' },
  { value: 'microaggression', label: 'A microaggression' },
  { value: 'exclusion', label: 'Leaving people out' },
  { value: 'dismissiveness', label: 'Dismissing people' },
  { value: 'disruption', label: 'Disrupting conversations' },
  { value: 'other', label: 'Something else' },
  { value: 'intimidation', label: 'Intimidation' },
  { value: 'harassment', label: 'Harassment' },
  { value: 'threats', label: 'Threats' },
  { value: 'abuse', label: 'Abuse' },
  { value: 'discrimination', label: 'Discrimination' },
  { value: 'doxxing', label: 'Sharing private details (doxxing)' },
  { value: 'sexual-harassment', label: 'Sexual harassment' },
];

export const intentOptions: Option[] = [
  { value: 'thoughtless', label: 'Thoughtless', hint: 'They did not stop to think.' },
  { value: 'ignorance', label: 'Did not know better', hint: 'They may not know why it hurts.' },
  { value: 'unclear', label: 'Not clear yet' },
  { value: 'malice', label: 'Deliberate', hint: 'They meant to hurt.' },
];

export const publicHarmOptions: Option[] = [
  { value: 'none', label: 'Nobody else saw it' },
  { value: 'few', label: 'A few people saw it' },
  { value: 'many', label: 'Many people saw it' },
];

export const decisionOptions: Option[] = [
  { value: 'call-in', label: 'Call in', hint: 'A private, kind conversation.' },
  {
    value: 'call-in-and-public-statement',
    label: 'Call in, and a public statement',
    hint: 'A private conversation, and a statement about the behaviour (never about the person).',
  },
  { value: 'enforcement', label: 'Enforcement', hint: 'A step on the code of conduct ladder.' },
  { value: 'record-only', label: 'Keep a record only' },
];

export const ladderOptions: Option[] = [
  { value: 'correction', label: 'Correction' },
  { value: 'warning', label: 'Warning' },
  { value: 'temporary-ban', label: 'Temporary ban' },
  { value: 'permanent-ban', label: 'Permanent ban' },
];

export const roleOptions: Option[] = [
  { value: 'member', label: 'Member', hint: 'Can raise concerns and see their own.' },
  { value: 'ally', label: 'Ally', hint: 'Volunteers to hold call-ins for others.' },
  { value: 'organizer', label: 'Organizer', hint: 'Sees and decides on every concern here.' },
];

export const statusOptions: Option[] = [
  { value: 'new', label: 'New' },
  { value: 'triaged', label: 'Decided' },
  { value: 'in-progress', label: 'In progress' },
  { value: 'closed', label: 'Closed' },
];

const callerWords: Record<string, string> = {
  reporter: 'The person who raised it, as they offered',
  ally: 'An ally, after asking the harmed person',
  organizer: 'An organizer',
};

const sourceWords: Record<string, string> = {
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
  caller: (v: string | null) => (v ? (callerWords[v] ?? v) : 'Nobody calls in'),
  source: (v: string) => sourceWords[v] ?? v,
};

export function formatDate(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString('en', { dateStyle: 'medium', timeStyle: 'short' });
}

// ---- call-ins ---------------------------------------------------------------------------------

export const callInStatusOptions: Option[] = [
  { value: 'awaiting-caller', label: 'Waiting for someone to hold it' },
  { value: 'awaiting-consent', label: 'Waiting for the harmed person’s answer' },
  { value: 'ready', label: 'Ready to start' },
  { value: 'in-conversation', label: 'In conversation' },
  { value: 'outcome-recorded', label: 'Outcome recorded' },
  { value: 'escalated', label: 'Taken to enforcement' },
  { value: 'stopped', label: 'Stopped' },
  { value: 'closed', label: 'Closed' },
];

export const consentStatusOptions: Option[] = [
  { value: 'not-requested', label: 'Not asked yet' },
  { value: 'pending', label: 'Asked, waiting for an answer' },
  { value: 'given', label: 'Agreed' },
  { value: 'declined', label: 'Declined' },
  { value: 'withdrawn', label: 'Withdrawn' },
  { value: 'not-needed', label: 'Not needed (they chose to do it themselves)' },
];

export const channelOptions: Option[] = [
  {
    value: 'in-app',
    label: 'A private thread here',
    hint: 'They open it from a private link; no account needed.',
  },
  { value: 'email', label: 'Email', hint: 'Your message is sent to their email address.' },
  { value: 'voice', label: 'A voice call', hint: 'You talk, then write a short note here.' },
  { value: 'in-person', label: 'In person', hint: 'You talk, then write a short note here.' },
];

export const outcomeOptions: Option[] = [
  { value: 'acknowledged', label: 'They acknowledged it' },
  { value: 'committed-to-change', label: 'They committed to change' },
  { value: 'apologised', label: 'They apologised' },
  { value: 'disagreed', label: 'They disagreed' },
  { value: 'no-response', label: 'No response' },
  { value: 'escalated', label: 'It needs to go further' },
];

export const memberResponseWords: Record<string, string> = {
  reply: 'Replied',
  'need-time': 'I need time to reflect',
  'will-change': 'I understand and will change',
  'ask-organizer': 'I’d like to talk to an organizer',
};

export const callInLabel = {
  status: (v: string) => from(callInStatusOptions, v),
  consent: (v: string) => from(consentStatusOptions, v),
  channel: (v: string | null) => (v ? from(channelOptions, v) : 'Not chosen yet'),
  outcome: (v: string | null) => (v ? from(outcomeOptions, v) : 'Not recorded yet'),
};

export const enforcementStatusWords: Record<string, string> = {
  active: 'In effect',
  expired: 'Ended',
  overturned: 'Overturned on appeal',
};

export const appealStatusWords: Record<string, string> = {
  pending: 'Waiting for a decision',
  upheld: 'Upheld',
  overturned: 'Overturned',
};

/** The relationship an organizer states when offering a call-in (`relationships` in the API). */
export const relationshipOptions: Option[] = [
  { value: 'none', label: 'Not that we know of' },
  { value: 'knows', label: 'They know each other' },
  { value: 'works-with', label: 'They work together' },
  { value: 'friend', label: 'They are friends' },
];

// ---- counts -----------------------------------------------------------------------------------

/** A case whose concern names no kind of behaviour is counted as `uncategorised`. */
export const countCategoryWords: Record<string, string> = {
  microaggression: 'Microaggression',
  uncategorised: 'No kind named',
};

/**
 * What a case came to, in the counts: the call-in's outcome, else the decision taken on the
 * concern, else `none`. Said as a short fact, because the table reads them as rows.
 */
export const countOutcomeOptions: Option[] = [
  { value: 'acknowledged', label: 'They acknowledged it' },
  { value: 'committed-to-change', label: 'They committed to change' },
  { value: 'apologised', label: 'They apologised' },
  { value: 'disagreed', label: 'They disagreed' },
  { value: 'no-response', label: 'No response' },
  { value: 'escalated', label: 'Taken further after the call-in' },
  { value: 'call-in', label: 'Decided on a call-in, no outcome recorded' },
  {
    value: 'call-in-and-public-statement',
    label: 'Decided on a call-in and a public statement, no outcome recorded',
  },
  { value: 'enforcement', label: 'Decided on enforcement' },
  { value: 'record-only', label: 'Kept as a record only' },
  { value: 'none', label: 'No decision recorded' },
];

export const countLabel = {
  category: (v: string) => countCategoryWords[v] ?? from(categoryOptions, v),
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
