// When calling in is not enough: an organizer takes it to enforcement from here.
import { useState } from 'react';
import { post } from '../../api.ts';
import { useAnnounce } from '../../components/announcer.tsx';
import { ApiForm } from '../../components/api-form.tsx';
import { SelectField } from '../../components/choice-fields.tsx';
import { TextArea, TextField, collect, required, useForm } from '../../components/form.tsx';
import { ladderOptions } from '../../labels.ts';
import { Section } from './section.tsx';

export function Escalate({ base, onDone }: { base: string; onDone: () => Promise<void> }) {
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
