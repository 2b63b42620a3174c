import { Type, type Static } from '@sinclair/typebox';
import {
  concernStatuses,
  describeIntake,
  followConcern,
  listInbox,
  raiseConcern,
  readConcern,
  type RaiseConcernInput,
} from '../../domain/intake/concerns.ts';
import { concernCategories, harmedOptions, wantsOptions } from '../../domain/triage/triage.ts';
import { keptBodies } from '../kept-bodies.ts';
import { CommunityParams, ConcernParams, Enum, IsoTime, Text, Uuid } from '../schemas.ts';
import { open, signedIn, strictLimit, type RouteRegistrar } from './types.ts';

export const RaiseConcernBody = Type.Object(
  {
    what: Text(10_000),
    quotes: Type.Optional(Type.Array(Text(2_000), { maxItems: 10 })),
    links: Type.Optional(
      Type.Array(Type.String({ maxLength: 2_000, pattern: '^https?://\\S+$' }), { maxItems: 10 }),
    ),
    impact: Type.Optional(Type.String({ maxLength: 5_000 })),
    harmed: Enum(harmedOptions, 'Whom it hurt: me, someone else, a group, or unknown.'),
    harmedName: Type.Optional(Type.String({ maxLength: 200 })),
    about: Type.Object(
      { userId: Type.Optional(Uuid), name: Type.Optional(Type.String({ maxLength: 200 })) },
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
  },
  { additionalProperties: false },
);

export function toRaiseInput(b: Static<typeof RaiseConcernBody>): RaiseConcernInput {
  return {
    what: b.what,
    quotes: b.quotes ?? [],
    links: b.links ?? [],
    impact: b.impact ?? '',
    harmed: b.harmed,
    harmedName: b.harmedName ?? null,
    about: { userId: b.about.userId ?? null, name: b.about.name ?? null },
    wants: b.wants,
    urgent: b.urgent ?? false,
    categories: b.categories ?? [],
    anonymous: b.anonymous ?? false,
    contact: b.contact ?? null,
  };
}

export const Raised = Type.Object({
  id: Uuid,
  status: Type.String(),
  createdAt: IsoTime,
  followUrl: Type.String(),
  followToken: Type.String(),
});

const InboxItem = Type.Object({
  id: Uuid,
  status: Type.String(),
  urgent: Type.Boolean(),
  categories: Type.Array(Type.String()),
  harmed: Type.String(),
  wants: Type.String(),
  anonymous: Type.Boolean(),
  source: Type.String(),
  createdAt: IsoTime,
  updatedAt: IsoTime,
});

const NullableString = Type.Union([Type.String(), Type.Null()]);
const ConcernDetail = Type.Object({
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

export const concernRoutes: RouteRegistrar = (app, ctx) => {
  const tx = ctx.store.transaction.bind(ctx.store);
  const { repos } = ctx.store;
  const deps = { clock: ctx.clock, cipher: ctx.cipher };
  const followUrl = (token: string) => `${ctx.config.publicUrl}/follow/${token}`;
  const sendInbox = keptBodies();

  app.post(
    '/communities/:communityId/concerns',
    {
      schema: {
        tags: ['concerns'],
        summary: 'Raise a concern as a signed-in member',
        security: signedIn,
        params: CommunityParams,
        body: RaiseConcernBody,
        response: { 201: Raised },
      },
    },
    async (request, reply) => {
      const source = request.actor.kind === 'token' ? 'api' : 'web';
      const r = await raiseConcern(
        tx,
        deps,
        request.actor,
        { communityId: request.params.communityId },
        toRaiseInput(request.body),
        source,
      );
      return reply.code(201).send({
        id: r.id,
        status: r.status,
        createdAt: r.createdAt,
        followToken: r.followToken,
        followUrl: followUrl(r.followToken),
      });
    },
  );

  app.get(
    '/communities/:communityId/concerns',
    {
      schema: {
        tags: ['concerns'],
        summary: 'The organizer inbox, newest first',
        security: signedIn,
        params: CommunityParams,
        querystring: Type.Object(
          {
            status: Type.Optional(Enum(concernStatuses)),
            cursor: Type.Optional(Type.String({ maxLength: 200 })),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 25 })),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ items: Type.Array(InboxItem), nextCursor: NullableString }),
        },
      },
    },
    async (request, reply) => {
      const page = await listInbox(repos, request.actor, request.params.communityId, {
        status: request.query.status,
        cursor: request.query.cursor,
        limit: request.query.limit ?? 25,
      });
      return sendInbox(reply, page);
    },
  );

  app.get(
    '/communities/:communityId/concerns/:concernId',
    {
      schema: {
        tags: ['concerns'],
        summary: 'One concern in full (organizer)',
        security: signedIn,
        params: ConcernParams,
        response: { 200: ConcernDetail },
      },
    },
    async (request) =>
      readConcern(
        repos,
        ctx.cipher,
        request.actor,
        request.params.communityId,
        request.params.concernId,
      ),
  );

  // ---- without an account --------------------------------------------------------------

  app.get(
    '/public/intake/:intakeId',
    {
      schema: {
        tags: ['public'],
        summary: 'What the public form for raising a concern needs to show',
        security: open,
        params: Type.Object({
          intakeId: Type.String({ minLength: 8, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' }),
        }),
        response: {
          200: Type.Object({ community: Type.String(), allowAnonymous: Type.Boolean() }),
        },
      },
    },
    async (request) => describeIntake(repos, request.params.intakeId),
  );

  app.post(
    '/public/intake/:intakeId/concerns',
    {
      bodyLimit: 32_768,
      config: strictLimit(ctx.config.publicFormRateLimit),
      schema: {
        tags: ['public'],
        summary: 'Raise a concern through the public form, with no account',
        security: open,
        params: Type.Object({
          intakeId: Type.String({ minLength: 8, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' }),
        }),
        body: RaiseConcernBody,
        response: { 201: Raised },
      },
    },
    async (request, reply) => {
      const r = await raiseConcern(
        tx,
        deps,
        request.actor,
        { intakeId: request.params.intakeId },
        toRaiseInput(request.body),
        'public-form',
      );
      return reply.code(201).send({
        id: r.id,
        status: r.status,
        createdAt: r.createdAt,
        followToken: r.followToken,
        followUrl: followUrl(r.followToken),
      });
    },
  );

  app.get(
    '/follow/:token',
    {
      config: strictLimit(ctx.config.publicFormRateLimit * 6),
      schema: {
        tags: ['public'],
        summary: "The reporter's private view of their concern",
        security: open,
        params: Type.Object({
          token: Type.String({ minLength: 20, maxLength: 100, pattern: '^[A-Za-z0-9_-]+$' }),
        }),
        response: {
          200: Type.Object({
            community: Type.String(),
            status: Type.String(),
            statusText: Type.String(),
            wants: Type.String(),
            anonymous: Type.Boolean(),
            what: Type.String(),
            createdAt: IsoTime,
            updatedAt: IsoTime,
          }),
        },
      },
    },
    async (request) => followConcern(repos, ctx.cipher, request.params.token),
  );
};
