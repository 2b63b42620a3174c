// Repositories hand the domain records, not rows: real booleans, parsed lists and objects,
// camelCase fields. Underneath, the rows keep the storage encoding (0/1, JSON text).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseKeyList } from '../../src/config/keys.ts';
import { createAuditSeal } from '../../src/domain/audit/audit.ts';
import { TEST_KEY } from '../helpers/app.ts';
import type { Concern } from '../../src/db/records.ts';
import { createRepositories, type Repositories } from '../../src/db/store.ts';
import { createTestDatabase, testDialects, type TestDatabase } from '../helpers/db.ts';

describe.each(testDialects())('repositories return records on %s', (dialect) => {
  let database: TestDatabase;
  let repos: Repositories;
  const at = '2026-12-01T10:00:00.000Z';
  const communityId = crypto.randomUUID();
  const userId = crypto.randomUUID();
  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    repos = createRepositories(
      database.handle.db,
      dialect,
      createAuditSeal(parseKeyList(TEST_KEY)),
    );
    await repos.users.insert({
      id: userId,
      email: `records-${dialect}@example.org`,
      displayName: 'Rae Records',
      passwordHash: 'x',
      isOperator: true,
      createdAt: at,
      erasedAt: null,
    });
    await repos.communities.insert({
      id: communityId,
      slug: `records-${dialect}`,
      name: 'Records Club',
      intakeId: `intake-${dialect}`,
      intakeOpen: false,
      settings: { followUpDays: 3 },
      createdBy: userId,
      createdAt: at,
    });
  });
  afterAll(async () => database.drop());

  it("gives a concern's categories as a list and `anonymous` as a boolean", async () => {
    const concern: Concern = {
      id: crypto.randomUUID(),
      communityId,
      status: 'new',
      urgency: 'normal',
      categories: ['exclusion', 'microaggression'],
      harmed: 'me',
      wants: 'ally',
      subjectUserId: null,
      subjectKey: 'key',
      subjectTokens: ['a', 'b'],
      reporterUserId: null,
      anonymous: true,
      source: 'web',
      content: 'sealed',
      subjectLine: null,
      followLookup: crypto.randomUUID(),
      followVerifierHash: null,
      createdAt: at,
      updatedAt: at,
    };
    await repos.concerns.insert(concern);
    const found = await repos.concerns.find(communityId, concern.id);
    expect(found).toEqual(concern);
    expect(found?.anonymous).toBe(true);
    expect(found?.categories).toEqual(['exclusion', 'microaggression']);
    const [line] = await repos.concerns.listInbox(communityId, { limit: 5 });
    expect(line).toMatchObject({ anonymous: true, categories: ['exclusion', 'microaggression'] });
    // Stored as the databases keep it.
    const row = await database.handle.db
      .selectFrom('concerns')
      .select(['anonymous', 'categories'])
      .where('id', '=', concern.id)
      .executeTakeFirstOrThrow();
    expect(Number(row.anonymous)).toBe(1);
    expect(JSON.parse(row.categories)).toEqual(['exclusion', 'microaggression']);
  });

  it("gives a care profile's `paused` as a boolean and its languages as a list", async () => {
    await repos.care.upsertProfile({
      communityId,
      userId,
      capacity: 3,
      paused: true,
      languages: ['en', 'de'],
      updatedAt: at,
    });
    const profile = await repos.care.findProfile(communityId, userId);
    expect(profile).toEqual({
      communityId,
      userId,
      capacity: 3,
      paused: true,
      languages: ['en', 'de'],
      updatedAt: at,
    });
    await repos.care.upsertProfile({ ...profile!, paused: false, languages: [] });
    expect(await repos.care.findProfile(communityId, userId)).toMatchObject({
      paused: false,
      languages: [],
    });
  });

  it('gives users and communities their booleans and settings object', async () => {
    expect(await repos.users.findById(userId)).toMatchObject({
      displayName: 'Rae Records',
      isOperator: true,
    });
    const community = await repos.communities.findById(communityId);
    expect(community).toMatchObject({ intakeOpen: false, settings: { followUpDays: 3 } });
    await repos.communities.update(communityId, { intakeOpen: true });
    expect((await repos.communities.findById(communityId))?.intakeOpen).toBe(true);
  });
});
