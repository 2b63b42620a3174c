// A real server (build() + inject) over a fresh database of the given dialect.
import type { FastifyInstance, FastifySchema } from 'fastify';
import { openContext, openIntegrations } from '../../src/app.ts';
import { loadConfig, type Config } from '../../src/config/env.ts';
import type { DialectName } from '../../src/db/client.ts';
import type { Clock } from '../../src/domain/common/clock.ts';
import type { AppContext } from '../../src/http/context.ts';
import { build } from '../../src/http/server.ts';
import type { IntegrationPlugin } from '../../src/integrations/plugin.ts';
import type { LoadedIntegrations } from '../../src/integrations/registry.ts';
import { createTestDatabase, type TestDatabase } from './db.ts';

export const TEST_KEY = `test1:${Buffer.alloc(32, 7).toString('base64')}`;

/** A route as Fastify registered it, heard through its onRoute hook. */
export interface RegisteredRoute {
  method: string;
  url: string;
  /** "METHOD /api/path/:param", the key used by the tables in the tests. */
  key: string;
  schema: FastifySchema | undefined;
}

export interface TestApp {
  app: FastifyInstance;
  ctx: AppContext;
  database: TestDatabase;
  /** Every route the server registered, in the order it registered them (HEAD twins included). */
  routes: readonly RegisteredRoute[];
  /** What the integrations brought: hand it to createJobService(t.ctx, { integrations }). */
  integrations: LoadedIntegrations;
  close(): Promise<void>;
}

export function testConfig(database: TestDatabase, env: Record<string, string> = {}): Config {
  return loadConfig({
    ...database.env,
    CALLIN_ENCRYPTION_KEYS: TEST_KEY,
    PUBLIC_URL: 'http://callin.test',
    RATE_LIMIT_SIGN_IN: '100000',
    RATE_LIMIT_PUBLIC_FORMS: '100000',
    RATE_LIMIT_API: '1000000',
    QUOTA_CONCERNS_PER_HOUR: '1000000',
    QUOTA_MESSAGES_PER_HOUR: '1000000',
    QUOTA_INVITATIONS_PER_HOUR: '1000000',
    QUOTA_TOKENS_PER_HOUR: '1000000',
    QUOTA_WRITES_PER_MINUTE: '1000000',
    LOG_LEVEL: 'silent',
    ...env,
  });
}

export async function createTestApp(
  dialect: DialectName,
  options: {
    env?: Record<string, string>;
    clock?: Clock;
    /** The integrations to load instead of the product's own list. */
    integrations?: IntegrationPlugin[];
  } = {},
): Promise<TestApp> {
  const database = await createTestDatabase(dialect);
  const config = testConfig(database, options.env);
  const shared: AppContext = await openContext(config, {
    migrate: false,
    database: database.handle,
    ...(options.clock ? { clock: options.clock } : {}),
  });
  const integrations = await openIntegrations(
    shared,
    options.integrations ? { plugins: options.integrations } : {},
  );
  const routes: RegisteredRoute[] = [];
  const app = await build(shared, {
    serveWeb: false,
    integrations: integrations.routes,
    onRoute(route) {
      for (const method of [route.method].flat())
        routes.push({
          method,
          url: route.url,
          key: `${method} ${route.url}`,
          schema: route.schema,
        });
    },
  });
  return {
    app,
    ctx: shared,
    database,
    routes,
    integrations,
    async close() {
      await app.close();
      await integrations.close();
      await database.drop();
    },
  };
}
