import {
  AuditList,
  AuditQuery,
  CaseCounts,
  ChangeRoleBody,
  CommunityList,
  CommunityParams,
  CommunityUpdated,
  CommunityView,
  CountsQuery,
  CreateCommunityBody,
  MemberList,
  MemberParams,
  Ok,
  Settings,
  UpdateCommunityBody,
} from '../../contract/index.ts';
import {
  createCommunity,
  changeRole,
  presentCommunity,
  updateCommunity,
} from '../../domain/accounts/communities.ts';
import {
  listCommunities,
  listCommunityAudit,
  listMembers,
  readSettings,
  viewCommunity,
} from '../../domain/accounts/community-queries.ts';
import { listCaseCounts } from '../../domain/outcomes/case-counts.ts';
import { signedIn, type RouteRegistrar } from './types.ts';

export const communityRoutes: RouteRegistrar = (app, ctx) => {
  const tx = ctx.store.transaction.bind(ctx.store);
  const { repos } = ctx.store;
  const deps = { clock: ctx.clock, cipher: ctx.cipher, publicUrl: ctx.config.publicUrl };

  app.get(
    '/communities',
    {
      schema: {
        tags: ['communities'],
        summary: 'Communities I belong to (every community, for the operator)',
        security: signedIn,
        response: { 200: CommunityList },
      },
    },
    async (request) => ({ items: await listCommunities(repos, request.actor) }),
  );

  app.post(
    '/communities',
    {
      schema: {
        tags: ['communities'],
        summary: 'Create a community (operator)',
        security: signedIn,
        body: CreateCommunityBody,
        response: { 201: CommunityView },
      },
    },
    async (request, reply) => {
      const c = await createCommunity(tx, ctx.clock, request.actor, request.body);
      return reply.code(201).send({ ...presentCommunity(c), role: null });
    },
  );

  app.get(
    '/communities/:communityId',
    {
      schema: {
        tags: ['communities'],
        summary: 'One community',
        security: signedIn,
        params: CommunityParams,
        response: { 200: CommunityView },
      },
    },
    async (request) => viewCommunity(repos, request.actor, request.params.communityId),
  );

  app.patch(
    '/communities/:communityId',
    {
      schema: {
        tags: ['communities'],
        summary:
          'Rename (operator or organizer), open or close the public form, change settings (organizer)',
        security: signedIn,
        params: CommunityParams,
        body: UpdateCommunityBody,
        response: { 200: CommunityUpdated },
      },
    },
    async (request) => {
      const { community, settings } = await updateCommunity(
        tx,
        ctx.clock,
        request.actor,
        request.params.communityId,
        request.body,
      );
      const role =
        request.actor.kind === 'user' || request.actor.kind === 'token'
          ? ((await repos.memberships.find(community.id, request.actor.userId))?.role ?? null)
          : null;
      return { community: { ...presentCommunity(community), role }, settings };
    },
  );

  app.get(
    '/communities/:communityId/settings',
    {
      schema: {
        tags: ['communities'],
        summary: 'Settings and the public form address (organizer)',
        security: signedIn,
        params: CommunityParams,
        response: { 200: Settings },
      },
    },
    async (request) => {
      const s = await readSettings(repos, request.actor, request.params.communityId);
      return { ...s, intakeUrl: `${ctx.config.publicUrl}/raise/${s.intakeId}` };
    },
  );

  app.get(
    '/communities/:communityId/members',
    {
      schema: {
        tags: ['members'],
        summary: 'Members and their roles (organizer)',
        security: signedIn,
        params: CommunityParams,
        response: { 200: MemberList },
      },
    },
    async (request) => ({
      items: await listMembers(repos, request.actor, request.params.communityId),
    }),
  );

  app.patch(
    '/communities/:communityId/members/:userId',
    {
      schema: {
        tags: ['members'],
        summary: "Change a member's role (organizer)",
        security: signedIn,
        params: MemberParams,
        body: ChangeRoleBody,
        response: { 200: Ok },
      },
    },
    async (request) => {
      await changeRole(
        tx,
        deps,
        request.actor,
        request.params.communityId,
        request.params.userId,
        request.body.role,
      );
      return { ok: true as const };
    },
  );

  app.delete(
    '/communities/:communityId/members/:userId',
    {
      schema: {
        tags: ['members'],
        summary: 'Remove someone from the community (organizer)',
        security: signedIn,
        params: MemberParams,
        response: { 200: Ok },
      },
    },
    async (request) => {
      await changeRole(
        tx,
        deps,
        request.actor,
        request.params.communityId,
        request.params.userId,
        null,
      );
      return { ok: true as const };
    },
  );

  app.get(
    '/communities/:communityId/audit',
    {
      schema: {
        tags: ['audit'],
        summary: "This community's audit entries, newest first (organizer)",
        security: signedIn,
        params: CommunityParams,
        querystring: AuditQuery,
        response: { 200: AuditList },
      },
    },
    async (request) => ({
      items: await listCommunityAudit(
        repos,
        request.actor,
        request.params.communityId,
        request.query.limit ?? 100,
      ),
    }),
  );

  app.get(
    '/communities/:communityId/counts',
    {
      schema: {
        tags: ['reports'],
        summary:
          'Cases counted per month raised, kind of behaviour and outcome: live ones and the anonymous counts kept after a purge (organizer)',
        security: signedIn,
        params: CommunityParams,
        querystring: CountsQuery,
        response: { 200: CaseCounts },
      },
    },
    async (request) =>
      listCaseCounts(repos, ctx.clock, request.actor, request.params.communityId, request.query),
  );
};
