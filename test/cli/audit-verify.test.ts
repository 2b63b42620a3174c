// Rule 6: the audit log is append-only and tamper-evident, including against removal of its
// newest entries, recomputation of the chain, and an older database restored over a newer
// checkpoint. `callin audit verify` (run in-process through the CLI's own main) names each.
import fs from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openContext } from '../../src/app.ts';
import { writeCheckpoint } from '../../src/cli/audit-checkpoint.ts';
import { main } from '../../src/cli/main.ts';
import { openDatabase } from '../../src/db/client.ts';
import { toAuditEntry } from '../../src/db/records.ts';
import { GENESIS_HASH, legacyHash } from '../../src/domain/audit/audit.ts';
import { createCommunity } from '../../src/domain/accounts/communities.ts';
import type { AppContext } from '../../src/http/context.ts';
import { testConfig } from '../helpers/app.ts';
import { createTestDatabase, testDialects, type TestDatabase } from '../helpers/db.ts';

interface Verified {
  code: number;
  out: string;
  json: {
    ok: boolean;
    checked: number;
    firstBroken: { seq: number; problem: string } | null;
    head: { count: number; lastSeq: number; lastMac: string };
    checkpointProblem: string | null;
  };
}

async function verify(env: Record<string, string>): Promise<Verified> {
  const lines: string[] = [];
  const io = {
    out: (t: string) => lines.push(t),
    err: (t: string) => lines.push(t),
    stdin: new PassThrough(),
    env: { ...env, LOG_LEVEL: 'silent' },
    cwd: process.cwd(),
  };
  const code = await main(['audit', 'verify', '--json'], io);
  const text = await main(['audit', 'verify'], { ...io, out: (t) => lines.push(`TEXT ${t}`) });
  expect(text).toBe(code);
  const json = JSON.parse(lines[0]!) as Verified['json'];
  return { code, out: lines.filter((l) => l.startsWith('TEXT ')).join('\n'), json };
}

for (const dialect of testDialects()) {
  describe(`callin audit verify (${dialect})`, () => {
    let database: TestDatabase;
    let env: Record<string, string>;
    let ctx: AppContext;

    beforeEach(async () => {
      database = await createTestDatabase(dialect);
      env = { ...database.env, CALLIN_ENCRYPTION_KEYS: testConfig(database).encryptionKeys! };
      ctx = await openContext(testConfig(database), { migrate: false, database: database.handle });
      // 30 entries, then the checkpoint a running server would have written.
      for (let i = 0; i < 30; i++)
        await createCommunity(
          ctx.store.transaction.bind(ctx.store),
          ctx.clock,
          { kind: 'cli' },
          { slug: `c-${i}-${Date.now().toString(36)}`, name: `Community ${i}` },
        );
      expect(await writeCheckpoint(ctx)).toBe(true);
    });
    afterEach(() => database.drop());

    it('says the log is intact when nothing was touched', async () => {
      const r = await verify(env);
      expect(r.code).toBe(0);
      expect(r.json).toMatchObject({ ok: true, checked: 30, firstBroken: null });
      expect(r.json.head).toMatchObject({ count: 30, lastSeq: 30 });
      expect(r.out).toContain('intact');
    });

    it('names the newest entries removed, and keeps the checkpoint that proves it', async () => {
      await database.handle.db.deleteFrom('audit_log').where('seq', '>', 5).execute();
      const before = fs.readFileSync(ctx.config.auditCheckpointFile, 'utf8');
      const r = await verify(env);
      expect(r.code).toBe(1);
      expect(r.json.ok).toBe(false);
      expect(r.json.firstBroken).toMatchObject({ seq: 6 });
      expect(r.json.firstBroken!.problem).toContain('newest entries were removed');
      expect(r.out).toContain('broken at entry 6');
      // A process writing its checkpoint now must not paper over the gap.
      expect(await writeCheckpoint(ctx)).toBe(false);
      expect(fs.readFileSync(ctx.config.auditCheckpointFile, 'utf8')).toBe(before);
    });

    it('names a chain recomputed without the key from an edited entry on', async () => {
      // Someone with the database but not the key edits entry 12 and rebuilds every later
      // entry with a plain hash, as the log was before it was keyed.
      const rows = await database.handle.db
        .selectFrom('audit_log')
        .selectAll()
        .orderBy('seq')
        .execute();
      let prev = rows[10]!.hash;
      for (const row of rows.slice(11)) {
        const e = {
          ...toAuditEntry(row),
          action: Number(row.seq) === 12 ? ('community.update' as const) : row.action,
          prevHash: prev,
        };
        const hash = legacyHash(e);
        await database.handle.db
          .updateTable('audit_log')
          .set({ action: e.action, prev_hash: prev, hash, key_id: null })
          .where('seq', '=', e.seq)
          .execute();
        prev = hash;
      }
      const r = await verify(env);
      expect(r.code).toBe(1);
      expect(r.json.firstBroken).toMatchObject({ seq: 12 });
      expect(r.json.firstBroken!.problem).toContain('recomputed without the key');
    });

    it('names a whole chain recomputed without the key, even with no keyed entry left', async () => {
      const rows = await database.handle.db
        .selectFrom('audit_log')
        .selectAll()
        .orderBy('seq')
        .execute();
      let prev = GENESIS_HASH;
      for (const row of rows) {
        const hash = legacyHash({ ...toAuditEntry(row), prevHash: prev });
        await database.handle.db
          .updateTable('audit_log')
          .set({ prev_hash: prev, hash, key_id: null })
          .where('seq', '=', Number(row.seq))
          .execute();
        prev = hash;
      }
      const r = await verify(env);
      expect(r.code).toBe(1);
      expect(r.json.firstBroken).toMatchObject({ seq: 1 });
      // And with the checkpoint deleted too, verify still refuses to call it intact.
      fs.rmSync(ctx.config.auditCheckpointFile);
      const without = await verify(env);
      expect(without.code).toBe(1);
      expect(without.json.checkpointProblem).toContain('no checkpoint');
    });

    it('names an edited checkpoint file', async () => {
      const file = ctx.config.auditCheckpointFile;
      const c = JSON.parse(fs.readFileSync(file, 'utf8')) as { count: number; lastSeq: number };
      fs.writeFileSync(file, JSON.stringify({ ...c, count: 5, lastSeq: 5 }));
      const r = await verify(env);
      expect(r.code).toBe(1);
      expect(r.json.checkpointProblem).toContain('changed after it was written');
    });

    it('holds across keys: entries sealed before a rotation still verify', async () => {
      const rotated = `new1:${Buffer.alloc(32, 9).toString('base64')},${env.CALLIN_ENCRYPTION_KEYS}`;
      const next = await openContext(testConfig(database, { CALLIN_ENCRYPTION_KEYS: rotated }), {
        migrate: false,
        database: database.handle,
      });
      await createCommunity(
        next.store.transaction.bind(next.store),
        next.clock,
        { kind: 'cli' },
        { slug: `rotated-${Date.now().toString(36)}`, name: 'After rotation' },
      );
      expect(await writeCheckpoint(next)).toBe(true);
      const r = await verify({ ...env, CALLIN_ENCRYPTION_KEYS: rotated });
      expect(r.json).toMatchObject({ ok: true, checked: 31 });
      const keys = await database.handle.db
        .selectFrom('audit_log')
        .select('key_id')
        .distinct()
        .execute();
      expect(keys.map((k) => k.key_id).sort()).toEqual(['new1', 'test1']);
      // Without the newer key, its entry cannot be verified: said, not passed over.
      const old = await verify(env);
      expect(old.code).toBe(1);
      expect(old.json.firstBroken).toMatchObject({ seq: 31 });
    });

    it.runIf(dialect === 'sqlite')(
      'names an older copy of the database restored over a newer checkpoint',
      async () => {
        const file = database.handle.file!;
        const older = path.join(database.dataDir, 'older.sqlite');
        await database.handle.backup(older);
        for (let i = 0; i < 3; i++)
          await createCommunity(
            ctx.store.transaction.bind(ctx.store),
            ctx.clock,
            { kind: 'cli' },
            { slug: `later-${i}-${Date.now().toString(36)}`, name: `Later ${i}` },
          );
        expect(await writeCheckpoint(ctx)).toBe(true);
        await database.handle.close();
        for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
        fs.copyFileSync(older, file);
        database.handle = openDatabase({ databaseUrl: null, dataDir: database.dataDir });
        const r = await verify(env);
        expect(r.code).toBe(1);
        expect(r.json.firstBroken).toMatchObject({ seq: 31 });
        expect(r.json.firstBroken!.problem).toContain('older database was restored');
      },
    );
  });
}

describe('an audit log from before keyed entries', () => {
  it('verifies its old plain entries and seals new ones, and a rebuilt tail is named', async () => {
    const database = await createTestDatabase('sqlite');
    try {
      const db = database.handle.db;
      // Three entries as the previous release wrote them: plain SHA-256, no key id.
      let prev = GENESIS_HASH;
      for (let seq = 1; seq <= 3; seq++) {
        const e = {
          seq,
          community_id: null,
          actor_kind: 'cli' as const,
          actor_id: null,
          action: 'operator.create' as const,
          target_type: 'user' as const,
          target_id: null,
          at: new Date(Date.UTC(2026, 10, seq)).toISOString(),
          prev_hash: prev,
        };
        const hash = legacyHash(toAuditEntry({ ...e, hash: '', key_id: null }));
        await db
          .insertInto('audit_log')
          .values({ ...e, hash, key_id: null })
          .execute();
        prev = hash;
      }
      const env = {
        ...database.env,
        CALLIN_ENCRYPTION_KEYS: testConfig(database).encryptionKeys!,
      };
      const ctx = await openContext(testConfig(database), {
        migrate: false,
        database: database.handle,
      });
      await createCommunity(
        ctx.store.transaction.bind(ctx.store),
        ctx.clock,
        { kind: 'cli' },
        { slug: 'after-upgrade', name: 'After the upgrade' },
      );
      expect(await writeCheckpoint(ctx)).toBe(true);
      const r = await verify(env);
      expect(r.json).toMatchObject({ ok: true, checked: 4 });
      // Rewriting the keyed entry as a plain one (no key needed) is named.
      const row = await db
        .selectFrom('audit_log')
        .selectAll()
        .where('seq', '=', 4)
        .executeTakeFirstOrThrow();
      await db
        .updateTable('audit_log')
        .set({ hash: legacyHash(toAuditEntry(row)), key_id: null })
        .where('seq', '=', 4)
        .execute();
      const broken = await verify(env);
      expect(broken.json.firstBroken).toMatchObject({ seq: 4 });
    } finally {
      await database.drop();
    }
  });
});
