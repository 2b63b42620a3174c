// What the person being called in can reach: the private link (no account), or their account.
// Every response here is free of the reporter's and the harmed person's identity (rule 3).
import {
  CoachResult,
  LinkClaimed,
  MemberView,
  MyCallInList,
  MyCallInParams,
  ReplyCoachBody,
  RespondBody,
  Responded,
  TokenParams,
} from '../../contract/index.ts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { createHash } from 'node:crypto';
import {
  claimMemberLink,
  listMyCallIns,
  coachMemberReply,
  respondAsMember,
  viewAsMember,
} from '../../domain/conversation/member-view.ts';
import { open, sessionOnly, strictLimit, type RouteRegistrar } from './types.ts';

const tags = ['being-called-in'];

// The browser that claimed a member's private link keeps the claim in a cookie named after the
// link (a hash of it, so the cookie name tells nothing), sent only to these routes.
const CLAIM_PATH = '/api/public/called-in/';
const claimCookie = (token: string) =>
  `callin_claim_${createHash('sha256').update(token).digest('hex').slice(0, 24)}`;

export const memberRoutes: RouteRegistrar = (app, ctx) => {
  const tx = ctx.store.transaction.bind(ctx.store);
  const { repos } = ctx.store;
  const deps = { clock: ctx.clock, cipher: ctx.cipher, publicUrl: ctx.config.publicUrl };
  const limit = strictLimit(ctx.config.publicFormRateLimit * 6);
  const linkHolder = (request: FastifyRequest) => {
    const { token } = request.params as { token: string };
    return { token, claim: request.cookies[claimCookie(token)] ?? null, viewer: request.actor };
  };
  const keepClaim = (reply: FastifyReply, token: string, claim: string | null) => {
    if (!claim) return;
    void reply.setCookie(claimCookie(token), claim, {
      httpOnly: true,
      secure: ctx.config.cookieSecure,
      sameSite: 'strict',
      path: CLAIM_PATH,
      maxAge: 60 * 60 * 24 * 400,
    });
  };

  app.post(
    '/public/called-in/:token/claim',
    {
      config: limit,
      schema: {
        tags: ['public', ...tags],
        summary:
          'Claim the private link for this browser on first open; later answers through it need this browser',
        security: open,
        params: TokenParams,
        response: { 200: LinkClaimed },
      },
    },
    async (request, reply) => {
      const { claim } = await claimMemberLink(tx, deps, linkHolder(request));
      keepClaim(reply, request.params.token, claim);
      return { claimedHere: true };
    },
  );

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
    async (request) => viewAsMember(repos, deps, linkHolder(request)),
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
    async (request, reply) => {
      const { claim, ...responded } = await respondAsMember(tx, deps, linkHolder(request), {
        kind: request.body.kind,
        text: request.body.text ?? '',
      });
      keepClaim(reply, request.params.token, claim);
      return reply.code(201).send(responded);
    },
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
    async (request) => coachMemberReply(repos, linkHolder(request), request.body.text),
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
