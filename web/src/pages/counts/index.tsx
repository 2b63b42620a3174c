// /c/:communityId/counts — organizers: how many cases were raised each month, what kind of
// behaviour they named and what came of them. Only numbers, never a person or a case. Live cases
// and the anonymous counts kept after the retention purge are added together by the API.
// The chosen months live in the address (?from=YYYY-MM&to=YYYY-MM), so Back and reload work.
import { useRef, useState, type FormEvent } from 'react';
import { get, type CaseCounts, type Community, type Settings } from '../../api.ts';
import { useAnnounce } from '../../components/announcer.tsx';
import { ApiForm } from '../../components/api-form.tsx';
import { CommunityPage } from '../../components/community-page.tsx';
import { TextField, collect, useForm } from '../../components/form.tsx';
import { Loading, Problem } from '../../components/page.tsx';
import { useAsync } from '../../components/use-async.ts';
import { formatMonth } from '../../labels.ts';
import { Link, navigate, useLocation } from '../../router.tsx';
import { Figures } from './figures.tsx';

export function CountsPage({ communityId }: { communityId: string }) {
  return (
    <CommunityPage
      communityId={communityId}
      title="Counts"
      organizerOnly
      wide
      lead="How many concerns were raised each month, what kind of behaviour they were about, and what came of them. These are only numbers: nothing here points at a person or a case."
    >
      {(c) => <Counts community={c} />}
    </CommunityPage>
  );
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

const fieldLabels = { from: 'First month', to: 'Last month' };

function monthProblem(value: string): string | undefined {
  if (value.trim() === '') return 'Please choose a month.';
  return MONTH.test(value.trim()) ? undefined : 'Give a month as year and month, like 2026-03.';
}

function rangeQuery(from: string, to: string): string {
  const q = new URLSearchParams();
  if (from) q.set('from', from);
  if (to) q.set('to', to);
  return q.toString();
}

function Counts({ community }: { community: Community }) {
  const { search } = useLocation();
  const askedFrom = search.get('from') ?? '';
  const askedTo = search.get('to') ?? '';
  const api = `/api/communities/${community.id}`;
  const announce = useAnnounce();
  // The answer the form already fetched, so choosing months asks the server once.
  const fetched = useRef<{ key: string; data: CaseCounts } | null>(null);
  const counts = useAsync(() => {
    const key = rangeQuery(askedFrom, askedTo);
    const had = fetched.current;
    fetched.current = null;
    if (had && had.key === key) return Promise.resolve(had.data);
    return get<CaseCounts>(`${api}/counts${key ? `?${key}` : ''}`);
  }, [api, askedFrom, askedTo]);

  const [from, setFrom] = useState(askedFrom);
  const [to, setTo] = useState(askedTo);
  const shownFrom = counts.data?.from;
  const shownTo = counts.data?.to;
  // The fields follow what is shown: the default range, or the months after Back and Forward.
  // They are set while rendering, when the shown months change, rather than in an effect.
  const [followed, setFollowed] = useState<string | undefined>();
  const shown = shownFrom && shownTo ? rangeQuery(shownFrom, shownTo) : undefined;
  if (shownFrom && shownTo && shown !== followed) {
    setFollowed(shown);
    setFrom(shownFrom);
    setTo(shownTo);
  }

  const form = useForm();
  // Made when the form is sent (not while rendering), as it keeps the answer in `fetched`.
  const onSubmit = (e?: FormEvent) =>
    form.submit(
      () => collect({ from: monthProblem(from), to: monthProblem(to) }),
      async () => {
        const data = await get<CaseCounts>(`${api}/counts?${rangeQuery(from.trim(), to.trim())}`);
        const key = rangeQuery(data.from, data.to);
        fetched.current = { key, data };
        if (key === rangeQuery(askedFrom, askedTo)) await counts.reload();
        else navigate(`/c/${community.id}/counts?${key}`);
        announce(`Showing ${formatMonth(data.from)} to ${formatMonth(data.to)}.`);
      },
    )(e);
  // Months typed into the address that the API turned down show next to their fields too.
  const loadFields = counts.error?.fields ?? {};
  const errors = form.attempt > 0 ? form.errors : loadFields;

  return (
    <>
      <p>
        Each concern is counted in the month it was raised, under the kind of behaviour it names,
        with what came of it: the outcome of its call-in, or else the decision taken on it. A
        concern that names two kinds of behaviour is counted under each.
      </p>
      <Retention communityId={community.id} />
      <section aria-labelledby="range-heading" className="section">
        <h2 id="range-heading">Which months</h2>
        <ApiForm
          form={form}
          onSubmit={onSubmit}
          labels={fieldLabels}
          errors={errors}
          submitLabel="Show these months"
        >
          <TextField
            id="from"
            type="month"
            className="input input-month"
            label={fieldLabels.from}
            hint="Year and month, like 2026-03."
            value={from}
            onChange={(e) => setFrom(e.target.value)}
            error={errors.from}
          />
          <TextField
            id="to"
            type="month"
            className="input input-month"
            label={fieldLabels.to}
            hint="Up to ten years at a time. Without a choice, you see the last twelve months."
            value={to}
            onChange={(e) => setTo(e.target.value)}
            error={errors.to}
          />
        </ApiForm>
      </section>
      <section aria-labelledby="figures-heading" className="section">
        <h2 id="figures-heading">
          {counts.data
            ? `${formatMonth(counts.data.from)} to ${formatMonth(counts.data.to)}`
            : 'The counts'}
        </h2>
        {counts.loading ? (
          <Loading what="Counting" />
        ) : counts.error ? (
          Object.keys(loadFields).length > 0 ? (
            <p>
              Those months could not be counted. Choose the first and last month above, then select
              &ldquo;Show these months&rdquo;.
            </p>
          ) : (
            <Problem>
              <p>We could not load the counts. {counts.error.message}</p>
              <p>
                <button type="button" className="button" onClick={() => void counts.reload()}>
                  Try again
                </button>
              </p>
            </Problem>
          )
        ) : counts.data ? (
          <Figures data={counts.data} communityId={community.id} />
        ) : null}
      </section>
    </>
  );
}

function Retention({ communityId }: { communityId: string }) {
  const settings = useAsync(
    () => get<Settings>(`/api/communities/${communityId}/settings`),
    [communityId],
  );
  if (settings.loading) return <Loading what="Loading how long cases are kept" />;
  const days = settings.data?.settings.retentionDays;
  return (
    <p>
      {days
        ? `Closed cases are kept for ${days} ${days === 1 ? 'day' : 'days'} after their last change. `
        : 'Closed cases are kept for the time set in Settings. '}
      After that the case is removed for good, and it lives on only in these counts: the month, the
      kind of behaviour and the outcome. Patterns stay visible without keeping anyone&rsquo;s story.{' '}
      <Link to={`/c/${communityId}/settings`}>Change how long cases are kept</Link>
    </p>
  );
}
