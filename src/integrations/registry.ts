// Loads integrations: calls each plugin's register() once and collects what it adds. Used at the
// composition root (src/app.ts); the server mounts the routes, the job service runs the jobs
// and delivers every notification to the channels.
import type { FastifyPluginAsync } from 'fastify';
import type { Config } from '../config/env.ts';
import type { Store } from '../db/store.ts';
import type { Clock } from '../domain/common/clock.ts';
import type { Cipher } from '../domain/privacy/crypto.ts';
import type { NotificationChannel } from '../domain/notifications/notifications.ts';
import { silentLogger, type JobDefinition, type JobLogger } from '../jobs/definition.ts';
import { createHttpClient } from './http-client.ts';
import type { IntegrationPlugin } from './plugin.ts';

export interface IntegrationRoutes {
  /** The integration's name: its routes live under `/api/integrations/<name>/`. */
  name: string;
  routes: FastifyPluginAsync;
}

export interface LoadedIntegrations {
  names: string[];
  routes: IntegrationRoutes[];
  jobs: JobDefinition[];
  channels: NotificationChannel[];
  /** Closes what the integrations opened (mail transports, sockets). */
  close(): Promise<void>;
}

const NAME = /^[a-z][a-z0-9-]{0,30}$/;

export async function loadIntegrations(
  services: { config: Config; store: Store; cipher: Cipher; clock: Clock },
  plugins: readonly IntegrationPlugin[],
  logger: JobLogger = silentLogger,
): Promise<LoadedIntegrations> {
  const loaded: LoadedIntegrations = {
    names: [],
    routes: [],
    jobs: [],
    channels: [],
    async close() {
      for (const fn of closers.splice(0).reverse()) await fn();
    },
  };
  const closers: (() => void | Promise<void>)[] = [];
  const http = createHttpClient({ allowInternal: services.config.allowInternalHttp });
  for (const plugin of plugins) {
    if (!NAME.test(plugin.name))
      throw new Error(`"${plugin.name}" is not a usable integration name.`);
    if (loaded.names.includes(plugin.name))
      throw new Error(`Two integrations are named "${plugin.name}".`);
    loaded.names.push(plugin.name);
    await plugin.register({
      ...services,
      logger,
      http,
      defineJob: (d) => loaded.jobs.push(d),
      addChannel: (c) => {
        if (!NAME.test(c.name)) throw new Error(`"${c.name}" is not a usable channel name.`);
        if (loaded.channels.some((x) => x.name === c.name))
          throw new Error(`Two notification channels are named "${c.name}".`);
        loaded.channels.push(c);
      },
      addRoutes: (routes) => loaded.routes.push({ name: plugin.name, routes }),
      onClose: (fn) => closers.push(fn),
    });
  }
  return loaded;
}
