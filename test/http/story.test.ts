// The first half of the flow through real HTTP: an operator sets up a community, invites an
// organizer, a member raises a concern, someone without an account uses the public form,
// and the organizer triages.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyChain } from '../../src/domain/audit/audit.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { Client } from '../helpers/client.ts';
import { testDialects } from '../helpers/db.ts';
import {
  buildConcern,
  buildMember,
  buildOperator,
  concernBody,
  PASSWORD,
  uniqueEmail,
} from '../helpers/factories.ts';

describe.each(testDialects())('raising and triaging a concern on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(async () => t.close());

  it('walks from a new community to a kept triage decision', async () => {
    const operator = await buildOperator(t);
    const created = await operator.post('/api/communities', {
      slug: 'rust-meetup',
      name: 'Rust Meetup',
    });
    expect(created.status).toBe(201);
    const communityId = created.body.id as string;

    // The operator invites the first organizer, who makes an account from the link.
    const inv = await operator.post(`/api/communities/${communityId}/invitations`, {
      role: 'organizer',
    });
    expect(inv.status).toBe(201);
    expect(inv.body.url).toMatch(/^http:\/\/callin\.test\/invite\//);
    const preview = await new Client(t.app).get(`/api/invitations/${inv.body.token}`);
    expect(preview.body).toMatchObject({ role: 'organizer', community: { name: 'Rust Meetup' } });
    const organizer = new Client(t.app);
    const accepted = await organizer.post(`/api/invitations/${inv.body.token}/accept`, {
      email: uniqueEmail('organizer'),
      password: PASSWORD,
      displayName: 'Ada Organizer',
    });
    expect(accepted.status).toBe(200);
    organizer.csrfToken = accepted.body.csrfToken;
    // A one-use link cannot be used twice.
    const again = await new Client(t.app).post(`/api/invitations/${inv.body.token}/accept`, {
      email: uniqueEmail(),
      password: PASSWORD,
      displayName: 'Someone',
    });
    expect(again.body.code).toBe('invitation_invalid');

    const me = await organizer.get('/api/me');
    expect(me.body.communities).toEqual([
      expect.objectContaining({ id: communityId, role: 'organizer' }),
    ]);

    // A member raises a concern under their name.
    const member = await buildMember(t, communityId, 'member', 'Mina Member');
    const raised = await buildConcern(member, communityId);
    expect(raised.followUrl).toMatch(/^http:\/\/callin\.test\/follow\//);

    // Someone without an account uses the public form, anonymously.
    const settings = await organizer.get(`/api/communities/${communityId}/settings`);
    expect(settings.status).toBe(200);
    const intakeId = settings.body.intakeId as string;
    const stranger = new Client(t.app);
    const form = await stranger.get(`/api/public/intake/${intakeId}`);
    // The form names the people who handle concerns (display names only), so a reporter can
    // keep one away from their concern (rule 9).
    expect(form.body).toEqual({
      community: 'Rust Meetup',
      allowAnonymous: true,
      staff: [{ userId: expect.any(String), name: 'Ada Organizer' }],
    });
    const publicRaise = await stranger.post(
      `/api/public/intake/${intakeId}/concerns`,
      concernBody({ anonymous: true, wants: 'organizers', about: { name: 'Sam_Dev ' } }),
    );
    expect(publicRaise.status).toBe(201);

    // The organizer's inbox lists both, newest first, without any narrative.
    const inbox = await organizer.get(`/api/communities/${communityId}/concerns`);
    expect(inbox.status).toBe(200);
    expect(inbox.body.items.map((i: { id: string }) => i.id)).toEqual([
      publicRaise.body.id,
      raised.id,
    ]);
    expect(JSON.stringify(inbox.body)).not.toContain('no-brainer');

    // The organizer reads one in full; an anonymous reporter stays unknown.
    const detail = await organizer.get(
      `/api/communities/${communityId}/concerns/${publicRaise.body.id}`,
    );
    expect(detail.body).toMatchObject({
      anonymous: true,
      reporter: null,
      about: { name: 'Sam_Dev' },
    });
    const named = await organizer.get(`/api/communities/${communityId}/concerns/${raised.id}`);
    expect(named.body.reporter).toMatchObject({ name: 'Mina Member' });

    // History counts the earlier concern about the same person (matched by a keyed hash).
    const answers = {
      categories: ['inconsiderate-language'],
      immediateDanger: false,
      intent: 'thoughtless',
      publicHarm: 'few',
    };
    const base = `/api/communities/${communityId}/concerns/${publicRaise.body.id}`;
    const rec = await organizer.post(`${base}/triage/recommendation`, answers);
    expect(rec.status).toBe(200);
    expect(rec.body.history.earlierConcerns).toBe(1);
    expect(rec.body.recommendation).toMatchObject({ kind: 'call-in', caller: 'organizer' });

    const reason = 'A first, thoughtless remark: a kind word in private.';
    const decided = await organizer.post(`${base}/triage`, {
      answers,
      decision: 'call-in',
      reason,
    });
    expect(decided.status).toBe(201);
    expect(decided.body.followsRecommendation).toBe(true);
    const decisions = await organizer.get(`${base}/triage`);
    expect(decisions.body.items[0]).toMatchObject({ decision: 'call-in', reason });

    // The reporter follows along through the private link, and sees status only.
    const follow = await stranger.get(`/api/follow/${publicRaise.body.followToken}`);
    expect(follow.body).toMatchObject({ status: 'triaged', community: 'Rust Meetup' });
    expect(JSON.stringify(follow.body)).not.toContain('thoughtless remark');

    // Nothing readable is stored: the narrative and the reason are encrypted at rest.
    const rows = await t.database.handle.db.selectFrom('concerns').select('content').execute();
    for (const r of rows) expect(r.content).not.toContain('no-brainer');
    const reasons = await t.database.handle.db
      .selectFrom('triage_decisions')
      .select('reason')
      .execute();
    for (const r of reasons) expect(r.reason).not.toContain('thoughtless');

    // Every change left a chained audit entry.
    const report = await verifyChain(
      t.ctx.store.repos.audit.iterate(),
      t.ctx.store.repos.audit.seal,
    );
    expect(report.ok).toBe(true);
    expect(report.checked).toBeGreaterThanOrEqual(7);
  });
});
