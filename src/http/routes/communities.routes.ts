import { Type } from '@sinclair/typebox';
import {
  createCommunity,
  changeRole,
  presentCommunity,
  updateCommunity,
} from '../../domain/accounts/communities.ts';
import {
  listCommunities,
  listCommunityAudit,
  listMembers,
  readSettings,
  viewCommunity,
} from '../../domain/accounts/community-queries.ts';
import { listCaseCounts } from '../../domain/outcomes/case-counts.ts';
import { CommunityParams, Enum, IsoTime, Ok, Text, Uuid } from '../schemas.ts';
import { signedIn, type RouteRegistrar } from './types.ts';

const Role = Enum(['organizer', 'ally', 'member'] as const);
const CommunityView = Type.Object({
  id: Uuid,
  slug: Type.String(),
  name: Type.String(),
  intakeOpen: Type.Boolean(),
  createdAt: IsoTime,
  role: Type.Union([Type.String(), Type.Null()]),
});
const Thresholds = Type.Object(
  {
    callInsBeforeWarning: Type.Optional(Type.Integer({ minimum: 1, maximum: 50 })),
    concernsForPattern: Type.Optional(Type.Integer({ minimum: 1, maximum: 50 })),
  },
  { additionalProperties: false },
);
const SettingsPatch = Type.Object(
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
const Settings = Type.Object({
  triage: Type.Object({ callInsBeforeWarning: Type.Integer(), concernsForPattern: Type.Integer() }),
  followUpDays: Type.Integer(),
  retentionDays: Type.Integer(),
  allowAnonymous: Type.Boolean(),
  language: Type.Union([Type.Object({}, { additionalProperties: true }), Type.Null()]),
});
const MemberParams = Type.Object({ communityId: Uuid, userId: Uuid });

const Month = (description: string) =>
  Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])$', description });

export const communityRoutes: RouteRegistrar = (app, ctx) => {
  const tx = ctx.store.transaction.bind(ctx.store);
  const { repos } = ctx.store;

  app.get(
    '/communities',
    {
      schema: {
        tags: ['communities'],
        summary: 'Communities I belong to (every community, for the operator)',
        security: signedIn,
        response: { 200: Type.Object({ items: Type.Array(CommunityView) }) },
      },
    },
    async (request) => ({ items: await listCommunities(repos, request.actor) }),
  );

  app.post(
    '/communities',
    {
      schema: {
        tags: ['communities'],
        summary: 'Create a community (operator)',
        security: signedIn,
        body: Type.Object(
          {
            slug: Type.String({ pattern: '^[a-z0-9](?:[a-z0-9-]{0,48}[a-z0-9])?$' }),
            name: Text(120),
          },
          { additionalProperties: false },
        ),
        response: { 201: CommunityView },
      },
    },
    async (request, reply) => {
      const c = await createCommunity(tx, ctx.clock, request.actor, request.body);
      return reply.code(201).send({ ...presentCommunity(c), role: null });
    },
  );

  app.get(
    '/communities/:communityId',
    {
      schema: {
        tags: ['communities'],
        summary: 'One community',
        security: signedIn,
        params: CommunityParams,
        response: { 200: CommunityView },
      },
    },
    async (request) => viewCommunity(repos, request.actor, request.params.communityId),
  );

  app.patch(
    '/communities/:communityId',
    {
      schema: {
        tags: ['communities'],
        summary:
          'Rename (operator or organizer), open or close the public form, change settings (organizer)',
        security: signedIn,
        params: CommunityParams,
        body: Type.Object(
          {
            name: Type.Optional(Text(120)),
            intakeOpen: Type.Optional(Type.Boolean()),
            settings: Type.Optional(SettingsPatch),
          },
          { additionalProperties: false, minProperties: 1 },
        ),
        response: { 200: Type.Object({ community: CommunityView, settings: Settings }) },
      },
    },
    async (request) => {
      const { community, settings } = await updateCommunity(
        tx,
        ctx.clock,
        request.actor,
        request.params.communityId,
        request.body,
      );
      const role =
        request.actor.kind === 'user' || request.actor.kind === 'token'
          ? ((await repos.memberships.find(community.id, request.actor.userId))?.role ?? null)
          : null;
      return { community: { ...presentCommunity(community), role }, settings };
    },
  );

  app.get(
    '/communities/:communityId/settings',
    {
      schema: {
        tags: ['communities'],
        summary: 'Settings and the public form address (organizer)',
        security: signedIn,
        params: CommunityParams,
        response: {
          200: Type.Object({
            settings: Settings,
            intakeId: Type.String(),
            intakeOpen: Type.Boolean(),
            intakeUrl: Type.String(),
          }),
        },
      },
    },
    async (request) => {
      const s = await readSettings(repos, request.actor, request.params.communityId);
      return { ...s, intakeUrl: `${ctx.config.publicUrl}/raise/${s.intakeId}` };
    },
  );

  app.get(
    '/communities/:communityId/members',
    {
      schema: {
        tags: ['members'],
        summary: 'Members and their roles (organizer)',
        security: signedIn,
        params: CommunityParams,
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                userId: Uuid,
                displayName: Type.String(),
                email: Type.String(),
                role: Type.String(),
                joinedAt: IsoTime,
              }),
            ),
          }),
        },
      },
    },
    async (request) => ({
      items: await listMembers(repos, request.actor, request.params.communityId),
    }),
  );

  app.patch(
    '/communities/:communityId/members/:userId',
    {
      schema: {
        tags: ['members'],
        summary: "Change a member's role (organizer)",
        security: signedIn,
        params: MemberParams,
        body: Type.Object({ role: Role }, { additionalProperties: false }),
        response: { 200: Ok },
      },
    },
    async (request) => {
      await changeRole(
        tx,
        ctx.clock,
        request.actor,
        request.params.communityId,
        request.params.userId,
        request.body.role,
      );
      return { ok: true as const };
    },
  );

  app.delete(
    '/communities/:communityId/members/:userId',
    {
      schema: {
        tags: ['members'],
        summary: 'Remove someone from the community (organizer)',
        security: signedIn,
        params: MemberParams,
        response: { 200: Ok },
      },
    },
    async (request) => {
      await changeRole(
        tx,
        ctx.clock,
        request.actor,
        request.params.communityId,
        request.params.userId,
        null,
      );
      return { ok: true as const };
    },
  );

  app.get(
    '/communities/:communityId/audit',
    {
      schema: {
        tags: ['audit'],
        summary: "This community's audit entries, newest first (organizer)",
        security: signedIn,
        params: CommunityParams,
        querystring: Type.Object(
          { limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })) },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                seq: Type.Integer(),
                action: Type.String(),
                actorKind: Type.String(),
                actorId: Type.Union([Type.String(), Type.Null()]),
                targetType: Type.String(),
                targetId: Type.Union([Type.String(), Type.Null()]),
                at: IsoTime,
              }),
            ),
          }),
        },
      },
    },
    async (request) => ({
      items: await listCommunityAudit(
        repos,
        request.actor,
        request.params.communityId,
        request.query.limit ?? 100,
      ),
    }),
  );

  app.get(
    '/communities/:communityId/counts',
    {
      schema: {
        tags: ['reports'],
        summary:
          'Cases counted per month raised, kind of behaviour and outcome: live ones and the anonymous counts kept after a purge (organizer)',
        security: signedIn,
        params: CommunityParams,
        querystring: Type.Object(
          {
            from: Type.Optional(Month('The first month, YYYY-MM (default: 11 months before `to`)')),
            to: Type.Optional(Month('The last month, YYYY-MM (default: this month)')),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            from: Type.String(),
            to: Type.String(),
            items: Type.Array(
              Type.Object({
                month: Type.String({ description: 'YYYY-MM, the month the concern was raised' }),
                category: Type.String(),
                outcome: Type.String({
                  description: "The call-in's outcome, else the triage decision, else none",
                }),
                count: Type.Integer(),
              }),
              {
                description:
                  'Per kind of behaviour: a case naming two kinds counts once under each',
              },
            ),
            totals: Type.Array(
              Type.Object({
                month: Type.String(),
                outcome: Type.String(),
                count: Type.Integer(),
              }),
              {
                description:
                  'Each case once, per month and outcome (cases purged before 2026-11-30 are in `items` only)',
              },
            ),
          }),
        },
      },
    },
    async (request) =>
      listCaseCounts(repos, ctx.clock, request.actor, request.params.communityId, request.query),
  );
};
