// Invitation links (each carrying a role) and API tokens.
import { Type, type Static } from '@sinclair/typebox';
import { roles } from '../vocabulary.ts';
import { NewAccountBody } from './accounts.ts';
import { Enum, PlainName, IsoTime, Uuid } from './primitives.ts';

export const InvitationTokenParams = Type.Object({
  token: Type.String({ minLength: 10, maxLength: 200, pattern: '^[A-Za-z0-9_-]+$' }),
});
export const InvitationParams = Type.Object({ communityId: Uuid, invitationId: Uuid });

export const CreateInvitationBody = Type.Object(
  {
    role: Enum(roles),
    maxUses: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 1 })),
    expiresInDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 90, default: 7 })),
  },
  { additionalProperties: false },
);
export const InvitationMade = Type.Object({
  id: Uuid,
  url: Type.String(),
  token: Type.String(),
  expiresAt: IsoTime,
});
export type InvitationMade = Static<typeof InvitationMade>;

export const Invitation = Type.Object({
  id: Uuid,
  role: Enum(roles),
  createdAt: IsoTime,
  expiresAt: IsoTime,
  maxUses: Type.Integer(),
  uses: Type.Integer(),
  revoked: Type.Boolean(),
});
export type Invitation = Static<typeof Invitation>;
export const InvitationList = Type.Object({ items: Type.Array(Invitation) });

/** What an invitation link is for, before joining. */
export const InvitationPreview = Type.Object({
  community: Type.Object({
    id: Uuid,
    slug: Type.String(),
    name: Type.String(),
    intakeOpen: Type.Boolean(),
    createdAt: IsoTime,
  }),
  role: Enum(roles),
  expiresAt: IsoTime,
});
export type InvitationPreview = Static<typeof InvitationPreview>;

export const AcceptInvitationBody = Type.Optional(
  Type.Union([NewAccountBody, Type.Object({}, { additionalProperties: false })]),
);
export const InvitationAccepted = Type.Object({
  communityId: Uuid,
  role: Enum(roles),
  userId: Uuid,
  csrfToken: Type.Union([Type.String(), Type.Null()]),
});
export type InvitationAccepted = Static<typeof InvitationAccepted>;

/**
 * Accepting signed out, where this installation sends email: the address is sent a link, and
 * the answer is the same whether or not it has an account here.
 */
export const InvitationPending = Type.Object({ status: Type.Literal('check-email') });
export type InvitationPending = Static<typeof InvitationPending>;
export const ConfirmSignupBody = Type.Object(
  { token: Type.String({ minLength: 20, maxLength: 200, pattern: '^[A-Za-z0-9_-]+$' }) },
  { additionalProperties: false },
);

// ---- API tokens ----------------------------------------------------------------------------

export const ApiTokenParams = Type.Object({ communityId: Uuid, tokenId: Uuid });
export const CreateApiTokenBody = Type.Object(
  { name: PlainName(80) },
  { additionalProperties: false },
);
export const ApiTokenMade = Type.Object({ id: Uuid, token: Type.String() });
export type ApiTokenMade = Static<typeof ApiTokenMade>;

export const ApiToken = Type.Object({
  id: Uuid,
  name: Type.String(),
  createdAt: IsoTime,
  lastUsedAt: Type.Union([IsoTime, Type.Null()]),
  revoked: Type.Boolean(),
});
export type ApiToken = Static<typeof ApiToken>;
export const ApiTokenList = Type.Object({ items: Type.Array(ApiToken) });
