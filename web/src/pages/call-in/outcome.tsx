// How the conversation went; a reminder to follow up is set.
import { useState } from 'react';
import { post } from '../../api.ts';
import { useAnnounce } from '../../components/announcer.tsx';
import { ApiForm } from '../../components/api-form.tsx';
import { CheckboxGroup } from '../../components/choice-fields.tsx';
import { TextArea, collect, useForm } from '../../components/form.tsx';
import { formatDate, outcomeOptions } from '../../labels.ts';
import { Section } from './section.tsx';

export function Outcome({ base, onDone }: { base: string; onDone: () => Promise<void> }) {
  const announce = useAnnounce();
  const [outcomes, setOutcomes] = useState<string[]>([]);
  const [note, setNote] = useState('');
  const form = useForm({ note: 'outcome-note', outcomes: 'outcome' });
  const { errors, submit } = form;
  const onSubmit = submit(
    () =>
      collect({
        outcome: outcomes.length > 0 ? undefined : 'Please choose how it went.',
      }),
    async () => {
      const r = await post<{ followUpAt: string | null }>(`${base}/outcome`, { outcomes, note });
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
        <CheckboxGroup
          id="outcome"
          legend="How it went"
          hint="Choose every one that is true. A reminder to follow up is set for you."
          options={outcomeOptions}
          values={outcomes}
          onChange={setOutcomes}
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
