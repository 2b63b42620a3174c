// The language checker and the draft and reply coaches, as the API answers them.
import { Type, type Static } from '@sinclair/typebox';
import { coachKinds, languageCategories, severities } from '../vocabulary.ts';
import { Enum, MAX_API_TEXT, Uuid } from './primitives.ts';

export const Finding = Type.Object({
  ruleId: Type.String(),
  category: Enum(languageCategories),
  severity: Enum(severities),
  start: Type.Integer(),
  end: Type.Integer(),
  line: Type.Integer(),
  column: Type.Integer(),
  endLine: Type.Integer(),
  endColumn: Type.Integer(),
  text: Type.String(),
  message: Type.String(),
  explanation: Type.String(),
  suggestions: Type.Array(Type.String()),
});
export type Finding = Static<typeof Finding>;

export const CoachFinding = Type.Object({
  id: Type.String(),
  start: Type.Integer(),
  end: Type.Integer(),
  text: Type.String(),
  why: Type.String(),
  suggestion: Type.String(),
});

/** What the draft and reply coaches answer. */
export const CoachResult = Type.Object({
  findings: Type.Array(CoachFinding),
  strengths: Type.Array(Type.String()),
  language: Type.Array(Finding),
});
export type CoachResult = Static<typeof CoachResult>;

export const CheckBody = Type.Object(
  {
    text: Type.String({ maxLength: MAX_API_TEXT }),
    markdown: Type.Optional(Type.Boolean({ default: true })),
    communityId: Type.Optional(Uuid),
  },
  { additionalProperties: false },
);
export const CheckResult = Type.Object({ findings: Type.Array(Finding) });
export type CheckResult = Static<typeof CheckResult>;

export const CoachBody = Type.Object(
  {
    kind: Enum(coachKinds),
    text: Type.String({ maxLength: MAX_API_TEXT }),
    communityId: Type.Optional(Uuid),
  },
  { additionalProperties: false },
);

/** A reply draft for the reply coach (being called in). */
export const ReplyCoachBody = Type.Object(
  { text: Type.String({ maxLength: MAX_API_TEXT }) },
  { additionalProperties: false },
);
