// Per-account quotas (issue 9, "limits that fit people"): one account, signed in or through any
// of its API tokens, may only raise so many concerns, send so many messages, make so many
// invitations and tokens, and make so many other changes in a while, whichever address it
// comes from. Counted in the database's `rate_limits` table (src/db/rate-limits.ts), so every
// process on one database counts together. The public forms keep their per-address limits.
//
// A route names its quota in its config (`config: { quota: 'concerns' }`); every other write by
// an account counts as `writes`; `quota: false` exempts a route (signing out, withdrawing
// consent, erasing one's account, and the checks that store nothing must always work).
import type { FastifyInstance } from 'fastify';
import type { Config } from '../../config/env.ts';
import { AppError } from '../../config/errors.ts';
import type { QuotaKind } from '../../contract/vocabulary.ts';
import type { SharedCounters } from '../../db/rate-limits.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The per-account quota this route counts against; false for none. Default: `writes`. */
    quota?: QuotaKind | false;
  }
}

const HOUR = 3_600_000;
const MINUTE = 60_000;
const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export interface Quota {
  max: number;
  windowMs: number;
  /** In words, for the error's `why`. */
  words: string;
}

export function quotasOf(config: Config): Record<QuotaKind, Quota> {
  return {
    concerns: {
      max: config.quotaConcernsPerHour,
      windowMs: HOUR,
      words: `One account can raise up to ${config.quotaConcernsPerHour} concerns an hour.`,
    },
    messages: {
      max: config.quotaMessagesPerHour,
      windowMs: HOUR,
      words: `One account can send up to ${config.quotaMessagesPerHour} messages an hour.`,
    },
    invitations: {
      max: config.quotaInvitationsPerHour,
      windowMs: HOUR,
      words: `One account can make up to ${config.quotaInvitationsPerHour} invitation links an hour.`,
    },
    tokens: {
      max: config.quotaTokensPerHour,
      windowMs: HOUR,
      words: `One account can make up to ${config.quotaTokensPerHour} API tokens an hour.`,
    },
    writes: {
      max: config.quotaWritesPerMinute,
      windowMs: MINUTE,
      words: `One account can make up to ${config.quotaWritesPerMinute} changes a minute.`,
    },
  };
}

/** Counts each write by an account against its quota; over it, 429 `quota_exceeded`. */
export function registerQuotas(app: FastifyInstance, config: Config, counters: SharedCounters) {
  const quotas = quotasOf(config);
  app.addHook('preHandler', async (request, reply) => {
    if (!WRITES.has(request.method)) return;
    const actor = request.actor;
    if (actor.kind !== 'user' && actor.kind !== 'token') return;
    const configured = request.routeOptions.config.quota;
    if (configured === false) return;
    const kind = configured ?? 'writes';
    const quota = quotas[kind];
    if (quota.max === 0) return;
    let count;
    try {
      count = await counters.hit(`quota:${kind}:${actor.userId}`, quota.windowMs);
    } catch {
      // The database cannot count: the request goes on and meets the database itself.
      return;
    }
    if (count.hits <= quota.max) return;
    reply.header('retry-after', String(Math.max(1, Math.ceil(count.resetInMs / 1000))));
    throw new AppError('quota_exceeded', { reason: kind, why: quota.words });
  });
}
