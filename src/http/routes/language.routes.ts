import type { MAX_API_TEXT as CONTRACT_MAX_API_TEXT } from '../../contract/index.ts';
import {
  CheckBody,
  CheckResult,
  CoachBody,
  CoachResult,
  languageCategories,
  type LanguageCategory,
} from '../../contract/index.ts';
import { checkText, languageConfigFor } from '../../domain/conversation/language-check.ts';
import {
  coachDraft,
  coachReply,
  MAX_API_TEXT,
  toApiFindings,
  type Category,
} from '../../language/index.ts';
import { signedIn, type RouteRegistrar } from './types.ts';

// src/language stands alone, so it keeps its own copy of these; the type check keeps them equal.
const _sameCategories: readonly Category[] = languageCategories;
const _sameCategoriesBack: readonly LanguageCategory[] = [] as Category[];
const _sameLimit: typeof CONTRACT_MAX_API_TEXT = MAX_API_TEXT;

export const languageRoutes: RouteRegistrar = (app, ctx) => {
  const { repos } = ctx.store;
  // Checking stores nothing: a per-address limit, no per-account quota.
  const limit = { rateLimit: { max: 120, timeWindow: '1 minute' }, quota: false as const };

  app.post(
    '/language/check',
    {
      config: limit,
      schema: {
        tags: ['language'],
        summary: "Check text for inconsiderate wording (with a community's settings when given)",
        security: signedIn,
        body: CheckBody,
        response: { 200: CheckResult },
      },
    },
    async (request) => {
      const config = await languageConfigFor(repos, request.actor, request.body.communityId);
      return { findings: checkText(config, request.body.text, request.body.markdown ?? true) };
    },
  );

  app.post(
    '/language/coach',
    {
      config: limit,
      schema: {
        tags: ['language'],
        summary:
          'Coach a call-in draft, or a reply to being called in: what may land badly, and what works',
        security: signedIn,
        body: CoachBody,
        response: { 200: CoachResult },
      },
    },
    async (request) => {
      const config =
        (await languageConfigFor(repos, request.actor, request.body.communityId)) ?? undefined;
      const options = config ? { config } : {};
      const result =
        request.body.kind === 'draft'
          ? coachDraft(request.body.text, options)
          : coachReply(request.body.text, options);
      return {
        findings: result.findings,
        strengths: result.strengths,
        language: toApiFindings(result.language),
      };
    },
  );
};
