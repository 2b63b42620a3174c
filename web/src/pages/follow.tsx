// /follow/:token — the reporter's private view of their concern: status in plain words, and the
// consent question when they were the one harmed (answered here, through this same link).
import { get, type ConsentView, type FollowView as Follow } from '../api.ts';
import { Loading, Page, Problem } from '../components/page.tsx';
import { useAsync } from '../components/use-async.ts';
import { formatDate, label } from '../labels.ts';
import { ConsentQuestion } from './consent.tsx';

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
        <h2 id="status">Status: {c.stageLabel}</h2>
        <p>{c.statusText}</p>
        <p className="muted">Last change: {formatDate(c.updatedAt)}</p>
      </section>
      {c.consentQuestion ? <ConsentSection token={token} /> : null}
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

/** The consent question, when a caller asked it of the reporter who was harmed. */
function ConsentSection({ token }: { token: string }) {
  const path = `/api/public/consent/${encodeURIComponent(token)}`;
  const q = useAsync(() => get<ConsentView>(path), [path]);
  return (
    <section aria-labelledby="consent-question" className="section">
      <h2 id="consent-question">A question for you</h2>
      {q.error ? (
        <Problem>
          <p>We could not open the question just now. Please try again in a moment.</p>
        </Problem>
      ) : q.data ? (
        <ConsentQuestion path={path} view={q.data} reload={q.reload} nested />
      ) : (
        <Loading what="Opening the question" />
      )}
    </section>
  );
}
