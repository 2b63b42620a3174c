// /me/call-ins — conversations addressed to the signed-in person, across their communities.
// /me/call-ins/:callInId — one of them: the same view as the private link (/called-in/:token),
// from components/member-conversation.tsx. Never names who raised it or who was harmed.
import { get, type MemberView, type MyCallInItem } from '../api.ts';
import { conversationLead, MemberConversation } from '../components/member-conversation.tsx';
import { Loading, Page, Problem } from '../components/page.tsx';
import { useAsync } from '../components/use-async.ts';
import { formatDate } from '../labels.ts';
import { Link } from '../router.tsx';

function SignInFirst({ what }: { what: string }) {
  return (
    <Page title="Please sign in">
      <Problem>
        <p>Sign in with your account to see {what}.</p>
      </Problem>
      <p>
        <Link to="/sign-in">Go to sign in</Link>
      </p>
    </Page>
  );
}

export function MyCallInsPage() {
  const list = useAsync(() => get<{ items: MyCallInItem[] }>('/api/me/call-ins'), []);
  const title = 'Conversations with you';
  if (list.error?.status === 401) return <SignInFirst what="conversations addressed to you" />;
  return (
    <Page
      title={title}
      lead="When someone from a community reaches out to you privately about something said or done, the conversation is here. Only you, the person who reached out and that community's organizers can read it."
    >
      {list.error ? <Problem>{list.error.message}</Problem> : null}
      {!list.data && !list.error ? <Loading what="Loading your conversations" /> : null}
      {list.data && list.data.items.length === 0 ? (
        <p role="status">Nobody has reached out to you this way. There is nothing to do here.</p>
      ) : null}
      {list.data && list.data.items.length > 0 ? (
        <ul className="card-list">
          {list.data.items.map((c) => (
            <li key={c.id} className="card">
              <h2 className="card-title">
                <Link to={`/me/call-ins/${c.id}`}>A conversation in {c.community}</Link>
              </h2>
              <p>{c.statusText}</p>
              <p className="muted">Last change {formatDate(c.updatedAt)}</p>
            </li>
          ))}
        </ul>
      ) : null}
    </Page>
  );
}

export function MyCallInPage({ callInId }: { callInId: string }) {
  const path = `/api/me/call-ins/${encodeURIComponent(callInId)}`;
  const view = useAsync(() => get<MemberView>(path), [path]);
  if (view.error?.status === 401) return <SignInFirst what="this conversation" />;
  if (view.error) {
    return (
      <Page title="We could not find this conversation">
        <Problem>
          <p>
            It may have been closed and removed under the community&rsquo;s retention policy, or it
            may be addressed to a different account.
          </p>
        </Problem>
        <p>
          <Link to="/me/call-ins">All conversations with you</Link>
        </p>
      </Page>
    );
  }
  if (!view.data) {
    return (
      <Page title="A private conversation">
        <Loading what="Opening the conversation" />
      </Page>
    );
  }
  return (
    <Page title="A private conversation" lead={conversationLead(view.data)}>
      <p>
        <Link to="/me/call-ins">All conversations with you</Link>
      </p>
      <MemberConversation view={view.data} respondPath={path} onAnswered={view.reload} />
    </Page>
  );
}
