// A conversation seen by the member being called in, wherever they open it: the private link
// (/called-in/:token) or their account (/me/call-ins/:callInId). The status, the guide for being
// called in, the thread, a reply and the simple answers, and the reply coach (through the same
// link or account, with the community's language settings; nothing it reads is kept).
// Nothing here names who raised the concern or who was harmed: the API never sends it.
import { useState } from 'react';
import {
  ApiError,
  post,
  type CoachResult,
  type GuideStep,
  type MemberView,
  type MemberResponse,
} from '../api.ts';
import { memberResponseWords } from '../labels.ts';
import { useAnnounce } from './announcer.tsx';
import { ApiForm } from './api-form.tsx';
import { collect, TextArea, useForm } from './form.tsx';
import { Notice, Problem } from './page.tsx';
import { ThreadMessage } from './thread-message.tsx';

const quickAnswers = ['need-time', 'will-change', 'ask-organizer'] as const;

const afterAnswer: Record<MemberResponse, string> = {
  reply: 'Your reply is sent.',
  'need-time':
    'Thank you. They know you are taking time to reflect. Come back whenever you are ready.',
  'will-change': 'Thank you. They know you understand and will change. That takes courage.',
  'ask-organizer': 'Thank you. The organizers have been told and will be in touch.',
};

/** The page's lead: who reached out, and that this is a kind conversation. */
export function conversationLead(v: MemberView): string {
  return `${v.caller} from ${v.community} reached out to you privately about something said or done in the community. It is a kind conversation, not a punishment: people make mistakes, and there is room to learn.`;
}

export function MemberConversation({
  view: v,
  respondPath,
  onAnswered,
}: {
  view: MemberView;
  /** Where answers go: `${respondPath}/responses`. */
  respondPath: string;
  onAnswered: () => Promise<void>;
}) {
  const [done, setDone] = useState<string | null>(null);
  return (
    <>
      {done ? (
        <Notice tone="done">
          <p>{done}</p>
        </Notice>
      ) : null}
      <section aria-labelledby="status" className="status-panel">
        <h2 id="status">Where this stands</h2>
        <p>{v.statusText}</p>
        {v.yourState ? (
          <p className="muted">Your last answer: {memberResponseWords[v.yourState]}</p>
        ) : null}
      </section>
      <Guide steps={v.guide} />
      <section aria-labelledby="thread" className="section">
        <h2 id="thread">The conversation</h2>
        {v.messages.length === 0 ? (
          <p>There are no messages to show.</p>
        ) : (
          <ol className="card-list">
            {v.messages.map((m) => (
              <ThreadMessage
                key={m.id}
                author={m.from === 'you' ? 'You' : v.caller}
                kind={m.kind}
                text={m.text}
                createdAt={m.createdAt}
              />
            ))}
          </ol>
        )}
      </section>
      {v.canRespond ? (
        <Answer
          path={respondPath}
          onDone={async (m) => {
            setDone(m);
            await onAnswered();
          }}
        />
      ) : null}
      <p className="muted">
        Only you, {v.caller} and the organizers of {v.community} can read this conversation.
      </p>
    </>
  );
}

function Guide({ steps }: { steps: GuideStep[] }) {
  return (
    <section aria-labelledby="guide" className="section">
      <h2 id="guide">Being called in: a short guide</h2>
      <ol className="guide">
        {steps.map((s) => (
          <li key={s.title}>
            <strong>{s.title}.</strong> {s.text}
          </li>
        ))}
      </ol>
    </section>
  );
}

function Answer({ path, onDone }: { path: string; onDone: (m: string) => Promise<void> }) {
  const announce = useAnnounce();
  const [text, setText] = useState('');
  const [coach, setCoach] = useState<CoachResult | null>(null);
  const [coachProblem, setCoachProblem] = useState<string | null>(null);
  const form = useForm();
  const { errors, submit } = form;
  const send = (kind: MemberResponse) =>
    submit(
      () =>
        collect({
          text:
            kind === 'reply' && !text.trim()
              ? 'Write a reply, or choose one of the answers below.'
              : undefined,
        }),
      async () => {
        await post(`${path}/responses`, { kind, text });
        setText('');
        setCoach(null);
        const message = afterAnswer[kind] ?? 'Your answer is sent.';
        announce(message);
        await onDone(message);
      },
    );
  const check = async () => {
    setCoachProblem(null);
    try {
      setCoach(await post<CoachResult>(`${path}/coach`, { text }));
    } catch (e) {
      setCoachProblem(e instanceof ApiError ? e.message : 'The coach could not read this.');
    }
  };
  return (
    <section aria-labelledby="answer" className="section">
      <h2 id="answer">Your answer</h2>
      <ApiForm
        form={form}
        onSubmit={send('reply')}
        labels={{ text: 'Your reply' }}
        submitLabel="Send reply"
        after={
          <fieldset className="field">
            <legend>Or answer simply</legend>
            <p className="hint">Your reply above, if you wrote one, is sent with it.</p>
            <div className="inline-form">
              {quickAnswers.map((kind) => (
                <button
                  key={kind}
                  type="button"
                  className="button"
                  onClick={() => void send(kind)()}
                >
                  {memberResponseWords[kind]}
                </button>
              ))}
            </div>
          </fieldset>
        }
      >
        <TextArea
          id="text"
          label="Your reply"
          optional
          hint="Take your time. A specific apology works best: say what you did and what you will do differently. It can go with any answer below."
          value={text}
          onChange={(e) => setText(e.target.value)}
          error={errors.text}
        />
        <p>
          <button type="button" className="button" onClick={() => void check()}>
            Check my reply
          </button>
        </p>
        {coachProblem ? <Problem>{coachProblem}</Problem> : null}
        {coach ? <CoachAdvice coach={coach} /> : null}
      </ApiForm>
    </section>
  );
}

function CoachAdvice({ coach }: { coach: CoachResult }) {
  const nothing = coach.findings.length === 0 && coach.language.length === 0;
  return (
    <div className="notice" aria-live="polite">
      <h3 className="h3">What the coach noticed</h3>
      {nothing ? <p>Nothing that tends to land badly. It reads as sincere.</p> : null}
      {coach.findings.length > 0 ? (
        <ul>
          {coach.findings.map((f) => (
            <li key={`${f.id}-${f.start}`}>
              &ldquo;{f.text}&rdquo;: {f.why} {f.suggestion}
            </li>
          ))}
        </ul>
      ) : null}
      {coach.language.length > 0 ? (
        <ul>
          {coach.language.map((f, i) => (
            <li key={`${f.ruleId}-${i}`}>
              &ldquo;{f.text}&rdquo;: {f.message}
              {f.suggestions.length > 0 ? ` Try: ${f.suggestions.join(', ')}.` : ''}
            </li>
          ))}
        </ul>
      ) : null}
      {coach.strengths.length > 0 ? (
        <>
          <p>What works well:</p>
          <ul>
            {coach.strengths.map((s) => (
              <li key={s}>{s}</li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
