// /c/:communityId/ally-board — requests for an ally, redacted (kinds of behaviour, urgency,
// language; never names or the narrative). An ally with room to spare can volunteer.
import { useState } from 'react';
import {
  ApiError,
  get,
  post,
  type AllyBoard as Board,
  type AllyUnavailableReason,
} from '../api.ts';
import { useAnnounce } from '../components/announcer.tsx';
import { CommunityPage } from '../components/community-page.tsx';
import { Loading, Notice, Problem } from '../components/page.tsx';
import { useAsync } from '../components/use-async.ts';
import { formatDate, label } from '../labels.ts';
import { Link } from '../router.tsx';

const unavailable: Record<AllyUnavailableReason, string> = {
  paused:
    'You have paused taking on call-ins, so no requests are shown. Take all the time you need.',
  'at-capacity':
    'You are holding as many call-ins as you said you have room for, so no new requests are shown. Thank you for the work you are doing.',
};

export function AllyBoardPage({ communityId }: { communityId: string }) {
  return (
    <CommunityPage
      communityId={communityId}
      title="Ally board"
      lead="People who asked for an ally to talk with someone on their behalf. Details stay private until you volunteer; you can always say no without giving a reason."
    >
      {(c) =>
        c.role === 'ally' || c.role === 'organizer' ? (
          <AllyBoard communityId={communityId} />
        ) : (
          <Problem>
            <p>The ally board is for the allies and organizers of {c.name}.</p>
          </Problem>
        )
      }
    </CommunityPage>
  );
}

function AllyBoard({ communityId }: { communityId: string }) {
  const announce = useAnnounce();
  const board = useAsync(
    () => get<Board>(`/api/communities/${communityId}/ally-board`),
    [communityId],
  );
  const [taken, setTaken] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const take = async (concernId: string) => {
    setProblem(null);
    try {
      await post(`/api/communities/${communityId}/ally-board/${concernId}/volunteer`);
      setTaken(true);
      announce('Thank you for volunteering. The next step is to ask the harmed person first.');
      await board.reload();
    } catch (e) {
      setProblem(e instanceof ApiError ? e.message : 'That did not work. Nothing was changed.');
    }
  };
  if (board.error) return <Problem>{board.error.message}</Problem>;
  if (!board.data) return <Loading what="Loading the ally board" />;
  const b = board.data;
  return (
    <>
      {taken ? (
        <Notice tone="done">
          <h2 className="h3">Thank you for volunteering</h2>
          <p>
            Before any contact with the member, you ask the person who was harmed whether they
            agree, and whether they have conditions. If they decline or change their mind,
            everything stops.
          </p>
        </Notice>
      ) : null}
      {problem ? <Problem>{problem}</Problem> : null}
      <p className="muted">
        An organizer may also offer you a call-in directly. Those are under{' '}
        <Link to={`/c/${communityId}/offers`}>Offers for you</Link>.
      </p>
      {!b.available ? (
        <Notice>
          <p>{(b.why && unavailable[b.why]) ?? 'No requests are shown to you right now.'}</p>
        </Notice>
      ) : b.items.length === 0 ? (
        <p role="status">No one is waiting for an ally right now.</p>
      ) : (
        <ul className="card-list">
          {b.items.map((i) => (
            <li key={i.concernId} className={`card${i.urgent ? ' card-urgent' : ''}`}>
              <h2 className="card-title">
                {i.urgent ? 'Urgent: ' : ''}Waiting since {formatDate(i.since)}
              </h2>
              <p>
                {i.categories.length > 0
                  ? i.categories.map(label.category).join(', ')
                  : 'No kind of behaviour named'}
                {i.language ? ` · Language: ${i.language}` : ''}
              </p>
              <button type="button" className="button" onClick={() => void take(i.concernId)}>
                Volunteer
                <span className="visually-hidden">
                  {' '}
                  for the request waiting since {formatDate(i.since)}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
