// Counts of cases per month raised, kind of behaviour and outcome: what organizers can see of
// patterns without reading any case. Live cases are counted as they stand; purged ones from
// the anonymous counts the retention purge keeps (src/domain/privacy/retention.ts). Nothing here
// points at a person or a case.
import type { CaseCounts } from '../../contract/index.ts';
import type { CaseOutcome } from '../../contract/vocabulary.ts';
import type { CountedCase } from '../../db/repositories/privacy.repository.ts';
import { AppError, fieldError, type FieldError } from '../../config/errors.ts';
import type { Repositories } from '../../db/store.ts';
import { authorize } from '../access/policy.ts';
import type { Actor } from '../access/actor.ts';
import type { Clock } from '../common/clock.ts';

export interface CaseCount {
  month: string;
  category: string;
  outcome: CaseOutcome;
  count: number;
}

export interface CaseTotal {
  month: string;
  outcome: CaseOutcome;
  count: number;
}

export interface CaseMonth {
  month: string;
  count: number;
}

/**
 * Per kind of behaviour, a case counts once under each kind it names (or once as
 * `uncategorised`), with its first outcome, so the kinds add up to cases; in the totals once per
 * outcome it came to (committed to change and apologised: once under each); in `cases` once.
 */
export function tallyCases(
  cases: readonly CountedCase[],
  outcomes: ReadonlyMap<string, readonly CaseOutcome[]>,
): { byKind: CaseCount[]; totals: CaseTotal[]; cases: CaseMonth[] } {
  const byKind = new Map<string, CaseCount>();
  const totals = new Map<string, CaseTotal>();
  const months = new Map<string, CaseMonth>();
  for (const c of cases) {
    const had = outcomes.get(c.id) ?? [];
    const ended: readonly CaseOutcome[] = had.length > 0 ? [...new Set(had)] : ['none'];
    const categories: readonly string[] =
      c.categories.length > 0 ? c.categories : ['uncategorised'];
    const month = c.createdAt.slice(0, 7);
    const first = ended[0] ?? 'none';
    for (const category of new Set(categories)) {
      const key = JSON.stringify([month, category, first]);
      const t = byKind.get(key) ?? { month, category, outcome: first, count: 0 };
      t.count++;
      byKind.set(key, t);
    }
    for (const outcome of ended) {
      const key = JSON.stringify([month, outcome]);
      const t = totals.get(key) ?? { month, outcome, count: 0 };
      t.count++;
      totals.set(key, t);
    }
    const m = months.get(month) ?? { month, count: 0 };
    m.count++;
    months.set(month, m);
  }
  return {
    byKind: [...byKind.values()],
    totals: [...totals.values()],
    cases: [...months.values()],
  };
}

/** A case's outcomes: its latest call-in's (or why it stopped), else the triage decision, else none. */
export async function caseOutcomes(
  privacy: Pick<Repositories['privacy'], 'latestOutcomes'>,
  concernIds: string[],
): Promise<Map<string, CaseOutcome[]>> {
  const { callIns, decisions } = await privacy.latestOutcomes(concernIds);
  return new Map(
    concernIds.map((id) => {
      const decided = decisions.get(id);
      const ended: CaseOutcome[] = callIns.get(id) ?? (decided ? [decided] : ['none']);
      return [id, ended] as const;
    }),
  );
}

/** Adds counts that share their other fields; sorted by those fields. */
function merge<T extends { count: number }>(rows: Iterable<T>, keyOf: (r: T) => string[]): T[] {
  const merged = new Map<string, T>();
  for (const r of rows) {
    const key = JSON.stringify(keyOf(r));
    const had = merged.get(key);
    if (had) had.count += r.count;
    else merged.set(key, { ...r, count: Number(r.count) });
  }
  const compare = (a: T, b: T) => {
    const [x, y] = [keyOf(a), keyOf(b)];
    for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return x[i]! < y[i]! ? -1 : 1;
    return 0;
  };
  return [...merged.values()].sort(compare);
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const MAX_MONTHS = 120;

const monthIndex = (m: string) => {
  const [, y, mm] = MONTH.exec(m)!;
  return Number(y) * 12 + Number(mm) - 1;
};
const monthOf = (index: number) =>
  `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;

/** The months asked for, checked: by default the last twelve, this one included. */
export function monthRange(
  clock: Clock,
  q: { from?: string | undefined; to?: string | undefined },
): { from: string; to: string } {
  const problems: FieldError[] = [];
  for (const field of ['from', 'to'] as const) {
    const v = q[field];
    if (v !== undefined && !MONTH.test(v))
      problems.push(fieldError(field, 'Give a month as YYYY-MM, for example 2026-03.'));
  }
  if (problems.length > 0) throw new AppError('validation_failed', problems);
  const to = q.to ?? clock.now().toISOString().slice(0, 7);
  const from = q.from ?? monthOf(monthIndex(to) - 11);
  const span = monthIndex(to) - monthIndex(from);
  if (span < 0)
    throw new AppError('validation_failed', [
      {
        field: 'from',
        rule: 'invalid',
        message: 'The first month needs to come before the last one.',
      },
    ]);
  if (span >= MAX_MONTHS)
    throw new AppError('validation_failed', [
      {
        field: 'from',
        rule: 'invalid',
        message: `Ask for at most ${MAX_MONTHS} months at a time.`,
      },
    ]);
  return { from, to };
}

/** Organizers: live and purged cases counted together, month by month. */
export async function listCaseCounts(
  repos: Pick<Repositories, 'memberships' | 'privacy'>,
  clock: Clock,
  actor: Actor,
  communityId: string,
  q: { from?: string | undefined; to?: string | undefined },
): Promise<CaseCounts> {
  await authorize(repos, actor, 'counts.read', { communityId });
  const { from, to } = monthRange(clock, q);
  const endExclusive = `${monthOf(monthIndex(to) + 1)}-01T00:00:00.000Z`;
  const live = await repos.privacy.listRaisedBetween(
    communityId,
    `${from}-01T00:00:00.000Z`,
    endExclusive,
  );
  const outcomes = await caseOutcomes(
    repos.privacy,
    live.map((c) => c.id),
  );
  const tally = tallyCases(live, outcomes);
  const inRange = (r: { month: string }) => r.month >= from && r.month <= to;
  const purgedByKind = (await repos.privacy.listCounts(communityId)).filter(inRange);
  const purgedTotals = (await repos.privacy.listTotals(communityId)).filter(inRange);
  const purgedCases = (await repos.privacy.listCases(communityId)).filter(inRange);
  const items = merge([...tally.byKind, ...purgedByKind], (r) => [r.month, r.category, r.outcome]);
  const totals = merge([...tally.totals, ...purgedTotals], (r) => [r.month, r.outcome]);
  const cases = merge([...tally.cases, ...purgedCases], (r) => [r.month]);
  // The counts kept after a purge are stored as text; the typed storage will narrow them.
  return { from, to, items, totals, cases } as CaseCounts;
}
