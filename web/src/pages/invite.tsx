// /invite/:token — see what an invitation is for, and join (signed in, or with a new account,
// which waits for its address to be confirmed from an emailed link: /invite/confirm/:token).
import { useState } from 'react';
import {
  get,
  post,
  setCsrfToken,
  type InvitationAccepted,
  type InvitationPending,
  type InvitationPreview as Preview,
  type Role,
} from '../api.ts';
import { useAnnounce } from '../components/announcer.tsx';
import { ApiForm } from '../components/api-form.tsx';
import {
  AccountFields,
  accountLabels,
  validateAccount,
  type AccountValues,
} from '../components/account-fields.tsx';
import { useForm } from '../components/form.tsx';
import { Loading, Notice, Page, Problem } from '../components/page.tsx';
import { useAsync } from '../components/use-async.ts';
import { label } from '../labels.ts';
import { Link, navigate } from '../router.tsx';
import { useSession } from '../session.tsx';

const roleMeaning: Record<Role, string> = {
  organizer:
    'As an organizer you will read the concerns people raise, decide kindly what to do, and look after the people doing the work.',
  ally: 'As an ally you can volunteer to hold private, kind conversations when someone asks for help.',
  member: 'As a member you can raise a concern privately and follow what happens with it.',
};

export function InvitePage({ token }: { token: string }) {
  const { me, refresh } = useSession();
  const announce = useAnnounce();
  const preview = useAsync(
    () => get<Preview>(`/api/invitations/${encodeURIComponent(token)}`),
    [token],
  );
  const [values, setValues] = useState<AccountValues>({ displayName: '', email: '', password: '' });
  const form = useForm();
  const [pending, setPending] = useState<string | null>(null);
  const signedIn = Boolean(me);
  const onSubmit = form.submit(
    () => (signedIn ? {} : validateAccount(values)),
    async () => {
      const r = await post<InvitationAccepted | InvitationPending>(
        `/api/invitations/${encodeURIComponent(token)}/accept`,
        signedIn ? {} : values,
      );
      if ('status' in r) {
        // The address gets a link; the account is made once it is opened.
        setPending(values.email);
        announce('Check your email to finish joining.');
        return;
      }
      if (r.csrfToken) setCsrfToken(r.csrfToken);
      await refresh();
      announce('You have joined the community.');
      navigate(`/c/${r.communityId}`);
    },
  );

  if (preview.error) {
    return (
      <Page title="Invitation not found">
        <Problem>
          <p>
            We could not find that invitation. It may have expired or been used already — ask the
            organizer for a new link.
          </p>
        </Problem>
        <p>
          Already have an account? <Link to="/sign-in">Sign in</Link>.
        </p>
      </Page>
    );
  }
  if (!preview.data) {
    return (
      <Page title="Invitation">
        <Loading what="Opening your invitation" />
      </Page>
    );
  }
  const p = preview.data;
  const role = label.role(p.role).toLowerCase();
  if (pending !== null) {
    return (
      <Page title="Check your email">
        <Notice tone="done">
          <p>
            We sent an email to <strong>{pending}</strong>. Open the link in it to finish joining{' '}
            {p.community.name}; it works once, for the next 60 minutes.
          </p>
          <p>
            If this address already has an account here, the email says how to sign in and accept
            instead.
          </p>
        </Notice>
        <p>
          Nothing arrived after a few minutes? Check your spam folder, or{' '}
          <button type="button" className="button button-quiet" onClick={() => setPending(null)}>
            try again
          </button>
          .
        </p>
      </Page>
    );
  }
  return (
    <Page
      title={`Join ${p.community.name}`}
      lead={`You have been invited to join ${p.community.name} as ${/^[aeiou]/.test(role) ? 'an' : 'a'} ${role}.`}
    >
      <p>{roleMeaning[p.role] ?? ''}</p>
      <ApiForm
        form={form}
        onSubmit={onSubmit}
        labels={accountLabels}
        submitLabel={<>Join {p.community.name}</>}
      >
        {signedIn ? (
          <p>
            You are signed in as <strong>{me?.user.displayName}</strong>. Joining adds this
            community to your account.
          </p>
        ) : (
          <>
            <h2>Make your account</h2>
            <p className="muted">
              Already have an account? <Link to="/sign-in">Sign in first</Link>, then open this link
              again.
            </p>
            <AccountFields values={values} onChange={setValues} errors={form.errors} />
          </>
        )}
      </ApiForm>
    </Page>
  );
}

/** /invite/confirm/:token — the emailed link: make the account, join, and sign in. */
export function ConfirmInvitePage({ token }: { token: string }) {
  const { refresh } = useSession();
  const announce = useAnnounce();
  const form = useForm();
  const onSubmit = form.submit(
    () => ({}),
    async () => {
      const r = await post<InvitationAccepted>('/api/invitations/confirm', { token });
      if (r.csrfToken) setCsrfToken(r.csrfToken);
      await refresh();
      announce('Your address is confirmed and you have joined the community.');
      navigate(`/c/${r.communityId}`);
    },
  );
  return (
    <Page
      title="Confirm your address and join"
      lead="Your account is made, and you join the community, once you confirm."
    >
      <ApiForm form={form} onSubmit={onSubmit} labels={{}} submitLabel="Confirm and join" />
      {form.general ? (
        <p>
          This link may have been used already or run out. Open the invitation link again to get a
          new one, or <Link to="/sign-in">sign in</Link> if you already have an account.
        </p>
      ) : null}
    </Page>
  );
}
