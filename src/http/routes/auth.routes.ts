import {
  AccountLinkParams,
  ChangeEmailBody,
  ChangePasswordBody,
  ForgotPasswordBody,
  ResetPasswordBody,
  Me,
  MyConcernList,
  Ok,
  SetupBody,
  SetupDone,
  SignedIn,
  PasswordChanged,
  SignedOutEverywhere,
  SignInBody,
  WhoAmI,
} from '../../contract/index.ts';
import { AppError } from '../../config/errors.ts';
import {
  completeSetup,
  signIn,
  signOut,
  signOutEverywhere,
} from '../../domain/accounts/accounts.ts';
import {
  changePassword,
  checkResetLink,
  confirmEmailChange,
  requestEmailChange,
  requestPasswordReset,
  resetPassword,
} from '../../domain/accounts/account-security.ts';
import { hashSecret } from '../../domain/common/tokens.ts';
import { requirePerson } from '../../domain/access/policy.ts';
import { listMyConcerns } from '../../domain/intake/concerns.ts';
import { presentCommunity } from '../../domain/accounts/communities.ts';
import { sharedCounters } from '../../db/rate-limits.ts';
import { clearSessionCookie, setSessionCookie } from '../plugins/auth.ts';
import { open, sessionOnly, signedIn, strictLimit, type RouteRegistrar } from './types.ts';

const ACCOUNT_WINDOW_MS = 15 * 60_000;
/** Reset emails to one address: at most this many an hour, however many addresses ask. */
const RESETS_PER_EMAIL = 5;
const RESET_WINDOW_MS = 60 * 60_000;

export const authRoutes: RouteRegistrar = (app, ctx) => {
  const sessionOptions = { ttlHours: ctx.config.sessionTtlHours };
  const tx = ctx.store.transaction.bind(ctx.store);
  const counters = sharedCounters(ctx.database.db);
  const deps = { clock: ctx.clock, cipher: ctx.cipher, publicUrl: ctx.config.publicUrl };

  app.post(
    '/setup',
    {
      config: strictLimit(ctx.config.publicFormRateLimit),
      schema: {
        tags: ['accounts'],
        summary: 'Create the first operator with the one-time setup link',
        security: open,
        body: SetupBody,
        response: { 201: SetupDone },
      },
    },
    async (request, reply) => {
      const { token, ...account } = request.body;
      const result = await completeSetup(tx, ctx.clock, token, account);
      return reply.code(201).send(result);
    },
  );

  app.post(
    '/auth/sign-in',
    {
      config: strictLimit(ctx.config.signInRateLimit),
      schema: {
        tags: ['accounts'],
        summary: 'Sign in with email and password',
        security: open,
        body: SignInBody,
        response: { 200: SignedIn },
      },
    },
    async (request, reply) => {
      // Beside the per-address limit: one account, tried from many addresses, slows down too.
      const account = await counters.hit(
        `sign-in-account:${request.body.email.trim().toLowerCase()}`,
        ACCOUNT_WINDOW_MS,
      );
      if (account.hits > ctx.config.signInAccountRateLimit) throw new AppError('rate_limited');
      const s = await signIn(
        ctx.store.repos,
        tx,
        ctx.clock,
        sessionOptions,
        request.body.email,
        request.body.password,
      );
      setSessionCookie(ctx, reply, s.token, s.expiresAt);
      return { userId: s.userId, csrfToken: s.csrfToken };
    },
  );

  app.post(
    '/auth/sign-out',
    {
      config: { quota: false },
      schema: {
        tags: ['accounts'],
        summary: 'Sign out of this browser',
        security: sessionOnly,
        response: { 200: Ok },
      },
    },
    async (request, reply) => {
      if (request.session) await signOut(tx, ctx.clock, request.actor, request.session.token);
      clearSessionCookie(ctx, reply);
      return { ok: true as const };
    },
  );

  app.post(
    '/auth/sign-out-everywhere',
    {
      config: { quota: false },
      schema: {
        tags: ['accounts'],
        summary: 'Sign out of every browser and device',
        security: sessionOnly,
        response: { 200: SignedOutEverywhere },
      },
    },
    async (request, reply) => {
      requirePerson(request.actor);
      const ended = await signOutEverywhere(tx, ctx.clock, request.actor);
      clearSessionCookie(ctx, reply);
      return { ok: true as const, ...ended };
    },
  );

  app.get(
    '/me',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Who is signed in, and their communities',
        security: sessionOnly,
        response: { 200: Me },
      },
    },
    async (request) => {
      const { actor, session } = request;
      requirePerson(actor);
      if (!session) throw new AppError('sign_in_required');
      const communities = await ctx.store.repos.communities.listForUser(actor.userId);
      return {
        user: {
          id: actor.userId,
          email: session.email,
          displayName: session.displayName,
          isOperator: actor.isOperator,
        },
        csrfToken: session.csrfToken,
        communities: communities.map((c) => ({ ...presentCommunity(c), role: c.role })),
      };
    },
  );

  app.get(
    '/me/concerns',
    {
      schema: {
        tags: ['concerns'],
        summary: 'Concerns I raised under my name',
        security: sessionOnly,
        response: { 200: MyConcernList },
      },
    },
    async (request) => ({ items: await listMyConcerns(ctx.store.repos, request.actor) }),
  );

  // A GET of the audience for tokens: who the bearer is (works with either way of signing in).
  app.get(
    '/auth/whoami',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Who this request is signed in as',
        security: signedIn,
        response: { 200: WhoAmI },
      },
    },
    async (request) => {
      const a = request.actor;
      if (a.kind === 'user')
        return { userId: a.userId, via: 'session' as const, communityId: null };
      if (a.kind === 'token')
        return { userId: a.userId, via: 'token' as const, communityId: a.communityId };
      throw new AppError('sign_in_required');
    },
  );
  // ---- looking after one's own account ------------------------------------------------------

  app.post(
    '/auth/forgot-password',
    {
      config: strictLimit(ctx.config.signInRateLimit),
      schema: {
        tags: ['accounts'],
        summary:
          'Ask for a link to choose a new password; answers the same whether or not the address has an account',
        security: open,
        body: ForgotPasswordBody,
        response: { 202: Ok },
      },
    },
    async (request, reply) => {
      // Counted per address asked about too, whether or not it has an account (no oracle).
      const email = request.body.email.normalize('NFKC').trim().toLowerCase();
      const tries = await counters.hit(`password-reset-email:${email}`, RESET_WINDOW_MS);
      if (tries.hits > RESETS_PER_EMAIL) throw new AppError('rate_limited');
      await requestPasswordReset(tx, deps, request.body.email);
      return reply.code(202).send({ ok: true as const });
    },
  );

  app.get(
    '/auth/reset-password/:token',
    {
      config: strictLimit(ctx.config.signInRateLimit),
      schema: {
        tags: ['accounts'],
        summary: 'Whether a link to choose a new password still works',
        security: open,
        params: AccountLinkParams,
        response: { 200: Ok },
      },
    },
    async (request) => {
      await checkResetLink(ctx.store.repos, ctx.clock, request.params.token);
      return { ok: true as const };
    },
  );

  app.post(
    '/auth/reset-password/:token',
    {
      config: strictLimit(ctx.config.signInRateLimit),
      schema: {
        tags: ['accounts'],
        summary: 'Choose a new password with the emailed link (once); signs out everywhere',
        security: open,
        params: AccountLinkParams,
        body: ResetPasswordBody,
        response: { 200: Ok },
      },
    },
    async (request) => {
      await resetPassword(tx, deps, request.params.token, request.body.password);
      return { ok: true as const };
    },
  );

  app.post(
    '/auth/confirm-email/:token',
    {
      config: strictLimit(ctx.config.signInRateLimit),
      schema: {
        tags: ['accounts'],
        summary: 'Confirm a new email address with the link sent to it',
        security: open,
        params: AccountLinkParams,
        response: { 200: Ok },
      },
    },
    async (request) => {
      await confirmEmailChange(tx, deps, request.params.token);
      return { ok: true as const };
    },
  );

  app.post(
    '/me/password',
    {
      config: strictLimit(ctx.config.signInRateLimit),
      schema: {
        tags: ['accounts'],
        summary: 'Change my password (needs the current one); signs out my other sessions',
        security: sessionOnly,
        body: ChangePasswordBody,
        response: { 200: PasswordChanged },
      },
    },
    async (request) => {
      requirePerson(request.actor);
      if (!request.session) throw new AppError('sign_in_required');
      const n = await changePassword(
        tx,
        deps,
        request.actor,
        hashSecret(request.session.token),
        request.body,
      );
      return { ok: true as const, sessionsEnded: n };
    },
  );

  app.post(
    '/me/email',
    {
      config: strictLimit(ctx.config.signInRateLimit),
      schema: {
        tags: ['accounts'],
        summary:
          'Move my account to a new email address (needs my password); a link to confirm goes to the new address',
        security: sessionOnly,
        body: ChangeEmailBody,
        response: { 202: Ok },
      },
    },
    async (request, reply) => {
      requirePerson(request.actor);
      if (!request.session) throw new AppError('sign_in_required');
      await requestEmailChange(tx, deps, request.actor, request.body);
      return reply.code(202).send({ ok: true as const });
    },
  );
};
