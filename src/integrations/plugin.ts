// Every integration (email now; Slack, Discord and webhooks later) has the same shape: a name
// and a register() that receives what it may use. Integrations are listed in ./index.ts.
import type { Config } from '../config/env.ts';
import type { Store } from '../db/store.ts';
import type { Clock } from '../domain/common/clock.ts';
import type { Cipher } from '../domain/privacy/crypto.ts';
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
  /** Adds a job definition (for example `notify.email`) to the queue's registry. */
  defineJob(definition: JobDefinition): void;
  /** Runs when the worker or server shuts down. */
  onClose(fn: () => void | Promise<void>): void;
}

export interface IntegrationPlugin {
  name: string;
  register(ctx: IntegrationContext): void | Promise<void>;
}
