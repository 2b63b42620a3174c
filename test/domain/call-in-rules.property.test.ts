// Random sequences of call-in actions against a real SQLite database, checking rules 1-5 after
// every step: no contact before consent and nothing left pending after a withdrawal; the
// harmed person never holds a call-in they did not choose; the member never sees who raised
// it or who was harmed; only the caller, the member and the organizers read a conversation;
// nobody paused or full is offered or given work, and declining needs no reason.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAppError } from '../../src/config/errors.ts';
import type { Actor } from '../../src/domain/access/actor.ts';
import { openCallIn, volunteer } from '../../src/domain/handoff/ally-board.ts';
import { answerOffer, assignCallIn, offerCallIn } from '../../src/domain/handoff/matching.ts';
import { memberKeyPrefix } from '../../src/domain/notifications/notifications.ts';
import { chooseChannel, readCallIn, sendMessage } from '../../src/domain/conversation/call-ins.ts';
import { availability, updateMyCare } from '../../src/domain/care/capacity.ts';
import {
  decideConsent,
  requestConsent,
  withdrawConsent,
} from '../../src/domain/handoff/consent.ts';
import { raiseConcern } from '../../src/domain/intake/concerns.ts';
import { respondAsMember, viewAsMember } from '../../src/domain/conversation/member-view.ts';
import { closeCallIn, recordOutcome, reopenCallIn } from '../../src/domain/outcomes/outcomes.ts';
import { decideTriage } from '../../src/domain/triage/triage-decision.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { testDialects } from '../helpers/db.ts';
import { notifications, tokenOf } from '../helpers/call-ins.ts';
import type { Client } from '../helpers/client.ts';
import { buildCommunity, buildMember, concernBody } from '../helpers/factories.ts';

const names = ['organizer', 'ally1', 'ally2', 'harmed', 'member', 'outsider'] as const;
type Name = (typeof names)[number];

const action = fc.oneof(
  {
    weight: 1,
    arbitrary: fc.record({
      do: fc.constant('care' as const),
      who: fc.constantFrom<Name>('organizer', 'ally1', 'ally2', 'harmed'),
      capacity: fc.integer({ min: 0, max: 3 }),
      paused: fc.boolean(),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      do: fc.constant('volunteer' as const),
      who: fc.constantFrom<Name>(...names),
      ci: fc.nat(2),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      do: fc.constant('assign' as const),
      to: fc.constantFrom<Name>('organizer', 'ally1', 'ally2', 'harmed'),
      ci: fc.nat(2),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      do: fc.constant('offer' as const),
      to: fc.constantFrom<Name>('ally1', 'ally2', 'harmed'),
      ci: fc.nat(2),
      accept: fc.boolean(),
    }),
  },
  { weight: 4, arbitrary: fc.record({ do: fc.constant('request' as const), ci: fc.nat(2) }) },
  {
    weight: 4,
    arbitrary: fc.record({
      do: fc.constant('consent' as const),
      ci: fc.nat(2),
      agree: fc.constantFrom(true, true, true, false),
      mayMentionMe: fc.boolean(),
    }),
  },
  { weight: 1, arbitrary: fc.record({ do: fc.constant('withdraw' as const), ci: fc.nat(2) }) },
  {
    weight: 4,
    arbitrary: fc.record({
      do: fc.constant('send' as const),
      ci: fc.nat(2),
      text: fc.constantFrom(
        'Could we talk about the review?',
        'Hi, {name} was hurt by this.',
        'Write to {email} if you like.',
      ),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      do: fc.constant('respond' as const),
      ci: fc.nat(2),
      kind: fc.constantFrom('reply', 'need-time', 'will-change', 'ask-organizer' as const),
    }),
  },
  { weight: 1, arbitrary: fc.record({ do: fc.constant('outcome' as const), ci: fc.nat(2) }) },
  {
    weight: 1,
    arbitrary: fc.record({
      do: fc.constant('close' as const),
      ci: fc.nat(2),
      reopen: fc.boolean(),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      do: fc.constant('read' as const),
      ci: fc.nat(2),
      who: fc.constantFrom<Name>(...names),
    }),
  },
);

describe.each(testDialects())('call-in rules under random action sequences (%s)', (dialect) => {
  let t: TestApp;
  let communityId: string;
  const people = {} as Record<Name, Client>;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    const c = await buildCommunity(t);
    communityId = c.id;
    const roles = {
      organizer: 'organizer',
      ally1: 'ally',
      ally2: 'ally',
      harmed: 'ally',
      member: 'member',
    } as const;
    for (const [n, role] of Object.entries(roles))
      people[n as Name] = await buildMember(t, communityId, role, `Person ${n}`);
    const other = await buildCommunity(t, 'Other');
    people.outsider = await buildMember(t, other.id, 'organizer', 'Person outsider');
  });
  afterAll(async () => t.close());

  it('keeps rules 1-5', async () => {
    const tx = t.ctx.store.transaction.bind(t.ctx.store);
    const repos = t.ctx.store.repos;
    const deps = { clock: t.ctx.clock, cipher: t.ctx.cipher, publicUrl: 'http://callin.test' };
    const actor = (n: Name): Actor => ({
      kind: 'user',
      userId: people[n].userId!,
      isOperator: false,
    });
    const harmedUser = await repos.users.findById(people.harmed.userId!);
    const stats = {
      requested: 0,
      consentTried: 0,
      assigned: 0,
      consented: 0,
      sent: 0,
      refusedForCapacity: 0,
    };
    const secrets = [harmedUser!.displayName, harmedUser!.email, harmedUser!.id];

    await fc.assert(
      fc.asyncProperty(fc.array(action, { minLength: 5, maxLength: 40 }), async (actions) => {
        // Fresh concerns for this run: the harmed person (an ally themselves) asks for an ally.
        const concernIds: string[] = [];
        for (let i = 0; i < 3; i++) {
          const body = concernBody({
            about: { userId: people.member.userId },
            harmed: i === 2 ? 'group' : 'me',
          });
          const raised = await raiseConcern(
            tx,
            deps,
            actor('harmed'),
            { communityId },
            {
              ...body,
              harmedName: null,
              urgent: false,
              categories: [],
              anonymous: false,
              contact: null,
              about: { userId: people.member.userId!, name: null },
            } as never,
            'web',
          );
          await decideTriage(tx, deps, actor('organizer'), communityId, raised.id, {
            answers: {
              categories: [],
              immediateDanger: false,
              intent: 'thoughtless',
              publicHarm: 'few',
            },
            decision: 'call-in',
            ladderLevel: null,
            reason: 'ok',
          });
          concernIds.push(raised.id);
        }
        for (const n of ['organizer', 'ally1', 'ally2', 'harmed'] as const) {
          await updateMyCare(tx, deps, actor(n), communityId, { capacity: 1, paused: false });
        }
        const callIns: (string | null)[] = [null, null, null];
        const everConsented = new Set<string>();
        const everMention = new Set<string>();
        const consentLinks = new Map<string, string>();
        // The member's private link and its claim, or null when they answer in the app.
        const memberLinks = new Map<string, { token: string; claim: string | null } | null>();

        const attempt = async <T>(
          fn: () => Promise<T>,
        ): Promise<{ ok: true; value: T } | { ok: false; code: string }> => {
          try {
            return { ok: true, value: await fn() };
          } catch (e) {
            if (!isAppError(e)) throw e;
            return { ok: false, code: e.code };
          }
        };
        const ensure = async (i: number) => {
          if (!callIns[i]) {
            const r = await attempt(() =>
              openCallIn(tx, deps, actor('organizer'), communityId, concernIds[i]!, {
                callerUserId: null,
                language: null,
              }),
            );
            if (r.ok) callIns[i] = r.value.id;
          }
          return callIns[i];
        };
        const capacityCheck = async (who: Name, code: string | null) => {
          const a = await availability(repos, communityId, people[who].userId!);
          return { before: a.available, code };
        };

        for (const a of actions) {
          let id = 'ci' in a ? await ensure(a.ci) : null;
          // Steer later steps to a call-in where they can apply, so sequences go deep.
          const fits = async (ciId: string) => {
            const c = await repos.callIns.findById(ciId);
            if (a.do === 'request') return !!c?.callerUserId && c.consentMode === 'person';
            if (a.do === 'consent') return consentLinks.has(ciId) || c?.consentMode === 'organizer';
            if (a.do === 'send') return everConsented.has(ciId);
            if (a.do === 'respond') return memberLinks.has(ciId);
            return true;
          };
          if (id && !(await fits(id))) {
            for (const other of callIns) if (other && (await fits(other))) id = other;
          }
          switch (a.do) {
            case 'care':
              await updateMyCare(tx, deps, actor(a.who), communityId, {
                capacity: a.capacity,
                paused: a.paused,
              });
              break;
            case 'volunteer':
            case 'assign': {
              const who = a.do === 'volunteer' ? a.who : a.to;
              const pre = await availability(repos, communityId, people[who].userId!);
              const r =
                a.do === 'volunteer'
                  ? await attempt(() =>
                      volunteer(tx, deps, actor(who), communityId, concernIds[a.ci]!),
                    )
                  : id
                    ? await attempt(() =>
                        assignCallIn(
                          tx,
                          deps,
                          actor('organizer'),
                          communityId,
                          id,
                          people[who].userId!,
                        ),
                      )
                    : null;
              if (r?.ok) {
                expect(pre.available, `rule 5: ${who} was not available`).toBe(true);
                // Concern 2 hurt a group: its reporter is not the harmed person.
                if (a.ci !== 2) expect(who, 'rule 2').not.toBe('harmed');
                callIns[a.ci] = r.value.id;
                stats.assigned++;
              }
              if (r && !r.ok && r.code === 'over_capacity') stats.refusedForCapacity++;
              if (r && !r.ok && who === 'harmed' && a.ci !== 2)
                expect([
                  'harmed_person_cannot_call',
                  'invalid_state',
                  'over_capacity',
                  'forbidden',
                ]).toContain(r.code);
              break;
            }
            case 'offer': {
              if (!id) break;
              const pre = await capacityCheck(a.to, null);
              const r = await attempt(() =>
                offerCallIn(tx, deps, actor('organizer'), communityId, id, {
                  userId: people[a.to].userId!,
                  relationship: 'none',
                }),
              );
              if (!r.ok) break;
              expect(pre.before, 'rule 5: an offer went to someone paused or full').toBe(true);
              if (a.ci !== 2) expect(a.to, 'rule 2').not.toBe('harmed');
              if (a.accept)
                await attempt(() =>
                  answerOffer(tx, deps, actor(a.to), communityId, r.value.id, 'accept'),
                );
              else {
                // Declining needs no reason, and always works on a pending offer.
                const d = await answerOffer(
                  tx,
                  deps,
                  actor(a.to),
                  communityId,
                  r.value.id,
                  'decline',
                );
                expect(d.status).toBe('declined');
              }
              break;
            }
            case 'request': {
              if (!id) break;
              const callIn = await repos.callIns.findById(id);
              if (!callIn?.callerUserId) break;
              const caller = names.find((n) => people[n].userId === callIn.callerUserId)!;
              const r = await attempt(() =>
                requestConsent(tx, deps, actor(caller), communityId, id, {
                  harmedUserId: null,
                  email: null,
                  name: null,
                }),
              );
              if (r.ok) {
                stats.requested++;
                const sent = (await notifications(t)).filter(
                  (n) => n.template === 'consent-request',
                );
                consentLinks.set(id, tokenOf(sent.at(-1)!.link));
              }
              break;
            }
            case 'consent': {
              if (!id) break;
              const callIn = await repos.callIns.findById(id);
              if (callIn?.consentMode === 'organizer') {
                const { approveAsOrganizer } = await import('../../src/domain/handoff/consent.ts');
                const r = await attempt(() =>
                  approveAsOrganizer(tx, deps, actor('organizer'), communityId, id, a.agree),
                );
                if (r.ok && a.agree) everConsented.add(id);
                break;
              }
              const token = consentLinks.get(id);
              if (!token) break;
              stats.consentTried++;
              const r = await attempt(() =>
                decideConsent(
                  tx,
                  deps,
                  { token },
                  {
                    decision: a.agree ? 'agree' : 'decline',
                    conditions: { mayMentionMe: a.mayMentionMe, mayShareQuotes: false, note: '' },
                  },
                ),
              );
              if (r.ok && a.agree) {
                stats.consented++;
                everConsented.add(id);
                if (a.mayMentionMe) everMention.add(id);
              }
              break;
            }
            case 'withdraw': {
              const token = id ? consentLinks.get(id) : undefined;
              if (token) await attempt(() => withdrawConsent(tx, deps, { token }));
              break;
            }
            case 'send': {
              if (!id) break;
              const callIn = await repos.callIns.findById(id);
              if (!callIn?.callerUserId) break;
              const caller = names.find((n) => people[n].userId === callIn.callerUserId)!;
              await attempt(() =>
                chooseChannel(tx, deps, actor(caller), communityId, id, {
                  channel: 'in-app',
                  memberEmail: null,
                  memberName: null,
                }),
              );
              const text = a.text
                .replace('{name}', harmedUser!.displayName)
                .replace('{email}', harmedUser!.email);
              const r = await attempt(() =>
                sendMessage(tx, deps, actor(caller), communityId, id, text),
              );
              if (r.ok) stats.sent++;
              // A member with an account is reached in the app, never through a link the caller
              // holds; one without gets a one-time handover link (rule 10).
              if (r.ok && !memberLinks.has(id))
                memberLinks.set(
                  id,
                  r.value.handover?.url
                    ? { token: tokenOf(r.value.handover.url), claim: null }
                    : null,
                );
              break;
            }
            case 'respond': {
              if (!id || !memberLinks.has(id)) break;
              const link = memberLinks.get(id) ?? null;
              const who = link
                ? { token: link.token, claim: link.claim }
                : { actor: actor('member'), callInId: id };
              const answered = await attempt(() =>
                respondAsMember(tx, deps, who, { kind: a.kind, text: 'I hear you.' }),
              );
              if (link && answered.ok && answered.value.claim) link.claim = answered.value.claim;
              // The caller's own name is always shown; a reporter who calls in themselves chose that.
              const holder = (await repos.callIns.findById(id))?.callerUserId;
              const hidden = !everMention.has(id) && holder !== people.harmed.userId;
              const view = await attempt(() =>
                viewAsMember(repos, deps, link ? { token: link.token, claim: link.claim } : who),
              );
              if (view.ok && hidden)
                for (const s of secrets)
                  expect(JSON.stringify(view.value), 'rule 3').not.toContain(s);
              const mine = await attempt(() =>
                viewAsMember(repos, deps, { actor: actor('member'), callInId: id }),
              );
              if (mine.ok && hidden)
                for (const s of secrets)
                  expect(JSON.stringify(mine.value), 'rule 3').not.toContain(s);
              break;
            }
            case 'outcome':
              if (id)
                await attempt(() =>
                  recordOutcome(tx, deps, actor('organizer'), communityId, id, {
                    outcomes: ['acknowledged'],
                    note: '',
                  }),
                );
              break;
            case 'close':
              if (id)
                await attempt(() =>
                  (a.reopen ? reopenCallIn : closeCallIn)(
                    tx,
                    deps,
                    actor('organizer'),
                    communityId,
                    id,
                  ),
                );
              break;
            case 'read': {
              if (!id) break;
              const callIn = await repos.callIns.findById(id);
              const r = await attempt(() =>
                readCallIn(repos, t.ctx.cipher, actor(a.who), communityId, id),
              );
              const allowed =
                a.who === 'organizer' || people[a.who].userId === callIn?.callerUserId;
              expect(r.ok, `rule 4: ${a.who} reading`).toBe(allowed);
              break;
            }
          }

          // Invariants over every call-in of this run, after every step.
          const jobs = await notifications(t);
          for (const [i, ciId] of callIns.entries()) {
            if (!ciId) continue;
            const c = (await repos.callIns.findById(ciId))!;
            const toMember = jobs.filter((j) => j.dedupeKey?.startsWith(memberKeyPrefix(ciId)));
            const callerMessages = (await repos.callIns.listMessages(ciId)).filter(
              (m) => m.author === 'caller',
            );
            if (!everConsented.has(ciId)) {
              expect(toMember, 'rule 1: contact before consent').toEqual([]);
              expect(callerMessages, 'rule 1: a message before consent').toEqual([]);
            }
            if (c.consentStatus === 'withdrawn' || c.consentStatus === 'declined') {
              expect(
                toMember.filter((j) => j.status === 'pending'),
                'rule 1: pending after withdrawal',
              ).toEqual([]);
            }
            if (i !== 2) expect(c.callerUserId, 'rule 2').not.toBe(people.harmed.userId);
          }
        }
        // Leave no open work behind for the next run.
        for (const ciId of callIns)
          if (ciId)
            await attempt(() => closeCallIn(tx, deps, actor('organizer'), communityId, ciId));
      }),
      { numRuns: 50 },
    );
    // The sequences reached the interesting states, so the checks above were not vacuous.
    expect(stats.assigned).toBeGreaterThan(0);
    expect(stats.requested).toBeGreaterThan(0);
    expect(stats.consentTried).toBeGreaterThan(0);
    expect(stats.refusedForCapacity).toBeGreaterThan(0);
    // Fifty random sequences take 10-30 s on a quiet two-core machine, more beside other suites.
  }, 120_000);
});
