import { Type } from '@sinclair/typebox';
import {
  appealEnforcement,
  decideAppeal,
  enforce,
  listEnforcements,
  listMyEnforcements,
} from '../../domain/enforcement/enforcement.ts';
import { escalateCallIn } from '../../domain/outcomes/outcomes.ts';
import { ladderLevels } from '../../domain/triage/triage.ts';
import { Enum, IsoTime, Text, Uuid } from '../schemas.ts';
import { CallInParams, NullableString } from './call-in-schemas.ts';
import { sessionOnly, signedIn, type RouteRegistrar } from './types.ts';

const Community = Type.Object({ communityId: Uuid });
const EnforcementRecord = Type.Object({
  id: Uuid,
  level: Type.String(),
  reason: Type.String(),
  status: Type.String(),
  expiresAt: NullableString,
  createdAt: IsoTime,
});
const Level = {
  level: Enum(ladderLevels),
  reason: Text(5_000),
  expiresAt: Type.Optional(Type.String({ format: 'date-time' })),
};
const tags = ['enforcement'];

export const enforcementRoutes: RouteRegistrar = (app, ctx) => {
  const tx = ctx.store.transaction.bind(ctx.store);
  const { repos } = ctx.store;
  const deps = { clock: ctx.clock, cipher: ctx.cipher, publicUrl: ctx.config.publicUrl };

  app.post(
    '/communities/:communityId/enforcements',
    {
      schema: {
        tags,
        summary:
          'Record a step on the ladder: correction, warning, temporary or permanent ban (organizer)',
        security: signedIn,
        params: Community,
        body: Type.Object(
          {
            concernIds: Type.Array(Uuid, { minItems: 1, maxItems: 20, uniqueItems: true }),
            ...Level,
          },
          { additionalProperties: false },
        ),
        response: {
          201: Type.Object({
            ...EnforcementRecord.properties,
            concernIds: Type.Array(Uuid),
            enforcedBy: Type.String(),
            callInId: NullableString,
          }),
        },
      },
    },
    async (request, reply) =>
      reply.code(201).send(
        await enforce(tx, deps, request.actor, request.params.communityId, {
          ...request.body,
          expiresAt: request.body.expiresAt ?? null,
        }),
      ),
  );

  app.get(
    '/communities/:communityId/enforcements',
    {
      schema: {
        tags,
        summary: 'Enforcement records and their appeals (organizer)',
        security: signedIn,
        params: Community,
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                ...EnforcementRecord.properties,
                concernIds: Type.Array(Uuid),
                enforcedBy: Type.String(),
                callInId: NullableString,
                appeals: Type.Array(
                  Type.Object({
                    id: Uuid,
                    status: Type.String(),
                    statement: Type.String(),
                    decidedBy: NullableString,
                    createdAt: IsoTime,
                  }),
                ),
              }),
            ),
          }),
        },
      },
    },
    async (request) => ({
      items: await listEnforcements(repos, deps, request.actor, request.params.communityId),
    }),
  );

  app.post(
    '/communities/:communityId/call-ins/:callInId/escalate',
    {
      schema: {
        tags,
        summary:
          'Take a call-in to enforcement, with its context and without the reporter (organizer)',
        security: signedIn,
        params: CallInParams,
        body: Type.Object(Level, { additionalProperties: false }),
        response: { 200: Type.Object({ id: Uuid, status: Type.String(), enforcementId: Uuid }) },
      },
    },
    async (request) =>
      escalateCallIn(tx, deps, request.actor, request.params.communityId, request.params.callInId, {
        ...request.body,
        expiresAt: request.body.expiresAt ?? null,
      }),
  );

  app.post(
    '/communities/:communityId/appeals/:appealId/decision',
    {
      schema: {
        tags,
        summary: 'Decide an appeal; a different organizer than the one who enforced (organizer)',
        security: signedIn,
        params: Type.Object({ communityId: Uuid, appealId: Uuid }),
        body: Type.Object(
          {
            decision: Enum(['upheld', 'overturned'] as const),
            note: Type.Optional(Type.String({ maxLength: 5_000 })),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            id: Uuid,
            enforcementId: Uuid,
            status: Type.String(),
            decidedAt: IsoTime,
          }),
        },
      },
    },
    async (request) =>
      decideAppeal(tx, deps, request.actor, request.params.communityId, request.params.appealId, {
        decision: request.body.decision,
        note: request.body.note ?? '',
      }),
  );

  app.get(
    '/me/enforcements',
    {
      schema: {
        tags,
        summary: 'Enforcement records about you, with their appeals',
        security: sessionOnly,
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                ...EnforcementRecord.properties,
                community: Type.String(),
                appeals: Type.Array(
                  Type.Object({ id: Uuid, status: Type.String(), createdAt: IsoTime }),
                ),
              }),
            ),
          }),
        },
      },
    },
    async (request) => ({ items: await listMyEnforcements(repos, deps, request.actor) }),
  );

  app.post(
    '/me/enforcements/:enforcementId/appeal',
    {
      schema: {
        tags,
        summary: 'Appeal an enforcement record about you',
        security: sessionOnly,
        params: Type.Object({ enforcementId: Uuid }),
        body: Type.Object({ statement: Text(5_000) }, { additionalProperties: false }),
        response: {
          201: Type.Object({
            id: Uuid,
            enforcementId: Uuid,
            status: Type.String(),
            createdAt: IsoTime,
          }),
        },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await appealEnforcement(
            tx,
            deps,
            request.actor,
            request.params.enforcementId,
            request.body.statement,
          ),
        ),
  );
};
