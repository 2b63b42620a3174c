import { useState } from 'react';
import { post, setCsrfToken } from '../api.ts';
import { useAnnounce } from '../components/announcer.tsx';
import { ApiForm } from '../components/api-form.tsx';
import { collect, required, TextField, useForm } from '../components/form.tsx';
import { Page } from '../components/page.tsx';
import { Link, navigate } from '../router.tsx';
import { useSession } from '../session.tsx';

const labels = { email: 'Email', password: 'Password' };

export function SignInPage() {
  const { refresh } = useSession();
  const announce = useAnnounce();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const form = useForm();
  const onSubmit = form.submit(
    () =>
      collect({
        email: required(email, 'Please enter the email you signed up with.'),
        password: required(password, 'Please enter your password.'),
      }),
    async () => {
      const r = await post<{ csrfToken: string }>('/api/auth/sign-in', { email, password });
      setCsrfToken(r.csrfToken);
      await refresh();
      announce('You are signed in.');
      navigate('/');
    },
  );
  return (
    <Page title="Sign in" lead="Welcome back. Sign in to see your communities and concerns.">
      <ApiForm form={form} onSubmit={onSubmit} labels={labels} submitLabel="Sign in">
        <TextField
          id="email"
          label="Email"
          type="email"
          autoComplete="email"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={form.errors.email}
        />
        <TextField
          id="password"
          label="Password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={form.errors.password}
        />
      </ApiForm>
      <p>
        <Link to="/forgot-password">Forgot your password?</Link>
      </p>
      <p className="muted">
        New here? Accounts are made from an invitation link that an organizer sends you.
      </p>
    </Page>
  );
}
