// The call-ins opened for a concern, linked from the top of its page, or a way to open one.
import { get, type CallInListItem } from '../../api.ts';
import { OpenCallIn } from '../../components/call-in-match.tsx';
import { useAsync } from '../../components/use-async.ts';
import { Link } from '../../router.tsx';

/**
 * The call-ins opened for this concern (from the list route, which names the concern), or, when
 * it is decided for a call-in and has none, a way to open one.
 */
export function CallInLinks({
  communityId,
  concernId,
  decidedCallIn,
}: {
  communityId: string;
  concernId: string;
  decidedCallIn: boolean;
}) {
  const list = useAsync(
    () => get<{ items: CallInListItem[] }>(`/api/communities/${communityId}/call-ins`),
    [communityId],
  );
  const mine = (list.data?.items ?? []).filter((c) => c.concernId === concernId);
  if (mine.length === 0)
    return list.data && decidedCallIn ? (
      <OpenCallIn communityId={communityId} concernId={concernId} />
    ) : null;
  return (
    <p className="notice">
      {mine.map((c, i) => (
        <span key={c.id}>
          {i > 0 ? ' · ' : ''}
          <Link to={`/c/${communityId}/call-ins/${c.id}`}>Open the call-in ({c.stageLabel})</Link>
        </span>
      ))}
    </p>
  );
}
