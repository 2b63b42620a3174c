// Care for the people doing the work (flow step 9): capacity, pause, private logs, the load.
import { Type, type Static } from '@sinclair/typebox';
import { roles } from '../vocabulary.ts';
import { Enum, IsoTime, Uuid } from './primitives.ts';

export const MyCare = Type.Object({
  capacity: Type.Integer(),
  paused: Type.Boolean(),
  languages: Type.Array(Type.String()),
  load: Type.Integer(),
  available: Type.Boolean(),
});
export type MyCare = Static<typeof MyCare>;

export const UpdateCareBody = Type.Object(
  {
    capacity: Type.Optional(Type.Integer({ minimum: 0, maximum: 50 })),
    paused: Type.Optional(Type.Boolean()),
    languages: Type.Optional(
      Type.Array(Type.String({ minLength: 2, maxLength: 16, pattern: '^[A-Za-z-]+$' }), {
        maxItems: 20,
      }),
    ),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const CareLogBody = Type.Object(
  {
    callInId: Uuid,
    minutes: Type.Integer({ minimum: 0, maximum: 1_440 }),
    drain: Type.Integer({ minimum: 1, maximum: 5 }),
  },
  { additionalProperties: false },
);
export const CareLogged = Type.Object({
  id: Uuid,
  minutes: Type.Integer(),
  drain: Type.Integer(),
  createdAt: IsoTime,
});
export type CareLogged = Static<typeof CareLogged>;

export const CareLog = Type.Object({
  id: Uuid,
  callInId: Type.Union([Uuid, Type.Null()]),
  minutes: Type.Integer(),
  drain: Type.Integer(),
  createdAt: IsoTime,
});
export type CareLog = Static<typeof CareLog>;
export const CareLogList = Type.Object({ items: Type.Array(CareLog) });

/** How the work is spread (organizer). */
export const LoadPicture = Type.Object({
  people: Type.Array(
    Type.Object({
      userId: Uuid,
      name: Type.String(),
      role: Enum(roles),
      open: Type.Integer(),
      capacity: Type.Integer(),
      paused: Type.Boolean(),
      overCapacity: Type.Boolean(),
    }),
  ),
  totalOpen: Type.Integer(),
  busiest: Type.Object({
    people: Type.Integer(),
    share: Type.Number(),
    warning: Type.Boolean(),
  }),
  overCapacity: Type.Array(Uuid),
  checkIns: Type.Array(Type.Object({ userId: Uuid, name: Type.String(), loggedAt: IsoTime })),
  logs: Type.Object({
    entries: Type.Integer(),
    totalMinutes: Type.Integer(),
    averageDrain: Type.Union([Type.Number(), Type.Null()]),
  }),
});
export type LoadPicture = Static<typeof LoadPicture>;
