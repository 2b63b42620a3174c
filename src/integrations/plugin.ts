// Every integration (email now; Slack, Discord and webhooks later) has the same shape: a name
// and a register() that receives what it may use and adds what it brings: routes, jobs and
// notification channels. Integrations are listed in ./index.ts and loaded by ./registry.ts at
// the composition root (src/app.ts), for the server, the worker and the CLI alike.
import type { FastifyPluginAsync } from 'fastify';
import type { Config } from '../config/env.ts';
import type { Store } from '../db/store.ts';
import type { Clock } from '../domain/common/clock.ts';
import type { Cipher } from '../domain/privacy/crypto.ts';
import type { NotificationChannel } from '../domain/notifications/notifications.ts';
import type { JobDefinition, JobLogger } from '../jobs/definition.ts';
import type { HttpClient } from './http-client.ts';

export interface IntegrationContext {
  config: Config;
  store: Store;
  cipher: Cipher;
  clock: Clock;
  logger: JobLogger;
  /** The one outbound HTTP client (refuses internal addresses unless ALLOW_INTERNAL_HTTP). */
  http: HttpClient;
  /** Adds a job definition to the queue's registry. */
  defineJob(definition: JobDefinition): void;
  /**
   * Adds a notification channel: every notification the product sends reaches it (through the
   * `notify.<channel name>` job), and it decides whether it can reach the person.
   */
  addChannel(channel: NotificationChannel): void;
  /**
   * Adds routes under `/api/integrations/<integration name>/`, as an encapsulated Fastify
   * plugin: content-type parsers, hooks and decorators it adds stay inside it. A platform that
   * signs its requests (Slack, Discord) replaces the body parsers there to read the raw bytes.
   * Errors keep the API's shape: throw AppError (for example `invalid_signature`).
   */
  addRoutes(routes: FastifyPluginAsync): void;
  /** Runs when the worker or server shuts down. */
  onClose(fn: () => void | Promise<void>): void;
}

export interface IntegrationPlugin {
  /** Lower-case, one word: also the folder under src/integrations/ and the route prefix. */
  name: string;
  register(ctx: IntegrationContext): void | Promise<void>;
}
