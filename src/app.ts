// Opens everything the server, worker and CLI share: database (migrated), key ring, store.
import type { Config } from './config/env.ts';
import { loadKeyRing } from './config/keys.ts';
import { openDatabase, type DatabaseHandle } from './db/client.ts';
import { migrateToLatest } from './db/migrate.ts';
import { createStore } from './db/store.ts';
import { offsetClock, type Clock } from './domain/common/clock.ts';
import { createAuditSeal } from './domain/audit/audit.ts';
import { createCipher } from './domain/privacy/crypto.ts';
import type { AppContext } from './http/context.ts';

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
