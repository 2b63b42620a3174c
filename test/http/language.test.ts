// POST /api/language/check and /api/language/coach through real HTTP, with a community's own
// language settings.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { Client } from '../helpers/client.ts';
import { testDialects } from '../helpers/db.ts';
import { buildCommunity, buildMember } from '../helpers/factories.ts';

describe.each(testDialects())('language checks over HTTP on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(async () => t.close());

  it('finds inconsiderate wording for a signed-in member, and follows community settings', async () => {
    const community = await buildCommunity(t);
    const other = await buildCommunity(t, 'Elsewhere');
    const member = await buildMember(t, community.id, 'member');
    const organizer = await buildMember(t, community.id, 'organizer');

    const r = await member.post('/api/language/check', { text: 'Hey guys, that is a crazy idea.' });
    expect(r.status).toBe(200);
    const ids = r.body.findings.map((f: { ruleId: string }) => f.ruleId);
    expect(ids.length).toBeGreaterThanOrEqual(2);
    const guys = r.body.findings.find((f: { text: string }) => f.text.toLowerCase() === 'guys');
    expect(guys).toMatchObject({ line: 1, column: 5, severity: 'nudge' });
    expect(guys.suggestions.length).toBeGreaterThan(0);

    // Code is left alone.
    const code = await member.post('/api/language/check', { text: 'Run `kill -9 master` first.' });
    expect(code.body.findings).toEqual([]);

    // The organizer allows "guys" for this community; members then see no finding for it.
    const saved = await organizer.patch(`/api/communities/${community.id}`, {
      settings: { language: { allow: ['guys'] } },
    });
    expect(saved.status).toBe(200);
    const withSettings = await member.post('/api/language/check', {
      text: 'Hey guys!',
      communityId: community.id,
    });
    expect(withSettings.body.findings).toEqual([]);
    const without = await member.post('/api/language/check', { text: 'Hey guys!' });
    expect(without.body.findings).toHaveLength(1);

    // A configuration that cannot work is refused with the field named, and nothing changes.
    const bad = await organizer.patch(`/api/communities/${community.id}`, {
      settings: { language: { minSeverity: 'loud' } },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('validation_failed');
    expect(JSON.stringify(bad.body.details)).toContain('settings.language.minSeverity');
    const settings = await organizer.get(`/api/communities/${community.id}/settings`);
    expect(settings.body.settings.language).toEqual({ allow: ['guys'] });

    // Another community's settings are not the member's to use.
    const elsewhere = await member.post('/api/language/check', {
      text: 'hi',
      communityId: other.id,
    });
    expect(elsewhere.status).toBe(403);
    expect(elsewhere.body.code).toBe('forbidden');

    // Nobody signed in: no check.
    const anonymous = await new Client(t.app).post('/api/language/check', { text: 'hi' });
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.code).toBe('sign_in_required');

    // Too long and wrongly typed input get stable codes.
    const long = await member.post('/api/language/check', { text: 'a'.repeat(20_001) });
    expect(long.body.code).toBe('validation_failed');
    const typed = await member.post('/api/language/check', { text: 42 });
    expect(typed.body.code).toBe('validation_failed');
  });

  it('coaches a draft and a reply, saying what works as well', async () => {
    const community = await buildCommunity(t);
    const ally = await buildMember(t, community.id, 'ally');
    const draft = await ally.post('/api/language/coach', {
      kind: 'draft',
      text: 'You are always so rude. Apologise publicly or you will be banned.',
    });
    expect(draft.status).toBe(200);
    expect(draft.body.findings.length).toBeGreaterThanOrEqual(2);
    for (const f of draft.body.findings) expect(f.why.length).toBeGreaterThan(10);

    const kind = await ally.post('/api/language/coach', {
      kind: 'draft',
      text: 'When you wrote "hey guys" in the review, some people felt left out. Could we talk about it?',
    });
    expect(kind.body.strengths.length).toBeGreaterThan(0);

    const reply = await ally.post('/api/language/coach', {
      kind: 'reply',
      text: "I'm sorry if anyone was offended.",
    });
    expect(reply.body.findings.length).toBeGreaterThanOrEqual(1);
  });
});
