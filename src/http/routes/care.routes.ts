import {
  CareLogBody,
  CareLogged,
  CareLogList,
  CommunityParams,
  LoadPicture,
  MyCare,
  UpdateCareBody,
} from '../../contract/index.ts';
import {
  listMyCareLogs,
  loadPicture,
  logCare,
  readMyCare,
  updateMyCare,
} from '../../domain/care/capacity.ts';
import { signedIn, type RouteRegistrar } from './types.ts';

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
        params: CommunityParams,
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
        params: CommunityParams,
        body: UpdateCareBody,
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
        params: CommunityParams,
        body: CareLogBody,
        response: { 201: CareLogged },
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
        params: CommunityParams,
        response: { 200: CareLogList },
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
        params: CommunityParams,
        response: { 200: LoadPicture },
      },
    },
    async (request) => loadPicture(repos, deps, request.actor, request.params.communityId),
  );
};
