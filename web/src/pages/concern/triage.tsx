// The triage section of a concern: a few questions, the rubric's recommendation with its
// reasons, and the organizer's decision with a kept reason. One reducer holds it all
// (triage-state.ts); each part below draws one piece of it.
import {
  useLayoutEffect,
  useReducer,
  useRef,
  useState,
  type Dispatch,
  type RefObject,
} from 'react';
import { post, type ConcernDetail, type Decision } from '../../api.ts';
import { useAnnounce } from '../../components/announcer.tsx';
import { ApiForm } from '../../components/api-form.tsx';
import { CheckboxGroup, RadioGroup, SelectField } from '../../components/choice-fields.tsx';
import { collect, required, TextArea, useForm } from '../../components/form.tsx';
import {
  categoryOptions,
  decisionOptions,
  formatDate,
  intentOptions,
  label,
  ladderOptions,
  publicHarmOptions,
} from '../../labels.ts';
import { Link } from '../../router.tsx';
import {
  answersOf,
  startTriage,
  triageReducer,
  type Recommended,
  type TriageAction,
  type TriageChange,
  type TriageState,
} from './triage-state.ts';

const triageLabels: Record<string, string> = {
  categories: 'Kinds of behaviour',
  immediateDanger: 'Immediate danger',
  intent: 'Intent',
  publicHarm: 'How public',
  decision: 'Your decision',
  ladderLevel: 'Step on the ladder',
  reason: 'Reason',
};

export function Triage({
  communityId,
  base,
  concern,
  latest,
  onDecided,
}: {
  communityId: string;
  base: string;
  concern: ConcernDetail;
  /** The newest decision, if there is one. */
  latest: Decision | undefined;
  onDecided: () => Promise<void>;
}) {
  const [changing, setChanging] = useState(false);
  const decidedHeading = useRef<HTMLHeadingElement>(null);
  const [justDecided, setJustDecided] = useState(false);
  // Focus moves to the decision as soon as it is drawn (a layout effect, so nothing paints
  // in between). The wish is set before the refetch, so the first render that shows the new
  // decision already carries it.
  useLayoutEffect(() => {
    if (justDecided) decidedHeading.current?.focus();
  }, [justDecided, latest?.id, changing]);
  if (latest && !changing) {
    return (
      <Decided
        communityId={communityId}
        concern={concern}
        decision={latest}
        headingRef={decidedHeading}
        onChange={() => {
          setJustDecided(false);
          setChanging(true);
        }}
      />
    );
  }
  return (
    <TriageForm
      base={base}
      concern={concern}
      latest={latest}
      onCancel={
        latest
          ? () => {
              setChanging(false);
              setJustDecided(true);
            }
          : undefined
      }
      onDecided={async () => {
        setJustDecided(true);
        await onDecided();
        setChanging(false);
      }}
    />
  );
}

/** What was decided, what follows from it, and the way to change it while nothing has started. */
function Decided({
  communityId,
  concern,
  decision: d,
  headingRef,
  onChange,
}: {
  communityId: string;
  concern: ConcernDetail;
  decision: Decision;
  headingRef: RefObject<HTMLHeadingElement | null>;
  onChange: () => void;
}) {
  const step = d.ladderLevel ? ` (${label.ladder(d.ladderLevel)})` : '';
  const canChange = concern.status === 'triaged';
  return (
    <section aria-labelledby="decided" className="section">
      <h2 id="decided" ref={headingRef} tabIndex={-1}>
        Decided: {label.decision(d.decision)}
        {step}
      </h2>
      <p>
        By {d.decidedByName ?? 'a former organizer'}, {formatDate(d.createdAt)}. Reason: {d.reason}
      </p>
      {d.decision === 'enforcement' ? (
        <p>
          <Link
            to={`/c/${communityId}/enforcements?concern=${concern.id}${d.ladderLevel ? `&step=${d.ladderLevel}` : ''}`}
          >
            Write the {d.ladderLevel ? label.ladder(d.ladderLevel).toLowerCase() : 'record'}
          </Link>{' '}
          — the member reads the reason you give there, never who raised the concern.
        </p>
      ) : null}
      {d.decision === 'record-only' ? (
        <p>This concern is kept as a record. Nothing else happens unless the decision changes.</p>
      ) : null}
      {canChange ? (
        <p>
          <button type="button" className="button" onClick={onChange}>
            Change the decision
          </button>{' '}
          <span className="muted">The change and its reason are kept beside this one.</span>
        </p>
      ) : (
        <p className="muted">
          Work on this decision has started, so it is changed from the call-in or the record now.
        </p>
      )}
    </section>
  );
}

function TriageForm({
  base,
  concern,
  latest,
  onCancel,
  onDecided,
}: {
  base: string;
  concern: ConcernDetail;
  latest: Decision | undefined;
  onCancel: (() => void) | undefined;
  onDecided: () => Promise<void>;
}) {
  const [state, dispatch] = useReducer(triageReducer, concern, startTriage);
  const recHeading = useRef<HTMLHeadingElement>(null);
  useLayoutEffect(() => {
    if (state.result) recHeading.current?.focus();
  }, [state.result]);
  // Changing a decision opens this form in place of the decision: focus follows.
  const heading = useRef<HTMLHeadingElement>(null);
  const changing = Boolean(latest);
  useLayoutEffect(() => {
    if (changing) heading.current?.focus();
  }, [changing]);
  return (
    <section aria-labelledby="triage" className="section">
      <h2 id="triage" ref={heading} tabIndex={-1}>
        {latest ? 'Change the decision' : 'Triage: call in, call out, or enforce?'}
      </h2>
      <p>
        Answer a few questions and the rubric suggests a next step, with its reasons. You decide;
        the reason you give is kept.
      </p>
      {onCancel ? (
        <p>
          <button type="button" className="button" onClick={onCancel}>
            Keep the decision as it is
          </button>
        </p>
      ) : null}
      <Rubric base={base} state={state} dispatch={dispatch} />
      {state.result ? (
        <div className="recommendation" aria-labelledby="rec-title">
          <RecommendationView result={state.result} headingRef={recHeading} />
          <h3>Your decision</h3>
          <DecisionForm
            base={base}
            state={state}
            dispatch={dispatch}
            replaces={latest?.id}
            onDecided={onDecided}
          />
        </div>
      ) : null}
    </section>
  );
}

interface PartProps {
  base: string;
  state: TriageState;
  dispatch: Dispatch<TriageAction>;
}

function Rubric({ base, state, dispatch }: PartProps) {
  const announce = useAnnounce();
  const form = useForm();
  const onPreview = form.submit(
    () =>
      collect({
        intent: state.intent
          ? undefined
          : 'Please choose what the intent looks like. "Not clear yet" is fine.',
        publicHarm: state.publicHarm ? undefined : 'Please choose how many people saw it.',
      }),
    async () => {
      const r = await post<Recommended>(`${base}/triage/recommendation`, answersOf(state));
      dispatch({ type: 'recommended', result: r });
      announce(`Recommendation: ${label.decision(r.recommendation.kind)}. The reasons are below.`);
    },
  );
  const change = (c: TriageChange) => dispatch({ type: 'change', change: c });
  return (
    <ApiForm
      form={form}
      onSubmit={onPreview}
      labels={triageLabels}
      submitLabel="See the recommendation"
    >
      <CheckboxGroup
        id="categories"
        legend="What kind of behaviour was it?"
        hint="Intimidation, harassment, threats, abuse, discrimination, doxxing and sexual harassment go to enforcement, not a call-in."
        options={categoryOptions}
        values={state.categories}
        onChange={(categories) => change({ categories })}
        error={form.errors.categories}
      />
      <RadioGroup
        id="immediateDanger"
        legend="Is anyone in immediate danger?"
        options={[
          { value: 'no', label: 'No' },
          { value: 'yes', label: 'Yes, this is urgent' },
        ]}
        value={state.danger}
        onChange={(danger) => change({ danger })}
      />
      <RadioGroup
        id="intent"
        legend="What does the intent look like?"
        hint="Impact matters more than intent, but intent shapes the response."
        options={intentOptions}
        value={state.intent}
        onChange={(intent) => change({ intent })}
        error={form.errors.intent}
      />
      <RadioGroup
        id="publicHarm"
        legend="How many people saw it?"
        options={publicHarmOptions}
        value={state.publicHarm}
        onChange={(publicHarm) => change({ publicHarm })}
        error={form.errors.publicHarm}
      />
    </ApiForm>
  );
}

function RecommendationView({
  result,
  headingRef,
}: {
  result: Recommended;
  headingRef: RefObject<HTMLHeadingElement | null>;
}) {
  const { recommendation: rec, history } = result;
  return (
    <>
      <h3 id="rec-title" ref={headingRef} tabIndex={-1}>
        Recommendation: {label.decision(rec.kind)}
        {rec.ladderLevel ? ` (${label.ladder(rec.ladderLevel)})` : ''}
      </h3>
      {rec.urgent ? <p className="urgent-text">Marked urgent.</p> : null}
      <p>Who should do it: {label.caller(rec.caller)}.</p>
      <h4>Why</h4>
      {rec.reasons.length > 0 ? (
        <ul>
          {rec.reasons.map((r, i) => (
            <li key={i}>{r}</li>
          ))}
        </ul>
      ) : (
        <p>Nothing in the answers points away from the gentlest step.</p>
      )}
      <p className="muted">
        History with this person here: {history.earlierConcerns} earlier concern
        {history.earlierConcerns === 1 ? '' : 's'}, {history.earlierCallIns} earlier call-in
        {history.earlierCallIns === 1 ? '' : 's'}
        {history.highestEnforcement
          ? `, highest step so far: ${label.ladder(history.highestEnforcement).toLowerCase()}`
          : ''}
        .
      </p>
    </>
  );
}

function DecisionForm({
  base,
  state,
  dispatch,
  replaces,
  onDecided,
}: PartProps & { replaces: string | undefined; onDecided: () => Promise<void> }) {
  const announce = useAnnounce();
  const form = useForm();
  const { decision, ladder, reason } = state;
  const onDecide = form.submit(
    () =>
      collect({
        decision: decision ? undefined : 'Please choose a decision.',
        ladderLevel:
          decision === 'enforcement' && !ladder ? 'Please choose a step on the ladder.' : undefined,
        reason: required(reason, 'Please write down why, so others understand the decision later.'),
      }),
    async () => {
      await post(`${base}/triage`, {
        answers: answersOf(state),
        decision,
        ladderLevel: decision === 'enforcement' ? ladder : null,
        reason,
        ...(replaces ? { replaces } : {}),
      });
      dispatch({ type: 'saved' });
      announce('Your decision is saved.');
      await onDecided();
    },
  );
  return (
    <ApiForm form={form} onSubmit={onDecide} labels={triageLabels} submitLabel="Save the decision">
      <RadioGroup
        id="decision"
        legend="What will you do?"
        hint="The recommendation is chosen for you; choose differently if you see it otherwise."
        options={decisionOptions}
        value={decision}
        onChange={(v) => dispatch({ type: 'change', change: { decision: v } })}
        error={form.errors.decision}
      />
      {decision === 'enforcement' ? (
        <SelectField
          id="ladderLevel"
          label="Step on the ladder"
          options={[{ value: '', label: 'Choose a step' }, ...ladderOptions]}
          value={ladder}
          onChange={(v) => dispatch({ type: 'change', change: { ladder: v } })}
          error={form.errors.ladderLevel}
        />
      ) : null}
      <TextArea
        id="reason"
        label="Reason"
        hint="Kept with the decision and visible to the other organizers. It is stored encrypted."
        rows={4}
        value={reason}
        onChange={(e) => dispatch({ type: 'change', change: { reason: e.target.value } })}
        error={form.errors.reason}
      />
    </ApiForm>
  );
}
