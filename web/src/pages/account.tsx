// /account — your account: password, email address, signing out everywhere, API tokens, a
// copy of your data, or deleting the account.
import { useMemo, useState } from 'react';
import { ApiError, del, get, setCsrfToken } from '../api.ts';
import { useAnnounce } from '../components/announcer.tsx';
import { ApiForm } from '../components/api-form.tsx';
import { TextField, collect, required, useForm } from '../components/form.tsx';
import { Loading, Page, Problem } from '../components/page.tsx';
import { Link, navigate } from '../router.tsx';
import { useSession } from '../session.tsx';
import { AllTokens, ChangeEmail, ChangePassword, SignOutEverywhere } from './account-security.tsx';

export function AccountPage() {
  const { me } = useSession();
  // The communities where tokens can be made (an operator may run some without a role there).
  const memberOf = useMemo(() => (me ? me.communities.filter((c) => c.role !== null) : []), [me]);
  if (me === undefined) {
    return (
      <Page title="Your account">
        <Loading />
      </Page>
    );
  }
  if (me === null) {
    return (
      <Page title="Please sign in">
        <Problem>
          <p>Sign in to see your account.</p>
        </Problem>
        <p>
          <Link to="/sign-in">Go to sign in</Link>
        </p>
      </Page>
    );
  }
  return (
    <Page title="Your account" lead={`Signed in as ${me.user.displayName} (${me.user.email}).`}>
      <p>
        Conversations someone started with you about something said or done are under{' '}
        <Link to="/me/call-ins">Conversations with you</Link>.
      </p>
      <ChangePassword />
      <ChangeEmail />
      <SignOutEverywhere />
      <AllTokens communities={memberOf} />
      <Export />
      <Delete />
    </Page>
  );
}

function Export() {
  const announce = useAnnounce();
  const [problem, setProblem] = useState<string | null>(null);
  const download = async () => {
    setProblem(null);
    try {
      const data = await get<unknown>('/api/me/export');
      const blob = new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' });
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = 'callin-my-data.json';
      document.body.appendChild(a);
      a.click();
      a.remove();
      window.setTimeout(() => URL.revokeObjectURL(url), 1_000);
      announce('Your data is downloading as callin-my-data.json.');
    } catch (e) {
      setProblem(e instanceof ApiError ? e.message : 'We could not prepare your data.');
    }
  };
  return (
    <section aria-labelledby="export-heading" className="section">
      <h2 id="export-heading">A copy of your data</h2>
      <p>
        Download everything we keep about you as a JSON file: your account, memberships, the
        concerns you raised and your private care log. It never includes anyone else&rsquo;s data.
      </p>
      {problem ? <Problem>{problem}</Problem> : null}
      <button type="button" className="button" onClick={() => void download()}>
        Download my data
      </button>
    </section>
  );
}

function Delete() {
  const { refresh } = useSession();
  const announce = useAnnounce();
  const [password, setPassword] = useState('');
  const form = useForm({ password: 'delete-password' });
  const onSubmit = form.submit(
    () => collect({ 'delete-password': required(password, 'Please enter your password.') }),
    async () => {
      await del('/api/me', { password });
      setCsrfToken(null);
      await refresh();
      announce('Your account is deleted.');
      navigate('/');
    },
  );
  return (
    <section aria-labelledby="delete-heading" className="section">
      <h2 id="delete-heading">Delete your account</h2>
      <p>
        This removes your account and your personal data for good, and signs you out. The
        communities you belong to keep only anonymous counts. This cannot be undone, so you may want
        to download a copy of your data first.
      </p>
      <p>If you only need a break, you can pause instead from the Care page of a community.</p>
      <ApiForm
        form={form}
        onSubmit={onSubmit}
        labels={{ 'delete-password': 'Your password' }}
        submitLabel="Delete my account"
      >
        <TextField
          id="delete-password"
          type="password"
          label="Your password"
          hint="To confirm it is you."
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={form.errors['delete-password']}
        />
      </ApiForm>
    </section>
  );
}
