import { Type } from '@sinclair/typebox';
import {
  listMyCareLogs,
  loadPicture,
  logCare,
  readMyCare,
  updateMyCare,
} from '../../domain/care/capacity.ts';
import { IsoTime, Uuid } from '../schemas.ts';
import { signedIn, type RouteRegistrar } from './types.ts';

const Community = Type.Object({ communityId: Uuid });
const MyCare = Type.Object({
  capacity: Type.Integer(),
  paused: Type.Boolean(),
  languages: Type.Array(Type.String()),
  load: Type.Integer(),
  available: Type.Boolean(),
});
const LogEntry = Type.Object({
  id: Uuid,
  callInId: Type.Union([Uuid, Type.Null()]),
  minutes: Type.Integer(),
  drain: Type.Integer(),
  createdAt: IsoTime,
});
const tags = ['care'];

export const careRoutes: RouteRegistrar = (app, ctx) => {
  const tx = ctx.store.transaction.bind(ctx.store);
  const { repos } = ctx.store;
  const deps = { clock: ctx.clock, cipher: ctx.cipher, publicUrl: ctx.config.publicUrl };

  app.get(
    '/communities/:communityId/care/me',
    {
      schema: {
        tags,
        summary: 'Your capacity, pause and current load',
        security: signedIn,
        params: Community,
        response: { 200: MyCare },
      },
    },
    async (request) => readMyCare(repos, request.actor, request.params.communityId),
  );

  app.patch(
    '/communities/:communityId/care/me',
    {
      schema: {
        tags,
        summary: 'Set how many open call-ins you can hold, pause, or your languages',
        security: signedIn,
        params: Community,
        body: Type.Object(
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
        ),
        response: { 200: MyCare },
      },
    },
    async (request) =>
      updateMyCare(tx, deps, request.actor, request.params.communityId, request.body),
  );

  app.post(
    '/communities/:communityId/care/logs',
    {
      schema: {
        tags,
        summary: 'Privately log time and how draining a conversation was (1-5)',
        security: signedIn,
        params: Community,
        body: Type.Object(
          {
            callInId: Uuid,
            minutes: Type.Integer({ minimum: 0, maximum: 1_440 }),
            drain: Type.Integer({ minimum: 1, maximum: 5 }),
          },
          { additionalProperties: false },
        ),
        response: {
          201: Type.Object({
            id: Uuid,
            minutes: Type.Integer(),
            drain: Type.Integer(),
            createdAt: IsoTime,
          }),
        },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await logCare(tx, deps, request.actor, request.params.communityId, request.body)),
  );

  app.get(
    '/communities/:communityId/care/logs',
    {
      schema: {
        tags,
        summary: 'Your own log entries (only you see them)',
        security: signedIn,
        params: Community,
        response: { 200: Type.Object({ items: Type.Array(LogEntry) }) },
      },
    },
    async (request) => ({
      items: await listMyCareLogs(repos, request.actor, request.params.communityId),
    }),
  );

  app.get(
    '/communities/:communityId/care/load',
    {
      schema: {
        tags,
        summary:
          'How the work is spread: open work per person, the busiest share, over capacity, check-ins (organizer)',
        security: signedIn,
        params: Community,
        response: {
          200: Type.Object({
            people: Type.Array(
              Type.Object({
                userId: Uuid,
                name: Type.String(),
                role: Type.String(),
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
            checkIns: Type.Array(
              Type.Object({ userId: Uuid, name: Type.String(), loggedAt: IsoTime }),
            ),
            logs: Type.Object({
              entries: Type.Integer(),
              totalMinutes: Type.Integer(),
              averageDrain: Type.Union([Type.Number(), Type.Null()]),
            }),
          }),
        },
      },
    },
    async (request) => loadPicture(repos, deps, request.actor, request.params.communityId),
  );
};
