// The words for where a case stands (`caseStages` in vocabulary.ts), written once: the API sends
// them with every concern and call-in it lists or shows, so the reporter's follow page, the inbox,
// the call-ins list and the call-in page all say the same true thing.
import type { CaseStage } from './vocabulary.ts';

export interface StageWords {
  /** Short, for a list row or a status heading (organizers and callers). */
  label: string;
  /** A sentence for the person who raised the concern: nothing about other people. */
  reporter: string;
}

export const stageWords: Record<CaseStage, StageWords> = {
  received: { label: 'New', reporter: 'Received. The organizers will look at it soon.' },
  decided: {
    label: 'Decided',
    reporter: 'The organizers have looked at it and decided on next steps.',
  },
  'finding-caller': {
    label: 'Waiting for someone to hold it',
    reporter: 'The organizers are finding someone to talk with them.',
  },
  preparing: {
    label: 'Being prepared: the harmed person has not been asked yet',
    reporter:
      'Someone is preparing to talk with them. Nobody contacts them before the harmed person agrees.',
  },
  'awaiting-answer': {
    label: 'Waiting for the harmed person’s answer',
    reporter: 'Waiting for the harmed person’s answer. Nobody contacts them before they agree.',
  },
  'awaiting-approval': {
    label: 'Waiting for an organizer’s approval',
    reporter: 'Someone has offered to talk with them. An organizer approves it first.',
  },
  ready: { label: 'Ready to start', reporter: 'Someone is ready to talk with them.' },
  'in-conversation': { label: 'In conversation', reporter: 'Someone is talking with them now.' },
  'outcome-recorded': {
    label: 'Outcome recorded',
    reporter: 'The conversation has happened and what came of it is recorded.',
  },
  escalated: {
    label: 'Taken to enforcement',
    reporter: 'The organizers are taking this further under the code of conduct.',
  },
  'stopped-declined': {
    label: 'Stopped: the harmed person said no',
    reporter: 'Stopped: the harmed person said no, so nobody contacts them on their behalf.',
  },
  'stopped-withdrawn': {
    label: 'Stopped: consent withdrawn',
    reporter: 'Stopped: consent was withdrawn, so nobody contacts them on anyone’s behalf.',
  },
  closed: { label: 'Closed', reporter: 'This concern is closed. Thank you for raising it.' },
};
