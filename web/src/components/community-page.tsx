// A page inside one community: loads the community, shows its navigation, and explains
// plainly when the person's role does not include this page.
import type { ReactNode } from 'react';
import { get, type Community } from '../api.ts';
import { Link } from '../router.tsx';
import { CommunityNav } from './community-nav.tsx';
import { Loading, Page, Problem } from './page.tsx';
import { useAsync } from './use-async.ts';

export function CommunityPage({
  communityId,
  title,
  lead,
  organizerOnly,
  wide,
  children,
}: {
  communityId: string;
  title: string | ((c: Community) => string);
  lead?: ReactNode;
  organizerOnly?: boolean;
  /** Tables that need the room: the page uses the full width, its prose stays narrow. */
  wide?: boolean;
  children: (c: Community) => ReactNode;
}) {
  const { data: community, error } = useAsync(
    () => get<Community>(`/api/communities/${communityId}`),
    [communityId],
  );
  if (error) {
    const title = error.status === 401 ? 'Please sign in' : 'We could not open this community';
    return (
      <Page title={title}>
        <Problem>
          <p>
            {error.status === 401
              ? 'Sign in to see this community.'
              : 'It may not exist, or your account may not be part of it.'}
          </p>
        </Problem>
        <p>
          <Link to={error.status === 401 ? '/sign-in' : '/'}>
            {error.status === 401 ? 'Go to sign in' : 'Back to your communities'}
          </Link>
        </p>
      </Page>
    );
  }
  if (!community) {
    return (
      <Page title="Loading">
        <Loading />
      </Page>
    );
  }
  const heading = typeof title === 'function' ? title(community) : title;
  const allowed = !organizerOnly || community.role === 'organizer';
  return (
    <>
      <div className="community-bar">
        <p className="eyebrow">{community.name}</p>
        <CommunityNav community={community} />
      </div>
      <Page
        title={`${heading} — ${community.name}`}
        heading={heading}
        lead={allowed ? lead : undefined}
        wide={wide && allowed}
      >
        {allowed ? (
          children(community)
        ) : (
          <Problem>
            <p>
              This page is for the organizers of {community.name}. If you think you should have
              access, ask one of them to change your role.
            </p>
          </Problem>
        )}
      </Page>
    </>
  );
}
