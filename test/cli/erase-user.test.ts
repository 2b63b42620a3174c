// `callin admin erase-user` keeps rule 11: it refuses to erase the last organizer of a
// community that holds cases, names the way out, and changes nothing; once someone else is an
// organizer it erases. Run through the command's own entry point against each dialect.
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { TEST_KEY, createTestApp, type TestApp } from '../helpers/app.ts';
import { buildCast, raiseAndTriage } from '../helpers/call-ins.ts';
import { testDialects } from '../helpers/db.ts';

describe.each(testDialects())('callin admin erase-user on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(async () => t.close());

  const run = async (args: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await main(args, {
      out: (s: string) => out.push(s),
      err: (s: string) => err.push(s),
      stdin: new PassThrough(),
      env: { ...t.database.env, CALLIN_ENCRYPTION_KEYS: TEST_KEY, LOG_LEVEL: 'silent' },
      cwd: process.cwd(),
    });
    return { code, out: out.join('\n'), err: err.join('\n') };
  };
  const emailOf = async (userId: string) =>
    (
      await t.database.handle.db
        .selectFrom('users')
        .select(['email', 'erased_at'])
        .where('id', '=', userId)
        .executeTakeFirstOrThrow()
    ).email;

  it('refuses the last organizer of a community with cases, naming the way out', async () => {
    const cast = await buildCast(t);
    await raiseAndTriage(cast);
    const email = await emailOf(cast.organizer.userId!);
    const refused = await run(['admin', 'erase-user', '--email', email]);
    expect(refused.code).toBe(4);
    expect(refused.err).toContain('only organizer of Friendly Project');
    expect(refused.err).toContain('Make someone else an organizer');
    expect(refused.err).toContain('purge');
    expect(refused.err).toContain('Nothing was erased');
    // Nothing changed: the account and its membership are still there.
    expect(await emailOf(cast.organizer.userId!)).toBe(email);
    expect(
      await t.ctx.store.repos.memberships.find(cast.communityId, cast.organizer.userId!),
    ).toBeDefined();

    // Someone else becomes an organizer: now it erases.
    const api = `/api/communities/${cast.communityId}`;
    expect(
      (
        await cast.organizer.request('PATCH', `${api}/members/${cast.ally.userId}`, {
          role: 'organizer',
        })
      ).status,
    ).toBe(200);
    const done = await run(['admin', 'erase-user', '--email', email, '--json']);
    expect(done.code, done.err).toBe(0);
    expect(JSON.parse(done.out)).toMatchObject({
      userId: cast.organizer.userId,
      alreadyErased: false,
    });
  });
});
