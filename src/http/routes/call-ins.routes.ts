import { Type } from '@sinclair/typebox';
import { CallInCan } from '../../contract/can.ts';
import { channels } from '../../domain/conversation/call-in-state.ts';
import {
  chooseChannel,
  listCallIns,
  readCallIn,
  saveDraft,
  sendMessage,
} from '../../domain/conversation/call-ins.ts';
import { languageDraftCoach } from '../../domain/conversation/language-check.ts';
import {
  closeCallIn,
  outcomes,
  recordOutcome,
  reopenCallIn,
} from '../../domain/outcomes/outcomes.ts';
import { Enum, IsoTime, Text, Uuid } from '../schemas.ts';
import {
  CallInParams,
  Conditions,
  Empty,
  GuideStep,
  NullableString,
  StatusResult,
} from './call-in-schemas.ts';
import { signedIn, type RouteRegistrar } from './types.ts';

const Message = Type.Object({
  id: Uuid,
  author: Type.String(),
  kind: Type.String(),
  text: Type.String(),
  createdAt: IsoTime,
});
const CallInDetail = Type.Object({
  id: Uuid,
  concernId: Uuid,
  viewer: Type.String(),
  can: CallInCan,
  status: Type.String(),
  callerUserId: Type.Union([Uuid, Type.Null()]),
  channel: NullableString,
  language: NullableString,
  consent: Type.Object({
    mode: Type.String(),
    status: Type.String(),
    conditions: Conditions,
    at: NullableString,
  }),
  concern: Type.Object({
    what: Type.String(),
    quotes: Type.Array(Type.String()),
    impact: Type.String(),
    categories: Type.Array(Type.String()),
    urgent: Type.Boolean(),
  }),
  draft: NullableString,
  memberState: NullableString,
  outcome: Type.Union([
    Type.Object({ outcome: Type.String(), note: Type.String(), at: NullableString }),
    Type.Null(),
  ]),
  messages: Type.Array(Message),
  offers: Type.Array(
    Type.Object({
      id: Uuid,
      userId: Uuid,
      name: Type.String(),
      relationship: Type.String(),
      status: Type.String({
        description: 'pending, accepted, declined, or closed once someone holds it',
      }),
      createdAt: IsoTime,
      decidedAt: NullableString,
    }),
    { description: 'Organizers only; empty for the caller.' },
  ),
  guide: Type.Array(GuideStep),
  createdAt: IsoTime,
  updatedAt: IsoTime,
});
const ListItem = Type.Object({
  id: Uuid,
  concernId: Uuid,
  status: Type.String(),
  callerUserId: Type.Union([Uuid, Type.Null()]),
  consentStatus: Type.String(),
  channel: NullableString,
  outcome: NullableString,
  updatedAt: IsoTime,
});
const tags = ['call-ins'];

export const callInRoutes: RouteRegistrar = (app, ctx) => {
  const tx = ctx.store.transaction.bind(ctx.store);
  const { repos } = ctx.store;
  const deps = {
    clock: ctx.clock,
    cipher: ctx.cipher,
    publicUrl: ctx.config.publicUrl,
    coach: languageDraftCoach,
  };
  const base = '/communities/:communityId/call-ins/:callInId';

  app.get(
    '/communities/:communityId/call-ins',
    {
      schema: {
        tags,
        summary: 'Call-ins: all of them for organizers, your own for allies',
        security: signedIn,
        params: Type.Object({ communityId: Uuid }),
        response: { 200: Type.Object({ items: Type.Array(ListItem) }) },
      },
    },
    async (request) => ({
      items: await listCallIns(repos, request.actor, request.params.communityId),
    }),
  );

  app.get(
    base,
    {
      schema: {
        tags,
        summary: 'One call-in in full, for its caller and the organizers',
        security: signedIn,
        params: CallInParams,
        response: { 200: CallInDetail },
      },
    },
    async (request) =>
      readCallIn(
        repos,
        ctx.cipher,
        request.actor,
        request.params.communityId,
        request.params.callInId,
      ),
  );

  app.put(
    `${base}/draft`,
    {
      schema: {
        tags,
        summary: 'Save the draft and get the draft coach’s advice (caller)',
        security: signedIn,
        params: CallInParams,
        body: Type.Object({ text: Text(10_000) }, { additionalProperties: false }),
        response: {
          200: Type.Object({
            savedAt: IsoTime,
            advice: Type.Array(
              Type.Object({
                kind: Type.String(),
                message: Type.String(),
                excerpt: Type.Optional(Type.String()),
              }),
            ),
          }),
        },
      },
    },
    async (request) =>
      saveDraft(
        tx,
        deps,
        request.actor,
        request.params.communityId,
        request.params.callInId,
        request.body.text,
      ),
  );

  app.put(
    `${base}/channel`,
    {
      schema: {
        tags,
        summary: 'Choose how the conversation happens (caller)',
        security: signedIn,
        params: CallInParams,
        body: Type.Object(
          {
            channel: Enum(
              channels,
              'in-app: a private thread the member opens from a link; email; voice or in-person: logged by the caller.',
            ),
            memberEmail: Type.Optional(Type.String({ format: 'email', maxLength: 254 })),
            memberName: Type.Optional(Type.String({ maxLength: 200 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ channel: Type.String() }) },
      },
    },
    async (request) =>
      chooseChannel(tx, deps, request.actor, request.params.communityId, request.params.callInId, {
        channel: request.body.channel,
        memberEmail: request.body.memberEmail ?? null,
        memberName: request.body.memberName ?? null,
      }),
  );

  app.post(
    `${base}/messages`,
    {
      schema: {
        tags,
        summary:
          'Send a message to the member, or log a conversation held by voice or in person (caller)',
        security: signedIn,
        params: CallInParams,
        body: Type.Object({ text: Text(10_000) }, { additionalProperties: false }),
        response: {
          201: Type.Object({
            id: Uuid,
            kind: Type.String(),
            createdAt: IsoTime,
            memberUrl: NullableString,
          }),
        },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await sendMessage(
            tx,
            deps,
            request.actor,
            request.params.communityId,
            request.params.callInId,
            request.body.text,
          ),
        ),
  );

  app.post(
    `${base}/outcome`,
    {
      schema: {
        tags,
        summary: 'Record the outcome; schedules the follow-up reminder (caller or organizer)',
        security: signedIn,
        params: CallInParams,
        body: Type.Object(
          { outcome: Enum(outcomes), note: Type.Optional(Type.String({ maxLength: 5_000 })) },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            id: Uuid,
            status: Type.String(),
            outcome: Type.String(),
            followUpAt: NullableString,
          }),
        },
      },
    },
    async (request) =>
      recordOutcome(tx, deps, request.actor, request.params.communityId, request.params.callInId, {
        outcome: request.body.outcome,
        note: request.body.note ?? '',
      }),
  );

  app.post(
    `${base}/close`,
    {
      schema: {
        tags,
        summary: 'Close the call-in (caller or organizer)',
        security: signedIn,
        params: CallInParams,
        body: Type.Optional(Empty),
        response: { 200: StatusResult },
      },
    },
    async (request) =>
      closeCallIn(tx, deps, request.actor, request.params.communityId, request.params.callInId),
  );

  app.post(
    `${base}/reopen`,
    {
      schema: {
        tags,
        summary: 'Reopen the conversation (caller or organizer)',
        security: signedIn,
        params: CallInParams,
        body: Type.Optional(Empty),
        response: { 200: StatusResult },
      },
    },
    async (request) =>
      reopenCallIn(tx, deps, request.actor, request.params.communityId, request.params.callInId),
  );
};
