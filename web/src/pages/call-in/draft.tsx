// The caller's private draft, and what the coach says may make someone defensive.
import { useState } from 'react';
import { put, type DraftAdvice } from '../../api.ts';
import { useAnnounce } from '../../components/announcer.tsx';
import { ApiForm } from '../../components/api-form.tsx';
import { TextArea, collect, required, useForm } from '../../components/form.tsx';
import { Section } from './section.tsx';

export function Draft({ base, initial }: { base: string; initial: string }) {
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
