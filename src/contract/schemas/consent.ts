// Consent (flow step 3): asking the harmed person, their answer, withdrawal, and an organizer
// standing in for a group or unknown harmed party.
import { Type, type Static } from '@sinclair/typebox';
import {
  callInStatuses,
  concernCategories,
  consentDecisions,
  consentStatuses,
} from '../vocabulary.ts';
import { Enum, PlainName, NullableString } from './primitives.ts';

export const ConsentConditions = Type.Object(
  {
    mayMentionMe: Type.Boolean({
      description: 'You may mention me (who was harmed, who raised it).',
    }),
    mayShareQuotes: Type.Boolean({ description: 'You may share the quote.' }),
    note: Type.String({ maxLength: 2_000 }),
  },
  { additionalProperties: false },
);
export type ConsentConditions = Static<typeof ConsentConditions>;

export const ConsentRequestBody = Type.Object(
  {
    harmedUserId: Type.Optional(Type.String({ format: 'uuid' })),
    email: Type.Optional(Type.String({ format: 'email', maxLength: 254 })),
    name: Type.Optional(PlainName(200, 0)),
  },
  { additionalProperties: false },
);
export const ConsentRequested = Type.Object({
  callInId: Type.String(),
  consentStatus: Enum(consentStatuses),
  notified: Type.Boolean(),
  viaFollowLink: Type.Boolean(),
  awaitingOrganizer: Type.Boolean({
    description:
      'The caller proposed the address: nothing is sent until an organizer who is not the caller confirms it.',
  }),
});
export type ConsentRequested = Static<typeof ConsentRequested>;

export const ConsentDecisionBody = Type.Object(
  {
    decision: Enum(consentDecisions),
    conditions: Type.Optional(Type.Partial(ConsentConditions, { additionalProperties: false })),
  },
  { additionalProperties: false },
);
export type ConsentDecisionBody = Static<typeof ConsentDecisionBody>;

export const ConsentApprovalBody = Type.Object(
  { approve: Type.Boolean() },
  { additionalProperties: false },
);

export const ConsentResult = Type.Object({
  callInId: Type.String(),
  consentStatus: Enum(consentStatuses),
  status: Enum(callInStatuses),
});
export type ConsentResult = Static<typeof ConsentResult>;

/** What the harmed person is asked, through their private link. */
export const ConsentView = Type.Object({
  callInId: Type.String(),
  community: Type.String(),
  caller: NullableString,
  categories: Type.Array(Enum(concernCategories)),
  consentStatus: Enum(consentStatuses),
  conditions: ConsentConditions,
  stopped: Type.Boolean(),
  closed: Type.Boolean({ description: 'The conversation has ended: nothing more to answer.' }),
});
export type ConsentView = Static<typeof ConsentView>;
