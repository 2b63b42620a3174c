// Flow step 8: care for the people doing the work. Everyone sets how many open call-ins they
// can hold and can pause; nobody paused or at capacity is offered or given work (rule 5).
// Time and drain logs are private to their author; organizers see only aggregates.
import type { CareLog, CareLogged, LoadPicture, MyCare } from '../../contract/index.ts';
import { AppError } from '../../config/errors.ts';
import type { CareProfile } from '../../db/records.ts';
import type { Repositories } from '../../db/store.ts';
import type { Actor } from '../access/actor.ts';
import { authorize } from '../access/policy.ts';
import { recordAudit } from '../audit/audit-record.ts';
import {
  OPEN_STATUSES,
  links,
  callInResource,
  userIdOf,
  type CallInDeps,
  type Tx,
} from '../conversation/call-in-state.ts';
import { isoNow } from '../common/clock.ts';
import { queueNotification } from '../notifications/notifications.ts';
import { newId } from '../common/tokens.ts';

export const DEFAULT_CAPACITY = 2;
export const DRAINING = 4;

export interface CareSettings {
  capacity: number;
  paused: boolean;
  languages: string[];
}

export function careSettings(p: CareProfile | undefined): CareSettings {
  if (!p) return { capacity: DEFAULT_CAPACITY, paused: false, languages: [] };
  return {
    capacity: p.capacity,
    paused: p.paused,
    languages: p.languages,
  };
}

export type Availability =
  | { available: true; load: number; spare: number }
  | { available: false; load: number; why: 'paused' | 'at-capacity' };

export async function availability(
  repos: Pick<Repositories, 'care' | 'callIns'>,
  communityId: string,
  userId: string,
): Promise<Availability & { settings: CareSettings }> {
  const settings = careSettings(await repos.care.findProfile(communityId, userId));
  const load = await repos.callIns.countOpenForCaller(communityId, userId, OPEN_STATUSES);
  if (settings.paused) return { available: false, load, why: 'paused', settings };
  if (load >= settings.capacity) return { available: false, load, why: 'at-capacity', settings };
  return { available: true, load, spare: settings.capacity - load, settings };
}

/** Rule 5: throws over_capacity for anyone paused or full. */
export async function assertAvailable(
  repos: Pick<Repositories, 'care' | 'callIns'>,
  communityId: string,
  userId: string,
): Promise<void> {
  const a = await availability(repos, communityId, userId);
  if (!a.available) throw new AppError('over_capacity', { why: a.why });
}

export async function readMyCare(
  repos: Pick<Repositories, 'memberships' | 'care' | 'callIns'>,
  actor: Actor,
  communityId: string,
): Promise<MyCare> {
  await authorize(repos, actor, 'care.own', { communityId });
  const a = await availability(repos, communityId, userIdOf(actor) ?? '');
  return { ...a.settings, load: a.load, available: a.available };
}

export async function updateMyCare(
  tx: Tx<'memberships' | 'care' | 'callIns' | 'audit'>,
  deps: Pick<CallInDeps, 'clock'>,
  actor: Actor,
  communityId: string,
  patch: Partial<CareSettings>,
): Promise<MyCare> {
  return tx(async (repos) => {
    await authorize(repos, actor, 'care.own', { communityId });
    const userId = userIdOf(actor) ?? '';
    const current = careSettings(await repos.care.findProfile(communityId, userId));
    const next = { ...current, ...patch };
    const at = isoNow(deps.clock);
    await repos.care.upsertProfile({
      communityId,
      userId,
      capacity: next.capacity,
      paused: next.paused,
      languages: [...new Set(next.languages)],
      updatedAt: at,
    });
    await recordAudit(
      repos.audit,
      actor,
      { communityId, action: 'care.update', targetType: 'user', targetId: userId },
      at,
    );
    return readMyCare(repos, actor, communityId);
  });
}

/** A private log of time and drain for one call-in the actor holds (or held). */
export async function logCare(
  tx: Tx<'memberships' | 'care' | 'callIns' | 'audit' | 'jobs'>,
  deps: CallInDeps,
  actor: Actor,
  communityId: string,
  input: { callInId: string; minutes: number; drain: number },
): Promise<CareLogged> {
  return tx(async (repos) => {
    const callIn = await repos.callIns.find(communityId, input.callInId);
    await authorize(repos, actor, 'care.log', callInResource(communityId, callIn));
    const userId = userIdOf(actor) ?? '';
    if (!callIn) throw new AppError('not_found');
    const at = isoNow(deps.clock);
    const id = newId();
    await repos.care.insertLog({
      id,
      communityId,
      userId,
      callInId: callIn.id,
      minutes: input.minutes,
      drain: input.drain,
      createdAt: at,
    });
    if (input.drain >= DRAINING) {
      // A gentle prompt for the organizers; it says who, never how draining it was.
      const organizers = (await repos.memberships.list(communityId)).filter(
        (m) => m.role === 'organizer' && m.userId !== userId,
      );
      for (const o of organizers) {
        await queueNotification(
          repos.jobs,
          deps.cipher,
          {
            template: 'check-in',
            communityId,
            to: { userId: o.userId },
            link: links(deps.publicUrl).care(communityId),
            dedupeKey: `checkin:${id}:${o.userId}`,
          },
          at,
        );
      }
    }
    await recordAudit(
      repos.audit,
      actor,
      { communityId, action: 'care.log', targetType: 'call-in', targetId: callIn.id },
      at,
    );
    return { id, minutes: input.minutes, drain: input.drain, createdAt: at };
  });
}

export async function listMyCareLogs(
  repos: Pick<Repositories, 'memberships' | 'care'>,
  actor: Actor,
  communityId: string,
): Promise<CareLog[]> {
  await authorize(repos, actor, 'care.own', { communityId });
  const rows = await repos.care.listLogs(communityId, userIdOf(actor) ?? '');
  return rows.map((r) => ({
    id: r.id,
    callInId: r.callInId,
    minutes: r.minutes,
    drain: r.drain,
    createdAt: r.createdAt,
  }));
}

/** Share of open work carried by the busiest fifth (at least one person). */
export function topShare(
  loads: readonly number[],
  fraction = 0.2,
): { people: number; share: number } {
  const total = loads.reduce((a, b) => a + b, 0);
  const sorted = [...loads].sort((a, b) => b - a);
  const people = Math.max(1, Math.ceil(sorted.length * fraction));
  if (total === 0) return { people, share: 0 };
  return { people, share: sorted.slice(0, people).reduce((a, b) => a + b, 0) / total };
}

const CHECK_IN_DAYS = 14;

/** The organizer's picture of how the work is spread. */
export async function loadPicture(
  repos: Pick<Repositories, 'memberships' | 'care' | 'callIns'>,
  deps: Pick<CallInDeps, 'clock'>,
  actor: Actor,
  communityId: string,
): Promise<LoadPicture> {
  await authorize(repos, actor, 'care.load', { communityId });
  const people = (await repos.memberships.list(communityId)).filter((m) => m.role !== 'member');
  const profiles = new Map(
    (await repos.care.listProfiles(communityId)).map((p) => [p.userId, careSettings(p)]),
  );
  const open = await repos.callIns.openByCaller(communityId, OPEN_STATUSES);
  const rows = people.map((p) => {
    const s = profiles.get(p.userId) ?? careSettings(undefined);
    const load = open.get(p.userId) ?? 0;
    return {
      userId: p.userId,
      name: p.displayName,
      role: p.role,
      open: load,
      capacity: s.capacity,
      paused: s.paused,
      overCapacity: load > s.capacity,
    };
  });
  const since = new Date(deps.clock.now().getTime() - CHECK_IN_DAYS * 86_400_000).toISOString();
  const logs = await repos.care.listLogsSince(communityId, since);
  const names = new Map(people.map((p) => [p.userId, p.displayName]));
  const checkIns = new Map<string, string>();
  for (const l of logs)
    if (l.drain >= DRAINING && !checkIns.has(l.userId)) checkIns.set(l.userId, l.createdAt);
  const top = topShare(rows.map((r) => r.open));
  return {
    people: rows,
    totalOpen: rows.reduce((a, r) => a + r.open, 0),
    busiest: {
      people: top.people,
      share: Math.round(top.share * 100) / 100,
      warning: rows.length > 2 && top.share >= 0.5,
    },
    overCapacity: rows.filter((r) => r.overCapacity).map((r) => r.userId),
    checkIns: [...checkIns].map(([userId, at]) => ({
      userId,
      name: names.get(userId) ?? '',
      loggedAt: at,
    })),
    logs: {
      entries: logs.length,
      totalMinutes: logs.reduce((a, l) => a + l.minutes, 0),
      averageDrain: logs.length
        ? Math.round((logs.reduce((a, l) => a + l.drain, 0) / logs.length) * 10) / 10
        : null,
    },
  };
}
