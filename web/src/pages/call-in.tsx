// /c/:communityId/call-ins/:callInId — the caller's and organizers' page: status and consent,
// the conversation guide, the draft with the coach's advice, the channel, messages and logs,
// the thread, the outcome, close or reopen, and (organizers) finding someone to hold it
// (components/call-in-match.tsx) and escalation to enforcement.
import { useState, type ReactNode } from 'react';
import { ApiError, post, put, get, type CallInDetail, type DraftAdvice } from '../api.ts';
import { useAnnounce } from '../components/announcer.tsx';
import { ApiForm } from '../components/api-form.tsx';
import { MatchCaller } from '../components/call-in-match.tsx';
import { CommunityPage } from '../components/community-page.tsx';
import { ThreadMessage } from '../components/thread-message.tsx';
import {
  RadioGroup,
  SelectField,
  TextArea,
  TextField,
  collect,
  required,
  useForm,
} from '../components/form.tsx';
import { Loading, Notice, Problem } from '../components/page.tsx';
import { useAsync } from '../components/use-async.ts';
import {
  callInLabel,
  channelOptions,
  formatDate,
  label,
  ladderOptions,
  memberResponseWords,
  outcomeOptions,
} from '../labels.ts';
import { Link } from '../router.tsx';

export function CallInPage({ communityId, callInId }: { communityId: string; callInId: string }) {
  return (
    <CommunityPage communityId={communityId} title="Call-in">
      {() => <CallIn communityId={communityId} callInId={callInId} />}
    </CommunityPage>
  );
}

function CallIn({ communityId, callInId }: { communityId: string; callInId: string }) {
  const base = `/api/communities/${communityId}/call-ins/${callInId}`;
  const detail = useAsync(() => get<CallInDetail>(base), [base]);
  if (detail.error) {
    return (
      <Problem>
        <p>
          We could not open this call-in. Only its caller and the organizers can see it, and it may
          have been removed under the retention policy.
        </p>
      </Problem>
    );
  }
  if (!detail.data) return <Loading what="Opening the call-in" />;
  const d = detail.data;
  const reload = () => detail.reload();
  const isCaller = d.viewer === 'caller';
  const isOrganizer = d.viewer === 'organizer';
  const live = ['ready', 'in-conversation', 'outcome-recorded'].includes(d.status);
  const spoken = d.channel === 'voice' || d.channel === 'in-person';
  return (
    <>
      <section aria-labelledby="where" className="status-panel">
        <h2 id="where">Status: {callInLabel.status(d.status)}</h2>
        <dl className="facts">
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
              ? `${callInLabel.outcome(d.outcome.outcome)}${d.outcome.note ? ` — ${d.outcome.note}` : ''}`
              : 'Not recorded yet'}
          </dd>
        </dl>
        <p className="muted">
          <Link to={`/c/${communityId}/concerns/${d.concernId}`}>The concern</Link>
          {' · '}Last change {formatDate(d.updatedAt)}
        </p>
      </section>

      <section aria-labelledby="what" className="section">
        <h2 id="what">{d.concern.urgent ? 'Urgent: ' : ''}What happened</h2>
        <blockquote className="quote">{d.concern.what}</blockquote>
        <dl className="facts">
          {d.concern.quotes.length > 0 ? (
            <>
              <dt>Exact words</dt>
              <dd>{d.concern.quotes.map((q) => `“${q}”`).join(' · ')}</dd>
            </>
          ) : null}
          {d.concern.impact ? (
            <>
              <dt>Impact</dt>
              <dd>{d.concern.impact}</dd>
            </>
          ) : null}
          {d.concern.categories.length > 0 ? (
            <>
              <dt>Kinds of behaviour</dt>
              <dd>{d.concern.categories.map(label.category).join(', ')}</dd>
            </>
          ) : null}
        </dl>
      </section>

      {isOrganizer && d.status === 'awaiting-caller' ? (
        <MatchCaller
          communityId={communityId}
          callInId={callInId}
          language={d.language}
          offers={d.offers}
          onChanged={reload}
        />
      ) : null}
      {d.status === 'awaiting-consent' ? (
        <Consent base={base} detail={d} isOrganizer={isOrganizer} onDone={reload} />
      ) : null}
      {d.status === 'stopped' ? (
        <Notice>
          <p>
            The harmed person said no or changed their mind, so this call-in has stopped. Nothing
            more will be sent. Thank you for asking first.
          </p>
        </Notice>
      ) : null}

      <section aria-labelledby="guide" className="section">
        <h2 id="guide">Conversation guide</h2>
        <ol className="guide">
          {d.guide.map((s) => (
            <li key={s.title}>
              <strong>{s.title}.</strong> {s.text}
            </li>
          ))}
        </ol>
      </section>

      {isCaller && d.status !== 'stopped' && d.status !== 'closed' ? (
        <>
          <Draft base={base} initial={d.draft ?? ''} />
          <Channel base={base} current={d.channel} onDone={reload} />
        </>
      ) : null}
      {isCaller && live && d.channel ? (
        <SendMessage base={base} spoken={spoken} onDone={reload} />
      ) : null}

      <section aria-labelledby="thread" className="section">
        <h2 id="thread">The conversation</h2>
        {d.messages.length === 0 ? (
          <p>Nothing has been sent yet.</p>
        ) : (
          <ol className="card-list">
            {d.messages.map((m) => (
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

      {d.status === 'in-conversation' || d.status === 'outcome-recorded' ? (
        <Outcome base={base} onDone={reload} />
      ) : null}
      <CloseReopen base={base} status={d.status} onDone={reload} />
      {isOrganizer && (d.status === 'in-conversation' || d.status === 'outcome-recorded') ? (
        <Escalate base={base} onDone={reload} />
      ) : null}
    </>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="section">
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

function Consent({
  base,
  detail,
  isOrganizer,
  onDone,
}: {
  base: string;
  detail: CallInDetail;
  isOrganizer: boolean;
  onDone: () => Promise<void>;
}) {
  const announce = useAnnounce();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [result, setResult] = useState<string | null>(null);
  const form = useForm();
  const { errors, submit } = form;
  if (detail.consent.mode === 'organizer') {
    if (!isOrganizer) {
      return (
        <Section id="consent" title="Waiting for an organizer">
          <p>
            Nobody in particular was harmed, or we do not know who, so an organizer approves this
            before anyone contacts the member.
          </p>
        </Section>
      );
    }
    const approve = submit(
      () => ({}),
      async () => {
        await post(`${base}/consent/approval`, { approve: true });
        announce('Approved. The caller can start the conversation.');
        await onDone();
      },
    );
    return (
      <Section id="consent" title="Approve on behalf of those harmed">
        <ApiForm form={form} onSubmit={approve} labels={{}} submitLabel="Approve the call-in">
          <p>
            Nobody in particular was harmed, or we do not know who. Your approval stands in for
            theirs before anyone contacts the member.
          </p>
        </ApiForm>
      </Section>
    );
  }
  const ask = submit(
    () => ({}),
    async () => {
      const body: Record<string, string> = {};
      if (email.trim()) body.email = email.trim();
      if (name.trim()) body.name = name.trim();
      const r = await post<{ notified: boolean; viaFollowLink: boolean }>(
        `${base}/consent-request`,
        body,
      );
      const m = r.viaFollowLink
        ? 'Asked. They answer through the private link they got when they raised the concern.'
        : 'Asked. They were sent a private link to answer.';
      setResult(m);
      announce(m);
      await onDone();
    },
  );
  return (
    <Section id="consent" title="Ask the harmed person first">
      <p>
        Before any contact with the member, the person who was harmed decides: yes, yes with
        conditions, or no. If they say no or change their mind, everything stops.
      </p>
      {detail.consent.status === 'pending' ? (
        <Notice>
          <p>You asked; their answer has not come yet. You can ask again to send a reminder.</p>
        </Notice>
      ) : null}
      {result ? (
        <Notice tone="done">
          <p>{result}</p>
        </Notice>
      ) : null}
      <ApiForm
        form={form}
        onSubmit={ask}
        labels={{ email: 'Their email', name: 'Their name' }}
        submitLabel={detail.consent.status === 'pending' ? 'Ask again' : 'Ask them'}
      >
        <TextField
          id="email"
          type="email"
          label="Their email"
          optional
          hint="Leave empty when the person who raised the concern was the one harmed: they are asked through their own private link."
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={errors.email}
          autoComplete="off"
        />
        <TextField
          id="name"
          label="Their name"
          optional
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={errors.name}
          autoComplete="off"
        />
      </ApiForm>
    </Section>
  );
}

function Draft({ base, initial }: { base: string; initial: string }) {
  const announce = useAnnounce();
  const [text, setText] = useState(initial);
  const [advice, setAdvice] = useState<DraftAdvice[] | null>(null);
  const form = useForm();
  const { errors, submit } = form;
  const onSubmit = submit(
    () => collect({ draft: required(text) }),
    async () => {
      const r = await put<{ advice: DraftAdvice[] }>(`${base}/draft`, { text });
      setAdvice(r.advice);
      announce(
        r.advice.length === 0
          ? 'Draft saved. The coach has no notes.'
          : `Draft saved. The coach has ${r.advice.length} notes.`,
      );
    },
  );
  return (
    <Section id="draft-heading" title="Your draft">
      <ApiForm
        form={form}
        onSubmit={onSubmit}
        labels={{ draft: 'Your draft' }}
        errors={collect({ draft: errors.draft ?? errors.text })}
        submitLabel="Save and get advice"
      >
        <TextArea
          id="draft"
          label="Your draft"
          hint="Only you and the organizers see it. Saving it asks the coach what may make someone defensive."
          value={text}
          onChange={(e) => setText(e.target.value)}
          error={errors.draft ?? errors.text}
          rows={7}
        />
      </ApiForm>
      {advice ? (
        <div className="notice" id="draft-advice">
          <h3 className="h3">The coach&rsquo;s advice</h3>
          {advice.length === 0 ? (
            <p>Nothing that tends to make people defensive. It reads kindly.</p>
          ) : (
            <ul>
              {advice.map((a, i) => (
                <li key={`${a.kind}-${i}`}>
                  {a.excerpt ? <>&ldquo;{a.excerpt}&rdquo;: </> : null}
                  {a.message}
                </li>
              ))}
            </ul>
          )}
        </div>
      ) : null}
    </Section>
  );
}

function Channel({
  base,
  current,
  onDone,
}: {
  base: string;
  current: string | null;
  onDone: () => Promise<void>;
}) {
  const announce = useAnnounce();
  const [channel, setChannel] = useState(current ?? '');
  const [memberEmail, setEmail] = useState('');
  const [memberName, setName] = useState('');
  const form = useForm();
  const { errors, submit } = form;
  const onSubmit = submit(
    () => collect({ channel: channel ? undefined : 'Please choose how you will talk.' }),
    async () => {
      const body: Record<string, string> = { channel };
      if (channel === 'email' && memberEmail.trim()) body.memberEmail = memberEmail.trim();
      if (channel === 'email' && memberName.trim()) body.memberName = memberName.trim();
      await put(`${base}/channel`, body);
      announce('Saved how you will talk.');
      await onDone();
    },
  );
  return (
    <Section id="channel-heading" title="How you will talk">
      <ApiForm
        form={form}
        onSubmit={onSubmit}
        labels={{ channel: 'How you will talk', memberEmail: 'Their email' }}
        submitLabel="Save"
      >
        <RadioGroup
          id="channel"
          legend="How you will talk"
          options={channelOptions}
          value={channel}
          onChange={setChannel}
          error={errors.channel}
        />
        {channel === 'email' ? (
          <>
            <TextField
              id="memberEmail"
              type="email"
              label="Their email"
              optional
              hint="Needed when they have no account here."
              value={memberEmail}
              onChange={(e) => setEmail(e.target.value)}
              error={errors.memberEmail}
              autoComplete="off"
            />
            <TextField
              id="memberName"
              label="Their name"
              optional
              value={memberName}
              onChange={(e) => setName(e.target.value)}
              autoComplete="off"
            />
          </>
        ) : null}
      </ApiForm>
    </Section>
  );
}

function SendMessage({
  base,
  spoken,
  onDone,
}: {
  base: string;
  spoken: boolean;
  onDone: () => Promise<void>;
}) {
  const announce = useAnnounce();
  const [text, setText] = useState('');
  const [link, setLink] = useState<string | null>(null);
  const form = useForm({ text: 'message' });
  const { errors, submit } = form;
  const onSubmit = submit(
    () => collect({ message: required(text) }),
    async () => {
      const r = await post<{ memberUrl: string | null }>(`${base}/messages`, { text });
      setText('');
      if (r.memberUrl) setLink(r.memberUrl);
      announce(spoken ? 'Your note is saved.' : 'Your message is sent.');
      await onDone();
    },
  );
  const title = spoken ? 'Log the conversation' : 'Send a message';
  return (
    <Section id="send-heading" title={title}>
      {link ? (
        <Notice tone="done">
          <TextField
            id="member-url"
            label="Their private link"
            hint="It was sent to them where we can reach them. You can also share it in a private message."
            value={link}
            readOnly
          />
        </Notice>
      ) : null}
      <ApiForm
        form={form}
        onSubmit={onSubmit}
        labels={{ message: spoken ? 'What you talked about' : 'Your message' }}
        submitLabel={spoken ? 'Save the note' : 'Send'}
      >
        <TextArea
          id="message"
          label={spoken ? 'What you talked about' : 'Your message'}
          hint={
            spoken
              ? 'A short private note: how it went and what you agreed.'
              : 'Describe the behaviour and its impact, and invite them to respond. Do not name who was harmed unless they agreed.'
          }
          value={text}
          onChange={(e) => setText(e.target.value)}
          error={errors.message}
        />
      </ApiForm>
    </Section>
  );
}

function Outcome({ base, onDone }: { base: string; onDone: () => Promise<void> }) {
  const announce = useAnnounce();
  const [outcome, setOutcome] = useState('');
  const [note, setNote] = useState('');
  const form = useForm({ note: 'outcome-note' });
  const { errors, submit } = form;
  const onSubmit = submit(
    () => collect({ outcome: outcome ? undefined : 'Please choose how it went.' }),
    async () => {
      const r = await post<{ followUpAt: string | null }>(`${base}/outcome`, { outcome, note });
      announce(
        r.followUpAt
          ? `Outcome saved. We will remind you to follow up on ${formatDate(r.followUpAt)}.`
          : 'Outcome saved.',
      );
      await onDone();
    },
  );
  return (
    <Section id="outcome-heading" title="Record the outcome">
      <ApiForm
        form={form}
        onSubmit={onSubmit}
        labels={{ outcome: 'How it went', 'outcome-note': 'A note' }}
        submitLabel="Save the outcome"
      >
        <RadioGroup
          id="outcome"
          legend="How it went"
          hint="A reminder to follow up is set for you."
          options={outcomeOptions}
          value={outcome}
          onChange={setOutcome}
          error={errors.outcome}
        />
        <TextArea
          id="outcome-note"
          label="A note"
          optional
          value={note}
          onChange={(e) => setNote(e.target.value)}
          error={errors['outcome-note']}
          rows={3}
        />
      </ApiForm>
    </Section>
  );
}

function CloseReopen({
  base,
  status,
  onDone,
}: {
  base: string;
  status: string;
  onDone: () => Promise<void>;
}) {
  const announce = useAnnounce();
  const [problem, setProblem] = useState<string | null>(null);
  const canClose = ['in-conversation', 'outcome-recorded', 'escalated', 'stopped'].includes(status);
  const canReopen = status === 'closed' || status === 'outcome-recorded';
  if (!canClose && !canReopen) return null;
  const act = async (what: 'close' | 'reopen') => {
    setProblem(null);
    try {
      await post(`${base}/${what}`);
      announce(what === 'close' ? 'The call-in is closed.' : 'The conversation is open again.');
      await onDone();
    } catch (e) {
      setProblem(e instanceof ApiError ? e.message : 'That did not work. Nothing was changed.');
    }
  };
  return (
    <Section id="close-heading" title="Close or reopen">
      {problem ? <Problem>{problem}</Problem> : null}
      <p className="inline-form">
        {canClose ? (
          <button type="button" className="button" onClick={() => void act('close')}>
            Close the call-in
          </button>
        ) : null}{' '}
        {canReopen ? (
          <button type="button" className="button" onClick={() => void act('reopen')}>
            Reopen the conversation
          </button>
        ) : null}
      </p>
    </Section>
  );
}

function Escalate({ base, onDone }: { base: string; onDone: () => Promise<void> }) {
  const announce = useAnnounce();
  const [level, setLevel] = useState('warning');
  const [reason, setReason] = useState('');
  const [expiresAt, setExpires] = useState('');
  const form = useForm();
  const { errors, submit } = form;
  const onSubmit = submit(
    () =>
      collect({
        reason: required(reason),
        expiresAt:
          level === 'temporary-ban' && !expiresAt
            ? 'A temporary ban needs an end date.'
            : undefined,
      }),
    async () => {
      const body: Record<string, string> = { level, reason };
      if (expiresAt) body.expiresAt = new Date(`${expiresAt}T00:00:00`).toISOString();
      await post(`${base}/escalate`, body);
      announce('Taken to enforcement. The member is told privately.');
      await onDone();
    },
  );
  return (
    <Section id="escalate-heading" title="Take it further">
      <p>
        When calling in is not enough, an organizer can write an enforcement record. It links this
        call-in and the concern, never who raised it; the member is told privately and may appeal.
      </p>
      <ApiForm
        form={form}
        onSubmit={onSubmit}
        labels={{ reason: 'The reason', expiresAt: 'Ends on', level: 'Step' }}
        submitLabel="Write the enforcement record"
      >
        <SelectField
          id="level"
          label="Step"
          options={ladderOptions}
          value={level}
          onChange={setLevel}
          error={errors.level}
        />
        <TextArea
          id="reason"
          label="The reason"
          hint="The member reads this. Name the behaviour and the guideline, not the person."
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          error={errors.reason}
          rows={4}
        />
        <TextField
          id="expiresAt"
          type="date"
          label="Ends on"
          optional={level !== 'temporary-ban'}
          value={expiresAt}
          onChange={(e) => setExpires(e.target.value)}
          error={errors.expiresAt}
        />
      </ApiForm>
    </Section>
  );
}
