// On /c/:communityId/enforcements, an organizer writes a record directly: the concern it answers
// (the record is about the person that concern is about), the step on the ladder, the reason the
// member reads, and an end date. Field errors from the API show next to their fields.
import { useEffect, useRef, useState } from 'react';
import { get, post, type ConcernDetail, type InboxItem } from '../api.ts';
import { formatDate, label } from '../labels.ts';
import { useAnnounce } from './announcer.tsx';
import { ApiForm } from './api-form.tsx';
import { RadioGroup, SelectField } from './choice-fields.tsx';
import { TextArea, TextField, collect, required, useForm, type Option } from './form.tsx';
import { Loading, Notice, Problem } from './page.tsx';
import { useAsync } from './use-async.ts';
import { useLocation } from '../router.tsx';

const steps: Option[] = [
  {
    value: 'correction',
    label: 'Correction',
    hint: 'Private and written, with clarity about what happened. A call-in is its kindest form.',
  },
  { value: 'warning', label: 'Warning', hint: 'What happens if the behaviour continues.' },
  { value: 'temporary-ban', label: 'Temporary ban', hint: 'For a set time; it needs an end date.' },
  { value: 'permanent-ban', label: 'Permanent ban', hint: 'No end date.' },
];

const labels = {
  concernIds: 'The concern it answers',
  level: 'Step',
  reason: 'The reason',
  expiresAt: 'Ends on',
};

function concernOption(c: InboxItem): Option {
  const kinds = c.categories.length > 0 ? ` · ${c.categories.map(label.category).join(', ')}` : '';
  return {
    value: c.id,
    label: `${c.urgent ? 'Urgent: ' : ''}Raised ${formatDate(c.createdAt)} · ${c.stageLabel}${kinds}`,
  };
}

export function NewEnforcement({
  communityId,
  onDone,
}: {
  communityId: string;
  onDone: () => Promise<void>;
}) {
  const base = `/api/communities/${communityId}`;
  const concerns = useAsync(
    () => get<{ items: InboxItem[] }>(`${base}/concerns?limit=100`),
    [base],
  );
  // Coming from a decision for enforcement, the form is where the organizer is taken.
  const { search } = useLocation();
  const fromDecision = search.has('concern');
  const heading = useRef<HTMLHeadingElement>(null);
  const ready = Boolean(concerns.data);
  useEffect(() => {
    if (fromDecision && ready) heading.current?.focus();
  }, [fromDecision, ready]);
  return (
    <section aria-labelledby="new-record" className="section">
      <h2 id="new-record" ref={heading} tabIndex={-1}>
        Write a record
      </h2>
      <p>
        Usually a record follows a decision on a concern, or a call-in taken further. You can also
        write one here. It names the behaviour and the step, never who raised the concern; the
        member is told privately and may appeal.
      </p>
      {concerns.error ? <Problem>{concerns.error.message}</Problem> : null}
      {!concerns.data && !concerns.error ? <Loading what="Loading concerns" /> : null}
      {concerns.data && concerns.data.items.length === 0 ? (
        <p role="status">
          Every record answers a concern, and there are none yet. When one is raised, you can write
          a record for it here.
        </p>
      ) : null}
      {concerns.data && concerns.data.items.length > 0 ? (
        <RecordForm base={base} concerns={concerns.data.items} onDone={onDone} />
      ) : null}
    </section>
  );
}

function RecordForm({
  base,
  concerns,
  onDone,
}: {
  base: string;
  concerns: InboxItem[];
  onDone: () => Promise<void>;
}) {
  const announce = useAnnounce();
  const form = useForm();
  // A triage decision for enforcement links here with its concern and step chosen.
  const { search } = useLocation();
  const [concernId, setConcernId] = useState(() => {
    const wanted = search.get('concern') ?? '';
    return concerns.some((c) => c.id === wanted) ? wanted : '';
  });
  const [level, setLevel] = useState(() => {
    const wanted = search.get('step') ?? '';
    return steps.some((o) => o.value === wanted) ? wanted : '';
  });
  const [reason, setReason] = useState('');
  const [expiresAt, setExpires] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const onSubmit = form.submit(
    () =>
      collect({
        concernIds: concernId ? undefined : 'Please choose the concern this record answers.',
        level: level ? undefined : 'Please choose a step.',
        reason: required(reason),
        expiresAt:
          level === 'temporary-ban' && !expiresAt
            ? 'A temporary ban needs an end date.'
            : undefined,
      }),
    async () => {
      const body: Record<string, unknown> = { concernIds: [concernId], level, reason };
      if (expiresAt && level !== 'permanent-ban')
        body.expiresAt = new Date(`${expiresAt}T00:00:00`).toISOString();
      await post(`${base}/enforcements`, body);
      const m = `The ${label.ladder(level).toLowerCase()} is written. If the member has an account here, they are told privately and may appeal.`;
      setDone(m);
      announce(m);
      setConcernId('');
      setLevel('');
      setReason('');
      setExpires('');
      await onDone();
    },
  );
  return (
    <>
      {done ? (
        <Notice tone="done">
          <p>{done}</p>
        </Notice>
      ) : null}
      <ApiForm form={form} onSubmit={onSubmit} labels={labels} submitLabel="Write the record">
        <SelectField
          id="concernIds"
          label={labels.concernIds}
          hint="The record is about the person this concern is about."
          options={[{ value: '', label: 'Choose a concern' }, ...concerns.map(concernOption)]}
          value={concernId}
          onChange={setConcernId}
          error={form.errors.concernIds}
        />
        {concernId ? <Subject key={concernId} base={base} concernId={concernId} /> : null}
        <RadioGroup
          id="level"
          legend={labels.level}
          options={steps}
          value={level}
          onChange={setLevel}
          error={form.errors.level}
        />
        <TextArea
          id="reason"
          label={labels.reason}
          hint="The member reads this. Name the behaviour and the guideline, not the person."
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          error={form.errors.reason}
          rows={4}
        />
        {level !== 'permanent-ban' ? (
          <TextField
            id="expiresAt"
            type="date"
            label={labels.expiresAt}
            optional={level !== 'temporary-ban'}
            hint="After this day the record shows as ended."
            value={expiresAt}
            onChange={(e) => setExpires(e.target.value)}
            error={form.errors.expiresAt}
          />
        ) : null}
      </ApiForm>
    </>
  );
}

/** Who the chosen concern is about, as the concern names them. */
function Subject({ base, concernId }: { base: string; concernId: string }) {
  const detail = useAsync(
    () => get<ConcernDetail>(`${base}/concerns/${concernId}`),
    [base, concernId],
  );
  if (detail.error) return <Problem>{detail.error.message}</Problem>;
  if (!detail.data) return <Loading what="Looking up who it is about" />;
  const about = detail.data.about;
  return (
    <p className="notice" id="record-subject">
      This record will be about <strong>{about.name ?? 'someone not named in the concern'}</strong>.
      {about.userId
        ? ' They are a member here: they will see it when they sign in, and get an email saying a record was written, where they can also appeal.'
        : ' The concern names them in free text, not linked to an account here, so Calling In cannot tell them. If they are a member, link them on the concern page first; otherwise let them know another way.'}
    </p>
  );
}
