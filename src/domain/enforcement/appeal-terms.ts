// Appeals beyond keep or overturn: a decision may change the record to lighter terms (a lower
// step on the ladder, or the same step ending sooner). And who may decide one, said before they
// try: the organizer who wrote the record may not, and when nobody else is an organizer yet the
// page says a second organizer needs to be invited.
import type { AppealBlock, LadderLevel } from '../../contract/vocabulary.ts';
import { ladderLevels } from '../../contract/vocabulary.ts';
import { AppError, fieldError, type FieldError } from '../../config/errors.ts';
import type { Concern, Enforcement } from '../../db/records.ts';
import type { Repositories } from '../../db/store.ts';
import type { Actor } from '../access/actor.ts';
import { caseExclusions } from '../access/case-exclusions.ts';
import { authorize, type Resource } from '../access/policy.ts';

export interface ChangedTerms {
  level: LadderLevel;
  expiresAt: string | null;
}

/**
 * The new terms of a `changed` decision, checked: a step no heavier than the record's, and
 * either a lighter step or an earlier end (else nothing changed: "keep" says that).
 */
export function changedTerms(
  e: Pick<Enforcement, 'level' | 'expiresAt'>,
  input: { level?: LadderLevel | undefined; expiresAt?: string | undefined },
  now: Date,
): ChangedTerms {
  const problems: FieldError[] = [];
  if (!input.level) problems.push(fieldError('level', 'Choose the step it becomes.'));
  const expiresAt = input.expiresAt ? new Date(input.expiresAt).toISOString() : null;
  if (expiresAt && expiresAt <= now.toISOString())
    problems.push(fieldError('expiresAt', 'Choose an end that is still to come.'));
  if (problems.length > 0 || !input.level) throw new AppError('validation_failed', problems);
  const was = ladderLevels.indexOf(e.level);
  const becomes = ladderLevels.indexOf(input.level);
  if (becomes > was)
    throw new AppError('validation_failed', [
      fieldError('level', 'An appeal can make a record lighter, not heavier.'),
    ]);
  const ends = expiresAt ?? e.expiresAt;
  const sooner = ends !== null && (e.expiresAt === null || ends < e.expiresAt);
  if (ends !== null && e.expiresAt !== null && ends > e.expiresAt)
    throw new AppError('validation_failed', [
      fieldError('expiresAt', 'An appeal can end a record sooner, not later.'),
    ]);
  if (becomes === was && !sooner)
    throw new AppError('validation_failed', [
      fieldError(
        'level',
        'Choose a lighter step or an earlier end. To leave it as it is, keep the record.',
      ),
    ]);
  return { level: input.level, expiresAt: ends };
}

/** What the policy is asked about deciding this record's appeals. */
export async function appealResource(
  repos: Pick<Repositories, 'concerns' | 'conflicts'>,
  communityId: string,
  e: Enforcement | undefined,
): Promise<Resource> {
  const linked: Concern[] = [];
  for (const id of new Set(e?.concernIds ?? [])) {
    const c = await repos.concerns.find(communityId, id);
    if (c) linked.push(c);
  }
  return {
    communityId,
    found: !!e,
    enforcedBy: e?.enforcedBy ?? null,
    ...(e ? await caseExclusions(repos, linked, { addressedUserId: e.subjectUserId }) : {}),
  };
}

/** Whether this person may decide the record's appeals, and if not, why (said up front). */
export async function mayDecideAppeal(
  repos: Pick<Repositories, 'memberships' | 'concerns' | 'conflicts'>,
  actor: Actor,
  communityId: string,
  e: Enforcement,
): Promise<{ mayDecide: boolean; blocked: AppealBlock | null }> {
  try {
    await authorize(repos, actor, 'appeal.decide', await appealResource(repos, communityId, e));
    return { mayDecide: true, blocked: null };
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    const alone = (await repos.memberships.countWithRole(communityId, 'organizer')) <= 1;
    return { mayDecide: false, blocked: alone ? 'second-organizer-needed' : 'made-the-decision' };
  }
}

/** Whether an appeal of this record could be decided now (an organizer who did not write it). */
export async function appealDecidable(
  repos: Pick<Repositories, 'memberships'>,
  e: Pick<Enforcement, 'communityId' | 'enforcedBy'>,
): Promise<boolean> {
  return (await repos.memberships.list(e.communityId)).some(
    (m) => m.role === 'organizer' && m.userId !== e.enforcedBy,
  );
}

/** Said to the member before they appeal, when an appeal would have to wait. */
export const appealWaitsNote =
  'If you appeal now, it will wait: it needs an organizer other than the one who wrote this record, and there is none yet. When you send it, the organizers are asked to invite one.';
