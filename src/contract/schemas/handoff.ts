// The handoff (flow step 3): opening a call-in, the ally board, matching an ally, and offers.
import { Type, type Static } from '@sinclair/typebox';
import {
  callInStatuses,
  concernCategories,
  consentModes,
  consentStatuses,
  offerStatuses,
  relationships,
  roles,
} from '../vocabulary.ts';
import { Enum, IsoTime, Nullable, NullableString, Uuid } from './primitives.ts';

/** A call-in as the handoff leaves it: who holds it and where consent stands. */
export const Handoff = Type.Object({
  id: Uuid,
  concernId: Uuid,
  status: Enum(callInStatuses),
  callerUserId: Type.Union([Uuid, Type.Null()]),
  consentMode: Enum(consentModes),
  consentStatus: Enum(consentStatuses),
  language: NullableString,
});
export type Handoff = Static<typeof Handoff>;

export const OpenCallInBody = Type.Object(
  {
    callerUserId: Type.Optional(Uuid),
    language: Type.Optional(Type.String({ minLength: 2, maxLength: 16, pattern: '^[A-Za-z-]+$' })),
  },
  { additionalProperties: false },
);

/** Why the ally board shows nothing to someone: they paused, or they are full. */
export const allyUnavailableReasons = ['paused', 'at-capacity'] as const;
export type AllyUnavailableReason = (typeof allyUnavailableReasons)[number];

/** The ally board: requests for an ally, redacted. */
export const AllyBoard = Type.Object({
  available: Type.Boolean(),
  why: Nullable(Enum(allyUnavailableReasons)),
  items: Type.Array(
    Type.Object({
      concernId: Uuid,
      categories: Type.Array(Enum(concernCategories)),
      urgent: Type.Boolean(),
      language: NullableString,
      since: IsoTime,
    }),
  ),
});
export type AllyBoard = Static<typeof AllyBoard>;

/** Someone who could hold a call-in now (the API leaves out anyone paused or full). */
export const Candidate = Type.Object({
  userId: Uuid,
  name: Type.String(),
  role: Enum(roles),
  load: Type.Integer(),
  spare: Type.Integer(),
  speaksLanguage: Type.Boolean(),
});
export type Candidate = Static<typeof Candidate>;
export const CandidateList = Type.Object({ items: Type.Array(Candidate) });

export const AssignBody = Type.Object({ userId: Uuid }, { additionalProperties: false });

export const OfferParams = Type.Object({ communityId: Uuid, offerId: Uuid });
export const OfferBody = Type.Object(
  {
    userId: Uuid,
    relationship: Type.Optional(Enum(relationships, 'The stated relationship with the member.')),
  },
  { additionalProperties: false },
);
export const Offer = Type.Object({
  id: Uuid,
  callInId: Uuid,
  userId: Uuid,
  relationship: Enum(relationships),
  status: Enum(offerStatuses),
  createdAt: IsoTime,
});
export type Offer = Static<typeof Offer>;

/** An offer waiting for your answer. */
export const OfferForYou = Type.Object({
  id: Uuid,
  callInId: Uuid,
  relationship: Enum(relationships),
  categories: Type.Array(Enum(concernCategories)),
  urgent: Type.Boolean(),
  language: NullableString,
  createdAt: IsoTime,
});
export type OfferForYou = Static<typeof OfferForYou>;
export const OfferForYouList = Type.Object({ items: Type.Array(OfferForYou) });

export const OfferAnswered = Type.Object({
  id: Uuid,
  status: Enum(offerStatuses),
  callIn: Type.Union([Handoff, Type.Null()]),
});
export type OfferAnswered = Static<typeof OfferAnswered>;
