// Before any contact, the harmed person is asked (or, for a group or an unknown person, an
// organizer approves): the call-in waits here until they answer.
import { useState } from 'react';
import { post, type CallInDetail, type ConsentRequested } from '../../api.ts';
import { useAnnounce } from '../../components/announcer.tsx';
import { ApiForm } from '../../components/api-form.tsx';
import { TextField, useForm } from '../../components/form.tsx';
import { Notice } from '../../components/page.tsx';
import { Link } from '../../router.tsx';
import { Section } from './section.tsx';

export function Consent({
  base,
  communityId,
  detail,
  onDone,
}: {
  base: string;
  communityId: string;
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
    if (detail.secondOrganizerNeeded) {
      return (
        <Section id="consent" title="A second organizer is needed">
          <p>
            Nobody in particular was harmed, or we do not know who, so an organizer who is not
            calling in approves this before anyone contacts the member. There is no such organizer
            here yet, so nobody can approve it. Invite another organizer, someone independent if you
            can, and they can approve it from this page.
          </p>
          <p>
            <Link to={`/c/${communityId}/invitations?role=organizer`}>Invite an organizer</Link>
          </p>
        </Section>
      );
    }
    if (!detail.can.approveConsent) {
      return (
        <Section id="consent" title="Waiting for an organizer">
          <p>
            Nobody in particular was harmed, or we do not know who, so an organizer who is not
            calling in approves this before anyone contacts the member.
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
      const r = await post<ConsentRequested>(`${base}/consent-request`, body);
      const m = requestedWords(r);
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
          <p>
            You asked; their answer has not come yet. Only an organizer who is not calling in can
            send the question somewhere else, and the earlier address is then told it was withdrawn.
          </p>
        </Notice>
      ) : null}
      {detail.consent.proposed ? <Proposed base={base} detail={detail} onDone={onDone} /> : null}
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
          hint="Leave empty when the person who raised the concern was the one harmed: they are asked through their own private link. An address named by the person calling in is sent only once another organizer confirms it."
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

function requestedWords(r: ConsentRequested): string {
  if (r.awaitingOrganizer)
    return 'Thank you. An organizer who is not calling in will check the address and send the question. Nothing is sent before that.';
  if (r.viaFollowLink)
    return 'Asked. They answer through the private link they got when they raised the concern.';
  return r.notified
    ? 'Asked. They were sent a private link to answer.'
    : 'They have already been asked; their answer has not come yet.';
}

/** An address the caller proposed: shown to the caller and organizers, confirmed by another. */
function Proposed({
  base,
  detail,
  onDone,
}: {
  base: string;
  detail: CallInDetail;
  onDone: () => Promise<void>;
}) {
  const announce = useAnnounce();
  const form = useForm();
  const p = detail.consent.proposed;
  if (!p) return null;
  const where = p.email ? `${p.name ? `${p.name}, ` : ''}${p.email}` : (p.name ?? 'A member here');
  const confirm = form.submit(
    () => ({}),
    async () => {
      await post(`${base}/consent-request/confirmation`);
      announce('Confirmed. The question was sent to that address.');
      await onDone();
    },
  );
  return (
    <Notice>
      <p>
        Proposed address for the question: <strong>{where}</strong>.{' '}
        {detail.can.confirmConsentAddress
          ? 'Please check it is really the person who was harmed before you send it.'
          : 'It waits for an organizer who is not calling in to confirm it.'}
      </p>
      {detail.can.confirmConsentAddress ? (
        <ApiForm form={form} onSubmit={confirm} labels={{}} submitLabel="Confirm and send">
          <></>
        </ApiForm>
      ) : null}
    </Notice>
  );
}
