// Communities: settings, members and their roles, the audit trail, and the case counts.
import { Type, type Static } from '@sinclair/typebox';
import {
  actChannels,
  actorKinds,
  auditActions,
  auditTargetTypes,
  caseOutcomes,
  concernCategories,
  roles,
} from '../vocabulary.ts';
import { Community } from './accounts.ts';
import { Enum, IsoTime, Nullable, PlainName, Uuid } from './primitives.ts';

export const CommunityView = Community;
export const CommunityList = Type.Object({ items: Type.Array(CommunityView) });

export const CreateCommunityBody = Type.Object(
  {
    slug: Type.String({ pattern: '^[a-z0-9](?:[a-z0-9-]{0,48}[a-z0-9])?$' }),
    name: PlainName(120),
  },
  { additionalProperties: false },
);

const Thresholds = Type.Object(
  {
    callInsBeforeWarning: Type.Optional(Type.Integer({ minimum: 1, maximum: 50 })),
    concernsForPattern: Type.Optional(Type.Integer({ minimum: 1, maximum: 50 })),
  },
  { additionalProperties: false },
);
export const SettingsPatch = Type.Object(
  {
    triage: Type.Optional(Thresholds),
    followUpDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 365 })),
    retentionDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 3650 })),
    allowAnonymous: Type.Optional(Type.Boolean()),
    language: Type.Optional(
      Type.Union([Type.Object({}, { additionalProperties: true }), Type.Null()], {
        description:
          'Language checker settings: disable, allow, rules, minSeverity, profanity, identifiers (see docs/language.md).',
      }),
    ),
  },
  { additionalProperties: false },
);
export const CommunitySettings = Type.Object({
  triage: Type.Object({ callInsBeforeWarning: Type.Integer(), concernsForPattern: Type.Integer() }),
  followUpDays: Type.Integer(),
  retentionDays: Type.Integer(),
  allowAnonymous: Type.Boolean(),
  language: Type.Union([Type.Object({}, { additionalProperties: true }), Type.Null()]),
});
export type CommunitySettings = Static<typeof CommunitySettings>;

export const UpdateCommunityBody = Type.Object(
  {
    name: Type.Optional(PlainName(120)),
    intakeOpen: Type.Optional(Type.Boolean()),
    settings: Type.Optional(SettingsPatch),
  },
  { additionalProperties: false, minProperties: 1 },
);
export const CommunityUpdated = Type.Object({
  community: CommunityView,
  settings: CommunitySettings,
});

/** GET /api/communities/:id/settings: the settings and the public form's address. */
export const Settings = Type.Object({
  settings: CommunitySettings,
  intakeId: Type.String(),
  intakeOpen: Type.Boolean(),
  intakeUrl: Type.String(),
});
export type Settings = Static<typeof Settings>;

export const Member = Type.Object({
  userId: Uuid,
  displayName: Type.String(),
  email: Type.String(),
  role: Enum(roles),
  joinedAt: IsoTime,
});
export type Member = Static<typeof Member>;
export const MemberList = Type.Object({ items: Type.Array(Member) });

export const MemberParams = Type.Object({ communityId: Uuid, userId: Uuid });
export const ChangeRoleBody = Type.Object({ role: Enum(roles) }, { additionalProperties: false });

export const AuditQuery = Type.Object(
  { limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })) },
  { additionalProperties: false },
);
export const AuditEntry = Type.Object({
  seq: Type.Integer(),
  action: Enum(auditActions),
  actorKind: Enum(actorKinds),
  actorId: Type.Union([Type.String(), Type.Null()]),
  channel: Nullable(
    Enum(
      actChannels,
      'How the person acted: in the app, with an API token, or through which private link.',
    ),
  ),
  targetType: Enum(auditTargetTypes),
  targetId: Type.Union([Type.String(), Type.Null()]),
  at: IsoTime,
});
export type AuditEntry = Static<typeof AuditEntry>;
export const AuditList = Type.Object({ items: Type.Array(AuditEntry) });

// ---- the case counts ----------------------------------------------------------------------

/** A case whose concern names no kind of behaviour counts under this. */
export const countCategories = [...concernCategories, 'uncategorised'] as const;
export type CountCategory = (typeof countCategories)[number];

/** What a case came to: the call-in's outcome, else the triage decision, else none. */

const Month = (description: string) =>
  Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])$', description });

export const CountsQuery = Type.Object(
  {
    from: Type.Optional(Month('The first month, YYYY-MM (default: 11 months before `to`)')),
    to: Type.Optional(Month('The last month, YYYY-MM (default: this month)')),
  },
  { additionalProperties: false },
);

/** GET /api/communities/:id/counts: cases per month raised, kind of behaviour and outcome. */
export const CaseCounts = Type.Object({
  from: Type.String(),
  to: Type.String(),
  items: Type.Array(
    Type.Object({
      month: Type.String({ description: 'YYYY-MM, the month the concern was raised' }),
      category: Enum(countCategories),
      outcome: Enum(
        caseOutcomes,
        "The call-in's (first) outcome or why it stopped, else the triage decision, else none",
      ),
      count: Type.Integer(),
    }),
    {
      description:
        'Per kind of behaviour: a case naming two kinds counts once under each (with its first outcome)',
    },
  ),
  totals: Type.Array(
    Type.Object({
      month: Type.String(),
      outcome: Enum(caseOutcomes),
      count: Type.Integer(),
    }),
    {
      description:
        'Per month and outcome: a case once under each outcome it came to (cases purged before 2026-11-30 are in `items` only)',
    },
  ),
  cases: Type.Array(Type.Object({ month: Type.String(), count: Type.Integer() }), {
    description:
      'Each case once, per month raised, however many outcomes it had (cases purged before 2026-11-30 are in `items` only)',
  }),
});
export type CaseCounts = Static<typeof CaseCounts>;
