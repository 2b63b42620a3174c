// One message of a call-in's thread, as the caller's page and the member's page both show it:
// who wrote it and when, the simple answer it carries (if any), and its text.
import type { MessageKind } from '../api.ts';
import { formatDate, memberResponseWords } from '../labels.ts';

export function ThreadMessage({
  author,
  kind,
  text,
  createdAt,
}: {
  author: string;
  kind: MessageKind;
  text: string;
  createdAt: string;
}) {
  const answer =
    kind !== 'reply' && kind !== 'message' && kind !== 'log'
      ? memberResponseWords[kind]
      : undefined;
  return (
    <li className="card">
      <h3 className="card-title">
        {author}
        <span className="muted"> · {formatDate(createdAt)}</span>
      </h3>
      {answer ? (
        <p>
          <strong>{answer}</strong>
        </p>
      ) : null}
      {text ? <p className="pre">{text}</p> : null}
    </li>
  );
}
