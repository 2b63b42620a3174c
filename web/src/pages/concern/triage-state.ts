// The triage section's state in one reducer: the rubric's answers, the recommendation they got,
// and the organizer's decision. A new recommendation chooses its decision and step for them;
// saving clears the reason.
import type { ConcernDetail, History, Recommendation, TriageAnswers } from '../../api.ts';

export interface Recommended {
  recommendation: Recommendation;
  history: History;
}

export interface TriageState {
  categories: string[];
  /** 'yes' or 'no', as the radio group has it. */
  danger: string;
  intent: string;
  publicHarm: string;
  result: Recommended | null;
  decision: string;
  ladder: string;
  reason: string;
  saved: boolean;
}

/** What the organizer may change by hand. */
export type TriageChange = Partial<
  Pick<
    TriageState,
    'categories' | 'danger' | 'intent' | 'publicHarm' | 'decision' | 'ladder' | 'reason'
  >
>;

export type TriageAction =
  | { type: 'change'; change: TriageChange }
  | { type: 'recommended'; result: Recommended }
  | { type: 'saved' };

export function startTriage(concern: ConcernDetail): TriageState {
  return {
    categories: concern.categories,
    danger: concern.urgent ? 'yes' : 'no',
    intent: '',
    publicHarm: '',
    result: null,
    decision: '',
    ladder: '',
    reason: '',
    saved: false,
  };
}

export function triageReducer(state: TriageState, action: TriageAction): TriageState {
  switch (action.type) {
    case 'change':
      return { ...state, ...action.change };
    case 'recommended':
      return {
        ...state,
        result: action.result,
        decision: action.result.recommendation.kind,
        ladder: action.result.recommendation.ladderLevel ?? '',
        saved: false,
      };
    case 'saved':
      return { ...state, saved: true, reason: '' };
  }
}

/**
 * The rubric's answers as the API takes them. The fields hold the option values shown (or ''
 * before a choice); the form checks every one is chosen before it sends.
 */
export function answersOf(state: TriageState): TriageAnswers {
  return {
    categories: state.categories as TriageAnswers['categories'],
    immediateDanger: state.danger === 'yes',
    intent: state.intent as TriageAnswers['intent'],
    publicHarm: state.publicHarm as TriageAnswers['publicHarm'],
  };
}
