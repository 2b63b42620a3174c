// Where a case stands, from its concern and its latest call-in: the one derivation every page's
// status comes from (the words are in src/contract/stage-words.ts). A call-in waiting on consent
// says whose answer it waits for, and only once the question was asked; a stopped one says why.
import { stageWords } from '../../contract/stage-words.ts';
import type {
  CallInStatus,
  CaseStage,
  ConcernStatus,
  ConsentMode,
  ConsentStatus,
} from '../../contract/vocabulary.ts';
import type { Repositories } from '../../db/store.ts';

export interface StageCallIn {
  status: CallInStatus;
  consentMode: ConsentMode;
  consentStatus: ConsentStatus;
}

/** A call-in's own stage. */
export function callInStage(c: StageCallIn): CaseStage {
  switch (c.status) {
    case 'awaiting-caller':
      return 'finding-caller';
    case 'awaiting-consent':
      if (c.consentMode === 'organizer') return 'awaiting-approval';
      return c.consentStatus === 'pending' ? 'awaiting-answer' : 'preparing';
    case 'stopped':
      return c.consentStatus === 'declined' ? 'stopped-declined' : 'stopped-withdrawn';
    case 'ready':
    case 'in-conversation':
    case 'outcome-recorded':
    case 'escalated':
    case 'closed':
      return c.status;
  }
}

/** A case's stage: a closed concern is closed; else its latest call-in's; else its triage. */
export function caseStage(
  concernStatus: ConcernStatus,
  latest: StageCallIn | undefined,
): CaseStage {
  if (concernStatus === 'closed') return 'closed';
  if (latest) return callInStage(latest);
  return concernStatus === 'new' ? 'received' : 'decided';
}

/** The stage with its short label, as responses carry it. */
export function presentStage(stage: CaseStage): { stage: CaseStage; stageLabel: string } {
  return { stage, stageLabel: stageWords[stage].label };
}

/** The latest call-in of each concern (by when it was opened). */
export function latestByConcern<C extends StageCallIn & { concernId: string; createdAt: string }>(
  callIns: readonly C[],
): Map<string, C> {
  const latest = new Map<string, C>();
  for (const c of callIns) {
    const had = latest.get(c.concernId);
    if (!had || had.createdAt < c.createdAt) latest.set(c.concernId, c);
  }
  return latest;
}

/** The stage of each of these concerns of one community, in one query for their call-ins. */
export async function stagesOf(
  callIns: Pick<Repositories['callIns'], 'listForConcerns'>,
  communityId: string,
  concerns: readonly { id: string; status: ConcernStatus }[],
): Promise<Map<string, CaseStage>> {
  const latest = latestByConcern(
    await callIns.listForConcerns(
      communityId,
      concerns.map((c) => c.id),
    ),
  );
  return new Map(concerns.map((c) => [c.id, caseStage(c.status, latest.get(c.id))]));
}
