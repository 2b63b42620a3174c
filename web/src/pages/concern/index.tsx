// /c/:communityId/concerns/:concernId — one concern in full (facts.tsx), the triage rubric with
// its recommendation and reasons, and the organizer's decision with a kept reason (triage.tsx).
import { get, type ConcernDetail, type Decision } from '../../api.ts';
import { CommunityPage } from '../../components/community-page.tsx';
import { Loading, Problem } from '../../components/page.tsx';
import { useAsync } from '../../components/use-async.ts';
import { CallInLinks } from './call-in-links.tsx';
import { ConcernFacts, DecisionsSoFar } from './facts.tsx';
import { ReporterQuestions } from './reporter-questions.tsx';
import { LinkSubject } from './subject.tsx';
import { ConcernSubject } from './subject-line.tsx';
import { Triage } from './triage.tsx';

export function ConcernPage({
  communityId,
  concernId,
}: {
  communityId: string;
  concernId: string;
}) {
  return (
    <CommunityPage communityId={communityId} title="Concern" organizerOnly>
      {() => <Concern communityId={communityId} concernId={concernId} />}
    </CommunityPage>
  );
}

function Concern({ communityId, concernId }: { communityId: string; concernId: string }) {
  const base = `/api/communities/${communityId}/concerns/${concernId}`;
  const detail = useAsync(() => get<ConcernDetail>(base), [base]);
  const decisions = useAsync(() => get<{ items: Decision[] }>(`${base}/triage`), [base]);
  if (detail.error) {
    return (
      <Problem>
        <p>We could not open this concern. It may have been removed under the retention policy.</p>
      </Problem>
    );
  }
  if (!detail.data) return <Loading what="Opening the concern" />;
  const c = detail.data;
  return (
    <>
      <CallInLinks
        communityId={communityId}
        concernId={concernId}
        decidedCallIn={callInDecisions.includes(decisions.data?.items.at(-1)?.decision ?? '')}
      />
      <ConcernFacts concern={c} />
      <ConcernSubject base={base} concern={c} onDone={detail.reload} />
      <ReporterQuestions base={base} anonymous={c.anonymous} />
      <LinkSubject communityId={communityId} concern={c} onDone={() => detail.reload()} />
      {decisions.data || decisions.error ? (
        <Triage
          communityId={communityId}
          base={base}
          concern={c}
          latest={decisions.data?.items.at(-1)}
          onDecided={async () => {
            await decisions.reload();
            await detail.reload();
          }}
        />
      ) : (
        <Loading what="Loading the decisions" />
      )}
      {/* The newest decision is shown above; the ones it replaced are kept here. */}
      <DecisionsSoFar decisions={(decisions.data?.items ?? []).slice(0, -1)} />
    </>
  );
}

const callInDecisions = ['call-in', 'call-in-and-public-statement'];
