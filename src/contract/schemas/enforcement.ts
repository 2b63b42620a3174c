// Enforcement (the Contributor Covenant ladder) and appeals.
import { Type, type Static } from '@sinclair/typebox';
import {
  appealBlocks,
  appealDecisions,
  appealStatuses,
  callInStatuses,
  enforcementStatuses,
  ladderLevels,
} from '../vocabulary.ts';
import { Enum, IsoTime, Nullable, NullableString, Text, Uuid } from './primitives.ts';

/** The new terms of an appeal decided `changed`. */
export const ChangedTerms = Nullable(
  Type.Object({ level: Enum(ladderLevels), expiresAt: NullableString }),
);

/** How an appeal was decided, as the member and the organizers read it. */
const AppealOutcome = {
  decisionNote: Type.Union([Type.String(), Type.Null()], {
    description: 'The deciding organizer’s note; null until decided',
  }),
  decidedAt: NullableString,
  changedTo: ChangedTerms,
};

export const EnforcementRecord = Type.Object({
  id: Uuid,
  level: Enum(ladderLevels),
  reason: Type.String(),
  status: Enum(enforcementStatuses),
  expiresAt: NullableString,
  createdAt: IsoTime,
});
export type EnforcementRecord = Static<typeof EnforcementRecord>;

const Level = {
  level: Enum(ladderLevels),
  reason: Text(5_000),
  expiresAt: Type.Optional(Type.String({ format: 'date-time' })),
};

export const EnforceBody = Type.Object(
  {
    concernIds: Type.Array(Uuid, { minItems: 1, maxItems: 20, uniqueItems: true }),
    ...Level,
  },
  { additionalProperties: false },
);
export const Enforced = Type.Object({
  ...EnforcementRecord.properties,
  concernIds: Type.Array(Uuid),
  enforcedBy: Type.String(),
  callInId: NullableString,
});
export type Enforced = Static<typeof Enforced>;

/** An enforcement record with its appeals, as organizers see it. */
const Person = Type.Object({ userId: Type.Union([Uuid, Type.Null()]), name: Type.String() });

export const CommunityEnforcement = Type.Object({
  ...Enforced.properties,
  member: Type.Object({
    userId: Type.Union([Uuid, Type.Null()], {
      description: 'Their account here; null when the concern names them in free text only.',
    }),
    name: NullableString,
  }),
  writtenBy: Person,
  appeals: Type.Array(
    Type.Object({
      id: Uuid,
      status: Enum(appealStatuses),
      statement: Type.String(),
      decidedBy: NullableString,
      createdAt: IsoTime,
      ...AppealOutcome,
      mayDecide: Type.Boolean({ description: 'Whether the person asking may decide it' }),
      blocked: Nullable(
        Enum(appealBlocks, 'Why they may not: said up front, instead of refusing on submit'),
      ),
    }),
  ),
});
export type CommunityEnforcement = Static<typeof CommunityEnforcement>;
export const CommunityEnforcementList = Type.Object({ items: Type.Array(CommunityEnforcement) });

export const EscalateBody = Type.Object(Level, { additionalProperties: false });
export const Escalated = Type.Object({
  id: Uuid,
  status: Enum(callInStatuses),
  enforcementId: Uuid,
});
export type Escalated = Static<typeof Escalated>;

export const AppealParams = Type.Object({ communityId: Uuid, appealId: Uuid });
export const AppealDecisionBody = Type.Object(
  {
    decision: Enum(appealDecisions),
    note: Type.Optional(Type.String({ maxLength: 5_000 })),
    level: Type.Optional(
      Enum(ladderLevels, 'changed: the new step, the same or lighter than the record’s'),
    ),
    expiresAt: Type.Optional(
      Type.String({ format: 'date-time', description: 'changed: the new end, if any' }),
    ),
  },
  { additionalProperties: false },
);
export const AppealDecided = Type.Object({
  id: Uuid,
  enforcementId: Uuid,
  status: Enum(appealDecisions),
  decidedAt: IsoTime,
  changedTo: ChangedTerms,
});
export type AppealDecided = Static<typeof AppealDecided>;

/** An enforcement record about you, with your appeals. */
export const MyEnforcement = Type.Object({
  ...EnforcementRecord.properties,
  community: Type.String(),
  appeals: Type.Array(
    Type.Object({ id: Uuid, status: Enum(appealStatuses), createdAt: IsoTime, ...AppealOutcome }),
  ),
  appealWaits: Type.Union([Type.String(), Type.Null()], {
    description:
      'Said before appealing: an appeal would wait, because no organizer other than the one who wrote the record exists yet',
  }),
});
export type MyEnforcement = Static<typeof MyEnforcement>;
export const MyEnforcementList = Type.Object({ items: Type.Array(MyEnforcement) });

export const EnforcementParams = Type.Object({ enforcementId: Uuid });
export const AppealBody = Type.Object({ statement: Text(5_000) }, { additionalProperties: false });
export const Appealed = Type.Object({
  id: Uuid,
  enforcementId: Uuid,
  status: Enum(appealStatuses),
  createdAt: IsoTime,
  decidable: Type.Boolean({
    description:
      'False when no organizer other than the one who made the decision exists yet: the appeal waits until a second organizer is invited (the organizer has been told).',
  }),
  note: Type.Optional(Type.String({ description: 'Plain words for the person who appealed.' })),
});
export type Appealed = Static<typeof Appealed>;
