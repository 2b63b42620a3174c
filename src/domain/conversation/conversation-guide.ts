// The conversation guides (for the caller, and for the person being called in), in our own
// words, and the draft coach extension point. src/language provides a real coach; until it is
// wired in, the no-op coach gives no advice and only our own consent check runs.

import { findProtectedNames, sharesPassage, type ProtectedPassages } from './protected-text.ts';

export { findProtectedNames } from './protected-text.ts';

/** Why a text the member would read was refused, or what the draft coach says about it. */
export const NAMES_SOMEONE =
  'This names someone who has not agreed to be mentioned. Describe the behaviour and its impact instead.';
export const SHARES_PASSAGE = {
  quote:
    'This repeats the quoted words, and the person who was harmed asked that the quote not be shared. Describe the behaviour in your own words instead.',
  narrative:
    'This repeats the account of what happened as it was reported, which the person who was harmed asked not to share. Describe the behaviour in your own words instead.',
} as const;

export interface GuideStep {
  title: string;
  text: string;
}

export const callerGuide: readonly GuideStep[] = [
  {
    title: 'Check in with yourself',
    text: 'Make sure you have the time and calm for this today. It is fine to wait a day.',
  },
  {
    title: 'Start with the relationship',
    text: 'Say why you are reaching out privately: you value them and their place here.',
  },
  {
    title: 'Name the behaviour, not the person',
    text: 'Describe what was said or done, where, and when. Quote it if you may.',
  },
  {
    title: 'Share the impact',
    text: 'Explain how it landed and why it matters here. Impact counts more than intent.',
  },
  {
    title: 'Invite a response',
    text: 'Ask a real question and listen. Give them room to think and to answer later.',
  },
  {
    title: 'Agree on a next step',
    text: 'What would they do differently? Offer resources if they want them.',
  },
  {
    title: 'Keep what you promised',
    text: 'Follow the harmed person’s conditions. Never name them unless they said you may.',
  },
];

export const memberGuide: readonly GuideStep[] = [
  { title: 'Pause', text: 'Feeling defensive is normal. Take a breath before you answer.' },
  {
    title: 'Listen',
    text: 'Someone cared enough to tell you privately. Read it through once more.',
  },
  {
    title: 'Impact over intent',
    text: 'You may not have meant harm. What matters first is how it landed.',
  },
  {
    title: 'Apologise specifically',
    text: 'Say what you did and that you will change it. Skip “if anyone was offended”.',
  },
  { title: 'Ask if unclear', text: 'It is fine to ask what was hurtful or what to do instead.' },
  { title: 'Commit to change', text: 'Say what you will do differently next time.' },
  {
    title: 'Take time if you need it',
    text: 'You can answer “I need time to reflect” and come back later.',
  },
  {
    title: 'Ask for an organizer',
    text: 'If you disagree or feel unsafe, you can ask to talk to an organizer.',
  },
];

export interface DraftAdvice {
  kind: string;
  message: string;
  /** The part of the draft the advice is about, when there is one. */
  excerpt?: string;
}

export interface DraftContext {
  /** Names the draft must not contain (the harmed person, the reporter) without consent. */
  protectedNames: readonly string[];
  /** The member's own names: a part of a protected name they share says nothing about who. */
  ownNames?: readonly string[];
  /** The quotes and narrative, when the harmed person asked that they not be shared. */
  passages?: ProtectedPassages | null;
  language: string | null;
}

/** Reads a draft and points at what tends to make people defensive. */
export interface DraftCoach {
  review(draft: string, context: DraftContext): DraftAdvice[] | Promise<DraftAdvice[]>;
}

export const noDraftCoach: DraftCoach = { review: () => [] };

export async function coachDraft(
  coach: DraftCoach,
  draft: string,
  context: DraftContext,
): Promise<DraftAdvice[]> {
  const advice: DraftAdvice[] = [];
  if (findProtectedNames(draft, context.protectedNames, context.ownNames).length > 0)
    advice.push({ kind: 'names-harmed-person', message: NAMES_SOMEONE });
  const shared = context.passages ? sharesPassage(draft, context.passages) : null;
  if (shared) advice.push({ kind: 'shares-quote', message: SHARES_PASSAGE[shared] });
  try {
    advice.push(...(await coach.review(draft, context)));
  } catch {
    // A failing coach never blocks a caller; the consent check above still ran.
  }
  return advice;
}
