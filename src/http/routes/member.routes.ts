// What the person being called in can reach: the private link (no account), or their account.
// Every response here is free of the reporter's and the harmed person's identity (rule 3).
import {
  CoachResult,
  MemberView,
  MyCallInList,
  MyCallInParams,
  ReplyCoachBody,
  RespondBody,
  Responded,
  TokenParams,
} from '../../contract/index.ts';
import {
  listMyCallIns,
  coachMemberReply,
  respondAsMember,
  viewAsMember,
} from '../../domain/conversation/member-view.ts';
import { open, sessionOnly, strictLimit, type RouteRegistrar } from './types.ts';

const tags = ['being-called-in'];

export const memberRoutes: RouteRegistrar = (app, ctx) => {
  const tx = ctx.store.transaction.bind(ctx.store);
  const { repos } = ctx.store;
  const deps = { clock: ctx.clock, cipher: ctx.cipher, publicUrl: ctx.config.publicUrl };
  const limit = strictLimit(ctx.config.publicFormRateLimit * 6);

  app.get(
    '/public/called-in/:token',
    {
      config: limit,
      schema: {
        tags: ['public', ...tags],
        summary: 'The private conversation, opened from its link',
        security: open,
        params: TokenParams,
        response: { 200: MemberView },
      },
    },
    async (request) => viewAsMember(repos, deps, { token: request.params.token }),
  );

  app.post(
    '/public/called-in/:token/responses',
    {
      config: limit,
      schema: {
        tags: ['public', ...tags],
        summary: 'Reply, or choose one of the simple answers',
        security: open,
        params: TokenParams,
        body: RespondBody,
        response: { 201: Responded },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await respondAsMember(
            tx,
            deps,
            { token: request.params.token },
            { kind: request.body.kind, text: request.body.text ?? '' },
          ),
        ),
  );

  app.post(
    '/public/called-in/:token/coach',
    {
      config: limit,
      schema: {
        tags: ['public', ...tags],
        summary:
          'The reply coach: what in a reply draft may land badly, and what works (nothing is kept)',
        security: open,
        params: TokenParams,
        body: ReplyCoachBody,
        response: { 200: CoachResult },
      },
    },
    async (request) => coachMemberReply(repos, { token: request.params.token }, request.body.text),
  );

  app.get(
    '/me/call-ins',
    {
      schema: {
        tags,
        summary: 'Conversations addressed to you',
        security: sessionOnly,
        response: { 200: MyCallInList },
      },
    },
    async (request) => ({ items: await listMyCallIns(repos, request.actor) }),
  );

  app.get(
    '/me/call-ins/:callInId',
    {
      schema: {
        tags,
        summary: 'One conversation addressed to you',
        security: sessionOnly,
        params: MyCallInParams,
        response: { 200: MemberView },
      },
    },
    async (request) =>
      viewAsMember(repos, deps, { actor: request.actor, callInId: request.params.callInId }),
  );

  app.post(
    '/me/call-ins/:callInId/coach',
    {
      config: { quota: false },
      schema: {
        tags,
        summary:
          'The reply coach: what in a reply draft may land badly, and what works (nothing is kept)',
        security: sessionOnly,
        params: MyCallInParams,
        body: ReplyCoachBody,
        response: { 200: CoachResult },
      },
    },
    async (request) =>
      coachMemberReply(
        repos,
        { actor: request.actor, callInId: request.params.callInId },
        request.body.text,
      ),
  );

  app.post(
    '/me/call-ins/:callInId/responses',
    {
      config: { quota: 'messages' },
      schema: {
        tags,
        summary: 'Reply, or choose one of the simple answers',
        security: sessionOnly,
        params: MyCallInParams,
        body: RespondBody,
        response: { 201: Responded },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await respondAsMember(
            tx,
            deps,
            { actor: request.actor, callInId: request.params.callInId },
            { kind: request.body.kind, text: request.body.text ?? '' },
          ),
        ),
  );
};
