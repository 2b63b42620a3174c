// The conversation guide, and the thread of messages and notes as the caller and organizers see it.
import type { CallInDetail } from '../../api.ts';
import { ThreadMessage } from '../../components/thread-message.tsx';

export function Guide({ steps }: { steps: CallInDetail['guide'] }) {
  return (
    <section aria-labelledby="guide" className="section">
      <h2 id="guide">Conversation guide</h2>
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

export function Thread({ messages }: { messages: CallInDetail['messages'] }) {
  return (
    <section aria-labelledby="thread" className="section">
      <h2 id="thread">The conversation</h2>
      {messages.length === 0 ? (
        <p>Nothing has been sent yet.</p>
      ) : (
        <ol className="card-list">
          {messages.map((m) => (
            <ThreadMessage
              key={m.id}
              author={
                (m.author === 'member' ? 'The member' : 'Caller') +
                (m.kind === 'log' ? ' (a note about a conversation)' : '')
              }
              kind={m.kind}
              text={m.text}
              createdAt={m.createdAt}
            />
          ))}
        </ol>
      )}
    </section>
  );
}
