import { Type } from '@sinclair/typebox';
import { checkText, languageConfigFor } from '../../domain/conversation/language-check.ts';
import { coachDraft, coachReply, MAX_API_TEXT, toApiFindings } from '../../language/index.ts';
import { Enum, Uuid } from '../schemas.ts';
import { signedIn, type RouteRegistrar } from './types.ts';

const Finding = Type.Object({
  ruleId: Type.String(),
  category: Type.String(),
  severity: Type.String(),
  start: Type.Integer(),
  end: Type.Integer(),
  line: Type.Integer(),
  column: Type.Integer(),
  endLine: Type.Integer(),
  endColumn: Type.Integer(),
  text: Type.String(),
  message: Type.String(),
  explanation: Type.String(),
  suggestions: Type.Array(Type.String()),
});

const CoachFinding = Type.Object({
  id: Type.String(),
  start: Type.Integer(),
  end: Type.Integer(),
  text: Type.String(),
  why: Type.String(),
  suggestion: Type.String(),
});

/** What the draft and reply coaches answer. */
export const CoachResult = Type.Object({
  findings: Type.Array(CoachFinding),
  strengths: Type.Array(Type.String()),
  language: Type.Array(Finding),
});

export const languageRoutes: RouteRegistrar = (app, ctx) => {
  const { repos } = ctx.store;
  const limit = { rateLimit: { max: 120, timeWindow: '1 minute' } };

  app.post(
    '/language/check',
    {
      config: limit,
      schema: {
        tags: ['language'],
        summary: "Check text for inconsiderate wording (with a community's settings when given)",
        security: signedIn,
        body: Type.Object(
          {
            text: Type.String({ maxLength: MAX_API_TEXT }),
            markdown: Type.Optional(Type.Boolean({ default: true })),
            communityId: Type.Optional(Uuid),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ findings: Type.Array(Finding) }) },
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
        body: Type.Object(
          {
            kind: Enum(['draft', 'reply'] as const),
            text: Type.String({ maxLength: MAX_API_TEXT }),
            communityId: Type.Optional(Uuid),
          },
          { additionalProperties: false },
        ),
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
