// Hot reads kept until anything is written (src/db/read-cache.ts): a kept answer is never
// older than this process's own writes, nor, from the next turn of the event loop, than
// another process's commits (`callin worker`, the CLI).
import { setImmediate as nextTurn } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/client.ts';
import { createReadCache } from '../../src/db/read-cache.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import type { Client } from '../helpers/client.ts';
import { buildCommunity, buildConcern, buildMember } from '../helpers/factories.ts';

describe('the read cache on its own', () => {
  it('keeps an answer only while neither counter moved, and freezes what it keeps', async () => {
    const counters = { local: 0, other: 0 };
    const cache = createReadCache({
      localWrites: () => counters.local,
      otherCommits: () => counters.other,
    });
    let loads = 0;
    const load = async () => [{ n: ++loads }];
    const first = await cache.read('k', load);
    expect(await cache.read('k', load)).toBe(first);
    expect(Object.isFrozen(first) && Object.isFrozen(first[0])).toBe(true);
    expect(() => (first[0]!.n = 9)).toThrow(TypeError);
    counters.local++;
    const second = await cache.read('k', load);
    expect(second).not.toBe(first);
    expect(second[0]!.n).toBe(2);
    counters.other++;
    expect((await cache.read('k', load))[0]!.n).toBe(3);
    expect((await cache.read('other key', load))[0]!.n).toBe(4);
    expect(loads).toBe(4);
  });

  it('forgets everything rather than grow past its limit', async () => {
    const cache = createReadCache({ localWrites: () => 0, otherCommits: () => 0 }, 2);
    let loads = 0;
    const load = async () => ({ n: ++loads });
    await cache.read('a', load);
    await cache.read('b', load);
    await cache.read('c', load); // full: starts again with only c
    await cache.read('c', load);
    await cache.read('a', load);
    expect(loads).toBe(4);
  });
});

describe('the read cache in the server (SQLite)', () => {
  let t: TestApp;
  let communityId: string;
  let organizer: Client;
  let member: Client;
  beforeAll(async () => {
    t = await createTestApp('sqlite');
    communityId = (await buildCommunity(t)).id;
    organizer = await buildMember(t, communityId, 'organizer');
    member = await buildMember(t, communityId, 'member');
  });
  afterAll(async () => t.close());
  const inbox = () => organizer.get(`/api/communities/${communityId}/concerns`);

  it('shows a concern raised through the server at once', async () => {
    const before = await inbox();
    expect(before.headers['content-type']).toBe('application/json; charset=utf-8');
    const raised = await buildConcern(member, communityId);
    const after = await inbox();
    expect(after.body.items.map((i: { id: string }) => i.id)).toEqual([
      raised.id,
      ...before.body.items.map((i: { id: string }) => i.id),
    ]);
    // Asked again with nothing written, the same answer.
    expect((await inbox()).body).toEqual(after.body);
  });

  it('sees another process’s commits from the next turn of the event loop', async () => {
    const raised = await buildConcern(member, communityId);
    expect((await inbox()).body.items[0]).toMatchObject({ id: raised.id, status: 'new' });
    // A second connection to the same file, as `callin worker` or the CLI would have.
    const other = openDatabase({ databaseUrl: null, dataDir: t.database.dataDir });
    try {
      await other.db
        .updateTable('concerns')
        .set({ status: 'closed' })
        .where('id', '=', raised.id)
        .execute();
      await nextTurn();
      expect((await inbox()).body.items[0]).toMatchObject({ id: raised.id, status: 'closed' });

      // Revoking every session elsewhere (as `callin admin erase-user` does) signs them out.
      expect((await member.get('/api/me')).status).toBe(200);
      await other.db.deleteFrom('sessions').execute();
      await nextTurn();
      const me = await member.get('/api/me');
      expect(me.status).toBe(401);
      expect((await inbox()).status).toBe(401);
    } finally {
      await other.close();
    }
  });

  it('gives the same answers with the cache turned off', async () => {
    const off = await createTestApp('sqlite', { env: { READ_CACHE: 'false' } });
    try {
      const c = (await buildCommunity(off)).id;
      const o = await buildMember(off, c, 'organizer');
      const m = await buildMember(off, c, 'member');
      for (let i = 0; i < 3; i++) await buildConcern(m, c);
      const a = await o.get(`/api/communities/${c}/concerns?limit=2`);
      expect(a.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(a.body.items).toHaveLength(2);
      expect(a.body.nextCursor).toEqual(expect.any(String));
      const b = await o.get(
        `/api/communities/${c}/concerns?limit=2&cursor=${encodeURIComponent(a.body.nextCursor)}`,
      );
      expect(b.body.items).toHaveLength(1);
      expect(b.body.nextCursor).toBeNull();
    } finally {
      await off.close();
    }
  });
});
