// How the caller will talk with the member, and what that will really do: in the app for a member
// with an account, by email (their account's address, or one an organizer confirmed), a one-time
// link the caller shares, or a note of a conversation held elsewhere. An organizer who is not the
// caller confirms or enters the email address of a member without an account (rule 10).
import { useState } from 'react';
import { put, type CallInDetail, type ChannelChosen } from '../../api.ts';
import { useAnnounce } from '../../components/announcer.tsx';
import { ApiForm } from '../../components/api-form.tsx';
import { RadioGroup } from '../../components/choice-fields.tsx';
import { TextField, collect, useForm } from '../../components/form.tsx';
import { Notice } from '../../components/page.tsx';
import { channelOptionsFor } from '../../labels.ts';
import { Section } from './section.tsx';

/** What will happen to the next message, said plainly. */
export function deliveryPlan(d: Pick<CallInDetail, 'delivery' | 'memberAddress'>): string | null {
  switch (d.delivery) {
    case 'app':
      return 'They will see your messages when they sign in, and get an email saying one is waiting.';
    case 'email':
      return `They will get an email at ${d.memberAddress?.email ?? 'the confirmed address'} with a private link to read your message.`;
    case 'handover':
      return 'Nothing is sent by us: you share a one-time link with them privately.';
    case 'logged':
      return 'Nothing is sent: you write a short note of the conversation here.';
    case null:
      return d.memberAddress && !d.memberAddress.confirmed
        ? `Nothing is sent yet: the address you gave (${d.memberAddress.email ?? ''}) waits for an organizer who is not calling in to confirm it.`
        : null;
  }
}

export function Channel({
  base,
  detail,
  onDone,
}: {
  base: string;
  detail: CallInDetail;
  onDone: () => Promise<void>;
}) {
  const announce = useAnnounce();
  const [channel, setChannel] = useState(detail.channel ?? '');
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
      const r = await put<ChannelChosen>(`${base}/channel`, body);
      announce(
        r.awaitingOrganizer
          ? 'Saved. The address waits for an organizer who is not calling in to confirm it.'
          : 'Saved how you will talk.',
      );
      await onDone();
    },
  );
  const plan = deliveryPlan(detail);
  const askAddress = channel === 'email' && !detail.memberHasAccount;
  return (
    <Section id="channel-heading" title="How you will talk">
      {plan ? (
        <Notice>
          <p>{plan}</p>
        </Notice>
      ) : null}
      <ApiForm
        form={form}
        onSubmit={onSubmit}
        labels={{ channel: 'How you will talk', memberEmail: 'Their email' }}
        submitLabel="Save"
      >
        <RadioGroup
          id="channel"
          legend="How you will talk"
          options={channelOptionsFor(detail.memberHasAccount)}
          value={channel}
          onChange={setChannel}
          error={errors.channel}
        />
        {askAddress ? (
          <>
            <TextField
              id="memberEmail"
              type="email"
              label="Their email"
              optional={detail.memberAddress !== null}
              hint="An organizer who is not calling in checks it before anything is sent there."
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

/** An organizer who is not the caller confirms the member's email address, or enters another. */
export function ConfirmMemberAddress({
  base,
  address,
  onDone,
}: {
  base: string;
  address: NonNullable<CallInDetail['memberAddress']>;
  onDone: () => Promise<void>;
}) {
  const announce = useAnnounce();
  const [email, setEmail] = useState('');
  const form = useForm();
  const { errors, submit } = form;
  const onSubmit = submit(
    () => ({}),
    async () => {
      await put(`${base}/member-address`, email.trim() ? { email: email.trim() } : {});
      announce('The address is confirmed. Messages will go there.');
      setEmail('');
      await onDone();
    },
  );
  return (
    <Section id="member-address-heading" title="Their email address">
      <p>
        {address.confirmed
          ? `Messages go by email to ${address.email ?? ''}.`
          : `The caller suggested ${address.email ?? ''}. Nothing is sent there until you confirm it. Please check it really is theirs.`}
      </p>
      <ApiForm
        form={form}
        onSubmit={onSubmit}
        labels={{ email: 'A different address' }}
        submitLabel={email.trim() ? 'Use this address' : 'Confirm this address'}
      >
        <TextField
          id="email"
          type="email"
          label="A different address"
          optional
          hint="Leave empty to confirm the one above."
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={errors.email}
          autoComplete="off"
        />
      </ApiForm>
    </Section>
  );
}
