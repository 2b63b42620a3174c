// The concern's one-line subject, as the lists show it: the reporter's, or one an organizer sets
// or edits here (an empty line clears it).
import { useState } from 'react';
import { put, type ConcernDetail } from '../../api.ts';
import { useAnnounce } from '../../components/announcer.tsx';
import { ApiForm } from '../../components/api-form.tsx';
import { TextField, useForm } from '../../components/form.tsx';

export function ConcernSubject({
  base,
  concern: c,
  onDone,
}: {
  base: string;
  concern: ConcernDetail;
  onDone: () => Promise<void>;
}) {
  const announce = useAnnounce();
  const [subject, setSubject] = useState(c.subject ?? '');
  const form = useForm({ subject: 'concern-subject' });
  const onSubmit = form.submit(
    () => ({}),
    async () => {
      await put(`${base}/subject-line`, { subject: subject.trim() });
      announce(subject.trim() ? 'The subject is saved.' : 'The subject is cleared.');
      await onDone();
    },
  );
  return (
    <section aria-labelledby="subject-heading" className="section">
      <h2 id="subject-heading">Subject</h2>
      <ApiForm
        form={form}
        onSubmit={onSubmit}
        labels={{ 'concern-subject': 'In one line' }}
        submitLabel="Save the subject"
      >
        <TextField
          id="concern-subject"
          label="In one line"
          hint="What the inbox and the call-ins list show for this concern. Only people who may see the case read it."
          optional
          maxLength={120}
          value={subject}
          onChange={(e) => setSubject(e.target.value)}
          error={form.errors['concern-subject']}
        />
      </ApiForm>
    </section>
  );
}
