// How many open call-ins you can hold, and a pause that offers you no new work.
import { useState } from 'react';
import { patch, type MyCare } from '../../api.ts';
import { useAnnounce } from '../../components/announcer.tsx';
import { ApiForm } from '../../components/api-form.tsx';
import { Checkbox } from '../../components/choice-fields.tsx';
import { TextField, collect, useForm } from '../../components/form.tsx';

export function Capacity({
  base,
  care,
  onDone,
  offeredWork,
}: {
  base: string;
  care: MyCare;
  onDone: () => Promise<void>;
  /** Allies and organizers are offered requests; plain members never are. */
  offeredWork: boolean;
}) {
  const announce = useAnnounce();
  const [capacity, setCapacity] = useState(String(care.capacity));
  const [paused, setPaused] = useState(care.paused);
  const form = useForm();
  const { errors, submit } = form;
  const onSubmit = submit(
    () =>
      collect({
        capacity:
          /^\d+$/.test(capacity.trim()) && Number(capacity) <= 50
            ? undefined
            : 'Please enter a whole number from 0 to 50.',
      }),
    async () => {
      await patch(`${base}/me`, { capacity: Number(capacity), paused });
      announce(paused ? 'Saved. You are paused: no new work is offered to you.' : 'Saved.');
      await onDone();
    },
  );
  return (
    <section aria-labelledby="capacity-heading" className="section">
      <h2 id="capacity-heading">Your capacity</h2>
      <p>
        You hold {care.load} open {care.load === 1 ? 'call-in' : 'call-ins'} now.{' '}
        {!offeredWork
          ? 'Requests are offered to allies and organizers, so none come to you as a member.'
          : care.paused
            ? 'You are paused, so nobody offers you new work. Take all the time you need.'
            : care.available
              ? 'You have room for more, so new requests may be offered to you.'
              : 'You are at your limit, so no new requests are offered to you.'}
      </p>
      <ApiForm
        form={form}
        onSubmit={onSubmit}
        labels={{ capacity: 'How many open call-ins you can hold' }}
        submitLabel="Save"
      >
        <TextField
          id="capacity"
          inputMode="numeric"
          className="input input-small"
          label="How many open call-ins you can hold"
          hint="Nobody offers you more than this. 0 is fine."
          value={capacity}
          onChange={(e) => setCapacity(e.target.value)}
          error={errors.capacity}
        />
        <Checkbox
          id="paused"
          label="Pause: offer me no new work for now"
          hint="What you already hold stays with you; you can hand it back by talking to an organizer."
          checked={paused}
          onChange={setPaused}
        />
      </ApiForm>
    </section>
  );
}
