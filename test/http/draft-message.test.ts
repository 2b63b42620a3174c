// Issue 10, "the draft is not the message": the saved draft is what the caller starts the
// message from, the coach reads the message being written and the one sent, its advice quotes
// each word once, sarcasm is pointed out and words quoted in a report of what was said are not
// taken for the caller's own.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import {
  buildCast,
  notifications,
  raiseAndTriage,
  tokenOf,
  type Cast,
} from '../helpers/call-ins.ts';
import { Client } from '../helpers/client.ts';
import { buildMember } from '../helpers/factories.ts';
import { testDialects } from '../helpers/db.ts';

interface Advice {
  kind: string;
  message: string;
  excerpt?: string;
}
const kinds = (advice: Advice[]) => advice.map((a) => a.kind);

/** A call-in held by the ally, with the harmed reporter's consent, in the app. */
async function readyCallIn(t: TestApp, cast: Cast): Promise<string> {
  const api = `/api/communities/${cast.communityId}`;
  const concern = await raiseAndTriage(cast);
  const taken = await cast.ally.post(`${api}/ally-board/${concern.id}/volunteer`);
  expect(taken.status).toBe(201);
  const ci = `${api}/call-ins/${taken.body.id as string}`;
  await cast.ally.post(`${ci}/consent-request`, {});
  const consent = (await notifications(t)).filter((n) => n.template === 'consent-request').at(-1)!;
  const agreed = await new Client(t.app).post(`/api/public/consent/${tokenOf(consent.link)}`, {
    decision: 'agree',
    conditions: { mayShareQuotes: true },
  });
  expect(agreed.body).toMatchObject({ status: 'ready' });
  expect((await cast.ally.request('PUT', `${ci}/channel`, { channel: 'in-app' })).status).toBe(200);
  return ci;
}

describe.each(testDialects())('the draft becomes the message on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(async () => t.close());

  it('carries the draft, coaches the message as written and as sent', async () => {
    const cast = await buildCast(t);
    const ci = await readyCallIn(t, cast);
    const draft =
      'Hi Sam, I noticed your comment in the review thread. It left some people feeling unwelcome. How do you see it?';
    const saved = await cast.ally.request('PUT', `${ci}/draft`, { text: draft });
    expect(saved.status).toBe(200);
    // The saved draft comes back with the call-in, for the message to start from.
    expect((await cast.ally.get(ci)).body.draft).toBe(draft);

    // The caller edits the message; the coach reads that text, not the saved draft.
    const audit = async () =>
      (
        await t.database.handle.db
          .selectFrom('audit_log')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n;
    const auditBefore = await audit();
    const edited = `${draft} Nice job genius, you think you're so smart.`;
    const advice = await cast.ally.post(`${ci}/message-advice`, { text: edited });
    expect(advice.status).toBe(200);
    expect(kinds(advice.body.advice)).toContain('draft.sarcasm');
    // Reading advice saves nothing and changes nothing.
    expect((await cast.ally.get(ci)).body.draft).toBe(draft);
    expect(await audit()).toEqual(auditBefore);
    // The member's protections count in the message's advice as in the draft's.
    const naming = await cast.ally.post(`${ci}/message-advice`, {
      text: 'Rosa Reporter was upset by it. How do you see it?',
    });
    expect(kinds(naming.body.advice)).toContain('names-harmed-person');

    // Sending answers what the coach read in exactly the text sent.
    const sent = await cast.ally.post(`${ci}/messages`, { text: edited });
    expect(sent.status).toBe(201);
    expect(kinds(sent.body.advice)).toContain('draft.sarcasm');
    const plain = await cast.ally.post(`${ci}/messages`, { text: draft });
    expect(plain.status).toBe(201);
    expect(plain.body.advice).toEqual([]);
  });

  it('quotes each flagged word once', async () => {
    const cast = await buildCast(t);
    const ci = await readyCallIn(t, cast);
    const r = await cast.ally.request('PUT', `${ci}/draft`, {
      text: 'Sam, you were a jerk in the thread. It hurt people. Could we talk?',
    });
    const jerk = (r.body.advice as Advice[]).find((a) => a.excerpt === 'jerk');
    expect(jerk).toBeDefined();
    expect(jerk!.message).not.toContain('"jerk"');
    expect(jerk!.message.length).toBeGreaterThan(20);
  });

  it('does not take a quoted report of what was said for the writer’s own words', async () => {
    const cast = await buildCast(t);
    const ci = await readyCallIn(t, cast);
    const quoted = await cast.ally.post(`${ci}/message-advice`, {
      text: 'When you wrote "that idea is so lame, you jerk" in the thread, it hurt people. Could we talk?',
    });
    expect(kinds(quoted.body.advice).filter((k) => k.startsWith('language:'))).toEqual([]);
    const own = await cast.ally.post(`${ci}/message-advice`, {
      text: 'That idea was lame and you were a jerk. It hurt people. Could we talk?',
    });
    expect(kinds(own.body.advice)).toEqual(
      expect.arrayContaining(['language:ableist.lame', 'language:insult.asshole']),
    );
  });

  it('coaches only for the caller', async () => {
    const cast = await buildCast(t);
    const ci = await readyCallIn(t, cast);
    const body = { text: 'How do you see it?' };
    const otherAlly = await buildMember(t, cast.communityId, 'ally', 'Olive Ally');
    for (const [who, client] of [
      ['organizer', cast.organizer],
      ['the subject', cast.member],
      ['the reporter', cast.reporter],
      ['another ally', otherAlly],
      ['nobody signed in', new Client(t.app)],
    ] as const) {
      const r = await client.post(`${ci}/message-advice`, body);
      expect(r.status, who).toBeGreaterThanOrEqual(400);
      expect(r.status, who).toBeLessThan(500);
      expect(JSON.stringify(r.body), who).not.toContain('advice');
    }
  });
});
