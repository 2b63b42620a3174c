// How the caller will talk with the member: by email through us, or a note of a conversation
// held elsewhere.
import { useState } from 'react';
import { put } from '../../api.ts';
import { useAnnounce } from '../../components/announcer.tsx';
import { ApiForm } from '../../components/api-form.tsx';
import { RadioGroup } from '../../components/choice-fields.tsx';
import { TextField, collect, useForm } from '../../components/form.tsx';
import { channelOptions } from '../../labels.ts';
import { Section } from './section.tsx';

export function Channel({
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
