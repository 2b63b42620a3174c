// The triage rubric as a pure function: call in, call out, or enforce? It recommends; an
// organizer decides, and their decision and reason are kept (see triage-decision.ts).

import type {
  CallerKind,
  ConcernCategory,
  Harmed,
  Intent,
  LadderLevel,
  PublicHarm,
  RecommendationKind,
  ReporterWants,
} from '../../contract/vocabulary.ts';
import { ladderLevels, unacceptableCategories } from '../../contract/vocabulary.ts';
export {
  concernCategories,
  harmedOptions,
  intents,
  ladderLevels,
  otherCategories,
  publicHarmOptions,
  recommendationKinds,
  unacceptableCategories,
  wantsOptions,
} from '../../contract/vocabulary.ts';
export type {
  CallerKind,
  ConcernCategory,
  Harmed,
  Intent,
  LadderLevel,
  PublicHarm,
  RecommendationKind,
  ReporterWants,
};

export interface TriageHistory {
  /** Earlier concerns about the same person in this community. */
  earlierConcerns: number;
  /** Earlier call-ins with the same person. */
  earlierCallIns: number;
  /** The highest ladder level already used with this person, if any. */
  highestEnforcement: LadderLevel | null;
}

export interface TriageThresholds {
  /** After this many earlier call-ins, recommend a warning instead of another call-in. */
  callInsBeforeWarning: number;
  /** When this many earlier concerns exist, say so as a pattern even without call-ins. */
  concernsForPattern: number;
}

export const defaultThresholds: TriageThresholds = {
  callInsBeforeWarning: 2,
  concernsForPattern: 3,
};

export interface TriageInput {
  categories: readonly ConcernCategory[];
  immediateDanger: boolean;
  intent: Intent;
  publicHarm: PublicHarm;
  harmed: Harmed;
  wants: ReporterWants;
  history: TriageHistory;
}

export interface Recommendation {
  kind: RecommendationKind;
  ladderLevel: LadderLevel | null;
  urgent: boolean;
  /** Who should hold the conversation; null when nobody calls in. */
  caller: CallerKind | null;
  reasons: string[];
}

const SEVERE: readonly ConcernCategory[] = ['threats', 'doxxing', 'sexual-harassment'];

export function isUnacceptable(c: ConcernCategory): boolean {
  return (unacceptableCategories as readonly string[]).includes(c);
}

function levelIndex(level: LadderLevel | null): number {
  return level === null ? -1 : ladderLevels.indexOf(level);
}

function atLeast(level: LadderLevel, floor: LadderLevel): LadderLevel {
  return levelIndex(level) >= levelIndex(floor) ? level : floor;
}

/** One step above what was already used, never below the floor. */
function nextLevel(history: TriageHistory, floor: LadderLevel): LadderLevel {
  const above = Math.min(levelIndex(history.highestEnforcement) + 1, ladderLevels.length - 1);
  const candidate = ladderLevels[Math.max(above, 0)] ?? 'correction';
  return atLeast(candidate, floor);
}

function chooseCaller(input: TriageInput): CallerKind {
  // Only the reporter who chose it calls in themselves. A harmed reporter is never asked.
  if (input.wants === 'self') return 'reporter';
  if (input.wants === 'ally') return 'ally';
  return 'organizer';
}

export function recommend(
  input: TriageInput,
  thresholds: TriageThresholds = defaultThresholds,
): Recommendation {
  const reasons: string[] = [];
  const urgent = input.immediateDanger;
  if (urgent) reasons.push('Someone may be in immediate danger, so this is marked urgent.');

  const unacceptable = input.categories.filter(isUnacceptable);
  const { history } = input;
  if (history.earlierConcerns >= thresholds.concernsForPattern) {
    reasons.push(
      `There are ${history.earlierConcerns} earlier concerns about this person, which suggests a pattern.`,
    );
  }

  if (unacceptable.length > 0 || input.intent === 'malice' || urgent) {
    const severe = unacceptable.some((c) => SEVERE.includes(c)) || urgent;
    const floor: LadderLevel = severe ? 'temporary-ban' : 'warning';
    if (unacceptable.length > 0) {
      reasons.push(
        `${unacceptable.join(', ')} ${unacceptable.length > 1 ? 'are' : 'is'} unacceptable behaviour under the code of conduct, so this goes to enforcement rather than a call-in.`,
      );
    }
    if (input.intent === 'malice') {
      reasons.push('It looks deliberate; malice calls for enforcement, not a call-in.');
    }
    if (history.highestEnforcement) {
      reasons.push(
        `A ${history.highestEnforcement} was already used, so the next step is higher on the ladder.`,
      );
    }
    return {
      kind: 'enforcement',
      ladderLevel: nextLevel(history, floor),
      urgent,
      caller: null,
      reasons,
    };
  }

  if (history.earlierCallIns >= thresholds.callInsBeforeWarning) {
    reasons.push(
      `This person has been called in ${history.earlierCallIns} times already; another call-in is unlikely to help, so a warning is recommended.`,
    );
    return {
      kind: 'enforcement',
      ladderLevel: nextLevel(history, 'warning'),
      urgent,
      caller: null,
      reasons,
    };
  }

  if (input.wants === 'record') {
    reasons.push(
      'The reporter asked only to keep a record, and nothing here needs more than that.',
    );
    return { kind: 'record-only', ladderLevel: null, urgent, caller: null, reasons };
  }

  reasons.push(
    input.intent === 'thoughtless' || input.intent === 'ignorance'
      ? 'It looks thoughtless rather than deliberate: a private, kind conversation is the best fit.'
      : 'Nothing points to malice or a pattern, so a private, kind conversation is a good first step.',
  );
  if (history.earlierConcerns === 0) {
    reasons.push('There are no earlier concerns about this person.');
  }
  const caller = chooseCaller(input);
  if (caller === 'reporter') reasons.push('The reporter chose to call them in themselves.');
  if (caller === 'ally') reasons.push('The reporter asked for an ally to do the calling in.');
  if (input.publicHarm === 'many') {
    reasons.push(
      'Many people saw it, so a public statement about the behaviour (never about the person) is recommended as well.',
    );
    return { kind: 'call-in-and-public-statement', ladderLevel: null, urgent, caller, reasons };
  }
  return { kind: 'call-in', ladderLevel: null, urgent, caller, reasons };
}
