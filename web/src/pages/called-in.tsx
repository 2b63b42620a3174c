// /called-in/:token — the member being called in (no account needed). The conversation itself
// (guide, thread, reply, simple answers, reply coach when signed in) is
// components/member-conversation.tsx, shared with /me/call-ins/:callInId.
// Nothing here names who raised the concern or who was harmed: the API never sends it.
// Opening the link claims it for this browser (rule 10): later answers through it work only here.
import { ApiError, get, post, type LinkClaimed, type MemberView } from '../api.ts';
import { conversationLead, MemberConversation } from '../components/member-conversation.tsx';
import { Loading, Page, Problem } from '../components/page.tsx';
import { useAsync } from '../components/use-async.ts';

export function CalledInPage({ token }: { token: string }) {
  const path = `/api/public/called-in/${encodeURIComponent(token)}`;
  const view = useAsync(async () => {
    try {
      await post<LinkClaimed>(`${path}/claim`);
    } catch (e) {
      // Claimed elsewhere, or not for the caller: say so. Anything else (a sign-in still
      // loading its CSRF token) leaves the link unclaimed until the first answer claims it.
      if (
        e instanceof ApiError &&
        (e.code === 'member_link_claimed' || e.code === 'handover_not_for_caller')
      )
        throw e;
    }
    return get<MemberView>(path);
  }, [path]);
  const claimedElsewhere =
    view.error instanceof ApiError &&
    (view.error.code === 'member_link_claimed' || view.error.code === 'handover_not_for_caller');
  if (claimedElsewhere) {
    return (
      <Page title="This link is in use elsewhere">
        <Problem>
          <p>{view.error instanceof ApiError ? view.error.message : null}</p>
        </Problem>
      </Page>
    );
  }
  if (view.error) {
    return (
      <Page title="We could not find this conversation">
        <Problem>
          <p>
            The link may be incomplete: check that you copied all of it. If the conversation was
            closed a while ago, it may have been removed under the community&rsquo;s retention
            policy.
          </p>
        </Problem>
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
      <MemberConversation view={view.data} respondPath={path} onAnswered={view.reload} />
    </Page>
  );
}
