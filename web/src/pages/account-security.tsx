// The account page's sections for keeping an account safe: a new password, a new email
// address, signing out everywhere, and the API tokens made in every community.
import { useState } from 'react';
import { ApiError, del, get, post, setCsrfToken, type ApiToken } from '../api.ts';
import { useAnnounce } from '../components/announcer.tsx';
import { ApiForm } from '../components/api-form.tsx';
import { collect, required, TextField, useForm } from '../components/form.tsx';
import { Loading, Notice, Problem } from '../components/page.tsx';
import { useAsync } from '../components/use-async.ts';
import { formatDate } from '../labels.ts';
import { Link, navigate } from '../router.tsx';
import { useSession } from '../session.tsx';
import { ScrollTable } from '../components/scroll-table.tsx';

export function ChangePassword() {
  const announce = useAnnounce();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [ended, setEnded] = useState<number | null>(null);
  const form = useForm({ currentPassword: 'current-password', newPassword: 'new-password' });
  const onSubmit = form.submit(
    () =>
      collect({
        'current-password': required(current, 'Please enter your current password.'),
        'new-password': required(next, 'Please choose a new password.'),
      }),
    async () => {
      const r = await post<{ sessionsEnded: number }>('/api/me/password', {
        currentPassword: current,
        newPassword: next,
      });
      setCurrent('');
      setNext('');
      setEnded(r.sessionsEnded);
      announce('Your password is changed.');
    },
  );
  return (
    <section aria-labelledby="password-heading" className="section">
      <h2 id="password-heading">Change your password</h2>
      <ApiForm
        form={form}
        onSubmit={onSubmit}
        labels={{ 'current-password': 'Current password', 'new-password': 'New password' }}
        submitLabel="Change password"
        after={
          ended !== null ? (
            <Notice tone="done">
              <p>
                Your password is changed.{' '}
                {ended === 0
                  ? 'No other browser was signed in.'
                  : `${ended} other ${ended === 1 ? 'browser was' : 'browsers were'} signed out.`}
              </p>
            </Notice>
          ) : null
        }
      >
        <TextField
          id="current-password"
          type="password"
          label="Current password"
          autoComplete="current-password"
          value={current}
          onChange={(e) => setCurrent(e.target.value)}
          error={form.errors['current-password']}
        />
        <TextField
          id="new-password"
          type="password"
          label="New password"
          hint="At least 10 characters. Other browsers are signed out; this one stays."
          autoComplete="new-password"
          value={next}
          onChange={(e) => setNext(e.target.value)}
          error={form.errors['new-password']}
        />
      </ApiForm>
    </section>
  );
}

export function ChangeEmail() {
  const announce = useAnnounce();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const form = useForm({ newEmail: 'new-email', password: 'email-password' });
  const onSubmit = form.submit(
    () =>
      collect({
        'new-email': required(email, 'Please enter the new address.'),
        'email-password': required(password, 'Please enter your password.'),
      }),
    async () => {
      await post('/api/me/email', { newEmail: email, password });
      setSentTo(email);
      setPassword('');
      announce('Check the new address for a link to confirm it.');
    },
  );
  return (
    <section aria-labelledby="email-heading" className="section">
      <h2 id="email-heading">Change your email address</h2>
      <p>
        We send a link to the new address. Nothing changes until you open it, and we let your
        current address know once it has.
      </p>
      <ApiForm
        form={form}
        onSubmit={onSubmit}
        labels={{ 'new-email': 'New email address', 'email-password': 'Your password' }}
        submitLabel="Send a link to the new address"
        after={
          sentTo ? (
            <Notice tone="done">
              <p>
                If <strong>{sentTo}</strong> can be used, a link to confirm it is on its way. It
                works once, for the next 24 hours.
              </p>
            </Notice>
          ) : null
        }
      >
        <TextField
          id="new-email"
          type="email"
          label="New email address"
          autoComplete="email"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={form.errors['new-email']}
        />
        <TextField
          id="email-password"
          type="password"
          label="Your password"
          hint="To confirm it is you."
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={form.errors['email-password']}
        />
      </ApiForm>
    </section>
  );
}

export function SignOutEverywhere() {
  const { refresh } = useSession();
  const announce = useAnnounce();
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const signOut = async () => {
    setProblem(null);
    setBusy(true);
    try {
      await post('/api/auth/sign-out-everywhere');
      setCsrfToken(null);
      await refresh();
      announce('You are signed out on every browser and device.');
      navigate('/sign-in');
    } catch (e) {
      setProblem(
        e instanceof ApiError ? e.message : 'We could not sign you out. Please try again.',
      );
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="everywhere-heading" className="section">
      <h2 id="everywhere-heading">Sign out everywhere</h2>
      <p>
        Left yourself signed in on a shared or lost device? This signs you out on every browser,
        this one too. API tokens keep working until you revoke them below.
      </p>
      {problem ? <Problem>{problem}</Problem> : null}
      <button
        type="button"
        className="button"
        aria-disabled={busy || undefined}
        onClick={() => void (busy ? undefined : signOut())}
      >
        Sign out everywhere
      </button>
    </section>
  );
}

interface CommunityTokens {
  id: string;
  name: string;
  items: ApiToken[];
}

export function AllTokens({ communities }: { communities: { id: string; name: string }[] }) {
  const announce = useAnnounce();
  const [problem, setProblem] = useState<string | null>(null);
  const list = useAsync(
    () =>
      Promise.all(
        communities.map(async (c): Promise<CommunityTokens> => {
          const r = await get<{ items: ApiToken[] }>(`/api/communities/${c.id}/tokens`);
          return { id: c.id, name: c.name, items: r.items.filter((t) => !t.revoked) };
        }),
      ),
    [communities],
  );
  const revoke = async (communityId: string, t: ApiToken) => {
    setProblem(null);
    try {
      await del(`/api/communities/${communityId}/tokens/${t.id}`);
      announce(`${t.name} no longer works.`);
      await list.reload();
    } catch (e) {
      setProblem(e instanceof ApiError ? e.message : 'We could not revoke that token.');
    }
  };
  const withTokens = list.data?.filter((c) => c.items.length > 0) ?? [];
  return (
    <section aria-labelledby="tokens-heading" className="section">
      <h2 id="tokens-heading">Your API tokens</h2>
      <p>
        Tokens let a script act as you in one community. Revoke any you no longer use; you can make
        new ones from a community&rsquo;s API tokens page.
      </p>
      {problem ? <Problem>{problem}</Problem> : null}
      {list.error ? <Problem>{list.error.message}</Problem> : null}
      {!list.data && !list.error ? <Loading what="Loading your tokens" /> : null}
      {list.data && withTokens.length === 0 ? <p>You have no API tokens that work.</p> : null}
      {withTokens.length > 0 ? (
        <ScrollTable caption="Your API tokens that still work" captionHidden>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Community</th>
              <th scope="col">Last used</th>
              <th scope="col">Revoke</th>
            </tr>
          </thead>
          <tbody>
            {withTokens.flatMap((c) =>
              c.items.map((t) => (
                <tr key={t.id}>
                  <th scope="row">{t.name}</th>
                  <td>
                    <Link to={`/c/${c.id}/tokens`}>{c.name}</Link>
                  </td>
                  <td>{t.lastUsedAt ? formatDate(t.lastUsedAt) : 'Not yet'}</td>
                  <td>
                    <button
                      type="button"
                      className="button button-quiet"
                      onClick={() => void revoke(c.id, t)}
                    >
                      Revoke<span className="visually-hidden"> {t.name}</span>
                    </button>
                  </td>
                </tr>
              )),
            )}
          </tbody>
        </ScrollTable>
      ) : null}
    </section>
  );
}
