// Insiders in random roles, through the real API: for each run a concern is raised about a
// random insider (an organizer, an ally or a member), by a random reporter (a member, an ally,
// or anonymously), with random staff kept away; then random people try random things — read it,
// triage it, declare a conflict, open and take the call-in, demote its caller, write a record,
// appeal and decide the appeal, read the inbox and the audit log. After every step:
// - nobody the case is about, nobody with a declared conflict and nobody the reporter excluded
//   reads it, decides it, holds it, enforces it or decides its appeal (rule 9);
// - the member never sees who raised it or who was harmed, nor the narrative or the quotes in
//   anything addressed to them (rule 3); the operator never reads the case (rule 4);
// - a caller who lost the role reads the call-in no more (rule 11);
// - nobody decides an appeal of a record they wrote or that is about them.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { callInAnswers } from '../helpers/call-ins.ts';
import { Client } from '../helpers/client.ts';
import { testDialects } from '../helpers/db.ts';
import { buildCommunity, buildMember, buildOperator } from '../helpers/factories.ts';

const NARRATIVE = 'Lantern-narrative-4471 happened in the planning call.';
const QUOTE = 'quoted-words-8813';
const HARMED = 'Harriet Hiddenname';

const staffNames = ['orgA', 'orgB', 'orgC', 'allyC', 'allyD'] as const;
const everyone = [...staffNames, 'memberM', 'memberR', 'operator'] as const;
type Person = (typeof everyone)[number];
const organizers: readonly Person[] = ['orgA', 'orgB', 'orgC'];

const step = fc.oneof(
  fc.record({ do: fc.constant('read' as const), who: fc.constantFrom(...everyone) }),
  fc.record({ do: fc.constant('inbox' as const), who: fc.constantFrom(...everyone) }),
  fc.record({ do: fc.constant('audit' as const), who: fc.constantFrom(...everyone) }),
  fc.record({ do: fc.constant('retriage' as const), who: fc.constantFrom(...everyone) }),
  fc.record({ do: fc.constant('declare' as const), who: fc.constantFrom(...organizers) }),
  fc.record({
    do: fc.constant('assign' as const),
    who: fc.constantFrom(...everyone),
    to: fc.constantFrom(...staffNames, 'memberM', 'memberR'),
  }),
  fc.record({ do: fc.constant('readCallIn' as const), who: fc.constantFrom(...everyone) }),
  fc.record({ do: fc.constant('demoteCaller' as const) }),
  fc.record({ do: fc.constant('enforce' as const), who: fc.constantFrom(...everyone) }),
  fc.record({ do: fc.constant('decideAppeal' as const), who: fc.constantFrom(...everyone) }),
  fc.record({ do: fc.constant('memberView' as const) }),
);

const scenario = fc.record({
  subject: fc.constantFrom<Person>('orgB', 'allyC', 'memberM'),
  reporter: fc.constantFrom<Person | 'public'>('memberR', 'allyD', 'public'),
  harmedIsReporter: fc.boolean(),
  excludeOrgC: fc.boolean(),
  excludeAllyD: fc.boolean(),
  steps: fc.array(step, { minLength: 4, maxLength: 12 }),
});

describe.each(testDialects())('insiders under random flows (%s)', (dialect) => {
  let t: TestApp;
  let communityId: string;
  let intakeId: string;
  const people = {} as Record<Person, Client>;
  const names: Record<Person, string> = {
    orgA: 'Ada Organizer',
    orgB: 'Bea Organizer',
    orgC: 'Cy Organizer',
    allyC: 'Cal Ally',
    allyD: 'Dee Ally',
    memberM: 'Milo Member',
    memberR: 'Rory Reporter',
    operator: 'Opal Operator',
  };
  const roleOf: Record<Person, string> = {
    orgA: 'organizer',
    orgB: 'organizer',
    orgC: 'organizer',
    allyC: 'ally',
    allyD: 'ally',
    memberM: 'member',
    memberR: 'member',
    operator: 'none',
  };

  beforeAll(async () => {
    t = await createTestApp(dialect);
    communityId = (await buildCommunity(t, 'Insider Project')).id;
    for (const p of everyone) {
      if (p === 'operator') continue;
      people[p] = await buildMember(
        t,
        communityId,
        roleOf[p] as 'organizer' | 'ally' | 'member',
        names[p],
      );
    }
    people.operator = await buildOperator(t);
    intakeId = (await people.orgA.get(`/api/communities/${communityId}/settings`)).body.intakeId;
  }, 120_000);
  afterAll(async () => t.close());

  it('never lets an insider see or decide what the rules keep from them', async () => {
    const api = `/api/communities/${communityId}`;
    await fc.assert(
      fc.asyncProperty(scenario, async (s) => {
        const subjectId = people[s.subject].userId!;
        const exclude = [
          ...(s.excludeOrgC ? (['orgC'] as const) : []),
          ...(s.excludeAllyD && s.reporter !== 'allyD' ? (['allyD'] as const) : []),
        ].filter((p) => p !== s.subject);
        const body = {
          what: NARRATIVE,
          quotes: [QUOTE],
          harmed: s.harmedIsReporter ? 'me' : 'someone-else',
          ...(s.harmedIsReporter ? {} : { harmedName: HARMED }),
          about: { userId: subjectId },
          wants: 'organizers',
          exclude: exclude.map((p) => people[p].userId!),
        };
        const raised =
          s.reporter === 'public'
            ? await new Client(t.app).post(`/api/public/intake/${intakeId}/concerns`, {
                ...body,
                anonymous: true,
              })
            : await people[s.reporter].post(`${api}/concerns`, body);
        expect(raised.status, JSON.stringify(raised.body)).toBe(201);
        const concernId = raised.body.id as string;
        const concernApi = `${api}/concerns/${concernId}`;
        const declared = new Set<Person>();
        const excluded = new Set<Person>(exclude);
        const role = { ...roleOf };
        let callInId: string | null = null;
        let caller: Person | null = null;
        const demoted = new Set<Person>();
        let enforcementId: string | null = null;
        let enforcer: Person | null = null;
        let latestDecision: string | null = null;

        /** May handle this case as staff now (rule 9 and current roles). */
        const kept = (p: Person) => p === s.subject || excluded.has(p) || declared.has(p);
        const handles = (p: Person) => role[p] === 'organizer' && !kept(p);
        const reporterName = s.reporter === 'public' ? null : names[s.reporter];
        const hidden = [NARRATIVE, QUOTE, HARMED, ...(reporterName ? [reporterName] : [])];

        // An organizer who may handle it decides it for a call-in.
        const first = await people.orgA.post(`${concernApi}/triage`, {
          answers: callInAnswers,
          decision: 'call-in',
          reason: 'A first thoughtless remark.',
        });
        expect(first.status, JSON.stringify(first.body)).toBe(201);
        latestDecision = first.body.id;

        for (const st of s.steps) {
          switch (st.do) {
            case 'read': {
              const r = await people[st.who].get(concernApi);
              if (r.status === 200)
                expect(handles(st.who), `${st.who} read the concern`).toBe(true);
              else if (handles(st.who)) expect(r.status).toBe(200);
              break;
            }
            case 'inbox': {
              const r = await people[st.who].get(`${api}/concerns?limit=100`);
              if (r.status === 200 && r.body.items.some((c: { id: string }) => c.id === concernId))
                expect(handles(st.who), `${st.who} saw it in the inbox`).toBe(true);
              break;
            }
            case 'audit': {
              const r = await people[st.who].get(`${api}/audit?limit=200`);
              if (r.status !== 200) break;
              const about = (r.body.items as { targetId: string | null }[]).filter(
                (e) => e.targetId === concernId || (callInId !== null && e.targetId === callInId),
              );
              if (about.length > 0)
                expect(handles(st.who), `${st.who} read the case's audit entries`).toBe(true);
              break;
            }
            case 'retriage': {
              const r = await people[st.who].post(`${concernApi}/triage`, {
                answers: callInAnswers,
                decision: 'call-in',
                reason: 'Looked at it again.',
                replaces: latestDecision,
              });
              if (r.status === 201) {
                expect(handles(st.who), `${st.who} decided the concern`).toBe(true);
                latestDecision = r.body.id;
              }
              break;
            }
            case 'declare': {
              const r = await people[st.who].post(`${concernApi}/conflict`, {});
              if (r.status < 300 && role[st.who] === 'organizer') declared.add(st.who);
              break;
            }
            case 'assign': {
              if (callInId === null) {
                const opened = await people[st.who].post(`${concernApi}/call-ins`, {});
                if (opened.status < 300) {
                  expect(handles(st.who), `${st.who} opened a call-in`).toBe(true);
                  callInId = opened.body.id;
                }
                if (callInId === null) break;
              }
              const r = await people[st.who].post(`${api}/call-ins/${callInId}/assign`, {
                userId: people[st.to].userId,
              });
              if (r.status < 300) {
                expect(handles(st.who), `${st.who} assigned the call-in`).toBe(true);
                expect(kept(st.to), `${st.to} was given a case they are kept from`).toBe(false);
                expect(st.to === s.reporter, 'the reporter was made caller').toBe(false);
                caller = st.to;
              }
              break;
            }
            case 'readCallIn': {
              if (callInId === null) break;
              const r = await people[st.who].get(`${api}/call-ins/${callInId}`);
              if (r.status === 200) {
                const asCaller = st.who === caller && !demoted.has(st.who);
                expect(
                  !kept(st.who) && (role[st.who] === 'organizer' || asCaller),
                  `${st.who} read the call-in`,
                ).toBe(true);
              }
              break;
            }
            case 'demoteCaller': {
              if (caller === null || role[caller] !== 'ally') break;
              const who = caller;
              const r = await people.orgA.request('PATCH', `${api}/members/${people[who].userId}`, {
                role: 'member',
              });
              if (r.status < 300) {
                role[who] = 'member';
                demoted.add(who);
                if (callInId) {
                  const after = await people[who].get(`${api}/call-ins/${callInId}`);
                  expect(after.status, 'a demoted caller still reads the call-in').not.toBe(200);
                }
              }
              break;
            }
            case 'enforce': {
              if (enforcementId !== null) break;
              const r = await people[st.who].post(`${api}/enforcements`, {
                concernIds: [concernId],
                level: 'warning',
                reason: 'A written warning about the remark in the planning call.',
              });
              if (r.status < 300) {
                expect(handles(st.who), `${st.who} wrote a record`).toBe(true);
                enforcementId = r.body.id;
                enforcer = st.who;
                const appeal = await people[s.subject].post(
                  `/api/me/enforcements/${enforcementId}/appeal`,
                  { statement: 'I would like another look at this, please.' },
                );
                expect(appeal.status, JSON.stringify(appeal.body)).toBeLessThan(300);
              }
              break;
            }
            case 'decideAppeal': {
              if (enforcementId === null) break;
              const list = await people.orgA.get(`${api}/enforcements`);
              const record = (
                list.body.items as { id: string; appeals?: { id: string; status: string }[] }[]
              )?.find((e) => e.id === enforcementId);
              const appeal = record?.appeals?.find((a) => a.status === 'pending');
              if (!appeal) break;
              const r = await people[st.who].post(`${api}/appeals/${appeal.id}/decision`, {
                decision: 'upheld',
                note: 'Looked at again by someone else.',
              });
              if (r.status < 300) {
                expect(handles(st.who), `${st.who} decided the appeal`).toBe(true);
                expect(st.who, 'the enforcer decided their own appeal').not.toBe(enforcer);
              }
              break;
            }
            case 'memberView': {
              // Everything addressed to the person it is about, through their own pages.
              const me = people[s.subject];
              const views = [
                await me.get('/api/me/call-ins'),
                ...(callInId ? [await me.get(`/api/me/call-ins/${callInId}`)] : []),
                await me.get('/api/me/enforcements'),
                await me.get('/api/me/notifications'),
              ];
              for (const v of views) {
                const text = JSON.stringify(v.body);
                for (const h of hidden) expect(text, `the member read "${h}"`).not.toContain(h);
              }
              break;
            }
          }
          // The operator never reads the case.
          expect((await people.operator.get(concernApi)).status).not.toBe(200);
        }

        // Put roles back for the next run.
        for (const who of demoted) {
          await people.orgA.request('PATCH', `${api}/members/${people[who].userId}`, {
            role: 'ally',
          });
        }
      }),
      { numRuns: dialect === 'sqlite' ? 25 : 10 },
    );
  }, 240_000);
});
