// The rule-10 migration (2026-12-01T11, "acts") on a database that already holds a call-in and
// audit entries: the call-in reads back with nothing proposed, targeted or claimed, and the log
// (old entries without a channel, new ones with one) still verifies.
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openContext } from '../../src/app.ts';
import { migrateTo, migrateToLatest } from '../../src/db/migrate.ts';
import { recordAudit } from '../../src/domain/audit/audit-record.ts';
import { verifyChain } from '../../src/domain/audit/audit.ts';
import { newId, newSecret } from '../../src/domain/common/tokens.ts';
import { testConfig } from '../helpers/app.ts';
import { insertOldCommunity, insertOldConcern } from '../helpers/old-rows.ts';
import { createTestDatabase, testDialects, type TestDatabase } from '../helpers/db.ts';

describe.each(testDialects())(
  'call-ins and the audit log across the acts migration on %s',
  (dialect) => {
    let database: TestDatabase;
    beforeAll(async () => {
      database = await createTestDatabase(dialect, { migrate: false });
    });
    afterAll(async () => database.drop());

    it('keeps earlier call-ins and audit entries as they were', async () => {
      const db = database.handle.db as unknown as Kysely<any>;
      await migrateTo(db, '2026-12-01T02-00-rate-limits');
      const at = '2026-11-30T10:00:00.000Z';
      const communityId = newId();
      const concernId = newId();
      const callInId = newId();
      await insertOldCommunity(db, { id: communityId }, at);
      await insertOldConcern(
        db,
        {
          id: concernId,
          community_id: communityId,
          status: 'call-in',
          harmed: 'someone-else',
          wants: 'ally',
          follow_lookup: newSecret(),
        },
        at,
      );
      await db
        .insertInto('call_ins')
        .values({
          id: callInId,
          community_id: communityId,
          concern_id: concernId,
          status: 'awaiting-consent',
          consent_mode: 'person',
          consent_status: 'pending',
          consent_token_hash: 'a'.repeat(64),
          created_at: at,
          updated_at: at,
        })
        .execute();

      const ctxBefore = await openContext(testConfig(database), {
        migrate: false,
        database: database.handle,
      });
      const before = await db.selectFrom('audit_log').select('seq').execute();

      const report = await migrateToLatest(db);
      expect(report.applied).toContain('2026-12-01T11-00-acts');

      const repos = ctxBefore.store.repos;
      const callIn = await repos.callIns.findById(callInId);
      expect(callIn).toMatchObject({
        consentStatus: 'pending',
        consentTarget: null,
        consentProposal: null,
        memberClaimHash: null,
      });
      await ctxBefore.store.transaction(async (r) => {
        await recordAudit(
          r.audit,
          { kind: 'public' },
          { communityId, action: 'consent.give', targetType: 'call-in', targetId: callInId },
          at,
        );
        await recordAudit(
          r.audit,
          { kind: 'public' },
          {
            communityId,
            action: 'consent.withdraw',
            targetType: 'call-in',
            targetId: callInId,
            channel: 'follow-link',
          },
          at,
        );
      });
      const entries = await repos.audit.listForCommunity(communityId, 10);
      expect(entries.map((e) => e.channel).sort()).toEqual(['follow-link', null].sort());
      const chain = await verifyChain(repos.audit.iterate(), repos.audit.seal);
      expect(chain.ok).toBe(true);
      expect(chain.checked).toBe(before.length + 2);
      // Changing a recorded channel breaks the seal.
      await db
        .updateTable('audit_log')
        .set({ channel: 'app' })
        .where('channel', '=', 'follow-link')
        .execute();
      expect((await verifyChain(repos.audit.iterate(), repos.audit.seal)).ok).toBe(false);
    });
  },
);
