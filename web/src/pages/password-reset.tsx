// /forgot-password, /reset-password/:token and /confirm-email/:token: getting back into an
// account, and confirming a new address, from a link sent by email.
import { useState } from 'react';
import { get, post } from '../api.ts';
import { useAnnounce } from '../components/announcer.tsx';
import { ApiForm } from '../components/api-form.tsx';
import { collect, required, TextField, useForm } from '../components/form.tsx';
import { Loading, Notice, Page, Problem } from '../components/page.tsx';
import { useAsync } from '../components/use-async.ts';
import { Link } from '../router.tsx';

export function ForgotPasswordPage() {
  const announce = useAnnounce();
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState(false);
  const form = useForm();
  const onSubmit = form.submit(
    () => collect({ email: required(email, 'Please enter the email you signed up with.') }),
    async () => {
      await post('/api/auth/forgot-password', { email });
      setSent(true);
      announce('If that address has an account, a link is on its way.');
    },
  );
  return (
    <Page
      title="Forgot your password?"
      lead="It happens. Enter the email you use here and we will send you a link to choose a new one."
    >
      {sent ? (
        <Notice tone="done">
          <p>
            If <strong>{email}</strong> has an account here, an email with a link is on its way. The
            link works once, for the next 30 minutes.
          </p>
          <p>
            Nothing arrived after a few minutes? Check your spam folder, or{' '}
            <button type="button" className="button button-quiet" onClick={() => setSent(false)}>
              try again
            </button>
            .
          </p>
        </Notice>
      ) : (
        <ApiForm
          form={form}
          onSubmit={onSubmit}
          labels={{ email: 'Email' }}
          submitLabel="Send me a link"
        >
          <TextField
            id="email"
            label="Email"
            type="email"
            autoComplete="email"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            error={form.errors.email}
          />
        </ApiForm>
      )}
      <p>
        <Link to="/sign-in">Back to sign in</Link>
      </p>
    </Page>
  );
}

export function ResetPasswordPage({ token }: { token: string }) {
  const announce = useAnnounce();
  const link = useAsync(
    () => get(`/api/auth/reset-password/${encodeURIComponent(token)}`),
    [token],
  );
  const [password, setPassword] = useState('');
  const [done, setDone] = useState(false);
  const form = useForm();
  const onSubmit = form.submit(
    () => collect({ password: required(password, 'Please choose a new password.') }),
    async () => {
      await post(`/api/auth/reset-password/${encodeURIComponent(token)}`, { password });
      setDone(true);
      announce('Your new password is set. Please sign in with it.');
    },
  );
  if (done) {
    return (
      <Page title="Your new password is set">
        <Notice tone="done">
          <p>For your safety, every browser that was signed in has been signed out.</p>
        </Notice>
        <p>
          <Link to="/sign-in">Sign in with your new password</Link>
        </p>
      </Page>
    );
  }
  if (link.error) {
    return (
      <Page title="This link has run out">
        <Problem>
          <p>{link.error.message}</p>
        </Problem>
        <p>
          <Link to="/forgot-password">Ask for a new link</Link>
        </p>
      </Page>
    );
  }
  if (link.loading) {
    return (
      <Page title="Choose a new password">
        <Loading what="Checking your link" />
      </Page>
    );
  }
  return (
    <Page title="Choose a new password">
      <ApiForm
        form={form}
        onSubmit={onSubmit}
        labels={{ password: 'New password' }}
        submitLabel="Set my new password"
      >
        <TextField
          id="password"
          label="New password"
          type="password"
          hint="At least 10 characters. A few words you will remember work well."
          autoComplete="new-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={form.errors.password}
        />
      </ApiForm>
    </Page>
  );
}

export function ConfirmEmailPage({ token }: { token: string }) {
  const announce = useAnnounce();
  const [state, setState] = useState<'ready' | 'done'>('ready');
  const form = useForm();
  const onSubmit = form.submit(
    () => ({}),
    async () => {
      await post(`/api/auth/confirm-email/${encodeURIComponent(token)}`);
      setState('done');
      announce('Your new email address is confirmed.');
    },
  );
  if (state === 'done') {
    return (
      <Page title="Your new email address is confirmed">
        <Notice tone="done">
          <p>From now on, sign in and receive emails with this address.</p>
        </Notice>
        <p>
          <Link to="/account">Go to your account</Link>
        </p>
      </Page>
    );
  }
  return (
    <Page
      title="Confirm your new email address"
      lead="Your account moves to this address once you confirm. Your old address will be told."
    >
      <ApiForm form={form} onSubmit={onSubmit} labels={{}} submitLabel="Confirm this address" />
      {form.general ? (
        <p>
          <Link to="/account">Ask for a new link from your account page</Link>
        </p>
      ) : null}
    </Page>
  );
}
