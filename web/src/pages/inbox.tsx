// /c/:communityId/inbox — the organizer inbox: newest first, filter by status, page by cursor.
import { useState } from 'react';
import { ApiError, get, post, type ConflictDeclared, type InboxItem } from '../api.ts';
import { CommunityPage } from '../components/community-page.tsx';
import { SelectField } from '../components/choice-fields.tsx';
import { Loading, Problem } from '../components/page.tsx';
import { useAsync } from '../components/use-async.ts';
import { formatDate, label, statusOptions } from '../labels.ts';
import { Link, navigate, useLocation } from '../router.tsx';

export function InboxPage({ communityId }: { communityId: string }) {
  return (
    <CommunityPage
      communityId={communityId}
      title="Inbox"
      organizerOnly
      lead="Concerns raised in this community, newest first. Open one to read it and decide on a kind next step."
    >
      {() => <Inbox communityId={communityId} />}
    </CommunityPage>
  );
}

function Inbox({ communityId }: { communityId: string }) {
  const { search } = useLocation();
  const status = search.get('status') ?? '';
  const cursor = search.get('cursor') ?? '';
  const [filter, setFilter] = useState(status);
  const [stepped, setStepped] = useState<string | null>(null);
  const base = `/c/${communityId}/inbox`;
  const list = useAsync(() => {
    const q = new URLSearchParams();
    if (status) q.set('status', status);
    if (cursor) q.set('cursor', cursor);
    q.set('limit', '20');
    return get<{ items: InboxItem[]; nextCursor: string | null }>(
      `/api/communities/${communityId}/concerns?${q.toString()}`,
    );
  }, [communityId, status, cursor]);

  const withQuery = (s: string, c: string) => {
    const q = new URLSearchParams();
    if (s) q.set('status', s);
    if (c) q.set('cursor', c);
    const qs = q.toString();
    return qs ? `${base}?${qs}` : base;
  };
  const filterName = status ? label.status(status).toLowerCase() : '';

  return (
    <>
      <form
        className="filter-bar"
        onSubmit={(e) => {
          e.preventDefault();
          navigate(withQuery(filter, ''));
        }}
        aria-label="Filter concerns"
      >
        <SelectField
          id="status"
          label="Show"
          options={[{ value: '', label: 'All concerns' }, ...statusOptions]}
          value={filter}
          onChange={setFilter}
        />
        <button type="submit" className="button">
          Apply filter
        </button>
      </form>
      {stepped ? (
        <p role="status" className="notice">
          {stepped}
        </p>
      ) : null}
      {list.error ? <Problem>{list.error.message}</Problem> : null}
      {!list.data && !list.error ? <Loading what="Loading concerns" /> : null}
      {list.data ? (
        <p role="status" className="muted">
          {list.data.items.length === 0
            ? status
              ? `No ${filterName} concerns${cursor ? ' on this page' : ''}.`
              : 'No concerns yet. When someone raises one, it appears here.'
            : `Showing ${list.data.items.length} ${filterName} concern${list.data.items.length === 1 ? '' : 's'}${cursor ? ', older ones' : ''}.`}
        </p>
      ) : null}
      {list.data && list.data.items.length > 0 ? (
        <ul className="card-list">
          {list.data.items.map((c) => (
            <li key={c.id} className={`card${c.urgent ? ' card-urgent' : ''}`}>
              <h2 className="card-title">
                <Link to={`/c/${communityId}/concerns/${c.id}`}>
                  {c.urgent ? 'Urgent: ' : ''}
                  {c.subject ?? `Concern raised ${formatDate(c.createdAt)}`}
                </Link>
              </h2>
              {c.subject ? <p className="muted">Raised {formatDate(c.createdAt)}</p> : null}
              <p>
                <span className={`badge badge-${c.status}`}>{c.stageLabel}</span> Whom it hurt:{' '}
                {label.harmed(c.harmed)} · Wants: {label.wants(c.wants)} · From:{' '}
                {c.anonymous ? 'Anonymous' : label.source(c.source)}
              </p>
              {c.categories.length > 0 ? (
                <p className="muted">{c.categories.map(label.category).join(', ')}</p>
              ) : null}
              <DeclareConflict
                communityId={communityId}
                concernId={c.id}
                raisedOn={formatDate(c.createdAt)}
                onDone={(message) => {
                  setStepped(message);
                  void list.reload();
                }}
              />
            </li>
          ))}
        </ul>
      ) : null}
      {list.data && (list.data.nextCursor || cursor) ? (
        <nav aria-label="Pages of concerns" className="pager">
          <ul>
            {cursor ? (
              <li>
                <Link to={withQuery(status, '')}>Back to the newest</Link>
              </li>
            ) : null}
            {list.data.nextCursor ? (
              <li>
                <Link to={withQuery(status, list.data.nextCursor)}>Older concerns</Link>
              </li>
            ) : null}
          </ul>
        </nav>
      ) : null}
    </>
  );
}

/**
 * Rule 9: an organizer close to a case steps back from it. Only the inbox's metadata is needed;
 * afterwards the concern leaves their inbox at once.
 */
function DeclareConflict({
  communityId,
  concernId,
  raisedOn,
  onDone,
}: {
  communityId: string;
  concernId: string;
  raisedOn: string;
  onDone: (message: string) => void;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <p>
      <button
        type="button"
        className="button button-quiet"
        disabled={busy}
        aria-describedby={error ? `conflict-error-${concernId}` : undefined}
        onClick={() => {
          setBusy(true);
          setError(null);
          post<ConflictDeclared>(
            `/api/communities/${communityId}/concerns/${concernId}/conflict`,
          ).then(
            () =>
              onDone(
                `You stepped back from the concern raised ${raisedOn}. The other organizers will handle it, and the audit log shows that you declared a conflict.`,
              ),
            (e: unknown) => {
              setBusy(false);
              setError(e instanceof ApiError ? e.message : 'That did not work. Please try again.');
            },
          );
        }}
      >
        Declare a conflict<span className="visually-hidden"> on the concern raised {raisedOn}</span>
      </button>{' '}
      {error ? (
        <span id={`conflict-error-${concernId}`} className="field-error" role="alert">
          {error}
        </span>
      ) : null}
    </p>
  );
}
