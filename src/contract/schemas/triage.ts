// Triage (flow step 2): the rubric's answers, its recommendation, and the organizer's decision.
import { Type, type Static } from '@sinclair/typebox';
import {
  callerKinds,
  concernCategories,
  intents,
  ladderLevels,
  publicHarmOptions,
  recommendationKinds,
} from '../vocabulary.ts';
import { Enum, IsoTime, Nullable, NullableString, Text, Uuid } from './primitives.ts';

export const TriageAnswers = Type.Object(
  {
    categories: Type.Array(Enum(concernCategories), {
      maxItems: concernCategories.length,
      uniqueItems: true,
    }),
    immediateDanger: Type.Boolean(),
    intent: Enum(intents),
    publicHarm: Enum(publicHarmOptions),
  },
  { additionalProperties: false },
);
export type TriageAnswers = Static<typeof TriageAnswers>;

export const Recommendation = Type.Object({
  kind: Enum(recommendationKinds),
  ladderLevel: Nullable(Enum(ladderLevels)),
  urgent: Type.Boolean(),
  caller: Nullable(Enum(callerKinds)),
  reasons: Type.Array(Type.String()),
});
export type Recommendation = Static<typeof Recommendation>;

export const History = Type.Object({
  earlierConcerns: Type.Integer(),
  earlierCallIns: Type.Integer(),
  highestEnforcement: Nullable(Enum(ladderLevels)),
});
export type History = Static<typeof History>;

export const TriagePreview = Type.Object({ recommendation: Recommendation, history: History });
export type TriagePreview = Static<typeof TriagePreview>;

export const DecideTriageBody = Type.Object(
  {
    answers: TriageAnswers,
    decision: Enum(recommendationKinds),
    ladderLevel: Type.Optional(Nullable(Enum(ladderLevels))),
    reason: Text(5_000),
    replaces: Type.Optional(
      Type.String({
        format: 'uuid',
        description:
          'To change a decision: the id of the latest decision, which this one replaces. Needed once the concern has a decision.',
      }),
    ),
  },
  { additionalProperties: false },
);

export const TriageDecided = Type.Object({
  id: Uuid,
  decision: Enum(recommendationKinds),
  ladderLevel: Nullable(Enum(ladderLevels)),
  followsRecommendation: Type.Boolean(),
  recommendation: Recommendation,
  history: History,
  /** The decision this one replaced, or null for the first. */
  replaces: Nullable(Uuid),
  createdAt: IsoTime,
});
export type TriageDecided = Static<typeof TriageDecided>;

/** A decision made on a concern, with its kept reason. */
export const Decision = Type.Object({
  id: Uuid,
  decidedBy: Type.String(),
  /** The deciding organizer's display name; null once their account is erased. */
  decidedByName: NullableString,
  decision: Enum(recommendationKinds),
  ladderLevel: Nullable(Enum(ladderLevels)),
  reason: Type.String(),
  recommendation: Recommendation,
  answers: TriageAnswers,
  createdAt: IsoTime,
});
export type Decision = Static<typeof Decision>;
export const DecisionList = Type.Object({ items: Type.Array(Decision) });
