// On a call-in nobody holds yet, organizers find someone: the people who could hold it now (the
// API leaves out anyone paused or full, and lists room to spare first), then an offer they may
// decline without a reason, or giving it to them directly.
import { useState } from 'react';
import {
  ApiError,
  get,
  post,
  type CallInOfferSeen,
  type Candidate,
  type Handoff,
  type OfferStatus,
} from '../api.ts';
import { useAnnounce } from './announcer.tsx';
import { ApiForm } from './api-form.tsx';
import { RadioGroup, SelectField } from './choice-fields.tsx';
import { collect, useForm, type Option } from './form.tsx';
import { Loading, Notice, Problem } from './page.tsx';
import { useAsync } from './use-async.ts';
import { formatDate, label, relationshipOptions } from '../labels.ts';
import { Link, navigate } from '../router.tsx';

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** What the API says about a person, in words: role, load, room, language. */
function describe(c: Candidate, language: string | null): string {
  const parts = [
    `${label.role(c.role)}`,
    `holding ${plural(c.load, 'call-in', 'call-ins')}`,
    `room for ${c.spare} more`,
  ];
  if (language && c.speaksLanguage) parts.push(`speaks ${language}`);
  return parts.join(' · ');
}

/** What an offer's answer means, in the organizer's words. */
const offerWords: Record<OfferStatus, string> = {
  pending: 'waiting for their answer',
  accepted: 'said yes',
  declined: 'said no (no reason is asked)',
  withdrawn: 'no longer open: someone else holds it',
};

function OffersSoFar({ offers }: { offers: CallInOfferSeen[] }) {
  if (offers.length === 0) return null;
  return (
    <>
      <h3>Offered so far</h3>
      <ul>
        {offers.map((o) => (
          <li key={o.id}>
            <strong>{o.name}</strong>: {offerWords[o.status] ?? o.status}
            <span className="muted"> · offered {formatDate(o.createdAt)}</span>
          </li>
        ))}
      </ul>
    </>
  );
}

export function MatchCaller({
  communityId,
  callInId,
  language,
  offers,
  onChanged,
}: {
  communityId: string;
  callInId: string;
  language: string | null;
  offers: CallInOfferSeen[];
  /** After an offer or a handoff: the page loads the call-in again. */
  onChanged: () => Promise<void>;
}) {
  const base = `/api/communities/${communityId}/call-ins/${callInId}`;
  const candidates = useAsync(() => get<{ items: Candidate[] }>(`${base}/candidates`), [base]);
  return (
    <section aria-labelledby="match-heading" className="section">
      <h2 id="match-heading">Find someone to hold it</h2>
      <p>
        Nobody holds this call-in yet. People with room to spare come first; anyone who has paused
        or is holding as many call-ins as they said they can is not listed.
      </p>
      <OffersSoFar offers={offers} />
      {candidates.error ? <Problem>{candidates.error.message}</Problem> : null}
      {!candidates.data && !candidates.error ? <Loading what="Finding who has room" /> : null}
      {candidates.data && candidates.data.items.length === 0 ? (
        <Notice>
          <p role="status">
            Nobody has room for this right now. Everyone who could hold it has paused or is holding
            as many call-ins as they said they can, and that is worth respecting.
          </p>
          <p>
            <Link to={`/c/${communityId}/care`}>See how the load is spread</Link>, or come back
            later.
          </p>
        </Notice>
      ) : null}
      {candidates.data && candidates.data.items.length > 0 ? (
        <MatchForm
          base={base}
          language={language}
          people={candidates.data.items}
          onChanged={onChanged}
        />
      ) : null}
    </section>
  );
}

function MatchForm({
  base,
  language,
  people,
  onChanged,
}: {
  base: string;
  language: string | null;
  people: Candidate[];
  onChanged: () => Promise<void>;
}) {
  const announce = useAnnounce();
  const form = useForm();
  const [userId, setUserId] = useState('');
  const [relationship, setRelationship] = useState('none');
  const [offered, setOffered] = useState<string | null>(null);
  const options: Option[] = people.map((c) => ({
    value: c.userId,
    label: c.name,
    hint: describe(c, language),
  }));
  const nameOf = (id: string) => people.find((c) => c.userId === id)?.name ?? 'them';
  const validate = () => collect({ userId: userId ? undefined : 'Please choose a person.' });
  const offer = form.submit(validate, async () => {
    await post(`${base}/offers`, { userId, relationship });
    const m = `Offered to ${nameOf(userId)}. They see it under “Offers for you” and can accept, or decline without giving a reason.`;
    setOffered(m);
    announce(m);
    await onChanged();
  });
  const give = form.submit(validate, async () => {
    const r = await post<Handoff>(`${base}/assign`, { userId });
    announce(
      r.status === 'awaiting-consent'
        ? `Given to ${nameOf(userId)}. Their first step is to ask the harmed person.`
        : `Given to ${nameOf(userId)}.`,
    );
    await onChanged();
  });
  return (
    <>
      {offered ? (
        <Notice tone="done">
          <p>{offered}</p>
        </Notice>
      ) : null}
      <ApiForm
        form={form}
        onSubmit={offer}
        labels={{ userId: 'Who', relationship: 'Their relationship with the member' }}
        submitLabel="Offer it to them"
        actions={
          <button type="button" className="button" onClick={() => void give()}>
            Give it to them
          </button>
        }
      >
        <RadioGroup
          id="userId"
          legend="Who"
          hint="An offer lets them choose. Give it to them only when you have already agreed it together, or to take it on yourself."
          options={options}
          value={userId}
          onChange={setUserId}
          error={form.errors.userId}
        />
        <SelectField
          id="relationship"
          label="Their relationship with the member"
          hint="Shown to the person you offer it to. A relationship can make the conversation easier."
          options={relationshipOptions}
          value={relationship}
          onChange={setRelationship}
          error={form.errors.relationship}
        />
      </ApiForm>
    </>
  );
}

/**
 * On a concern decided for a call-in that has none yet: open one without a caller, then find
 * someone on its page. (Volunteering from the ally board opens one too.)
 */
export function OpenCallIn({ communityId, concernId }: { communityId: string; concernId: string }) {
  const announce = useAnnounce();
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const open = async () => {
    if (busy) return;
    setBusy(true);
    setProblem(null);
    try {
      const r = await post<Handoff>(
        `/api/communities/${communityId}/concerns/${concernId}/call-ins`,
      );
      announce('The call-in is open. Now find someone to hold it.');
      navigate(`/c/${communityId}/call-ins/${r.id}`);
    } catch (e) {
      setProblem(e instanceof ApiError ? e.message : 'That did not work. Nothing was changed.');
      setBusy(false);
    }
  };
  return (
    <div className="notice">
      <p>
        This concern is decided for a call-in, and nobody holds one yet. Open it to offer it to an
        ally or give it to someone.
      </p>
      {problem ? <Problem>{problem}</Problem> : null}
      <button
        type="button"
        className="button"
        aria-disabled={busy || undefined}
        onClick={() => void open()}
      >
        Open a call-in
      </button>
    </div>
  );
}
