// Who else a concern may be about the same person as, for history ("earlier concerns" in the
// rubric): by account, and by names read with the one normaliser
// (src/domain/conversation/protected-text.ts). Each concern keeps blind indexes of the normalised
// words of its subject's names (`subjectTokens`: the free text and a linked member's display
// name), and two concerns are about the same person when one's words are all among the other's —
// so "milo", "@milo" and "MILO" match "Milo Member (@milo)", while "Milo Smith" does not. Only
// counts leave; no content is read.
import type { Concern } from '../../db/records.ts';
import type { Repositories } from '../../db/store.ts';
import { normaliseForMatching } from '../conversation/protected-text.ts';
import type { Cipher } from '../privacy/crypto.ts';

/** The blind indexes of every normalised word of these names (sorted, each once). */
export function subjectTokens(cipher: Cipher, names: readonly (string | null | undefined)[]) {
  const words = new Set<string>();
  for (const name of names)
    for (const w of normaliseForMatching(name ?? '').split(' ')) if (w) words.add(w);
  return [...words].map((w) => cipher.blindIndex(w)).sort();
}

/** Whether two concerns are about the same person, by account or by the words of their names. */
export function sameSubject(
  a: Pick<Concern, 'subjectUserId' | 'subjectKey' | 'subjectTokens'>,
  b: Pick<Concern, 'subjectUserId' | 'subjectKey' | 'subjectTokens'>,
): boolean {
  if (a.subjectUserId && a.subjectUserId === b.subjectUserId) return true;
  if (a.subjectKey && a.subjectKey === b.subjectKey) return true;
  const x = a.subjectTokens ?? [];
  const y = b.subjectTokens ?? [];
  if (x.length === 0 || y.length === 0) return false;
  const [small, large] = x.length <= y.length ? [x, new Set(y)] : [y, new Set(x)];
  return small.every((t) => large.has(t));
}

/** The earlier concerns of the community about the same person as this one (ids only). */
export async function earlierConcernIds(
  repos: Pick<Repositories, 'concerns'>,
  concern: Concern,
): Promise<string[]> {
  const all = await repos.concerns.listSubjects(concern.communityId);
  return all.filter((c) => c.id !== concern.id && sameSubject(concern, c)).map((c) => c.id);
}
