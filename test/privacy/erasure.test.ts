// Erasure and export. A person's export holds their data and nobody else's. Erasing them (by
// themself with their password, or by the operator's CLI) removes their personal data from
// every table and from the case content that names them; counts stay; the audit chain holds.
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { verifyChain } from '../../src/domain/audit/audit.ts';
import { contentContext, type ConcernContent } from '../../src/domain/intake/concerns.ts';
import { REMOVED_TEXT } from '../../src/domain/privacy/erasure.ts';
import { channelJobName } from '../../src/contract/vocabulary.ts';
import { sealNotification } from '../../src/domain/notifications/notifications.ts';
import { TEST_KEY, createTestApp, type TestApp } from '../helpers/app.ts';
import { Client } from '../helpers/client.ts';
import { testDialects } from '../helpers/db.ts';
import { buildCommunity, buildConcern, createdEmailOf, PASSWORD } from './people.ts';
import { findMentions } from './raw-search.ts';

/** The email channel's delivery job (also what every notification was before 2026-12-01). */
const NOTIFY_EMAIL = channelJobName('email');

describe.each(testDialects())('export and erasure on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(async () => t.close());

  it('exports my data and none of anyone else’s, then erases me everywhere', async () => {
    const community = await buildCommunity(t, 'Garden Club');
    const erin = await createdEmailOf(t, community.id, 'member', 'Erin Erasable');
    const other = await createdEmailOf(t, community.id, 'member', 'Otto Otherperson');
    const organizer = await createdEmailOf(t, community.id, 'organizer', 'Ola Organizer');

    // Erin raises a concern about someone else; Otto raises one about Erin, naming her.
    const mine = await buildConcern(erin.client, community.id, {
      what: 'My own account of it: erin-words-5521.',
      impact: 'erin-impact-7734',
      about: { name: 'Sam Subjectname' },
      harmed: 'someone-else',
      harmedName: 'Hana Harmedname',
      contact: 'erin-contact-handle',
    });
    const aboutErin = await buildConcern(other.client, community.id, {
      what: 'Erin Erasable wrote something unkind to me. otto-words-3390',
      quotes: ['erin erasable: a quote'],
      about: { name: 'Erin Erasable' },
    });
    expect(
      (
        await erin.client.post(`/api/communities/${community.id}/tokens`, {
          name: 'erin-token-name',
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await other.client.post(`/api/communities/${community.id}/tokens`, {
          name: 'otto-token-name',
        })
      ).status,
    ).toBe(201);

    // ---- export ----
    const exported = await erin.client.get('/api/me/export');
    expect(exported.status).toBe(200);
    expect(exported.body.account).toMatchObject({
      email: erin.email,
      displayName: 'Erin Erasable',
    });
    expect(exported.body.memberships).toEqual([
      expect.objectContaining({
        communityId: community.id,
        community: 'Garden Club',
        role: 'member',
      }),
    ]);
    expect(exported.body.concernsRaised).toEqual([
      expect.objectContaining({
        id: mine.id,
        what: 'My own account of it: erin-words-5521.',
        impact: 'erin-impact-7734',
        contact: 'erin-contact-handle',
      }),
    ]);
    expect(exported.body.apiTokens).toEqual([expect.objectContaining({ name: 'erin-token-name' })]);
    const exportText = JSON.stringify(exported.body);
    for (const foreign of [
      other.email,
      'Otto Otherperson',
      organizer.email,
      'Ola Organizer',
      'otto-words-3390',
      'otto-token-name',
      aboutErin.id,
      'Sam Subjectname',
      'Hana Harmedname',
    ]) {
      expect(exportText).not.toContain(foreign);
    }
    expect(exported.headers['content-disposition']).toContain('attachment');

    // Counts kept from an earlier purge, and mail waiting for Erin.
    await t.ctx.store.repos.privacy.addCount({
      communityId: community.id,
      month: '2025-12',
      category: 'inconsiderate-language',
      outcome: 'call-in',
      count: 3,
    });
    const at = t.ctx.clock.now().toISOString();
    const queued = [
      await t.ctx.store.repos.jobs.insert(
        jobRow(
          'j1',
          sealNotification(t.ctx.cipher, { to: { userId: erin.client.userId! }, link: '/a' }),
          community.id,
          at,
        ),
      ),
      await t.ctx.store.repos.jobs.insert(
        jobRow(
          'j2',
          sealNotification(t.ctx.cipher, {
            to: { email: erin.email, name: 'Erin Erasable' },
            link: '/b',
          }),
          community.id,
          at,
        ),
      ),
      await t.ctx.store.repos.jobs.insert(
        jobRow(
          'j3',
          sealNotification(t.ctx.cipher, { to: { userId: other.client.userId! }, link: '/c' }),
          community.id,
          at,
        ),
      ),
    ];
    expect(queued).toEqual([true, true, true]);

    // ---- erasure by the person, with their password ----
    const wrong = await erin.client.request('DELETE', '/api/me', {
      password: 'not my password at all',
    });
    expect(wrong.status).toBe(401);
    expect((await erin.client.get('/api/me')).status).toBe(200);
    const erased = await erin.client.request('DELETE', '/api/me', { password: PASSWORD });
    expect(erased.status).toBe(200);
    expect((await erin.client.get('/api/me')).status).toBe(401);
    expect(
      (await new Client(t.app).post('/api/auth/sign-in', { email: erin.email, password: PASSWORD }))
        .status,
    ).toBe(401);

    // Gone from every table, read straight from the database.
    expect(
      await findMentions(t.ctx.database, [
        erin.email,
        'Erin Erasable',
        'erin-token-name',
        'erin-contact-handle',
      ]),
    ).toEqual([]);
    // Case content no longer names her; her own words are removed; others' words stay.
    const { repos } = t.ctx.store;
    const about = (await repos.concerns.find(community.id, aboutErin.id))!;
    const aboutText = JSON.stringify(
      t.ctx.cipher.decrypt<ConcernContent>(about.content, contentContext(about)),
    );
    expect(aboutText.toLowerCase()).not.toContain('erin erasable');
    expect(aboutText).toContain('otto-words-3390');
    expect(about.subjectKey).toBeNull();
    const own = (await repos.concerns.find(community.id, mine.id))!;
    const ownContent = t.ctx.cipher.decrypt<ConcernContent>(own.content, contentContext(own));
    expect(ownContent).toMatchObject({
      what: REMOVED_TEXT,
      impact: REMOVED_TEXT,
      quotes: [],
      links: [],
      contact: null,
    });
    expect(own).toMatchObject({ reporterUserId: null, anonymous: true });
    // Mail to her is cancelled; mail to others is not.
    const statuses = await t.ctx.database.db
      .selectFrom('jobs')
      .select(['id', 'status'])
      .where('id', 'in', ['j1', 'j2', 'j3'])
      .orderBy('id')
      .execute();
    expect(statuses.map((s) => s.status)).toEqual(['cancelled', 'cancelled', 'pending']);
    // Counts remain; the concerns remain for the counts; the audit chain holds.
    expect(await repos.privacy.listCounts(community.id)).toHaveLength(1);
    const chain = await verifyChain(repos.audit.iterate(), repos.audit.seal);
    expect(chain.ok).toBe(true);
    const last = await t.ctx.database.db
      .selectFrom('audit_log')
      .selectAll()
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    expect(last).toMatchObject({ action: 'user.erase', target_id: erin.client.userId });

    // ---- erasure by the operator, from the command line ----
    const out: string[] = [];
    const io = {
      out: (s: string) => out.push(s),
      err: (s: string) => out.push(s),
      stdin: new PassThrough(),
      env: { ...t.database.env, CALLIN_ENCRYPTION_KEYS: TEST_KEY, LOG_LEVEL: 'silent' },
      cwd: process.cwd(),
    };
    expect(await main(['admin', 'erase-user', '--email', other.email, '--json'], io)).toBe(0);
    expect(JSON.parse(out[0]!)).toMatchObject({
      userId: other.client.userId,
      alreadyErased: false,
    });
    expect(await main(['admin', 'erase-user', '--email', other.email], io)).toBe(4);
    expect(
      await findMentions(t.ctx.database, [other.email, 'Otto Otherperson', 'otto-token-name']),
    ).toEqual([]);
    expect((await verifyChain(repos.audit.iterate(), repos.audit.seal)).ok).toBe(true);
  });
});

function jobRow(id: string, sealed: string, communityId: string, at: string) {
  return {
    id,
    name: NOTIFY_EMAIL,
    version: 1,
    payload: { template: 'check-in', communityId, sealed },
    status: 'pending' as const,
    runAt: at,
    attempts: 0,
    maxAttempts: 8,
    dedupeKey: null,
    createdAt: at,
    updatedAt: at,
  };
}
