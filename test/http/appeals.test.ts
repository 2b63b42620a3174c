// Appeals that stay decided and say who may decide them (issue 10, build item 10; "what a new
// user hit" items 5 and 10): the decider's note reaches the member and the organizers; a decision
// may change the record to lighter terms; the form is offered only to someone who may decide,
// and someone who may not is told why before they try, with a second organizer asked for when
// there is nobody else. Insiders: the member it is about, an ally, an organizer with a conflict,
// a demoted organizer and the operator can neither see the decision form nor decide.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { buildCast, raiseAndTriage, type Cast } from '../helpers/call-ins.ts';
import { testDialects } from '../helpers/db.ts';
import { buildMember, buildOperator } from '../helpers/factories.ts';

describe.each(testDialects())('appeals on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(async () => t.close());

  /** A warning about the member, written by the first organizer, ending in thirty days. */
  async function recordAbout(cast: Cast) {
    const api = `/api/communities/${cast.communityId}`;
    const concern = await raiseAndTriage(cast);
    const expiresAt = new Date(t.ctx.clock.now().getTime() + 30 * 86_400_000).toISOString();
    const rec = await cast.organizer.post(`${api}/enforcements`, {
      concernIds: [concern.id],
      level: 'warning',
      reason: 'Repeated after a call-in.',
      expiresAt,
    });
    expect(rec.status, JSON.stringify(rec.body)).toBe(201);
    return { api, concern, recordId: rec.body.id as string, expiresAt };
  }

  const appealOf = async (from: Cast['organizer'], api: string, recordId: string) =>
    (await from.get(`${api}/enforcements`)).body.items?.find(
      (r: { id: string }) => r.id === recordId,
    )?.appeals[0];

  it('says up front who may decide, and a second organizer is needed when there is none', async () => {
    const cast = await buildCast(t);
    const { api, recordId } = await recordAbout(cast);
    // Before appealing, the member reads that an appeal would wait.
    const before = (await cast.member.get('/api/me/enforcements')).body.items[0];
    expect(before.appealWaits).toMatch(/other than the one who wrote this record/);
    const appeal = await cast.member.post(`/api/me/enforcements/${recordId}/appeal`, {
      statement: 'I think this is a mistake.',
    });
    expect(appeal.status).toBe(201);
    // The only organizer wrote it: no form for them, and the reason with a way forward.
    expect(await appealOf(cast.organizer, api, recordId)).toMatchObject({
      status: 'pending',
      mayDecide: false,
      blocked: 'second-organizer-needed',
      decisionNote: null,
      changedTo: null,
    });
    // A second organizer joins: they may decide; the writer still may not, and is told why.
    const otis = await buildMember(t, cast.communityId, 'organizer', 'Otis Second');
    expect(await appealOf(cast.organizer, api, recordId)).toMatchObject({
      mayDecide: false,
      blocked: 'made-the-decision',
    });
    expect(await appealOf(otis, api, recordId)).toMatchObject({ mayDecide: true, blocked: null });
    // And what the page says matches what the API does.
    const refused = await cast.organizer.post(`${api}/appeals/${appeal.body.id}/decision`, {
      decision: 'upheld',
    });
    expect(refused.body.code).toBe('same_organizer_appeal');
    expect((await cast.member.get('/api/me/enforcements')).body.items[0].appealWaits).toBeNull();
  });

  it('changes a record to lighter terms, and the note reaches the member and the organizers', async () => {
    const cast = await buildCast(t);
    const { api, recordId, expiresAt } = await recordAbout(cast);
    const otis = await buildMember(t, cast.communityId, 'organizer', 'Otis Second');
    const appeal = await cast.member.post(`/api/me/enforcements/${recordId}/appeal`, {
      statement: 'It was one remark, and I apologised.',
    });
    const decide = (body: Record<string, unknown>) =>
      otis.post(`${api}/appeals/${appeal.body.id}/decision`, body);
    // Heavier, unchanged, later or without a step: refused per field, and nothing changes.
    const heavier = await decide({ decision: 'changed', level: 'temporary-ban' });
    expect(heavier.status).toBe(400);
    expect(heavier.body.details[0].field).toBe('level');
    const same = await decide({ decision: 'changed', level: 'warning' });
    expect(same.status).toBe(400);
    expect(same.body.details[0].field).toBe('level');
    const later = new Date(Date.parse(expiresAt) + 86_400_000).toISOString();
    const longer = await decide({ decision: 'changed', level: 'warning', expiresAt: later });
    expect(longer.status).toBe(400);
    expect(longer.body.details[0].field).toBe('expiresAt');
    expect((await decide({ decision: 'changed' })).body.details[0].field).toBe('level');
    expect(await appealOf(otis, api, recordId)).toMatchObject({ status: 'pending' });

    const decided = await decide({
      decision: 'changed',
      level: 'correction',
      note: 'A correction fits better: you apologised at once.',
    });
    expect(decided.status, JSON.stringify(decided.body)).toBe(200);
    expect(decided.body).toMatchObject({
      status: 'changed',
      changedTo: { level: 'correction', expiresAt },
    });
    const mine = (await cast.member.get('/api/me/enforcements')).body.items[0];
    expect(mine).toMatchObject({ level: 'correction', status: 'active', expiresAt });
    expect(mine.appeals[0]).toMatchObject({
      status: 'changed',
      decisionNote: 'A correction fits better: you apologised at once.',
      changedTo: { level: 'correction', expiresAt },
    });
    for (const who of [cast.organizer, otis])
      expect(await appealOf(who, api, recordId)).toMatchObject({
        status: 'changed',
        decisionNote: 'A correction fits better: you apologised at once.',
        mayDecide: false,
        blocked: null,
      });
    // Decided stays decided.
    expect((await decide({ decision: 'overturned' })).body.code).toBe('invalid_state');
  });

  it('a kept record says so with its note; nobody else may see the form or decide', async () => {
    const cast = await buildCast(t);
    const { api, concern, recordId } = await recordAbout(cast);
    const otis = await buildMember(t, cast.communityId, 'organizer', 'Otis Second');
    const conflicted = await buildMember(t, cast.communityId, 'organizer', 'Cleo Conflicted');
    const demoted = await buildMember(t, cast.communityId, 'organizer', 'Dana Demoted');
    const operator = await buildOperator(t);
    expect(
      (await conflicted.post(`${api}/concerns/${concern.id}/conflict`, {})).status,
    ).toBeLessThan(300);
    expect(
      (
        await cast.organizer.request('PATCH', `${api}/members/${demoted.userId}`, {
          role: 'member',
        })
      ).status,
    ).toBe(200);
    const appeal = await cast.member.post(`/api/me/enforcements/${recordId}/appeal`, {
      statement: 'Please look again.',
    });
    const path = `${api}/appeals/${appeal.body.id}/decision`;
    // The member it is about, an ally, a demoted organizer, the operator: no list, no decision.
    for (const who of [cast.member, cast.ally, demoted, operator]) {
      expect((await who.get(`${api}/enforcements`)).status).toBeGreaterThanOrEqual(400);
      expect((await who.post(path, { decision: 'overturned' })).status).toBeGreaterThanOrEqual(400);
    }
    // An organizer with a conflict does not see the record at all, and may not decide.
    expect(await appealOf(conflicted, api, recordId)).toBeUndefined();
    expect((await conflicted.post(path, { decision: 'overturned' })).status).toBeGreaterThanOrEqual(
      400,
    );
    expect(await appealOf(otis, api, recordId)).toMatchObject({ status: 'pending' });

    const kept = await otis.post(path, { decision: 'upheld', note: 'It stands, for now.' });
    expect(kept.status).toBe(200);
    expect(kept.body.changedTo).toBeNull();
    const mine = (await cast.member.get('/api/me/enforcements')).body.items[0];
    expect(mine).toMatchObject({ level: 'warning' });
    expect(mine.appeals[0]).toMatchObject({
      status: 'upheld',
      decisionNote: 'It stands, for now.',
      changedTo: null,
    });
  });
});
