// /follow/:token — the reporter's private view of their concern: status in plain words, every
// question waiting for them (the consent question when they were the one harmed, and the
// organizers' questions), answered here through this same link; a way to add information; a
// copy button for the link; and an optional, identity-free "email me when something changes".
import { useState } from 'react';
import {
  del,
  get,
  put,
  type ConsentView,
  type FollowAlertState,
  type FollowView as Follow,
  type ReporterThread,
} from '../api.ts';
import { useAnnounce } from '../components/announcer.tsx';
import { ApiForm } from '../components/api-form.tsx';
import { CopyButton } from '../components/copy-button.tsx';
import { collect, required, TextField, useForm } from '../components/form.tsx';
import { Loading, Notice, Page, Problem } from '../components/page.tsx';
import { ReporterConversation } from '../components/reporter-conversation.tsx';
import { useAsync } from '../components/use-async.ts';
import { formatDate, label } from '../labels.ts';
import { ConsentQuestion } from './consent.tsx';

export function FollowPage({ token }: { token: string }) {
  const f = useAsync(() => get<Follow>(`/api/follow/${encodeURIComponent(token)}`), [token]);
  if (f.error) {
    return (
      <Page title="We could not find this concern">
        <Problem>
          <p>
            The link may be incomplete. Check that you copied all of it. If the case was closed a
            while ago, it may have been removed under the community&rsquo;s retention policy.
          </p>
        </Problem>
      </Page>
    );
  }
  if (!f.data) {
    return (
      <Page title="Your concern">
        <Loading what="Looking up your concern" />
      </Page>
    );
  }
  const c = f.data;
  return (
    <Page title="Your concern" lead={`Raised with ${c.community} on ${formatDate(c.createdAt)}.`}>
      {c.notice ? (
        <div className="notice" role="note">
          <p>{c.notice}</p>
        </div>
      ) : null}
      <section aria-labelledby="status" className="status-panel">
        <h2 id="status">Status: {c.stageLabel}</h2>
        <p>{c.statusText}</p>
        <p className="muted">Last change: {formatDate(c.updatedAt)}</p>
      </section>
      {c.consentQuestion ? <ConsentSection token={token} /> : null}
      <ThreadSection token={token} />
      <dl className="facts">
        <dt>What you asked for</dt>
        <dd>{label.wants(c.wants)}</dd>
        <dt>Your name</dt>
        <dd>
          {c.anonymous
            ? 'Not shared: you raised this anonymously.'
            : 'Shared with the organizers only.'}
        </dd>
      </dl>
      <h2>What you told us</h2>
      <blockquote className="quote">{c.what}</blockquote>
      <section aria-labelledby="this-link" className="section">
        <h2 id="this-link">This private link</h2>
        <p>
          This page is private to whoever has its link. Come back any time to see what has changed.
        </p>
        <p className="inline-form">
          <input
            id="this-follow-url"
            aria-label="Your private link"
            className="input mono"
            readOnly
            value={window.location.href}
          />
          <CopyButton text={window.location.href} label="Copy your private link" />
        </p>
      </section>
    </Page>
  );
}

/** The organizers' questions, the conversation so far, and adding information. */
function ThreadSection({ token }: { token: string }) {
  const path = `/api/follow/${encodeURIComponent(token)}`;
  const t = useAsync(() => get<ReporterThread>(`${path}/messages`), [path]);
  if (t.error)
    return (
      <Problem>
        <p>We could not open your conversation with the organizers just now. Please try again.</p>
      </Problem>
    );
  if (!t.data) return <Loading what="Opening your conversation with the organizers" />;
  return (
    <>
      <ReporterConversation thread={t.data} path={path} reload={t.reload} />
      <AlertSection path={path} on={t.data.alert} reload={t.reload} />
    </>
  );
}

/** "Email me when something changes": an address kept only for that, removable here. */
function AlertSection({
  path,
  on,
  reload,
}: {
  path: string;
  on: boolean;
  reload: () => Promise<void>;
}) {
  const announce = useAnnounce();
  const [email, setEmail] = useState('');
  const [removing, setRemoving] = useState(false);
  const form = useForm({ email: 'alert-email' });
  const onSubmit = form.submit(
    () => collect({ 'alert-email': required(email, 'Please write the address to tell.') }),
    async () => {
      await put<FollowAlertState>(`${path}/alert`, { email: email.trim() });
      setEmail('');
      announce('We will email that address when something changes.');
      await reload();
    },
  );
  const remove = async () => {
    setRemoving(true);
    try {
      await del<FollowAlertState>(`${path}/alert`);
      announce('The address is removed. No more emails will be sent.');
      await reload();
    } finally {
      setRemoving(false);
    }
  };
  return (
    <section aria-labelledby="alert" className="section">
      <h2 id="alert">Email me when something changes</h2>
      <p>
        If you like, leave an address and we will send a short email when something changes or the
        organizers ask you something. The email says only that: it has nothing about your concern
        and not even this link, so you open the link yourself. The address is kept encrypted, only
        for this. It is never shown to the organizers and never linked to your name. At most one
        email every few hours.
      </p>
      {on ? (
        <Notice tone="done">
          <p>An address is kept for these emails.</p>
          <p>
            <button
              type="button"
              className="button"
              disabled={removing}
              onClick={() => void remove()}
            >
              Stop these emails and remove the address
            </button>
          </p>
        </Notice>
      ) : (
        <ApiForm
          form={form}
          onSubmit={onSubmit}
          labels={{ 'alert-email': 'Email address' }}
          submitLabel="Email me when something changes"
        >
          <TextField
            id="alert-email"
            label="Email address"
            type="email"
            autoComplete="email"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            error={form.errors['alert-email']}
          />
        </ApiForm>
      )}
    </section>
  );
}

/** The consent question, when a caller asked it of the reporter who was harmed. */
function ConsentSection({ token }: { token: string }) {
  const path = `/api/public/consent/${encodeURIComponent(token)}`;
  const q = useAsync(() => get<ConsentView>(path), [path]);
  return (
    <section aria-labelledby="consent-question" className="section">
      <h2 id="consent-question">A question for you</h2>
      {q.error ? (
        <Problem>
          <p>We could not open the question just now. Please try again in a moment.</p>
        </Problem>
      ) : q.data ? (
        <ConsentQuestion path={path} view={q.data} reload={q.reload} nested />
      ) : (
        <Loading what="Opening the question" />
      )}
    </section>
  );
}
