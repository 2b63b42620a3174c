// Where a call-in stands (its status, the harmed person's answer and conditions, the channel, the
// member's answer, the outcome) and what the concern behind it says.
import type { CallInDetail } from '../../api.ts';
import { callInLabel, formatDate, label, memberResponseWords } from '../../labels.ts';
import { Link } from '../../router.tsx';

export function CallInStatus({
  communityId,
  detail: d,
}: {
  communityId: string;
  detail: CallInDetail;
}) {
  return (
    <section aria-labelledby="where" className="status-panel">
      <h2 id="where">Status: {d.stageLabel}</h2>
      <dl className="facts">
        {d.subject ? (
          <>
            <dt>What it is about</dt>
            <dd>{d.subject}</dd>
          </>
        ) : null}
        <dt>With</dt>
        <dd>{d.memberName ?? 'Not named yet'}</dd>
        <dt>Held by</dt>
        <dd>{d.callerName ?? 'Nobody yet'}</dd>
        <dt>Harmed person&rsquo;s answer</dt>
        <dd>
          {d.consent.mode === 'organizer'
            ? `${callInLabel.consent(d.consent.status)} (an organizer decides for a group or unknown person)`
            : callInLabel.consent(d.consent.status)}
        </dd>
        {d.consent.status === 'given' ? (
          <>
            <dt>Their conditions</dt>
            <dd>
              {d.consent.conditions.mayMentionMe
                ? 'You may mention them.'
                : 'Do not mention who was harmed or who raised it.'}{' '}
              {d.consent.conditions.mayShareQuotes
                ? 'You may share the exact words.'
                : 'Do not quote the exact words.'}
              {d.consent.conditions.note ? ` Their note: “${d.consent.conditions.note}”` : ''}
            </dd>
          </>
        ) : null}
        <dt>How you talk</dt>
        <dd>{callInLabel.channel(d.channel)}</dd>
        <dt>Their answer</dt>
        <dd>{d.memberState ? memberResponseWords[d.memberState] : 'None yet'}</dd>
        <dt>Outcome</dt>
        <dd>
          {d.outcome
            ? `${callInLabel.outcomes(d.outcome.outcomes)}${d.outcome.note ? ` — ${d.outcome.note}` : ''}`
            : 'Not recorded yet'}
        </dd>
      </dl>
      <p className="muted">
        <Link to={`/c/${communityId}/concerns/${d.concernId}`}>The concern</Link>
        {' · '}Last change {formatDate(d.updatedAt)}
      </p>
    </section>
  );
}

export function WhatHappened({ concern }: { concern: CallInDetail['concern'] }) {
  return (
    <section aria-labelledby="what" className="section">
      <h2 id="what">{concern.urgent ? 'Urgent: ' : ''}What happened</h2>
      <blockquote className="quote">{concern.what}</blockquote>
      <dl className="facts">
        {concern.quotes.length > 0 ? (
          <>
            <dt>Exact words</dt>
            <dd>{concern.quotes.map((q) => `“${q}”`).join(' · ')}</dd>
          </>
        ) : null}
        {concern.impact ? (
          <>
            <dt>Impact</dt>
            <dd>{concern.impact}</dd>
          </>
        ) : null}
        {concern.categories.length > 0 ? (
          <>
            <dt>Kinds of behaviour</dt>
            <dd>{concern.categories.map(label.category).join(', ')}</dd>
          </>
        ) : null}
      </dl>
    </section>
  );
}
