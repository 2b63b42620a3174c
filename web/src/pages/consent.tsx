// /consent/:token — the harmed person's private link (no account needed): what is being asked,
// in plain words, and their answer: agree, agree with conditions, decline, and later withdraw.
// The same question shows on the reporter's follow page when they were the one harmed.
import { useState } from 'react';
import { ApiError, get, post, type ConsentView } from '../api.ts';
import { useAnnounce } from '../components/announcer.tsx';
import { ApiForm } from '../components/api-form.tsx';
import { Checkbox, RadioGroup } from '../components/choice-fields.tsx';
import { TextArea, collect, useForm } from '../components/form.tsx';
import { Loading, Notice, Page, Problem } from '../components/page.tsx';
import { useAsync } from '../components/use-async.ts';
import { label } from '../labels.ts';

const answerOptions = [
  {
    value: 'agree',
    label: 'Yes, go ahead',
    hint: 'They will not mention you, and will talk about the behaviour and its impact.',
  },
  {
    value: 'conditions',
    label: 'Yes, with conditions',
    hint: 'Choose what they may share, and leave them a note.',
  },
  {
    value: 'decline',
    label: 'No, please do not',
    hint: 'Nobody contacts them on your behalf. You do not need to give a reason.',
  },
];

export function ConsentLinkPage({ token }: { token: string }) {
  const path = `/api/public/consent/${encodeURIComponent(token)}`;
  const view = useAsync(() => get<ConsentView>(path), [path]);
  if (view.error) {
    return (
      <Page title="We could not find this request">
        <Problem>
          <p>
            The link may be incomplete: check that you copied all of it. If the conversation has
            already ended, there is nothing more for you to do. You can always contact the
            community&rsquo;s organizers directly.
          </p>
        </Problem>
      </Page>
    );
  }
  if (!view.data) {
    return (
      <Page title="Your say">
        <Loading what="Opening the request" />
      </Page>
    );
  }
  return (
    <Page title="Your say" lead={leadOf(view.data)}>
      <ConsentQuestion path={path} view={view.data} reload={view.reload} />
    </Page>
  );
}

function leadOf(v: ConsentView): string {
  const who = v.caller ?? 'A volunteer';
  return `${who} from ${v.community} has offered to talk privately and kindly with the person whose words or behaviour hurt you, so you do not have to. Nothing happens until you say so.`;
}

/**
 * The consent question for the harmed person's own link (rule 10: only they answer it): on the
 * consent link's page, and on the reporter's follow page when they were the one harmed (there it
 * is given `nested`, so its headings sit under the follow page's own section).
 */
export function ConsentQuestion({
  path,
  view: v,
  reload,
  nested = false,
}: {
  path: string;
  view: ConsentView;
  reload: () => Promise<void>;
  nested?: boolean;
}) {
  const [done, setDone] = useState<string | null>(null);
  const who = v.caller ?? 'A volunteer';
  const finished = v.stopped || v.consentStatus === 'declined' || v.consentStatus === 'withdrawn';
  const onDone = async (m: string) => {
    setDone(m);
    await reload();
  };
  return (
    <>
      {nested ? <p>{leadOf(v)}</p> : null}
      {done ? (
        <Notice tone="done">
          <p>{done}</p>
        </Notice>
      ) : null}
      <dl className="facts">
        <dt>Who offered</dt>
        <dd>{who}</dd>
        <dt>What it is about</dt>
        <dd>
          {v.categories.length > 0
            ? v.categories.map(label.category).join(', ')
            : 'What you described to the organizers'}
        </dd>
        <dt>Your answer so far</dt>
        <dd>{answerWords(v)}</dd>
      </dl>
      {v.closed && !finished ? (
        <Notice>
          <p>
            This conversation has ended and the organizers have closed it, so there is nothing more
            for you to answer. Thank you for your part in it.
          </p>
        </Notice>
      ) : finished ? (
        <Notice>
          <p>
            This conversation has stopped. Nobody will contact them on your behalf. Thank you for
            letting us know what you wanted — that was the right thing to do.
          </p>
        </Notice>
      ) : (
        <>
          <AnswerForm path={path} view={v} nested={nested} onDone={onDone} />
          {v.consentStatus === 'given' ? (
            <Withdraw path={path} nested={nested} onDone={onDone} />
          ) : null}
        </>
      )}
      <p className="muted">
        This page is private to whoever has its link. The person being called in is never told who
        was harmed unless you allow it.
      </p>
    </>
  );
}

function answerWords(v: ConsentView): string {
  if (v.consentStatus !== 'given') {
    const words: Partial<Record<ConsentView['consentStatus'], string>> = {
      pending: 'Not answered yet',
      declined: 'You said no',
      withdrawn: 'You withdrew your agreement',
    };
    return words[v.consentStatus] ?? 'Not answered yet';
  }
  const c = v.conditions;
  const parts = [
    c.mayMentionMe ? 'they may mention you' : 'they will not mention you',
    c.mayShareQuotes ? 'they may share the exact words' : 'they will not quote the exact words',
  ];
  return `You agreed: ${parts.join('; ')}.${c.note ? ` Your note: “${c.note}”` : ''}`;
}

function AnswerForm({
  path,
  view,
  nested,
  onDone,
}: {
  path: string;
  view: ConsentView;
  nested: boolean;
  onDone: (message: string) => Promise<void>;
}) {
  const Heading = nested ? 'h3' : 'h2';
  const announce = useAnnounce();
  const given = view.consentStatus === 'given';
  const [answer, setAnswer] = useState('');
  const [mayMentionMe, setMention] = useState(view.conditions.mayMentionMe);
  const [mayShareQuotes, setQuotes] = useState(view.conditions.mayShareQuotes);
  const [note, setNote] = useState(view.conditions.note);
  const form = useForm({ decision: 'answer' });
  const { errors, submit } = form;
  const onSubmit = submit(
    () => collect({ answer: answer ? undefined : 'Please choose one of the answers.' }),
    async () => {
      const body =
        answer === 'decline'
          ? { decision: 'decline' }
          : answer === 'conditions'
            ? { decision: 'agree', conditions: { mayMentionMe, mayShareQuotes, note } }
            : { decision: 'agree', conditions: { mayMentionMe: false, mayShareQuotes: false } };
      await post(path, body);
      const message =
        answer === 'decline'
          ? 'Thank you. Nobody will contact them on your behalf.'
          : 'Thank you. Your answer is saved, and the caller will follow your conditions.';
      announce(message);
      await onDone(message);
    },
  );
  return (
    <section aria-labelledby="answer-heading" className="section">
      <Heading id="answer-heading">{given ? 'Change your answer' : 'Your answer'}</Heading>
      <ApiForm
        form={form}
        onSubmit={onSubmit}
        labels={{ answer: 'Your answer', note: 'A note for the caller' }}
        submitLabel="Send my answer"
      >
        <RadioGroup
          id="answer"
          legend="May they talk with the person for you?"
          hint="You can change your mind at any time, even after saying yes."
          options={answerOptions}
          value={answer}
          onChange={setAnswer}
          error={errors.answer}
        />
        {answer === 'conditions' ? (
          <fieldset className="field choices">
            <legend>Your conditions</legend>
            <Checkbox
              id="mayMentionMe"
              label="You may mention me"
              hint="Without this, they never say who was hurt or who raised it."
              checked={mayMentionMe}
              onChange={setMention}
            />
            <Checkbox
              id="mayShareQuotes"
              label="You may share the exact words that were said"
              checked={mayShareQuotes}
              onChange={setQuotes}
            />
            <TextArea
              id="note"
              label="A note for the caller"
              optional
              hint="Anything they should know or keep in mind. Only the caller and organizers read it."
              value={note}
              onChange={(e) => setNote(e.target.value)}
              error={errors.note}
              rows={3}
            />
          </fieldset>
        ) : null}
      </ApiForm>
    </section>
  );
}

function Withdraw({
  path,
  nested,
  onDone,
}: {
  path: string;
  nested: boolean;
  onDone: (m: string) => Promise<void>;
}) {
  const Heading = nested ? 'h3' : 'h2';
  const announce = useAnnounce();
  const [confirming, setConfirming] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const withdraw = async () => {
    setProblem(null);
    try {
      await post(`${path}/withdraw`);
      const message =
        'You withdrew your agreement. Everything has stopped, and nothing more will be sent on your behalf.';
      announce(message);
      await onDone(message);
    } catch (e) {
      setProblem(e instanceof ApiError ? e.message : 'That did not work. Nothing was changed.');
    }
  };
  return (
    <section aria-labelledby="withdraw-heading" className="section">
      <Heading id="withdraw-heading">Changed your mind?</Heading>
      <p>
        You can withdraw your agreement at any time. It stops everything at once: no more messages
        go to them on your behalf, and the conversation ends. You do not need to give a reason.
      </p>
      {problem ? <Problem>{problem}</Problem> : null}
      {confirming ? (
        <div className="notice">
          <p>Stop the conversation now? This cannot be undone.</p>
          <p className="inline-form">
            <button type="button" className="button button-primary" onClick={() => void withdraw()}>
              Yes, stop everything now
            </button>{' '}
            <button type="button" className="button" onClick={() => setConfirming(false)}>
              Keep it going
            </button>
          </p>
        </div>
      ) : (
        <button type="button" className="button" onClick={() => setConfirming(true)}>
          Withdraw my agreement
        </button>
      )}
    </section>
  );
}
