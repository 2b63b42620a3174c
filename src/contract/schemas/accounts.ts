// Accounts: setting up the installation, signing in, who is signed in.
import { Type, type Static } from '@sinclair/typebox';
import { roles } from '../vocabulary.ts';
import { Enum, PlainName, IsoTime, Text, Uuid } from './primitives.ts';

export const PASSWORD_MAX = 200;

export const Email = Type.String({ format: 'email', maxLength: 254 });
export const Password = Type.String({ minLength: 1, maxLength: PASSWORD_MAX });
export const NewAccountBody = Type.Object(
  { email: Email, password: Password, displayName: PlainName(100) },
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

// ---- looking after one's own account -------------------------------------------------------

export const ForgotPasswordBody = Type.Object(
  { email: Type.String({ minLength: 1, maxLength: 254 }) },
  { additionalProperties: false },
);
/** A one-time account link's secret, as it appears in the address. */
export const AccountLinkParams = Type.Object({
  token: Type.String({ minLength: 10, maxLength: 200, pattern: '^[A-Za-z0-9_-]+$' }),
});
export const ResetPasswordBody = Type.Object(
  { password: Password },
  { additionalProperties: false },
);
export const ChangePasswordBody = Type.Object(
  { currentPassword: Password, newPassword: Password },
  { additionalProperties: false },
);
export const ChangeEmailBody = Type.Object(
  { password: Password, newEmail: Email },
  { additionalProperties: false },
);

export const SignedOutEverywhere = Type.Object({
  ok: Type.Literal(true),
  sessionsEnded: Type.Integer(),
  tokensRevoked: Type.Integer({
    description:
      'API tokens revoked with the sessions: signing out everywhere ends every way in, tokens included.',
  }),
});

/** A changed password: the other sessions are ended; API tokens keep working. */
export const PasswordChanged = Type.Object({
  ok: Type.Literal(true),
  sessionsEnded: Type.Integer(),
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
