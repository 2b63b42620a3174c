import { setConcernSubject } from '../../domain/intake/concern-subject.ts';
import {
  LinkSubjectBody,
  SubjectLinked,
  MemberMatches,
  MemberSearchQuery,
  ConcernDetail,
  ConcernParams,
  ConflictDeclared,
  SubjectBody,
  SubjectSet,
  StaffList,
  CommunityParams,
  FollowParams,
  FollowView,
  InboxPage,
  InboxQuery,
  IntakeParams,
  IntakeView,
  RaiseConcernBody,
  Raised,
} from '../../contract/index.ts';
import {
  declareConflict,
  describeIntake,
  followConcern,
  listCommunityStaff,
  listInbox,
  raiseConcern,
  readConcern,
  type RaiseConcernInput,
} from '../../domain/intake/concerns.ts';
import { searchMembers } from '../../domain/intake/member-search.ts';
import { linkSubject } from '../../domain/intake/subject.ts';
import { keptBodies } from '../kept-bodies.ts';
import { open, signedIn, strictLimit, type RouteRegistrar } from './types.ts';

export function toRaiseInput(b: RaiseConcernBody): RaiseConcernInput {
  return {
    what: b.what,
    quotes: b.quotes ?? [],
    links: b.links ?? [],
    impact: b.impact ?? '',
    harmed: b.harmed,
    harmedName: b.harmedName ?? null,
    about: { userId: b.about.userId ?? null, name: b.about.name ?? null },
    wants: b.wants,
    urgent: b.urgent ?? false,
    categories: b.categories ?? [],
    anonymous: b.anonymous ?? false,
    contact: b.contact ?? null,
    exclude: b.exclude ?? [],
    subject: b.subject ?? null,
  };
}

export const concernRoutes: RouteRegistrar = (app, ctx) => {
  const tx = ctx.store.transaction.bind(ctx.store);
  const { repos } = ctx.store;
  const deps = { clock: ctx.clock, cipher: ctx.cipher };
  const followUrl = (token: string) => `${ctx.config.publicUrl}/follow/${token}`;
  const sendInbox = keptBodies();

  app.post(
    '/communities/:communityId/concerns',
    {
      config: { quota: 'concerns' },
      schema: {
        tags: ['concerns'],
        summary: 'Raise a concern as a signed-in member',
        security: signedIn,
        params: CommunityParams,
        body: RaiseConcernBody,
        response: { 201: Raised },
      },
    },
    async (request, reply) => {
      const source = request.actor.kind === 'token' ? 'api' : 'web';
      const r = await raiseConcern(
        tx,
        deps,
        request.actor,
        { communityId: request.params.communityId },
        toRaiseInput(request.body),
        source,
      );
      return reply.code(201).send({
        id: r.id,
        status: r.status,
        createdAt: r.createdAt,
        followToken: r.followToken,
        followUrl: followUrl(r.followToken),
      });
    },
  );

  app.get(
    '/communities/:communityId/concerns',
    {
      schema: {
        tags: ['concerns'],
        summary: 'The organizer inbox, newest first',
        security: signedIn,
        params: CommunityParams,
        querystring: InboxQuery,
        response: { 200: InboxPage },
      },
    },
    async (request, reply) => {
      const page = await listInbox(
        repos,
        request.actor,
        request.params.communityId,
        {
          status: request.query.status,
          cursor: request.query.cursor,
          limit: request.query.limit ?? 25,
        },
        ctx.cipher,
      );
      return sendInbox(reply, page);
    },
  );

  app.get(
    '/communities/:communityId/concerns/:concernId',
    {
      schema: {
        tags: ['concerns'],
        summary: 'One concern in full (organizer)',
        security: signedIn,
        params: ConcernParams,
        response: { 200: ConcernDetail },
      },
    },
    async (request) =>
      readConcern(
        repos,
        ctx.cipher,
        request.actor,
        request.params.communityId,
        request.params.concernId,
      ),
  );

  app.post(
    '/communities/:communityId/concerns/:concernId/conflict',
    {
      schema: {
        tags: ['concerns'],
        summary: 'Declare a conflict of interest: step back from this concern (organizer)',
        security: signedIn,
        params: ConcernParams,
        response: { 201: ConflictDeclared },
      },
    },
    async (request, reply) => {
      const r = await declareConflict(
        tx,
        { clock: ctx.clock, cipher: ctx.cipher },
        request.actor,
        request.params.communityId,
        request.params.concernId,
      );
      return reply.code(201).send(r);
    },
  );

  const linkDeps = { clock: ctx.clock, cipher: ctx.cipher, publicUrl: ctx.config.publicUrl };
  app.put(
    '/communities/:communityId/concerns/:concernId/subject',
    {
      schema: {
        tags: ['concerns'],
        summary: 'Link the person a concern is about to a member (organizer)',
        description:
          'Rule 9 follows at once: the linked member can no longer see or handle the case as staff.',
        security: signedIn,
        params: ConcernParams,
        body: LinkSubjectBody,
        response: { 200: SubjectLinked },
      },
    },
    async (request) =>
      linkSubject(
        tx,
        linkDeps,
        request.actor,
        request.params.communityId,
        request.params.concernId,
        request.body.userId,
      ),
  );

  app.delete(
    '/communities/:communityId/concerns/:concernId/subject',
    {
      schema: {
        tags: ['concerns'],
        summary: 'Unlink the member a concern is about; the name stays as free text (organizer)',
        security: signedIn,
        params: ConcernParams,
        response: { 200: SubjectLinked },
      },
    },
    async (request) =>
      linkSubject(
        tx,
        linkDeps,
        request.actor,
        request.params.communityId,
        request.params.concernId,
        null,
      ),
  );

  app.get(
    '/communities/:communityId/member-search',
    {
      config: strictLimit(60),
      schema: {
        tags: ['concerns'],
        summary: 'Find a member by name: whom a concern is about (members)',
        description:
          'At least two letters; at most five people, by display name only. Rate limited.',
        security: signedIn,
        params: CommunityParams,
        querystring: MemberSearchQuery,
        response: { 200: MemberMatches },
      },
    },
    async (request) => ({
      items: await searchMembers(
        repos,
        request.actor,
        request.params.communityId,
        request.query.q ?? '',
      ),
    }),
  );

  app.put(
    '/communities/:communityId/concerns/:concernId/subject-line',
    {
      schema: {
        tags: ['concerns'],
        summary: 'Set or edit the one-line subject shown in the lists (organizer)',
        security: signedIn,
        params: ConcernParams,
        body: SubjectBody,
        response: { 200: SubjectSet },
      },
    },
    async (request) =>
      setConcernSubject(
        tx,
        deps,
        request.actor,
        request.params.communityId,
        request.params.concernId,
        request.body.subject,
      ),
  );

  app.get(
    '/communities/:communityId/staff',
    {
      schema: {
        tags: ['concerns'],
        summary: 'The organizers and allies, by name: whom a reporter may keep away from a concern',
        security: signedIn,
        params: CommunityParams,
        response: { 200: StaffList },
      },
    },
    async (request) => listCommunityStaff(repos, request.actor, request.params.communityId),
  );

  // ---- without an account --------------------------------------------------------------

  app.get(
    '/public/intake/:intakeId',
    {
      schema: {
        tags: ['public'],
        summary: 'What the public form for raising a concern needs to show',
        security: open,
        params: IntakeParams,
        response: { 200: IntakeView },
      },
    },
    async (request) => describeIntake(repos, request.params.intakeId),
  );

  app.post(
    '/public/intake/:intakeId/concerns',
    {
      bodyLimit: 32_768,
      config: strictLimit(ctx.config.publicFormRateLimit),
      schema: {
        tags: ['public'],
        summary: 'Raise a concern through the public form, with no account',
        security: open,
        params: IntakeParams,
        body: RaiseConcernBody,
        response: { 201: Raised },
      },
    },
    async (request, reply) => {
      const r = await raiseConcern(
        tx,
        deps,
        request.actor,
        { intakeId: request.params.intakeId },
        toRaiseInput(request.body),
        'public-form',
      );
      return reply.code(201).send({
        id: r.id,
        status: r.status,
        createdAt: r.createdAt,
        followToken: r.followToken,
        followUrl: followUrl(r.followToken),
      });
    },
  );

  app.get(
    '/follow/:token',
    {
      config: strictLimit(ctx.config.publicFormRateLimit * 6),
      schema: {
        tags: ['public'],
        summary: "The reporter's private view of their concern",
        security: open,
        params: FollowParams,
        response: { 200: FollowView },
      },
    },
    async (request) => followConcern(repos, ctx.cipher, request.params.token),
  );
};
