// Whom a concern is about: an organizer links free text to a member later (and can unlink), with
// rule 9 applied at once; history counts by account and by normalised names. Insiders: the
// person it is about (here an organizer), an ally, a plain member, the operator, another
// community's organizer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { callInAnswers, notifications } from '../helpers/call-ins.ts';
import { testDialects } from '../helpers/db.ts';
import { buildCommunity, buildConcern, buildMember, buildOperator } from '../helpers/factories.ts';

describe.each(testDialects())('linking whom a concern is about on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(async () => t.close());

  it('links free text to a member, excluding them from the case at once, and unlinks', async () => {
    const community = await buildCommunity(t);
    const api = `/api/communities/${community.id}`;
    const ada = await buildMember(t, community.id, 'organizer', 'Ada Organizer');
    const bea = await buildMember(t, community.id, 'organizer', 'Bea Organizer');
    const ally = await buildMember(t, community.id, 'ally', 'Alex Ally');
    const rosa = await buildMember(t, community.id, 'member', 'Rosa Reporter');
    const raised = await buildConcern(rosa, community.id, { about: { name: 'bea' } });
    const concern = `${api}/concerns/${raised.id}`;
    // Before the link, Bea (an organizer) can read it: it names her only in free text.
    expect((await bea.get(concern)).status).toBe(200);

    // Nobody but an organizer may link; a non-member cannot be linked.
    expect((await ally.request('PUT', `${concern}/subject`, { userId: bea.userId })).status).toBe(
      403,
    );
    expect((await rosa.request('PUT', `${concern}/subject`, { userId: bea.userId })).status).toBe(
      403,
    );
    const operator = await buildOperator(t);
    expect(
      (await operator.request('PUT', `${concern}/subject`, { userId: bea.userId })).status,
    ).toBe(403);
    const elsewhere = await buildCommunity(t, 'Elsewhere');
    const stranger = await buildMember(t, elsewhere.id, 'organizer', 'Sol Stranger');
    expect(
      (await stranger.request('PUT', `${concern}/subject`, { userId: bea.userId })).status,
    ).toBe(403);
    const notMember = await ada.request('PUT', `${concern}/subject`, { userId: stranger.userId });
    expect(notMember.status).toBe(400);
    expect(notMember.body.details).toEqual([expect.objectContaining({ field: 'userId' })]);

    const linked = await ada.request('PUT', `${concern}/subject`, { userId: bea.userId });
    expect(linked.status).toBe(200);
    expect(linked.body.about.userId).toBe(bea.userId);
    expect((await ada.get(concern)).body.about).toEqual({
      userId: bea.userId,
      name: 'Bea Organizer',
    });
    // Rule 9 at once: Bea no longer sees it, cannot triage it nor undo the link.
    expect((await bea.get(concern)).status).toBe(404);
    expect((await bea.post(`${concern}/triage/recommendation`, callInAnswers)).status).toBe(404);
    expect((await bea.request('DELETE', `${concern}/subject`)).status).toBe(404);
    const inbox = await bea.get(`${api}/concerns`);
    expect(inbox.body.items.map((c: { id: string }) => c.id)).not.toContain(raised.id);

    // Ada unlinks: the free text stays, and Bea may handle it again.
    const unlinked = await ada.request('DELETE', `${concern}/subject`);
    expect(unlinked.status).toBe(200);
    expect((await ada.get(concern)).body.about).toEqual({ userId: null, name: 'bea' });
    expect((await bea.get(concern)).status).toBe(200);
    expect((await ada.request('DELETE', `${concern}/subject`)).body.code).toBe('invalid_state');

    const audit = (await ada.get(`${api}/audit?limit=200`)).body.items as {
      action: string;
      actorId: string | null;
      targetId: string | null;
    }[];
    expect(
      audit
        .filter((e) => e.targetId === raised.id && e.action.includes('link-subject'))
        .map((e) => [e.action, e.actorId])
        .sort(),
    ).toEqual([
      ['concern.link-subject', ada.userId],
      ['concern.unlink-subject', ada.userId],
    ]);
  });

  it('counts earlier concerns by account and by normalised names, and nothing else', async () => {
    const community = await buildCommunity(t);
    const api = `/api/communities/${community.id}`;
    const ada = await buildMember(t, community.id, 'organizer', 'Ada Organizer');
    const rosa = await buildMember(t, community.id, 'member', 'Rosa Reporter');
    const milo = await buildMember(t, community.id, 'member', 'Milo Member');
    for (const name of ['milo', '@milo', 'MILO', 'Milo Member (@milo)'])
      await buildConcern(rosa, community.id, { about: { name } });
    // Someone else who shares a first name is not counted.
    await buildConcern(rosa, community.id, { about: { name: 'Milo Smith' } });
    const history = async (id: string) =>
      (await ada.post(`${api}/concerns/${id}/triage/recommendation`, callInAnswers)).body
        .history as { earlierConcerns: number };

    const picked = await buildConcern(rosa, community.id, { about: { userId: milo.userId } });
    expect((await history(picked.id)).earlierConcerns).toBe(4);
    // A free-text concern linked later counts the same way.
    const later = await buildConcern(rosa, community.id, { about: { name: 'M. Member' } });
    expect((await history(later.id)).earlierConcerns).toBe(0);
    await ada.request('PUT', `${api}/concerns/${later.id}/subject`, { userId: milo.userId });
    expect((await history(later.id)).earlierConcerns).toBe(5);
    // "milo" alone may be either Milo, so it counts for both; "Milo Member" does not count here.
    const smith = await buildConcern(rosa, community.id, { about: { name: 'milo smith' } });
    expect((await history(smith.id)).earlierConcerns).toBe(4);
  });

  it('an enforcement record names the member and its writer, and reaches them once linked', async () => {
    const community = await buildCommunity(t);
    const api = `/api/communities/${community.id}`;
    const ada = await buildMember(t, community.id, 'organizer', 'Ada Organizer');
    const ally = await buildMember(t, community.id, 'ally', 'Alex Ally');
    const rosa = await buildMember(t, community.id, 'member', 'Rosa Reporter');
    const milo = await buildMember(t, community.id, 'member', 'Milo Member');
    const raised = await buildConcern(rosa, community.id, { about: { name: 'milo' } });
    const written = await ada.post(`${api}/enforcements`, {
      concernIds: [raised.id],
      level: 'warning',
      reason: 'Repeated remarks in reviews after a first conversation.',
    });
    expect(written.status).toBe(201);
    const record = async () =>
      ((await ada.get(`${api}/enforcements`)).body.items as Record<string, unknown>[]).find(
        (e) => e.id === written.body.id,
      )!;
    expect(await record()).toMatchObject({
      member: { userId: null, name: 'milo' },
      writtenBy: { userId: ada.userId, name: 'Ada Organizer' },
    });
    expect((await milo.get('/api/me/enforcements')).body.items).toEqual([]);

    await ada.request('PUT', `${api}/concerns/${raised.id}/subject`, { userId: milo.userId });
    expect(await record()).toMatchObject({ member: { userId: milo.userId, name: 'Milo Member' } });
    const notice = (await notifications(t)).filter((n) => n.template === 'enforcement-notice');
    expect(notice.map((n) => n.to)).toContainEqual({ userId: milo.userId });
    const mine = await milo.get('/api/me/enforcements');
    expect(mine.body.items.map((e: { id: string }) => e.id)).toEqual([written.body.id]);
    // They appeal from the app, signed in; nobody else can for them.
    const appealUrl = `/api/me/enforcements/${written.body.id}/appeal`;
    const statement = { statement: 'I would like an organizer to look at this again, please.' };
    for (const other of [ally, rosa, ada])
      expect((await other.post(appealUrl, statement)).status).toBe(404);
    const appealed = await milo.post(appealUrl, statement);
    expect(appealed.status).toBe(201);
  });
});
