// /me/concerns/:concernId — one concern the signed-in person raised under their name: its status
// and the conversation with the organizers (their questions, answers, what was added), the same
// as on the private follow link.
import { get, type MyConcern, type ReporterThread } from '../api.ts';
import { Loading, Page, Problem } from '../components/page.tsx';
import { ReporterConversation } from '../components/reporter-conversation.tsx';
import { useAsync } from '../components/use-async.ts';
import { formatDate, label } from '../labels.ts';
import { Link } from '../router.tsx';

export function MyConcernPage({ concernId }: { concernId: string }) {
  const path = `/api/me/concerns/${encodeURIComponent(concernId)}`;
  const list = useAsync(() => get<{ items: MyConcern[] }>('/api/me/concerns'), []);
  const thread = useAsync(() => get<ReporterThread>(`${path}/messages`), [path]);
  const c = list.data?.items.find((i) => i.id === concernId);
  const error = list.error ?? thread.error;
  return (
    <Page
      title="A concern you raised"
      lead={c ? `Raised on ${formatDate(c.createdAt)}.` : undefined}
    >
      {error ? (
        <Problem>
          <p>
            {error.status === 401
              ? 'Please sign in to see your concern.'
              : 'We could not find this concern among the ones you raised under your name.'}
          </p>
          {error.status === 401 ? <Link to="/sign-in">Go to sign in</Link> : null}
        </Problem>
      ) : null}
      {!error && (!list.data || !thread.data) ? <Loading what="Opening your concern" /> : null}
      {c ? (
        <section aria-labelledby="status" className="status-panel">
          <h2 id="status">Status: {label.status(c.status)}</h2>
          <p>{c.statusText}</p>
        </section>
      ) : null}
      {thread.data ? (
        <ReporterConversation thread={thread.data} path={path} reload={thread.reload} />
      ) : null}
      <p>
        <Link to="/my/concerns">All the concerns you raised</Link>
      </p>
    </Page>
  );
}
