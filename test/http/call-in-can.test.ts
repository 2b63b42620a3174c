// The `can` flags on a call-in: what the person asking may do next, from the lifecycle table and
// the policy, at each step of the story, for the caller and for an organizer. Each flag that says
// yes is then tried, so the flags and the server never disagree.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callInAbilities, type CallInAbility } from '../../src/contract/can.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { buildCast, notifications, raiseAndTriage, tokenOf } from '../helpers/call-ins.ts';
import { Client } from '../helpers/client.ts';
import { testDialects } from '../helpers/db.ts';

const only = (...yes: CallInAbility[]) =>
  Object.fromEntries(callInAbilities.map((a) => [a, yes.includes(a)]));

describe.each(testDialects())('call-in can flags on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(async () => t.close());

  it('follow the call-in from volunteering to reopening, for the caller and an organizer', async () => {
    const cast = await buildCast(t);
    const { communityId, organizer, ally } = cast;
    const api = `/api/communities/${communityId}`;
    const concern = await raiseAndTriage(cast);
    const taken = await ally.post(`${api}/ally-board/${concern.id}/volunteer`);
    const ci = `${api}/call-ins/${taken.body.id as string}`;
    const can = async (who: Client) => {
      const res = await who.get(ci);
      expect(res.status).toBe(200);
      return res.body.can as Record<CallInAbility, boolean>;
    };

    // Waiting for the harmed person: the caller prepares, nobody can reach the member yet.
    expect(await can(ally)).toEqual(only('requestConsent', 'saveDraft', 'chooseChannel', 'close'));
    expect(await can(organizer)).toEqual(only('requestConsent', 'close', 'escalate'));

    await ally.request('PUT', `${ci}/channel`, { channel: 'in-app' });
    await ally.post(`${ci}/consent-request`, {});
    const consentToken = tokenOf((await notifications(t)).at(-1)!.link);
    await new Client(t.app).post(`/api/public/consent/${consentToken}`, {
      decision: 'agree',
      conditions: { mayShareQuotes: false, note: '' },
    });

    // Consent given and a channel chosen: the caller may write to the member.
    expect(await can(ally)).toEqual(only('saveDraft', 'chooseChannel', 'sendMessage', 'close'));
    const sent = await ally.post(`${ci}/messages`, {
      text: 'Hi Sam, could we talk privately about a comment in the review thread?',
    });
    expect(sent.status).toBe(201);

    // In conversation: an outcome may be recorded by either; only an organizer escalates.
    expect(await can(ally)).toEqual(
      only('saveDraft', 'chooseChannel', 'sendMessage', 'recordOutcome', 'close'),
    );
    expect(await can(organizer)).toEqual(only('recordOutcome', 'close', 'escalate'));
    const outcome = await ally.post(`${ci}/outcome`, { outcome: 'acknowledged', note: '' });
    expect(outcome.status).toBe(200);

    expect(await can(ally)).toEqual(only('sendMessage', 'recordOutcome', 'close', 'reopen'));
    expect((await ally.post(`${ci}/close`)).status).toBe(200);

    // Closed: only reopening is left, for either of them.
    expect(await can(ally)).toEqual(only('reopen'));
    expect(await can(organizer)).toEqual(only('reopen'));
    expect((await organizer.post(`${ci}/reopen`)).status).toBe(200);
    expect((await can(ally)).sendMessage).toBe(true);
  });
});
