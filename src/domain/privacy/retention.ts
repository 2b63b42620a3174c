// Flow step 7, the end of a case: a closed case is kept only as long as its community's
// retention period (settings.retentionDays), then purged down to anonymous counts (per month,
// category and outcome). The daily `retention.purge` job runs this.
import type { Tx } from '../../db/store.ts';
import type { TableName } from '../../db/repositories/privacy.repository.ts';
import { recordAudit } from '../audit/audit-record.ts';
import { isoNow, type Clock } from '../common/clock.ts';
import { caseOutcomes, tallyCases } from '../outcomes/case-counts.ts';
import { parseSettings } from '../accounts/community-settings.ts';
import { followUpKeyPrefix } from '../notifications/notifications.ts';

/**
 * What goes when a case is purged, in order (children before parents). Each step deletes the
 * rows of one table that belong to the purged concerns; add a line for every new table that
 * holds case content.
 */
export interface CasePurgeStep {
  table: TableName;
  /** The column that points at the concern, or at a call-in of the concern. */
  column: string;
  by: 'concern' | 'call-in';
}

export const casePurgeSteps: CasePurgeStep[] = [
  { table: 'call_in_messages', column: 'call_in_id', by: 'call-in' },
  { table: 'call_in_offers', column: 'call_in_id', by: 'call-in' },
  { table: 'call_ins', column: 'concern_id', by: 'concern' },
  { table: 'reporter_messages', column: 'concern_id', by: 'concern' },
  { table: 'follow_alerts', column: 'concern_id', by: 'concern' },
  { table: 'triage_decisions', column: 'concern_id', by: 'concern' },
  { table: 'case_conflicts', column: 'concern_id', by: 'concern' },
  { table: 'concerns', column: 'id', by: 'concern' },
];

export interface PurgeReport {
  communities: number;
  purged: number;
}

const BATCH = 200;

/** Purges every closed case past its community's retention period. Safe to run again. */
export async function purgeExpiredCases(
  tx: Tx<'communities' | 'privacy' | 'jobs' | 'audit'>,
  clock: Clock,
): Promise<PurgeReport> {
  const communities = await tx(({ communities }) => communities.listAll());
  const report: PurgeReport = { communities: 0, purged: 0 };
  for (const community of communities) {
    const days = parseSettings(community.settings).retentionDays;
    const cutoff = new Date(clock.now().getTime() - days * 86_400_000).toISOString();
    let purgedHere = 0;
    for (;;) {
      // One transaction per batch: counts and deletions commit together.
      const n = await tx(async ({ privacy, jobs, audit }) => {
        const due = await privacy.listClosedBefore(community.id, cutoff, BATCH);
        if (due.length === 0) return 0;
        const at = isoNow(clock);
        const outcomes = await caseOutcomes(
          privacy,
          due.map((c) => c.id),
        );
        const tally = tallyCases(due, outcomes);
        for (const t of tally.byKind) await privacy.addCount({ communityId: community.id, ...t });
        for (const t of tally.totals) await privacy.addTotal({ communityId: community.id, ...t });
        for (const t of tally.cases) await privacy.addCases({ communityId: community.id, ...t });
        const concernIds = due.map((c) => c.id);
        const callInIds = await privacy.idsWhereIn('call_ins', 'id', 'concern_id', concernIds);
        // Nothing more is sent about a case that is gone.
        for (const id of [...concernIds, ...callInIds]) {
          await jobs.cancelPendingByKeyPrefix(`callin:${id}:`, at);
          await jobs.cancelPendingByKeyPrefix(followUpKeyPrefix(id), at);
        }
        for (const step of casePurgeSteps) {
          await privacy.deleteWhereIn(
            step.table,
            step.column,
            step.by === 'concern' ? concernIds : callInIds,
          );
        }
        await recordAudit(
          audit,
          { kind: 'system' },
          {
            communityId: community.id,
            action: 'retention.purge',
            targetType: 'community',
            targetId: community.id,
          },
          at,
        );
        return due.length;
      });
      purgedHere += n;
      if (n < BATCH) break;
    }
    if (purgedHere > 0) report.communities++;
    report.purged += purgedHere;
  }
  return report;
}

/** The dedupe key of the daily purge: one job per day, however many workers run. */
export function dailyPurgeKey(now: Date): string {
  return `retention.purge:${now.toISOString().slice(0, 10)}`;
}
