// /c/:communityId/call-ins — the call-ins you hold (allies) or all of them (organizers).
import { get, type CallInListItem } from '../api.ts';
import { CommunityPage } from '../components/community-page.tsx';
import { Loading, Problem } from '../components/page.tsx';
import { useAsync } from '../components/use-async.ts';
import { callInLabel, callInName, formatDate } from '../labels.ts';
import { Link } from '../router.tsx';
import { ScrollTable } from '../components/scroll-table.tsx';

export function CallInsPage({ communityId }: { communityId: string }) {
  return (
    <CommunityPage
      communityId={communityId}
      title="Call-ins"
      lead="Private conversations about a concern. Organizers see every one here; allies see the ones they hold."
    >
      {(c) =>
        c.role === 'ally' || c.role === 'organizer' ? (
          <CallInList communityId={communityId} />
        ) : (
          <Problem>
            <p>This page is for the allies and organizers of {c.name}.</p>
          </Problem>
        )
      }
    </CommunityPage>
  );
}

function CallInList({ communityId }: { communityId: string }) {
  const list = useAsync(
    () => get<{ items: CallInListItem[] }>(`/api/communities/${communityId}/call-ins`),
    [communityId],
  );
  if (list.error) return <Problem>{list.error.message}</Problem>;
  if (!list.data) return <Loading what="Loading call-ins" />;
  if (list.data.items.length === 0) return <p role="status">There are no call-ins yet.</p>;
  const due = list.data.items
    .filter((i) => i.followUpAt !== null)
    .sort((a, b) => (a.followUpAt ?? '').localeCompare(b.followUpAt ?? ''));
  return (
    <>
      <ScrollTable caption="Call-ins" captionHidden>
        <thead>
          <tr>
            <th scope="col">Call-in</th>
            <th scope="col">Held by</th>
            <th scope="col">Status</th>
            <th scope="col">Harmed person&rsquo;s answer</th>
            <th scope="col">Outcome</th>
          </tr>
        </thead>
        <tbody>
          {list.data.items.map((i) => (
            <tr key={i.id}>
              <td>
                <Link to={`/c/${communityId}/call-ins/${i.id}`}>{callInName(i)}</Link>
                <br />
                <span className="muted">Changed {formatDate(i.updatedAt)}</span>
              </td>
              <td>{i.callerName ?? 'Nobody yet'}</td>
              <td>{i.stageLabel}</td>
              <td>{callInLabel.consent(i.consentStatus)}</td>
              <td>{callInLabel.outcomes(i.outcomes)}</td>
            </tr>
          ))}
        </tbody>
      </ScrollTable>
      <section aria-labelledby="follow-ups" className="section">
        <h2 id="follow-ups">Upcoming follow-ups</h2>
        {due.length === 0 ? (
          <p>No follow-ups are due. Once an outcome is recorded, its follow-up shows here.</p>
        ) : (
          <ul>
            {due.map((i) => (
              <li key={i.id}>
                {formatDate(i.followUpAt ?? '')}:{' '}
                <Link to={`/c/${communityId}/call-ins/${i.id}`}>{callInName(i)}</Link>, with{' '}
                {i.callerName ?? 'nobody yet'}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
