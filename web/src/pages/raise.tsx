// Raising a concern: /c/:communityId/raise signed in, and /raise/:intakeId without an account.
import {
  get,
  post,
  type IntakeView,
  type MemberMatches,
  type Raised,
  type StaffList,
} from '../api.ts';
import { CommunityPage } from '../components/community-page.tsx';
import { ConcernForm } from '../components/concern-form.tsx';
import { Loading, Page, Problem } from '../components/page.tsx';
import { useAsync } from '../components/use-async.ts';

const lead =
  'Tell the organizers privately about something hurtful that was said or done. You do not have to have all the details.';

export function RaisePage({ communityId }: { communityId: string }) {
  return (
    <CommunityPage communityId={communityId} title="Raise a concern" lead={lead}>
      {(c) =>
        c.role ? (
          <MemberRaise communityId={communityId} communityName={c.name} />
        ) : (
          <Problem>
            <p>
              Only members of {c.name} can raise a concern here. The public form is open to anyone.
            </p>
          </Problem>
        )
      }
    </CommunityPage>
  );
}

function MemberRaise({
  communityId,
  communityName,
}: {
  communityId: string;
  communityName: string;
}) {
  // The staff list only offers a choice; without it the form still works.
  const staff = useAsync(
    () => get<StaffList>(`/api/communities/${communityId}/staff`),
    [communityId],
  );
  return (
    <ConcernForm
      mode="member"
      allowAnonymous
      communityName={communityName}
      staff={staff.data?.items ?? []}
      searchMembers={async (q) =>
        (
          await get<MemberMatches>(
            `/api/communities/${communityId}/member-search?q=${encodeURIComponent(q)}`,
          )
        ).items
      }
      send={(body) => post<Raised>(`/api/communities/${communityId}/concerns`, body)}
    />
  );
}

export function PublicRaisePage({ intakeId }: { intakeId: string }) {
  const intake = useAsync(
    () => get<IntakeView>(`/api/public/intake/${encodeURIComponent(intakeId)}`),
    [intakeId],
  );
  if (intake.error) {
    const closed = intake.error.code === 'intake_closed';
    return (
      <Page title={closed ? 'This form is closed' : 'We could not find this form'}>
        <Problem>
          <p>
            {closed
              ? 'This form is not taking concerns right now. If something is urgent, contact the organizers another way.'
              : 'The link may be incomplete or out of date. Ask the community for its current link.'}
          </p>
        </Problem>
      </Page>
    );
  }
  if (!intake.data) {
    return (
      <Page title="Raise a concern">
        <Loading what="Opening the form" />
      </Page>
    );
  }
  const { community, allowAnonymous, staff } = intake.data;
  return (
    <Page title={`Raise a concern with ${community}`} lead={lead}>
      <p>
        You do not need an account. Only the organizers of {community} will read what you write.
      </p>
      <ConcernForm
        mode="public"
        allowAnonymous={allowAnonymous}
        communityName={community}
        staff={staff}
        send={(body) =>
          post<Raised>(`/api/public/intake/${encodeURIComponent(intakeId)}/concerns`, body)
        }
      />
    </Page>
  );
}
