// A triage decision stays decided: deciding again needs the id of the decision it replaces, so a
// second submit or a second organizer on an older page changes nothing; a change is audited as
// a change.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { callInAnswers } from '../helpers/call-ins.ts';
import type { Client } from '../helpers/client.ts';
import { testDialects } from '../helpers/db.ts';
import { buildCommunity, buildConcern, buildMember } from '../helpers/factories.ts';

describe.each(testDialects())('triage decisions on %s', (dialect) => {
  let t: TestApp;
  let communityId: string;
  let first: Client;
  let second: Client;
  let member: Client;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    communityId = (await buildCommunity(t)).id;
    first = await buildMember(t, communityId, 'organizer');
    second = await buildMember(t, communityId, 'organizer');
    member = await buildMember(t, communityId, 'member');
  });
  afterAll(async () => t.close());

  const decide = (who: Client, concernId: string, extra: Record<string, unknown> = {}) =>
    who.post(`/api/communities/${communityId}/concerns/${concernId}/triage`, {
      answers: callInAnswers,
      decision: 'call-in',
      reason: 'A first thoughtless remark.',
      ...extra,
    });
  const decisions = async (concernId: string) => {
    const r = await first.get(`/api/communities/${communityId}/concerns/${concernId}/triage`);
    expect(r.status).toBe(200);
    return r.body.items as { id: string; decision: string }[];
  };

  it('refuses a second decision that does not say what it replaces, and keeps the first', async () => {
    const concern = await buildConcern(member, communityId);
    const made = await decide(first, concern.id);
    expect(made.status).toBe(201);
    expect(made.body.replaces).toBeNull();

    const again = await decide(second, concern.id, { decision: 'record-only' });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('already_decided');
    expect((await decisions(concern.id)).map((d) => d.decision)).toEqual(['call-in']);
  });

  it('refuses a change made from an older page, and takes one that names the newest decision', async () => {
    const concern = await buildConcern(member, communityId);
    const one = await decide(first, concern.id);
    const two = await decide(second, concern.id, {
      decision: 'record-only',
      replaces: one.body.id,
    });
    expect(two.status).toBe(201);
    expect(two.body.replaces).toBe(one.body.id);

    // The first organizer's page still shows decision one.
    const stale = await decide(first, concern.id, {
      decision: 'call-in-and-public-statement',
      replaces: one.body.id,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('decision_superseded');
    expect((await decisions(concern.id)).map((d) => d.decision)).toEqual([
      'call-in',
      'record-only',
    ]);

    const audit = await first.get(`/api/communities/${communityId}/audit?limit=100`);
    expect(audit.status).toBe(200);
    const actions = (audit.body.items as { action: string; targetId: string | null }[])
      .filter((e) => e.targetId === concern.id)
      .map((e) => e.action);
    expect(actions).toContain('concern.triage');
    expect(actions).toContain('concern.triage-change');
  });

  it('refuses replacing on a concern with no decision, and an id that is not one', async () => {
    const concern = await buildConcern(member, communityId);
    const nothing = await decide(first, concern.id, {
      replaces: '00000000-0000-4000-8000-000000000000',
    });
    expect(nothing.status).toBe(400);
    expect(nothing.body.details).toEqual([expect.objectContaining({ field: 'replaces' })]);
    const bad = await decide(first, concern.id, { replaces: 'not an id' });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('validation_failed');
    expect(await decisions(concern.id)).toEqual([]);
  });
});
