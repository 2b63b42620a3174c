// /follow/:token — the reporter's private view of their concern: status in plain words.
import { get, type FollowView as Follow } from '../api.ts';
import { Loading, Page, Problem } from '../components/page.tsx';
import { useAsync } from '../components/use-async.ts';
import { formatDate, label } from '../labels.ts';

export function FollowPage({ token }: { token: string }) {
  const f = useAsync(() => get<Follow>(`/api/follow/${encodeURIComponent(token)}`), [token]);
  if (f.error) {
    return (
      <Page title="We could not find this concern">
        <Problem>
          <p>
            The link may be incomplete. Check that you copied all of it. If the case was closed a
            while ago, it may have been removed under the community&rsquo;s retention policy.
          </p>
        </Problem>
      </Page>
    );
  }
  if (!f.data) {
    return (
      <Page title="Your concern">
        <Loading what="Looking up your concern" />
      </Page>
    );
  }
  const c = f.data;
  return (
    <Page title="Your concern" lead={`Raised with ${c.community} on ${formatDate(c.createdAt)}.`}>
      {c.notice ? (
        <div className="notice" role="note">
          <p>{c.notice}</p>
        </div>
      ) : null}
      <section aria-labelledby="status" className="status-panel">
        <h2 id="status">Status: {label.status(c.status)}</h2>
        <p>{c.statusText}</p>
        <p className="muted">Last change: {formatDate(c.updatedAt)}</p>
      </section>
      <dl className="facts">
        <dt>What you asked for</dt>
        <dd>{label.wants(c.wants)}</dd>
        <dt>Your name</dt>
        <dd>
          {c.anonymous
            ? 'Not shared: you raised this anonymously.'
            : 'Shared with the organizers only.'}
        </dd>
      </dl>
      <h2>What you told us</h2>
      <blockquote className="quote">{c.what}</blockquote>
      <p className="muted">
        This page is private to whoever has its link. Come back any time to see what has changed.
      </p>
    </Page>
  );
}
