// Enforcement (the Contributor Covenant ladder) and appeals.
import { Type, type Static } from '@sinclair/typebox';
import {
  appealDecisions,
  appealStatuses,
  callInStatuses,
  enforcementStatuses,
  ladderLevels,
} from '../vocabulary.ts';
import { Enum, IsoTime, NullableString, Text, Uuid } from './primitives.ts';

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
  },
  { additionalProperties: false },
);
export const AppealDecided = Type.Object({
  id: Uuid,
  enforcementId: Uuid,
  status: Enum(appealDecisions),
  decidedAt: IsoTime,
});
export type AppealDecided = Static<typeof AppealDecided>;

/** An enforcement record about you, with your appeals. */
export const MyEnforcement = Type.Object({
  ...EnforcementRecord.properties,
  community: Type.String(),
  appeals: Type.Array(Type.Object({ id: Uuid, status: Enum(appealStatuses), createdAt: IsoTime })),
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
