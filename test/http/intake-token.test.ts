// An API token speaks only for its own community: on another community's public form its
// holder is a stranger, so the concern is anonymous there.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { Client } from '../helpers/client.ts';
import { testDialects } from '../helpers/db.ts';
import { buildCommunity, buildMember, concernBody } from '../helpers/factories.ts';

describe.each(testDialects())('a token on another community’s public form on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(async () => t.close());

  it('records no reporter', async () => {
    const a = await buildCommunity(t, 'A');
    const b = await buildCommunity(t, 'B');
    const organizerA = await buildMember(t, a.id, 'organizer');
    const memberB = await buildMember(t, b.id, 'member');
    const token = await memberB.post(`/api/communities/${b.id}/tokens`, { name: 'script' });
    expect(token.status).toBe(201);
    const script = new Client(t.app);
    script.bearer = token.body.token;
    const raised = await script.post(
      `/api/public/intake/${a.intakeId}/concerns`,
      concernBody({ contact: 'reach me here' }),
    );
    expect(raised.status).toBe(201);
    const detail = await organizerA.get(`/api/communities/${a.id}/concerns/${raised.body.id}`);
    expect(detail.body).toMatchObject({ anonymous: true, reporter: null });
  });
});
