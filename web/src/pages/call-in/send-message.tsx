// A message to the member, or (for a conversation by voice or in person) a private note of it.
import { useState } from 'react';
import { post } from '../../api.ts';
import { useAnnounce } from '../../components/announcer.tsx';
import { ApiForm } from '../../components/api-form.tsx';
import { TextArea, TextField, collect, required, useForm } from '../../components/form.tsx';
import { Notice } from '../../components/page.tsx';
import { Section } from './section.tsx';

export function SendMessage({
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
