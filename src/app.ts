// The composition root. Opens everything the server, worker and CLI share (database, migrated;
// key ring; store) and loads the integrations, whose routes the server mounts and whose jobs
// and notification channels the job service runs.
import type { Config } from './config/env.ts';
import { loadKeyRing } from './config/keys.ts';
import { openDatabase, type DatabaseHandle } from './db/client.ts';
import { migrateToLatest } from './db/migrate.ts';
import { createStore } from './db/store.ts';
import { offsetClock, type Clock } from './domain/common/clock.ts';
import { createAuditSeal } from './domain/audit/audit.ts';
import { createCipher } from './domain/privacy/crypto.ts';
import type { AppContext } from './http/context.ts';
import { integrations as defaultIntegrations } from './integrations/index.ts';
import type { IntegrationPlugin } from './integrations/plugin.ts';
import { loadIntegrations, type LoadedIntegrations } from './integrations/registry.ts';
import type { JobLogger } from './jobs/definition.ts';

export async function openContext(
  config: Config,
  options: { clock?: Clock; migrate?: boolean; database?: DatabaseHandle } = {},
): Promise<AppContext> {
  const database =
    options.database ??
    openDatabase({
      databaseUrl: config.databaseUrl,
      dataDir: config.dataDir,
      readCache: config.readCache,
    });
  try {
    if (options.migrate !== false) await migrateToLatest(database.db);
    const keyRing = loadKeyRing(config);
    return {
      config,
      database,
      store: createStore(database, createAuditSeal(keyRing)),
      cipher: createCipher(keyRing),
      clock: options.clock ?? offsetClock(config.testClockOffsetMs),
    };
  } catch (e) {
    await database.close();
    throw e;
  }
}

/**
 * Loads the integrations (by default every one in src/integrations/index.ts). Hand `routes` to
 * build() and the whole result to createJobService(); close it after both.
 */
export function openIntegrations(
  ctx: AppContext,
  options: { logger?: JobLogger; plugins?: readonly IntegrationPlugin[] } = {},
): Promise<LoadedIntegrations> {
  return loadIntegrations(ctx, options.plugins ?? defaultIntegrations, options.logger);
}
