// The conversation with the reporter on the concern page (organizers who may handle the case):
// the thread in order with who wrote what ("Reporter", or the organizer's name), and a question
// to ask them. The reporter answers through their private link, or "My concerns" when signed in;
// an anonymous reporter stays anonymous. The person it is about, callers and allies never see it.
import { useState } from 'react';
import { get, post, type ConcernThread } from '../../api.ts';
import { useAnnounce } from '../../components/announcer.tsx';
import { ApiForm } from '../../components/api-form.tsx';
import { collect, required, TextArea, useForm } from '../../components/form.tsx';
import { Loading, Notice, Problem } from '../../components/page.tsx';
import { useAsync } from '../../components/use-async.ts';
import { formatDate } from '../../labels.ts';

const kindWords = { question: 'asked', answer: 'answered', addition: 'added' } as const;

export function ReporterQuestions({ base, anonymous }: { base: string; anonymous: boolean }) {
  const thread = useAsync(() => get<ConcernThread>(`${base}/messages`), [base]);
  const announce = useAnnounce();
  const [text, setText] = useState('');
  const [asked, setAsked] = useState(false);
  const form = useForm({ text: 'reporter-question' });
  const onSubmit = form.submit(
    () => collect({ 'reporter-question': required(text, 'Please write the question first.') }),
    async () => {
      await post(`${base}/questions`, { text });
      setText('');
      setAsked(true);
      announce('Your question is waiting for the reporter.');
      await thread.reload();
    },
  );
  return (
    <section aria-labelledby="reporter-thread" className="section">
      <h2 id="reporter-thread">Conversation with the reporter</h2>
      <p className="muted">
        Only the organizers who may handle this concern see it. The person it is about, callers and
        allies never do.
      </p>
      {thread.error ? <Problem>{thread.error.message}</Problem> : null}
      {!thread.data && !thread.error ? <Loading what="Loading the conversation" /> : null}
      {thread.data && thread.data.items.length === 0 ? (
        <p>Nobody has asked the reporter anything yet, and they have added nothing.</p>
      ) : null}
      {thread.data && thread.data.items.length > 0 ? (
        <ol className="card-list">
          {thread.data.items.map((m) => (
            <li key={m.id} className="card">
              <h3 className="card-title">
                {m.author === 'reporter' ? 'Reporter' : (m.authorName ?? 'An organizer')}{' '}
                {kindWords[m.kind]}
                <span className="muted"> · {formatDate(m.createdAt)}</span>
              </h3>
              {m.kind === 'question' && !m.answered ? (
                <p className="muted">Not answered yet.</p>
              ) : null}
              <p className="pre">{m.text}</p>
            </li>
          ))}
        </ol>
      ) : null}
      {asked ? (
        <Notice tone="done">
          <p>
            {anonymous
              ? 'Your question is waiting on the reporter’s private link. They stayed anonymous, so they see it when they next open it (or by email, if they asked for one).'
              : 'Your question is waiting for the reporter. They are told in the app and by email, without the question itself.'}
          </p>
        </Notice>
      ) : null}
      {thread.data?.can.ask ? (
        <ApiForm
          form={form}
          onSubmit={onSubmit}
          labels={{ 'reporter-question': 'A question for the reporter' }}
          submitLabel="Ask the reporter"
        >
          <TextArea
            id="reporter-question"
            label="A question for the reporter"
            hint="Keep it short and kind. They may answer, or not; both are fine."
            rows={3}
            maxLength={2000}
            value={text}
            onChange={(e) => setText(e.target.value)}
            error={form.errors['reporter-question']}
          />
        </ApiForm>
      ) : null}
    </section>
  );
}
