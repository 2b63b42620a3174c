// What the person being called in can reach: the private link (no account), or their account.
// Every response here is free of the reporter's and the harmed person's identity (rule 3).
import { Type } from '@sinclair/typebox';
import {
  listMyCallIns,
  memberResponses,
  coachMemberReply,
  respondAsMember,
  viewAsMember,
} from '../../domain/conversation/member-view.ts';
import { MAX_API_TEXT } from '../../language/index.ts';
import { Enum, IsoTime, Uuid } from '../schemas.ts';
import { GuideStep, NullableString, TokenParams } from './call-in-schemas.ts';
import { CoachResult } from './language.routes.ts';
import { open, sessionOnly, strictLimit, type RouteRegistrar } from './types.ts';

const MemberView = Type.Object({
  id: Uuid,
  communityId: Uuid,
  community: Type.String(),
  caller: Type.String(),
  status: Type.String(),
  statusText: Type.String(),
  canRespond: Type.Boolean(),
  yourState: NullableString,
  guide: Type.Array(GuideStep),
  responses: Type.Array(Type.String()),
  messages: Type.Array(
    Type.Object({
      id: Uuid,
      from: Type.String(),
      kind: Type.String(),
      text: Type.String(),
      createdAt: IsoTime,
    }),
  ),
});
const Respond = Type.Object(
  {
    kind: Enum(
      memberResponses,
      'reply; need-time: "I need time to reflect"; will-change: "I understand and will change"; ask-organizer: "I’d like to talk to an organizer".',
    ),
    text: Type.Optional(Type.String({ maxLength: 10_000 })),
  },
  { additionalProperties: false },
);
const Responded = Type.Object({ id: Uuid, kind: Type.String(), createdAt: IsoTime });
const CoachBody = Type.Object(
  { text: Type.String({ maxLength: MAX_API_TEXT }) },
  { additionalProperties: false },
);
const MyParams = Type.Object({ callInId: Uuid });
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
        body: Respond,
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
        body: CoachBody,
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
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                id: Uuid,
                community: Type.String(),
                status: Type.String(),
                statusText: Type.String(),
                updatedAt: IsoTime,
              }),
            ),
          }),
        },
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
        params: MyParams,
        response: { 200: MemberView },
      },
    },
    async (request) =>
      viewAsMember(repos, deps, { actor: request.actor, callInId: request.params.callInId }),
  );

  app.post(
    '/me/call-ins/:callInId/coach',
    {
      schema: {
        tags,
        summary:
          'The reply coach: what in a reply draft may land badly, and what works (nothing is kept)',
        security: sessionOnly,
        params: MyParams,
        body: CoachBody,
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
      schema: {
        tags,
        summary: 'Reply, or choose one of the simple answers',
        security: sessionOnly,
        params: MyParams,
        body: Respond,
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
