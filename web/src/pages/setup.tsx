// /setup#<token>: the one-time link printed by `callin start` creates the operator account.
import { useEffect, useState } from 'react';
import { post, setCsrfToken } from '../api.ts';
import { useAnnounce } from '../components/announcer.tsx';
import { ApiForm } from '../components/api-form.tsx';
import {
  AccountFields,
  accountLabels,
  validateAccount,
  type AccountValues,
} from '../components/account-fields.tsx';
import { useForm } from '../components/form.tsx';
import { Notice, Page, Problem } from '../components/page.tsx';
import { Link, navigate } from '../router.tsx';
import { useSession } from '../session.tsx';

function takeToken(): string {
  const token = decodeURIComponent(window.location.hash.replace(/^#/, ''));
  // Keep the secret out of the address bar and history once it has been read.
  if (token) window.history.replaceState(null, '', window.location.pathname);
  return token;
}

export function SetupPage() {
  const [token, setToken] = useState(takeToken);
  useEffect(() => {
    // Pasting the link into a tab already on /setup changes only the hash.
    const onHash = () => {
      const t = takeToken();
      if (t) setToken(t);
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  const { refresh } = useSession();
  const announce = useAnnounce();
  const [values, setValues] = useState<AccountValues>({ displayName: '', email: '', password: '' });
  const form = useForm();
  const onSubmit = form.submit(
    () => validateAccount(values),
    async () => {
      await post('/api/setup', { token, ...values });
      const r = await post<{ csrfToken: string }>('/api/auth/sign-in', {
        email: values.email,
        password: values.password,
      });
      setCsrfToken(r.csrfToken);
      await refresh();
      announce('Your operator account is ready.');
      navigate('/');
    },
  );
  if (!token) {
    return (
      <Page title="Set up Calling In">
        <Problem>
          <p>
            This page needs the one-time link that the server printed when it started. Copy the
            whole link, including the part after the # sign.
          </p>
        </Problem>
        <p>
          Already set up? <Link to="/sign-in">Sign in</Link>.
        </p>
      </Page>
    );
  }
  return (
    <Page
      title="Set up Calling In"
      lead="Create the operator account for this installation. The operator creates communities and invites their first organizers."
    >
      <Notice>
        <p>
          As the operator you look after the installation. You will not see what people write in
          concerns unless a community also makes you one of its organizers.
        </p>
      </Notice>
      <ApiForm
        form={form}
        onSubmit={onSubmit}
        labels={accountLabels}
        submitLabel="Create the operator account"
      >
        <AccountFields values={values} onChange={setValues} errors={form.errors} />
      </ApiForm>
    </Page>
  );
}
