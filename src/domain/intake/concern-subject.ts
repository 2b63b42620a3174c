// A concern's one-line subject ("Jokes about accents in #general"): the reporter may give one when
// raising it; an organizer who may handle the case sets or edits it. Encrypted like the rest of
// the concern, bound to it; shown in the lists of those who may see the case (never the member).
import type { SubjectSet } from '../../contract/index.ts';
import type { Repositories, Tx } from '../../db/store.ts';
import type { Actor } from '../access/actor.ts';
import { recordAudit } from '../audit/audit-record.ts';
import { isoNow, type Clock } from '../common/clock.ts';
import type { Cipher } from '../privacy/crypto.ts';
import { loadConcern, readSubject, sealSubject } from './concerns.ts';

export async function setConcernSubject(
  tx: Tx<'memberships' | 'concerns' | 'conflicts' | 'audit'>,
  deps: { clock: Clock; cipher: Cipher },
  actor: Actor,
  communityId: string,
  concernId: string,
  subject: string,
): Promise<SubjectSet> {
  return tx(
    async (repos: Pick<Repositories, 'memberships' | 'concerns' | 'conflicts' | 'audit'>) => {
      // Whoever may decide the case may name it; someone excluded from it learns nothing (rule 9).
      const c = await loadConcern(repos, actor, 'concern.triage', communityId, concernId);
      const at = isoNow(deps.clock);
      const sealed = sealSubject(deps.cipher, c, subject);
      await repos.concerns.setSubjectLine(communityId, c.id, sealed, at);
      await recordAudit(
        repos.audit,
        actor,
        { communityId, action: 'concern.subject', targetType: 'concern', targetId: c.id },
        at,
      );
      return { id: c.id, subject: readSubject(deps.cipher, { ...c, subjectLine: sealed }) };
    },
  );
}
