// /c/:communityId/concerns/:concernId — one concern in full, the triage rubric with its
// recommendation and reasons, and the organizer's decision with a kept reason.
import { useState } from 'react';
import {
  get,
  post,
  type CallInListItem,
  type ConcernDetail,
  type Decision,
  type TriageAnswers,
  type TriagePreview,
} from '../api.ts';
import { useAnnounce } from '../components/announcer.tsx';
import { OpenCallIn } from '../components/call-in-match.tsx';
import { CommunityPage } from '../components/community-page.tsx';
import {
  CheckboxGroup,
  collect,
  ErrorSummary,
  RadioGroup,
  required,
  SelectField,
  SubmitButton,
  TextArea,
  useForm,
} from '../components/form.tsx';
import { Loading, Problem } from '../components/page.tsx';
import { useAsync } from '../components/use-async.ts';
import { Link } from '../router.tsx';
import {
  callInLabel,
  categoryOptions,
  decisionOptions,
  formatDate,
  intentOptions,
  label,
  ladderOptions,
  publicHarmOptions,
} from '../labels.ts';

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
      <section aria-labelledby="what-happened" className="section">
        <h2 id="what-happened">{c.urgent ? 'Urgent: ' : ''}What happened</h2>
        <p className="muted">
          Raised {formatDate(c.createdAt)} ·{' '}
          <span className={`badge badge-${c.status}`}>{label.status(c.status)}</span>
        </p>
        <blockquote className="quote">{c.what}</blockquote>
        <dl className="facts">
          {c.quotes.length > 0 ? (
            <>
              <dt>Exact words</dt>
              <dd>
                <ul>
                  {c.quotes.map((q, i) => (
                    <li key={i}>&ldquo;{q}&rdquo;</li>
                  ))}
                </ul>
              </dd>
            </>
          ) : null}
          {c.links.length > 0 ? (
            <>
              <dt>Links</dt>
              <dd>
                <ul>
                  {c.links.map((l, i) => (
                    <li key={i}>
                      <a href={l} rel="noreferrer noopener" target="_blank">
                        {l}
                        <span className="visually-hidden"> (opens in a new tab)</span>
                      </a>
                    </li>
                  ))}
                </ul>
              </dd>
            </>
          ) : null}
          <dt>Impact</dt>
          <dd>{c.impact || 'Not described.'}</dd>
          <dt>Whom it hurt</dt>
          <dd>
            {label.harmed(c.harmed)}
            {c.harmedName ? ` (${c.harmedName})` : ''}
          </dd>
          <dt>Who it is about</dt>
          <dd>{c.about.name ?? 'Not named'}</dd>
          <dt>What the reporter would like</dt>
          <dd>{label.wants(c.wants)}</dd>
          <dt>Raised by</dt>
          <dd>{c.anonymous || !c.reporter ? 'Anonymous' : c.reporter.name}</dd>
          {c.contact ? (
            <>
              <dt>How to reach them</dt>
              <dd>{c.contact}</dd>
            </>
          ) : null}
          {c.categories.length > 0 ? (
            <>
              <dt>Kinds of behaviour named</dt>
              <dd>{c.categories.map(label.category).join(', ')}</dd>
            </>
          ) : null}
        </dl>
      </section>
      {decisions.data && decisions.data.items.length > 0 ? (
        <section aria-labelledby="decisions" className="section">
          <h2 id="decisions">Decisions so far</h2>
          <ol className="card-list">
            {decisions.data.items.map((d) => (
              <li key={d.id} className="card">
                <p>
                  <strong>{label.decision(d.decision)}</strong>
                  {d.ladderLevel ? ` (${label.ladder(d.ladderLevel)})` : ''},{' '}
                  {formatDate(d.createdAt)}
                </p>
                <p>Reason: {d.reason}</p>
              </li>
            ))}
          </ol>
        </section>
      ) : null}
      <Triage
        base={base}
        concern={c}
        onDecided={async () => {
          await decisions.reload();
          await detail.reload();
        }}
      />
    </>
  );
}

const triageLabels: Record<string, string> = {
  categories: 'Kinds of behaviour',
  immediateDanger: 'Immediate danger',
  intent: 'Intent',
  publicHarm: 'How public',
  decision: 'Your decision',
  ladderLevel: 'Step on the ladder',
  reason: 'Reason',
};

function Triage({
  base,
  concern,
  onDecided,
}: {
  base: string;
  concern: ConcernDetail;
  onDecided: () => Promise<void>;
}) {
  const announce = useAnnounce();
  const [categories, setCategories] = useState<string[]>(concern.categories);
  const [danger, setDanger] = useState(concern.urgent ? 'yes' : 'no');
  const [intent, setIntent] = useState('');
  const [publicHarm, setPublicHarm] = useState('');
  const [result, setResult] = useState<TriagePreview | null>(null);
  const [decision, setDecision] = useState('');
  const [ladder, setLadder] = useState('');
  const [reason, setReason] = useState('');
  const [saved, setSaved] = useState(false);
  const rubric = useForm();
  const decide = useForm();

  // The form's values come from the option lists in labels.ts, which are typed by the same unions.
  const answers = (): TriageAnswers => ({
    categories: categories as TriageAnswers['categories'],
    immediateDanger: danger === 'yes',
    intent: intent as TriageAnswers['intent'],
    publicHarm: publicHarm as TriageAnswers['publicHarm'],
  });

  const onPreview = rubric.submit(
    () =>
      collect({
        intent: intent
          ? undefined
          : 'Please choose what the intent looks like. "Not clear yet" is fine.',
        publicHarm: publicHarm ? undefined : 'Please choose how many people saw it.',
      }),
    async () => {
      const r = await post<TriagePreview>(`${base}/triage/recommendation`, answers());
      setResult(r);
      setDecision(r.recommendation.kind);
      setLadder(r.recommendation.ladderLevel ?? '');
      setSaved(false);
      announce(`Recommendation: ${label.decision(r.recommendation.kind)}. The reasons are below.`);
    },
  );

  const onDecide = decide.submit(
    () =>
      collect({
        decision: decision ? undefined : 'Please choose a decision.',
        ladderLevel:
          decision === 'enforcement' && !ladder ? 'Please choose a step on the ladder.' : undefined,
        reason: required(reason, 'Please write down why, so others understand the decision later.'),
      }),
    async () => {
      await post(`${base}/triage`, {
        answers: answers(),
        decision,
        ladderLevel: decision === 'enforcement' ? ladder : null,
        reason,
      });
      setSaved(true);
      setReason('');
      announce('Your decision is saved.');
      await onDecided();
    },
  );

  return (
    <section aria-labelledby="triage" className="section">
      <h2 id="triage">Triage: call in, call out, or enforce?</h2>
      <p>
        Answer a few questions and the rubric suggests a next step, with its reasons. You decide;
        the reason you give is kept.
      </p>
      <ErrorSummary
        errors={rubric.errors}
        labels={triageLabels}
        general={rubric.general}
        attempt={rubric.attempt}
      />
      <form onSubmit={(e) => void onPreview(e)} noValidate className="stack">
        <CheckboxGroup
          id="categories"
          legend="What kind of behaviour was it?"
          hint="Intimidation, harassment, threats, abuse, discrimination, doxxing and sexual harassment go to enforcement, not a call-in."
          options={categoryOptions}
          values={categories}
          onChange={setCategories}
          error={rubric.errors.categories}
        />
        <RadioGroup
          id="immediateDanger"
          legend="Is anyone in immediate danger?"
          options={[
            { value: 'no', label: 'No' },
            { value: 'yes', label: 'Yes, this is urgent' },
          ]}
          value={danger}
          onChange={setDanger}
        />
        <RadioGroup
          id="intent"
          legend="What does the intent look like?"
          hint="Impact matters more than intent, but intent shapes the response."
          options={intentOptions}
          value={intent}
          onChange={setIntent}
          error={rubric.errors.intent}
        />
        <RadioGroup
          id="publicHarm"
          legend="How many people saw it?"
          options={publicHarmOptions}
          value={publicHarm}
          onChange={setPublicHarm}
          error={rubric.errors.publicHarm}
        />
        <SubmitButton busy={rubric.submitting}>See the recommendation</SubmitButton>
      </form>

      {result ? (
        <div className="recommendation" aria-labelledby="rec-title">
          <h3 id="rec-title">
            Recommendation: {label.decision(result.recommendation.kind)}
            {result.recommendation.ladderLevel
              ? ` (${label.ladder(result.recommendation.ladderLevel)})`
              : ''}
          </h3>
          {result.recommendation.urgent ? <p className="urgent-text">Marked urgent.</p> : null}
          <p>Who should do it: {label.caller(result.recommendation.caller)}.</p>
          <h4>Why</h4>
          {result.recommendation.reasons.length > 0 ? (
            <ul>
              {result.recommendation.reasons.map((r, i) => (
                <li key={i}>{r}</li>
              ))}
            </ul>
          ) : (
            <p>Nothing in the answers points away from the gentlest step.</p>
          )}
          <p className="muted">
            History with this person here: {result.history.earlierConcerns} earlier concern
            {result.history.earlierConcerns === 1 ? '' : 's'}, {result.history.earlierCallIns}{' '}
            earlier call-in{result.history.earlierCallIns === 1 ? '' : 's'}
            {result.history.highestEnforcement
              ? `, highest step so far: ${label.ladder(result.history.highestEnforcement).toLowerCase()}`
              : ''}
            .
          </p>

          <h3>Your decision</h3>
          <ErrorSummary
            errors={decide.errors}
            labels={triageLabels}
            general={decide.general}
            attempt={decide.attempt}
          />
          <form onSubmit={(e) => void onDecide(e)} noValidate className="stack">
            <RadioGroup
              id="decision"
              legend="What will you do?"
              hint="The recommendation is chosen for you; choose differently if you see it otherwise."
              options={decisionOptions}
              value={decision}
              onChange={setDecision}
              error={decide.errors.decision}
            />
            {decision === 'enforcement' ? (
              <SelectField
                id="ladderLevel"
                label="Step on the ladder"
                options={[{ value: '', label: 'Choose a step' }, ...ladderOptions]}
                value={ladder}
                onChange={setLadder}
                error={decide.errors.ladderLevel}
              />
            ) : null}
            <TextArea
              id="reason"
              label="Reason"
              hint="Kept with the decision and visible to the other organizers. It is stored encrypted."
              rows={4}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              error={decide.errors.reason}
            />
            <SubmitButton busy={decide.submitting}>Save the decision</SubmitButton>
            {saved ? (
              <p className="done-text" role="status">
                Decision saved. It is listed under &ldquo;Decisions so far&rdquo;.
              </p>
            ) : null}
          </form>
        </div>
      ) : null}
    </section>
  );
}

const callInDecisions = ['call-in', 'call-in-and-public-statement'];

/**
 * The call-ins opened for this concern (from the list route, which names the concern), or, when
 * it is decided for a call-in and has none, a way to open one.
 */
function CallInLinks({
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
          <Link to={`/c/${communityId}/call-ins/${c.id}`}>
            Open the call-in ({callInLabel.status(c.status)})
          </Link>
        </span>
      ))}
    </p>
  );
}
