import {
  CallInParams,
  ConsentApprovalBody,
  ConsentDecisionBody,
  ConsentRequestBody,
  ConsentRequested,
  ConsentResult,
  ConsentView,
  NoBody,
  TokenParams,
} from '../../contract/index.ts';
import { noConditions } from '../../domain/conversation/call-in-state.ts';
import {
  approveAsOrganizer,
  confirmConsentAddress,
  decideConsent,
  requestConsent,
  viewConsent,
  withdrawConsent,
} from '../../domain/handoff/consent.ts';
import { open, signedIn, strictLimit, type RouteRegistrar } from './types.ts';

const tags = ['consent'];
const toDecision = (b: ConsentDecisionBody) => ({
  decision: b.decision,
  conditions: { ...noConditions, ...(b.conditions ?? {}) },
});

export const consentRoutes: RouteRegistrar = (app, ctx) => {
  const tx = ctx.store.transaction.bind(ctx.store);
  const { repos } = ctx.store;
  const deps = { clock: ctx.clock, cipher: ctx.cipher, publicUrl: ctx.config.publicUrl };
  const base = '/communities/:communityId/call-ins/:callInId';
  const limit = strictLimit(ctx.config.publicFormRateLimit * 6);

  app.post(
    `${base}/consent-request`,
    {
      schema: {
        tags,
        summary:
          'Ask the harmed person for consent before any contact with the member (caller or organizer)',
        security: signedIn,
        params: CallInParams,
        body: ConsentRequestBody,
        response: { 200: ConsentRequested },
      },
    },
    async (request) =>
      requestConsent(tx, deps, request.actor, request.params.communityId, request.params.callInId, {
        harmedUserId: request.body.harmedUserId ?? null,
        email: request.body.email ?? null,
        name: request.body.name ?? null,
      }),
  );

  app.post(
    `${base}/consent-request/confirmation`,
    {
      schema: {
        tags,
        summary:
          'Confirm the address a caller proposed and send the consent question (an organizer who is not the caller)',
        security: signedIn,
        params: CallInParams,
        body: NoBody,
        response: { 200: ConsentRequested },
      },
    },
    async (request) =>
      confirmConsentAddress(
        tx,
        deps,
        request.actor,
        request.params.communityId,
        request.params.callInId,
      ),
  );

  app.post(
    `${base}/consent`,
    {
      schema: {
        tags,
        summary: 'Agree, decline, or agree with conditions (the harmed person, signed in)',
        security: signedIn,
        params: CallInParams,
        body: ConsentDecisionBody,
        response: { 200: ConsentResult },
      },
    },
    async (request) =>
      decideConsent(
        tx,
        deps,
        { actor: request.actor, ...request.params },
        toDecision(request.body),
      ),
  );

  app.post(
    `${base}/consent/withdraw`,
    {
      // Withdrawing consent always works (rule 1): no per-account quota.
      config: { quota: false },
      schema: {
        tags,
        summary: 'Withdraw consent: the call-in stops at once (the harmed person, signed in)',
        security: signedIn,
        params: CallInParams,
        body: NoBody,
        response: { 200: ConsentResult },
      },
    },
    async (request) => withdrawConsent(tx, deps, { actor: request.actor, ...request.params }),
  );

  app.post(
    `${base}/consent/approval`,
    {
      schema: {
        tags,
        summary:
          'Stand in for a group or unknown harmed party: approve, or withdraw approval (organizer)',
        security: signedIn,
        params: CallInParams,
        body: ConsentApprovalBody,
        response: { 200: ConsentResult },
      },
    },
    async (request) =>
      approveAsOrganizer(
        tx,
        deps,
        request.actor,
        request.params.communityId,
        request.params.callInId,
        request.body.approve,
      ),
  );

  app.get(
    '/public/consent/:token',
    {
      config: limit,
      schema: {
        tags: ['public'],
        summary: 'What the harmed person is asked (consent or follow link, no account)',
        security: open,
        params: TokenParams,
        response: { 200: ConsentView },
      },
    },
    async (request) => viewConsent(repos, deps, { token: request.params.token }),
  );

  app.post(
    '/public/consent/:token',
    {
      config: limit,
      schema: {
        tags: ['public'],
        summary: 'Answer through the private link',
        security: open,
        params: TokenParams,
        body: ConsentDecisionBody,
        response: { 200: ConsentResult },
      },
    },
    async (request) =>
      decideConsent(tx, deps, { token: request.params.token }, toDecision(request.body)),
  );

  app.post(
    '/public/consent/:token/withdraw',
    {
      config: { ...limit, quota: false },
      schema: {
        tags: ['public'],
        summary: 'Withdraw consent through the private link',
        security: open,
        params: TokenParams,
        body: NoBody,
        response: { 200: ConsentResult },
      },
    },
    async (request) => withdrawConsent(tx, deps, { token: request.params.token }),
  );
};
