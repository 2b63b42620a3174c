// Accounts: setting up the installation, signing in, who is signed in.
import { Type, type Static } from '@sinclair/typebox';
import { roles } from '../vocabulary.ts';
import { Enum, IsoTime, Text, Uuid } from './primitives.ts';

export const PASSWORD_MAX = 200;

export const Email = Type.String({ format: 'email', maxLength: 254 });
export const Password = Type.String({ minLength: 1, maxLength: PASSWORD_MAX });
export const NewAccountBody = Type.Object(
  { email: Email, password: Password, displayName: Text(100) },
  { additionalProperties: false },
);
export type NewAccountBody = Static<typeof NewAccountBody>;
export const SetupBody = Type.Object(
  { token: Text(200), ...NewAccountBody.properties },
  { additionalProperties: false },
);
export const SetupDone = Type.Object({ userId: Uuid });
export type SetupDone = Static<typeof SetupDone>;

export const SignInBody = Type.Object(
  { email: Type.String({ minLength: 1, maxLength: 254 }), password: Password },
  { additionalProperties: false },
);
export const SignedIn = Type.Object({ userId: Uuid, csrfToken: Type.String() });
export type SignedIn = Static<typeof SignedIn>;

export const SignedOutEverywhere = Type.Object({
  ok: Type.Literal(true),
  sessionsEnded: Type.Integer(),
  tokensRevoked: Type.Integer({
    description:
      'API tokens revoked with the sessions: signing out everywhere ends every way in, tokens included.',
  }),
});

/** A community as one person sees it, with their role there (null: none, e.g. the operator). */
export const Community = Type.Object({
  id: Uuid,
  slug: Type.String(),
  name: Type.String(),
  intakeOpen: Type.Boolean(),
  createdAt: IsoTime,
  role: Type.Union([Enum(roles), Type.Null()]),
});
export type Community = Static<typeof Community>;

export const Me = Type.Object({
  user: Type.Object({
    id: Uuid,
    email: Type.String(),
    displayName: Type.String(),
    isOperator: Type.Boolean(),
  }),
  csrfToken: Type.String(),
  communities: Type.Array(
    Type.Object({
      id: Uuid,
      slug: Type.String(),
      name: Type.String(),
      role: Enum(roles),
      intakeOpen: Type.Boolean(),
      createdAt: Type.String(),
    }),
  ),
});
export type Me = Static<typeof Me>;

export const signInMethods = ['session', 'token'] as const;
export const WhoAmI = Type.Object({
  userId: Uuid,
  via: Enum(signInMethods),
  communityId: Type.Union([Uuid, Type.Null()]),
});
export type WhoAmI = Static<typeof WhoAmI>;
