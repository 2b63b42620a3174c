import {
  AcceptInvitationBody,
  ApiTokenList,
  ApiTokenMade,
  ApiTokenParams,
  CommunityParams,
  CreateApiTokenBody,
  CreateInvitationBody,
  ConfirmSignupBody,
  InvitationAccepted,
  InvitationPending,
  InvitationList,
  InvitationMade,
  InvitationParams,
  InvitationPreview,
  InvitationTokenParams,
  Ok,
} from '../../contract/index.ts';
import {
  acceptInvitation,
  createInvitation,
  previewInvitation,
  revokeInvitation,
} from '../../domain/accounts/invitations.ts';
import { createApiToken, revokeApiToken } from '../../domain/accounts/api-tokens.ts';
import {
  confirmInvitationSignup,
  requestInvitationSignup,
} from '../../domain/accounts/invitation-signup.ts';
import { listApiTokens, listInvitations } from '../../domain/accounts/community-queries.ts';
import { setSessionCookie } from '../plugins/auth.ts';
import { open, sessionOnly, signedIn, strictLimit, type RouteRegistrar } from './types.ts';

export const invitationRoutes: RouteRegistrar = (app, ctx) => {
  const tx = ctx.store.transaction.bind(ctx.store);
  const { repos } = ctx.store;
  const sessionOptions = { ttlHours: ctx.config.sessionTtlHours };
  const signupDeps = { clock: ctx.clock, cipher: ctx.cipher, publicUrl: ctx.config.publicUrl };
  // Where email goes out, a new account waits for its address to be confirmed (issue 9).
  const confirmByEmail = ctx.config.smtpUrl !== null;

  app.post(
    '/communities/:communityId/invitations',
    {
      config: { quota: 'invitations' },
      schema: {
        tags: ['invitations'],
        summary:
          'Make an invitation link carrying a role (organizer; the operator may invite the first organizer)',
        security: signedIn,
        params: CommunityParams,
        body: CreateInvitationBody,
        response: { 201: InvitationMade },
      },
    },
    async (request, reply) => {
      const { role, maxUses = 1, expiresInDays = 7 } = request.body;
      const inv = await createInvitation(tx, ctx.clock, request.actor, request.params.communityId, {
        role,
        maxUses,
        expiresInDays,
      });
      return reply.code(201).send({ ...inv, url: `${ctx.config.publicUrl}/invite/${inv.token}` });
    },
  );

  app.get(
    '/communities/:communityId/invitations',
    {
      schema: {
        tags: ['invitations'],
        summary: 'Invitation links made for this community (organizer)',
        security: signedIn,
        params: CommunityParams,
        response: { 200: InvitationList },
      },
    },
    async (request) => ({
      items: await listInvitations(repos, request.actor, request.params.communityId),
    }),
  );

  app.delete(
    '/communities/:communityId/invitations/:invitationId',
    {
      schema: {
        tags: ['invitations'],
        summary: 'Revoke an invitation link (organizer)',
        security: signedIn,
        params: InvitationParams,
        response: { 200: Ok },
      },
    },
    async (request) => {
      await revokeInvitation(
        tx,
        ctx.clock,
        request.actor,
        request.params.communityId,
        request.params.invitationId,
      );
      return { ok: true as const };
    },
  );

  app.get(
    '/invitations/:token',
    {
      schema: {
        tags: ['invitations'],
        summary: 'What an invitation link is for',
        security: open,
        params: InvitationTokenParams,
        response: { 200: InvitationPreview },
      },
    },
    async (request) => previewInvitation(repos, ctx.clock, request.params.token),
  );

  app.post(
    '/invitations/:token/accept',
    {
      config: strictLimit(ctx.config.publicFormRateLimit),
      schema: {
        tags: ['invitations'],
        summary:
          'Join with an invitation: signed in, or by making an account (where email is sent: 202, the address gets a link to confirm)',
        security: [...sessionOnly, ...open],
        params: InvitationTokenParams,
        body: AcceptInvitationBody,
        response: { 200: InvitationAccepted, 202: InvitationPending },
      },
    },
    async (request, reply) => {
      const body = request.body && 'email' in request.body ? request.body : null;
      if (
        confirmByEmail &&
        body &&
        request.actor.kind !== 'user' &&
        request.actor.kind !== 'token'
      ) {
        await requestInvitationSignup(tx, signupDeps, request.params.token, body);
        return reply.code(202).send({ status: 'check-email' as const });
      }
      const r = await acceptInvitation(
        tx,
        ctx.store.repos,
        ctx.clock,
        sessionOptions,
        request.actor,
        request.params.token,
        body,
      );
      if (r.session) setSessionCookie(ctx, reply, r.session.token, r.session.expiresAt);
      return {
        communityId: r.communityId,
        role: r.role,
        userId: r.userId,
        csrfToken: r.session?.csrfToken ?? null,
      };
    },
  );

  app.post(
    '/invitations/confirm',
    {
      config: strictLimit(ctx.config.publicFormRateLimit),
      schema: {
        tags: ['invitations'],
        summary: 'Confirm the address of a new account from the emailed link: join and sign in',
        security: open,
        body: ConfirmSignupBody,
        response: { 200: InvitationAccepted },
      },
    },
    async (request, reply) => {
      const r = await confirmInvitationSignup(
        tx,
        { ...signupDeps, sessionOptions },
        request.body.token,
      );
      setSessionCookie(ctx, reply, r.session.token, r.session.expiresAt);
      return {
        communityId: r.communityId,
        role: r.role,
        userId: r.userId,
        csrfToken: r.session.csrfToken,
      };
    },
  );

  app.post(
    '/communities/:communityId/tokens',
    {
      config: { quota: 'tokens' },
      schema: {
        tags: ['tokens'],
        summary: 'Make an API token for this community (shown once)',
        security: sessionOnly,
        params: CommunityParams,
        body: CreateApiTokenBody,
        response: { 201: ApiTokenMade },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await createApiToken(
            tx,
            ctx.clock,
            request.actor,
            request.params.communityId,
            request.body.name,
          ),
        ),
  );

  app.get(
    '/communities/:communityId/tokens',
    {
      schema: {
        tags: ['tokens'],
        summary: 'My API tokens for this community',
        security: signedIn,
        params: CommunityParams,
        response: { 200: ApiTokenList },
      },
    },
    async (request) => ({
      items: await listApiTokens(repos, request.actor, request.params.communityId),
    }),
  );

  app.delete(
    '/communities/:communityId/tokens/:tokenId',
    {
      schema: {
        tags: ['tokens'],
        summary: 'Revoke one of my API tokens',
        security: signedIn,
        params: ApiTokenParams,
        response: { 200: Ok },
      },
    },
    async (request) => {
      await revokeApiToken(
        tx,
        ctx.clock,
        request.actor,
        request.params.communityId,
        request.params.tokenId,
      );
      return { ok: true as const };
    },
  );
};
