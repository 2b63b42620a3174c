import {
  AppealBody,
  AppealDecided,
  AppealDecisionBody,
  AppealParams,
  Appealed,
  CallInParams,
  CommunityEnforcementList,
  CommunityParams,
  EnforceBody,
  Enforced,
  EnforcementParams,
  EscalateBody,
  Escalated,
  MyEnforcementList,
} from '../../contract/index.ts';
import {
  appealEnforcement,
  decideAppeal,
  enforce,
  listEnforcements,
  listMyEnforcements,
} from '../../domain/enforcement/enforcement.ts';
import { escalateCallIn } from '../../domain/outcomes/outcomes.ts';
import { sessionOnly, signedIn, type RouteRegistrar } from './types.ts';

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
        params: CommunityParams,
        body: EnforceBody,
        response: { 201: Enforced },
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
        params: CommunityParams,
        response: { 200: CommunityEnforcementList },
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
        body: EscalateBody,
        response: { 200: Escalated },
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
        params: AppealParams,
        body: AppealDecisionBody,
        response: { 200: AppealDecided },
      },
    },
    async (request) =>
      decideAppeal(tx, deps, request.actor, request.params.communityId, request.params.appealId, {
        decision: request.body.decision,
        note: request.body.note ?? '',
        level: request.body.level,
        expiresAt: request.body.expiresAt,
      }),
  );

  app.get(
    '/me/enforcements',
    {
      schema: {
        tags,
        summary: 'Enforcement records about you, with their appeals',
        security: sessionOnly,
        response: { 200: MyEnforcementList },
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
        params: EnforcementParams,
        body: AppealBody,
        response: { 201: Appealed },
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
