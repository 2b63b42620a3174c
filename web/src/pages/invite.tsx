// /invite/:token — see what an invitation is for, and join (signed in, or with a new account).
import { useState } from 'react';
import { get, post, setCsrfToken, type InvitationPreview as Preview, type Role } from '../api.ts';
import { useAnnounce } from '../components/announcer.tsx';
import { ApiForm } from '../components/api-form.tsx';
import {
  AccountFields,
  accountLabels,
  validateAccount,
  type AccountValues,
} from '../components/account-fields.tsx';
import { useForm } from '../components/form.tsx';
import { Loading, Page, Problem } from '../components/page.tsx';
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
  const signedIn = Boolean(me);
  const onSubmit = form.submit(
    () => (signedIn ? {} : validateAccount(values)),
    async () => {
      const r = await post<{ communityId: string; csrfToken: string | null }>(
        `/api/invitations/${encodeURIComponent(token)}/accept`,
        signedIn ? {} : values,
      );
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
