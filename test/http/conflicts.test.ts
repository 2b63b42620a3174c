// Rule 9, conflicts of interest (issue 9): the person a case is about, an organizer who declared
// a conflict and anyone the reporter excluded neither see the case as staff nor decide it. Each
// test is one of the findings, on every database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { callInAnswers } from '../helpers/call-ins.ts';
import { Client } from '../helpers/client.ts';
import { testDialects } from '../helpers/db.ts';
import { buildCommunity, buildConcern, buildMember } from '../helpers/factories.ts';

interface Team {
  communityId: string;
  api: string;
  ada: Client; // organizer
  bea: Client; // organizer (the subject, or the one with a conflict)
  cy: Client; // organizer
  alex: Client; // ally
  rosa: Client; // member, the reporter
  sam: Client; // member
}

async function buildTeam(t: TestApp, organizers = 3): Promise<Team> {
  const c = await buildCommunity(t);
  const ada = await buildMember(t, c.id, organizers > 1 ? 'organizer' : 'member', 'Ada Organizer');
  const bea = await buildMember(t, c.id, 'organizer', 'Bea Organizer');
  const cy = await buildMember(t, c.id, organizers > 2 ? 'organizer' : 'member', 'Cy Organizer');
  return {
    communityId: c.id,
    api: `/api/communities/${c.id}`,
    ada,
    bea,
    cy,
    alex: await buildMember(t, c.id, 'ally', 'Alex Ally'),
    rosa: await buildMember(t, c.id, 'member', 'Rosa Reporter'),
    sam: await buildMember(t, c.id, 'member', 'Sam Member'),
  };
}

const triage = (team: Team, by: Client, concernId: string, decision = 'call-in') =>
  by.post(`${team.api}/concerns/${concernId}/triage`, {
    answers: callInAnswers,
    decision,
    ...(decision === 'enforcement' ? { ladderLevel: 'warning' } : {}),
    reason: 'Decided together.',
  });

async function inboxIds(team: Team, who: Client): Promise<string[]> {
  const r = await who.get(`${team.api}/concerns`);
  expect(r.status).toBe(200);
  return (r.body.items as { id: string }[]).map((i) => i.id);
}

async function auditTargets(team: Team, who: Client): Promise<(string | null)[]> {
  const r = await who.get(`${team.api}/audit`);
  expect(r.status).toBe(200);
  return (r.body.items as { targetId: string | null }[]).map((i) => i.targetId);
}

async function callInIds(team: Team, who: Client): Promise<string[]> {
  const r = await who.get(`${team.api}/call-ins`);
  expect(r.status).toBe(200);
  return (r.body as { id: string }[] | { items: { id: string }[] }) instanceof Array
    ? (r.body as { id: string }[]).map((i) => i.id)
    : (r.body.items as { id: string }[]).map((i) => i.id);
}

async function boardIds(team: Team, who: Client): Promise<string[]> {
  const r = await who.get(`${team.api}/ally-board`);
  expect(r.status).toBe(200);
  return (r.body.items as { concernId: string }[]).map((i) => i.concernId);
}

/** Everything an excluded organizer must not reach, and one who may does reach. */
async function expectShutOut(
  team: Team,
  who: Client,
  concernId: string,
  code: 'not_found' | 'conflict_of_interest',
) {
  const read = await who.get(`${team.api}/concerns/${concernId}`);
  expect(read.status).toBe(code === 'not_found' ? 404 : 403);
  expect(read.body.code).toBe(code);
  expect(JSON.stringify(read.body)).not.toContain('no-brainer');
  const decisions = await who.get(`${team.api}/concerns/${concernId}/triage`);
  expect(decisions.body.code).toBe(code);
  const preview = await who.post(`${team.api}/concerns/${concernId}/triage/recommendation`, {
    ...callInAnswers,
  });
  expect(preview.body.code).toBe(code);
  const decided = await triage(team, who, concernId, 'record-only');
  expect(decided.body.code).toBe(code);
  expect(await inboxIds(team, who)).not.toContain(concernId);
  expect(await auditTargets(team, who)).not.toContain(concernId);
}

describe.each(testDialects())('conflicts of interest on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(async () => t.close());

  it('keeps a concern about organizer B away from B: no read, no triage, no lists', async () => {
    const team = await buildTeam(t);
    const c = await buildConcern(team.rosa, team.communityId, {
      about: { userId: team.bea.userId },
      wants: 'organizers',
    });
    await expectShutOut(team, team.bea, c.id, 'not_found');
    // Nothing was decided by B's attempt; another organizer reads and decides.
    expect((await team.ada.get(`${team.api}/concerns/${c.id}/triage`)).body.items).toEqual([]);
    expect((await team.ada.get(`${team.api}/concerns/${c.id}`)).status).toBe(200);
    expect(await inboxIds(team, team.ada)).toContain(c.id);
    expect(await auditTargets(team, team.ada)).toContain(c.id);

    // The call-in about B: not in B's list, not readable by B, not in B's audit.
    expect((await triage(team, team.ada, c.id)).status).toBe(201);
    const opened = await team.ada.post(`${team.api}/concerns/${c.id}/call-ins`, {});
    expect(opened.status).toBe(201);
    const callInId = opened.body.id as string;
    expect(await callInIds(team, team.ada)).toContain(callInId);
    expect(await callInIds(team, team.bea)).not.toContain(callInId);
    const ci = await team.bea.get(`${team.api}/call-ins/${callInId}`);
    expect(ci.status).toBe(404);
    expect((await team.bea.get(`${team.api}/call-ins/${callInId}/candidates`)).status).toBe(404);
    const selfAssign = await team.bea.post(`${team.api}/call-ins/${callInId}/assign`, {
      userId: team.bea.userId,
    });
    expect(selfAssign.body.code).toBe('not_found');
    expect(await auditTargets(team, team.bea)).not.toContain(callInId);
    // B opening a call-in on it is refused like the rest.
    const c2 = await buildConcern(team.rosa, team.communityId, {
      about: { userId: team.bea.userId },
    });
    expect((await triage(team, team.ada, c2.id)).status).toBe(201);
    const open2 = await team.bea.post(`${team.api}/concerns/${c2.id}/call-ins`, {});
    expect(open2.body.code).toBe('not_found');
  });

  it('never shows the ally a board request about themselves', async () => {
    const team = await buildTeam(t);
    const c = await buildConcern(team.rosa, team.communityId, {
      about: { userId: team.alex.userId },
    });
    expect((await triage(team, team.ada, c.id)).status).toBe(201);
    expect(await boardIds(team, team.alex)).not.toContain(c.id);
    const v = await team.alex.post(`${team.api}/ally-board/${c.id}/volunteer`, {});
    expect(v.status).toBe(404);
  });

  it('an organizer who declares a conflict loses the case at once, and it is audited', async () => {
    const team = await buildTeam(t);
    const c = await buildConcern(team.rosa, team.communityId, {
      about: { userId: team.sam.userId },
      wants: 'organizers',
    });
    expect((await team.bea.get(`${team.api}/concerns/${c.id}`)).status).toBe(200);
    const declared = await team.bea.post(`${team.api}/concerns/${c.id}/conflict`, {});
    expect(declared.status).toBe(201);
    expect(declared.body.concernId).toBe(c.id);
    await expectShutOut(team, team.bea, c.id, 'conflict_of_interest');
    // Declaring twice is one declaration; the other organizers see it in the audit.
    expect((await team.bea.post(`${team.api}/concerns/${c.id}/conflict`, {})).status).toBe(201);
    const audit = await team.ada.get(`${team.api}/audit`);
    const entries = (audit.body.items as { action: string; targetId: string }[]).filter(
      (e) => e.action === 'concern.declare-conflict' && e.targetId === c.id,
    );
    expect(entries).toHaveLength(2);
    // Not for allies or members, and an unknown concern is not_found.
    expect((await team.alex.post(`${team.api}/concerns/${c.id}/conflict`, {})).status).toBe(403);
    expect((await team.sam.post(`${team.api}/concerns/${c.id}/conflict`, {})).status).toBe(403);
    const unknown = await team.ada.post(
      `${team.api}/concerns/00000000-0000-4000-8000-000000000000/conflict`,
      {},
    );
    expect(unknown.status).toBe(404);
    // The subject declaring on their own case hears the same 201: it confirms nothing more.
    const aboutBea = await buildConcern(team.rosa, team.communityId, {
      about: { userId: team.bea.userId },
    });
    expect((await team.bea.post(`${team.api}/concerns/${aboutBea.id}/conflict`, {})).status).toBe(
      201,
    );
    // A call-in of a conflicted case is gone from the organizer's list too.
    expect((await triage(team, team.ada, c.id)).status).toBe(201);
    const opened = await team.ada.post(`${team.api}/concerns/${c.id}/call-ins`, {});
    expect(await callInIds(team, team.bea)).not.toContain(opened.body.id);
    expect((await team.bea.get(`${team.api}/call-ins/${opened.body.id as string}`)).status).toBe(
      403,
    );
  });

  it('keeps staff the reporter excluded away, signed in or through the public form', async () => {
    const team = await buildTeam(t);
    const staff = await team.rosa.get(`${team.api}/staff`);
    expect(staff.status).toBe(200);
    expect(staff.body.items).toEqual(
      expect.arrayContaining([
        { userId: team.bea.userId, name: 'Bea Organizer', role: 'organizer' },
        { userId: team.alex.userId, name: 'Alex Ally', role: 'ally' },
      ]),
    );
    expect(JSON.stringify(staff.body)).not.toContain('@');
    expect(JSON.stringify(staff.body)).not.toContain(team.sam.userId);

    // Only organizers and allies of this community may be named.
    const bad = await team.rosa.post(
      `${team.api}/concerns`,
      concernWith({ exclude: [team.sam.userId] }),
    );
    expect(bad.status).toBe(400);
    expect(bad.body.details).toEqual([expect.objectContaining({ field: 'exclude.0' })]);

    const c = await buildConcern(team.rosa, team.communityId, {
      about: { userId: team.sam.userId },
      exclude: [team.bea.userId, team.alex.userId],
    });
    await expectShutOut(team, team.bea, c.id, 'not_found');
    expect((await team.ada.get(`${team.api}/concerns/${c.id}`)).status).toBe(200);
    expect((await triage(team, team.ada, c.id)).status).toBe(201);
    // The excluded ally: not on the board, not offered, not assigned, not a candidate.
    expect(await boardIds(team, team.alex)).not.toContain(c.id);
    expect((await team.alex.post(`${team.api}/ally-board/${c.id}/volunteer`, {})).status).toBe(404);
    const opened = await team.ada.post(`${team.api}/concerns/${c.id}/call-ins`, {});
    const callInId = opened.body.id as string;
    const candidates = await team.ada.get(`${team.api}/call-ins/${callInId}/candidates`);
    const ids =
      (candidates.body as { userId: string }[] | { items: { userId: string }[] }).constructor ===
      Array
        ? (candidates.body as { userId: string }[]).map((x) => x.userId)
        : (candidates.body.items as { userId: string }[]).map((x) => x.userId);
    expect(ids).not.toContain(team.alex.userId);
    expect(ids).not.toContain(team.bea.userId);
    expect(ids).toContain(team.cy.userId);
    const assign = await team.ada.post(`${team.api}/call-ins/${callInId}/assign`, {
      userId: team.alex.userId,
    });
    expect(assign.body.code).toBe('conflict_of_interest');
    const offer = await team.ada.post(`${team.api}/call-ins/${callInId}/offers`, {
      userId: team.alex.userId,
    });
    expect(offer.body.code).toBe('conflict_of_interest');

    // The public form shows the staff by name and takes the same choice.
    const settings = await team.ada.get(`${team.api}/settings`);
    const intakeId = settings.body.intakeId as string;
    const stranger = new Client(t.app);
    const form = await stranger.get(`/api/public/intake/${intakeId}`);
    expect(form.body.staff).toEqual(
      expect.arrayContaining([{ userId: team.bea.userId, name: 'Bea Organizer' }]),
    );
    expect(JSON.stringify(form.body)).not.toContain('@');
    const pub = await stranger.post(
      `/api/public/intake/${intakeId}/concerns`,
      concernWith({ contact: 'rita@example.org', exclude: [team.bea.userId] }),
    );
    expect(pub.status).toBe(201);
    await expectShutOut(team, team.bea, pub.body.id as string, 'not_found');
  });

  it('refuses an appeal decided by the organizer it is about', async () => {
    const team = await buildTeam(t);
    const c = await buildConcern(team.rosa, team.communityId, {
      about: { userId: team.bea.userId },
      wants: 'organizers',
    });
    expect((await triage(team, team.ada, c.id, 'enforcement')).status).toBe(201);
    // B cannot write enforcement on a case about themselves.
    const own = await team.bea.post(`${team.api}/enforcements`, {
      concernIds: [c.id],
      level: 'correction',
      reason: 'Nothing to see here.',
    });
    expect(own.body.code).toBe('not_found');
    const expiresAt = new Date(Date.now() + 7 * 864e5).toISOString();
    const e = await team.ada.post(`${team.api}/enforcements`, {
      concernIds: [c.id],
      level: 'temporary-ban',
      reason: 'Repeated remarks after a warning.',
      expiresAt,
    });
    expect(e.status).toBe(201);
    // The record about B is not in B's list of the community's records.
    const list = await team.bea.get(`${team.api}/enforcements`);
    expect(JSON.stringify(list.body)).not.toContain(e.body.id as string);
    const appeal = await team.bea.post(`/api/me/enforcements/${e.body.id as string}/appeal`, {
      statement: 'I think this was a misunderstanding.',
    });
    expect(appeal.status).toBe(201);
    const decide = (who: Client) =>
      who.post(`${team.api}/appeals/${appeal.body.id as string}/decision`, {
        decision: 'overturned',
        note: '',
      });
    const self = await decide(team.bea);
    expect(self.status).toBe(403);
    expect(self.body.code).toBe('conflict_of_interest');
    // The enforcer is still refused; a third organizer decides.
    expect((await decide(team.ada)).body.code).toBe('same_organizer_appeal');
    const other = await decide(team.cy);
    expect(other.status).toBe(200);
  });

  it('never offers or assigns the reporter who is an ally and asked for someone else', async () => {
    const team = await buildTeam(t);
    const c = await buildConcern(team.alex, team.communityId, {
      about: { userId: team.sam.userId },
      harmed: 'someone-else',
      harmedName: 'Kim',
      wants: 'ally',
    });
    expect((await triage(team, team.ada, c.id)).status).toBe(201);
    expect(await boardIds(team, team.alex)).not.toContain(c.id);
    const opened = await team.ada.post(`${team.api}/concerns/${c.id}/call-ins`, {});
    const callInId = opened.body.id as string;
    const candidates = await team.ada.get(`${team.api}/call-ins/${callInId}/candidates`);
    expect(JSON.stringify(candidates.body)).not.toContain(team.alex.userId);
    const offer = await team.ada.post(`${team.api}/call-ins/${callInId}/offers`, {
      userId: team.alex.userId,
    });
    expect(offer.body.code).toBe('conflict_of_interest');
    const assign = await team.ada.post(`${team.api}/call-ins/${callInId}/assign`, {
      userId: team.alex.userId,
    });
    expect(assign.body.code).toBe('conflict_of_interest');
    const atOpen = await buildConcern(team.alex, team.communityId, {
      about: { userId: team.sam.userId },
      harmed: 'someone-else',
      wants: 'ally',
    });
    expect((await triage(team, team.ada, atOpen.id)).status).toBe(201);
    const openWith = await team.ada.post(`${team.api}/concerns/${atOpen.id}/call-ins`, {
      callerUserId: team.alex.userId,
    });
    expect(openWith.body.code).toBe('conflict_of_interest');
  });

  it('tells the reporter plainly when every organizer is excluded', async () => {
    const team = await buildTeam(t, 1); // Bea is the only organizer
    const c = await buildConcern(team.rosa, team.communityId, {
      about: { userId: team.bea.userId },
    });
    const follow = await new Client(t.app).get(`/api/follow/${c.followToken}`);
    expect(follow.status).toBe(200);
    expect(follow.body.notice).toMatch(/Everyone who could look at this has a conflict/);
    expect(follow.body.notice).toMatch(/independent organizer/);
    // With another organizer free of the case, there is nothing to say.
    const other = await buildConcern(team.rosa, team.communityId, {
      about: { userId: team.sam.userId },
    });
    const fine = await new Client(t.app).get(`/api/follow/${other.followToken}`);
    expect(fine.body.notice).toBeNull();
  });
});

function concernWith(overrides: Record<string, unknown>) {
  return {
    what: 'In the review thread they wrote "hey guys, this is a no-brainer" twice.',
    quotes: ['hey guys, this is a no-brainer'],
    harmed: 'me',
    about: { name: 'sam_dev' },
    wants: 'organizers',
    ...overrides,
  };
}
