// /me/enforcements/:id — an enforcement record about you, and your appeal.
// /c/:communityId/enforcements — the community's records and appeals (organizers decide them),
// and writing a record directly (components/enforcement-form.tsx).
import { useState } from 'react';
import {
  get,
  post,
  type Appealed,
  type CommunityEnforcement as CommunityRecord,
  type MyEnforcement as MyRecord,
} from '../api.ts';
import { useAnnounce } from '../components/announcer.tsx';
import { CommunityPage } from '../components/community-page.tsx';
import { ApiForm } from '../components/api-form.tsx';
import { NewEnforcement } from '../components/enforcement-form.tsx';
import { AppealCard, AppealDecisionFacts } from '../components/appeal-decision.tsx';
import { TextArea, collect, required, useForm } from '../components/form.tsx';
import { Loading, Notice, Page, Problem } from '../components/page.tsx';
import { useAsync } from '../components/use-async.ts';
import { appealStatusWords, enforcementStatusWords, formatDate, label } from '../labels.ts';
import { Link } from '../router.tsx';

export function MyEnforcementPage({ id }: { id: string }) {
  const list = useAsync(() => get<{ items: MyRecord[] }>('/api/me/enforcements'), []);
  if (list.error) {
    return (
      <Page title={list.error.status === 401 ? 'Please sign in' : 'We could not open this record'}>
        <Problem>
          <p>
            {list.error.status === 401
              ? 'Sign in with your account to see this record.'
              : list.error.message}
          </p>
        </Problem>
        {list.error.status === 401 ? (
          <p>
            <Link to="/sign-in">Go to sign in</Link>
          </p>
        ) : null}
      </Page>
    );
  }
  if (!list.data) {
    return (
      <Page title="A decision about you">
        <Loading />
      </Page>
    );
  }
  const r = list.data.items.find((e) => e.id === id);
  if (!r) {
    return (
      <Page title="We could not find this record">
        <Problem>
          <p>It may have ended and been removed, or the link may be incomplete.</p>
        </Problem>
      </Page>
    );
  }
  return <MyRecordView record={r} reload={list.reload} />;
}

function MyRecordView({ record: r, reload }: { record: MyRecord; reload: () => Promise<void> }) {
  const announce = useAnnounce();
  const [statement, setStatement] = useState('');
  const form = useForm();
  const pending = r.appeals.some((a) => a.status === 'pending');
  const onSubmit = form.submit(
    () => collect({ statement: required(statement) }),
    async () => {
      const sent = await post<Appealed>(`/api/me/enforcements/${r.id}/appeal`, { statement });
      setStatement('');
      announce(sent.note ?? 'Your appeal is sent. A different organizer will decide it.');
      await reload();
    },
  );
  return (
    <Page
      title="A decision about you"
      lead={`The organizers of ${r.community} wrote this record. You can read why, and appeal if you think it is wrong.`}
    >
      <dl className="facts">
        <dt>Step</dt>
        <dd>{label.ladder(r.level)}</dd>
        <dt>Why</dt>
        <dd>{r.reason}</dd>
        <dt>Status</dt>
        <dd>{enforcementStatusWords[r.status] ?? r.status}</dd>
        <dt>Written</dt>
        <dd>{formatDate(r.createdAt)}</dd>
        <dt>Ends</dt>
        <dd>{r.expiresAt ? formatDate(r.expiresAt) : 'No end date'}</dd>
      </dl>
      {r.appeals.length > 0 ? (
        <section aria-labelledby="appeals" className="section">
          <h2 id="appeals">Your appeals</h2>
          <ul>
            {r.appeals.map((a) => (
              <li key={a.id}>
                {formatDate(a.createdAt)}: {appealStatusWords[a.status] ?? a.status}
                <AppealDecisionFacts appeal={a} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {r.status === 'active' && !pending ? (
        <section aria-labelledby="appeal" className="section">
          <h2 id="appeal">Appeal</h2>
          {r.appealWaits ? (
            <Notice>
              <p>{r.appealWaits}</p>
            </Notice>
          ) : null}
          <ApiForm
            form={form}
            onSubmit={onSubmit}
            labels={{ statement: 'Why you think it should change' }}
            submitLabel="Send the appeal"
          >
            <TextArea
              id="statement"
              label="Why you think it should change"
              hint="An organizer who did not write the record reads it and decides."
              value={statement}
              onChange={(e) => setStatement(e.target.value)}
              error={form.errors.statement}
            />
          </ApiForm>
        </section>
      ) : pending ? (
        <Notice>
          <p>Your appeal is waiting for a decision. You will be told when it is made.</p>
        </Notice>
      ) : null}
    </Page>
  );
}

export function CommunityEnforcementsPage({ communityId }: { communityId: string }) {
  return (
    <CommunityPage
      communityId={communityId}
      title="Enforcement"
      organizerOnly
      lead="Steps on the code of conduct ladder and their appeals. An appeal is decided by a different organizer than the one who wrote the record."
    >
      {() => <Records communityId={communityId} />}
    </CommunityPage>
  );
}

function Records({ communityId }: { communityId: string }) {
  const list = useAsync(
    () => get<{ items: CommunityRecord[] }>(`/api/communities/${communityId}/enforcements`),
    [communityId],
  );
  return (
    <>
      <section aria-labelledby="records" className="section">
        <h2 id="records">Records so far</h2>
        {list.error ? <Problem>{list.error.message}</Problem> : null}
        {!list.data && !list.error ? <Loading what="Loading records" /> : null}
        {list.data && list.data.items.length === 0 ? (
          <p role="status">There are no enforcement records.</p>
        ) : null}
        {list.data && list.data.items.length > 0 ? (
          <ul className="card-list">
            {list.data.items.map((r) => (
              <li key={r.id} className="card">
                <h3 className="card-title">
                  {label.ladder(r.level)} · {formatDate(r.createdAt)}
                </h3>
                <dl className="facts">
                  <dt>About</dt>
                  <dd>
                    {r.member.name ?? 'Someone not named in the concern'}
                    {r.member.userId
                      ? ' (a member here: they see this record when they sign in)'
                      : ' (not linked to an account here, so they are not told by Calling In)'}
                  </dd>
                  <dt>Why</dt>
                  <dd>{r.reason}</dd>
                  <dt>Status</dt>
                  <dd>{enforcementStatusWords[r.status] ?? r.status}</dd>
                  <dt>Written by</dt>
                  <dd>{r.writtenBy.name}</dd>
                  <dt>Ends</dt>
                  <dd>{r.expiresAt ? formatDate(r.expiresAt) : 'No end date'}</dd>
                </dl>
                {r.callInId ? (
                  <p>
                    <Link to={`/c/${communityId}/call-ins/${r.callInId}`}>The call-in</Link>
                  </p>
                ) : null}
                {r.appeals.map((a) => (
                  <AppealCard
                    key={a.id}
                    communityId={communityId}
                    record={r}
                    appeal={a}
                    onDone={list.reload}
                  />
                ))}
              </li>
            ))}
          </ul>
        ) : null}
      </section>
      <NewEnforcement communityId={communityId} onDone={list.reload} />
    </>
  );
}
