// A person's own data: the JSON copy of it, and erasing their account.
import { Type, type Static } from '@sinclair/typebox';
import { concernStatuses, roles, wantsOptions } from '../vocabulary.ts';
import { Password } from './accounts.ts';
import { Enum, Nullable } from './primitives.ts';

export const MyData = Type.Object({
  exportedAt: Type.String(),
  account: Type.Object({
    id: Type.String(),
    email: Type.String(),
    displayName: Type.String(),
    isOperator: Type.Boolean(),
    createdAt: Type.String(),
  }),
  memberships: Type.Array(
    Type.Object({
      communityId: Type.String(),
      community: Type.String(),
      role: Enum(roles),
      joinedAt: Type.String(),
    }),
  ),
  concernsRaised: Type.Array(
    Type.Object({
      id: Type.String(),
      communityId: Type.String(),
      status: Enum(concernStatuses),
      wants: Enum(wantsOptions),
      createdAt: Type.String(),
      what: Type.String(),
      quotes: Type.Array(Type.String()),
      links: Type.Array(Type.String()),
      impact: Type.String(),
      contact: Nullable(Type.String()),
    }),
  ),
  apiTokens: Type.Array(
    Type.Object({
      name: Type.String(),
      communityId: Type.String(),
      createdAt: Type.String(),
      lastUsedAt: Nullable(Type.String()),
      revokedAt: Nullable(Type.String()),
    }),
  ),
  care: Type.Object({
    profiles: Type.Array(
      Type.Object({
        communityId: Type.String(),
        capacity: Type.Integer(),
        paused: Type.Boolean(),
        languages: Type.Array(Type.String()),
        updatedAt: Type.String(),
      }),
    ),
    logs: Type.Array(
      Type.Object({
        communityId: Type.String(),
        minutes: Type.Integer(),
        drain: Type.Integer(),
        createdAt: Type.String(),
      }),
    ),
  }),
});
export type MyData = Static<typeof MyData>;

export const EraseBody = Type.Object({ password: Password }, { additionalProperties: false });
