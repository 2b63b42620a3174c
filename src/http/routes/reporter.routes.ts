// The conversation with the reporter, and the identity-free "email me when something changes"
// (issue 10). Organizers ask from the concern page; the reporter answers or adds information
// from their follow link (no account) or, signed in, from "My concerns".
import {
  AskReporterBody,
  ConcernParams,
  ConcernThread,
  FollowAlertBody,
  FollowAlertState,
  FollowParams,
  MyConcernParams,
  ReporterMessageBody,
  ReporterMessageSent,
  ReporterThread,
} from '../../contract/index.ts';
import { removeFollowAlert, setFollowAlert } from '../../domain/intake/follow-alerts.ts';
import {
  askReporter,
  postReporterMessage,
  readConcernThread,
  readReporterThread,
} from '../../domain/intake/reporter-thread.ts';
import { open, signedIn, strictLimit, type RouteRegistrar } from './types.ts';

export const reporterRoutes: RouteRegistrar = (app, ctx) => {
  const tx = ctx.store.transaction.bind(ctx.store);
  const { repos } = ctx.store;
  const deps = { clock: ctx.clock, cipher: ctx.cipher, publicUrl: ctx.config.publicUrl };
  const limit = strictLimit(ctx.config.publicFormRateLimit * 6);
  const base = '/communities/:communityId/concerns/:concernId';

  // ---- the organizers' side ------------------------------------------------------------

  app.get(
    `${base}/messages`,
    {
      schema: {
        tags: ['concerns'],
        summary: 'The conversation with the reporter, in order, with who wrote what (organizer)',
        security: signedIn,
        params: ConcernParams,
        response: { 200: ConcernThread },
      },
    },
    async (request) =>
      readConcernThread(
        repos,
        ctx.cipher,
        request.actor,
        request.params.communityId,
        request.params.concernId,
      ),
  );

  app.post(
    `${base}/questions`,
    {
      config: { quota: 'messages' },
      schema: {
        tags: ['concerns'],
        summary: 'Ask the reporter a question (organizer who may handle the case)',
        security: signedIn,
        params: ConcernParams,
        body: AskReporterBody,
        response: { 201: ReporterMessageSent },
      },
    },
    async (request, reply) => {
      const r = await askReporter(
        tx,
        deps,
        request.actor,
        request.params.communityId,
        request.params.concernId,
        request.body.text,
      );
      return reply.code(201).send(r);
    },
  );

  // ---- the reporter, signed in -----------------------------------------------------------

  app.get(
    '/me/concerns/:concernId/messages',
    {
      schema: {
        tags: ['concerns'],
        summary: 'The conversation about a concern I raised under my name',
        security: signedIn,
        params: MyConcernParams,
        response: { 200: ReporterThread },
      },
    },
    async (request) =>
      readReporterThread(repos, ctx.cipher, {
        actor: request.actor,
        concernId: request.params.concernId,
      }),
  );

  app.post(
    '/me/concerns/:concernId/messages',
    {
      config: { quota: 'messages' },
      schema: {
        tags: ['concerns'],
        summary: 'Answer the organizers, or add information, on a concern I raised',
        security: signedIn,
        params: MyConcernParams,
        body: ReporterMessageBody,
        response: { 201: ReporterMessageSent },
      },
    },
    async (request, reply) => {
      const r = await postReporterMessage(
        tx,
        deps,
        { actor: request.actor, concernId: request.params.concernId },
        { text: request.body.text, questionId: request.body.questionId ?? null },
      );
      return reply.code(201).send(r);
    },
  );

  // ---- the reporter, through the private follow link -------------------------------------

  app.get(
    '/follow/:token/messages',
    {
      config: limit,
      schema: {
        tags: ['public'],
        summary: 'The conversation with the organizers, through the private follow link',
        security: open,
        params: FollowParams,
        response: { 200: ReporterThread },
      },
    },
    async (request) => readReporterThread(repos, ctx.cipher, { token: request.params.token }),
  );

  app.post(
    '/follow/:token/messages',
    {
      config: strictLimit(ctx.config.publicFormRateLimit),
      schema: {
        tags: ['public'],
        summary: 'Answer a question, or add information, through the private follow link',
        security: open,
        params: FollowParams,
        body: ReporterMessageBody,
        response: { 201: ReporterMessageSent },
      },
    },
    async (request, reply) => {
      const r = await postReporterMessage(
        tx,
        deps,
        { token: request.params.token },
        { text: request.body.text, questionId: request.body.questionId ?? null },
      );
      return reply.code(201).send(r);
    },
  );

  app.put(
    '/follow/:token/alert',
    {
      config: strictLimit(ctx.config.publicFormRateLimit),
      schema: {
        tags: ['public'],
        summary: 'Leave an address only to hear that something changed (never shown to anyone)',
        security: open,
        params: FollowParams,
        body: FollowAlertBody,
        response: { 200: FollowAlertState },
      },
    },
    async (request) => setFollowAlert(tx, deps, request.params.token, request.body.email),
  );

  app.delete(
    '/follow/:token/alert',
    {
      config: strictLimit(ctx.config.publicFormRateLimit),
      schema: {
        tags: ['public'],
        summary: 'Remove the address left for "something changed" emails',
        security: open,
        params: FollowParams,
        response: { 200: FollowAlertState },
      },
    },
    async (request) => removeFollowAlert(tx, deps, request.params.token),
  );
};
