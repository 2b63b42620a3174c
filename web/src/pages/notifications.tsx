// /me/notifications — what needs the signed-in person, across their communities: one line each,
// newest first, with a link to the page it is about; unread ones are marked. Organizers also
// choose here how they hear about new concerns by email.
import { useState } from 'react';
import { ApiError, get, post, put, type Me, type NoticeItem, type NoticeList } from '../api.ts';
import { useAnnounce } from '../components/announcer.tsx';
import { ApiForm } from '../components/api-form.tsx';
import { RadioGroup } from '../components/choice-fields.tsx';
import { useForm, type Option } from '../components/form.tsx';
import { Loading, Page, Problem } from '../components/page.tsx';
import { useAsync } from '../components/use-async.ts';
import { formatDate } from '../labels.ts';
import { Link, navigate } from '../router.tsx';
import { useSession } from '../session.tsx';

export function NotificationsPage() {
  const { me } = useSession();
  const first = useAsync(() => get<NoticeList>('/api/me/notifications'), []);
  const [older, setOlder] = useState<NoticeItem[]>([]);
  const [cursor, setCursor] = useState<string | null | undefined>(undefined);
  const [readIds, setReadIds] = useState<Set<string>>(new Set());
  const [allRead, setAllRead] = useState(false);
  const announce = useAnnounce();
  if (first.error?.status === 401) {
    return (
      <Page title="Notifications">
        <Problem>
          <p>Sign in with your account to see your notifications.</p>
        </Problem>
        <p>
          <Link to="/sign-in">Go to sign in</Link>
        </p>
      </Page>
    );
  }
  const items = [...(first.data?.items ?? []), ...older];
  const next = cursor === undefined ? (first.data?.nextCursor ?? null) : cursor;
  const isRead = (n: NoticeItem) => allRead || n.read || readIds.has(n.id);
  const unread = items.filter((n) => !isRead(n)).length;
  const open = async (n: NoticeItem) => {
    if (!isRead(n)) {
      await post('/api/me/notifications/read', { ids: [n.id] }).catch(() => undefined);
      setReadIds(new Set([...readIds, n.id]));
    }
    navigate(n.link);
  };
  return (
    <Page
      title="Notifications"
      lead="What needs you, from every community you belong to. Each one says only what happened and where; what a case is about stays on its page."
    >
      {first.error ? <Problem>{first.error.message}</Problem> : null}
      {!first.data && !first.error ? <Loading what="Loading your notifications" /> : null}
      {first.data && items.length === 0 ? (
        <p role="status">Nothing has come in for you yet. When something needs you, it is here.</p>
      ) : null}
      {items.length > 0 ? (
        <>
          <p role="status">
            {unread === 0 ? 'You have read them all.' : `${unread} unread.`}{' '}
            {unread > 0 ? (
              <button
                type="button"
                className="link-button"
                onClick={() =>
                  void post('/api/me/notifications/read', { all: true }).then(() => {
                    setAllRead(true);
                    announce('Every notification is marked as read.');
                  })
                }
              >
                Mark all as read
              </button>
            ) : null}
          </p>
          <ul className="card-list notice-list">
            {items.map((n) => (
              <li
                key={n.id}
                className={`card${n.template === 'urgent-concern' ? ' card-urgent' : isRead(n) ? '' : ' notice-unread'}`}
              >
                <p>
                  {isRead(n) ? null : <strong className="badge badge-new">New</strong>}{' '}
                  <a
                    href={n.link}
                    onClick={(e) => {
                      e.preventDefault();
                      void open(n);
                    }}
                  >
                    {n.text}
                  </a>
                </p>
                <p className="muted">{formatDate(n.createdAt)}</p>
              </li>
            ))}
          </ul>
          {next ? (
            <button
              type="button"
              className="button"
              onClick={() =>
                void get<NoticeList>(
                  `/api/me/notifications?cursor=${encodeURIComponent(next)}`,
                ).then((page) => {
                  setOlder([...older, ...page.items]);
                  setCursor(page.nextCursor);
                })
              }
            >
              Show older notifications
            </button>
          ) : null}
        </>
      ) : null}
      {me ? <NewConcernEmails me={me} /> : null}
    </Page>
  );
}

const choices: Option[] = [
  { value: 'immediate', label: 'An email for each new concern' },
  { value: 'daily', label: 'One email a day, at 08:00 UTC, when there are new concerns' },
  { value: 'off', label: 'No email: I will look here' },
];

/** For each community one organizes: how new concerns reach them by email. */
function NewConcernEmails({ me }: { me: Me }) {
  const organized = me.communities.filter((c) => c.role === 'organizer');
  if (organized.length === 0) return null;
  return (
    <section aria-labelledby="new-concern-emails" className="section">
      <h2 id="new-concern-emails">Email about new concerns</h2>
      <p>
        You get a notification here for every new concern either way. A concern marked urgent is
        always emailed to you at once. Emails never say what a concern is about.
      </p>
      {organized.map((c) => (
        <NewConcernChoice key={c.id} communityId={c.id} name={c.name} />
      ))}
    </section>
  );
}

function NewConcernChoice({ communityId, name }: { communityId: string; name: string }) {
  const path = `/api/communities/${communityId}/notification-settings`;
  const current = useAsync(() => get<{ newConcerns: string }>(path), [path]);
  const [value, setValue] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const form = useForm();
  const announce = useAnnounce();
  const chosen = value ?? current.data?.newConcerns ?? '';
  const id = `new-concerns-${communityId}`;
  const onSubmit = form.submit(
    () => ({}),
    async () => {
      await put(path, { newConcerns: chosen });
      setSaved(true);
      announce(`Saved for ${name}.`);
    },
  );
  if (current.error) {
    return (
      <Problem>
        {current.error instanceof ApiError ? current.error.message : 'Something went wrong.'}
      </Problem>
    );
  }
  if (!current.data) return <Loading what={`Loading your choice for ${name}`} />;
  return (
    <ApiForm
      form={form}
      onSubmit={onSubmit}
      labels={{ newConcerns: name }}
      submitLabel={`Save for ${name}`}
      after={
        saved ? (
          <p className="done-text" role="status">
            Saved.
          </p>
        ) : null
      }
    >
      <RadioGroup
        id={id}
        legend={name}
        options={choices}
        value={chosen}
        onChange={(v) => {
          setValue(v);
          setSaved(false);
        }}
        error={form.errors.newConcerns}
      />
    </ApiForm>
  );
}
