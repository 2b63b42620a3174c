// Everything a request handler may need, built once at start-up.
import type { Config } from '../config/env.ts';
import type { DatabaseHandle } from '../db/client.ts';
import type { Store } from '../db/store.ts';
import type { Clock } from '../domain/common/clock.ts';
import type { Cipher } from '../domain/privacy/crypto.ts';

export interface AppContext {
  config: Config;
  database: DatabaseHandle;
  store: Store;
  cipher: Cipher;
  clock: Clock;
}
