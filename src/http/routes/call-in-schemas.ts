// Schemas shared by the call-in route files. Responses are serialised through these, so a field
// that is not listed here never leaves the server.
import { Type } from '@sinclair/typebox';
import { IsoTime, Uuid } from '../schemas.ts';

export const NullableString = Type.Union([Type.String(), Type.Null()]);
export const CallInParams = Type.Object({ communityId: Uuid, callInId: Uuid });
export const TokenParams = Type.Object({
  token: Type.String({ minLength: 20, maxLength: 100, pattern: '^[A-Za-z0-9_-]+$' }),
});
export const Empty = Type.Object({}, { additionalProperties: false });
export const GuideStep = Type.Object({ title: Type.String(), text: Type.String() });
export const Conditions = Type.Object(
  {
    mayMentionMe: Type.Boolean({
      description: 'You may mention me (who was harmed, who raised it).',
    }),
    mayShareQuotes: Type.Boolean({ description: 'You may share the quote.' }),
    note: Type.String({ maxLength: 2_000 }),
  },
  { additionalProperties: false },
);
export const Handoff = Type.Object({
  id: Uuid,
  concernId: Uuid,
  status: Type.String(),
  callerUserId: Type.Union([Uuid, Type.Null()]),
  consentMode: Type.String(),
  consentStatus: Type.String(),
  language: NullableString,
});
export const StatusResult = Type.Object({ id: Uuid, status: Type.String() });
export const ConsentResult = Type.Object({
  callInId: Uuid,
  consentStatus: Type.String(),
  status: Type.String(),
});
export const Created = { createdAt: IsoTime };
