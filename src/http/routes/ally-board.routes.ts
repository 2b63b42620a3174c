import {
  AllyBoard,
  AssignBody,
  CallInParams,
  CandidateList,
  CommunityParams,
  ConcernParams,
  Handoff,
  NoBody,
  Offer,
  OfferAnswered,
  OfferBody,
  OfferForYouList,
  OfferParams,
  OpenCallInBody,
} from '../../contract/index.ts';
import { listAllyBoard, openCallIn, volunteer } from '../../domain/handoff/ally-board.ts';
import {
  answerOffer,
  assignCallIn,
  listCandidates,
  listMyOffers,
  offerCallIn,
} from '../../domain/handoff/matching.ts';
import { signedIn, type RouteRegistrar } from './types.ts';

const tags = ['ally-board'];

export const allyBoardRoutes: RouteRegistrar = (app, ctx) => {
  const tx = ctx.store.transaction.bind(ctx.store);
  const { repos } = ctx.store;
  const deps = { clock: ctx.clock, cipher: ctx.cipher, publicUrl: ctx.config.publicUrl };

  app.post(
    '/communities/:communityId/concerns/:concernId/call-ins',
    {
      schema: {
        tags: ['call-ins'],
        summary:
          'Open a call-in for a concern triaged to one, optionally naming its caller (organizer)',
        security: signedIn,
        params: ConcernParams,
        body: OpenCallInBody,
        response: { 201: Handoff },
      },
    },
    async (request, reply) =>
      reply.code(201).send(
        await openCallIn(
          tx,
          deps,
          request.actor,
          request.params.communityId,
          request.params.concernId,
          {
            callerUserId: request.body.callerUserId ?? null,
            language: request.body.language ?? null,
          },
        ),
      ),
  );

  app.get(
    '/communities/:communityId/ally-board',
    {
      schema: {
        tags,
        summary:
          'Requests for an ally, redacted: category, urgency, language (allies and organizers)',
        security: signedIn,
        params: CommunityParams,
        response: { 200: AllyBoard },
      },
    },
    async (request) => listAllyBoard(repos, request.actor, request.params.communityId),
  );

  app.post(
    '/communities/:communityId/ally-board/:concernId/volunteer',
    {
      schema: {
        tags,
        summary: 'Volunteer to hold this call-in',
        security: signedIn,
        params: ConcernParams,
        body: NoBody,
        response: { 201: Handoff },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await volunteer(
            tx,
            deps,
            request.actor,
            request.params.communityId,
            request.params.concernId,
          ),
        ),
  );

  app.get(
    '/communities/:communityId/call-ins/:callInId/candidates',
    {
      schema: {
        tags,
        summary: 'Who could hold this call-in now, with room to spare first (organizer)',
        security: signedIn,
        params: CallInParams,
        response: { 200: CandidateList },
      },
    },
    async (request) => ({
      items: await listCandidates(
        repos,
        request.actor,
        request.params.communityId,
        request.params.callInId,
      ),
    }),
  );

  app.post(
    '/communities/:communityId/call-ins/:callInId/assign',
    {
      schema: {
        tags,
        summary: 'Give the call-in to someone (organizer)',
        security: signedIn,
        params: CallInParams,
        body: AssignBody,
        response: { 200: Handoff },
      },
    },
    async (request) =>
      assignCallIn(
        tx,
        deps,
        request.actor,
        request.params.communityId,
        request.params.callInId,
        request.body.userId,
      ),
  );

  app.post(
    '/communities/:communityId/call-ins/:callInId/offers',
    {
      schema: {
        tags,
        summary: 'Offer the call-in to someone; they may decline without a reason (organizer)',
        security: signedIn,
        params: CallInParams,
        body: OfferBody,
        response: { 201: Offer },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await offerCallIn(
            tx,
            deps,
            request.actor,
            request.params.communityId,
            request.params.callInId,
            { userId: request.body.userId, relationship: request.body.relationship ?? 'none' },
          ),
        ),
  );

  app.get(
    '/communities/:communityId/offers',
    {
      schema: {
        tags,
        summary: 'Offers waiting for your answer',
        security: signedIn,
        params: CommunityParams,
        response: { 200: OfferForYouList },
      },
    },
    async (request) => ({
      items: await listMyOffers(repos, request.actor, request.params.communityId),
    }),
  );

  for (const answer of ['accept', 'decline'] as const) {
    app.post(
      `/communities/:communityId/offers/:offerId/${answer}`,
      {
        schema: {
          tags,
          summary: answer === 'accept' ? 'Accept an offer' : 'Decline an offer (no reason asked)',
          security: signedIn,
          params: OfferParams,
          body: NoBody,
          response: { 200: OfferAnswered },
        },
      },
      async (request) =>
        answerOffer(
          tx,
          deps,
          request.actor,
          request.params.communityId,
          request.params.offerId,
          answer,
        ),
    );
  }
};
