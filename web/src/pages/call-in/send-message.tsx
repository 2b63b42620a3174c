// A message to the member, or (for a conversation by voice or in person) a private note of it.
import { useState } from 'react';
import { post, type MessageSent } from '../../api.ts';
import { useAnnounce } from '../../components/announcer.tsx';
import { ApiForm } from '../../components/api-form.tsx';
import { TextArea, TextField, collect, required, useForm } from '../../components/form.tsx';
import { Notice } from '../../components/page.tsx';
import { Section } from './section.tsx';

const deliveryWords: Record<MessageSent['delivery'], string> = {
  app: 'Your message is in your private conversation with them. They will see it when they sign in, and an email is on its way telling them a message is waiting.',
  email:
    'Your message is saved, and an email with a private link to read it is on its way to them.',
  handover:
    'Your message is saved in the conversation. They read it once you share the one-time link with them.',
  logged: 'Your note is saved.',
};

export function SendMessage({
  base,
  spoken,
  handover,
  onDone,
}: {
  base: string;
  spoken: boolean;
  /** The one-time handover link, for a member with no account or email. */
  handover: MessageSent['handover'];
  onDone: () => Promise<void>;
}) {
  const announce = useAnnounce();
  const [text, setText] = useState('');
  const [sent, setSent] = useState<string | null>(null);
  const form = useForm({ text: 'message' });
  const { errors, submit } = form;
  const onSubmit = submit(
    () => collect({ message: required(text) }),
    async () => {
      const r = await post<MessageSent>(`${base}/messages`, { text });
      setText('');
      const m = deliveryWords[r.delivery];
      setSent(m);
      announce(m);
      await onDone();
    },
  );
  const title = spoken ? 'Log the conversation' : 'Send a message';
  return (
    <Section id="send-heading" title={title}>
      {sent ? (
        <Notice tone="done">
          <p>{sent}</p>
        </Notice>
      ) : null}
      {handover ? (
        handover.url ? (
          <Notice>
            <TextField
              id="member-url"
              label="A one-time link for them"
              hint="They have no account or email here, so share this one-time link with them privately. The first browser that opens it keeps it; after that it works only there, so please do not open it yourself."
              value={handover.url}
              readOnly
            />
          </Notice>
        ) : (
          <Notice>
            <p>
              They opened the one-time link, so it now works only in their browser. New messages
              wait for them there.
            </p>
          </Notice>
        )
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
