// Triage (flow step 2): the rubric's recommendation for an organizer's answers, and the
// decision with its kept reason.
import {
  ConcernParams,
  DecideTriageBody,
  DecisionList,
  TriageAnswers,
  TriageDecided,
  TriagePreview,
} from '../../contract/index.ts';
import {
  decideTriage,
  listTriageDecisions,
  previewTriage,
} from '../../domain/triage/triage-decision.ts';
import { signedIn, type RouteRegistrar } from './types.ts';

export const triageRoutes: RouteRegistrar = (app, ctx) => {
  const tx = ctx.store.transaction.bind(ctx.store);
  const { repos } = ctx.store;
  const deps = { clock: ctx.clock, cipher: ctx.cipher };

  app.post(
    '/communities/:communityId/concerns/:concernId/triage/recommendation',
    {
      schema: {
        tags: ['triage'],
        summary: "The rubric's recommendation for these answers; changes nothing (organizer)",
        security: signedIn,
        params: ConcernParams,
        body: TriageAnswers,
        response: { 200: TriagePreview },
      },
    },
    async (request) =>
      previewTriage(
        repos,
        request.actor,
        request.params.communityId,
        request.params.concernId,
        request.body,
      ),
  );

  app.post(
    '/communities/:communityId/concerns/:concernId/triage',
    {
      schema: {
        tags: ['triage'],
        summary: 'Decide, with a reason that is kept (organizer)',
        security: signedIn,
        params: ConcernParams,
        body: DecideTriageBody,
        response: { 201: TriageDecided },
      },
    },
    async (request, reply) => {
      const b = request.body;
      const r = await decideTriage(
        tx,
        deps,
        request.actor,
        request.params.communityId,
        request.params.concernId,
        {
          answers: b.answers,
          decision: b.decision,
          ladderLevel: b.ladderLevel ?? null,
          reason: b.reason,
          ...(b.replaces ? { replaces: b.replaces } : {}),
        },
      );
      return reply.code(201).send(r);
    },
  );

  app.get(
    '/communities/:communityId/concerns/:concernId/triage',
    {
      schema: {
        tags: ['triage'],
        summary: 'Decisions made on this concern, oldest first (organizer)',
        security: signedIn,
        params: ConcernParams,
        response: { 200: DecisionList },
      },
    },
    async (request) => ({
      items: await listTriageDecisions(
        repos,
        ctx.cipher,
        request.actor,
        request.params.communityId,
        request.params.concernId,
      ),
    }),
  );
};
