// Erasure reaches the call-in tables too: messages, drafts, consent conditions, outcome notes,
// the member's contact, enforcement reasons, offers and care records. Content is sealed with
// the same contexts the call-in code uses, so the cleaned values still open there.
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyChain } from '../../src/domain/audit/audit.ts';
import { conditionsContext } from '../../src/domain/conversation/call-in-state.ts';
import { messageContext } from '../../src/domain/conversation/call-ins.ts';
import { eraseUser } from '../../src/domain/privacy/erasure.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { testDialects } from '../helpers/db.ts';
import { buildCommunity, buildConcern, createdEmailOf } from './people.ts';
import { findMentions } from './raw-search.ts';

describe.each(testDialects())('erasure across call-ins on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(async () => t.close());

  it('cleans every call-in table of the person and keeps the records', async () => {
    const community = await buildCommunity(t);
    const erin = await createdEmailOf(t, community.id, 'ally', 'Erin Erasable');
    const otto = await createdEmailOf(t, community.id, 'member', 'Otto Otherperson');
    const concern = await buildConcern(otto.client, community.id, {
      about: { name: 'Pat Person' },
    });
    const { cipher } = t.ctx;
    const db = t.ctx.database.db;
    const at = t.ctx.clock.now().toISOString();
    const c = community.id;
    const ci = crypto.randomUUID();
    const msg = crypto.randomUUID();
    const enf = crypto.randomUUID();
    const callIn = { id: ci, communityId: c };
    await db
      .insertInto('call_ins')
      .values({
        id: ci,
        community_id: c,
        concern_id: concern.id,
        status: 'in-conversation',
        language: null,
        caller_user_id: erin.client.userId!,
        caller_kind: 'ally',
        harmed_user_id: otto.client.userId!,
        consent_mode: 'person',
        consent_status: 'given',
        consent_token_hash: null,
        consent_conditions: cipher.encrypt(
          { doNotMention: true, note: 'Erin Erasable may go ahead' },
          conditionsContext(callIn),
        ),
        consent_decided_by: null,
        consent_at: at,
        channel: 'in-app',
        draft: cipher.encrypt('Hi Pat, this is Erin Erasable writing.', `callin-draft:${c}:${ci}`),
        member_token_hash: null,
        member_link: null,
        member_contact: cipher.encrypt(
          { email: erin.email, name: 'Erin Erasable' },
          `callin-contact:${c}:${ci}`,
        ),
        member_state: null,
        outcome: 'acknowledged',
        outcomes: '["acknowledged"]',
        outcome_note: cipher.encrypt(
          'erin erasable thinks it went well',
          `callin-outcome:${c}:${ci}`,
        ),
        outcome_at: at,
        created_by: null,
        created_at: at,
        updated_at: at,
        closed_at: null,
      })
      .execute();
    const message = { id: msg, callInId: ci, communityId: c };
    await db
      .insertInto('call_in_messages')
      .values({
        id: msg,
        call_in_id: ci,
        community_id: c,
        author: 'caller',
        kind: 'message',
        body: cipher.encrypt('Thanks for reading, Erin Erasable here.', messageContext(message)),
        created_at: at,
      })
      .execute();
    await db
      .insertInto('call_in_offers')
      .values({
        id: crypto.randomUUID(),
        call_in_id: ci,
        community_id: c,
        user_id: erin.client.userId!,
        relationship: 'friend',
        status: 'accepted',
        offered_by: null,
        created_at: at,
        decided_at: at,
      })
      .execute();
    await db
      .insertInto('care_profiles')
      .values({
        community_id: c,
        user_id: erin.client.userId!,
        capacity: 2,
        paused: 0,
        languages: '["en"]',
        updated_at: at,
      })
      .execute();
    await db
      .insertInto('care_logs')
      .values({
        id: crypto.randomUUID(),
        community_id: c,
        user_id: erin.client.userId!,
        call_in_id: ci,
        minutes: 30,
        drain: 2,
        created_at: at,
      })
      .execute();
    await db
      .insertInto('enforcements')
      .values({
        id: enf,
        community_id: c,
        subject_user_id: erin.client.userId!,
        subject_key: null,
        level: 'warning',
        reason: cipher.encrypt('Warning for Erin Erasable', `enforcement:${c}:${enf}`),
        concern_ids: JSON.stringify([concern.id]),
        call_in_id: null,
        status: 'active',
        enforced_by: otto.client.userId!,
        expires_at: null,
        created_at: at,
        updated_at: at,
      })
      .execute();

    const report = await eraseUser(
      t.ctx.store.transaction.bind(t.ctx.store),
      t.ctx,
      { kind: 'cli' },
      erin.client.userId!,
    );
    expect(report).toMatchObject({ alreadyErased: false, unreadable: 0 });
    expect(report.rewritten).toBeGreaterThanOrEqual(6);

    expect(await findMentions(t.ctx.database, [erin.email, 'Erin Erasable'])).toEqual([]);
    const row = await db
      .selectFrom('call_ins')
      .selectAll()
      .where('id', '=', ci)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      caller_user_id: null,
      harmed_user_id: otto.client.userId,
      outcome: 'acknowledged',
    });
    const opened = [
      cipher.decrypt(row.draft!, `callin-draft:${c}:${ci}`),
      cipher.decrypt(row.consent_conditions!, conditionsContext(callIn)),
      cipher.decrypt(row.member_contact!, `callin-contact:${c}:${ci}`),
      cipher.decrypt(row.outcome_note!, `callin-outcome:${c}:${ci}`),
      cipher.decrypt(
        (
          await db
            .selectFrom('call_in_messages')
            .select('body')
            .where('id', '=', msg)
            .executeTakeFirstOrThrow()
        ).body,
        messageContext(message),
      ),
      cipher.decrypt(
        (
          await db
            .selectFrom('enforcements')
            .select('reason')
            .where('id', '=', enf)
            .executeTakeFirstOrThrow()
        ).reason,
        `enforcement:${c}:${enf}`,
      ),
    ];
    const text = JSON.stringify(opened).toLowerCase();
    expect(text).not.toContain('erin erasable');
    expect(text).not.toContain(erin.email);
    expect(text).toContain('[erased person]');
    for (const table of ['call_in_offers', 'care_profiles', 'care_logs'] as const) {
      expect(
        await db.selectFrom(table).selectAll().where('user_id', '=', erin.client.userId!).execute(),
      ).toEqual([]);
    }
    expect(
      (
        await db
          .selectFrom('enforcements')
          .select('subject_user_id')
          .where('id', '=', enf)
          .executeTakeFirstOrThrow()
      ).subject_user_id,
    ).toBeNull();
    expect(
      (await verifyChain(t.ctx.store.repos.audit.iterate(), t.ctx.store.repos.audit.seal)).ok,
    ).toBe(true);

    // Erasing again is harmless.
    expect(
      await eraseUser(
        t.ctx.store.transaction.bind(t.ctx.store),
        t.ctx,
        { kind: 'cli' },
        erin.client.userId!,
      ),
    ).toMatchObject({ alreadyErased: true });
  });
});
