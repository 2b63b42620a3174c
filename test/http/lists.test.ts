// Lists that say who and what (issue 10, build item 8; "what a new user hit" item 6): a one-line
// subject on each concern (the reporter's, or an organizer's), encrypted at rest; the caller and
// the member by name on call-in rows and on the call-in page; when each follow-up is due. And
// rule 9 and rules 3/4 for all of it: the subject, a caller, an ally, a demoted person and the
// operator see none of it where they may not see the case.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { buildCast, notifications, raiseAndTriage, tokenOf } from '../helpers/call-ins.ts';
import { Client } from '../helpers/client.ts';
import { testDialects } from '../helpers/db.ts';
import { buildMember, buildOperator } from '../helpers/factories.ts';

const SUBJECT = 'Jokes about accents in #general';

describe.each(testDialects())('lists that say who and what on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(async () => t.close());

  it('shows the subject the reporter gave, lets an organizer edit it, and keeps it sealed', async () => {
    const cast = await buildCast(t);
    const api = `/api/communities/${cast.communityId}`;
    const raised = await raiseAndTriage(cast, { subject: SUBJECT });
    const card = (await cast.organizer.get(`${api}/concerns`)).body.items[0];
    expect(card).toMatchObject({ id: raised.id, subject: SUBJECT });
    expect((await cast.organizer.get(`${api}/concerns/${raised.id}`)).body.subject).toBe(SUBJECT);
    // Encrypted at rest: the row holds no plain text of it.
    const row = await t.database.handle.db
      .selectFrom('concerns')
      .select('subject_line')
      .where('id', '=', raised.id)
      .executeTakeFirstOrThrow();
    expect(row.subject_line).not.toContain('accents');

    const edited = await cast.organizer.request(
      'PUT',
      `${api}/concerns/${raised.id}/subject-line`,
      {
        subject: 'Accent jokes, twice',
      },
    );
    expect(edited.status).toBe(200);
    expect(edited.body).toEqual({ id: raised.id, subject: 'Accent jokes, twice' });
    expect((await cast.organizer.get(`${api}/concerns`)).body.items[0].subject).toBe(
      'Accent jokes, twice',
    );
    // Bad input changes nothing.
    const bad = await cast.organizer.request('PUT', `${api}/concerns/${raised.id}/subject-line`, {
      subject: 'x'.repeat(121),
    });
    expect(bad.status).toBe(400);
    expect((await cast.organizer.get(`${api}/concerns`)).body.items[0].subject).toBe(
      'Accent jokes, twice',
    );
    // Cleared with an empty line.
    await cast.organizer.request('PUT', `${api}/concerns/${raised.id}/subject-line`, {
      subject: '',
    });
    expect((await cast.organizer.get(`${api}/concerns`)).body.items[0].subject).toBeNull();
  });

  it('names the caller and the member on call-in rows and the page, and lists follow-ups due', async () => {
    const cast = await buildCast(t);
    const api = `/api/communities/${cast.communityId}`;
    const raised = await raiseAndTriage(cast, { subject: SUBJECT });
    const taken = await cast.ally.post(`${api}/ally-board/${raised.id}/volunteer`);
    const ci = `${api}/call-ins/${taken.body.id as string}`;
    const named = { callerName: 'Alex Ally', memberName: 'Sam Member', subject: SUBJECT };
    for (const who of [cast.organizer, cast.ally]) {
      const row = (await who.get(`${api}/call-ins`)).body.items[0];
      expect(row).toMatchObject({ ...named, followUpAt: null });
      expect((await who.get(ci)).body).toMatchObject(named);
    }
    // Consent, a message, an outcome: the follow-up is due when the reminder was set.
    await cast.ally.post(`${ci}/consent-request`, {});
    const link = (await notifications(t)).filter((n) => n.template === 'consent-request').at(-1)!;
    await new Client(t.app).post(`/api/public/consent/${tokenOf(link.link)}`, {
      decision: 'agree',
      conditions: {},
    });
    await cast.ally.request('PUT', `${ci}/channel`, { channel: 'in-app' });
    await cast.ally.post(`${ci}/messages`, { text: 'Hi Sam, could we talk about the thread?' });
    const outcome = await cast.ally.post(`${ci}/outcome`, { outcomes: ['apologised'] });
    expect(outcome.body.followUpAt).toBeTruthy();
    const row = (await cast.organizer.get(`${api}/call-ins`)).body.items[0];
    expect(row.followUpAt).toBe(outcome.body.followUpAt);
    // Nothing of it reaches the member's own view.
    const member = (await cast.member.get('/api/me/call-ins')).body;
    expect(JSON.stringify(member)).not.toContain('accents');
    expect(JSON.stringify(member)).not.toContain('Alex Ally');
  });

  it('keeps the subject and names from anyone who may not see the case', async () => {
    const cast = await buildCast(t);
    const api = `/api/communities/${cast.communityId}`;
    const raised = await raiseAndTriage(cast, { subject: SUBJECT });
    await cast.ally.post(`${api}/ally-board/${raised.id}/volunteer`);
    const conflicted = await buildMember(t, cast.communityId, 'organizer', 'Cleo Conflicted');
    await conflicted.post(`${api}/concerns/${raised.id}/conflict`, {});
    const otherAlly = await buildMember(t, cast.communityId, 'ally', 'Olly Otherally');
    const demoted = await buildMember(t, cast.communityId, 'organizer', 'Dana Demoted');
    await cast.organizer.request('PATCH', `${api}/members/${demoted.userId}`, { role: 'member' });
    const operator = await buildOperator(t);
    const subjectPath = `${api}/concerns/${raised.id}/subject-line`;
    for (const who of [cast.member, cast.reporter, otherAlly, demoted, operator, conflicted]) {
      for (const path of [`${api}/concerns`, `${api}/call-ins`, `${api}/ally-board`]) {
        const r = await who.get(path);
        expect(r.raw.body, `${path}`).not.toContain('accents');
      }
      const edit = await who.request('PUT', subjectPath, { subject: 'Renamed' });
      expect(edit.status).toBeGreaterThanOrEqual(400);
    }
    // The one who raised it is never named to the caller or on the rows.
    const rows = (await cast.organizer.get(`${api}/call-ins`)).raw.body;
    expect(rows).not.toContain('Rosa Reporter');
    expect((await cast.organizer.get(`${api}/concerns`)).body.items[0].subject).toBe(SUBJECT);
  });
});
