// Triage (flow step 2): the rubric's recommendation for an organizer's answers, and the
// decision with its kept reason.
import { Type, type Static } from '@sinclair/typebox';
import {
  decideTriage,
  listTriageDecisions,
  previewTriage,
} from '../../domain/triage/triage-decision.ts';
import {
  concernCategories,
  intents,
  ladderLevels,
  publicHarmOptions,
  recommendationKinds,
} from '../../domain/triage/triage.ts';
import { ConcernParams, Enum, IsoTime, Text, Uuid } from '../schemas.ts';
import { signedIn, type RouteRegistrar } from './types.ts';

const NullableString = Type.Union([Type.String(), Type.Null()]);

const Answers = Type.Object(
  {
    categories: Type.Array(Enum(concernCategories), {
      maxItems: concernCategories.length,
      uniqueItems: true,
    }),
    immediateDanger: Type.Boolean(),
    intent: Enum(intents),
    publicHarm: Enum(publicHarmOptions),
  },
  { additionalProperties: false },
);
const Recommendation = Type.Object({
  kind: Type.String(),
  ladderLevel: NullableString,
  urgent: Type.Boolean(),
  caller: NullableString,
  reasons: Type.Array(Type.String()),
});
const History = Type.Object({
  earlierConcerns: Type.Integer(),
  earlierCallIns: Type.Integer(),
  highestEnforcement: NullableString,
});

type AnswersBody = Static<typeof Answers>;
const asAnswers = (a: AnswersBody) => a;

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
        body: Answers,
        response: { 200: Type.Object({ recommendation: Recommendation, history: History }) },
      },
    },
    async (request) =>
      previewTriage(
        repos,
        request.actor,
        request.params.communityId,
        request.params.concernId,
        asAnswers(request.body),
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
        body: Type.Object(
          {
            answers: Answers,
            decision: Enum(recommendationKinds),
            ladderLevel: Type.Optional(Type.Union([Enum(ladderLevels), Type.Null()])),
            reason: Text(5_000),
          },
          { additionalProperties: false },
        ),
        response: {
          201: Type.Object({
            id: Uuid,
            decision: Type.String(),
            ladderLevel: NullableString,
            followsRecommendation: Type.Boolean(),
            recommendation: Recommendation,
            history: History,
            createdAt: IsoTime,
          }),
        },
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
          answers: asAnswers(b.answers),
          decision: b.decision,
          ladderLevel: b.ladderLevel ?? null,
          reason: b.reason,
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
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                id: Uuid,
                decidedBy: Type.String(),
                decision: Type.String(),
                ladderLevel: NullableString,
                reason: Type.String(),
                recommendation: Recommendation,
                answers: Answers,
                createdAt: IsoTime,
              }),
            ),
          }),
        },
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
