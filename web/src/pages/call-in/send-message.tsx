// A message to the member, or (for a conversation by voice or in person) a private note of it.
import { useEffect, useState } from 'react';
import { post, type DraftAdvice, type MessageAdvice, type MessageSent } from '../../api.ts';
import { useAnnounce } from '../../components/announcer.tsx';
import { ApiForm } from '../../components/api-form.tsx';
import { TextArea, TextField, collect, required, useForm } from '../../components/form.tsx';
import { Notice } from '../../components/page.tsx';
import { AdviceList } from './draft.tsx';
import { Section } from './section.tsx';
import { CopyButton } from '../../components/copy-button.tsx';

/** How long the caller pauses typing before the coach reads the message again. */
const COACH_PAUSE_MS = 700;

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
  draft,
  onDone,
}: {
  base: string;
  spoken: boolean;
  /** The saved draft: the message starts from it (the draft becomes the message). */
  draft: string;
  /** The one-time handover link, for a member with no account or email. */
  handover: MessageSent['handover'];
  onDone: () => Promise<void>;
}) {
  const announce = useAnnounce();
  const [text, setText] = useState(spoken ? '' : draft);
  // Until the caller edits the message, a newly saved draft replaces it.
  const [edited, setEdited] = useState(false);
  const [startedFrom, setStartedFrom] = useState(draft);
  if (draft !== startedFrom) {
    setStartedFrom(draft);
    if (!spoken && !edited) setText(draft);
  }
  const [sent, setSent] = useState<{ words: string; advice: DraftAdvice[] } | null>(null);
  const advice = useMessageAdvice(base, spoken ? '' : text);
  const form = useForm({ text: 'message' });
  const { errors, submit } = form;
  const onSubmit = submit(
    () => collect({ message: required(text) }),
    async () => {
      const r = await post<MessageSent>(`${base}/messages`, { text });
      setText('');
      setEdited(true);
      const m = deliveryWords[r.delivery];
      setSent({ words: m, advice: r.advice });
      announce(m);
      await onDone();
    },
  );
  const title = spoken ? 'Log the conversation' : 'Send a message';
  return (
    <Section id="send-heading" title={title}>
      {sent ? (
        <Notice tone="done">
          <p>{sent.words}</p>
          {sent.advice.length > 0 ? (
            <>
              <p>The coach&rsquo;s notes on what you sent, for next time:</p>
              <AdviceList advice={sent.advice} />
            </>
          ) : null}
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
            <p>
              <CopyButton text={handover.url} label="Copy one-time link" />
            </p>
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
              : 'It starts from your saved draft; change it as you like. The coach reads what you write here. Describe the behaviour and its impact, and invite them to respond. Do not name who was harmed unless they agreed.'
          }
          value={text}
          onChange={(e) => {
            setEdited(true);
            setText(e.target.value);
          }}
          error={errors.message}
          rows={7}
        />
      </ApiForm>
      {!spoken && advice ? (
        <div className="notice" id="message-advice">
          <h3 className="h3">The coach on your message</h3>
          {advice.length === 0 ? (
            <p>Nothing that tends to make people defensive. It reads kindly.</p>
          ) : (
            <AdviceList advice={advice} />
          )}
        </div>
      ) : null}
    </Section>
  );
}

/**
 * What the coach says of the message as it stands, read again a moment after each edit (the
 * text that will be sent, not only the saved draft); null before there is anything to read.
 */
function useMessageAdvice(base: string, text: string): DraftAdvice[] | null {
  const [advice, setAdvice] = useState<DraftAdvice[] | null>(null);
  const empty = text.trim() === '';
  useEffect(() => {
    if (empty) return;
    let current = true;
    const timer = setTimeout(() => {
      post<MessageAdvice>(`${base}/message-advice`, { text }).then(
        (r) => {
          if (current) setAdvice(r.advice);
        },
        // The coach never stands between the caller and sending; without it, no notes.
        () => undefined,
      );
    }, COACH_PAUSE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [base, text, empty]);
  return empty ? null : advice;
}
