// /my/concerns — concerns the signed-in person raised under their name.
import { get, type MyConcern as Mine } from '../api.ts';
import { Loading, Page, Problem } from '../components/page.tsx';
import { useAsync } from '../components/use-async.ts';
import { formatDate } from '../labels.ts';
import { Link } from '../router.tsx';
import { useSession } from '../session.tsx';

export function MyConcernsPage() {
  const { me } = useSession();
  const list = useAsync(() => get<{ items: Mine[] }>('/api/me/concerns'), []);
  const name = (id: string) => me?.communities.find((c) => c.id === id)?.name ?? 'A community';
  return (
    <Page
      title="Concerns you raised"
      lead="Concerns you raised under your name. Anonymous ones are not listed here: follow them with their private link."
    >
      {list.error ? (
        <Problem>
          <p>
            {list.error.status === 401
              ? 'Please sign in to see your concerns.'
              : list.error.message}
          </p>
          {list.error.status === 401 ? <Link to="/sign-in">Go to sign in</Link> : null}
        </Problem>
      ) : null}
      {!list.data && !list.error ? <Loading what="Loading your concerns" /> : null}
      {list.data?.items.length === 0 ? (
        <p>You have not raised any concerns under your name.</p>
      ) : null}
      {list.data && list.data.items.length > 0 ? (
        <ul className="card-list">
          {list.data.items.map((c) => (
            <li key={c.id} className="card">
              <h2 className="card-title">
                {name(c.communityId)}, {formatDate(c.createdAt)}
              </h2>
              <p>
                <span className={`badge badge-${c.status}`}>{c.stageLabel}</span> {c.statusText}
              </p>
              <p>
                <Link to={`/me/concerns/${c.id}`}>
                  Open it: questions from the organizers, and adding information
                </Link>
              </p>
            </li>
          ))}
        </ul>
      ) : null}
    </Page>
  );
}
