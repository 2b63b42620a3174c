// Statuses that stay true (issue 10, build item 7; "what a new user hit" item 8): through consent
// asked, given, declined and withdrawn, closing and reopening, the reporter's follow page, their
// own list, the inbox, the concern, the call-in page, the call-ins list and the counts all say the
// same true thing, in the words of src/contract/stage-words.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stageWords } from '../../src/contract/stage-words.ts';
import type { CaseStage } from '../../src/contract/vocabulary.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import {
  buildCast,
  notifications,
  raiseAndTriage,
  tokenOf,
  type Cast,
} from '../helpers/call-ins.ts';
import { Client } from '../helpers/client.ts';
import { testDialects } from '../helpers/db.ts';
import { buildMember } from '../helpers/factories.ts';

describe.each(testDialects())('statuses that stay true on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(async () => t.close());

  const stranger = () => new Client(t.app);

  /** Every page that shows where the case stands, as the API hands it to them. */
  async function everywhere(cast: Cast, concern: { id: string; followToken: string }) {
    const api = `/api/communities/${cast.communityId}`;
    const follow = (await stranger().get(`/api/follow/${concern.followToken}`)).body;
    const mine = (await cast.reporter.get('/api/me/concerns')).body.items.find(
      (c: { id: string }) => c.id === concern.id,
    );
    const inbox = (await cast.organizer.get(`${api}/concerns`)).body.items.find(
      (c: { id: string }) => c.id === concern.id,
    );
    const detail = (await cast.organizer.get(`${api}/concerns/${concern.id}`)).body;
    const list = (await cast.organizer.get(`${api}/call-ins`)).body.items.filter(
      (c: { concernId: string }) => c.concernId === concern.id,
    );
    const callIn = list[0]
      ? (await cast.organizer.get(`${api}/call-ins/${list[0].id}`)).body
      : null;
    return { follow, mine, inbox, detail, list, callIn };
  }

  /** They all say this stage, in its words; the reporter in theirs. */
  async function expectStage(
    cast: Cast,
    concern: { id: string; followToken: string },
    stage: CaseStage,
  ) {
    const seen = await everywhere(cast, concern);
    const words = stageWords[stage];
    expect(seen.follow).toMatchObject({
      stage,
      stageLabel: words.label,
      statusText: words.reporter,
    });
    expect(seen.mine).toMatchObject({ stage, stageLabel: words.label, statusText: words.reporter });
    expect(seen.inbox).toMatchObject({ stage, stageLabel: words.label });
    expect(seen.detail).toMatchObject({ stage, stageLabel: words.label });
    expect(seen.list[0]).toMatchObject({ stage, stageLabel: words.label });
    expect(seen.callIn).toMatchObject({ stage, stageLabel: words.label });
    return seen;
  }

  /** Raised by the harmed reporter, decided for a call-in, taken by the ally. */
  async function taken(cast: Cast) {
    const concern = await raiseAndTriage(cast);
    const api = `/api/communities/${cast.communityId}`;
    const r = await cast.ally.post(`${api}/ally-board/${concern.id}/volunteer`);
    expect(r.status).toBe(201);
    return { concern, ci: `${api}/call-ins/${r.body.id as string}`, callInId: r.body.id as string };
  }

  async function askConsent(cast: Cast, ci: string, callInId: string) {
    expect((await cast.ally.post(`${ci}/consent-request`, {})).status).toBe(200);
    const link = (await notifications(t)).filter(
      (n) => n.template === 'consent-request' && n.to.userId === cast.reporter.userId,
    );
    void callInId;
    return `/api/public/consent/${tokenOf(link.at(-1)!.link)}`;
  }

  const counted = async (cast: Cast) =>
    (await cast.organizer.get(`/api/communities/${cast.communityId}/counts`)).body.totals as {
      outcome: string;
      count: number;
    }[];

  it('never says it waits for an answer nobody was asked for, and withdrawal stops it everywhere', async () => {
    const cast = await buildCast(t);
    const { concern, ci, callInId } = await taken(cast);
    // Taken, not yet asked: the call-in says so, and its answer is "not asked yet".
    const before = await expectStage(cast, concern, 'preparing');
    expect(before.callIn.consent.status).toBe('not-requested');
    expect(before.callIn.stageLabel).not.toMatch(/waiting for the harmed person/i);

    const consent = await askConsent(cast, ci, callInId);
    const asked = await expectStage(cast, concern, 'awaiting-answer');
    expect(asked.callIn.consent.status).toBe('pending');

    const agreed = await stranger().post(consent, { decision: 'agree', conditions: {} });
    expect(agreed.status).toBe(200);
    await expectStage(cast, concern, 'ready');

    expect((await stranger().post(`${consent}/withdraw`)).status).toBe(200);
    const after = await expectStage(cast, concern, 'stopped-withdrawn');
    expect(after.follow.statusText).not.toMatch(/working on it/i);
    expect(after.inbox.stageLabel).toBe('Stopped: consent withdrawn');
    // Counts: a case of its own kind, not one with no outcome.
    const totals = await counted(cast);
    expect(totals.find((x) => x.outcome === 'consent-withdrawn')?.count).toBe(1);
  });

  it('a harmed person who says no stops it, and the counts say so', async () => {
    const cast = await buildCast(t);
    const { concern, ci, callInId } = await taken(cast);
    const consent = await askConsent(cast, ci, callInId);
    expect((await stranger().post(consent, { decision: 'decline' })).status).toBe(200);
    await expectStage(cast, concern, 'stopped-declined');
    const totals = await counted(cast);
    expect(totals.find((x) => x.outcome === 'consent-declined')?.count).toBe(1);
    expect(totals.find((x) => x.outcome === 'consent-withdrawn')).toBeUndefined();
  });

  it('says closed once closed, the consent link too, and in conversation again once reopened', async () => {
    const cast = await buildCast(t);
    const { concern, ci, callInId } = await taken(cast);
    const consent = await askConsent(cast, ci, callInId);
    await stranger().post(consent, { decision: 'agree', conditions: {} });
    expect((await cast.ally.request('PUT', `${ci}/channel`, { channel: 'in-app' })).status).toBe(
      200,
    );
    const sent = await cast.ally.post(`${ci}/messages`, {
      text: 'Hi Sam, could we talk about the review thread? How did you mean it?',
    });
    expect(sent.status).toBe(201);
    await expectStage(cast, concern, 'in-conversation');

    expect((await cast.organizer.post(`${ci}/close`)).status).toBe(200);
    await expectStage(cast, concern, 'closed');
    // The consent link and the follow link's consent route say it ended, not "not found".
    for (const path of [consent, `/api/public/consent/${concern.followToken}`]) {
      const seen = await stranger().get(path);
      expect(seen.status, path).toBe(200);
      expect(seen.body).toMatchObject({ closed: true, stopped: false });
    }
    // Nothing more to answer on the follow page.
    expect((await stranger().get(`/api/follow/${concern.followToken}`)).body.consentQuestion).toBe(
      false,
    );

    expect((await cast.organizer.post(`${ci}/reopen`)).status).toBe(200);
    await expectStage(cast, concern, 'in-conversation');
    expect((await stranger().get(consent)).body).toMatchObject({ closed: false });
  });

  it('a call-in for a group waits for an organizer, not for the harmed person', async () => {
    const cast = await buildCast(t);
    const concern = await raiseAndTriage(cast, { harmed: 'group' });
    const api = `/api/communities/${cast.communityId}`;
    expect((await cast.ally.post(`${api}/ally-board/${concern.id}/volunteer`)).status).toBe(201);
    const seen = await expectStage(cast, concern, 'awaiting-approval');
    expect(seen.callIn.consent.mode).toBe('organizer');
  });

  it('before any call-in, says received and then decided', async () => {
    const cast = await buildCast(t);
    const { buildConcern } = await import('../helpers/factories.ts');
    const raised = await buildConcern(cast.reporter, cast.communityId);
    const follow = (await stranger().get(`/api/follow/${raised.followToken}`)).body;
    expect(follow).toMatchObject({ stage: 'received', statusText: stageWords.received.reporter });
    const api = `/api/communities/${cast.communityId}`;
    await cast.organizer.post(`${api}/concerns/${raised.id}/triage`, {
      answers: {
        categories: ['inconsiderate-language'],
        immediateDanger: false,
        intent: 'thoughtless',
        publicHarm: 'few',
      },
      decision: 'record-only',
      reason: 'Kept for now.',
    });
    const inbox = (await cast.organizer.get(`${api}/concerns`)).body.items[0];
    expect(inbox).toMatchObject({ id: raised.id, stage: 'decided', stageLabel: 'Decided' });
  });

  it('keeps several outcomes of one call-in, and counts it once per outcome and once as a case', async () => {
    const cast = await buildCast(t);
    const { concern, ci, callInId } = await taken(cast);
    const consent = await askConsent(cast, ci, callInId);
    await stranger().post(consent, { decision: 'agree', conditions: {} });
    await cast.ally.request('PUT', `${ci}/channel`, { channel: 'in-app' });
    await cast.ally.post(`${ci}/messages`, { text: 'Hi Sam, could we talk about the thread?' });
    // Neither one nor several: a field error, and nothing changes.
    const none = await cast.ally.post(`${ci}/outcome`, { outcomes: [] });
    expect(none.status).toBe(400);
    const neither = await cast.ally.post(`${ci}/outcome`, { note: 'Nothing chosen.' });
    expect(neither.status).toBe(400);
    expect(neither.body.details).toEqual([expect.objectContaining({ field: 'outcomes' })]);
    expect((await cast.ally.get(ci)).body.outcome).toBeNull();

    const recorded = await cast.ally.post(`${ci}/outcome`, {
      outcomes: ['committed-to-change', 'apologised'],
      note: 'A good talk.',
    });
    expect(recorded.status, JSON.stringify(recorded.body)).toBe(200);
    expect(recorded.body).toMatchObject({
      outcome: 'committed-to-change',
      outcomes: ['committed-to-change', 'apologised'],
    });
    const detail = (await cast.organizer.get(ci)).body;
    expect(detail.outcome).toMatchObject({
      outcomes: ['committed-to-change', 'apologised'],
      note: 'A good talk.',
    });
    const listed = (
      await cast.organizer.get(`/api/communities/${cast.communityId}/call-ins`)
    ).body.items.find((c: { id: string }) => c.id === callInId);
    expect(listed.outcomes).toEqual(['committed-to-change', 'apologised']);
    await expectStage(cast, concern, 'outcome-recorded');

    const counts = (await cast.organizer.get(`/api/communities/${cast.communityId}/counts`)).body;
    const total = (o: string) =>
      counts.totals.find((x: { outcome: string }) => x.outcome === o)?.count;
    expect(total('committed-to-change')).toBe(1);
    expect(total('apologised')).toBe(1);
    // Once as a case: this community has this one case only.
    expect(counts.cases.reduce((n: number, c: { count: number }) => n + c.count, 0)).toBe(1);
    const kinds = counts.items.reduce((n: number, c: { count: number }) => n + c.count, 0);
    expect(kinds).toBe(1);

    // One outcome, as before, still works.
    const again = await cast.ally.post(`${ci}/outcome`, { outcome: 'acknowledged' });
    expect(again.body).toMatchObject({ outcome: 'acknowledged', outcomes: ['acknowledged'] });
  });

  it('a group’s call-in given to its only organizer says up front a second organizer is needed', async () => {
    const cast = await buildCast(t);
    const api = `/api/communities/${cast.communityId}`;
    const concern = await raiseAndTriage(cast, { harmed: 'group' });
    const opened = await cast.organizer.post(`${api}/concerns/${concern.id}/call-ins`, {});
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    const ci = `${api}/call-ins/${opened.body.id as string}`;
    // Before anyone holds it, nothing waits on an approval yet.
    expect((await cast.organizer.get(ci)).body.secondOrganizerNeeded).toBe(false);
    const self = await cast.organizer.post(`${ci}/assign`, { userId: cast.organizer.userId });
    expect(self.status, JSON.stringify(self.body)).toBe(200);
    const mine = (await cast.organizer.get(ci)).body;
    expect(mine).toMatchObject({
      stage: 'awaiting-approval',
      secondOrganizerNeeded: true,
      can: { approveConsent: false },
    });
    // A second organizer joins: they may approve, and nobody is told one is needed any more.
    const otis = await buildMember(t, cast.communityId, 'organizer', 'Otis Second');
    expect((await cast.organizer.get(ci)).body.secondOrganizerNeeded).toBe(false);
    expect((await otis.get(ci)).body).toMatchObject({
      secondOrganizerNeeded: false,
      can: { approveConsent: true },
    });
    expect((await otis.post(`${ci}/consent/approval`, { approve: true })).status).toBe(200);
    expect((await otis.get(ci)).body).toMatchObject({ stage: 'ready' });
  });
});
