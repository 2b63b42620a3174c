// /c/:communityId/offers — call-ins an organizer offered to you. Accept to hold it, or decline:
// declining asks for no reason and records none.
import { useState } from 'react';
import { ApiError, get, post, type Handoff, type OfferForYou, type Relationship } from '../api.ts';
import { useAnnounce } from '../components/announcer.tsx';
import { CommunityPage } from '../components/community-page.tsx';
import { Loading, Notice, Problem } from '../components/page.tsx';
import { useAsync } from '../components/use-async.ts';
import { formatDate, label } from '../labels.ts';
import { Link } from '../router.tsx';

export function OffersPage({ communityId }: { communityId: string }) {
  return (
    <CommunityPage
      communityId={communityId}
      title="Offers for you"
      lead="An organizer thought of you for these call-ins. Say yes if you have room for it. You can decline without giving a reason, and nobody will ask for one."
    >
      {(c) =>
        c.role === 'ally' || c.role === 'organizer' ? (
          <Offers communityId={communityId} />
        ) : (
          <Problem>
            <p>Offers are for the allies and organizers of {c.name}.</p>
          </Problem>
        )
      }
    </CommunityPage>
  );
}

/** The relationship the organizer stated, said to the ally. */
const yourRelationship: Record<Relationship, string> = {
  none: 'None that the organizer knows of',
  knows: 'You know each other',
  'works-with': 'You work together',
  friend: 'You are friends',
};

type Answered =
  { kind: 'accepted'; callInId: string; status: string } | { kind: 'declined' } | null;

function Offers({ communityId }: { communityId: string }) {
  const announce = useAnnounce();
  const base = `/api/communities/${communityId}/offers`;
  const list = useAsync(() => get<{ items: OfferForYou[] }>(base), [base]);
  const [answered, setAnswered] = useState<Answered>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const answer = async (offer: OfferForYou, what: 'accept' | 'decline') => {
    if (busy) return;
    setBusy(true);
    setProblem(null);
    try {
      const r = await post<{ status: string; callIn: Handoff | null }>(
        `${base}/${offer.id}/${what}`,
      );
      if (what === 'accept' && r.callIn) {
        setAnswered({ kind: 'accepted', callInId: r.callIn.id, status: r.callIn.status });
        announce('Thank you. The call-in is yours now.');
      } else {
        setAnswered({ kind: 'declined' });
        announce('Declined. No reason needed.');
      }
      await list.reload();
    } catch (e) {
      const m =
        e instanceof ApiError
          ? e.code === 'over_capacity'
            ? 'You are paused or holding as many call-ins as you said you can, so this one cannot be yours right now. You can change that on the Care page, or decline.'
            : e.code === 'invalid_state' || e.code === 'not_found'
              ? 'This offer is no longer open: someone else may already hold the call-in.'
              : e.message
          : 'That did not work. Nothing was changed.';
      setProblem(m);
      announce(m);
      await list.reload();
    } finally {
      setBusy(false);
    }
  };

  if (list.error) return <Problem>{list.error.message}</Problem>;
  if (!list.data) return <Loading what="Loading your offers" />;
  return (
    <>
      {answered?.kind === 'accepted' ? (
        <Notice tone="done">
          <h2 className="h3">Thank you for taking it on</h2>
          <p>
            {answered.status === 'awaiting-consent'
              ? 'Before any contact with the member, ask the person who was harmed whether they agree, and whether they have conditions. If they decline or change their mind, everything stops.'
              : 'The call-in page has the conversation guide and a place for your draft.'}
          </p>
          <p>
            <Link to={`/c/${communityId}/call-ins/${answered.callInId}`}>Open the call-in</Link>
          </p>
        </Notice>
      ) : null}
      {answered?.kind === 'declined' ? (
        <Notice tone="done">
          <p>
            You declined. That is completely fine, and no reason is needed or kept. Thank you for
            looking after your own capacity.
          </p>
        </Notice>
      ) : null}
      {problem ? <Problem>{problem}</Problem> : null}
      {list.data.items.length === 0 ? (
        <p role="status">
          {answered ? 'There are no other offers for you.' : 'There are no offers for you now.'}
        </p>
      ) : (
        <ul className="card-list">
          {list.data.items.map((o) => (
            <li key={o.id} className={`card${o.urgent ? ' card-urgent' : ''}`}>
              <h2 className="card-title">
                {o.urgent ? 'Urgent: ' : ''}Offered {formatDate(o.createdAt)}
              </h2>
              <dl className="facts">
                <dt>Kinds of behaviour</dt>
                <dd>
                  {o.categories.length > 0
                    ? o.categories.map(label.category).join(', ')
                    : 'None named'}
                </dd>
                <dt>Your relationship with the member</dt>
                <dd>{yourRelationship[o.relationship] ?? o.relationship}</dd>
                {o.language ? (
                  <>
                    <dt>Language</dt>
                    <dd>{o.language}</dd>
                  </>
                ) : null}
              </dl>
              <p className="hint">
                The details of the concern open to you once you accept. Declining needs no reason.
              </p>
              <p className="inline-form">
                <button
                  type="button"
                  className="button button-primary"
                  aria-disabled={busy || undefined}
                  onClick={() => void answer(o, 'accept')}
                >
                  Accept
                  <span className="visually-hidden"> the offer of {formatDate(o.createdAt)}</span>
                </button>{' '}
                <button
                  type="button"
                  className="button"
                  aria-disabled={busy || undefined}
                  onClick={() => void answer(o, 'decline')}
                >
                  Decline
                  <span className="visually-hidden"> the offer of {formatDate(o.createdAt)}</span>
                </button>
              </p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
