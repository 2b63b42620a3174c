// Concerns (flow step 1): raising one (signed in or through the public form), the organizer
// inbox, one concern in full, and the reporter's private follow link.
import { Type, type Static } from '@sinclair/typebox';
import {
  caseStages,
  concernCategories,
  concernSources,
  concernStatuses,
  harmedOptions,
  wantsOptions,
} from '../vocabulary.ts';
import { Enum, PlainName, IsoTime, NullableString, Text, Uuid } from './primitives.ts';

export const RaiseConcernBody = Type.Object(
  {
    what: Text(10_000),
    quotes: Type.Optional(Type.Array(Text(2_000), { maxItems: 10 })),
    links: Type.Optional(
      Type.Array(Type.String({ maxLength: 2_000, pattern: '^https?://\\S+$' }), { maxItems: 10 }),
    ),
    impact: Type.Optional(Type.String({ maxLength: 5_000 })),
    harmed: Enum(harmedOptions, 'Whom it hurt: me, someone else, a group, or unknown.'),
    harmedName: Type.Optional(PlainName(200, 0)),
    about: Type.Object(
      { userId: Type.Optional(Uuid), name: Type.Optional(PlainName(200, 0)) },
      {
        additionalProperties: false,
        description: 'Who it is about: a member of the community, or a name or handle.',
      },
    ),
    wants: Enum(
      wantsOptions,
      'self: I will call them in myself; ally: please find an ally; organizers: let the organizers decide; record: just keep a record.',
    ),
    urgent: Type.Optional(Type.Boolean({ default: false })),
    categories: Type.Optional(
      Type.Array(Enum(concernCategories), {
        maxItems: concernCategories.length,
        uniqueItems: true,
      }),
    ),
    anonymous: Type.Optional(Type.Boolean({ default: false })),
    contact: Type.Optional(Type.String({ maxLength: 254 })),
    subject: Type.Optional(PlainName(120, 0)),
    exclude: Type.Optional(
      Type.Array(Uuid, {
        maxItems: 20,
        uniqueItems: true,
        description:
          'Organizers or allies of this community who should not see or handle this concern.',
      }),
    ),
  },
  { additionalProperties: false },
);
export type RaiseConcernBody = Static<typeof RaiseConcernBody>;

export const Raised = Type.Object({
  id: Uuid,
  status: Enum(concernStatuses),
  createdAt: IsoTime,
  followUrl: Type.String(),
  followToken: Type.String(),
});
export type Raised = Static<typeof Raised>;

export const InboxQuery = Type.Object(
  {
    status: Type.Optional(Enum(concernStatuses)),
    cursor: Type.Optional(Type.String({ maxLength: 200 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 25 })),
  },
  { additionalProperties: false },
);

/** A concern in the organizer inbox: metadata only, nothing decrypted. */
export const InboxItem = Type.Object({
  id: Uuid,
  status: Enum(concernStatuses),
  stage: Enum(caseStages, 'Where the case stands, its latest call-in included'),
  stageLabel: Type.String({ description: 'The stage in words, as every page says it' }),
  urgent: Type.Boolean(),
  categories: Type.Array(Enum(concernCategories)),
  harmed: Enum(harmedOptions),
  wants: Enum(wantsOptions),
  anonymous: Type.Boolean(),
  source: Enum(concernSources),
  subject: Type.Union([Type.String(), Type.Null()], {
    description: 'A one-line subject, the reporter’s or an organizer’s; null when none was given',
  }),
  createdAt: IsoTime,
  updatedAt: IsoTime,
});
export type InboxItem = Static<typeof InboxItem>;

/** An organizer sets or edits the one-line subject (empty clears it). */
export const SubjectBody = Type.Object(
  { subject: PlainName(120, 0) },
  { additionalProperties: false },
);
export const SubjectSet = Type.Object({ id: Uuid, subject: NullableString });
export type SubjectSet = Static<typeof SubjectSet>;

export const InboxPage = Type.Object({ items: Type.Array(InboxItem), nextCursor: NullableString });
export type InboxPage = Static<typeof InboxPage>;

export const ConcernDetail = Type.Object({
  ...InboxItem.properties,
  what: Type.String(),
  quotes: Type.Array(Type.String()),
  links: Type.Array(Type.String()),
  impact: Type.String(),
  harmedName: NullableString,
  about: Type.Object({ userId: Type.Union([Uuid, Type.Null()]), name: NullableString }),
  reporter: Type.Union([Type.Object({ userId: Uuid, name: Type.String() }), Type.Null()]),
  contact: NullableString,
});
export type ConcernDetail = Static<typeof ConcernDetail>;

// ---- without an account --------------------------------------------------------------

export const IntakeParams = Type.Object({
  intakeId: Type.String({ minLength: 8, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' }),
});
/** What the public form for raising a concern needs to show. */
/** A member a concern may be about, as the member search shows them: display name only. */
export const MemberMatch = Type.Object({ userId: Uuid, displayName: Type.String() });
export type MemberMatch = Static<typeof MemberMatch>;
export const MemberMatches = Type.Object({ items: Type.Array(MemberMatch, { maxItems: 5 }) });
export type MemberMatches = Static<typeof MemberMatches>;
export const MemberSearchQuery = Type.Object(
  { q: Type.Optional(Type.String({ maxLength: 100 })) },
  { additionalProperties: false },
);

/** An organizer links the person a concern is about to a member (DELETE unlinks). */
export const LinkSubjectBody = Type.Object({ userId: Uuid }, { additionalProperties: false });
export const SubjectLinked = Type.Object({
  concernId: Uuid,
  about: Type.Object({ userId: Type.Union([Uuid, Type.Null()]), linkedAt: IsoTime }),
});
export type SubjectLinked = Static<typeof SubjectLinked>;

/** Someone who handles concerns here, as a reporter may choose to exclude them (rule 9). */
export const StaffPerson = Type.Object({ userId: Uuid, name: Type.String() });
export const IntakeView = Type.Object({
  community: Type.String(),
  allowAnonymous: Type.Boolean(),
  /** The organizers and allies, by display name only, for "Anyone who should not see this?". */
  staff: Type.Array(StaffPerson),
});
export type IntakeView = Static<typeof IntakeView>;

export const FollowParams = Type.Object({
  token: Type.String({ minLength: 20, maxLength: 100, pattern: '^[A-Za-z0-9_-]+$' }),
});
/** The reporter's private view of their concern. */
export const FollowView = Type.Object({
  community: Type.String(),
  /** Said plainly when nobody is left to handle it (every organizer has a conflict). */
  notice: NullableString,
  status: Enum(concernStatuses),
  stage: Enum(caseStages, 'Where the case stands, its latest call-in included'),
  stageLabel: Type.String({ description: 'The stage in a few words' }),
  statusText: Type.String({ description: 'The stage in words for the person who raised it' }),
  wants: Enum(wantsOptions),
  anonymous: Type.Boolean(),
  what: Type.String(),
  consentQuestion: Type.Boolean({
    description:
      'You were the one harmed and a caller asked for your consent: read and answer it through this same link (GET /api/public/consent/{token}).',
  }),
  createdAt: IsoTime,
  updatedAt: IsoTime,
});
export type FollowView = Static<typeof FollowView>;

/** A concern I raised under my name. */
export const MyConcern = Type.Object({
  id: Uuid,
  communityId: Uuid,
  status: Enum(concernStatuses),
  stage: Enum(caseStages),
  stageLabel: Type.String(),
  statusText: Type.String(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
export type MyConcern = Static<typeof MyConcern>;
export const MyConcernList = Type.Object({ items: Type.Array(MyConcern) });

/** The organizers and allies of a community (rule 9: whom a reporter may exclude). */
export const StaffList = Type.Object({
  items: Type.Array(
    Type.Object({
      userId: Uuid,
      name: Type.String(),
      role: Type.Union([Type.Literal('organizer'), Type.Literal('ally')]),
    }),
  ),
});
export type StaffList = Static<typeof StaffList>;

/** An organizer stepped back from a concern (rule 9). */
export const ConflictDeclared = Type.Object({ concernId: Uuid, declaredAt: IsoTime });
export type ConflictDeclared = Static<typeof ConflictDeclared>;
