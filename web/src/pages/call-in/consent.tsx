// Before any contact, the harmed person is asked (or, for a group or an unknown person, an
// organizer approves): the call-in waits here until they answer.
import { useState } from 'react';
import { post, type CallInDetail } from '../../api.ts';
import { useAnnounce } from '../../components/announcer.tsx';
import { ApiForm } from '../../components/api-form.tsx';
import { TextField, useForm } from '../../components/form.tsx';
import { Notice } from '../../components/page.tsx';
import { Section } from './section.tsx';

export function Consent({
  base,
  detail,
  onDone,
}: {
  base: string;
  detail: CallInDetail;
  onDone: () => Promise<void>;
}) {
  const announce = useAnnounce();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [result, setResult] = useState<string | null>(null);
  const form = useForm();
  const { errors, submit } = form;
  if (detail.consent.mode === 'organizer') {
    if (!detail.can.approveConsent) {
      return (
        <Section id="consent" title="Waiting for an organizer">
          <p>
            Nobody in particular was harmed, or we do not know who, so an organizer approves this
            before anyone contacts the member.
          </p>
        </Section>
      );
    }
    const approve = submit(
      () => ({}),
      async () => {
        await post(`${base}/consent/approval`, { approve: true });
        announce('Approved. The caller can start the conversation.');
        await onDone();
      },
    );
    return (
      <Section id="consent" title="Approve on behalf of those harmed">
        <ApiForm form={form} onSubmit={approve} labels={{}} submitLabel="Approve the call-in">
          <p>
            Nobody in particular was harmed, or we do not know who. Your approval stands in for
            theirs before anyone contacts the member.
          </p>
        </ApiForm>
      </Section>
    );
  }
  const ask = submit(
    () => ({}),
    async () => {
      const body: Record<string, string> = {};
      if (email.trim()) body.email = email.trim();
      if (name.trim()) body.name = name.trim();
      const r = await post<{ notified: boolean; viaFollowLink: boolean }>(
        `${base}/consent-request`,
        body,
      );
      const m = r.viaFollowLink
        ? 'Asked. They answer through the private link they got when they raised the concern.'
        : 'Asked. They were sent a private link to answer.';
      setResult(m);
      announce(m);
      await onDone();
    },
  );
  return (
    <Section id="consent" title="Ask the harmed person first">
      <p>
        Before any contact with the member, the person who was harmed decides: yes, yes with
        conditions, or no. If they say no or change their mind, everything stops.
      </p>
      {detail.consent.status === 'pending' ? (
        <Notice>
          <p>You asked; their answer has not come yet. You can ask again to send a reminder.</p>
        </Notice>
      ) : null}
      {result ? (
        <Notice tone="done">
          <p>{result}</p>
        </Notice>
      ) : null}
      <ApiForm
        form={form}
        onSubmit={ask}
        labels={{ email: 'Their email', name: 'Their name' }}
        submitLabel={detail.consent.status === 'pending' ? 'Ask again' : 'Ask them'}
      >
        <TextField
          id="email"
          type="email"
          label="Their email"
          optional
          hint="Leave empty when the person who raised the concern was the one harmed: they are asked through their own private link."
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={errors.email}
          autoComplete="off"
        />
        <TextField
          id="name"
          label="Their name"
          optional
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={errors.name}
          autoComplete="off"
        />
      </ApiForm>
    </Section>
  );
}
