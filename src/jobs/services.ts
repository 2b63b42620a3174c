// What jobs may use: the same things the server shares (database, store, cipher, clock).
import type { Config } from '../config/env.ts';
import type { DatabaseHandle } from '../db/client.ts';
import type { Store } from '../db/store.ts';
import type { Clock } from '../domain/common/clock.ts';
import type { Cipher } from '../domain/privacy/crypto.ts';

export interface JobServices {
  config: Config;
  database: DatabaseHandle;
  store: Store;
  cipher: Cipher;
  clock: Clock;
}
