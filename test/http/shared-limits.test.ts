// Limits that hold for people, not processes: sign-in is throttled per account as well as per
// address, and two servers on one database count together (their counts live in the database).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openContext } from '../../src/app.ts';
import { openDatabase, type DatabaseHandle } from '../../src/db/client.ts';
import { build } from '../../src/http/server.ts';
import type { FastifyInstance } from 'fastify';
import { createTestApp, testConfig, type TestApp } from '../helpers/app.ts';
import { testDialects } from '../helpers/db.ts';
import { buildCommunity, buildMember, PASSWORD } from '../helpers/factories.ts';

for (const dialect of testDialects()) {
  describe(`shared limits (${dialect})`, () => {
    let t: TestApp;
    let second: { app: FastifyInstance; handle: DatabaseHandle };
    let email: string;
    let otherEmail: string;

    beforeAll(async () => {
      const env = {
        RATE_LIMIT_SIGN_IN: '3',
        RATE_LIMIT_SIGN_IN_ACCOUNT: '4',
        RATE_LIMIT_PUBLIC_FORMS: '1000',
      };
      t = await createTestApp(dialect, { env });
      // A second server on the same database, with its own connections, as a second process.
      const handle =
        dialect === 'sqlite'
          ? openDatabase({ databaseUrl: null, dataDir: t.database.dataDir })
          : openDatabase({
              databaseUrl: t.database.env.DATABASE_URL!,
              dataDir: t.database.dataDir,
              poolSize: 2,
            });
      const ctx = await openContext(testConfig(t.database, env), {
        migrate: false,
        database: handle,
      });
      second = { app: await build(ctx, { serveWeb: false }), handle };
      const community = await buildCommunity(t);
      const a = await buildMember(t, community.id, 'member', 'Asha');
      const b = await buildMember(t, community.id, 'member', 'Bo');
      const me = async (c: typeof a) => (await c.get('/api/me')).body.user.email as string;
      email = await me(a);
      otherEmail = await me(b);
    });
    afterAll(async () => {
      await second?.app.close();
      await second?.handle.close();
      await t.close();
    });

    const attempt = (app: FastifyInstance, remoteAddress: string, who: string, password: string) =>
      app.inject({
        method: 'POST',
        url: '/api/auth/sign-in',
        payload: { email: who, password },
        remoteAddress,
      });

    it('one address is limited across both servers', async () => {
      expect((await attempt(t.app, '10.1.0.1', otherEmail, 'not the password')).statusCode).toBe(
        401,
      );
      expect(
        (await attempt(second.app, '10.1.0.1', otherEmail, 'not the password')).statusCode,
      ).toBe(401);
      expect((await attempt(t.app, '10.1.0.1', otherEmail, 'not the password')).statusCode).toBe(
        401,
      );
      // The fourth from that address, on either server, is refused, even with the password.
      const limited = await attempt(second.app, '10.1.0.1', otherEmail, PASSWORD);
      expect(limited.statusCode).toBe(429);
      expect(limited.json()).toMatchObject({ code: 'rate_limited' });
      expect(limited.headers['set-cookie']).toBeUndefined();
    });

    it('one account tried from many addresses slows down too; other accounts do not', async () => {
      for (let i = 0; i < 4; i++) {
        const app = i % 2 === 0 ? t.app : second.app;
        expect((await attempt(app, `10.2.0.${i}`, email, 'a guess')).statusCode).toBe(401);
      }
      const limited = await attempt(t.app, '10.2.0.50', email, PASSWORD);
      expect(limited.statusCode).toBe(429);
      expect(limited.json()).toMatchObject({ code: 'rate_limited' });
      // The same address can still sign in to another account.
      expect((await attempt(t.app, '10.2.0.51', otherEmail, PASSWORD)).statusCode).toBe(200);
    });

    it('keeps no address or email in the database, only hashed buckets', async () => {
      const rows = await t.database.handle.db.selectFrom('rate_limits').selectAll().execute();
      expect(rows.length).toBeGreaterThan(0);
      const text = JSON.stringify(rows);
      expect(text).not.toContain('10.1.0.1');
      expect(text).not.toContain(email.split('@')[0]);
    });
  });
}
