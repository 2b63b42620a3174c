// What a concern says, as its organizers read it, and the decisions taken on it so far.
import type { ConcernDetail, Decision } from '../../api.ts';
import { formatDate, label } from '../../labels.ts';

export function ConcernFacts({ concern: c }: { concern: ConcernDetail }) {
  return (
    <section aria-labelledby="what-happened" className="section">
      <h2 id="what-happened">{c.urgent ? 'Urgent: ' : ''}What happened</h2>
      {c.subject ? <p className="lead">{c.subject}</p> : null}
      <p className="muted">
        Raised {formatDate(c.createdAt)} ·{' '}
        <span className={`badge badge-${c.status}`}>{c.stageLabel}</span>
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
  );
}

export function DecisionsSoFar({ decisions }: { decisions: Decision[] }) {
  if (decisions.length === 0) return null;
  return (
    <section aria-labelledby="decisions" className="section">
      <h2 id="decisions">Earlier decisions</h2>
      <p className="muted">Each was replaced by the one after it.</p>
      <ol className="card-list">
        {decisions.map((d) => (
          <li key={d.id} className="card">
            <p>
              <strong>{label.decision(d.decision)}</strong>
              {d.ladderLevel ? ` (${label.ladder(d.ladderLevel)})` : ''},{' '}
              {d.decidedByName ?? 'a former organizer'}, {formatDate(d.createdAt)}
            </p>
            <p>Reason: {d.reason}</p>
          </li>
        ))}
      </ol>
    </section>
  );
}
