// The export is written as it is read, a page of concerns at a time: every concern raised under
// one's name, in order, across pages; none raised anonymously; the same JSON shape as before;
// nobody else's; and a refusal is an ordinary error answer, never half a file.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { Client } from '../helpers/client.ts';
import { testDialects } from '../helpers/db.ts';
import { buildCommunity, buildConcern, buildMember } from '../helpers/factories.ts';

describe.each(testDialects())('the streamed export on %s', (dialect) => {
  let t: TestApp;
  let me: Client;
  let other: Client;
  let communityId: string;
  const mine: string[] = [];
  let now = Date.parse('2026-11-01T09:00:00.000Z');

  beforeAll(async () => {
    t = await createTestApp(dialect, { clock: { now: () => new Date(now) } });
    communityId = (await buildCommunity(t, 'Export Project')).id;
    me = await buildMember(t, communityId, 'member', 'Ezra Exporter');
    other = await buildMember(t, communityId, 'member', 'Olga Other');
    // More than two pages, some at the same moment (the page boundary must not skip or repeat).
    for (let i = 0; i < 57; i++) {
      if (i % 3 === 0) now += 1_000;
      const c = await buildConcern(me, communityId, { what: `My own words, number ${i}.` });
      mine.push(c.id);
    }
    await buildConcern(me, communityId, { what: 'Raised without my name.', anonymous: true });
    await buildConcern(other, communityId, { what: 'Olga-words-9911 are hers.' });
  }, 120_000);
  afterAll(async () => t.close());

  it('holds every concern raised under one’s name, once and in order, and nobody else’s', async () => {
    const r = await me.get('/api/me/export');
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toMatch(/^application\/json/);
    expect(r.headers['content-disposition']).toContain('callin-my-data.json');
    expect(Object.keys(r.body)).toEqual([
      'exportedAt',
      'account',
      'memberships',
      'concernsRaised',
      'apiTokens',
      'care',
    ]);
    const got = r.body.concernsRaised as { id: string; what: string; createdAt: string }[];
    expect(got.map((c) => c.id).sort()).toEqual([...mine].sort());
    expect(new Set(got.map((c) => c.id)).size).toBe(mine.length);
    const order = got.map((c) => `${c.createdAt}|${c.id}`);
    expect(order).toEqual([...order].sort());
    expect(got.find((c) => c.id === mine[30])?.what).toBe('My own words, number 30.');
    const text = r.raw.body;
    expect(text).not.toContain('Raised without my name.');
    expect(text).not.toContain('Olga-words-9911');
    expect(r.body.account).toMatchObject({ displayName: 'Ezra Exporter' });
  });

  it('answers a refusal with the error shape, not a partial file', async () => {
    const stranger = await new Client(t.app).get('/api/me/export');
    expect(stranger.status).toBe(401);
    expect(stranger.body.code).toBe('sign_in_required');
    expect(stranger.headers['content-disposition']).toBeUndefined();
  });
});
