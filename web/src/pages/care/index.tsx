// /c/:communityId/care — care for the people doing the work: your capacity and pause, your
// private log of time and drain, and for organizers how the load is spread.
import { get, type Community, type MyCare } from '../../api.ts';
import { CommunityPage } from '../../components/community-page.tsx';
import { Loading, Problem } from '../../components/page.tsx';
import { useAsync } from '../../components/use-async.ts';
import { Capacity } from './capacity.tsx';
import { Load } from './load.tsx';
import { Logs } from './logs.tsx';

export function CarePage({ communityId }: { communityId: string }) {
  return (
    <CommunityPage
      communityId={communityId}
      title="Care"
      lead="Calling in is emotional work. Say how much you can hold, pause whenever you need to, and keep a private note of how it feels. Declining never needs a reason."
    >
      {(c) => <Care community={c} />}
    </CommunityPage>
  );
}

function Care({ community }: { community: Community }) {
  const base = `/api/communities/${community.id}/care`;
  const mine = useAsync(() => get<MyCare>(`${base}/me`), [base]);
  if (mine.error) return <Problem>{mine.error.message}</Problem>;
  if (!mine.data) return <Loading what="Loading your settings" />;
  return (
    <>
      <Capacity
        base={base}
        care={mine.data}
        onDone={mine.reload}
        offeredWork={community.role === 'ally' || community.role === 'organizer'}
      />
      {community.role === 'ally' || community.role === 'organizer' ? (
        <Logs communityId={community.id} />
      ) : null}
      {community.role === 'organizer' ? <Load base={base} /> : null}
    </>
  );
}
