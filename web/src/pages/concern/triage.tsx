// The triage section of a concern: a few questions, the rubric's recommendation with its
// reasons, and the organizer's decision with a kept reason. One reducer holds it all
// (triage-state.ts); each part below draws one piece of it.
import { useReducer, type Dispatch } from 'react';
import { post, type ConcernDetail } from '../../api.ts';
import { useAnnounce } from '../../components/announcer.tsx';
import { ApiForm } from '../../components/api-form.tsx';
import { CheckboxGroup, RadioGroup, SelectField } from '../../components/choice-fields.tsx';
import { collect, required, TextArea, useForm } from '../../components/form.tsx';
import {
  categoryOptions,
  decisionOptions,
  intentOptions,
  label,
  ladderOptions,
  publicHarmOptions,
} from '../../labels.ts';
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
  base,
  concern,
  onDecided,
}: {
  base: string;
  concern: ConcernDetail;
  onDecided: () => Promise<void>;
}) {
  const [state, dispatch] = useReducer(triageReducer, concern, startTriage);
  return (
    <section aria-labelledby="triage" className="section">
      <h2 id="triage">Triage: call in, call out, or enforce?</h2>
      <p>
        Answer a few questions and the rubric suggests a next step, with its reasons. You decide;
        the reason you give is kept.
      </p>
      <Rubric base={base} state={state} dispatch={dispatch} />
      {state.result ? (
        <div className="recommendation" aria-labelledby="rec-title">
          <RecommendationView result={state.result} />
          <h3>Your decision</h3>
          <DecisionForm base={base} state={state} dispatch={dispatch} onDecided={onDecided} />
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

function RecommendationView({ result }: { result: Recommended }) {
  const { recommendation: rec, history } = result;
  return (
    <>
      <h3 id="rec-title">
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
  onDecided,
}: PartProps & { onDecided: () => Promise<void> }) {
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
      });
      dispatch({ type: 'saved' });
      announce('Your decision is saved.');
      await onDecided();
    },
  );
  return (
    <ApiForm
      form={form}
      onSubmit={onDecide}
      labels={triageLabels}
      submitLabel="Save the decision"
      after={
        state.saved ? (
          <p className="done-text" role="status">
            Decision saved. It is listed under &ldquo;Decisions so far&rdquo;.
          </p>
        ) : null
      }
    >
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
