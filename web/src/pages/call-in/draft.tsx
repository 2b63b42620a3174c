// The caller's private draft, and what the coach says may make someone defensive.
import { useState } from 'react';
import { put, type DraftAdvice } from '../../api.ts';
import { useAnnounce } from '../../components/announcer.tsx';
import { ApiForm } from '../../components/api-form.tsx';
import { TextArea, collect, required, useForm } from '../../components/form.tsx';
import { Section } from './section.tsx';

export function Draft({
  base,
  initial,
  onSaved,
}: {
  base: string;
  initial: string;
  /** The saved text, which becomes the message to start from. */
  onSaved: (text: string) => void;
}) {
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
      onSaved(text);
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
          hint="Only you and the organizers see it. Saving it asks the coach what may make someone defensive, and puts it in your message, ready to edit and send."
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
            <AdviceList advice={advice} />
          )}
        </div>
      ) : null}
    </Section>
  );
}

/** The coach's points, each quoting the words it is about once. */
export function AdviceList({ advice }: { advice: DraftAdvice[] }) {
  return (
    <ul>
      {advice.map((a, i) => (
        <li key={`${a.kind}-${i}`}>
          {a.excerpt ? <>&ldquo;{a.excerpt}&rdquo;: </> : null}
          {a.message}
        </li>
      ))}
    </ul>
  );
}
