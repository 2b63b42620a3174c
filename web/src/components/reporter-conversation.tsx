// The reporter's side of the conversation with the organizers, wherever they open it: their
// private follow link (/follow/:token) or their account (/me/concerns/:concernId). Every question
// waiting for them, each with its own answer form; the conversation so far, in order; and a way
// to add information later. The organizers are never named here, and nothing the reporter writes
// is shown to the person it is about, a caller or an ally.
import { useState } from 'react';
import { post, type ReporterThread } from '../api.ts';
import { formatDate } from '../labels.ts';
import { useAnnounce } from './announcer.tsx';
import { ApiForm } from './api-form.tsx';
import { collect, required, TextArea, useForm } from './form.tsx';
import { Notice } from './page.tsx';

const kindWords = {
  question: 'A question from the organizers',
  answer: 'Your answer',
  addition: 'What you added',
} as const;

export function ReporterConversation({
  thread,
  path,
  reload,
}: {
  thread: ReporterThread;
  /** Where messages go: `${path}/messages`. */
  path: string;
  reload: () => Promise<void>;
}) {
  const [done, setDone] = useState<string | null>(null);
  const byId = new Map(thread.items.map((i) => [i.id, i]));
  const waiting = thread.waiting.map((id) => byId.get(id)).filter((q) => !!q);
  const sent = async (message: string) => {
    setDone(message);
    await reload();
  };
  return (
    <>
      {done ? (
        <Notice tone="done">
          <p>{done}</p>
        </Notice>
      ) : null}
      {waiting.length > 0 ? (
        <section aria-labelledby="questions-waiting" className="section">
          <h2 id="questions-waiting">
            {waiting.length === 1
              ? 'A question from the organizers'
              : `${waiting.length} questions from the organizers`}
          </h2>
          <p>
            Answer only if you want to, and only what you are comfortable sharing. The person this
            is about never sees your answers.
          </p>
          {waiting.map((q, i) => (
            <div key={q.id} className="card">
              <h3 className="card-title">
                Question {waiting.length > 1 ? `${i + 1} ` : ''}
                <span className="muted">· {formatDate(q.createdAt)}</span>
              </h3>
              <blockquote className="quote pre">{q.text}</blockquote>
              {thread.can.write ? (
                <Write
                  id={`answer-${q.id}`}
                  path={path}
                  questionId={q.id}
                  label="Your answer"
                  submitLabel="Send answer"
                  onSent={() => sent('Thank you. Your answer reached the organizers.')}
                />
              ) : null}
            </div>
          ))}
        </section>
      ) : null}
      {thread.items.length > 0 ? (
        <section aria-labelledby="conversation" className="section">
          <h2 id="conversation">Your conversation with the organizers</h2>
          <ol className="card-list">
            {thread.items.map((m) => (
              <li key={m.id} className="card">
                <h3 className="card-title">
                  {kindWords[m.kind]}
                  <span className="muted"> · {formatDate(m.createdAt)}</span>
                </h3>
                {m.kind === 'question' && !m.answered ? (
                  <p className="muted">Waiting for your answer.</p>
                ) : null}
                <p className="pre">{m.text}</p>
              </li>
            ))}
          </ol>
        </section>
      ) : null}
      {thread.can.write ? (
        <section aria-labelledby="add-information" className="section">
          <h2 id="add-information">Add information</h2>
          <p>
            Remembered something, or did it happen again? Add it here and the organizers will see it
            with your concern. It is kept as private as the rest.
          </p>
          <Write
            id="addition"
            path={path}
            questionId={null}
            label="What you would like to add"
            submitLabel="Add to my concern"
            onSent={() => sent('Thank you. What you added reached the organizers.')}
          />
        </section>
      ) : (
        <p className="muted">This concern is closed, so it takes no new messages.</p>
      )}
    </>
  );
}

function Write({
  id,
  path,
  questionId,
  label,
  submitLabel,
  onSent,
}: {
  id: string;
  path: string;
  questionId: string | null;
  label: string;
  submitLabel: string;
  onSent: () => Promise<void>;
}) {
  const announce = useAnnounce();
  const [text, setText] = useState('');
  const form = useForm({ text: id });
  const onSubmit = form.submit(
    () => collect({ [id]: required(text, 'Please write something first.') }),
    async () => {
      await post(`${path}/messages`, { text, ...(questionId ? { questionId } : {}) });
      setText('');
      announce('Sent to the organizers.');
      await onSent();
    },
  );
  return (
    <ApiForm form={form} onSubmit={onSubmit} labels={{ [id]: label }} submitLabel={submitLabel}>
      <TextArea
        id={id}
        label={label}
        rows={4}
        maxLength={5000}
        value={text}
        onChange={(e) => setText(e.target.value)}
        error={form.errors[id]}
      />
    </ApiForm>
  );
}
